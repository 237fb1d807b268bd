package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.task.Progress;

/**
 * "No slice is significantly worse" said only of slices that were tested: with a rare class, most stores of macro_f1
 * are unstable and one is under the minimum, and the sentence says how many were tested and which could not be.
 */
class SliceCoverageTest {
    /** 600 rows with 60 of the rare class, three stores of 150 with 2 each, and one of 20. */
    private static final int[][] STORES = {{600, 60}, {150, 2}, {150, 2}, {150, 2}, {20, 0}};
    private static final List<String> NAMES = List.of("big", "mid1", "mid2", "mid3", "tiny");

    private final ComparisonEngine engine = new ComparisonEngine();

    @Test
    void noneWorseSaysHowManySlicesWereTestedAndWhichCouldNotBe() {
        ComparisonReport report = compare(false);
        String said = report.sliceCoverage(Metric.MACRO_F1).noneWorse();
        assertTrue(said.startsWith("The one tested slice is not significantly worse on macro_f1; 4 of 5 slices could "
                + "not be tested (3 unstable, 1 too few examples; 2 with Δ on the worse side, named first (the "
                + "largest loss first), then the slices with the most examples: store=tiny, n=20, "), said);
        assertTrue(said.endsWith("untested): Compare gives each one's reason."), said);
        // each with its n and what macro_f1 rests on: a mid store's 2 examples of the rare class
        assertTrue(said.contains(", n=150, min class 2, Δ "), said);
    }

    @Test
    void aSliceWorseIsCountedAmongTheTestedOnes() {
        SliceCoverage coverage = compare(false).sliceCoverage(Metric.MACRO_F1);
        assertTrue(coverage.worseHeading(1).startsWith("Slices significantly worse on macro_f1 (1 of the 1 tested), "
                + "the largest loss first; 4 of 5 slices could not be tested (3 unstable, 1 too few examples;"),
                coverage.worseHeading(1));
    }

    /**
     * mc_rare: four unstable slices, three of them larger gains and the smallest a loss; named by size alone, the loss
     * was the one left out. It comes first, and the sentence says how many of the untested lost.
     */
    @Test
    void anUntestedLossIsNamedBeforeLargerGains() {
        List<SliceResult> results = List.of(untested("segment", "ent", 988, 0.095), untested("language", "de", 700,
                0.053), untested("language", "fr", 650, 0.086), untested("language", "ja", 300, -0.136),
                tested("segment", "smb", 4000), tested("language", "en", 3000), tested("language", "es", 900));
        SliceCoverage coverage = SliceCoverage.of("macro_f1", results);
        assertEquals(List.of("language=ja", "segment=ent", "language=de", "language=fr"),
                coverage.untested().stream().map(r -> r.slice().label()).toList());
        String said = coverage.noneWorse();
        assertTrue(said.contains("4 of 7 slices could not be tested (4 unstable; 1 with Δ on the worse side, named "
                + "first, then the slices with the most examples: language=ja, n=300, Δ −0.136 untested; segment=ent, n=988"), said);
        assertTrue(!said.contains("language=fr"), said);
    }

    @Test
    void withoutALossAmongTheUntestedTheSentenceSaysSo() {
        List<SliceResult> results = List.of(untested("s", "a", 900, 0.01), untested("s", "b", 800, 0.02),
                untested("s", "c", 700, 0.03), untested("s", "d", 600, 0.04), tested("s", "e", 4000));
        String said = SliceCoverage.of("macro_f1", results).noneWorse();
        assertTrue(said.contains("(4 unstable; none with Δ on the worse side; the 3 with the most examples: s=a, "
                + "n=900"), said);
    }

    /**
     * r1: 47 untested losses, named by size, left the largest loss (n=8) unnamed; a23's fraud candidate, scrambled in
     * merchant m007 (Δ −0.760 on 1 positive), went unnamed behind merchants that lost 0.001 to 0.195. When the losses
     * alone fill the sentence, it names the largest loss, then the two with the most examples, and says so.
     */
    @Test
    void whenLossesAloneFillTheSentenceItNamesTheLargestLossThenTheMostExamples() {
        List<SliceResult> results = List.of(untested("store", "st025", 28, -0.222), untested("store", "st031", 25,
                -0.1), untested("store", "st005", 8, -0.848), untested("store", "st040", 20, -0.05),
                untested("store", "st050", 900, 0.3), tested("region", "north", 4000));
        String said = SliceCoverage.of("macro_f1", results).noneWorse();
        assertTrue(said.contains("(5 unstable; 4 with Δ on the worse side; of those, the largest loss, then the 2 with "
                + "the most examples: store=st005, n=8, Δ −0.848 untested; store=st025, n=28, Δ −0.222 untested; "
                + "store=st031, n=25, Δ −0.100 untested)"), said);
        assertTrue(!said.contains("st040"), said);
    }

    @Test
    void forALowerIsBetterMetricTheWorseSideIsAboveZero() {
        assertTrue(SliceCoverage.onWorseSide(untested(Metric.LOG_LOSS, 0.02)));
        assertTrue(!SliceCoverage.onWorseSide(untested(Metric.LOG_LOSS, -0.02)));
        assertTrue(SliceCoverage.onWorseSide(untested(Metric.MACRO_F1, -0.02)));
        assertTrue(!SliceCoverage.onWorseSide(untested(Metric.MACRO_F1, 0.0)));
    }

    private static SliceResult untested(Metric metric, double delta) {
        return result(new SliceKey(List.of("s"), List.of("x")), 500, metric, delta, null);
    }

    private static SliceResult untested(String dimension, String value, int n, double delta) {
        return result(new SliceKey(List.of(dimension), List.of(value)), n, Metric.MACRO_F1, delta, null);
    }

    private static SliceResult tested(String dimension, String value, int n) {
        return result(new SliceKey(List.of(dimension), List.of(value)), n, Metric.MACRO_F1, 0.01,
                new org.verdict.core.stats.Interval(-0.01, 0.03));
    }

    private static SliceResult result(SliceKey slice, int n, Metric metric, double delta,
                                      org.verdict.core.stats.Interval ci) {
        return new SliceResult(slice, n, metric, false, new MetricEstimate(0.7, null, null),
                new MetricEstimate(0.7 + delta, null, null), delta, ci, ci, null, null, "paired-bootstrap",
                Verdict.INCONCLUSIVE, null, null, ci == null ? "class rare has 3 examples here" : null, null);
    }

    @Test
    void everySliceTestedIsSaidSo() {
        SliceCoverage coverage = new SliceCoverage("mae", 7, 7, List.of());
        assertEquals("None of the 7 slices is significantly worse on mae; every one was tested.",
                coverage.noneWorse());
    }

    @Test
    void modelsAgreeingOverallAgreeOnEverySliceAndTheSentenceCountsThemAll() {
        ComparisonReport report = compare(true);
        assertEquals("Both models predict the same class for every example, so on all 5 slices too: Δ is 0 "
                + "throughout; its interval is the agreement bound on the overall slice and 1 other; 4 have no interval "
                + "(3 unstable, 1 too few examples), each row says why.",
                ComparisonReport.agreementEverywhere(report.resultsFor(Metric.MACRO_F1)));
        assertNull(ComparisonReport.agreementEverywhere(compare(false).resultsFor(Metric.MACRO_F1)));
    }

    @Test
    void nothingElseWorseNamesClassesOnlyWhereThereAreClasses() {
        assertEquals("Nothing else is significantly worse overall: no other metric, and no class's recall.",
                compare(false).nothingElseWorse());
        double[] labels = new double[200];
        double[] prod = new double[200];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = 100 + i;
            prod[i] = labels[i] + (i % 7) - 3;
        }
        ComparisonReport regression = engine.compare("t", TestTables.regression(labels, prod, prod.clone(),
                TestTables.columns()), "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS, Progress.NONE);
        assertEquals("Nothing else is significantly worse overall: no other metric.", regression.nothingElseWorse());
    }

    /** Production right on 80 % of rows; the candidate the same, or on its own 80 % when not {@code agreeing}. */
    private ComparisonReport compare(boolean agreeing) {
        int n = java.util.Arrays.stream(STORES).mapToInt(s -> s[0]).sum();
        int[] labels = new int[n];
        int[] prod = new int[n];
        int[] cand = new int[n];
        String[] store = new String[n];
        Random random = new Random(7);
        int row = 0;
        for (int s = 0; s < STORES.length; s++) {
            for (int i = 0; i < STORES[s][0]; i++, row++) {
                store[row] = NAMES.get(s);
                labels[row] = i < STORES[s][1] ? 2 : i % 2;
                prod[row] = random.nextInt(5) == 0 ? (labels[row] + 1) % 3 : labels[row];
                cand[row] = agreeing ? prod[row] : random.nextInt(5) == 0 ? (labels[row] + 1) % 3 : labels[row];
            }
        }
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "rare"), labels, prod, cand,
                TestTables.columns(TestTables.column("store", store)));
        return engine.compare("t", table, "1", "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS, Progress.NONE);
    }
}
