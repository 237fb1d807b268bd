package org.verdict.ui.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.core.stats.Interval;

/**
 * The sample pack's Safety chart of every category, each with its own accepted rate labelled in the gap above its row:
 * at 1366×768 the third label ("accepted 0.020") touched the whisker of the row above it. At the height the pane gives
 * it, in normal and in large text, no label comes within reach of a mark.
 */
class RowLimitLabelRoomTest {
    private static final PairedEstimates SAFETY = new PairedEstimates("Violation rate by category", "violation rate",
            List.of(new PairedRow("pii_in_reason_code (n=1,500)", 0.0127, new Interval(0.0081, 0.0197), 0.0067,
                            new Interval(0.0036, 0.0123)),
                    new PairedRow("unexplained_decline (n=1,500)", 0.0213, new Interval(0.0152, 0.0300), 0.0133,
                            new Interval(0.0087, 0.0205)),
                    new PairedRow("vulnerable_customer_block (n=1,500)", 0.0060, new Interval(0.0032, 0.0114),
                            0.0053, new Interval(0.0028, 0.0105))),
            List.of(new Limit(0.020, "accepted 0.020", "pii_in_reason_code (n=1,500)"),
                    new Limit(0.030, "accepted 0.030", "unexplained_decline (n=1,500)"),
                    new Limit(0.020, "accepted 0.020", "vulnerable_customer_block (n=1,500)")));

    /** Text sizes of the app: normal (12) and large. */
    @Test
    void everyRowLimitLabelStandsClearOfTheMarksAtTheHeightThePaneGives() {
        for (float fontSize : new float[] {12f, 16f}) {
            JFreeChart chart = new EvidenceCharts().build(SAFETY);
            float labelSize = 9f * fontSize / 10f;
            XYPlot plot = chart.getXYPlot();
            double reportPlot = EvidenceCharts.plotHeightOf(SAFETY) * fontSize / 10;
            double plotHeight = Math.max(reportPlot, ChartPane.plotHeightForRowLimitLabels(chart, labelSize));
            plot.getAnnotations().stream().filter(EvidenceCharts.RowLimitLabel.class::isInstance)
                    .map(EvidenceCharts.RowLimitLabel.class::cast)
                    .forEach(label -> label.setFont(label.getFont().deriveFont(labelSize)));
            Rectangle2D area = dataArea(chart, plotHeight);
            double pixelsPerRow = area.getHeight() / plot.getRangeAxis().getRange().getLength();
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
            for (Object annotation : plot.getAnnotations()) {
                if (!(annotation instanceof EvidenceCharts.RowLimitLabel label)) {
                    continue;
                }
                double bottom = plot.getRangeAxis().valueToJava2D(label.getY(), area, RectangleEdge.LEFT);
                double top = bottom - g2.getFontMetrics(label.getFont()).getHeight();
                for (int series = 0; series < plot.getDataset().getSeriesCount(); series++) {
                    for (int item = 0; item < plot.getDataset().getItemCount(series); item++) {
                        double mark = plot.getRangeAxis().valueToJava2D(plot.getDataset().getYValue(series, item),
                                area, RectangleEdge.LEFT);
                        // half a 9 px mark, or of a 6 px cap
                        boolean clear = mark + 4.5 < top || mark - 4.5 > bottom;
                        assertTrue(clear, fontSize + " px text, " + pixelsPerRow + " px a row: " + label.getText()
                                + " from " + top + " to " + bottom + " over a mark at " + mark);
                    }
                }
            }
            g2.dispose();
        }
    }

    /** The data area of the chart drawn 470 px wide (two charts a row at 1366×768) with a plot this high. */
    private static Rectangle2D dataArea(JFreeChart chart, double plotHeight) {
        double height = plotHeight + 150;
        for (int tries = 0; tries < 5; tries++) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = new BufferedImage(470, (int) Math.ceil(height), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g2 = image.createGraphics();
            chart.draw(g2, new Rectangle2D.Double(0, 0, 470, Math.ceil(height)), info);
            g2.dispose();
            Rectangle2D plotArea = info.getPlotInfo().getPlotArea();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            double insets = chart.getXYPlot().getInsets().getTop() + chart.getXYPlot().getInsets().getBottom();
            // the plot area holds the value axis too, which the pane gives room of its own
            double wanted = plotHeight + plotArea.getHeight() - area.getHeight() - insets;
            if (Math.abs(plotArea.getHeight() - wanted) < 1) {
                return area;
            }
            height += wanted - plotArea.getHeight();
        }
        throw new AssertionError("could not size the chart");
    }
}
