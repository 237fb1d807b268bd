package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoreOrderTest {

    /** Distinct doubles closer than a float's precision, exact ties and 0/1 all come out as a boxed stable sort says. */
    @Test
    void ordersLikeAStableSortOfTheDoubles() {
        SplittableRandom random = new SplittableRandom(2);
        int n = 5000;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double base = random.nextInt(50) / 50.0;
            scores[i] = switch (i % 4) {
                case 0 -> base;                                   // exact ties
                case 1 -> Math.min(1, base + random.nextInt(5) * 1e-12); // same float, different double
                case 2 -> random.nextDouble();
                default -> i % 8 == 3 ? 0.0 : 1.0;
            };
        }
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer row) -> scores[row]))
                .mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, ScoreOrder.ascending(scores));
    }

    /**
     * The radix passes against a boxed stable sort: many distinct floats across the whole range (every digit of every
     * pass in use), −0.0 (before 0.0, as Double.compare has it), and tables of 0, 1 and 2 rows.
     */
    @Test
    void ordersEveryDigitAndTheEdgesLikeAStableSort() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 20_000;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = switch (i % 5) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> Math.pow(random.nextDouble(), 40); // tiny scores: low exponents, every mantissa digit
                default -> random.nextDouble();
            };
        }
        for (double[] table : new double[][] {scores, {}, {0.3}, {0.3, -0.0}, {1.0, 1.0}}) {
            int[] expected = IntStream.range(0, table.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer row) -> table[row]))
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, ScoreOrder.ascending(table));
        }
    }

    /**
     * Scores written with four decimals (one double per float: counted by rank, no run looked at), the same with one
     * score nudged by less than a float's precision late in the column, and more distinct floats than are kept while
     * the keys are made, with such nudged pairs only after them: every time the order of a boxed stable sort.
     */
    @Test
    void ordersRunsOfEqualFloatsLikeAStableSortWhateverTheirDoubles() {
        SplittableRandom random = new SplittableRandom(11);
        double[] fourDecimals = new double[50_000];
        for (int i = 0; i < fourDecimals.length; i++) {
            fourDecimals[i] = random.nextInt(10_001) / 10_000.0;
        }
        double[] nudgedLate = fourDecimals.clone();
        nudgedLate[nudgedLate.length - 3] = 0.5 + 1e-12;
        nudgedLate[nudgedLate.length - 7] = 0.5 - 1e-12;
        double[] manyFloats = new double[200_000];
        for (int i = 0; i < manyFloats.length; i++) {
            manyFloats[i] = i < 150_000 ? random.nextDouble() : random.nextInt(100) / 100.0 + (i % 3) * 1e-13;
        }
        for (double[] table : new double[][] {fourDecimals, nudgedLate, manyFloats}) {
            int[] expected = IntStream.range(0, table.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer row) -> table[row]))
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, ScoreOrder.ascending(table));
        }
    }

    /**
     * The sort's marks are where consecutive scores in its order differ (compared as doubles, so −0.0 equals 0.0):
     * scores with two decimals (one double per float; long ties, −0.0 among the zeros), doubles closer than a float's
     * precision with −0.0, 0.0 and positives that round to the float 0 among them (several doubles per float), one
     * score only, and no rows.
     */
    @Test
    void marksWhereConsecutiveScoresDiffer() {
        SplittableRandom random = new SplittableRandom(13);
        double[] twoDecimals = new double[300_000];
        for (int i = 0; i < twoDecimals.length; i++) {
            int hundredths = random.nextInt(101);
            twoDecimals[i] = hundredths == 0 && random.nextBoolean() ? -0.0 : hundredths / 100.0;
        }
        double[] belowAFloat = new double[100_000];
        for (int i = 0; i < belowAFloat.length; i++) {
            belowAFloat[i] = switch (random.nextInt(5)) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> random.nextInt(3) * 1e-50;
                default -> 0.5 + random.nextInt(4) * 1e-12 + random.nextInt(3) / 10.0;
            };
        }
        double[] oneScore = new double[70_000];
        Arrays.fill(oneScore, 0.25);
        for (double[] scores : new double[][] {twoDecimals, belowAFloat, oneScore, {}}) {
            ScoreOrder.Sorted sorted = ScoreOrder.sorted(scores);
            int[] ascending = sorted.ascending();
            assertArrayEquals(ScoreOrder.ascending(scores), ascending);
            long[] expected = new long[(scores.length + 63) / 64];
            for (int p = 0; p < scores.length; p++) {
                if (p == 0 || scores[ascending[p]] != scores[ascending[p - 1]]) {
                    expected[p / 64] |= 1L << (p % 64);
                }
            }
            assertArrayEquals(expected, sorted.newScores());
        }
    }

    /**
     * The first rows of a longer column (one still being filled when it was made) sort as a copy of just those rows
     * would, whatever follows them: here scores no probability check would pass, the lowest and the highest, and
     * values taking the sort off its few-values path.
     */
    @Test
    void theFirstRowsOfALongerColumnSortAsTheirCopy() {
        SplittableRandom random = new SplittableRandom(29);
        double[] fourDecimals = new double[30_000];
        double[] continuous = new double[30_000];
        for (int i = 0; i < fourDecimals.length; i++) {
            fourDecimals[i] = random.nextInt(10_001) / 10_000.0;
            continuous[i] = random.nextDouble();
        }
        for (double[] scores : new double[][] {fourDecimals, continuous}) {
            for (int rows : new int[] {scores.length, 20_000, 1, 0}) {
                double[] column = Arrays.copyOf(scores, rows + 2_000);
                for (int extra = rows; extra < column.length; extra++) {
                    column[extra] = switch (extra % 4) {
                        case 0 -> -1.0;
                        case 1 -> Double.NaN;
                        case 2 -> 2.0;
                        default -> random.nextDouble();
                    };
                }
                ScoreOrder.Sorted alone = ScoreOrder.sorted(Arrays.copyOf(scores, rows));
                ScoreOrder.Sorted first = ScoreOrder.sorted(column, rows);
                assertArrayEquals(alone.ascending(), first.ascending());
                assertArrayEquals(alone.newScores(), first.newScores());
                ScoreOrder.requireProbabilities(column, rows, "score_7", null);
            }
        }
        double[] badWithin = {0.5, 1.5, 0.25};
        assertThrows(IllegalArgumentException.class,
                () -> ScoreOrder.requireProbabilities(badWithin, 2, "score_7", null));
    }

    @Test
    void refusesScoresThatAreNotProbabilities() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreOrder.requireProbabilities(new double[] {0.5, -0.1}, "score_7", row -> new String[] {"a", "b"}[row]));
        assertTrue(e.getMessage().contains("score_7") && e.getMessage().contains("row 2")
                && e.getMessage().contains("example_id b"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScoreOrder.requireProbabilities(new double[] {Double.NaN}, "score_7", null));
        ScoreOrder.requireProbabilities(new double[] {0, 1, 0.5}, "score_7", null);
        assertTrue(Arrays.equals(new int[] {1, 0}, ScoreOrder.ascending(new double[] {0.7, 0.2})));
    }
}
