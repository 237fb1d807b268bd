package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.WaldDifference;

class VerdictsTest {
    private final Verdicts verdicts = new Verdicts(ComparisonOptions.DEFAULTS);

    private static SliceResult result(Metric metric, int n, double production, double delta, double lower, double upper) {
        return new SliceResult(SliceKey.OVERALL, n, metric, false, new MetricEstimate(production, null),
                new MetricEstimate(production + delta, null), delta, new Interval(lower, upper), 0.5, null, "t",
                Verdict.UNAVAILABLE, null, null);
    }

    @Test
    void theShownIntervalDecidesReadWithTheMetricsDirection() {
        assertEquals(Verdict.BETTER, verdicts.verdict(result(Metric.ACCURACY, 100, 0.8, 0.05, 0.02, 0.08)));
        assertEquals(Verdict.WORSE, verdicts.verdict(result(Metric.ACCURACY, 100, 0.8, -0.05, -0.08, -0.02)));
        // log_loss and fpr: lower is better
        assertEquals(Verdict.BETTER, verdicts.verdict(result(Metric.LOG_LOSS, 100, 0.4, -0.1, -0.15, -0.05)));
        assertEquals(Verdict.WORSE, verdicts.verdict(result(Metric.FPR, 100, 0.1, 0.03, 0.01, 0.05)));
        // selection rate has no better direction
        assertEquals(Verdict.DIFFERENT, verdicts.verdict(result(Metric.SELECTION_RATE, 100, 0.3, 0.1, 0.05, 0.15)));
    }

    @Test
    void anIntervalThatContainsZeroIsNeverBetterOrWorse() {
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.ACCURACY, 5000, 0.8, 0.002, -0.01, 0.014)));
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.ACCURACY, 40, 0.8, 0.01, -0.09, 0.11)));
        // an interval that holds zero must not be called better however close its adjusted p comes to 0.05:
        // macro_f1 [−0.042, +0.452] with an adjusted p of 0.050
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.MACRO_F1, 162, 0.5, 0.2, -0.042, 0.452)));
    }

    /** mae is in the target's units: E = 5 % of production's mae (here 0.05 · 20 = 1). */
    @Test
    void effectSizeOfErrorsInTargetUnitsIsRelativeToProduction() {
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, verdicts.verdict(result(Metric.MAE, 500, 20, 0.1, -0.9, 0.9)));
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.MAE, 500, 20, 0.1, -1.2, 1.4)));
    }

    /**
     * mape is a mean relative error whose scale is the data's (0.02 on one pack, 0.6 on another): its band is 5 % of
     * production's mape, as mae's is, not an absolute ±0.05. 0.16 → 0.2099 (31 % worse) with Δ in
     * [−0.0005, +0.0500] read "no significant difference" under ±0.05; the band is ±0.05 · 0.16 = ±0.008, so it is
     * inconclusive.
     */
    @Test
    void mapesBandIsAShareOfProductionsMape() {
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.MAPE, 500, 0.16, 0.0499, -0.0005, 0.05)));
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.MAPE, 5000, 0.16, 0.0005, -0.0079, 0.0079)));
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.MAPE, 5000, 0.16, 0.0005, -0.0079, 0.0081)));
        // a mape of 0.6 gets ±0.03: the same 5 %
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.MAPE, 5000, 0.6, 0.001, -0.029, 0.029)));
    }

    /**
     * log_loss and brier are proper scoring losses whose scale is the base rate's: at 1.5 % positives a credit
     * segment of 31 rows went from a brier of 0.0031 to 0.0049 with Δ in [−0.0024, +0.0060] (a candidate up to
     * 0.0091, three times production's), which read "no significant difference" under an absolute ±0.05. The band is
     * ±0.05 · 0.0031 = ±0.000155, so it is inconclusive; a log loss of 0.45 gets ±0.0225, the same 5 %.
     */
    @Test
    void theScoringLossesBandIsAShareOfProductionsValue() {
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.BRIER, 31, 0.0031, 0.0018, -0.0024, 0.0060)));
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.BRIER, 50000, 0.0031, 0.00001, -0.00015, 0.00015)));
        assertEquals(Verdict.INCONCLUSIVE,
                verdicts.verdict(result(Metric.BRIER, 50000, 0.0031, 0.00001, -0.00015, 0.00016)));
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.LOG_LOSS, 5000, 0.45, 0.001, -0.022, 0.022)));
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.LOG_LOSS, 5000, 0.45, 0.001, -0.022, 0.023)));
    }

    /**
     * sq_calibration_error is a squared gap (0.0001–0.01): its band is a gap of E, i.e. ±E² = ±0.0025. A reviewer's
     * slice went from 0.0029 to 0.0117 with Δ in [−0.019, +0.037]: that cannot rule out a large worsening.
     */
    @Test
    void theSquaredCalibrationErrorsBandIsAGapOfEInProbability() {
        assertEquals(Verdict.INCONCLUSIVE,
                verdicts.verdict(result(Metric.SQ_CALIBRATION_ERROR, 400, 0.0029, 0.0088, -0.019, 0.037)));
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.SQ_CALIBRATION_ERROR, 40000, 0.0029, 0.0001, -0.002, 0.0022)));
        assertEquals(Verdict.INCONCLUSIVE,
                verdicts.verdict(result(Metric.SQ_CALIBRATION_ERROR, 40000, 0.0029, 0.0001, -0.002, 0.0026)));
    }

    @Test
    void smallSlicesAreTooFewExamplesBeforeAnythingElse() {
        assertEquals(Verdict.TOO_FEW_EXAMPLES, verdicts.verdict(result(Metric.ACCURACY, 29, 0.8, 0.3, 0.2, 0.4)));
        SliceResult unavailable = new SliceResult(SliceKey.OVERALL, 100, Metric.ROC_AUC, false, null, null, null, null,
                null, null, null, Verdict.UNAVAILABLE, "only one class", null);
        assertEquals(Verdict.UNAVAILABLE, verdicts.verdict(unavailable));
    }

    /**
     * Holm at α = 0.05 over p = 0.001, 0.01, 0.02, 0.3 (m = 4): the steps compare with 0.05/4, 0.05/3, 0.05/2 and
     * 0.05; the first three are rejected and show their own step's level, the fourth is the first non-rejection.
     */
    @Test
    void holmShowsEachRejectedStepsLevelAndTheFirstNonRejectedLevelAfterIt() {
        assertArrayEquals(new double[] {1 - 0.05 / 4, 1 - 0.05 / 3, 1 - 0.05 / 2, 1 - 0.05},
                verdicts.familyLevels(new double[] {0.001, 0.01, 0.02, 0.3}, 0.05), 1e-15);
        // 0.03 ≥ 0.05/2 stops Holm at the second step: the second and third slices both show 97.5 % intervals,
        // which contain 0 because their p-values (0.03, 0.04) exceed 0.025
        assertArrayEquals(new double[] {1 - 0.025, 1 - 0.05 / 3, 1 - 0.025},
                verdicts.familyLevels(new double[] {0.04, 0.001, 0.03}, 0.05), 1e-15);
    }

    /** BH at α = 0.05 over 0.01, 0.04, 0.03, 0.005: all four are rejected (0.04 < 4·0.05/4), so R = 4: level 95 %. */
    @Test
    void benjaminiHochbergShowsFalseCoverageRateIntervals() {
        ComparisonOptions bh = new ComparisonOptions(0.95, 30, 0.05, 1000, 1L, CorrectionMethod.BENJAMINI_HOCHBERG,
                List.of());
        assertArrayEquals(new double[] {0.95, 0.95, 0.95, 0.95},
                new Verdicts(bh).familyLevels(new double[] {0.01, 0.04, 0.03, 0.005}, 0.05), 1e-15);
        // R = 1 of 4 (only 0.001 < 0.0125; 0.2 ≥ 0.025 ...): level 1 − 1·0.05/4
        assertArrayEquals(new double[] {1 - 0.0125, 1 - 0.0125, 1 - 0.0125, 1 - 0.0125},
                new Verdicts(bh).familyLevels(new double[] {0.2, 0.001, 0.5, 0.9}, 0.05), 1e-15);
        // nothing rejected: the Bonferroni level 1 − α/m
        assertArrayEquals(new double[] {1 - 0.025, 1 - 0.025},
                new Verdicts(bh).familyLevels(new double[] {0.2, 0.3}, 0.05), 1e-15);
    }

    /** The overall slice is its own family; the slices form the adjusted family of m = 3. */
    @Test
    void theOverallSliceIsTestedAloneAndTheSlicesTogether() {
        List<Verdicts.Pending> pending = List.of(
                pending(SliceKey.OVERALL, 0.02, 0.01),
                pending(new SliceKey(List.of("language"), List.of("de")), 0.02, 0.01),
                pending(new SliceKey(List.of("language"), List.of("en")), 0.0, 0.01),
                pending(new SliceKey(List.of("language"), List.of("ja")), -0.05, 0.01));
        Map<Metric, Integer> sizes = new EnumMap<>(Metric.class);
        List<SliceResult> decided = verdicts.decide(pending, sizes);
        assertEquals(3, sizes.get(Metric.ACCURACY));
        SliceResult overall = decided.get(0);
        assertEquals(TestFamily.OVERALL, overall.shownInterval().family());
        assertEquals(0.95, overall.shownInterval().level());
        assertEquals(overall.pValue(), overall.adjustedP());
        assertEquals(overall.unadjustedCi(), overall.deltaCi());
        // z = 2, p = 0.0455 (normal table): better alone at 95 %, but the same evidence in a family of 3 is not enough
        assertEquals(Verdict.BETTER, overall.verdict());
        // at 1 − 0.05/3: 0.02 ± 2.394·0.01 = [−0.004, +0.044], within ±E = 0.05
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, decided.get(1).verdict());
        assertEquals(TestFamily.SLICES, decided.get(1).shownInterval().family());
        assertEquals(Verdict.WORSE, decided.get(3).verdict());
        assertEquals(1 - 0.05 / 3, decided.get(3).shownInterval().level(), 1e-15);
    }

    @Test
    void aSliceBelowTheMinimumShowsNoIntervalBesideItsVerdict() {
        Verdicts.Pending small = new Verdicts.Pending(new SliceKey(List.of("language"), List.of("pt")), 12, true,
                comparison(0.3, 0.05));
        SliceResult decided = verdicts.decide(List.of(small), new EnumMap<>(Metric.class)).get(0);
        assertEquals(Verdict.TOO_FEW_EXAMPLES, decided.verdict());
        assertNull(decided.deltaCi());
        assertEquals(WaldDifference.normal(0.3, 0.05, -1, 1).interval(0.95), decided.unadjustedCi());
    }

    /**
     * Δ 0 with the interval ±0.0501 (z = 1.959964 standard errors of 0.0501 / 1.959964) is inconclusive beside the
     * band ±0.05; at three decimals it would read [−0.050, +0.050], inside the band it fails to lie within.
     */
    @Test
    void anIntervalJustBeyondTheBandNeverReadsAsItsEdge() {
        Verdicts.Pending edge = pending(SliceKey.OVERALL, 0.0, 0.0501 / 1.959963984540054);
        SliceResult decided = verdicts.decide(List.of(edge), new EnumMap<>(Metric.class)).get(0);
        assertEquals(Verdict.INCONCLUSIVE, decided.verdict());
        assertEquals(0.05, decided.equivalenceBand(), 1e-15);
        assertEquals("0.0000 [−0.0501, +0.0501]", decided.deltaText(decided.deltaCi()));
        assertEquals("[−0.0501, +0.0501]", decided.intervalText(decided.deltaCi()));
    }

    /**
     * The invariant on random families under every correction: better/worse ⇔ the shown interval excludes 0, and
     * the adjusted p-value is below α exactly then.
     */
    @Test
    void verdictsAgreeWithTheirIntervalAndAdjustedPUnderEveryCorrection() {
        SplittableRandom random = new SplittableRandom(7);
        for (CorrectionMethod method : CorrectionMethod.values()) {
            Verdicts deciding = new Verdicts(new ComparisonOptions(0.95, 30, 0.05, 1000, 1L, method, List.of()));
            for (int trial = 0; trial < 200; trial++) {
                List<Verdicts.Pending> pending = new ArrayList<>();
                int m = 1 + random.nextInt(30);
                for (int s = 0; s < m; s++) {
                    double z = random.nextDouble(-5, 5);
                    pending.add(pending(new SliceKey(List.of("g"), List.of("s" + s)), z * 0.01, 0.01));
                }
                for (SliceResult r : deciding.decide(pending, new EnumMap<>(Metric.class))) {
                    boolean excludes = r.deltaCi().lower() > 0 || r.deltaCi().upper() < 0;
                    boolean decisive = r.verdict() == Verdict.BETTER || r.verdict() == Verdict.WORSE;
                    assertEquals(excludes, decisive, method + " " + r);
                    assertEquals(r.adjustedP() < 0.05, decisive, method + " " + r);
                }
            }
        }
    }

    private static Verdicts.Pending pending(SliceKey slice, double delta, double standardError) {
        return new Verdicts.Pending(slice, 500, true, comparison(delta, standardError));
    }

    private static MetricComparison comparison(double delta, double standardError) {
        return MetricComparison.tested(Metric.ACCURACY, new MetricEstimate(0.8, null),
                new MetricEstimate(0.8 + delta, null), WaldDifference.normal(delta, standardError, -1, 1), "t", null);
    }
}
