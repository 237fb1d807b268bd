package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.SliceRanking;

class SliceGroupingTest {

    /**
     * Each slice's local indices in ascending score, marked where the score changes, are what sorting the slice's own
     * rows by score gives — on scores with two decimals (many ties, which the marks must find within each slice and
     * not across slices; some of them 0.0 and -0.0, equal scores in any order), for the overall slice, one column and
     * a cross of two.
     */
    @Test
    void markedScoreOrderIsEachSlicesOwnSortedRows() {
        int n = 3000;
        SplittableRandom random = new SplittableRandom(5);
        int[] labels = new int[n];
        double[] scores = new double[n];
        String[] region = new String[n];
        String[] product = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
            // some zeros negative: -0.0 == 0.0, so the two are one score wherever they fall in the order
            int hundredths = random.nextInt(101);
            scores[i] = hundredths == 0 && random.nextBoolean() ? -0.0 : hundredths / 100.0;
            region[i] = "r" + random.nextInt(5);
            product[i] = "p" + random.nextInt(3);
        }
        EvaluationTable table = TestTables.binary(labels, scores, scores, null, null,
                TestTables.columns(TestTables.column("region", region), TestTables.column("product", product)));
        for (SliceGrouping grouping : List.of(SliceGrouping.overall(), SliceGrouping.of(table, List.of("region")),
                SliceGrouping.of(table, List.of("region", "product")))) {
            assertMarkedAreEachSlicesSortedRows(grouping, scores);
        }
    }

    /**
     * The same where a row's place cannot hold its slice code beside its local index (a cross of 600 × 600
     * combinations, 19 bits, with a slice of 8,400 rows, 14 bits): the cut then reads the slice codes.
     */
    @Test
    void markedScoreOrderOfACrossTooLargeToPackItsPlaces() {
        int n = 9000;
        SplittableRandom random = new SplittableRandom(7);
        int[] labels = new int[n];
        double[] scores = new double[n];
        String[] region = new String[n];
        String[] product = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
            scores[i] = random.nextInt(51) / 50.0;
            boolean crowded = i % 15 != 0;
            region[i] = "r" + (crowded ? 0 : i % 600);
            product[i] = "p" + (crowded ? 0 : i * 7 % 600);
        }
        for (int i = 0; i < 600; i++) {
            region[15 * i] = "r" + i;
            product[15 * i] = "p" + i;
        }
        EvaluationTable table = TestTables.binary(labels, scores, scores, null, null,
                TestTables.columns(TestTables.column("region", region), TestTables.column("product", product)));
        assertMarkedAreEachSlicesSortedRows(SliceGrouping.of(table, List.of("region", "product")), scores);
    }

    private static void assertMarkedAreEachSlicesSortedRows(SliceGrouping grouping, double[] scores) {
        int n = scores.length;
        int[] tableOrder = IntStream.range(0, n).toArray();
        // ascending by score, ties in table order
        int[] ascending = IntStream.range(0, n).boxed()
                .sorted((a, b) -> a.equals(b) ? 0 : scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : a - b)
                .mapToInt(Integer::intValue).toArray();
        int[] sizes = grouping.sliceSizes(n);
        int[][] byRow = grouping.partition(tableOrder, sizes);
        int[] place = grouping.dimensions.isEmpty() ? null : grouping.places(sizes);
        int[][] marked = grouping.partitionMarked(ascending, newScores(ascending, scores), place, sizes);
        for (int s = 0; s < sizes.length; s++) {
            int[] rows = byRow[s];
            int[] expected = IntStream.range(0, rows.length).boxed()
                    .sorted((a, b) -> scores[rows[a]] != scores[rows[b]]
                            ? Double.compare(scores[rows[a]], scores[rows[b]]) : a - b)
                    .mapToInt(Integer::intValue).toArray();
            for (int i = expected.length - 1; i >= 0; i--) {
                boolean newScore = i == 0 || scores[rows[expected[i]]] != scores[rows[expected[i - 1]]];
                expected[i] |= newScore ? SliceRanking.NEW_SCORE : 0;
            }
            assertArrayEquals(expected, marked[s], grouping.dimensions + " slice " + s + " of " + sizes.length);
        }
    }

    /** Bit p set where the score at {@code ascending[p]} differs from the one before it, and at p = 0. */
    private static long[] newScores(int[] ascending, double[] scores) {
        long[] bits = new long[(ascending.length + 63) / 64];
        for (int p = 0; p < ascending.length; p++) {
            if (p == 0 || scores[ascending[p]] != scores[ascending[p - 1]]) {
                bits[p / 64] |= 1L << (p % 64);
            }
        }
        return bits;
    }
}
