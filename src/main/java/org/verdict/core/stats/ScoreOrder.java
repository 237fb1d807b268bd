package org.verdict.core.stats;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Sorting of a score column once, so every slice can take its rows in score order in a single linear pass. */
public final class ScoreOrder {
    /** The radix sort's digits: three passes of 11 bits cover a float's 32. */
    private static final int RADIX_BITS = 11;
    private static final int RADIX_PASSES = 3;
    private static final int DIGIT_MASK = (1 << RADIX_BITS) - 1;

    private ScoreOrder() {
    }

    /**
     * A score column's rows in ascending score order, ties in row order, and where the score changes along it: bit p
     * ({@code newScores[p >>> 6] >>> p & 1}) set when the score at {@code ascending[p]} differs ({@code !=}) from the
     * one at {@code ascending[p − 1]}, and at p = 0. Every slice grouping's cut takes its score marks from these bits
     * instead of looking every row's score up again.
     */
    public record Sorted(int[] ascending, long[] newScores) {
    }

    /**
     * Row indices in ascending score order, ties in row order. Scores must be probabilities (non-negative).
     * A stable least-significant-digit radix sort of the rows by their score rounded to float (float rounding keeps
     * the order; three passes of 11 bits, linear in the rows, where a comparison sort of a million keys took about
     * twice the CPU on a fresh JVM), then the rare runs of distinct doubles that round to the same float are put in
     * exact order; or, when the scores take few values, each one float, a counting sort by rank ({@link #byRank}).
     */
    public static int[] ascending(double[] scores) {
        return sort(scores, scores.length, false).ascending();
    }

    /**
     * {@link #ascending} with the positions where the score changes, found from the sorted float keys as they come out
     * of the sort (in order, no random access): only within a run of equal keys that holds several doubles, and
     * between −0.0 and 0.0, are the scores themselves compared. Looking each position's score up instead, in score
     * order, was a read at random per row (ten million rows: 80 MB of scores, twice).
     */
    public static Sorted sorted(double[] scores) {
        return sort(scores, scores.length, true);
    }

    /**
     * {@link #sorted} of the first {@code rows} scores of a longer array (a column still being filled when it was
     * made), without a trimmed copy of them first.
     */
    public static Sorted sorted(double[] scores, int rows) {
        return sort(scores, rows, true);
    }

    private static Sorted sort(double[] scores, int n, boolean marked) {
        if (n == 0) {
            return new Sorted(new int[0], new long[0]);
        }
        int[] keys = new int[n];
        FloatRuns runs = new FloatRuns();
        for (int row = 0; row < n; row++) {
            // the sign bit flipped: unsigned order of the result is the signed order of the float's bits
            keys[row] = Float.floatToIntBits((float) scores[row]) ^ Integer.MIN_VALUE;
            runs.note(keys[row], scores[row]);
        }
        if (runs.oneDoublePerFloat()) {
            return byRank(keys, runs, marked);
        }
        int[] order = new int[n];
        for (int row = 0; row < n; row++) {
            order[row] = row;
        }
        int[][] counts = digitCounts(keys);
        int[] keysOut = new int[n];
        int[] orderOut = new int[n];
        for (int pass = 0; pass < RADIX_PASSES; pass++) {
            if (counts[pass][digit(keys[0], pass)] == n) {
                continue; // every key has this digit: the pass would leave the order as it is
            }
            scatter(keys, order, keysOut, orderOut, counts[pass], pass);
            int[] swap = keys;
            keys = keysOut;
            keysOut = swap;
            swap = order;
            order = orderOut;
            orderOut = swap;
        }
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || keys[i] != keys[runStart]) {
                if (i - runStart > 1) {
                    orderRun(order, runStart, i, scores);
                }
                runStart = i;
            }
        }
        return new Sorted(order, marked ? newScores(keys, order, scores) : null);
    }

    /**
     * The sort when every float key seen stands for a single double and there are few of them ({@link FloatRuns}):
     * scores written with a few decimals, 10,001 values in the benchmark's ten million rows. A counting sort by each
     * row's rank among the distinct keys: one pass to count, one to place each row (ties in row order), where the radix
     * sort took three of both its arrays; the score changes are where each rank's rows begin.
     *
     * @param keys each row's float key, replaced here by its rank
     */
    private static Sorted byRank(int[] keys, FloatRuns runs, boolean marked) {
        int n = keys.length;
        double[] scoreOfRank = runs.rank();
        int[] next = new int[scoreOfRank.length + 1];
        for (int row = 0; row < n; row++) {
            int rank = runs.rankOf(keys[row]);
            keys[row] = rank;
            next[rank + 1]++;
        }
        for (int rank = 1; rank < next.length; rank++) {
            next[rank] += next[rank - 1];
        }
        long[] bits = null;
        if (marked) {
            bits = new long[(n + 63) >>> 6];
            for (int rank = 0; rank < scoreOfRank.length; rank++) {
                // −0.0 and 0.0 are two floats but one score
                if (rank == 0 || scoreOfRank[rank] != scoreOfRank[rank - 1]) {
                    bits[next[rank] >>> 6] |= 1L << next[rank];
                }
            }
        }
        int[] order = new int[n];
        for (int row = 0; row < n; row++) {
            order[next[keys[row]]++] = row;
        }
        return new Sorted(order, bits);
    }

    /**
     * The {@link Sorted#newScores} of a sorted order from its float keys: different floats are different doubles
     * except −0.0 and 0.0 (keys 0 and {@code Integer.MIN_VALUE}); equal floats may be different doubles.
     */
    private static long[] newScores(int[] sortedKeys, int[] order, double[] scores) {
        long[] bits = new long[(order.length + 63) >>> 6];
        bits[0] = 1;
        for (int p = 1; p < order.length; p++) {
            int key = sortedKeys[p];
            int before = sortedKeys[p - 1];
            boolean zeros = (key & Integer.MAX_VALUE) == 0 && (before & Integer.MAX_VALUE) == 0;
            if (key != before && !zeros || (key == before || zeros) && scores[order[p]] != scores[order[p - 1]]) {
                bits[p >>> 6] |= 1L << p;
            }
        }
        return bits;
    }

    /**
     * Whether each float key seen stands for a single double, found while the keys are made (in row order, no random
     * access): then the rows are sorted by their key's rank among the keys seen ({@link #byRank}), and no run needs
     * its doubles looked at. Scores written with a few decimals (10,001 distinct values in a million rows) make runs
     * of about a hundred rows, whose check read every row's score again in score order, one cache miss each. Kept for
     * a bounded number of distinct floats only: many distinct scores make short runs, which the check after the radix
     * sort passes quickly anyway.
     */
    private static final class FloatRuns {
        private static final int MAX_DISTINCT = 1 << 16;
        private int[] keys = new int[1 << 10];
        private long[] doubles = new long[keys.length];
        private boolean[] used = new boolean[keys.length];
        private int distinct;
        private int[] rankOfSlot;
        /** False once a float met two different doubles, or too many floats were met to keep. */
        private boolean oneDoublePerFloat = true;

        void note(int key, double score) {
            if (!oneDoublePerFloat) {
                return;
            }
            long bits = Double.doubleToRawLongBits(score);
            int slot = find(key);
            if (used[slot]) {
                oneDoublePerFloat = doubles[slot] == bits;
                return;
            }
            if (distinct == MAX_DISTINCT) {
                oneDoublePerFloat = false;
                return;
            }
            used[slot] = true;
            keys[slot] = key;
            doubles[slot] = bits;
            if (2 * ++distinct > keys.length) {
                grow();
            }
        }

        /** The key's slot, or the free slot where it would go. */
        private int find(int key) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /**
         * Numbers the keys seen in ascending order, for {@link #rankOf}, once every key is noted.
         *
         * @return the score of each rank
         */
        double[] rank() {
            int[] sorted = new int[distinct];
            int count = 0;
            for (int slot = 0; slot < keys.length; slot++) {
                if (used[slot]) {
                    // back to the float's bits: their signed order is the keys' unsigned order
                    sorted[count++] = keys[slot] ^ Integer.MIN_VALUE;
                }
            }
            Arrays.sort(sorted);
            rankOfSlot = new int[keys.length];
            double[] scoreOfRank = new double[distinct];
            for (int rank = 0; rank < distinct; rank++) {
                int slot = find(sorted[rank] ^ Integer.MIN_VALUE);
                rankOfSlot[slot] = rank;
                scoreOfRank[rank] = Double.longBitsToDouble(doubles[slot]);
            }
            return scoreOfRank;
        }

        /** The rank of a key seen ({@link #rank}). */
        int rankOf(int key) {
            return rankOfSlot[find(key)];
        }

        boolean oneDoublePerFloat() {
            return oneDoublePerFloat;
        }

        private void grow() {
            int[] oldKeys = keys;
            long[] oldDoubles = doubles;
            boolean[] oldUsed = used;
            keys = new int[oldKeys.length * 2];
            doubles = new long[keys.length];
            used = new boolean[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = slot(oldKeys[i], mask);
                    while (used[slot]) {
                        slot = (slot + 1) & mask;
                    }
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    doubles[slot] = oldDoubles[i];
                }
            }
        }

        private static int slot(int key, int mask) {
            return (key * 0x9E3779B9 >>> 16 ^ key * 0x9E3779B9) & mask;
        }
    }

    private static int digit(int key, int pass) {
        return (key >>> (pass * RADIX_BITS)) & DIGIT_MASK;
    }

    /** How many keys have each digit, per pass, counted in one pass over the keys. */
    private static int[][] digitCounts(int[] keys) {
        int[][] counts = new int[RADIX_PASSES][1 << RADIX_BITS];
        int[] low = counts[0];
        int[] middle = counts[1];
        int[] high = counts[2];
        for (int key : keys) {
            low[key & DIGIT_MASK]++;
            middle[(key >>> RADIX_BITS) & DIGIT_MASK]++;
            high[(key >>> 2 * RADIX_BITS) & DIGIT_MASK]++;
        }
        return counts;
    }

    /** One stable counting-sort pass by a digit: each key and its row to its digit's next place. */
    private static void scatter(int[] keys, int[] order, int[] keysOut, int[] orderOut, int[] counts, int pass) {
        int[] next = new int[counts.length];
        for (int d = 1; d < counts.length; d++) {
            next[d] = next[d - 1] + counts[d - 1];
        }
        int shift = pass * RADIX_BITS;
        for (int i = 0; i < keys.length; i++) {
            int key = keys[i];
            int place = next[(key >>> shift) & DIGIT_MASK]++;
            keysOut[place] = key;
            orderOut[place] = order[i];
        }
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
        requireProbabilities(scores, scores.length, column, exampleIdOfRow);
    }

    /** {@link #requireProbabilities} of the first {@code rows} scores. */
    public static void requireProbabilities(double[] scores, int rows, String column,
                                            IntFunction<String> exampleIdOfRow) {
        for (int row = 0; row < rows; row++) {
            double s = scores[row];
            if (!(s >= 0 && s <= 1)) {
                String example = exampleIdOfRow == null ? "" : " (example_id " + exampleIdOfRow.apply(row) + ")";
                throw new IllegalArgumentException("column " + column + ", data row " + (row + 1) + example + ": score "
                        + s + " is not a probability in [0, 1]");
            }
        }
    }
}
