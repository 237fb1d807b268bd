package org.verdict.ui.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The numbers a Compare chart draws, in drawing order: the overall slice first, then the slices in their
 * {@link #readingOrder reading order}, the Compare table's too. Every slice has a row: one without the interval its verdict reads (too few examples, unstable,
 * unavailable) is drawn as its point alone, with its {@link Point#note()}. Δ's whiskers are the interval each verdict
 * reads, or, when {@code unadjusted}, the interval before any multiplicity adjustment (the chart's title says which).
 */
public record SliceChartData(Metric metric, TargetUnit targetUnit, List<Point> points, boolean unadjusted) {

    /**
     * One slice: Δ with its interval, and each model's value with its interval. A value that is undefined is NaN;
     * without an interval, its bounds equal the value.
     *
     * @param note why Δ has no interval, e.g. "too few examples" or "unstable: class E has 3 examples here"; null
     *             when it has one
     * @param verdictWord the verdict in the words of the table's Verdict cell ({@link SliceResult#verdictWord()}),
     *                    which a row without a point shows in the chart
     * @param restsOn the rows the metric's value rests on: n, or mape's n without the rows with label 0 it leaves out
     * @param deltaLowAtBound  whether Δ's lower end is a bound of what it can be, not measured
     *                         ({@link SliceResult#boundEnds}), which the chart marks as the table does
     * @param deltaHighAtBound the same for the upper end
     */
    public record Point(String label, int n, Verdict verdict, double delta, double deltaLow, double deltaHigh,
                        double production, double productionLow, double productionHigh,
                        double candidate, double candidateLow, double candidateHigh, String note,
                        String verdictWord, long restsOn, boolean deltaLowAtBound, boolean deltaHighAtBound) {

        /** A slice whose metric rests on all its rows. */
        public Point(String label, int n, Verdict verdict, double delta, double deltaLow, double deltaHigh,
                     double production, double productionLow, double productionHigh,
                     double candidate, double candidateLow, double candidateHigh, String note, String verdictWord) {
            this(label, n, verdict, delta, deltaLow, deltaHigh, production, productionLow, productionHigh, candidate,
                    candidateLow, candidateHigh, note, verdictWord, n, false, false);
        }

        /** A slice whose Δ has its interval. */
        public Point(String label, int n, Verdict verdict, double delta, double deltaLow, double deltaHigh,
                     double production, double productionLow, double productionHigh,
                     double candidate, double candidateLow, double candidateHigh) {
            this(label, n, verdict, delta, deltaLow, deltaHigh, production, productionLow, productionHigh, candidate,
                    candidateLow, candidateHigh, null);
        }

        /** A slice with its note, whose verdict reads as its label. */
        public Point(String label, int n, Verdict verdict, double delta, double deltaLow, double deltaHigh,
                     double production, double productionLow, double productionHigh,
                     double candidate, double candidateLow, double candidateHigh, String note) {
            this(label, n, verdict, delta, deltaLow, deltaHigh, production, productionLow, productionHigh, candidate,
                    candidateLow, candidateHigh, note, verdict.label());
        }

        /**
         * The rows the values rest on, as the chart writes them beside the slice: "n=207", or where the metric leaves
         * rows out (mape, label 0) both counts, "n=124 of 207", as the table's n cell gives them.
         */
        public String sampleSize() {
            return MetricFormat.sampleSize(restsOn) + (restsOn == n ? "" : " of " + MetricFormat.count(n));
        }

        /** Whether Δ's interval spans every value the candidate could have at its level: inconclusive by construction. */
        public boolean noInformation() {
            return hasInterval() && SliceResult.NO_INFORMATION_WORD.equals(verdictWord);
        }

        /** Whether Δ is drawn with whiskers (and may set the axis). */
        public boolean hasInterval() {
            return note == null;
        }

        /** Δ's whiskers as an interval, its ends at the bound marked. */
        public Interval deltaInterval() {
            return new Interval(deltaLow, deltaHigh, deltaLowAtBound, deltaHighAtBound);
        }
    }

    public SliceChartData {
        points = List.copyOf(points);
    }

    /** Whiskers of the interval each verdict reads, numbers without a unit. */
    public SliceChartData(Metric metric, List<Point> points) {
        this(metric, TargetUnit.NONE, points, false);
    }

    public static SliceChartData of(Metric metric, List<SliceResult> results) {
        return of(metric, TargetUnit.NONE, results, false);
    }

    /**
     * @param targetUnit the regression target's unit, beside mae's and rmse's numbers in tooltips, ticks and axis title
     * @param unadjusted whether Δ's whiskers are the unadjusted intervals instead of the ones the verdicts read
     */
    public static SliceChartData of(Metric metric, TargetUnit targetUnit, List<SliceResult> results,
                                    boolean unadjusted) {
        return of(metric, targetUnit, results, unadjusted, readingOrder(results));
    }

    /** @param order the slices' order, the Compare table's ({@link #readingOrder} of the whole selection) */
    public static SliceChartData of(Metric metric, TargetUnit targetUnit, List<SliceResult> results,
                                    boolean unadjusted, Comparator<SliceResult> order) {
        List<Point> ordered = new ArrayList<>();
        results.stream().filter(r -> r.slice().isOverall()).map(r -> point(r, unadjusted)).forEach(ordered::add);
        results.stream().filter(r -> !r.slice().isOverall()).sorted(order).map(r -> point(r, unadjusted))
                .forEach(ordered::add);
        return new SliceChartData(metric, targetUnit, ordered, unadjusted);
    }

    /**
     * The order a reader goes through the slices of {@code results}, the Compare table's (before a header is clicked)
     * and the chart's alike: the worse slices, then the better ones (and the significantly different), then the rest
     * — the tested ones, then those drawn as their point alone (too few examples, unstable), then those whose Δ is
     * undefined. Within each group a dimension's slices stay together, the dimension with the fewest slices first (4
     * regions before 220 stores), from the slice where the candidate does worst to the one where it does best
     * (respecting whether higher is better); a stable sort keeps the report's order among slices without Δ. With 306
     * slices by name, a fraud pack's 19 better merchants were spread through 300 rows of "too few examples".
     */
    public static Comparator<SliceResult> readingOrder(List<SliceResult> results) {
        Map<List<String>, Long> slicesPerDimension = results.stream().filter(r -> !r.slice().isOverall())
                .collect(Collectors.groupingBy(r -> r.slice().dimensions(), LinkedHashMap::new, Collectors.counting()));
        List<List<String>> dimensionOrder = slicesPerDimension.keySet().stream()
                .sorted(Comparator.comparingLong(slicesPerDimension::get)).toList();
        return Comparator.<SliceResult>comparingInt(SliceChartData::readingGroup)
                .thenComparingInt(r -> dimensionOrder.indexOf(r.slice().dimensions()))
                .thenComparingDouble(r -> r.delta() == null ? 0
                        : (r.metric().higherIsBetter() ? 1 : -1) * r.delta());
    }

    /**
     * 0 worse, 1 better or significantly different; then 2 for another tested slice drawn with its interval, 3 for a
     * slice drawn as its point alone (too few examples to test, or unstable), 4 for one whose Δ is undefined: 220
     * stores with 119 of them under 30 rows once headed the chart with bare diamonds and buried the tested stores and
     * the 4 regions.
     */
    private static int readingGroup(SliceResult r) {
        if (r.verdict() == Verdict.WORSE) {
            return 0;
        }
        if (r.verdict() == Verdict.BETTER || r.verdict() == Verdict.DIFFERENT) {
            return 1;
        }
        if (r.delta() == null) {
            return 4;
        }
        return r.deltaCi() != null && r.verdict() != Verdict.TOO_FEW_EXAMPLES ? 2 : 3;
    }

    private static Interval drawnInterval(SliceResult r, boolean unadjusted) {
        // The same slices either way: toggling the interval never adds or drops whiskers.
        return r.deltaCi() == null ? null : unadjusted ? r.unadjustedCi() : r.deltaCi();
    }

    private static Point point(SliceResult r, boolean unadjusted) {
        Interval interval = drawnInterval(r, unadjusted);
        // an end set by the metric's range, marked † as the table marks it
        SliceResult.BoundEnds bound = r.boundEnds(interval);
        double delta = r.delta() == null ? Double.NaN : r.delta();
        String note = interval != null ? null : r.verdict() == Verdict.UNAVAILABLE
                ? "unavailable: " + r.unavailableReason() : r.verdictLabel();
        return new Point(r.slice().label(), r.n(), r.verdict(), delta,
                interval == null ? delta : interval.lower(), interval == null ? delta : interval.upper(),
                value(r.production()), lower(r.production()), upper(r.production()),
                value(r.candidate()), lower(r.candidate()), upper(r.candidate()), note, r.verdictWord(),
                r.counts().restsOn(r.n()), bound == SliceResult.BoundEnds.LOWER || bound == SliceResult.BoundEnds.BOTH,
                bound == SliceResult.BoundEnds.UPPER || bound == SliceResult.BoundEnds.BOTH);
    }

    private static double value(MetricEstimate estimate) {
        return estimate == null ? Double.NaN : estimate.value();
    }

    private static double lower(MetricEstimate estimate) {
        return estimate == null ? Double.NaN : estimate.ci() == null ? estimate.value() : estimate.ci().lower();
    }

    private static double upper(MetricEstimate estimate) {
        return estimate == null ? Double.NaN : estimate.ci() == null ? estimate.value() : estimate.ci().upper();
    }

    /** How the chart writes the metric's numbers: with the target's unit for mae and rmse. */
    public MetricFormat numbers() {
        return MetricFormat.of(metric, targetUnit);
    }

    /** Nothing to draw: no slice has Δ (a metric unavailable everywhere; the notice above the chart says why). */
    public boolean isEmpty() {
        return points.stream().allMatch(p -> Double.isNaN(p.delta()));
    }

    /**
     * The Δ axis, by the approval pack's rule ({@link AxisRange#ofForest}): every tested slice's Δ and its interval
     * (unless uninformatively wide, see {@link AxisRange#coveringTypical}), the Δ of a slice large enough to test
     * whose Δ has no interval or one that says nothing ("no information"), and 0. Neither a slice with too few
     * examples, whose Δ and interval are noisy by nature, nor an interval spanning every Δ the candidate could have
     * sets the scale: drawn past the edge, they end in an arrow.
     */
    public AxisRange deltaRange() {
        return AxisRange.ofForest(forestRows());
    }

    /**
     * The value axis of the per-model chart, by the forest plot's rule: both models' values and intervals in the
     * slices whose Δ interval sets the forest's scale, and both models' values in a tested slice whose Δ interval says
     * nothing (its whiskers end in an arrow past the edge). A slice without Δ's interval (too few examples, unstable)
     * never sets the scale, but its values are on the axis where they are near it ({@link
     * AxisRange#coveringTypical(List, DoubleStream, List, boolean)}), so its points are drawn with their whiskers cut
     * at the edge: p5-tiny-slices' 24 teams of 4–10 rows had their values 1.000 and 0.667 left off an axis of
     * 0.72–0.88. Not from 0, even for an error in the target's units: house prices' mae of 40k–60k drawn on an axis
     * from 0 to 400k clumped every slice's marks into a few pixels.
     */
    public AxisRange valueRange() {
        List<AxisRange.ForestRow> rows = forestRows();
        Predicate<AxisRange.ForestRow> setsScale = AxisRange.settingTheScale(rows);
        List<Point> scale = new ArrayList<>();
        List<Point> valuesOnly = new ArrayList<>();
        List<Point> withoutDeltaInterval = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            AxisRange.ForestRow row = rows.get(i);
            if (setsScale.test(row)) {
                scale.add(points.get(i));
            } else if (row.interval() != null && !row.tooFewExamples()) {
                valuesOnly.add(points.get(i));
            } else {
                withoutDeltaInterval.add(points.get(i));
            }
        }
        AxisRange typical = AxisRange.coveringTypical(modelWhiskers(scale.isEmpty() ? tested(points) : scale),
                valuesOnly.stream().flatMapToDouble(p -> DoubleStream.of(p.production(), p.candidate()))
                        .filter(v -> !Double.isNaN(v)), modelWhiskers(withoutDeltaInterval), false);
        // Where most rows' intervals would run past that axis (p5-tiny-slices: 24 teams of 4–10 rows beside the
        // overall slice), their arrows say only "cut"; a bounded metric's whole range draws every whisker whole, so
        // a 6-row team's [0.300, 0.941] is seen beside the overall [0.762, 0.874], at no more than half the scale
        // (the typical axis already spans half of it or more).
        long drawn = points.stream().filter(p -> !Double.isNaN(p.production()) || !Double.isNaN(p.candidate()))
                .count();
        long cut = points.stream().filter(p -> modelWhiskers(List.of(p)).stream()
                .anyMatch(w -> !typical.contains(w.lower()) || !typical.contains(w.upper()))).count();
        boolean bounded = Double.isFinite(metric.lowestValue()) && Double.isFinite(metric.highestValue());
        return bounded && 2 * cut >= drawn && 2 * (typical.upper() - typical.lower()) >= metric.widestDifference()
                ? typical.including(metric.lowestValue(), metric.highestValue()) : typical;
    }

    /**
     * The per-model chart's value axis on a logarithmic scale, or empty where the linear {@link #valueRange} shows
     * every row: for an error in the target's units (mae, rmse: positive, with no upper bound) whose models' values
     * span more than a factor of {@value #LOG_SCALE_SPREAD}. p13's rmse over $20–$500 orders with four of $250,000+
     * drew 56 stores (production about $140, candidate about $27) on the "$0" of a linear $0–$4k axis set by the four
     * stores holding a tail order; on a log axis every store's models stand apart, and a candidate 5× better reads as
     * the same distance in every store. Whisker ends further than that factor below the smallest value or above the
     * largest are past the edge, arrowed.
     */
    public Optional<AxisRange> logValueRange() {
        double[] values = points.stream().flatMapToDouble(p -> DoubleStream.of(p.production(), p.candidate()))
                .filter(v -> !Double.isNaN(v)).toArray();
        double smallest = DoubleStream.of(values).min().orElse(Double.NaN);
        double largest = DoubleStream.of(values).max().orElse(Double.NaN);
        if (!metric.inTargetUnits() || !(smallest > 0) || !(largest > LOG_SCALE_SPREAD * smallest)) {
            return Optional.empty();
        }
        DoubleStream ends = points.stream().flatMapToDouble(p -> DoubleStream.of(p.productionLow(),
                        p.productionHigh(), p.candidateLow(), p.candidateHigh()))
                .filter(v -> v >= smallest / LOG_SCALE_SPREAD && v <= largest * LOG_SCALE_SPREAD);
        double[] shown = DoubleStream.concat(DoubleStream.of(values), ends).toArray();
        return Optional.of(new AxisRange(DoubleStream.of(shown).min().orElseThrow() / LOG_MARGIN,
                DoubleStream.of(shown).max().orElseThrow() * LOG_MARGIN));
    }

    /** A model's values spread over more than this factor call for a logarithmic per-model axis. */
    static final double LOG_SCALE_SPREAD = 10;
    /** A logarithmic axis reaches this factor past its outermost values, so their marks and caps are whole. */
    private static final double LOG_MARGIN = 1.15;

    /** Both models' values with their intervals, as the per-model chart draws them. */
    private static List<AxisRange.Whisker> modelWhiskers(List<Point> among) {
        return among.stream().flatMap(p -> Stream.of(
                        new AxisRange.Whisker(p.production(), p.productionLow(), p.productionHigh()),
                        new AxisRange.Whisker(p.candidate(), p.candidateLow(), p.candidateHigh())))
                .filter(w -> !Double.isNaN(w.estimate())).toList();
    }

    /** Each point as a forest plot's axis weighs it. */
    private List<AxisRange.ForestRow> forestRows() {
        return points.stream().map(p -> new AxisRange.ForestRow(p.delta(),
                p.hasInterval() ? new Interval(p.deltaLow(), p.deltaHigh()) : null,
                p.verdict() == Verdict.TOO_FEW_EXAMPLES, p.noInformation())).toList();
    }

    private static List<Point> tested(List<Point> among) {
        List<Point> tested = among.stream().filter(p -> p.verdict() != Verdict.TOO_FEW_EXAMPLES).toList();
        return tested.isEmpty() ? among : tested;
    }
}
