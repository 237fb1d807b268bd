package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.ScoreOrder;
import org.verdict.core.stats.SliceRanking;

/**
 * One way of cutting a table into slices: the whole table, one slice column, or a cross of several columns.
 * {@link #partition} puts each slice's rows together in one linear pass (a counting sort by slice code), keeping
 * the order of the input, so the rows of every slice come out in score order when the input is.
 */
final class SliceGrouping {
    final List<String> dimensions;
    private final int[] codes;
    private final List<List<String>> levelValues;

    private SliceGrouping(List<String> dimensions, int[] codes, List<List<String>> levelValues) {
        this.dimensions = List.copyOf(dimensions);
        this.codes = codes;
        this.levelValues = levelValues;
    }

    static SliceGrouping overall() {
        return new SliceGrouping(List.of(), null, List.of(List.of()));
    }

    /** A single column, or the cross of several (slice codes combined mixed-radix). */
    static SliceGrouping of(EvaluationTable table, List<String> dimensions) {
        List<CategoricalColumn> columns = new ArrayList<>();
        for (String name : dimensions) {
            columns.add(table.column(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown slice column '" + name + "'; the table has " + table.sliceColumns().keySet())));
        }
        long combinations = 1;
        for (CategoricalColumn column : columns) {
            combinations *= column.levelCount();
        }
        if (combinations > 1_000_000) {
            throw new IllegalArgumentException("the cross " + dimensions + " has " + combinations
                    + " combinations; cross fewer or coarser columns");
        }
        int[] codes = columns.size() == 1 ? columns.get(0).codes() : new int[table.rowCount()];
        if (columns.size() > 1) {
            for (CategoricalColumn column : columns) {
                int[] columnCodes = column.codes();
                int radix = column.levelCount();
                for (int row = 0; row < codes.length; row++) {
                    codes[row] = codes[row] * radix + columnCodes[row];
                }
            }
        }
        List<List<String>> values = new ArrayList<>();
        for (int code = 0; code < combinations; code++) {
            List<String> combination = new ArrayList<>();
            int rest = code;
            for (int c = columns.size() - 1; c >= 0; c--) {
                CategoricalColumn column = columns.get(c);
                combination.add(0, column.levels().get(rest % column.levelCount()));
                rest /= column.levelCount();
            }
            values.add(combination);
        }
        return new SliceGrouping(dimensions, codes, values);
    }

    int sliceCount() {
        return levelValues.size();
    }

    SliceKey key(int slice) {
        return new SliceKey(dimensions, levelValues.get(slice));
    }

    /** How many rows each slice has. */
    int[] sliceSizes(int rowCount) {
        int[] size = new int[sliceCount()];
        if (codes == null) {
            size[0] = rowCount;
        } else {
            for (int code : codes) {
                size[code]++;
            }
        }
        return size;
    }

    /**
     * The rows of every slice (one array per slice, possibly empty), each in the order given.
     * The overall slice is {@code orderedRows} itself, not a copy; nobody writes to these arrays.
     *
     * @param sizes from {@link #sliceSizes}
     */
    int[][] partition(int[] orderedRows, int[] sizes) {
        if (codes == null) {
            return new int[][] {orderedRows};
        }
        int[][] rows = new int[sliceCount()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = new int[sizes[s]];
        }
        int[] next = new int[sliceCount()];
        for (int row : orderedRows) {
            int slice = codes[row];
            rows[slice][next[slice]++] = row;
        }
        return rows;
    }

    /**
     * Where each row is: its slice in the high 32 bits, its position among the slice's rows in table order (as
     * {@link #partition} of the table order lists them) in the low ones. One pass in table order, reading the slice
     * codes and writing the places in sequence.
     */
    long[] places(int rowCount) {
        long[] place = new long[rowCount];
        int[] next = new int[sliceCount()];
        for (int row = 0; row < rowCount; row++) {
            int slice = codes[row];
            place[row] = (long) slice << 32 | next[slice]++;
        }
        return place;
    }

    /**
     * Every slice's rows in ascending score order, each given as its position among the slice's rows (its local index)
     * and marked {@link SliceRanking#NEW_SCORE} where its score differs from the slice's row before it: what
     * {@link SliceRanking#fromMarkedLocals} takes. One pass over the table's score order that looks up each row's
     * place; the scores are not read: in ascending order a slice's score changes between two of its rows exactly when
     * the table's does somewhere between them.
     *
     * @param ascending the table's rows in ascending score
     * @param newScores bit p set where the score at {@code ascending[p]} differs from the one before it
     *                  ({@link ScoreOrder#newScores})
     * @param place from {@link #places}; unused (may be null) for the overall grouping, whose local index is the row
     */
    int[][] partitionMarked(int[] ascending, long[] newScores, long[] place, int[] sizes) {
        if (codes == null) {
            int[] marked = new int[ascending.length];
            for (int p = 0; p < marked.length; p++) {
                marked[p] = ascending[p] | ((newScores[p >>> 6] >>> p & 1) != 0 ? SliceRanking.NEW_SCORE : 0);
            }
            return new int[][] {marked};
        }
        int[][] marked = new int[sliceCount()][];
        for (int s = 0; s < marked.length; s++) {
            marked[s] = new int[sizes[s]];
        }
        int[] next = new int[sliceCount()];
        // each slice's last position in the score order, and the last position where the table's score changed
        // (position 0 always starts a score, so each slice's first row does)
        int[] last = new int[sliceCount()];
        java.util.Arrays.fill(last, -1);
        int change = 0;
        for (int p = 0; p < ascending.length; p++) {
            if ((newScores[p >>> 6] >>> p & 1) != 0) {
                change = p;
            }
            long at = place[ascending[p]];
            int slice = (int) (at >>> 32);
            marked[slice][next[slice]++] = (int) at | (change > last[slice] ? SliceRanking.NEW_SCORE : 0);
            last[slice] = p;
        }
        return marked;
    }
}
