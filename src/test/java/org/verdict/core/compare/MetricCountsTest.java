package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.task.Progress;

/** Each result carries the counts its metric rests on, counted here by hand from the table. */
class MetricCountsTest {
    private static final ComparisonOptions MIN_ONE = new ComparisonOptions(0.95, 1, 0.05, 1000, 7L,
            CorrectionMethod.HOLM, List.of());
    private final ComparisonEngine engine = new ComparisonEngine();

    private static SliceResult find(ComparisonReport report, Metric metric, String label) {
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + label));
    }

    /**
     * mape leaves out the rows labelled 0 (their relative error is undefined): of 60 claims, 40 are $0 (every row but
     * each third), so mape rests on 20 (slice a: rows 0–29, 20 zeros, 10 kept), and every line giving its n says so;
     * mae and rmse rest on every row.
     */
    @Test
    void mapeRestsOnTheRowsWhoseLabelIsNotZero() {
        int n = 60;
        double[] labels = new double[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        String[] seg = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3 == 0 ? 100 + i : 0;
            prod[i] = labels[i] + (i % 5) - 2;
            cand[i] = labels[i] * 0.5 + (i % 7);
            seg[i] = i < 30 ? "a" : "b";
        }
        EvaluationTable table = TestTables.regression(labels, prod, cand, TestTables.columns(
                TestTables.column("seg", seg)));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MAE, MIN_ONE, Progress.NONE);
        SliceResult overall = find(report, Metric.MAPE, "overall");
        assertEquals(40L, overall.counts().labelZeroLeftOut());
        assertEquals("n=20 (40 with label 0 left out)", overall.counts().sampleSize(overall.n()));
        assertEquals("20 (40 with label 0 left out)", overall.counts().withN(overall.n()));
        assertEquals(20L, find(report, Metric.MAPE, "seg=a").counts().labelZeroLeftOut());
        assertSame(MetricCounts.NONE, find(report, Metric.MAE, "overall").counts());
        assertSame(MetricCounts.NONE, find(report, Metric.RMSE, "overall").counts());
        // the candidate's halved claims make its mape worse overall: the line every view lists it in gives mape's n
        WorseOverall mape = report.worseOverall().stream().filter(w -> w.subject().equals("mape")).findFirst()
                .orElseThrow(() -> new AssertionError(report.worseOverall()));
        assertTrue(mape.line().contains("; n=20 (40 with label 0 left out), p "), mape.line());
    }

    /**
     * Ten rows, 3 positive (rows 0, 4, 7) and 7 negative; production flags rows 0, 2 (scores ≥ 0.5: 2), the candidate
     * rows 0, 4, 5, 7 (4). Slice b (rows 5–9) has 1 positive, 4 negatives.
     */
    @Test
    void binaryResultsRestOnPositivesNegativesOrPredictedPositives() {
        int[] labels = {1, 0, 0, 0, 1, 0, 0, 1, 0, 0};
        double[] prod = {0.9, 0.1, 0.6, 0.2, 0.4, 0.3, 0.1, 0.45, 0.2, 0.3};
        double[] cand = {0.8, 0.2, 0.3, 0.1, 0.7, 0.6, 0.2, 0.9, 0.1, 0.4};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null, TestTables.columns(
                TestTables.column("seg", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b")));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE);

        assertEquals(new MetricCounts(3L, 7L, null, null, null, null),
                find(report, Metric.ROC_AUC, "overall").counts());
        assertEquals(new MetricCounts(3L, 7L, null, null, null, null),
                find(report, Metric.PR_AUC, "overall").counts());
        assertEquals(new MetricCounts(3L, 7L, null, null, null, null),
                find(report, Metric.BALANCED_ACCURACY, "overall").counts());
        assertEquals(new MetricCounts(3L, null, null, null, null, null),
                find(report, Metric.RECALL, "overall").counts());
        assertEquals(new MetricCounts(3L, null, null, null, null, null),
                find(report, Metric.TPR, "overall").counts());
        assertEquals(new MetricCounts(null, 7L, null, null, null, null),
                find(report, Metric.FPR, "overall").counts());
        assertEquals(new MetricCounts(null, null, 2L, 4L, null, null),
                find(report, Metric.PRECISION, "overall").counts());
        assertEquals(new MetricCounts(3L, null, 2L, 4L, null, null), find(report, Metric.F1, "overall").counts());
        for (Metric rowsAlone : List.of(Metric.ACCURACY, Metric.BRIER, Metric.LOG_LOSS, Metric.SELECTION_RATE,
                Metric.SQ_CALIBRATION_ERROR)) {
            assertSame(MetricCounts.NONE, find(report, rowsAlone, "overall").counts(), rowsAlone.wireName());
        }

        SliceResult b = find(report, Metric.ROC_AUC, "seg=b");
        assertEquals("n = 5 (1 positive, 4 negative)", b.sampleSizeText());
        assertEquals("1 positive", b.counts().shortText());
        assertEquals("n=5, 1 positive", b.counts().sampleSize(b.n()), "a chart's label, a line of the Gates view");
        assertEquals("n = 10 (3 positive; predicted positive: production 2, candidate 4)",
                find(report, Metric.F1, "overall").sampleSizeText());
        assertEquals("2 | 4 predicted +", find(report, Metric.PRECISION, "overall").counts().shortText());
        assertEquals("n = 10", find(report, Metric.ACCURACY, "overall").sampleSizeText());
    }

    /** The counts of a score metric asked alone come without the paired cells: the same class counts. */
    @Test
    void aScoreMetricAloneCountsItsClasses() {
        int[] labels = {1, 0, 0, 0, 1, 0};
        double[] prod = {0.9, 0.1, 0.6, 0.2, 0.4, 0.3};
        double[] cand = {0.8, 0.2, 0.3, 0.1, 0.7, 0.6};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null, Map.of());
        ComparisonOptions primaryOnly = MIN_ONE.withPrimaryMetricOnly();
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, primaryOnly, Progress.NONE);
        assertEquals(new MetricCounts(2L, 4L, null, null, null, null),
                find(report, Metric.ROC_AUC, "overall").counts());
    }

    /** A slice of negatives only: roc_auc and pr_auc are unavailable, and the reason names the counts. */
    @Test
    void anUndefinedRankingMetricNamesTheCounts() {
        int[] labels = {0, 0, 0, 1, 1, 0};
        double[] prod = {0.1, 0.2, 0.6, 0.7, 0.4, 0.3};
        double[] cand = {0.2, 0.1, 0.3, 0.9, 0.8, 0.4};
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null,
                TestTables.columns(TestTables.column("seg", "x", "x", "x", "y", "y", "y")));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, MIN_ONE, Progress.NONE);
        assertEquals("only negative examples in this slice (0 positive, 3 negative), so roc_auc is undefined",
                find(report, Metric.ROC_AUC, "seg=x").unavailableReason());
        assertEquals("no positive examples in this slice (0 of 3), so precision-recall is undefined",
                find(report, Metric.PR_AUC, "seg=x").unavailableReason());
        assertEquals("n = 3 (0 positive, 3 negative)", find(report, Metric.ROC_AUC, "seg=x").sampleSizeText());
    }

    /**
     * Classes a (rows 0, 1, 3, 6), b (4, 5), c (2, 7, 8); slice s=y holds rows 3–5: a 1, b 2, c 0. The unweighted
     * averages rest on the smallest class they average: in s=y the classes present, c having no row there.
     */
    @Test
    void multiclassAveragesRestOnTheSmallestClass() {
        int[] labels = {0, 0, 2, 0, 1, 1, 0, 2, 2};
        int[] prod = {0, 1, 2, 0, 1, 0, 0, 2, 1};
        int[] cand = {0, 0, 2, 1, 1, 1, 0, 2, 2};
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c"), labels, prod, cand,
                TestTables.columns(TestTables.column("s", "x", "x", "x", "y", "y", "y", "x", "x", "x")));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, MIN_ONE, Progress.NONE);
        // overall: a 4, b 2, c 3
        assertEquals(new MetricCounts(null, null, null, null, "b", 2L),
                find(report, Metric.MACRO_F1, "overall").counts());
        assertEquals(new MetricCounts(null, null, null, null, "b", 2L),
                find(report, Metric.BALANCED_ACCURACY, "overall").counts());
        // s=y: a 1, b 2, c 0
        assertEquals("n = 3 (smallest class a: 1)", find(report, Metric.MACRO_F1, "s=y").sampleSizeText());
        assertSame(MetricCounts.NONE, find(report, Metric.WEIGHTED_F1, "overall").counts());
        assertSame(MetricCounts.NONE, find(report, Metric.ACCURACY, "overall").counts());
    }
}
