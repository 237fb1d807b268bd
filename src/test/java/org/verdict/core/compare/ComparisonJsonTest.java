package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.task.Progress;

class ComparisonJsonTest {

    @Test
    void unavailableResultsCarryTheReasonAndNullNumbers() throws Exception {
        EvaluationTable table = TestTables.binary(new int[] {0, 0, 0, 1, 1, 0}, new double[] {0.1, 0.2, 0.6, 0.7, 0.4, 0.3},
                new double[] {0.2, 0.1, 0.3, 0.9, 0.8, 0.4}, null, null,
                TestTables.columns(TestTables.column("seg", "x", "x", "x", "y", "y", "y")));
        ComparisonOptions options = new ComparisonOptions(0.95, 1, 0.05, 1000, 1L, CorrectionMethod.BENJAMINI_HOCHBERG,
                List.of());
        ComparisonReport report = new ComparisonEngine().compare("p", table, "1", "2", Metric.ROC_AUC, options,
                Progress.NONE);
        JsonNode json = new ObjectMapper().readTree(new ComparisonJson().write(report, result -> true, List.of()));
        assertEquals("benjamini-hochberg", json.get("correction").get("method").asText());
        JsonNode auc = null;
        for (JsonNode r : json.get("results")) {
            if (r.get("metric").asText().equals("roc_auc") && r.get("values").toString().equals("[\"x\"]")) {
                auc = r;
            }
        }
        assertEquals("unavailable", auc.get("verdict").asText());
        assertTrue(auc.get("unavailable").asText().contains("only negative examples"));
        for (String field : List.of("production", "candidate", "delta", "ci", "pValue", "adjustedP", "test")) {
            assertTrue(auc.get(field).isNull(), field);
        }
        JsonNode available = json.get("results").get(0);
        assertFalse(available.has("unavailable"));
        assertEquals(false, available.get("ci").isNull());
    }

    /**
     * Production predicts no positive: its precision is null and the candidate's stays. Identical predictions make
     * every bootstrap replicate give Δ = 0: balanced_accuracy is bounded by how often the models could disagree
     * (6 positives and 6 negatives: the mean of both classes' u(6, 0.025) = scipy.stats.beta.ppf(0.975, 1, 6) =
     * 0.4592581264399005), with its test and method named; pr_auc of identical scores, which has no such bound, is
     * unstable, said in words, with no interval.
     */
    @Test
    void oneSidedAndUnstableResultsSayWhyAndKeepWhatIsKnown() throws Exception {
        int[] labels = {1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0};
        int[] prod = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] cand = {1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ComparisonOptions options = new ComparisonOptions(0.95, 1, 0.05, 1000, 1L, CorrectionMethod.HOLM, List.of());
        ComparisonReport report = new ComparisonEngine().compare("p", TestTables.binary(labels, null, null, prod, cand,
                java.util.Map.of()), "1", "2", Metric.F1, options, Progress.NONE);
        JsonNode json = new ObjectMapper().readTree(new ComparisonJson().write(report, result -> true, List.of()));
        JsonNode precision = find(json, "precision");
        assertTrue(precision.get("production").isNull());
        assertEquals(2.0 / 3, precision.get("candidate").asDouble(), 1e-12);
        assertEquals(2, precision.get("candidateCi").size());
        assertTrue(precision.get("delta").isNull());
        assertEquals("production 1: no example is predicted yes, so Δ is unavailable",
                precision.get("unavailable").asText());

        ComparisonReport same = new ComparisonEngine().compare("p", TestTables.binary(labels, null, null, prod, prod,
                java.util.Map.of()), "1", "2", Metric.F1, options, Progress.NONE);
        JsonNode balanced = find(new ObjectMapper().readTree(new ComparisonJson().write(same, result -> true,
                List.of())), "balanced_accuracy");
        assertEquals("identical-scores-agreement-bound", balanced.get("test").asText());
        assertTrue(balanced.get("method").asText().startsWith("identical scores or predictions: Δ bounded by how"
                + " often the models could disagree"), balanced.get("method").asText());
        assertEquals(-0.4592581264399005, balanced.get("ci").get(0).asDouble(), 1e-12);
        assertEquals(0.4592581264399005, balanced.get("ci").get(1).asDouble(), 1e-12);
        assertEquals(1.0, balanced.get("pValue").asDouble(), 0);
        assertEquals("inconclusive", balanced.get("verdict").asText(), "±0.46 reaches past the ±0.05 effect");
        assertEquals(0.0, balanced.get("delta").asDouble());

        double[] scores = {0.9, 0.8, 0.3, 0.2, 0.6, 0.4, 0.7, 0.55, 0.35, 0.1, 0.45, 0.05};
        ComparisonReport sameScores = new ComparisonEngine().compare("p", TestTables.binary(labels, scores, scores,
                null, null, java.util.Map.of()), "1", "2", Metric.F1, options, Progress.NONE);
        JsonNode prAuc = find(new ObjectMapper().readTree(new ComparisonJson().write(sameScores, result -> true,
                List.of())), "pr_auc");
        assertEquals("inconclusive", prAuc.get("verdict").asText());
        assertTrue(prAuc.get("unstable").asText().startsWith("both models give every example here the same score;"
                + " Δ = 0 here, but Verdict has no bound on Δ pr_auc"), prAuc.toString());
        // an unstable Δ is not tested, so it names no test (compare-json.md: `test` is null then)
        for (String field : List.of("ci", "unadjustedCi", "pValue", "adjustedP", "family", "ciLevel", "test",
                "method")) {
            assertTrue(prAuc.get(field).isNull(), field + ": " + prAuc);
        }
        assertEquals(0.0, prAuc.get("delta").asDouble());
    }

    /**
     * selection_rate is neither better nor worse (its verdict is "significantly different"): its higherIsBetter is
     * null, not a made-up true a script would orient Δ by; the metrics with a direction keep true or false.
     */
    @Test
    void aMetricWithoutDirectionHasNoHigherIsBetter() throws Exception {
        int[] labels = {1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0};
        double[] prod = {0.9, 0.8, 0.3, 0.2, 0.6, 0.4, 0.7, 0.55, 0.35, 0.1, 0.45, 0.05};
        double[] cand = {0.8, 0.9, 0.6, 0.1, 0.7, 0.3, 0.4, 0.65, 0.75, 0.2, 0.35, 0.15};
        ComparisonOptions options = new ComparisonOptions(0.95, 1, 0.05, 1000, 1L, CorrectionMethod.HOLM, List.of());
        ComparisonReport report = new ComparisonEngine().compare("p", TestTables.binary(labels, prod, cand, null, null,
                java.util.Map.of()), "1", "2", Metric.ROC_AUC, options, Progress.NONE);
        JsonNode json = new ObjectMapper().readTree(new ComparisonJson().write(report, result -> true, List.of()));
        assertEquals("null", find(json, "selection_rate").get("higherIsBetter").toString());
        assertEquals("true", find(json, "roc_auc").get("higherIsBetter").toString());
        assertEquals("true", find(json, "tpr").get("higherIsBetter").toString());
        assertEquals("false", find(json, "fpr").get("higherIsBetter").toString());
        assertEquals("false", find(json, "log_loss").get("higherIsBetter").toString());
    }

    private static JsonNode find(JsonNode json, String metric) {
        for (JsonNode r : json.get("results")) {
            if (r.get("metric").asText().equals(metric) && r.get("values").isEmpty()) {
                return r;
            }
        }
        throw new AssertionError(metric);
    }
}
