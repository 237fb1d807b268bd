package org.verdict.core.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Sorting of a score column once, so every slice can take its rows in score order in a single linear pass. */
public final class ScoreOrder {
    private ScoreOrder() {
    }

    /**
     * Row indices in ascending score order, ties in row order. Sorts the distinct values once, ranks every row by
     * binary search and places rows by a counting sort on the rank: O(n log n) on primitives, no boxing.
     */
    public static int[] ascending(double[] scores) {
        double[] distinct = scores.clone();
        Arrays.parallelSort(distinct);
        int distinctCount = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[distinctCount - 1]) {
                distinct[distinctCount++] = distinct[i];
            }
        }
        int[] rank = new int[scores.length];
        int distinctValues = distinctCount;
        IntStream.range(0, scores.length).parallel()
                .forEach(row -> rank[row] = Arrays.binarySearch(distinct, 0, distinctValues, scores[row]));
        int[] start = new int[distinctCount + 1];
        for (int row = 0; row < scores.length; row++) {
            start[rank[row] + 1]++;
        }
        for (int r = 0; r < distinctCount; r++) {
            start[r + 1] += start[r];
        }
        int[] order = new int[scores.length];
        for (int row = 0; row < scores.length; row++) {
            order[start[rank[row]]++] = row;
        }
        return order;
    }

    /**
     * Checks that every score is a probability, naming the first offending example.
     *
     * @throws IllegalArgumentException for NaN or a value outside [0, 1]
     */
    public static void requireProbabilities(double[] scores, String column, String[] exampleIds) {
        for (int row = 0; row < scores.length; row++) {
            double s = scores[row];
            if (!(s >= 0 && s <= 1)) {
                String example = exampleIds == null ? "" : " (example_id " + exampleIds[row] + ")";
                throw new IllegalArgumentException("column " + column + ", data row " + (row + 1) + example + ": score "
                        + s + " is not a probability in [0, 1]");
            }
        }
    }
}
