package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/**
 * An end of Δ's interval where the candidate's value would be the metric's lowest or highest (Δ mae = −production's
 * mae: a candidate without error) is set by the metric's range, not measured; every view marks it and says why.
 */
class BoundEndTest {

    private static SliceResult result(Metric metric, double production, double delta, Interval shown) {
        return new SliceResult(new SliceKey(List.of("neighbourhood"), List.of("hood_06")), 57, metric, false,
                new MetricEstimate(production, null), new MetricEstimate(production + delta, null), delta, shown,
                shown, 0.4, 1.0, "paired-bootstrap", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 30, ShownInterval.HOLM, 30), null, null, null);
    }

    /**
     * roc_auc on 41 rows with 3 positives (a reviewer's store-001): DeLong's Δ ± z·SE reaches past what the candidate
     * could have, so its interval stops at 1 − production's value, marked and explained in the JSON and every view.
     * scikit-learn's roc_auc_score: production 0.8771929824561403 (100/114), the candidate 0.956140350877193.
     */
    @Test
    void rocAucDeltaStopsWhereTheCandidateWouldReachOne() throws Exception {
        int[] labels = new int[41];
        double[] prod = new double[41];
        double[] cand = new double[41];
        double[][] positives = {{0.95, 0.97}, {0.9, 0.93}, {0.5, 0.7}};
        for (int i = 0; i < 41; i++) {
            labels[i] = i < 3 ? 1 : 0;
            prod[i] = i < 3 ? positives[i][0] : (i - 3) * 0.8 / 37;
            cand[i] = i < 3 ? positives[i][1] : (i - 3) * 0.8 / 37;
        }
        ComparisonReport report = new ComparisonEngine().compare("store", TestTables.binary(labels, prod, cand, null,
                null, Map.of()), "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS, org.verdict.core.task.Progress.NONE);
        SliceResult auc = report.results().stream().filter(r -> r.metric() == Metric.ROC_AUC).findFirst().orElseThrow();
        assertEquals(100.0 / 114, auc.production().value(), 1e-12);
        assertEquals(1 - 100.0 / 114, auc.deltaCi().upper(), 1e-12, "no candidate roc_auc above 1");
        assertTrue(auc.deltaCi().lower() >= -100.0 / 114, "no candidate roc_auc below 0");
        assertTrue(auc.deltaText(auc.deltaCi()).endsWith("+0.123†]"), auc.deltaText(auc.deltaCi()));
        assertTrue(auc.boundReason(auc.deltaCi()).contains("the candidate's roc_auc cannot be above 1, so Δ cannot be"
                + " above +0.123 (1 − production's roc_auc)"), auc.boundReason(auc.deltaCi()));
        JsonNode json = new ObjectMapper().readTree(new ComparisonJson().write(report, r -> r.metric() == Metric.ROC_AUC,
                List.of()));
        String ends = json.get("results").get(0).get("ciAtBound").asText();
        assertTrue(ends.equals("upper") || ends.equals("both"), json.toString());
    }

    /** A reviewer's c_houses pack, hood_06: Δ mae +22,028 [−54,593, +118,715] beside production's 54,593. */
    @Test
    void theLowerEndOfAnErrorAtMinusProductionIsMarkedAndExplained() {
        SliceResult r = result(Metric.MAE, 54_593.2, 22_028.4, new Interval(-54_593.2, 118_715.1));
        assertEquals(SliceResult.BoundEnds.LOWER, r.boundEnds(r.deltaCi()));
        assertEquals("+22,028 [−54,593†, +118,715]", r.deltaText(r.deltaCi()));
        assertEquals("[−54,593†, +118,715]", r.intervalText(r.deltaCi()));
        assertEquals("† lower end at the bound: the candidate's mae cannot be below 0, so Δ cannot be below −54,593 "
                + "(−production's mae)", r.boundReason(r.deltaCi()));
    }

    @Test
    void theUpperEndOfBrierAtOneMinusProductionIsMarked() {
        SliceResult r = result(Metric.BRIER, 0.2, 0.05, new Interval(-0.05, 0.8));
        assertEquals(SliceResult.BoundEnds.UPPER, r.boundEnds(r.deltaCi()));
        assertEquals("+0.050 [−0.050, +0.800†]", r.deltaText(r.deltaCi()));
        assertTrue(r.boundReason(r.deltaCi()).startsWith("† upper end at the bound: the candidate's brier cannot be "
                + "above 1, so Δ cannot be above +0.800 (1 − production's brier)"), r.boundReason(r.deltaCi()));
    }

    /**
     * Δ f1 of a 72-row slice of a reviewer's pack where both models score alike and production has no true positive:
     * the agreement bound [−1, +1] cut at −0.958, production's own upper bound at the Holm level
     * (ProductionBoundedDifference), is marked at both ends and says the lower one is production's bound.
     */
    @Test
    void anEndCutAtProductionsOwnBoundIsMarkedAndExplained() {
        SliceResult r = result(Metric.F1, 0, 0, new Interval(-0.9581, 1, true, false));
        assertEquals(SliceResult.BoundEnds.BOTH, r.boundEnds(r.deltaCi()));
        assertEquals("0.000 [−0.958†, +1.000†]", r.deltaText(r.deltaCi()));
        assertEquals("† both ends at the bounds: the candidate's f1 cannot be below 0 and production's f1 is at most "
                + "0.958 (its own interval at this level), so Δ cannot be below −0.958 (−production's upper bound); "
                + "the candidate's f1 cannot be above 1, so Δ cannot be above +1.000 (1 − production's f1)",
                r.boundReason(r.deltaCi()));
    }

    @Test
    void anEndMeasuredFromTheDataIsNotMarked() {
        SliceResult r = result(Metric.MAE, 54_593.2, 22_028.4, new Interval(-38_323, 82_776));
        assertNull(r.boundEnds(r.deltaCi()));
        assertNull(r.boundReason(r.deltaCi()));
        assertFalse(r.deltaText(r.deltaCi()).contains(SliceResult.BOUND_MARK));
    }

    @Test
    void theJsonSaysWhichEndIsAtTheBound() throws Exception {
        SliceResult bound = result(Metric.MAE, 54_593.2, 22_028.4, new Interval(-54_593.2, 118_715.1));
        SliceResult measured = result(Metric.MAE, 54_593.2, 22_028.4, new Interval(-38_323, 82_776));
        for (SliceResult r : List.of(bound, measured)) {
            ComparisonReport report = new ComparisonReport("houses", "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS,
                    List.of(r), 0, Map.of());
            JsonNode json = new ObjectMapper().readTree(new ComparisonJson().write(report, x -> true, List.of()));
            JsonNode node = json.get("results").get(0);
            if (r == bound) {
                assertEquals("lower", node.get("ciAtBound").asText());
            } else {
                assertFalse(node.has("ciAtBound"));
            }
        }
    }
}
