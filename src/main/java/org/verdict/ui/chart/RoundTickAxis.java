package org.verdict.ui.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.text.NumberFormat;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A value axis that, choosing its tick spacing, measures the labels of the ticks it would draw ({@code −20k}) rather
 * than of its unrounded ends ({@code −26.47k}), which JFreeChart does: on a narrow chart that overestimate left a
 * single tick on the axis.
 */
public final class RoundTickAxis extends NumberAxis {
    public RoundTickAxis(String label) {
        super(label);
    }

    @Override
    protected double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
        NumberFormat format = getNumberFormatOverride();
        if (format == null || isVerticalTickLabels()) {
            return super.estimateMaximumTickLabelWidth(g2, unit);
        }
        RectangleInsets insets = getTickLabelInsets();
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        double size = unit.getSize();
        double first = Math.ceil(getLowerBound() / size) * size;
        double widest = 0;
        for (double tick = first; tick <= getUpperBound(); tick += size) {
            widest = Math.max(widest, metrics.stringWidth(format.format(tick)));
        }
        return insets.getLeft() + insets.getRight() + widest;
    }
}
