package org.verdict.core.stats;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Sorting of a score column once, so every slice can take its rows in score order in a single linear pass. */
public final class ScoreOrder {
    private ScoreOrder() {
    }

    /**
     * Row indices in ascending score order, ties in row order. Scores must be probabilities (non-negative).
     * One primitive sort of 64-bit keys (the score rounded to float in the high half, the row in the low half; float
     * rounding keeps the order), then the rare runs of distinct doubles that round to the same float are put in
     * exact order.
     */
    public static int[] ascending(double[] scores) {
        int n = scores.length;
        long[] keys = new long[n];
        for (int row = 0; row < n; row++) {
            keys[row] = ((long) Float.floatToIntBits((float) scores[row]) << 32) | row;
        }
        Arrays.parallelSort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (keys[i] >>> 32) != (keys[runStart] >>> 32)) {
                if (i - runStart > 1) {
                    orderRun(order, runStart, i, scores);
                }
                runStart = i;
            }
        }
        return order;
    }

    /** Sorts order[from, to) by (score, row); the run is already in row order, so ties stay in row order. */
    private static void orderRun(int[] order, int from, int to, double[] scores) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = scores[order[i - 1]] <= scores[order[i]];
        }
        if (sorted) {
            return;
        }
        Integer[] run = new Integer[to - from];
        for (int i = from; i < to; i++) {
            run[i - from] = order[i];
        }
        Arrays.sort(run, (a, b) -> {
            int byScore = Double.compare(scores[a] + 0.0, scores[b] + 0.0);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        for (int i = from; i < to; i++) {
            order[i] = run[i - from];
        }
    }

    /**
     * Checks that every score is a probability, naming the first offending example.
     *
     * @throws IllegalArgumentException for NaN or a value outside [0, 1]
     */
    public static void requireProbabilities(double[] scores, String column, IntFunction<String> exampleIdOfRow) {
        for (int row = 0; row < scores.length; row++) {
            double s = scores[row];
            if (!(s >= 0 && s <= 1)) {
                String example = exampleIdOfRow == null ? "" : " (example_id " + exampleIdOfRow.apply(row) + ")";
                throw new IllegalArgumentException("column " + column + ", data row " + (row + 1) + example + ": score "
                        + s + " is not a probability in [0, 1]");
            }
        }
    }
}
