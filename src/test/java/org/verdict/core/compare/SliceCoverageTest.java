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
                + "not be tested (3 unstable, 1 too few examples; the largest: store=mid"), said);
        assertTrue(said.endsWith("untested): Compare gives each one's reason."), said);
        assertTrue(said.contains(", n=150, Δ "), said);
    }

    @Test
    void aSliceWorseIsCountedAmongTheTestedOnes() {
        SliceCoverage coverage = compare(false).sliceCoverage(Metric.MACRO_F1);
        assertTrue(coverage.worseHeading(1).startsWith("Slices significantly worse on macro_f1 (1 of the 1 tested), "
                + "the largest loss first; 4 of 5 slices could not be tested (3 unstable, 1 too few examples;"),
                coverage.worseHeading(1));
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
