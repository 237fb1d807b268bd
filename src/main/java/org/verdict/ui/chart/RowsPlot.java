package org.verdict.ui.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * A plot of rows down the pane (its domain axis, {@link RowAxis}) whose texts stand on their rows (arrows at the
 * axis's edge, the words of a row without a point): it draws those of the rows in view only. Of a cross of 1,200
 * slices {@link ChartPane} shows some 25 rows at a time, and drawing the other rows' texts, clipped away, took most of
 * each scroll's drawing; they would also have laid their tooltips over the chart's title and value axis.
 */
public final class RowsPlot extends XYPlot {
    private static final long serialVersionUID = 1L;

    public RowsPlot(XYDataset dataset, ValueAxis rows, ValueAxis values, XYItemRenderer renderer) {
        super(dataset, rows, values, renderer);
    }

    @Override
    public void drawAnnotations(Graphics2D g2, Rectangle2D dataArea, PlotRenderingInfo info) {
        Range inView = getDomainAxis().getRange();
        for (XYAnnotation annotation : getAnnotations()) {
            if (!(annotation instanceof XYTextAnnotation text) || inView.contains(text.getX())) {
                annotation.draw(g2, this, dataArea, getDomainAxis(), getRangeAxis(), 0, info);
            }
        }
    }
}
