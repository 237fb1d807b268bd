package org.verdict.core.report;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * A value axis that, choosing its tick spacing, measures the labels of the ticks it would draw ({@code −20k},
 * {@code −0.1}) rather than of its unrounded ends ({@code −26.47k}, {@code −0.1657}), and takes the finest standard
 * spacing whose labels fit between their ticks. JFreeChart extrapolates a spacing from a first guess and overshoots on
 * a narrow chart: 100 px for Δ in [−0.19, +0.06] got a single tick, 0.0, and so no scale.
 */
public final class RoundTickAxis extends NumberAxis implements TickRoom {
    /** Beyond this many ticks a spacing is far too fine to be chosen; its ends' labels are measured instead. */
    private static final int MOST_TICKS_MEASURED = 100;
    /** A finer spacing than the standard ones ("0.025") is written whole where the axis has no format of its own. */
    private static final int MOST_DECIMALS = 10;
    /** How far, as a share of its length, the range may reach on to a third round tick. */
    private static final double MOST_REACH = 0.25;

    public RoundTickAxis(String label) {
        super(label);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double length = getRange().getLength();
        if (!RectangleEdge.isTopOrBottom(edge) || isVerticalTickLabels() || !(length > 0)) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            return;
        }
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = units.getCeilingTickUnit(length / MOST_TICKS_MEASURED);
        for (int tries = 0; tries < MOST_TICKS_MEASURED
                && estimateMaximumTickLabelWidth(g2, unit) > lengthToJava2D(unit.getSize(), dataArea, edge); tries++) {
            unit = units.getLargerTickUnit(unit);
        }
        // The standard spacings step 2 → 5: where 0.02 is a little too fine and 0.05 leaves two ticks (−0.05, 0: no
        // scale to read; d_manyslices beside the table at 1280×720), half the coarser one, 0.025, may fit three.
        NumberFormat digits = NumberFormat.getNumberInstance();
        digits.setMaximumFractionDigits(MOST_DECIMALS);
        TickUnit half = new NumberTickUnit(unit.getSize() / 2, digits);
        if (ticks(unit) < USEFUL_TICKS && ticks(half) > ticks(unit)
                && estimateMaximumTickLabelWidth(g2, half) <= lengthToJava2D(half.getSize(), dataArea, edge)) {
            unit = half;
        }
        // Still two ticks (a plot too narrow for 0.025's labels): the range reaches on to the nearer round tick if
        // that is a short way (−0.085…+0.047 to +0.05 reads −0.05  0  0.05), drawing every mark a little closer.
        if (ticks(unit) < USEFUL_TICKS) {
            Range reached = reachedOn(unit.getSize());
            if (reached != null) {
                setRange(reached, false, false);
            }
        }
        setTickUnit((NumberTickUnit) unit, false, false);
    }

    /**
     * The least plot length along this axis at which at least {@code count} of its ticks have room for their labels
     * (the spacing {@link #selectAutoTickUnit} would then choose), counting a spacing that has one tick fewer over the
     * range and a {@code count}-th once the range reaches on to the nearer round tick, as that method does; 0 when its
     * range cannot hold that many. Without the reach, reg_eur's Δ of −17k to +8k asked for five ticks' room (every
     * 5k, 10k giving two) where three (−10k, 0, 10k) take half of it, and its slice labels lost their n for it.
     */
    @Override
    public double lengthForTicks(Graphics2D g2, int count) {
        double length = getRange().getLength();
        if (!(length > 0)) {
            return 0;
        }
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = units.getCeilingTickUnit(length / MOST_TICKS_MEASURED);
        double least = 0;
        // the coarser the spacing, the fewer ticks and the shorter the axis their labels need
        for (int tries = 0; tries < MOST_TICKS_MEASURED && ticks(unit) >= count - 1; tries++) {
            Range spanned = ticks(unit) >= count ? getRange()
                    : count == USEFUL_TICKS ? reachedOn(unit.getSize()) : null;
            if (spanned != null) {
                double needed = widestLabel(g2, unit, spanned) * spanned.getLength() / unit.getSize();
                least = least == 0 ? needed : Math.min(least, needed);
            }
            unit = units.getLargerTickUnit(unit);
        }
        return least;
    }

    /**
     * The range reached on to the nearer round tick of {@code size} past one of its ends where that is at most
     * {@link #MOST_REACH} of its length and gives it a tick more; null otherwise.
     */
    private Range reachedOn(double size) {
        double lower = Math.floor(getLowerBound() / size) * size;
        double upper = Math.ceil(getUpperBound() / size) * size;
        double down = getLowerBound() - lower;
        double up = upper - getUpperBound();
        if (ticks(size) != USEFUL_TICKS - 1 || Math.min(down, up) > MOST_REACH * getRange().getLength()) {
            return null;
        }
        return new Range(down < up ? lower : getLowerBound(), down < up ? getUpperBound() : upper);
    }

    private long ticks(TickUnit unit) {
        return ticks(unit.getSize());
    }

    private long ticks(double size) {
        return (long) Math.floor(getUpperBound() / size) - (long) Math.ceil(getLowerBound() / size) + 1;
    }

    /** The widest label, with its insets, of the ticks {@code unit} puts over this axis' range. */
    @Override
    public double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
        return widestLabel(g2, unit, getRange());
    }

    /** The widest label, with its insets, of the ticks {@code unit} puts over {@code range}. */
    private double widestLabel(Graphics2D g2, TickUnit unit, Range range) {
        double size = unit.getSize();
        double first = Math.ceil(range.getLowerBound() / size) * size;
        if (isVerticalTickLabels() || !(size > 0) || (range.getUpperBound() - first) / size > MOST_TICKS_MEASURED) {
            return super.estimateMaximumTickLabelWidth(g2, unit);
        }
        NumberFormat format = getNumberFormatOverride();
        RectangleInsets insets = getTickLabelInsets();
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        double widest = 0;
        for (double tick = first; tick <= range.getUpperBound(); tick += size) {
            String label = format != null ? format.format(tick) : unit.valueToString(tick);
            widest = Math.max(widest, metrics.stringWidth(label));
        }
        return insets.getLeft() + insets.getRight() + widest;
    }
}
