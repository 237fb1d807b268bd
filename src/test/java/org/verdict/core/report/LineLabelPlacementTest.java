package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.stats.Interval;

/**
 * The label of a limit over time stands where it covers no point, whisker or other label, at the approval pack's width
 * and at every width a pane of the app gives the chart.
 */
class LineLabelPlacementTest {

    /**
     * p9's roc_auc history, v30 to v41 monthly from 0.804 to 0.862, each with an interval of ±0.006 (as a history with
     * n, lower and upper gives), the candidate 0.759 [0.751, 0.766], and the circuit breaker's best − margin, 0.842:
     * v39 (0.849) and v38 (0.844) stand right by the line at its right end, where its label stood over v39.
     */
    private static TimeSeries history() {
        double[] values = {0.8042, 0.8044, 0.8083, 0.8161, 0.8185, 0.8277, 0.8356, 0.8386, 0.8444, 0.8493, 0.8535,
                0.8622};
        List<TimePoint> past = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            past.add(new TimePoint(LocalDate.of(2025, 12, 1).plusMonths(i), values[i],
                    new Interval(values[i] - 0.006, values[i] + 0.006)));
        }
        return new TimeSeries("roc_auc: past production models and the candidate", "roc_auc", List.of(
                new Series("past production models (intervals as the history gives them)", SeriesRole.PRODUCTION,
                        past),
                new Series("candidate c42 (n=120,000, 95% CI)", SeriesRole.CANDIDATE, List.of(
                        new TimePoint(LocalDate.of(2026, 11, 20), 0.759, new Interval(0.751, 0.766))))),
                List.of(new Limit(0.842, "historical best 0.862 − margin 0.020 = 0.842")));
    }

    @Test
    void theLimitsLabelCoversNoPointOrWhiskerAtAnyWidth() {
        TimeSeries history = history();
        JFreeChart chart = new EvidenceCharts().build(history);
        double height = EvidenceCharts.heightOf(history);
        // the report's 640 px first, as build() placed it; then the app's panes, 1024 to 1366 px windows and beyond
        for (double width = EvidenceCharts.WIDTH; width <= 1600; width += 40) {
            if (width > EvidenceCharts.WIDTH) {
                EvidenceCharts.placeNotes(chart, width, height);
            }
            ChartRenderingInfo info = new ChartRenderingInfo();
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
                XYPlot plot = chart.getXYPlot();
                Rectangle2D area = info.getPlotInfo().getDataArea();
                EvidenceCharts.LineLimitLabel label = plot.getAnnotations().stream()
                        .filter(EvidenceCharts.LineLimitLabel.class::isInstance)
                        .map(EvidenceCharts.LineLimitLabel.class::cast).findFirst().orElseThrow();
                double right = plot.getDomainAxis().valueToJava2D(label.getX(), area, plot.getDomainAxisEdge());
                double anchorY = plot.getRangeAxis().valueToJava2D(label.getY(), area, plot.getRangeAxisEdge());
                double textWidth = g2.getFontMetrics(label.getFont()).stringWidth(label.getText());
                double textHeight = g2.getFontMetrics(label.getFont()).getHeight();
                Rectangle2D box = new Rectangle2D.Double(right - textWidth,
                        label.getTextAnchor() == TextAnchor.BOTTOM_RIGHT ? anchorY - textHeight : anchorY,
                        textWidth, textHeight);
                String where = "'" + label.getText() + "' over " + box + " in a chart " + width + " px wide";
                assertTrue(area.contains(box), "inside the plot " + area + ": " + where);
                double line = plot.getRangeAxis().valueToJava2D(0.842, area, plot.getRangeAxisEdge());
                assertTrue(Math.abs(box.getMaxY() - line) <= 3 || Math.abs(box.getMinY() - line) <= 3,
                        "along its line at y " + line + ": " + where);
                for (Rectangle2D mark : EvidenceCharts.marksOf(plot, area)) {
                    assertTrue(!box.intersects(mark), "covers a point or whisker at " + mark + ": " + where);
                }
            } finally {
                g2.dispose();
            }
        }
    }

    /** Nothing near the line: the label keeps its place at the right end, above the line, as before. */
    @Test
    void withNothingInTheWayTheLabelStandsAtTheRightEndAboveItsLine() {
        Rectangle2D plot = new Rectangle2D.Double(50, 20, 500, 200);
        Rectangle2D box = LineLabelPlacement.place(120, 180, 12, plot, List.of());
        assertEquals(new Rectangle2D.Double(548 - 180, 120 - 2 - 12, 180, 12), box);
    }

    /** A point just above the line's right end sends the label below it; one on either side, leftward along it. */
    @Test
    void aMarkInTheWayMovesTheLabelBelowTheLineThenAlongIt() {
        Rectangle2D plot = new Rectangle2D.Double(50, 20, 500, 200);
        Rectangle2D above = new Rectangle2D.Double(500, 110, 10, 10);
        assertEquals(122, LineLabelPlacement.place(120, 180, 12, plot, List.of(above)).getMinY());
        Rectangle2D below = new Rectangle2D.Double(500, 121, 10, 10);
        Rectangle2D box = LineLabelPlacement.place(120, 180, 12, plot, List.of(above, below));
        assertTrue(box.getMaxX() <= 500 && !box.intersects(above) && !box.intersects(below), box.toString());
    }
}
