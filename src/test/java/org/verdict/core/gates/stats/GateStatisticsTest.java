package org.verdict.core.gates.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.Proportions;

/** Every value here was computed by hand (shown in the comments) or comes from a published worked example. */
class GateStatisticsTest {

    @Test
    void wilsonIntervalOfOneInTen() {
        // p = 0.1, z² / n = 0.38416; centre = (0.1 + 0.19208) / 1.38416 = 0.21102;
        // half = 1.96 / 1.38416 · sqrt(0.009 + 0.009604) = 0.19314  ->  [0.0179, 0.4042]
        Interval ci = Proportions.wilson(1, 10, 0.95);
        assertEquals(0.0179, ci.lower(), 1e-4);
        assertEquals(0.4042, ci.upper(), 1e-4);
    }

    @Test
    void newcombeDifferenceMatchesThePublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 − 48/80, method 10: 0.0524 to 0.3339
        Interval ci = Proportions.newcombeDifference(56, 70, 48, 80, 0.95);
        assertEquals(0.0524, ci.lower(), 5e-4);
        assertEquals(0.3339, ci.upper(), 5e-4);
    }

    @Test
    void percentilesInterpolateBetweenClosestRanks() {
        // 1..10: position q·9; p50 = 5.5, p95 = 9 + 0.55 = 9.55, p99 = 9 + 0.91 = 9.91 (numpy.percentile agrees)
        Percentiles percentiles = new Percentiles(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertEquals(5.5, percentiles.value(0.5), 1e-12);
        assertEquals(9.55, percentiles.value(0.95), 1e-12);
        assertEquals(9.91, percentiles.value(0.99), 1e-12);
    }

    @Test
    void medianIntervalUsesTheTabulatedOrderStatistics() {
        // n = 100, median, 95%: Bin(100, 0.5) has F(39) = 0.018 < 0.025 ≤ F(40) = 0.028 and
        // F(59) = 0.972 < 0.975 ≤ F(60) = 0.982, so ranks 40 and 61 (the textbook table value)
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }
        Interval ci = new Percentiles(values).interval(0.5, 0.95);
        assertEquals(40, ci.lower());
        assertEquals(61, ci.upper());
    }

    @Test
    void cohenKappaOfTheTextbookTwoByTwoTable() {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. p_o = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        addPairs(first, second, "yes", "yes", 20);
        addPairs(first, second, "yes", "no", 5);
        addPairs(first, second, "no", "yes", 10);
        addPairs(first, second, "no", "no", 15);
        assertEquals(0.4, Agreement.cohenKappa(first, second), 1e-12);
    }

    @Test
    void cohenKappaOfTheSameTableAsPairedCells() {
        // the textbook table above, one row per cell with its count: the same κ = 0.4; an empty cell changes nothing
        assertEquals(0.4, Agreement.cohenKappa(List.of("yes", "yes", "no", "no", "maybe"),
                List.of("yes", "no", "yes", "no", "maybe"), new long[] {20, 5, 10, 15, 0}), 1e-12);
    }

    @Test
    void fleissKappaOfTheWorkedExample() {
        // The 10 subjects × 14 raters × 5 categories example (Fleiss 1971 style, as tabulated on Wikipedia):
        // P̄ = 0.378, P̄e = 0.213, κ = 0.210
        int[][] table = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertEquals(0.210, Agreement.fleissKappa(items(table)), 5e-4);
    }

    @Test
    void cohenKappaStandardErrorOfTheSasExample() {
        // SAS PROC FREQ's worked 3 × 3 table (rows rater 1, columns rater 2: 0 4 1 / 0 8 0 / 0 1 5), as printed in
        // statsmodels' tests: kappa 0.4842, ASE 0.1380
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        String[] classes = {"x", "y", "z"};
        int[][] table = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                addPairs(first, second, classes[i], classes[j], table[i][j]);
            }
        }
        Agreement.Estimate estimate = Agreement.cohenKappaWithError(first, second);
        assertEquals(0.4842, estimate.kappa(), 5e-5);
        assertEquals(0.1380, estimate.standardError(), 5e-5);
    }

    @Test
    void cohenKappaHasNoStandardErrorWhenBothRatersUseOneClass() {
        assertTrue(Double.isNaN(Agreement.cohenKappaWithError(List.of("a", "a"), List.of("a", "a")).standardError()));
    }

    @Test
    void fleissKappaStandardErrorIsItsInfluenceFunctions() {
        // independent values: kappa's derivative with respect to each item's weight, taken numerically in NumPy
        // (step 1e-6), gives each item's influence; SE = sqrt(Σ influence² / (n (n − 1))). The 14-rater example
        // above: 0.0923711; 8 items of 3 raters, 2 classes (3-0, 2-1, 0-3, 3-0, 1-2, 0-3, 3-0, 0-3): 0.2182179
        int[][] fourteen = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertEquals(0.0923711, Agreement.fleissKappaWithError(items(fourteen)).standardError(), 1e-6);
        int[][] three = {{3, 0}, {2, 1}, {0, 3}, {3, 0}, {1, 2}, {0, 3}, {3, 0}, {0, 3}};
        Agreement.Estimate estimate = Agreement.fleissKappaWithError(items(three));
        assertEquals(2.0 / 3, estimate.kappa(), 1e-12);
        assertEquals(0.2182179, estimate.standardError(), 1e-6);
    }

    private static List<List<String>> items(int[][] table) {
        List<List<String>> items = new ArrayList<>();
        for (int[] row : table) {
            List<String> ratings = new ArrayList<>();
            for (int category = 0; category < row.length; category++) {
                for (int k = 0; k < row[category]; k++) {
                    ratings.add("c" + category);
                }
            }
            items.add(ratings);
        }
        return items;
    }

    @Test
    void psiOfTwoBinsByHand() {
        // (0.25 − 0.5)·ln(0.5) + (0.75 − 0.5)·ln(1.5) = 0.173287 + 0.101366 = 0.274653
        assertEquals(0.274653, DriftStatistics.psi(new long[] {50, 50}, new long[] {25, 75}), 1e-6);
        assertEquals(0, DriftStatistics.psi(new long[] {10, 30}, new long[] {20, 60}), 1e-12);
    }

    @Test
    void ksOfTwoSeparatedSamples() {
        // Fully separated samples of 5 and 5: D = 1; exactly 2 of the C(10, 5) = 252 orderings reach it: p = 2/252
        double[] reference = {1, 2, 3, 4, 5};
        double[] current = {6, 7, 8, 9, 10};
        assertEquals(1.0, DriftStatistics.ksStatistic(reference, current), 1e-12);
        assertEquals(2.0 / 252, DriftStatistics.ksPValue(reference, current), 1e-6);
        // {1,2,3,4} vs {3,4,5,6}: the ECDFs differ by 0.5 at 2 and at 4
        assertEquals(0.5, DriftStatistics.ksStatistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}), 1e-12);
    }

    @Test
    void chiSquareOfHomogeneityByHand() {
        // 2 × 3 table [10 20 30; 20 20 20]: expected 15 20 25 per row;
        // χ² = 2·25/15 + 2·25/25 = 5.3333; df 2: p = exp(−χ²/2) = 0.069483
        long[] reference = {10, 20, 30};
        long[] current = {20, 20, 20};
        assertEquals(5.333333, DriftStatistics.chiSquareStatistic(reference, current), 1e-6);
        assertEquals(0.069483, DriftStatistics.chiSquarePValue(reference, current), 1e-6);
    }

    @Test
    void aStrongDriftKeepsItsTinyPValue() {
        // 1 − CDF gave 0 here. scipy.stats.chi2_contingency([[1500, 900, 400, 200], [900, 1100, 600, 400]],
        // correction=False): statistic 276.6666666666667, dof 3, pvalue 1.1144907447721991e-59
        long[] reference = {1500, 900, 400, 200};
        long[] current = {900, 1100, 600, 400};
        assertEquals(276.6666666666667, DriftStatistics.chiSquareStatistic(reference, current), 1e-9);
        assertEquals(1.1144907447721991e-59, DriftStatistics.chiSquarePValue(reference, current), 1e-59 * 1e-6);
    }

    @Test
    void smallSamplesGetScipysExactKsPValue() {
        // reference values: scipy.stats.ks_2samp(reference, current, method='exact').pvalue (scipy 1.17)
        assertEquals(0.055944055944055944, DriftStatistics.ksPValue(new double[] {0.1, 0.5, 0.9, 1.3, 2.2, 2.8, 3.1},
                new double[] {1.0, 1.7, 2.5, 3.3, 3.9, 4.4, 5.0, 6.1}), 1e-12);
        assertEquals(0.06063348416289592, DriftStatistics.ksPValue(
                new double[] {2.1, 3.4, 0.8, 5.6, 4.4, 1.9, 3.3, 2.7, 6.1, 0.5, 4.9, 3.8},
                new double[] {3.9, 5.2, 6.6, 4.1, 7.3, 2.9, 5.8, 6.9, 4.7}), 1e-12);
    }

    @Test
    void tiedValuesKeepTheirObservedGap() {
        // D = 41/56 on the tied values as they are; the library jittered the ties apart and gave p = 0.0025, ten
        // times too small. scipy.stats.ks_2samp([1,2,2,3,3,3,4], [3,4,4,5,5,6,6,7], method='exact'):
        // statistic 0.7321428571428571, pvalue 0.024242424242424242
        double[] reference = {1, 2, 2, 3, 3, 3, 4};
        double[] current = {3, 4, 4, 5, 5, 6, 6, 7};
        assertEquals(0.7321428571428571, DriftStatistics.ksStatistic(reference, current), 1e-12);
        assertEquals(0.024242424242424242, DriftStatistics.ksPValue(reference, current), 1e-12);
    }

    @Test
    void separatedSmallSamplesKeepTheirTinyExactKsPValue() {
        // 30 vs 30 fully separated: 2 of the C(60, 30) orderings reach D = 1. The library's 1 − CDF gave 0 here (and
        // −6.7e-16 for 50 vs 50). scipy.stats.ks_2samp(range(30), range(30, 60), method='exact').pvalue
        // = 1.6911233892144742e-17 = 2 / C(60, 30)
        assertEquals(1.6911233892144742e-17, DriftStatistics.ksPValue(range(0, 30), range(30, 30)),
                1.69e-17 * 1e-9);
        // 100 vs 100 is still exact (the asymptotic tail said 7.4e-44): scipy.stats.ks_2samp(range(100),
        // range(100, 200)).pvalue = 2.2087606931995054e-59 = 2 / C(200, 100)
        assertEquals(2.2087606931995054e-59, DriftStatistics.ksPValue(range(0, 100), range(100, 100)),
                2.2e-59 * 1e-9);
    }

    @Test
    void largeSamplesUseTheAsymptoticTail() {
        // 12,000 vs 12,000 values shifted by 600: beyond the exact limit, D = 0.05, lambda = 0.05 · √6000;
        // scipy.special.kolmogorov(0.05 * math.sqrt(6000)) = 1.8715245937679418e-13 (scipy.stats.ks_2samp's own
        // asymptotic, which uses kstwo at n = 6000, gives 1.78e-13)
        double[] reference = range(0, 12_000);
        double[] current = range(600, 12_000);
        assertEquals(1.8715245937679418e-13, DriftStatistics.ksPValue(reference, current), 1.87e-13 * 1e-6);
    }

    /** {@code count} consecutive whole numbers from {@code from}. */
    private static double[] range(int from, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i;
        }
        return values;
    }

    @Test
    void numericBinsFollowTheReferenceQuantiles() {
        // reference 1..10 in 2 bins: the median 5.5 splits them; 5 values at or below, 5 above
        double[] edges = DriftStatistics.quantileEdges(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2);
        assertArrayEquals(new double[] {5.5}, edges, 1e-12);
        assertArrayEquals(new long[] {2, 3}, DriftStatistics.binCounts(new double[] {0, 5.5, 6, 7, 100}, edges));
        Map<String, long[]> counts = DriftStatistics.categoryCounts(List.of("a", "b", "b"), List.of("b", "c"));
        assertArrayEquals(new long[] {1, 0}, counts.get("a"));
        assertArrayEquals(new long[] {2, 1}, counts.get("b"));
        assertArrayEquals(new long[] {0, 1}, counts.get("c"));
    }

    private static void addPairs(List<String> first, List<String> second, String a, String b, int times) {
        for (int i = 0; i < times; i++) {
            first.add(a);
            second.add(b);
        }
    }
}
