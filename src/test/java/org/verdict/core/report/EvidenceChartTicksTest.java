package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class EvidenceChartTicksTest {
    /**
     * A safety category's violation rate against its accepted rate, 0 to 0.0105, in the app's 13 px text on a plot
     * about 330 px wide (1366×768, two charts abreast): the ticks' labels ("0.001", "0.002") never touch.
     */
    @Test
    void aSmallRatesTickLabelsNeverRunIntoEachOther() {
        for (double width : new double[] {200, 330, 500}) {
            NumberAxis axis = new EvidenceCharts(new ReportFonts()).valueAxis("violation rate");
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            axis.setRange(0, 0.0105);
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                Rectangle2D area = new Rectangle2D.Double(0, 0, width, 50);
                List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.BOTTOM);
                FontMetrics metrics = g2.getFontMetrics(axis.getTickLabelFont());
                double[] right = {Double.NEGATIVE_INFINITY};
                for (Object each : ticks) {
                    NumberTick tick = (NumberTick) each;
                    if (tick.getText() == null || tick.getText().isEmpty()) {
                        continue;
                    }
                    double at = axis.valueToJava2D(tick.getValue(), area, RectangleEdge.BOTTOM);
                    double half = metrics.stringWidth(tick.getText()) / 2.0;
                    assertTrue(at - half > right[0], "at " + width + " px, " + tick.getText() + " touches the label"
                            + " before it: " + ticks);
                    right[0] = at + half;
                }
                assertTrue(ticks.size() >= 3, "a scale, not a lone tick: " + ticks);
            } finally {
                g2.dispose();
            }
        }
    }
}
