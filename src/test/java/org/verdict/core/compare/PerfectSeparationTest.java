package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.SeparatedAucDifference;
import org.verdict.core.task.Progress;

/**
 * Production ranks the 100 positives above the 100 negatives; the candidate's positives score 0.6 + 0.003·i and its
 * negatives 0.2 + 0.005·j, so they overlap. Expected values from scikit-learn and an independent NumPy computation
 * (docs/statistics.md, "Perfect separation"): the candidate's roc_auc 0.9672 ({@code roc_auc_score}), DeLong's
 * variance 9.5114343e-05 (placements written from the definition), its logit interval [0.941665, 0.981774]; production
 * [0.025^(1/100), 1] = [0.963783, 1]; Δ by MOVER [−0.058335, +0.006239], p = 0.093761 (the z at which the upper end
 * reaches 0, {@code brentq}). DeLong's interval of Δ, with production's variance 0, would be about [−0.052, −0.014]:
 * "worse", as if production's AUC were known to be 1.
 */
class PerfectSeparationTest {

    @Test
    void aSeparatingProductionIsNotTakenAsKnownExactly() {
        int n = 200;
        int[] labels = new int[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 100 ? 1 : 0;
            production[i] = i < 100 ? 0.9 : 0.1;
            candidate[i] = i < 100 ? 0.6 + 0.003 * i : 0.2 + 0.005 * (i - 100);
        }
        EvaluationTable table = TestTables.binary(labels, production, candidate, null, null, Map.of());
        ComparisonReport report = new ComparisonEngine().compare("t", table, "1", "2", Metric.ROC_AUC,
                new ComparisonOptions(0.95, 1, 0.05, 1000, 1L, CorrectionMethod.HOLM, List.of()), Progress.NONE);
        SliceResult result = report.results().stream()
                .filter(r -> r.metric() == Metric.ROC_AUC && r.slice().isOverall()).findFirst().orElseThrow();
        assertEquals(SeparatedAucDifference.TEST, result.test());
        assertEquals(0.9672, result.candidate().value(), 1e-12);
        assertEquals(0.9416647954479683, result.candidate().ci().lower(), 1e-9);
        assertEquals(0.9817739636682538, result.candidate().ci().upper(), 1e-9);
        assertEquals(0.9637833073548235, result.production().ci().lower(), 1e-9);
        assertEquals(1.0, result.production().ci().upper(), 0);
        assertEquals(-0.05833520455203167, result.deltaCi().lower(), 1e-9);
        assertEquals(0.00623907328765326, result.deltaCi().upper(), 1e-9);
        assertEquals(0.09376117892574527, result.pValue(), 1e-7);
        assertNotEquals(Verdict.WORSE, result.verdict());
        assertTrue(result.note().startsWith("production's roc_auc is 1 here (the classes perfectly separated)"),
                result.note());
        assertTrue(result.note().endsWith("Δ's interval combines the two models' intervals (MOVER) rather than"
                + " DeLong's variance of Δ, which would take that roc_auc as known exactly"), result.note());
    }
}
