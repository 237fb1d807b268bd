package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.Verdict;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/** The approval pack's forest plot scales its Δ axis as the app's does: every tested row's Δ is on it. */
class EvidenceChartsRangeTest {

    @Test
    void everyTestedDeltaIsOnTheAxisAndAnUninformativeIntervalIsClipped() {
        // h_tiny's roc_auc rows, and an uninformative interval around +0.4
        List<DeltaRow> rows = List.of(
                new DeltaRow("overall", 0.013, new Interval(-0.001, 0.027), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=big", 0.016, new Interval(-0.003, 0.034), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s40", 0.139, new Interval(-0.032, 0.309), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s400", -0.018, new Interval(-0.068, 0.031), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s50", 0.4, new Interval(-0.6, 1.0), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s12", 0.333, null, Verdict.TOO_FEW_EXAMPLES, null));

        AxisRange range = EvidenceCharts.forestRange(new DeltaForest("Δ roc_auc", "Δ roc_auc", MetricFormat.RATE, true, rows));

        for (DeltaRow row : rows.subList(0, 5)) {
            assertTrue(range.contains(row.delta()), row.label() + " Δ " + row.delta() + " on " + range);
        }
        assertFalse(range.contains(1.0), "the uninformative interval's end is clipped: " + range);
        assertFalse(range.contains(-0.6), range.toString());
    }

    @Test
    void anIntervalFarWiderThanTheOthersIsArrowedWithItsEstimateWritten() {
        // claims' adjusters: intervals about $170 wide, and adj036 (n = 61), Δ +$8,199 [−$16,532, +$38,041]
        List<DeltaRow> rows = new java.util.ArrayList<>();
        rows.add(new DeltaRow("overall", 8.7, new Interval(-47.7, 49.7), Verdict.INCONCLUSIVE, null));
        for (int i = 0; i < 40; i++) {
            double delta = -30 + 1.5 * i;
            rows.add(new DeltaRow("adjuster=a" + i, delta, new Interval(delta - 85, delta + 85),
                    Verdict.INCONCLUSIVE, null));
        }
        rows.add(new DeltaRow("adjuster=adj036", 8199.15, new Interval(-16532.4, 38041.2), Verdict.INCONCLUSIVE,
                null));
        DeltaForest forest = new DeltaForest("Δ mae", "Δ mae in USD", MetricFormat.of(Metric.MAE, TargetUnit.of("USD")), false,
                rows);

        AxisRange range = EvidenceCharts.forestRange(forest);
        XYPlot plot = new EvidenceCharts().build(forest).getXYPlot();

        assertTrue(range.contains(-115) && range.contains(113.5), "every narrow interval: " + range);
        assertTrue(range.upper() < 500, "adj036 sets no scale: " + range);
        List<String> marks = plot.getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation)
                .map(a -> ((XYTextAnnotation) a).getText()).toList();
        assertEquals(List.of("◀ −$16,532", "Δ +$8,199 ▶"), marks, "its ends are arrowed, with its estimate written past"
                + " the upper edge and its lower end past the lower one");
    }

    /**
     * p7's held-out set: region=r04, Δ −$1,103 with a Holm interval [−$28,013†, +$35,792] beside intervals a few
     * thousand wide. Its point is on the axis and its whisker runs past both edges: each arrow writes the end it
     * stands for, with the † of an end at the bound and the pack's unit, as Compare's table writes the interval.
     */
    @Test
    void aWhiskerPastBothEdgesHasEachEndWrittenByItsArrow() {
        List<DeltaRow> rows = new java.util.ArrayList<>();
        rows.add(new DeltaRow("overall (n=563)", 642.0, new Interval(-6_610, 5_428, true, false),
                Verdict.INCONCLUSIVE, null));
        for (int i = 0; i < 6; i++) {
            double delta = -800 + 200 * i;
            rows.add(new DeltaRow("region=r0" + i, delta, new Interval(delta - 1_500, delta + 1_500),
                    Verdict.INCONCLUSIVE, null));
        }
        rows.add(new DeltaRow("region=r04 (n=97)", -1_103.0, new Interval(-28_013, 35_792, true, false),
                Verdict.INCONCLUSIVE, null));
        DeltaForest forest = new DeltaForest("Δ mae", "Δ mae in USD", MetricFormat.of(Metric.MAE, TargetUnit.of("USD")),
                false, rows);

        XYPlot plot = new EvidenceCharts().build(forest).getXYPlot();

        List<String> marks = plot.getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation)
                .map(a -> ((XYTextAnnotation) a).getText()).toList();
        assertEquals(List.of("◀ −$28,013†", "+$35,792 ▶"), marks);
    }

    @Test
    void anUntestedDeltaOfASliceLargeEnoughToTestIsOnTheAxisOneWithTooFewExamplesIsNot() {
        // mc_rare's macro_f1: store_12 (366 rows) has no interval because class rare has 4 examples there
        List<DeltaRow> rows = List.of(
                new DeltaRow("overall", -0.002, new Interval(-0.034, 0.031), Verdict.INCONCLUSIVE, null),
                new DeltaRow("lang=en", -0.004, new Interval(-0.041, 0.033), Verdict.INCONCLUSIVE, null),
                new DeltaRow("store=store_12", -0.214, null, Verdict.INCONCLUSIVE,
                        "unstable: class rare has 4 examples here"),
                new DeltaRow("store=store_02", -0.317, null, Verdict.TOO_FEW_EXAMPLES, null));

        AxisRange range = EvidenceCharts.forestRange(new DeltaForest("Δ macro_f1", "Δ macro_f1", MetricFormat.RATE, true, rows));

        assertTrue(range.contains(-0.214), "the unstable slice's point: " + range);
        assertFalse(range.contains(-0.317), "the slice with too few examples sets nothing: " + range);
    }

    @Test
    void anIntervalThatSaysNothingSetsNoScaleButItsPointIsOnTheAxis() {
        // f4's stores: Holm intervals about 0.16 wide, and two stores whose 99.96% intervals span every roc_auc
        List<DeltaRow> rows = new java.util.ArrayList<>(List.of(
                new DeltaRow("overall", 0.006, new Interval(0.001, 0.012), Verdict.BETTER, null),
                new DeltaRow("store=store-001", 0.061, new Interval(-0.88, 0.114), Verdict.INCONCLUSIVE, null, true),
                new DeltaRow("store=store-041", -0.137, new Interval(-0.976, 0.024), Verdict.INCONCLUSIVE, null,
                        true)));
        for (int i = 0; i < 9; i++) {
            double delta = -0.03 + 0.01 * i;
            rows.add(new DeltaRow("store=store-1" + i, delta, new Interval(delta - 0.08, delta + 0.08),
                    Verdict.INCONCLUSIVE, null));
        }

        AxisRange range = EvidenceCharts.forestRange(new DeltaForest("Δ roc_auc", "Δ roc_auc", MetricFormat.RATE, true, rows));

        assertTrue(range.contains(-0.137) && range.contains(0.061), "their points: " + range);
        assertTrue(range.contains(-0.11) && range.contains(0.13), "every informative interval: " + range);
        assertTrue(range.lower() > -0.4, "the intervals that say nothing run past the edge: " + range);
    }

    @Test
    void aGroupSetAsideSetsNoScaleWithItsIntervalOnlyWithItsValue() {
        // f5's selection rates: two judged groups near 0.014, a group of 15 rows with interval [0, 0.204] (0 of 15:
        // Wilson's upper end, which the modification keeps)
        EvidenceChart.PairedEstimates rates = new EvidenceChart.PairedEstimates("Selection rate", "selection rate",
                List.of(new EvidenceChart.PairedRow("ethnicity=g1 (n=6,098)", 0.014, new Interval(0.012, 0.018),
                                0.015, new Interval(0.012, 0.018), false),
                        new EvidenceChart.PairedRow("ethnicity=g2 (n=5,887)", 0.013, new Interval(0.010, 0.016),
                                0.015, new Interval(0.012, 0.018), false),
                        new EvidenceChart.PairedRow("ethnicity=g_small (n=15, too small, not judged)", 0.0,
                                new Interval(0.0, 0.204), 0.0, new Interval(0.0, 0.204), true)),
                List.of());

        XYPlot plot = new EvidenceCharts().build(rates).getXYPlot();

        double lower = plot.getDomainAxis().getLowerBound();
        double upper = plot.getDomainAxis().getUpperBound();
        assertTrue(lower <= 0.0 && upper >= 0.018, "the judged intervals and the set-aside value: " + lower + " – "
                + upper);
        assertTrue(upper < 0.03, "the set-aside interval runs past the edge: " + upper);
        assertEquals(2, plot.getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation t
                && t.getText().equals("▶")).count(), "an arrow where each model's set-aside whisker leaves the plot");
    }
}
