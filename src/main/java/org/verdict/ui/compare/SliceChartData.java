package org.verdict.ui.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.DoubleStream;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/**
 * The numbers a Compare chart draws, in drawing order: the overall slice first, then the slices from the one
 * where the candidate does worst to the one where it does best (respecting whether higher is better).
 * Slices whose metric is unavailable are left out (the table says why). Δ's whiskers are the interval each verdict
 * reads, or, when {@code unadjusted}, the interval before any multiplicity adjustment (the chart's title says which).
 */
public record SliceChartData(Metric metric, List<Point> points, boolean unadjusted) {

    /** One slice: Δ with its interval, and each model's value with its interval. */
    public record Point(String label, int n, Verdict verdict, double delta, double deltaLow, double deltaHigh,
                        double production, double productionLow, double productionHigh,
                        double candidate, double candidateLow, double candidateHigh) {
    }

    public SliceChartData {
        points = List.copyOf(points);
    }

    /** Whiskers of the interval each verdict reads. */
    public SliceChartData(Metric metric, List<Point> points) {
        this(metric, points, false);
    }

    public static SliceChartData of(Metric metric, List<SliceResult> results) {
        return of(metric, results, false);
    }

    /** @param unadjusted whether Δ's whiskers are the unadjusted intervals instead of the ones the verdicts read */
    public static SliceChartData of(Metric metric, List<SliceResult> results, boolean unadjusted) {
        double direction = metric.higherIsBetter() ? 1 : -1;
        List<SliceResult> available = results.stream().filter(SliceResult::isAvailable)
                .filter(r -> r.delta() != null && drawnInterval(r, unadjusted) != null).toList();
        List<Point> ordered = new ArrayList<>();
        available.stream().filter(r -> r.slice().isOverall()).map(r -> point(r, unadjusted)).forEach(ordered::add);
        available.stream().filter(r -> !r.slice().isOverall())
                .sorted(Comparator.comparingDouble(r -> direction * r.delta()))
                .map(r -> point(r, unadjusted)).forEach(ordered::add);
        return new SliceChartData(metric, ordered, unadjusted);
    }

    private static Interval drawnInterval(SliceResult r, boolean unadjusted) {
        // The same slices either way: toggling the interval never adds or drops a row of the chart.
        return r.deltaCi() == null ? null : unadjusted ? r.unadjustedCi() : r.deltaCi();
    }

    private static Point point(SliceResult r, boolean unadjusted) {
        Interval delta = drawnInterval(r, unadjusted);
        return new Point(r.slice().label(), r.n(), r.verdict(), r.delta(), delta.lower(), delta.upper(),
                r.production().value(), lower(r.production()), upper(r.production()),
                r.candidate().value(), lower(r.candidate()), upper(r.candidate()));
    }

    private static double lower(org.verdict.core.compare.MetricEstimate estimate) {
        return estimate.ci() == null ? estimate.value() : estimate.ci().lower();
    }

    private static double upper(org.verdict.core.compare.MetricEstimate estimate) {
        return estimate.ci() == null ? estimate.value() : estimate.ci().upper();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * The Δ axis: every tested slice's interval and 0, with a little room. A slice with too few examples is not
     * tested and its interval is wide by nature: it never sets the scale (it is drawn clipped, with an arrow).
     */
    public AxisRange deltaRange() {
        return AxisRange.covering(tested().stream().flatMapToDouble(p -> DoubleStream.of(p.deltaLow(), p.deltaHigh())),
                true);
    }

    /** The value axis of the per-model chart: both models' intervals in the tested slices. */
    public AxisRange valueRange() {
        return AxisRange.covering(tested().stream().flatMapToDouble(p -> DoubleStream.of(p.productionLow(),
                p.productionHigh(), p.candidateLow(), p.candidateHigh())), false);
    }

    private List<Point> tested() {
        List<Point> tested = points.stream().filter(p -> p.verdict() != Verdict.TOO_FEW_EXAMPLES).toList();
        return tested.isEmpty() ? points : tested;
    }
}
