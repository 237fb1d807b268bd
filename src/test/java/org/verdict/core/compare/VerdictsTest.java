package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

class VerdictsTest {
    private final ComparisonEngine.Verdicts verdicts = new ComparisonEngine.Verdicts(ComparisonOptions.DEFAULTS);

    private static SliceResult result(Metric metric, int n, double production, double delta, double lower, double upper) {
        return new SliceResult(SliceKey.OVERALL, n, metric, false, new MetricEstimate(production, null),
                new MetricEstimate(production + delta, null), delta, new Interval(lower, upper), 0.5, null, "t",
                Verdict.UNAVAILABLE, null, null);
    }

    @Test
    void significanceReadsTheMetricsDirection() {
        assertEquals(Verdict.BETTER, verdicts.verdict(result(Metric.ACCURACY, 100, 0.8, 0.05, 0.02, 0.08), 0.01));
        assertEquals(Verdict.WORSE, verdicts.verdict(result(Metric.ACCURACY, 100, 0.8, -0.05, -0.08, -0.02), 0.01));
        // log_loss and fpr: lower is better
        assertEquals(Verdict.BETTER, verdicts.verdict(result(Metric.LOG_LOSS, 100, 0.4, -0.1, -0.15, -0.05), 0.001));
        assertEquals(Verdict.WORSE, verdicts.verdict(result(Metric.FPR, 100, 0.1, 0.03, 0.01, 0.05), 0.001));
        // selection rate has no better direction
        assertEquals(Verdict.DIFFERENT, verdicts.verdict(result(Metric.SELECTION_RATE, 100, 0.3, 0.1, 0.05, 0.15), 0.001));
    }

    /** α = 0.05 is compared with the adjusted p, not the raw one (0.5 in these results). */
    @Test
    void notSignificantIsNoDifferenceOnlyWhenTheIntervalRulesOutTheEffect() {
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE,
                verdicts.verdict(result(Metric.ACCURACY, 5000, 0.8, 0.002, -0.01, 0.014), 0.6));
        assertEquals(Verdict.INCONCLUSIVE,
                verdicts.verdict(result(Metric.ACCURACY, 40, 0.8, 0.01, -0.09, 0.11), 0.6));
        assertEquals(Verdict.INCONCLUSIVE,
                verdicts.verdict(result(Metric.ACCURACY, 40, 0.8, 0.01, -0.01, 0.06), 0.06));
    }

    /** mae is in the target's units: E = 5 % of production's mae (here 0.05 · 20 = 1). */
    @Test
    void effectSizeOfErrorsInTargetUnitsIsRelativeToProduction() {
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, verdicts.verdict(result(Metric.MAE, 500, 20, 0.1, -0.9, 0.9), 0.4));
        assertEquals(Verdict.INCONCLUSIVE, verdicts.verdict(result(Metric.MAE, 500, 20, 0.1, -1.2, 1.4), 0.4));
    }

    @Test
    void smallSlicesAreTooFewExamplesBeforeAnythingElse() {
        assertEquals(Verdict.TOO_FEW_EXAMPLES, verdicts.verdict(result(Metric.ACCURACY, 29, 0.8, 0.3, 0.2, 0.4), 0.0001));
        SliceResult unavailable = new SliceResult(SliceKey.OVERALL, 100, Metric.ROC_AUC, false, null, null, null, null,
                null, null, null, Verdict.UNAVAILABLE, "only one class", null);
        assertEquals(Verdict.UNAVAILABLE, verdicts.verdict(unavailable, null));
    }

    /** Benjamini–Hochberg, when chosen, is what the adjusted p-values follow. */
    @Test
    void benjaminiHochbergWhenChosen() {
        ComparisonOptions bh = new ComparisonOptions(0.95, 30, 0.05, 1000, 1L, CorrectionMethod.BENJAMINI_HOCHBERG,
                List.of());
        List<SliceResult> results = List.of(
                withP(0.01), withP(0.04), withP(0.03), withP(0.005));
        java.util.Map<Metric, Integer> sizes = new java.util.EnumMap<>(Metric.class);
        List<SliceResult> decided = new ComparisonEngine.Verdicts(bh).decide(results, sizes);
        // worked example of PairedTestsTest: 0.02, 0.04, 0.04, 0.02
        assertEquals(List.of(0.02, 0.04, 0.04, 0.02), decided.stream().map(SliceResult::adjustedP)
                .map(p -> Math.round(p * 1e12) / 1e12).toList());
        assertEquals(4, sizes.get(Metric.ACCURACY));
    }

    private static SliceResult withP(double p) {
        return new SliceResult(SliceKey.OVERALL, 100, Metric.ACCURACY, true, new MetricEstimate(0.8, null),
                new MetricEstimate(0.85, null), 0.05, new Interval(0.01, 0.09), p, null, "mcnemar-chi2-cc",
                Verdict.UNAVAILABLE, null, null);
    }
}
