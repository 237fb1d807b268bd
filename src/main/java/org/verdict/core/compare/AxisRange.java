package org.verdict.core.compare;

import java.util.Arrays;
import java.util.List;
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

    /**
     * The span of {@code intervals} (each {lower, upper}) and 0 if {@code withZero}, leaving out an interval more than
     * {@value #WIDE_FACTOR} times as wide as the median one while others remain: an uninformative interval (Δ pr_auc
     * [−1, +1] with ten positives at a Holm level of 99.93 %) would otherwise squash every other row into a few
     * pixels; it runs past the edge, marked with an arrow, as a slice with too few examples does.
     */
    public static AxisRange coveringTypical(List<double[]> intervals, boolean withZero) {
        double[] widths = intervals.stream().mapToDouble(i -> i[1] - i[0]).filter(Double::isFinite).sorted().toArray();
        double limit = widths.length == 0 ? Double.POSITIVE_INFINITY : WIDE_FACTOR * median(widths);
        List<double[]> typical = intervals.stream().filter(i -> !(i[1] - i[0] > limit)).toList();
        List<double[]> shown = typical.isEmpty() ? intervals : typical;
        return covering(shown.stream().flatMapToDouble(Arrays::stream), withZero);
    }

    private static final double WIDE_FACTOR = 4;

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
