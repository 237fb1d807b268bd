package org.verdict.core.report;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.text.NumberFormat;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleInsets;

/**
 * JFreeChart's logarithmic axis, labelled at the powers of ten ("$10", "$100", "$1k" by the metric's
 * {@link AxisTickFormat}), with unlabelled minor ticks between them, measuring the room its labels need as
 * {@link RoundTickAxis} does.
 */
public final class DecadeLogAxis extends LogAxis implements TickRoom {
    private static final long serialVersionUID = 1L;

    public DecadeLogAxis(String label, NumberFormat ticks) {
        super(label);
        setNumberFormatOverride(ticks);
        setMinorTickMarksVisible(true);
        setAutoRange(false);
        // a labelled tick at every power of ten, minor ones at its multiples (20, 30, … 90): LogAxis's own choice
        // left p13's $10–$7k axis one label, $100, in a 190-px plot that had room for three
        setTickUnit(new NumberTickUnit(1, ticks, MINOR_TICKS_PER_DECADE), false, true);
    }

    /** Minor ticks split a decade's step from one power of ten to the next in nine: 20, 30, … 90 after 10. */
    private static final int MINOR_TICKS_PER_DECADE = 9;

    /**
     * The decades' labels side by side: a labelled tick a decade, each decade at least its widest label long; 0 where
     * the range spans too few decades for {@code count} ticks.
     */
    @Override
    public double lengthForTicks(Graphics2D g2, int count) {
        double first = Math.ceil(Math.log10(getLowerBound()));
        double last = Math.floor(Math.log10(getUpperBound()));
        if (!(last - first + 1 >= count)) {
            return 0;
        }
        RectangleInsets insets = getTickLabelInsets();
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        double widest = 0;
        for (double power = first; power <= last; power++) {
            widest = Math.max(widest, metrics.stringWidth(getNumberFormatOverride().format(Math.pow(10, power))));
        }
        return (insets.getLeft() + insets.getRight() + widest)
                * (Math.log10(getUpperBound()) - Math.log10(getLowerBound()));
    }
}
