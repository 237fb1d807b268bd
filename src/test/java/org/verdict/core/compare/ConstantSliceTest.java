package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.task.Progress;

/**
 * A candidate that gives every row of one slice the same output tells none of them apart there: the comparison names
 * each such tested slice with both models' outputs, beside the slice (docs/statistics.md, "One output for a whole
 * slice").
 */
class ConstantSliceTest {
    private static final int ROWS = 240;

    /** 240 claims over four adjusters of 60; the candidate answers $0 for all of d's and varies elsewhere. */
    @Test
    void aRegressionCandidateGivingOneAdjusterZeroEverywhereIsNamedWithProductionVaryingThere() {
        SplittableRandom random = new SplittableRandom(3);
        double[] labels = new double[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        String[] adjuster = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            adjuster[i] = String.valueOf((char) ('a' + i / 60));
            labels[i] = random.nextDouble() < 0.7 ? 0 : Math.round(200 + 900 * random.nextDouble());
            production[i] = Math.round(labels[i] + 80 * random.nextGaussian());
            candidate[i] = adjuster[i].equals("d") ? 0 : Math.round(labels[i] + 60 * random.nextGaussian());
        }
        ComparisonReport report = compare(TestTables.regression(labels, production, candidate,
                TestTables.columns(TestTables.column("adjuster", adjuster))), Metric.MAE, TargetUnit.of("USD"));
        assertEquals(List.of(new ConstantSlice(key("adjuster", "d"), 60, "2", "$0", "1", null)),
                report.constantSlices());
        assertEquals("candidate 2 predicts one value, $0, for all 60 rows of this slice; production 1's predictions "
                + "vary here", report.constantSlices().get(0).note());
    }

    @Test
    void whereProductionIsConstantThereTooItsValueIsGiven() {
        double[] labels = new double[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        String[] region = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            region[i] = i < 120 ? "eu" : "us";
            labels[i] = 100 + i % 17;
            production[i] = i < 120 ? labels[i] + i % 5 : 112.5;
            candidate[i] = i < 120 ? labels[i] - i % 3 : 98;
        }
        ComparisonReport report = compare(TestTables.regression(labels, production, candidate,
                TestTables.columns(TestTables.column("region", region))), Metric.MAE, TargetUnit.of("kg"));
        assertEquals(1, report.constantSlices().size(), report.constantSlices().toString());
        // a unit stays on the line of its number (a no-break space)
        assertEquals("candidate 2 predicts one value, 98\u00A0kg, for all 120 rows of this slice; production 1 too "
                + "predicts one value here, 112.5\u00A0kg", report.constantSliceOf(key("region", "us")).orElseThrow().note());
    }

    /** Binary: the class alone may be one (a high threshold) while the scores still rank; only both at once count. */
    @Test
    void aBinarySliceIsNamedOnlyWhereTheCandidatesScoreIsOneToo() {
        SplittableRandom random = new SplittableRandom(5);
        int[] labels = new int[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        String[] language = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            language[i] = i < 80 ? "de" : i < 160 ? "ja" : "pt";
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            production[i] = 0.2 + 0.5 * labels[i] * random.nextDouble() + 0.1 * random.nextDouble();
            // ja: one score for all; pt: every score under 0.5 (one class) but varying; de: a model
            candidate[i] = i >= 80 && i < 160 ? 0.3 : i >= 160 ? 0.1 + 0.3 * random.nextDouble()
                    : 0.2 + 0.6 * labels[i] * random.nextDouble() + 0.1 * random.nextDouble();
        }
        EvaluationTable table = TestTables.binary(labels, production, candidate, null, null,
                TestTables.columns(TestTables.column("language", language)));
        ComparisonReport report = compare(table, Metric.ROC_AUC, TargetUnit.NONE);
        assertEquals(List.of(new ConstantSlice(key("language", "ja"), 80, "2", "'no' with score 0.300", "1", null)),
                report.constantSlices());
    }

    @Test
    void aMulticlassSliceWithOneClassPredictedIsNamed() {
        int[] labels = new int[ROWS];
        int[] production = new int[ROWS];
        int[] candidate = new int[ROWS];
        String[] language = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            language[i] = i % 2 == 0 ? "en" : "ko";
            labels[i] = i % 3;
            production[i] = i % 7 == 0 ? (labels[i] + 1) % 3 : labels[i];
            candidate[i] = language[i].equals("ko") ? 2 : labels[i];
        }
        ComparisonReport report = compare(TestTables.multiclass(List.of("billing", "abuse", "other"), labels,
                production, candidate, TestTables.columns(TestTables.column("language", language))),
                Metric.MACRO_F1, TargetUnit.NONE);
        assertEquals(List.of(new ConstantSlice(key("language", "ko"), 120, "2", "'other'", "1", null)),
                report.constantSlices());
    }

    /** Under the minimum size a slice is not judged, and a few rows alike say little of a model. */
    @Test
    void aSliceUnderTheMinimumSizeIsNotNamed() {
        double[] labels = new double[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        String[] region = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            region[i] = i < 20 ? "small" : "large";
            labels[i] = 100 + i % 13;
            production[i] = labels[i] + i % 4;
            candidate[i] = i < 20 ? 100 : labels[i] + i % 5;
        }
        ComparisonReport report = compare(TestTables.regression(labels, production, candidate,
                TestTables.columns(TestTables.column("region", region))), Metric.MAE, TargetUnit.NONE);
        assertTrue(report.constantSlices().isEmpty(), report.constantSlices().toString());
    }

    /** Constant on every row: the pack-level check says it once, not once per slice. */
    @Test
    void aCandidateConstantOverallNamesNoSlice() {
        double[] labels = new double[ROWS];
        double[] production = new double[ROWS];
        String[] region = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            region[i] = i < 120 ? "eu" : "us";
            labels[i] = i % 4 == 0 ? 300 + i : 0;
            production[i] = labels[i] * 0.9 + 20;
        }
        ComparisonReport report = compare(TestTables.regression(labels, production, new double[ROWS],
                TestTables.columns(TestTables.column("region", region))), Metric.MAE, TargetUnit.NONE);
        assertTrue(report.constantSlices().isEmpty(), report.constantSlices().toString());
    }

    private static ComparisonReport compare(EvaluationTable table, Metric primary, TargetUnit unit) {
        return new ComparisonEngine().compare("t", table, "1", "2", primary,
                ComparisonOptions.DEFAULTS.withTargetUnit(unit), Progress.NONE);
    }

    private static SliceKey key(String column, String value) {
        return new SliceKey(List.of(column), List.of(value));
    }
}
