package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * No estimated quantity gets an interval of no width, and every missing interval says why (docs/statistics.md, "No
 * zero-width intervals"). Two models that classify every example right with one score per class (production 0.9 and
 * 0.1, the candidate 0.8 and 0.2) differ by the same loss on every row, so every resample gives the same Δ — up to
 * the rounding of its sums, which once made a Δ interval 1e-15 wide and a "worse" verdict at p = 0. The expected
 * values are by hand: log loss −ln 0.9 = 0.1053605 and −ln 0.8 = 0.2231436 (Δ = ln(0.9/0.8) = 0.1177830), Brier
 * 0.1² = 0.01 and 0.2² = 0.04, and the calibration error the same as Brier (each score bin holds one gap, so the
 * debiasing subtracts nothing).
 */
class NoZeroWidthIntervalTest {
    private static final ComparisonOptions OPTIONS = new ComparisonOptions(0.95, 1, 0.05, 1000, 1L,
            CorrectionMethod.HOLM, List.of());

    private static SliceResult overall(EvaluationTable table, Metric metric) {
        Metric primary = table.task() == Task.REGRESSION ? Metric.MAE : Metric.ROC_AUC;
        ComparisonReport report = new ComparisonEngine().compare("t", table, "1", "2", primary, OPTIONS,
                Progress.NONE);
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().isOverall()).findFirst()
                .orElseThrow();
    }

    /** Every example classified right; 2 in 5 positive. */
    private static EvaluationTable bothPerfect(int n) {
        int[] labels = new int[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5 < 2 ? 1 : 0;
            production[i] = labels[i] == 1 ? 0.9 : 0.1;
            candidate[i] = labels[i] == 1 ? 0.8 : 0.2;
        }
        return TestTables.binary(labels, production, candidate, null, null, Map.of());
    }

    private static void assertUnstableWithoutIntervals(EvaluationTable table, Metric metric, double production,
                                                       double candidate) {
        SliceResult result = overall(table, metric);
        String name = metric.wireName();
        assertEquals(production, result.production().value(), 1e-12, name);
        assertEquals(candidate, result.candidate().value(), 1e-12, name);
        assertEquals(candidate - production, result.delta(), 1e-12, name);
        assertNull(result.deltaCi(), name);
        assertNull(result.pValue(), name);
        assertEquals(Verdict.INCONCLUSIVE, result.verdict(), name);
        assertTrue(result.isUnstable(), name);
        assertNull(result.production().ci(), name);
        assertNull(result.candidate().ci(), name);
        assertNotNull(result.note(), name);
        assertTrue(result.note().startsWith("each model's " + name), result.note());
    }

    @Test
    void aConstantDifferenceOnEveryRowIsUnstableNotSignificant() {
        EvaluationTable table = bothPerfect(30);
        assertUnstableWithoutIntervals(table, Metric.LOG_LOSS, -Math.log(0.9), -Math.log(0.8));
        assertUnstableWithoutIntervals(table, Metric.BRIER, 0.01, 0.04);
        assertUnstableWithoutIntervals(table, Metric.SQ_CALIBRATION_ERROR, 0.01, 0.04);
    }

    /** 10,000 rows take the closed form where the bootstrap would buy nothing; a spread of rounding is none there. */
    @Test
    void theLargeSliceClosedFormHoldsTheSameRule() {
        EvaluationTable table = bothPerfect(10_000);
        assertUnstableWithoutIntervals(table, Metric.LOG_LOSS, -Math.log(0.9), -Math.log(0.8));
        assertUnstableWithoutIntervals(table, Metric.BRIER, 0.01, 0.04);
        assertUnstableWithoutIntervals(table, Metric.SQ_CALIBRATION_ERROR, 0.01, 0.04);
    }

    /** pr_auc is a function of the ranking too, but agreement does not bound it: unstable, saying so. */
    @Test
    void prAucOfTwoModelsThatRankAlikeSaysWhyItHasNoBound() {
        SliceResult result = overall(bothPerfect(30), Metric.PR_AUC);
        assertTrue(result.isUnstable());
        assertTrue(result.unstableReason().startsWith("both models rank every example here alike; Δ = 0 here, but"
                + " Verdict has no bound on Δ pr_auc"), result.unstableReason());
    }

    /**
     * Both models separate the 12 positives from the 18 negatives: DeLong's variance of each AUC is 0, yet the true AUC
     * is not known to be 1; each model gets the exact bound [0.025^(1/12), 1] = [0.7354, 1] (NumPy), and the note says
     * why (docs/statistics.md, "Perfect separation").
     */
    @Test
    void aPerfectlySeparatingModelsRocAucHasTheExactBound() {
        SliceResult rocAuc = overall(bothPerfect(30), Metric.ROC_AUC);
        for (var model : List.of(rocAuc.production(), rocAuc.candidate())) {
            assertEquals(1.0, model.value(), 0);
            assertEquals(0.7353515306029488, model.ci().lower(), 1e-9);
            assertEquals(1.0, model.ci().upper(), 0);
        }
        assertTrue(rocAuc.note().contains("each model's roc_auc is 1 here (the classes perfectly separated), so"
                + " DeLong's variance is 0: the interval shown is the exact bound"), rocAuc.note());
    }

    /**
     * The candidate predicts every price exactly: its error metrics are the same (0, r2 1) in every resample, so it has
     * no interval, and the note says so; production's intervals and Δ's stand.
     */
    @Test
    void aPerfectCandidatesErrorMetricsSayWhyTheyHaveNoInterval() {
        int n = 35;
        double[] labels = new double[n];
        double[] production = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 100_000 + 1_000 * i;
            production[i] = labels[i] + (i % 2 == 0 ? 1 : -1) * (1_000 + 500 * (i % 4));
        }
        EvaluationTable table = TestTables.regression(labels, production, labels.clone(), Map.of());
        for (Metric metric : List.of(Metric.MAE, Metric.RMSE, Metric.MAPE, Metric.R2)) {
            SliceResult result = overall(table, metric);
            assertNull(result.candidate().ci(), metric.wireName());
            assertNotNull(result.production().ci(), metric.wireName());
            assertNotNull(result.deltaCi(), metric.wireName());
            assertTrue(result.note().contains("the candidate's " + metric.wireName() + " is the same in every resample"
                    + " here"), result.note());
        }
    }

    /**
     * Production misses one positive (0.3) and is otherwise sure (0.9 / 0.1); the candidate is right on every row
     * (0.95 / 0.05). A resample without the miss leaves production's log losses all alike, so its studentized interval
     * is unbounded: said in words, not as "Infinity times as wide"; the candidate's missing interval says why too.
     */
    @Test
    void missingAndFallbackIntervalsOfLogLossAreSaidInWords() {
        int n = 35;
        int[] labels = new int[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 14 ? 1 : 0;
            production[i] = labels[i] == 1 ? 0.9 : 0.1;
            candidate[i] = labels[i] == 1 ? 0.95 : 0.05;
        }
        production[0] = 0.3;
        SliceResult result = overall(TestTables.binary(labels, production, candidate, null, null, Map.of()),
                Metric.LOG_LOSS);
        assertNull(result.candidate().ci());
        assertNotNull(result.production().ci());
        assertFalse(result.note().contains("Infinity"), result.note());
        assertTrue(result.note().contains("the candidate's log_loss is the same in every resample here"),
                result.note());
        assertTrue(result.note().contains("production's studentized interval is unbounded"), result.note());
    }
}
