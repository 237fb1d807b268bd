package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.HumanBaselineSection;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.evidence.HumanBaselineEvidence.DifferenceFromHuman;
import org.verdict.core.gates.evidence.HumanBaselineEvidence.KappaWithHuman;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.stats.Interval;

/**
 * fraud-screen-pass's human baseline: 300 examples, the reviewers right on 276 (0.920), production on 293 and the
 * candidate on 292. The chart drew the reviewers as a bare line at 0.920 on an axis from about 0.915, while the table
 * gave [0.884, 0.946].
 */
class HumanBaselineChartTest {

    @Test
    void theHumanReviewersIntervalIsDrawnAndTheAxisHoldsIt() {
        HumanBaselineEvidence human = new HumanBaselineEvidence(RateEstimate.of(276, 300, 0.95),
                Map.of("17", RateEstimate.of(293, 300, 0.95), "18", RateEstimate.of(292, 300, 0.95)),
                Map.of("17", new KappaWithHuman(0.088, new Interval(0.01, 0.17), 300),
                        "18", new KappaWithHuman(0.176, new Interval(0.09, 0.26), 300)),
                Map.of("17", new DifferenceFromHuman(17 / 300.0, new Interval(0.02, 0.09), 300),
                        "18", new DifferenceFromHuman(16 / 300.0, new Interval(0.02, 0.09), 300)), List.of(), false);
        EvidenceChart chart = HumanBaselineSection.of(human, "17", "18").charts().get(0);
        XYPlot plot = new EvidenceCharts().build(chart).getXYPlot();

        // the Wilson interval of 276 / 300 by hand: centre (0.92 + 1.96² / 600) / (1 + 1.96² / 300) = 0.91470,
        // half-width 1.96 √(0.92 · 0.08 / 300 + 1.96² / 360,000) / (1 + 1.96² / 300) = 0.03097
        double lower = 0.91470 - 0.03097;
        double upper = 0.91470 + 0.03097;
        List<IntervalMarker> bands = plot.getDomainMarkers(Layer.BACKGROUND).stream()
                .map(IntervalMarker.class::cast).toList();
        assertEquals(1, bands.size(), "the reviewers' interval, behind their line");
        assertEquals(lower, bands.get(0).getStartValue(), 5e-4);
        assertEquals(upper, bands.get(0).getEndValue(), 5e-4);
        ValueAxis axis = plot.getDomainAxis();
        assertTrue(axis.getLowerBound() < lower && axis.getUpperBound() > upper, "the axis holds every interval "
                + "drawn: " + axis.getRange());
        assertTrue(((PairedEstimates) chart).limits().get(0).label().endsWith("0.920 [0.884, 0.946]"),
                "its line is labelled with it, as the table writes it: " + ((PairedEstimates) chart).limits());
    }
}
