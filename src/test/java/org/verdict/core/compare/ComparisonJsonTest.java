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
}
