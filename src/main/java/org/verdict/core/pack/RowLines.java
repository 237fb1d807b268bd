package org.verdict.core.pack;

import java.util.Arrays;

/**
 * The line (CSV) or row number (Parquet) of each row of a table, for messages. Nearly every row sits one line below
 * the row before it, so only the rows where that breaks (after a blank line, or a record over several lines) are
 * kept, with how far below their row number they sit: a few entries instead of a long per row (80 MB for ten million
 * rows, and as much again for the trimmed copy the repeated-id check was given).
 */
final class RowLines {
    /** The rows from which {@link #offsets} holds, ascending; the first entry is row 0 once a row is added. */
    private int[] fromRows = new int[4];
    private long[] offsets = new long[4];
    private int count;

    /** Notes the line of the next row, {@code row} (rows are added in order, from 0). */
    void add(int row, long line) {
        long offset = line - row;
        if (count > 0 && offsets[count - 1] == offset) {
            return;
        }
        if (count == fromRows.length) {
            fromRows = Arrays.copyOf(fromRows, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        fromRows[count] = row;
        offsets[count++] = offset;
    }

    /**
     * Notes the lines of the rows of {@code after}, another part of the file read on its own: its row r is row
     * {@code rows + r} here, on its line plus {@code lineOffset}.
     */
    void append(RowLines after, int rows, long lineOffset) {
        for (int i = 0; i < after.count; i++) {
            add(rows + after.fromRows[i], after.fromRows[i] + after.offsets[i] + lineOffset);
        }
    }

    long lineOf(int row) {
        int at = Arrays.binarySearch(fromRows, 0, count, row);
        return row + offsets[at >= 0 ? at : -at - 2];
    }
}
