package org.verdict.ui.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.DoubleStream;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;

/**
 * The numbers a Compare chart draws, in drawing order: the overall slice first, then the slices from the one
 * where the candidate does worst to the one where it does best (respecting whether higher is better).
 * Slices whose metric is unavailable are left out (the table says why).
 */
public record SliceChartData(Metric metric, List<Point> points) {

    /** One slice: Δ with its interval, and each model's value with its interval. */
    public record Point(String label, int n, Verdict verdict, double delta, double deltaLow, double deltaHigh,
                        double production, double productionLow, double productionHigh,
                        double candidate, double candidateLow, double candidateHigh) {
    }

    public SliceChartData {
        points = List.copyOf(points);
    }

    public static SliceChartData of(Metric metric, List<SliceResult> results) {
        double direction = metric.higherIsBetter() ? 1 : -1;
        List<SliceResult> available = results.stream().filter(SliceResult::isAvailable)
                .filter(r -> r.delta() != null && r.deltaCi() != null).toList();
        List<Point> ordered = new ArrayList<>();
        available.stream().filter(r -> r.slice().isOverall()).map(SliceChartData::point).forEach(ordered::add);
        available.stream().filter(r -> !r.slice().isOverall())
                .sorted(Comparator.comparingDouble(r -> direction * r.delta()))
                .map(SliceChartData::point).forEach(ordered::add);
        return new SliceChartData(metric, ordered);
    }

    private static Point point(SliceResult r) {
        return new Point(r.slice().label(), r.n(), r.verdict(), r.delta(), r.deltaCi().lower(), r.deltaCi().upper(),
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
