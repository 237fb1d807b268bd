package org.verdict.core.gates.suites;

import java.util.Arrays;

/** A suite's rows as examples: one example per row, or, for a summarised suite's paired cells, each cell's count. */
final class RowCounts {
    private RowCounts() {
    }

    /** How many examples row {@code row} stands for; {@code counts} is null when each row is one example. */
    static long count(long[] counts, int row) {
        return counts == null ? 1 : counts[row];
    }

    /** The number of examples in {@code rows} rows. */
    static long examples(long[] counts, int rows) {
        return counts == null ? rows : Arrays.stream(counts, 0, rows).sum();
    }
}
