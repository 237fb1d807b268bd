package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verdict.core.compare.TestTables.column;
import static org.verdict.core.compare.TestTables.columns;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.task.Progress;

/**
 * A comparison of the primary metric alone (what the gates read) gives that metric's every slice result exactly as
 * the full comparison does, whichever metric of the task is primary: the same draws, the same family adjustment.
 */
class PrimaryMetricOnlyTest {
    private static final ComparisonOptions OPTIONS = new ComparisonOptions(0.95, 30, 0.05, 1000, 11L,
            CorrectionMethod.HOLM, List.of());
    private static final int ROWS = 600;

    @Test
    void binaryGivesThePrimaryMetricAsTheFullComparisonDoes() {
        Random random = new Random(3);
        int[] labels = new int[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            production[i] = Math.min(0.999, Math.max(0.001, 0.3 + 0.3 * labels[i] + 0.25 * random.nextGaussian()));
            candidate[i] = Math.min(0.999, Math.max(0.001, production[i] + 0.1 * random.nextGaussian()));
        }
        assertSameAsFull(TestTables.binary(labels, production, candidate, null, null, slices(random)));
    }

    @Test
    void multiclassGivesThePrimaryMetricAsTheFullComparisonDoesAndNoClassRecall() {
        Random random = new Random(5);
        int[] labels = new int[ROWS];
        int[] production = new int[ROWS];
        int[] candidate = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = random.nextInt(4);
            production[i] = random.nextDouble() < 0.7 ? labels[i] : random.nextInt(4);
            candidate[i] = random.nextDouble() < 0.75 ? labels[i] : random.nextInt(4);
        }
        EvaluationTable table = TestTables.multiclass(List.of("a", "b", "c", "d"), labels, production, candidate,
                slices(random));
        assertSameAsFull(table);
        assertFalse(full(table, Metric.MACRO_F1).classRecalls().isEmpty(), "the full comparison has class recalls");
    }

    @Test
    void regressionGivesThePrimaryMetricAsTheFullComparisonDoes() {
        Random random = new Random(7);
        double[] labels = new double[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = 100 + 20 * random.nextGaussian();
            production[i] = labels[i] + 8 * random.nextGaussian();
            candidate[i] = labels[i] + 7 * random.nextGaussian();
        }
        assertSameAsFull(TestTables.regression(labels, production, candidate, slices(random)));
    }

    private static void assertSameAsFull(EvaluationTable table) {
        for (Metric primary : Metric.forTask(table.task())) {
            ComparisonReport alone = new ComparisonEngine().compare("t", table, "1", "2", primary,
                    OPTIONS.withPrimaryMetricOnly(), Progress.NONE);
            ComparisonReport full = full(table, primary);
            assertEquals(full.resultsFor(primary), alone.results(), primary.wireName());
            assertEquals(full.correctedTests(), alone.correctedTests(), primary.wireName());
            assertTrue(alone.classRecalls().isEmpty(), primary.wireName());
        }
    }

    private static ComparisonReport full(EvaluationTable table, Metric primary) {
        return new ComparisonEngine().compare("t", table, "1", "2", primary, OPTIONS, Progress.NONE);
    }

    /** Two slice columns, one with a slice under the minimum size. */
    private static Map<String, CategoricalColumn> slices(Random random) {
        String[] region = new String[ROWS];
        String[] plan = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            region[i] = List.of("north", "south", "east").get(random.nextInt(3));
            plan[i] = i % 40 == 0 ? "trial" : random.nextBoolean() ? "basic" : "pro";
        }
        return columns(column("region", region), column("plan", plan));
    }
}
