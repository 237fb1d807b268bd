package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The span of a chart's value axis: the values it must show, with 5% room either side. Forest plots (the app's and
 * the approval pack's, {@link #ofForest}) and the per-model chart give it the estimates and intervals of the tested
 * slices whose intervals say something, so a slice with too few examples, whose interval is wide by nature, or one
 * whose interval spans every value the candidate could have, never sets the scale.
 */
public record AxisRange(double lower, double upper) {
    /** Drawn at the axis's lower edge where a row's interval, or its point, runs past it. */
    public static final String PAST_LOWER = "◀";
    /** Drawn at the axis's upper edge where a row's interval, or its point, runs past it. */
    public static final String PAST_UPPER = "▶";
    private static final double MARGIN = 0.05;

    /**
     * An arrow at an edge of the axis, with the value of a point past that edge beside it ("◀ −0.333"); a chart
     * draws it at that edge, on the row's line.
     *
     * @param atLower whether it stands at the lower edge (its text then reads from the edge inwards)
     */
    public record EdgeMark(String text, boolean atLower) {
        /** Whether the mark writes a point's value, not only that a whisker runs on. */
        public boolean writesValue() {
            return !text.equals(PAST_LOWER) && !text.equals(PAST_UPPER);
        }
    }

    /**
     * The arrows a row drawn from {@code low} to {@code high} needs at the axis's edges, so that a cut whisker is never
     * read as a short one and a point past an edge never silently goes missing: {@code estimateText} is written by the
     * arrow on its side ("◀ −0.333", "+0.450 ▶"; a point without an interval has {@code low = high = estimate}). A NaN
     * estimate is not written. The app's Compare charts and the approval pack's forests mark their rows alike.
     */
    public List<EdgeMark> edgeMarks(double estimate, double low, double high, String estimateText) {
        return edgeMarks(estimate, low, high, estimateText, null, null);
    }

    /**
     * As {@link #edgeMarks(double, double, double, String)}, and where the point is on the axis but its whisker runs
     * past an edge, that end's value ({@code lowText}, {@code highText}) written by the arrow ("◀ −28,010†",
     * "+35,790 ▶"), so the reader sees how far it runs, not only that it does; null leaves that arrow bare.
     */
    public List<EdgeMark> edgeMarks(double estimate, double low, double high, String estimateText, String lowText,
                                    String highText) {
        List<EdgeMark> marks = new ArrayList<>(2);
        if (low < lower) {
            String written = estimate < lower ? estimateText : lowText;
            marks.add(new EdgeMark(written == null ? PAST_LOWER : PAST_LOWER + " " + written, true));
        }
        if (high > upper) {
            String written = estimate > upper ? estimateText : highText;
            marks.add(new EdgeMark(written == null ? PAST_UPPER : written + " " + PAST_UPPER, false));
        }
        return marks;
    }

    /**
     * As {@link #edgeMarks(double, double, double, String, String, String)} for a forest's row drawn as Δ = {@code
     * estimate} (NaN for none) with {@code interval}, every value written by {@code numbers} as the tables write it, the
     * pack's unit included ("◀ −$28,013†", "+$35,792 ▶"), an end at the bound marked {@link SliceResult#BOUND_MARK},
     * and a point past the edge named as Δ ("Δ +$1,281 ▶"), which an end's value is not: the app's Compare and
     * Evidence forests and the approval pack's write their arrows by it alike.
     */
    public List<EdgeMark> edgeMarks(double estimate, Interval interval, MetricFormat numbers) {
        return edgeMarks(estimate, interval.lower(), interval.upper(),
                Double.isNaN(estimate) ? null : pointPastTheEdge(numbers.signed(estimate)),
                numbers.signed(interval.lower()) + (interval.lowerAtBound() ? SliceResult.BOUND_MARK : ""),
                numbers.signed(interval.upper()) + (interval.upperAtBound() ? SliceResult.BOUND_MARK : ""));
    }

    /** A forest's Δ written at the edge it is past: "Δ +$1,281", so it is not read as the end of a whisker. */
    public static String pointPastTheEdge(String delta) {
        return "Δ " + delta;
    }

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
     * A forest plot's row as its Δ axis weighs it, in the app's Compare chart and the approval pack's alike.
     *
     * @param delta          NaN when Δ is undefined in the row
     * @param interval       the interval drawn as Δ's whiskers; null when the row has none
     * @param tooFewExamples whether the slice is under the minimum size, so not tested: its Δ is noise
     * @param noInformation  whether {@code interval} spans every Δ the candidate could have at its level
     *                       ({@link SliceResult#noInformationReason()})
     */
    public record ForestRow(double delta, Interval interval, boolean tooFewExamples, boolean noInformation) {
    }

    /**
     * The Δ axis of a forest plot: the estimates and intervals of the rows that set the scale
     * ({@link #settingTheScale}), by {@link #coveringTypical(List, DoubleStream, boolean)}, the estimates of the other
     * rows large enough to test (an interval that says nothing, or none: its point is on the axis), and 0. A row with
     * too few examples sets nothing: past the edge it is marked with an arrow, as is the whisker of an interval that
     * says nothing. Among 140 stores, two intervals spanning every roc_auc, reaching −1, had squashed every other
     * store's interval into a tenth of the plot.
     */
    public static AxisRange ofForest(List<ForestRow> rows) {
        Predicate<ForestRow> setsScale = settingTheScale(rows);
        List<Whisker> scale = rows.stream().filter(setsScale)
                .map(r -> new Whisker(r.delta(), r.interval().lower(), r.interval().upper())).toList();
        if (scale.isEmpty()) {
            return covering(rows.stream().mapToDouble(ForestRow::delta), true);
        }
        DoubleStream pointsOnly = rows.stream().filter(setsScale.negate().and(r -> !r.tooFewExamples()))
                .mapToDouble(ForestRow::delta);
        return coveringTypical(scale, pointsOnly, true);
    }

    /**
     * Which rows' intervals set a chart's scale: those with an interval that were tested and whose interval says
     * something at its level; failing any, the tested ones; failing those, every row with an interval.
     */
    public static Predicate<ForestRow> settingTheScale(List<ForestRow> rows) {
        Predicate<ForestRow> withInterval = r -> r.interval() != null;
        Predicate<ForestRow> tested = withInterval.and(r -> !r.tooFewExamples());
        Predicate<ForestRow> informative = tested.and(r -> !r.noInformation());
        return rows.stream().anyMatch(informative) ? informative : rows.stream().anyMatch(tested) ? tested
                : withInterval;
    }

    /** A point estimate with its interval, as a chart draws it: the mark and its whiskers. */
    public record Whisker(double estimate, double lower, double upper) {
        double width() {
            return upper - lower;
        }

        /** On a Δ axis, an interval that excludes 0 is a verdict: better, worse or different. */
        boolean excludesZero() {
            return lower > 0 || upper < 0;
        }
    }

    /**
     * The span of every whisker's estimate, of their intervals and of 0 if {@code withZero}, leaving out an interval
     * more than {@value #WIDE_FACTOR} times as wide as the median one while others remain: an uninformative interval (Δ
     * pr_auc [−1, +1] with ten positives at a Holm level of 99.93 %) would otherwise squash every other row into a few
     * pixels; it runs past the edge, marked with an arrow. Its estimate is on the axis unless, on a Δ axis ({@code
     * withZero}), it lies further than that limit beyond the readable intervals: a tested slice's point is what a
     * reader looks for (h_tiny's s40, Δ +0.139 with an interval 5× the median, showed only a whisker and an arrow), but
     * the estimate of an interval hundreds of times the median's width is as noisy as it, and would squash every other
     * row alike; the chart then writes its value at the edge, beside the arrow. On a Δ axis ({@code withZero}) an
     * interval that excludes 0 is always spanned, however wide: it is a slice significantly worse (or better), the
     * board's worst case, and an uninformative interval always holds 0 (fair_small's gender=nonbinary, Δ −0.151
     * [−0.212, −0.091] beside intervals of ±0.004, ran off the axis).
     */
    public static AxisRange coveringTypical(List<Whisker> whiskers, boolean withZero) {
        return coveringTypical(whiskers, DoubleStream.empty(), withZero);
    }

    /**
     * As {@link #coveringTypical(List, boolean)}, with {@code untested} estimates on the axis too: the point of a
     * slice large enough to test whose Δ still has no interval (unstable where a class has a handful of examples) is
     * a value a reader looks for — mc_rare's store_12, 366 rows and Δ −0.214, the largest loss of its pack, was an
     * arrow at the edge. A slice with too few examples is not among them: its estimate is noise and never sets the
     * scale.
     */
    public static AxisRange coveringTypical(List<Whisker> whiskers, DoubleStream untested, boolean withZero) {
        return coveringTypical(whiskers, untested, List.of(), withZero);
    }

    /**
     * As {@link #coveringTypical(List, DoubleStream, boolean)}, with the estimates of {@code unmeasured} (the
     * per-model chart's values in slices without Δ's interval: under the minimum size, unstable) on the axis too
     * where they lie within {@value #WIDE_FACTOR} median widths of the readable intervals: a model's value in a 6-row
     * slice is a point a reader looks for (p5-tiny-slices' production 1.000 and candidate 0.667 were not drawn beside
     * an overall interval [0.725, 0.844]), but its interval, wide by nature, never sets the scale, and a value further
     * out (a 5-row store's mae of $50k among $500s) would squash every other row: it is left to its arrow at the
     * edge, which writes it.
     */
    public static AxisRange coveringTypical(List<Whisker> whiskers, DoubleStream untested, List<Whisker> unmeasured,
                                            boolean withZero) {
        double[] widths = whiskers.stream().mapToDouble(Whisker::width).filter(Double::isFinite).sorted().toArray();
        double limit = widths.length == 0 ? Double.POSITIVE_INFINITY : WIDE_FACTOR * median(widths);
        Predicate<Whisker> typical = w -> !(w.width() > limit) || withZero && w.excludesZero();
        if (whiskers.stream().noneMatch(typical)) {
            typical = w -> true;
        }
        List<Whisker> spanned = whiskers.stream().filter(typical).toList();
        List<Whisker> wide = whiskers.stream().filter(typical.negate()).toList();
        double[] readable = DoubleStream.concat(untested, spanned.stream()
                .flatMapToDouble(w -> DoubleStream.of(w.estimate(), w.lower(), w.upper())))
                .filter(Double::isFinite).toArray();
        AxisRange reach = covering(DoubleStream.of(readable), withZero);
        // on a Δ axis a wide interval's estimate is on the axis unless it lies further from the readable intervals
        // than the limit: claims' adj036 (n = 61, Δ +$8,199 [−$16,532, +$38,041], 327× the median width) stretched
        // the axis to $8k and collapsed 300 adjusters' intervals into dots at $0; the forests write such a Δ by its
        // arrow. A tested slice's model value (the per-model chart) always stays on the axis.
        DoubleStream wideEstimates = wide.stream().mapToDouble(Whisker::estimate)
                .filter(e -> !withZero || e >= reach.lower() - limit && e <= reach.upper() + limit);
        DoubleStream nearUnmeasured = unmeasured.stream().mapToDouble(Whisker::estimate)
                .filter(e -> e >= reach.lower() - limit && e <= reach.upper() + limit);
        AxisRange range = covering(DoubleStream.concat(DoubleStream.of(readable),
                DoubleStream.concat(wideEstimates, nearUnmeasured)), withZero);
        return range.withRoomForArrows(Stream.concat(whiskers.stream(), unmeasured.stream()).toList());
    }

    /**
     * This range with {@value #ARROW_ROOM} of its span beyond the nearest estimate on a side where an interval runs past
     * the edge: the arrow drawn there at the edge, and the estimate of its row, need room apart. With 5 %, fair_small's
     * ▼ sat on its own ◀ in the app's 210-pixel-wide forest.
     */
    private AxisRange withRoomForArrows(List<Whisker> whiskers) {
        double span = upper - lower;
        double room = ARROW_ROOM * span;
        double newLower = lower;
        double newUpper = upper;
        for (Whisker w : whiskers) {
            boolean shown = contains(w.estimate());
            if (w.lower() < lower && shown) {
                newLower = Math.min(newLower, w.estimate() - room);
            }
            if (w.upper() > upper && shown) {
                newUpper = Math.max(newUpper, w.estimate() + room);
            }
        }
        return new AxisRange(newLower, newUpper);
    }

    /**
     * An interval wider than this many medians is uninformative beside the others. Intervals narrow as 1/√n, so 8×
     * is about a slice 64 times smaller than the typical one; at 4×, f_identical's tenure 61+ (5× the median) ran
     * past both edges.
     */
    private static final double WIDE_FACTOR = 8;

    /** The room between an arrow at the axis's edge and its row's estimate, as a share of the axis's span. */
    private static final double ARROW_ROOM = 0.12;

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** This range widened, with the usual margin, to hold {@code low} to {@code high} too. */
    public AxisRange including(double low, double high) {
        AxisRange both = covering(DoubleStream.of(low, high), false);
        return new AxisRange(Math.min(lower, both.lower), Math.max(upper, both.upper));
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
