package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.task.Progress;

/**
 * Slices under the comparison's minimum (30 by default), for every task: Δ has no interval and no test, each model
 * keeps its interval only where its method is a score interval (Wilson, f1's Wilson interval of the Jaccard index,
 * MOVER-Wilson, roc_auc's Newcombe interval), and a withheld interval is said in words. A 40-row slice beside each tiny one is tested as
 * usual.
 */
class TooFewExamplesTest {
    private final ComparisonEngine engine = new ComparisonEngine();

    private static SliceResult find(ComparisonReport report, Metric metric, String label) {
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + label));
    }

    /** "tiny" for the first {@code tiny} rows, "big" for the rest. */
    private static String[] sites(int n, int tiny) {
        String[] site = new String[n];
        for (int i = 0; i < n; i++) {
            site[i] = i < tiny ? "tiny" : "big";
        }
        return site;
    }

    private static void assertNotTested(SliceResult r) {
        assertEquals(Verdict.TOO_FEW_EXAMPLES, r.verdict(), r.toString());
        assertNull(r.deltaCi(), r.metric() + ": no interval beside the verdict");
        assertNull(r.unadjustedCi(), r.metric() + ": no unadjusted interval either");
        assertNull(r.pValue(), r.metric() + ": no test");
        assertNull(r.adjustedP());
        assertNull(r.test());
        assertNull(TestMethods.methodOf(r));
        assertNotNull(r.delta(), r.metric() + ": Δ itself stays");
    }

    private static void assertWithheld(SliceResult r, String reason) {
        assertNotTested(r);
        assertNull(r.production().ci(), r.metric() + ": production's interval withheld");
        assertNull(r.candidate().ci(), r.metric() + ": the candidate's interval withheld");
        assertNull(r.production().ciFallback());
        assertNull(r.candidate().ciFallback());
        assertEquals(reason, r.unstableReason());
        assertEquals("too few examples: " + reason, r.verdictLabel());
        assertEquals("too few examples", r.verdictWord());
        assertTrue(r.withheldForTooFewExamples());
        // its parts, which a table of many such slices writes apart, make up the whole reason again
        assertEquals(reason, r.tooFewExamplesReason().text());
        assertTrue(reason.startsWith(r.tooFewExamplesReason().counted() + ", under the minimum of 30, "), reason);
        assertTrue(reason.endsWith(" " + r.tooFewExamplesReason().shortfall()), reason);
    }

    private static void assertKept(SliceResult r) {
        assertNotTested(r);
        assertNotNull(r.production().ci(), r.metric() + ": production's score interval stays");
        assertNotNull(r.candidate().ci(), r.metric() + ": the candidate's score interval stays");
        assertNull(r.unstableReason(), r.metric() + ": nothing withheld, nothing to say");
        assertEquals("too few examples", r.verdictLabel());
    }

    /** Binary: 4 rows with 2 positives and 2 negatives (the statistician's DeLong/logit case), 40 other rows. */
    @Test
    void binarySliceOfFourKeepsTheScoreIntervalsAndWithholdsEveryOtherModelInterval() {
        int n = 44;
        SplittableRandom random = new SplittableRandom(11);
        int[] labels = new int[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 4 ? (i < 2 ? 1 : 0) : random.nextInt(3) == 0 ? 1 : 0;
            prod[i] = Math.min(0.99, Math.max(0.01, 0.3 + 0.4 * labels[i] + 0.8 * (random.nextDouble() - 0.5)));
            cand[i] = Math.min(0.99, Math.max(0.01, 0.3 + 0.4 * labels[i] + 0.8 * (random.nextDouble() - 0.5)));
        }
        // the tiny slice ranks one positive below one negative for each model, so DeLong's variances are not 0
        prod[0] = 0.40;
        prod[2] = 0.45;
        cand[1] = 0.35;
        cand[3] = 0.50;
        EvaluationTable table = TestTables.binary(labels, prod, cand, null, null,
                TestTables.columns(TestTables.column("site", sites(n, 4))));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.ROC_AUC, ComparisonOptions.DEFAULTS,
                Progress.NONE);

        String why = "4 rows (2 positives), under the minimum of 30, are too few for %s of either model or a test of Δ";
        assertKept(find(report, Metric.ROC_AUC, "site=tiny"));
        assertWithheld(find(report, Metric.LOG_LOSS, "site=tiny"),
                why.formatted("the bootstrap's studentized or percentile interval"));
        assertWithheld(find(report, Metric.BRIER, "site=tiny"),
                why.formatted("the bootstrap's studentized or percentile interval"));
        assertWithheld(find(report, Metric.SQ_CALIBRATION_ERROR, "site=tiny"),
                why.formatted("the calibration error's score interval"));
        // the percentile fallback's note would name an interval no longer shown
        assertNull(find(report, Metric.LOG_LOSS, "site=tiny").note());
        for (Metric rate : List.of(Metric.ACCURACY, Metric.RECALL, Metric.F1, Metric.TPR, Metric.FPR,
                Metric.SELECTION_RATE)) {
            assertKept(find(report, rate, "site=tiny"));
        }
        // the 40-row slice and the overall slice are tested as before
        for (String tested : List.of("site=big", "overall")) {
            SliceResult auc = find(report, Metric.ROC_AUC, tested);
            assertNotNull(auc.deltaCi(), tested);
            assertNotNull(auc.production().ci(), tested);
            assertNotNull(auc.pValue(), tested);
            assertEquals("delong", auc.test());
        }
    }

    /**
     * Multiclass: a 14-row slice in which the rare class has no example (the rare-class pack's r11). macro_f1 (cell
     * bootstrap), weighted_f1 and cohen_kappa (the jackknife's logit and Fisher z) are withheld for too few rows; accuracy and micro_f1 keep Wilson's;
     * balanced_accuracy, over the 3 classes present, is unstable for its class of 4 examples.
     */
    @Test
    void multiclassSliceOfFourteenWithholdsTheCellBootstrapAndSaysWhy() {
        int n = 54;
        SplittableRandom random = new SplittableRandom(5);
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 14 ? i % 3 : i % 4;
            prod[i] = random.nextInt(4) == 0 ? (labels[i] + 1) % (i < 14 ? 3 : 4) : labels[i];
            cand[i] = random.nextInt(5) == 0 ? (labels[i] + 2) % (i < 14 ? 3 : 4) : labels[i];
        }
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c", "rare"), labels, prod, cand,
                TestTables.columns(TestTables.column("region", sites(n, 14))));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                Progress.NONE);

        String why = "14 rows, under the minimum of 30, are too few for %s of either model or a test of Δ";
        assertWithheld(find(report, Metric.MACRO_F1, "region=tiny"), why.formatted("the cell bootstrap's BCa interval"));
        assertWithheld(find(report, Metric.WEIGHTED_F1, "region=tiny"), why.formatted("the jackknife's logit interval"));
        assertWithheld(find(report, Metric.COHEN_KAPPA, "region=tiny"),
                why.formatted("the jackknife's Fisher z interval"));
        assertKept(find(report, Metric.ACCURACY, "region=tiny"));
        assertKept(find(report, Metric.MICRO_F1, "region=tiny"));
        // balanced_accuracy averages the 3 classes present; c's 4 examples make it unstable, as in any slice
        SliceResult balanced = find(report, Metric.BALANCED_ACCURACY, "region=tiny");
        assertNotTested(balanced);
        assertEquals("class c has 4 examples here; the bootstrap cannot measure balanced_accuracy's uncertainty until"
                + " the class has 5 examples here (1 more)", balanced.unstableReason());
        assertNull(balanced.tooFewExamplesReason(), "a class's few examples are not the slice's size");
        assertNotNull(find(report, Metric.MACRO_F1, "region=big").deltaCi());
    }

    /** Regression: a 5-row neighbourhood (the house-price pack's hood_09): no percentile bootstrap on 5 rows. */
    @Test
    void regressionSliceOfFiveWithholdsThePercentileBootstrap() {
        int n = 45;
        SplittableRandom random = new SplittableRandom(3);
        double[] labels = new double[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 200_000 + 100_000 * random.nextDouble();
            prod[i] = labels[i] * (1 + 0.2 * (random.nextDouble() - 0.5));
            cand[i] = labels[i] * (1 + 0.1 * (random.nextDouble() - 0.5));
        }
        prod[0] = labels[0] * 1.8; // one gross error: the studentized interval would fall back to the percentile one
        EvaluationTable table = TestTables.regression(labels, prod, cand,
                TestTables.columns(TestTables.column("hood", sites(n, 5))));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS,
                Progress.NONE);

        String why = "5 rows, under the minimum of 30, are too few for the bootstrap's studentized or percentile "
                + "interval of either model or a test of Δ";
        for (Metric metric : List.of(Metric.MAE, Metric.RMSE, Metric.MAPE, Metric.R2)) {
            SliceResult tiny = find(report, metric, "hood=tiny");
            assertWithheld(tiny, why);
            assertNull(tiny.note(), metric + ": no percentile fallback is shown, so none is said");
            assertNotNull(find(report, metric, "hood=big").production().ci());
            assertNotNull(find(report, metric, "hood=big").deltaCi());
        }
    }

    /**
     * mape leaves out the rows whose label is 0, and the minimum is judged on the rows it keeps: a 30-row slice with
     * 25 claims of $0 gives mape 5 rows, under 30, so its mape is not tested and neither model gets its bootstrap
     * interval, while mae, rmse and r2 rest on all 30 rows and are tested; 35 rows with 5 zeros keep 30, just enough.
     */
    @Test
    void mapeIsJudgedOnTheRowsItKeeps() {
        int n = 65;
        SplittableRandom random = new SplittableRandom(5);
        double[] labels = new double[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        String[] hood = new String[n];
        for (int i = 0; i < n; i++) {
            hood[i] = i < 30 ? "zeros" : "some";
            boolean zero = i < 30 ? i >= 5 : i < 35;
            labels[i] = zero ? 0 : 200_000 + 100_000 * random.nextDouble();
            prod[i] = labels[i] * (1 + 0.2 * (random.nextDouble() - 0.5)) + 1_000 * random.nextDouble();
            cand[i] = labels[i] * (1 + 0.1 * (random.nextDouble() - 0.5)) + 1_000 * random.nextDouble();
        }
        EvaluationTable table = TestTables.regression(labels, prod, cand,
                TestTables.columns(TestTables.column("hood", hood)));
        ComparisonReport report = engine.compare("t", table, "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS,
                Progress.NONE);

        SliceResult mape = find(report, Metric.MAPE, "hood=zeros");
        assertEquals(30, mape.n());
        assertWithheld(mape, "5 of 30 rows (25 with label 0 left out), under the minimum of 30, are too few for the"
                + " bootstrap's studentized or percentile interval of either model or a test of Δ");
        assertEquals("25 examples with label 0 skipped", mape.note(), "no percentile fallback is said for it");
        assertEquals("5 of 30 rows (25 with label 0 left out)", mape.tooFewExamplesReason().counted());
        for (Metric metric : List.of(Metric.MAE, Metric.RMSE, Metric.R2)) {
            SliceResult tested = find(report, metric, "hood=zeros");
            assertNotNull(tested.deltaCi(), metric + " rests on all 30 rows");
            assertNotNull(tested.production().ci(), metric.wireName());
            assertNull(tested.unstableReason(), metric.wireName());
        }
        SliceResult enough = find(report, Metric.MAPE, "hood=some");
        assertEquals(30L, enough.counts().restsOn(enough.n()));
        assertNotNull(enough.deltaCi(), "30 of 35 rows kept: at the minimum, tested");
        assertNotNull(enough.production().ci());
        assertNotNull(find(report, Metric.MAPE, "overall").deltaCi());
    }

    /** The threshold is the comparison's minimum, not 30: with --min-n 4 the 4-row slice is tested as any other. */
    @Test
    void theThresholdIsTheComparisonsMinimum() {
        double[] labels = {1, 2, 3, 4, 10, 20, 30, 40};
        double[] prod = {1.5, 2.5, 2, 5, 12, 18, 33, 38};
        double[] cand = {1, 2.2, 3.1, 4.5, 11, 21, 29, 41};
        EvaluationTable table = TestTables.regression(labels, prod, cand,
                TestTables.columns(TestTables.column("hood", "x", "x", "x", "x", "y", "y", "y", "y")));
        ComparisonOptions minFour = new ComparisonOptions(0.95, 4, 0.05, 1000, 7L, CorrectionMethod.HOLM, List.of());
        SliceResult x = find(engine.compare("t", table, "1", "2", Metric.MAE, minFour, Progress.NONE), Metric.MAE,
                "hood=x");
        assertNotNull(x.unadjustedCi());
        assertNotNull(x.production().ci());
        assertNull(x.unstableReason());
        ComparisonOptions minFive = new ComparisonOptions(0.95, 5, 0.05, 1000, 7L, CorrectionMethod.HOLM, List.of());
        SliceResult under = find(engine.compare("t", table, "1", "2", Metric.MAE, minFive, Progress.NONE), Metric.MAE,
                "hood=x");
        assertTrue(under.unstableReason().contains("under the minimum of 5"), under.unstableReason());
        assertEquals(5, under.tooFewExamplesReason().minimum());
        assertNull(under.production().ci());
    }

    /**
     * A slice whose metric rests on one row says "is too few", and the result carries the parts its reason was written
     * from: what a table writes in each row ("1 row", the minimum) and what it says once (the shortfall).
     */
    @Test
    void aSliceOfOneRowSaysIsTooFewAndCarriesItsReasonsParts() {
        int n = 41;
        double[] labels = new double[n];
        double[] prod = new double[n];
        double[] cand = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 100 + i;
            prod[i] = labels[i] + (i % 3) - 1;
            cand[i] = labels[i] + (i % 5) - 2;
        }
        EvaluationTable table = TestTables.regression(labels, prod, cand,
                TestTables.columns(TestTables.column("hood", sites(n, 1))));
        SliceResult one = find(engine.compare("t", table, "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS,
                Progress.NONE), Metric.MAE, "hood=tiny");

        String method = "the bootstrap's studentized or percentile interval";
        assertEquals(new TooFewExamplesReason("1 row", 30, true, method), one.tooFewExamplesReason());
        assertWithheld(one, "1 row, under the minimum of 30, is too few for " + method
                + " of either model or a test of Δ");
        assertEquals("too few for " + method + " of either model or a test of Δ",
                one.tooFewExamplesReason().shortfall());
    }

    /** A result's reason is the text of the parts it carries: one that says otherwise is refused, not shown. */
    @Test
    void aResultWhoseReasonIsNotItsPartsTextIsRefused() {
        TooFewExamplesReason parts = new TooFewExamplesReason("18 rows", 30, false, "the bootstrap's BCa interval");
        SliceKey region = new SliceKey(List.of("region"), List.of("r06"));
        MetricEstimate value = new MetricEstimate(0.5, null);
        SliceResult made = new SliceResult(region, 18, Metric.PR_AUC, true, value, value, 0.0, null, null, null, null,
                null, Verdict.TOO_FEW_EXAMPLES, null, null, parts.text(), null, null,
                TargetUnit.NONE, MetricCounts.NONE, parts);
        assertEquals("18 rows, under the minimum of 30, are too few for the bootstrap's BCa interval of either model or"
                + " a test of Δ", made.unstableReason());
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> new SliceResult(region, 18, Metric.PR_AUC, true, value, value,
                        0.0, null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null,
                        "19 rows, under the minimum of 30", null, null, TargetUnit.NONE,
                        MetricCounts.NONE, parts));
        assertTrue(refused.getMessage().contains("19 rows, under the minimum of 30"), refused.getMessage());
    }
}
