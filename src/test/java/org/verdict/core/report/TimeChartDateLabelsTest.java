package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.stats.Interval;

/**
 * A metric history from March to September and a candidate trained on 20 November: the date axis ends just after its
 * 2026-12-01 tick, whose label is centred on it. The approval pack printed it as "2026-12-" at the chart's right edge.
 */
class TimeChartDateLabelsTest {

    @Test
    void everyDateLabelOfATimeChartLiesWithinTheChart() {
        TimeSeries history = new TimeSeries("macro_f1: past production models and the candidate", "macro_f1", List.of(
                new Series("past production models", SeriesRole.PRODUCTION, List.of(
                        new TimePoint(LocalDate.parse("2026-03-01"), 0.70, null),
                        new TimePoint(LocalDate.parse("2026-06-01"), 0.72, null),
                        new TimePoint(LocalDate.parse("2026-09-01"), 0.73, null))),
                new Series("candidate m4", SeriesRole.CANDIDATE, List.of(
                        new TimePoint(LocalDate.parse("2026-11-20"), 0.841, new Interval(0.830, 0.854))))),
                List.of());
        JFreeChart chart = new EvidenceCharts().build(history);
        BufferedImage image = new BufferedImage((int) EvidenceCharts.WIDTH, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, EvidenceCharts.WIDTH, EvidenceCharts.heightOf(history)), info);
            Rectangle2D dataArea = info.getPlotInfo().getDataArea();
            ValueAxis dates = chart.getXYPlot().getDomainAxis();
            List<?> ticks = dates.refreshTicks(g2, new AxisState(), dataArea, RectangleEdge.BOTTOM);
            assertTrue(ticks.size() >= 3, "a scale of dates: " + ticks);
            for (Object each : ticks) {
                DateTick tick = (DateTick) each;
                double at = dates.valueToJava2D(tick.getValue(), dataArea, RectangleEdge.BOTTOM);
                double half = g2.getFontMetrics(dates.getTickLabelFont()).stringWidth(tick.getText()) / 2.0;
                assertTrue(at - half >= 0 && at + half <= EvidenceCharts.WIDTH, tick.getText() + " at " + at
                        + " px reaches past the chart's " + EvidenceCharts.WIDTH + " px");
            }
        } finally {
            g2.dispose();
        }
    }
}
