package org.verdict.core.compare;

import java.util.stream.DoubleStream;

/**
 * The span of a chart's value axis: the values it must show, with 5% room either side. Forest plots (the app's and
 * the approval pack's) give it the intervals of the tested slices only, so a slice with too few examples, whose
 * interval is wide by nature, never sets the scale.
 */
public record AxisRange(double lower, double upper) {
    private static final double MARGIN = 0.05;

    /** The finite {@code values}, and 0 if {@code withZero}; {@code [-1, 1]} when there is nothing to show. */
    public static AxisRange covering(DoubleStream values, boolean withZero) {
        double[] finite = values.filter(Double::isFinite).toArray();
        double lower = withZero ? 0 : Double.POSITIVE_INFINITY;
        double upper = withZero ? 0 : Double.NEGATIVE_INFINITY;
        for (double value : finite) {
            lower = Math.min(lower, value);
            upper = Math.max(upper, value);
        }
        if (lower > upper) {
            return new AxisRange(-1, 1);
        }
        double margin = upper > lower ? MARGIN * (upper - lower) : Math.max(Math.abs(upper) * MARGIN, 0.01);
        return new AxisRange(lower - margin, upper + margin);
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
