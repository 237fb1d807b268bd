package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.MannWhitneyScoreInterval;
import org.verdict.core.task.Progress;

/**
 * A binary slice of at least the minimum size whose rarer class has fewer than 5 examples: log_loss, brier and
 * sq_calibration_error get no interval for either model or Δ and are not tested, and the reason names the count;
 * roc_auc keeps its test of Δ and each model's Newcombe score interval, which rests on the class counts alone. A slice of the same size with 15 positives is tested as before.
 */
class TooFewOfAClassTest {
    private final ComparisonEngine engine = new ComparisonEngine();

    private static SliceResult find(ComparisonReport report, Metric metric, String label) {
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + label));
    }

    /**
     * 60 rows in "rare" holding {@code rare} examples of the class {@code rareLabel}, 60 in "common" with 15 positives;
     * scores that separate the classes imperfectly for both models, the candidate a little better.
     */
    private ComparisonReport compared(int rare, int rareLabel) {
        int n = 120;
        SplittableRandom random = new SplittableRandom(23);
        int[] labels = new int[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        String[] site = new String[n];
        for (int i = 0; i < n; i++) {
            boolean inRare = i < 60;
            site[i] = inRare ? "rare" : "common";
            labels[i] = inRare ? (i < rare ? rareLabel : 1 - rareLabel) : (i % 4 == 0 ? 1 : 0);
            prod[i] = Math.min(0.98, Math.max(0.02, 0.25 + 0.35 * labels[i] + 0.6 * (random.nextDouble() - 0.5)));
            cand[i] = Math.min(0.98, Math.max(0.02, 0.22 + 0.42 * labels[i] + 0.6 * (random.nextDouble() - 0.5)));
        }
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null,
                TestTables.columns(TestTables.column("site", site)));
        return engine.compare("t", table, "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS, Progress.NONE);
    }

    @Test
    void threePositivesWithholdTheScoreMeansButNotTheAucIntervals() {
        ComparisonReport report = compared(3, 1);

        for (Metric mean : List.of(Metric.LOG_LOSS, Metric.BRIER, Metric.SQ_CALIBRATION_ERROR)) {
            SliceResult r = find(report, mean, "site=rare");
            String reason = "3 positives here, fewer than 5: " + mean.wireName() + " rests on their losses, too few"
                    + " for an interval: no interval for Δ or either model";
            assertEquals(reason, r.unstableReason());
            assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.toString());
            assertTrue(r.isUnstable());
            assertEquals("unstable: " + reason, r.verdictLabel());
            assertNull(r.production().ci(), mean + ": production's interval withheld");
            assertNull(r.candidate().ci(), mean + ": the candidate's interval withheld");
            assertNull(r.production().ciFallback());
            assertNull(r.candidate().ciFallback());
            assertNull(r.deltaCi(), mean + ": no interval beside the verdict");
            assertNull(r.pValue(), mean + ": no test");
            assertNotNull(r.delta(), mean + ": Δ itself stays");
            assertTrue(r.note() == null || !r.note().contains("percentile"), r.note());
        }

        SliceResult pr = find(report, Metric.PR_AUC, "site=rare");
        assertEquals("3 positives here, fewer than 5: pr_auc rests on their precisions, too few for an interval: no"
                + " interval for Δ or either model", pr.unstableReason());
        assertNull(pr.production().ci());
        assertNull(pr.candidate().ci());
        assertNull(pr.deltaCi());
        assertNull(pr.pValue());

        SliceResult auc = find(report, Metric.ROC_AUC, "site=rare");
        for (MetricEstimate model : List.of(auc.production(), auc.candidate())) {
            // a model that separates the 3 positives perfectly has DeLong's variance 0 and the exact bound
            // [0.025^(1/3), 1] (NumPy: 0.2924017738212866), as anywhere
            if (model.value() < 1) {
                assertEquals(MannWhitneyScoreInterval.of(model.value(), 3, 57, 0.95), model.ci(), model.toString());
            } else {
                assertEquals(0.2924017738212866, model.ci().lower(), 1e-12, model.toString());
                assertEquals(1.0, model.ci().upper(), 0);
            }
        }
        assertTrue(auc.note() == null || !auc.note().contains("fewer than 5"), auc.note());
        assertNotNull(auc.deltaCi(), "Δ roc_auc keeps its test");
        assertNotNull(auc.pValue());
        // where a model separates, Δ combines the two models' intervals rather than take its AUC as known
        assertEquals(auc.production().value() == 1 || auc.candidate().value() == 1 ? "mover-separation-bound"
                : "delong", auc.test());

        // 15 positives in as many rows: every interval as before
        for (Metric metric : List.of(Metric.ROC_AUC, Metric.LOG_LOSS, Metric.BRIER, Metric.SQ_CALIBRATION_ERROR)) {
            SliceResult common = find(report, metric, "site=common");
            assertNotNull(common.production().ci(), metric + " common");
            assertNotNull(common.candidate().ci(), metric + " common");
            assertNotNull(common.deltaCi(), metric + " common");
            assertNull(common.unstableReason(), metric + " common");
        }
        // Wilson's rates rest on their own denominators and keep their intervals and tests
        SliceResult accuracy = find(report, Metric.ACCURACY, "site=rare");
        assertNotNull(accuracy.deltaCi());
        assertNotNull(accuracy.production().ci());
    }

    @Test
    void theNegativesAreNamedWhereTheyAreTheRareClass() {
        ComparisonReport report = compared(4, 0);
        assertEquals("4 negatives here, fewer than 5: brier rests on their losses, too few for an interval: no"
                + " interval for Δ or either model", find(report, Metric.BRIER, "site=rare").unstableReason());
        // average precision is a mean over the 56 positives: a few negatives leave it tested
        SliceResult pr = find(report, Metric.PR_AUC, "site=rare");
        assertNull(pr.unstableReason());
        assertNotNull(pr.deltaCi());
    }

    @Test
    void fivePositivesAreEnough() {
        ComparisonReport report = compared(5, 1);
        for (Metric metric : List.of(Metric.LOG_LOSS, Metric.BRIER, Metric.PR_AUC)) {
            SliceResult r = find(report, metric, "site=rare");
            assertNull(r.unstableReason(), metric.wireName());
            assertNotNull(r.deltaCi(), metric.wireName());
            assertNotNull(r.production().ci(), metric.wireName());
        }
        assertNotNull(find(report, Metric.ROC_AUC, "site=rare").production().ci());
    }
}
