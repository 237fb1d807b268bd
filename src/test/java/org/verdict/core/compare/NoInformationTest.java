package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/** When the interval beside a verdict spans every Δ the candidate could have, the result says so in words. */
class NoInformationTest {

    private static SliceResult result(Metric metric, double production, Interval shown, Verdict verdict) {
        return new SliceResult(new SliceKey(java.util.List.of("country"), java.util.List.of("C19")), 43, metric, false,
                new MetricEstimate(production, null), new MetricEstimate(production - 0.1, null), -0.1, shown,
                new Interval(-0.3, 0.2), 0.4, 1.0, "paired-bootstrap", verdict,
                new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 69, ShownInterval.HOLM, 69), null, null, null);
    }

    /** pr_auc 0.466 beside [−1, +1] at 1 − 0.05/69 = 99.93 %: a candidate from 0 (Δ −0.466) to 1 (Δ +0.534) is inside. */
    @Test
    void anIntervalSpanningEveryPossibleCandidateSaysItCarriesNoInformation() {
        SliceResult r = result(Metric.PR_AUC, 0.466, new Interval(-1, 1), Verdict.INCONCLUSIVE);
        assertEquals("the 99.93% interval of Δ spans every pr_auc the candidate could have (0 to 1) beside "
                + "production's 0.466", r.noInformationReason());
        assertEquals("no information", r.verdictWord());
        assertEquals("no information at this level: " + r.noInformationReason(), r.verdictLabel());
    }

    /** [−0.47, +0.54] just covers 0 − 0.466 … 1 − 0.466; [−0.46, +0.54] leaves out a candidate of 0–0.006. */
    @Test
    void theBoundsAreTheCandidatesLowestAndHighestValueGivenProductions() {
        assertEquals("no information", result(Metric.F1, 0.466, new Interval(-0.47, 0.54), Verdict.INCONCLUSIVE)
                .verdictWord());
        SliceResult narrower = result(Metric.F1, 0.466, new Interval(-0.46, 0.54), Verdict.INCONCLUSIVE);
        assertNull(narrower.noInformationReason());
        assertEquals("inconclusive", narrower.verdictWord());
    }

    /** Cohen's kappa runs from −1 to 1; errors and r2 are unbounded on one side and are never spanned. */
    @Test
    void onlyMetricsBoundedOnBothSidesCanBeSpanned() {
        assertEquals("no information", result(Metric.COHEN_KAPPA, 0.2, new Interval(-1.3, 0.9), Verdict.INCONCLUSIVE)
                .verdictWord());
        assertNull(result(Metric.COHEN_KAPPA, 0.2, new Interval(-1.1, 0.9), Verdict.INCONCLUSIVE)
                .noInformationReason());
        assertNull(result(Metric.R2, 0.5, new Interval(-50, 0.5), Verdict.INCONCLUSIVE).noInformationReason());
        assertNull(result(Metric.RMSE, 20_000, new Interval(-20_000, 1e9), Verdict.INCONCLUSIVE)
                .noInformationReason());
    }
}
