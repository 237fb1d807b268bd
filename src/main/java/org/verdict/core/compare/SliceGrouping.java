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
     * Where each row is among its slice's rows in table order (as {@link #partition} of the table order lists them),
     * its local index; with its slice in the bits above the local index's when both fit in 32 bits
     * ({@link #localBits}, which every grouping of single columns does), so a cut reads one int per row at random
     * instead of a long. One pass in table order, reading the slice codes and writing the places in sequence.
     *
     * @param sizes from {@link #sliceSizes}
     */
    int[] places(int[] sizes) {
        int shift = localBits(sizes);
        int[] place = new int[codes.length];
        int[] next = new int[sliceCount()];
        for (int row = 0; row < place.length; row++) {
            int slice = codes[row];
            place[row] = (shift < 0 ? 0 : slice << shift) | next[slice]++;
        }
        return place;
    }

    /**
     * How many low bits of a {@link #places place} hold the local index, or −1 when the slice codes do not fit in
     * the bits above (a cross of many combinations with large slices): the place is then the local index alone.
     */
    private int localBits(int[] sizes) {
        int largest = 0;
        for (int size : sizes) {
            largest = Math.max(largest, size);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(largest - 1, 0));
        int sliceBits = 32 - Integer.numberOfLeadingZeros(sliceCount() - 1);
        return bits + sliceBits <= 32 ? bits : -1;
    }

    /**
     * Every slice's rows in ascending score order, each given as its position among the slice's rows (its local index)
     * and marked {@link SliceRanking#NEW_SCORE} where its score differs from the slice's row before it: what
     * {@link SliceRanking#fromMarkedLocals} takes. One pass over the table's score order that looks up each row's
     * place (and its slice code, when the place does not hold it); the scores are not read: in ascending order a
     * slice's score changes between two of its rows exactly when the table's does somewhere between them.
     *
     * @param ascending the table's rows in ascending score
     * @param newScores bit p set where the score at {@code ascending[p]} differs from the one before it
     *                  ({@link ScoreOrder.Sorted#newScores})
     * @param place from {@link #places}; unused (may be null) for the overall grouping, whose local index is the row
     */
    int[][] partitionMarked(int[] ascending, long[] newScores, int[] place, int[] sizes) {
        if (codes == null) {
            int[] marked = new int[ascending.length];
            for (int p = 0; p < marked.length; p++) {
                marked[p] = ascending[p] | ((newScores[p >>> 6] >>> p & 1) != 0 ? SliceRanking.NEW_SCORE : 0);
            }
            return new int[][] {marked};
        }
        int shift = localBits(sizes);
        int local = shift < 0 ? -1 : (int) ((1L << shift) - 1);
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
        // the places (a read at random of a row's, in score order) looked up a run at a time by a loop that does
        // nothing else, so the processor has many of those reads under way at once: about a third of the time of
        // one lookup after the other, each waiting behind the writes of the row before (ten million rows)
        int[] runPlaces = new int[Math.min(GATHERED, ascending.length)];
        int[] runCodes = shift < 0 ? new int[runPlaces.length] : null;
        for (int from = 0; from < ascending.length; from += GATHERED) {
            int to = Math.min(ascending.length, from + GATHERED);
            gather(ascending, from, to, place, runPlaces);
            if (runCodes != null) {
                gather(ascending, from, to, codes, runCodes);
            }
            for (int p = from; p < to; p++) {
                if ((newScores[p >>> 6] >>> p & 1) != 0) {
                    change = p;
                }
                int at = runPlaces[p - from];
                int slice = runCodes != null ? runCodes[p - from] : at >>> shift;
                marked[slice][next[slice]++] = (at & local) | (change > last[slice] ? SliceRanking.NEW_SCORE : 0);
                last[slice] = p;
            }
        }
        return marked;
    }

    /** The rows looked up at a time by {@link #partitionMarked}: a few kilobytes, which stay in the first-level cache. */
    private static final int GATHERED = 512;

    /** {@code into[i] = byRow[ascending[from + i]]} for the positions {@code from} to {@code to}. */
    private static void gather(int[] ascending, int from, int to, int[] byRow, int[] into) {
        for (int p = from; p < to; p++) {
            into[p - from] = byRow[ascending[p]];
        }
    }
}
