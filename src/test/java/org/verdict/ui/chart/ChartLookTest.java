package org.verdict.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartLookTest {
    @Test
    void labelledLimitsReadOnADarkBackgroundAndOtherLinesKeepTheirColour() {
        XYPlot plot = new XYPlot(new XYSeriesCollection(), new NumberAxis(), new NumberAxis(),
                new XYLineAndShapeRenderer());
        ValueMarker slo = new ValueMarker(250, new Color(0x333333), new BasicStroke(1f));
        slo.setLabel("SLO p99 250 ms");
        slo.setLabelBackgroundColor(Color.WHITE);
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addDomainMarker(slo);
        plot.addRangeMarker(zero);

        ChartLook.DARK.applyTo(new JFreeChart(plot));

        assertEquals(ChartLook.DARK.text(), slo.getPaint());
        assertEquals(ChartLook.DARK.text(), slo.getLabelPaint());
        assertEquals(ChartLook.DARK.background(), slo.getLabelBackgroundColor());
        assertEquals(Color.GRAY, zero.getPaint(), "an unlabelled line (the compare view's zero) is left alone");
    }
}
