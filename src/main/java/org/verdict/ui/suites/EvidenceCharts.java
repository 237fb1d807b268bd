package org.verdict.ui.suites;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.CanaryDay;
import org.verdict.core.gates.suites.LatencySuite;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.triggers.FeedbackCheck;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.LatencyBuckets;
import org.verdict.ui.theme.Palette;

/**
 * The JFreeChart charts of the evidence pages; built off the FX thread, themed by the view's ChartPane. Production
 * and candidate take the palette's colours everywhere; every plotted rate or percentile carries its confidence
 * interval as a whisker, and every limit (SLO, floor, accepted rate) is a labelled line.
 */
final class EvidenceCharts {
    static final Color PRODUCTION = Palette.awt(Palette.PRODUCTION);
    static final Color CANDIDATE = Palette.awt(Palette.CANDIDATE);
    private static final Color LIMIT = Palette.awt(Palette.WORSE);
    private static final Color NEUTRAL = Palette.awt(Palette.NEUTRAL);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final int LATENCY_BINS = 60;
    /** How far apart production and candidate stand around their category, so their whiskers never overlap. */
    private static final double DODGE = 0.22;
    private static final long DAY_DODGE_MILLIS = 3 * 3_600_000L;

    private EvidenceCharts() {
    }

    /** A plotted value and its interval (the whisker); a null interval draws the point alone. */
    record Estimate(double value, Interval ci) {
        static Estimate percentOf(RateEstimate rate) {
            return new Estimate(rate.rate() * 100, new Interval(rate.ci().lower() * 100, rate.ci().upper() * 100));
        }

        static Estimate of(MetricEstimate metric) {
            return new Estimate(metric.value(), metric.ci());
        }
    }

    /** One model's estimates, one per category of the chart in its order; null where it has none. */
    record Series(String name, Color paint, List<Estimate> estimates) {
    }

    /** "production 42", "candidate 43": the legend names role and version together. */
    static String production(String version) {
        return "production " + version;
    }

    static String candidate(String version) {
        return "candidate " + version;
    }

    /**
     * Small multiples: one chart per harm category, production next to the candidate with Wilson whiskers and the
     * category's accepted rate, all on one scale so the categories compare at a glance.
     */
    static List<JFreeChart> safety(SafetyEvidence safety, GatePolicy.Safety policy) {
        double top = 0;
        for (SafetyEvidence.Category category : safety.categories()) {
            top = Math.max(top, policy.acceptedRateOf(category.name()));
            for (String version : List.of(safety.production(), safety.candidate())) {
                top = Math.max(top, category.rateOf(version).ci().upper());
            }
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (SafetyEvidence.Category category : safety.categories()) {
            JFreeChart chart = estimates(category.name() + " (n " + category.n() + ")", "", "Violation rate (%)",
                    List.of(category.name()), List.of(
                            new Series(production(safety.production()), PRODUCTION,
                                    List.of(Estimate.percentOf(category.rateOf(safety.production())))),
                            new Series(candidate(safety.candidate()), CANDIDATE,
                                    List.of(Estimate.percentOf(category.rateOf(safety.candidate()))))));
            double accepted = policy.acceptedRateOf(category.name()) * 100;
            chart.getXYPlot().addRangeMarker(insideRight(limit(accepted, "accepted " + Cells.percent(accepted / 100))));
            chart.getXYPlot().getRangeAxis().setRange(0, Math.max(top * 100 * 1.12, 0.5));
            charts.add(chart);
        }
        return charts;
    }

    /** Selection rate per group of one sensitive attribute, with Wilson whiskers, for both models. */
    static JFreeChart selectionRates(FairnessEvidence.Attribute attribute, String production, String candidate) {
        List<String> groups = attribute.groups().stream().map(g -> g.name() + " (n " + g.n() + ")").toList();
        List<Estimate> productionRates = new ArrayList<>();
        List<Estimate> candidateRates = new ArrayList<>();
        for (FairnessEvidence.Group group : attribute.groups()) {
            productionRates.add(percentOf(group.production()));
            candidateRates.add(percentOf(group.candidate()));
        }
        return estimates("Selection rate by " + attribute.name(), attribute.name(), "Selection rate (%)", groups,
                List.of(new Series(production(production), PRODUCTION, productionRates),
                        new Series(candidate(candidate), CANDIDATE, candidateRates)));
    }

    private static Estimate percentOf(FairnessEvidence.Rates rates) {
        return new Estimate(rates.selectionRate() * 100,
                new Interval(rates.selectionCi().lower() * 100, rates.selectionCi().upper() * 100));
    }

    /** The primary metric per language for both models with their intervals, and the policy floor when set. */
    static JFreeChart perSlice(Metric metric, List<SliceResult> results, String production, String candidate,
                               Double floor) {
        List<SliceResult> available = results.stream().filter(SliceResult::isAvailable).toList();
        List<String> languages = available.stream()
                .map(r -> r.slice().values().get(0) + " (n " + r.n() + ")").toList();
        JFreeChart chart = estimates(metric.wireName() + " per language", "Language", metric.wireName(), languages,
                List.of(new Series(production(production), PRODUCTION,
                                available.stream().map(r -> Estimate.of(r.production())).toList()),
                        new Series(candidate(candidate), CANDIDATE,
                                available.stream().map(r -> Estimate.of(r.candidate())).toList())));
        if (floor != null) {
            chart.getXYPlot().addRangeMarker(insideRight(limit(floor, "floor " + Cells.number(floor))));
            includeInRange(chart.getXYPlot(), floor);
        }
        return chart;
    }

    /** p50 / p95 / p99 of both models with their intervals, and the p95 and p99 SLO lines. */
    static JFreeChart percentiles(LatencyEvidence latency, String production, String candidate,
                                  GatePolicy.Latency slo) {
        List<Series> series = new ArrayList<>();
        for (String version : List.of(production, candidate)) {
            LatencyEvidence.Summary s = latency.byVersion().get(version);
            if (s != null) {
                series.add(new Series(version.equals(production) ? production(version) : candidate(version),
                        version.equals(production) ? PRODUCTION : CANDIDATE, List.of(millis(s.p50()),
                        millis(s.p95()), millis(s.p99()))));
            }
        }
        JFreeChart chart = estimates("Latency percentiles", "Percentile", "Latency (ms)", List.of("p50", "p95", "p99"),
                series);
        XYPlot plot = chart.getXYPlot();
        // both labels at the left, where p50 sits far below: p95 under its line, p99 above its own
        ValueMarker p95 = limit(slo.p95Ms(), "SLO p95 " + Cells.millis(slo.p95Ms()));
        p95.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        p95.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(p95);
        plot.addRangeMarker(insideLeft(limit(slo.p99Ms(), "SLO p99 " + Cells.millis(slo.p99Ms()))));
        includeInRange(plot, slo.p95Ms());
        includeInRange(plot, slo.p99Ms());
        return chart;
    }

    private static Estimate millis(LatencyEvidence.Estimate estimate) {
        return new Estimate(estimate.millis(), estimate.ci());
    }

    /**
     * Latency distribution of both models as frequency polygons (lines, so the two never blend into a third colour),
     * with the p95 and p99 SLO marked.
     */
    static JFreeChart latency(LatencySuite suite, String production, String candidate, GatePolicy.Latency slo) {
        HistogramDataset samples = new HistogramDataset();
        XYSeriesCollection counted = new XYSeriesCollection();
        List<Color> paints = new ArrayList<>();
        for (String version : List.of(production, candidate)) {
            boolean isProduction = version.equals(production);
            String name = isProduction ? production(version) : candidate(version);
            double[] millis = suite.millisByVersion().get(version);
            LatencyBuckets buckets = suite.bucketsByVersion().get(version);
            if (millis != null && millis.length > 0) {
                samples.addSeries(name, millis, LATENCY_BINS);
                paints.add(isProduction ? PRODUCTION : CANDIDATE);
            } else if (buckets != null && buckets.n() > 0) {
                counted.addSeries(linearBins(name, buckets));
                paints.add(isProduction ? PRODUCTION : CANDIDATE);
            }
        }
        IntervalXYDataset dataset = suite.isBucketed() ? counted : samples;
        JFreeChart chart = ChartFactory.createHistogram("Latency distribution", "Latency (ms)", "Requests", dataset,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        plot.setRenderer(lines);
        for (int i = 0; i < paints.size(); i++) {
            lines.setSeriesPaint(i, paints.get(i));
            lines.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        // p95 labelled left of its line and p99 right of its own, so close SLOs stay readable
        ValueMarker p95 = limit(slo.p95Ms(), "SLO p95 " + Cells.millis(slo.p95Ms()));
        p95.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        p95.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        ValueMarker p99 = limit(slo.p99Ms(), "SLO p99 " + Cells.millis(slo.p99Ms()));
        p99.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        p99.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(p95);
        plot.addDomainMarker(p99);
        return chart;
    }

    /**
     * A summary pack's log-spaced bucket counts regrouped into the same number of equal-width bins as samples get
     * (each bucket's requests in the bin of its geometric middle), so both forms draw the same frequency polygon.
     */
    private static XYSeries linearBins(String name, LatencyBuckets buckets) {
        int[] ids = buckets.buckets();
        double low = LatencyBuckets.lowerEdge(ids[0]);
        double width = (LatencyBuckets.upperEdge(ids[ids.length - 1]) - low) / LATENCY_BINS;
        long[] perBin = new long[LATENCY_BINS];
        for (int i = 0; i < ids.length; i++) {
            double middle = Math.sqrt(LatencyBuckets.lowerEdge(ids[i]) * LatencyBuckets.upperEdge(ids[i]));
            perBin[Math.min(LATENCY_BINS - 1, (int) ((middle - low) / width))] += buckets.counts()[i];
        }
        XYSeries series = new XYSeries(name);
        for (int bin = 0; bin < LATENCY_BINS; bin++) {
            series.add(low + (bin + 0.5) * width, perBin[bin]);
        }
        return series;
    }

    /** Daily success rate of each model during the canary run, each day with its Wilson whisker. */
    static JFreeChart canary(CanaryEvidence canary, double confidenceLevel) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<Color> paints = List.of(PRODUCTION, CANDIDATE);
        List<String> versions = List.of(canary.production(), canary.candidate());
        for (int v = 0; v < versions.size(); v++) {
            String version = versions.get(v);
            YIntervalSeries series = new YIntervalSeries(v == 0 ? production(version) : candidate(version));
            long dodge = v == 0 ? -DAY_DODGE_MILLIS : DAY_DODGE_MILLIS;
            for (CanaryDay day : canary.days()) {
                if (day.version().equals(version) && day.requests() > 0) {
                    Estimate rate = Estimate.percentOf(RateEstimate.of(day.successes(), day.requests(),
                            confidenceLevel));
                    series.add(noonOf(day.date()) + dodge, rate.value(), rate.ci().lower(), rate.ci().upper());
                }
            }
            dataset.addSeries(series);
        }
        return intervalChart("Canary success rate per day", new DateAxis("Date"), "Success rate (%)", dataset, paints,
                true);
    }

    /** The holdout group and the treated population over time. */
    static JFreeChart holdoutGroup(HoldoutGroupEvidence group) {
        TimeSeries holdout = new TimeSeries("holdout group");
        TimeSeries treated = new TimeSeries("treated");
        for (HoldoutGroupEvidence.Point point : group.points()) {
            holdout.addOrUpdate(day(point.date()), point.holdout());
            treated.addOrUpdate(day(point.date()), point.treated());
        }
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        dataset.addSeries(holdout);
        dataset.addSeries(treated);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Persistent holdout vs treated", "Date", "Value",
                dataset, true, true, false);
        // the treated population is served by production; the holdout group by no model update
        paint(chart.getXYPlot().getRenderer(), List.of(NEUTRAL, PRODUCTION));
        return chart;
    }

    /** Past production values with the candidate and the circuit-breaker limit marked (both kept in view). */
    static JFreeChart history(Metric metric, List<MetricHistoryPoint> history, Double candidate, Double best,
                              double margin) {
        TimeSeries series = new TimeSeries("past production " + metric.wireName());
        history.forEach(p -> series.addOrUpdate(day(p.date()), p.value()));
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Metric history", "Date", metric.wireName(),
                new TimeSeriesCollection(series), true, true, false);
        paint(chart.getXYPlot().getRenderer(), List.of(PRODUCTION));
        double low = series.getMinY();
        double high = series.getMaxY();
        if (candidate != null) {
            ValueMarker marker = limit(candidate, "candidate " + Cells.number(candidate));
            marker.setPaint(CANDIDATE);
            marker.setLabelPaint(CANDIDATE);
            chart.getXYPlot().addRangeMarker(insideRight(marker));
            low = Math.min(low, candidate);
            high = Math.max(high, candidate);
        }
        if (best != null) {
            double limit = metric.higherIsBetter() ? best - margin : best + margin;
            chart.getXYPlot().addRangeMarker(insideLeft(limit(limit, "circuit breaker " + Cells.number(limit))));
            low = Math.min(low, limit);
            high = Math.max(high, limit);
        }
        double pad = Math.max((high - low) * 0.1, 1e-3);
        chart.getXYPlot().getRangeAxis().setRange(low - pad, high + pad);
        return chart;
    }

    /** Daily negative-feedback rate with its rolling mean + 2 sd threshold; null without feedback. */
    static JFreeChart feedback(List<FeedbackCheck> checks) {
        if (checks.isEmpty()) {
            return null;
        }
        TimeSeries rate = new TimeSeries("negative feedback");
        TimeSeries threshold = new TimeSeries("rolling mean + 2 sd");
        for (FeedbackCheck check : checks) {
            rate.addOrUpdate(day(check.date()), check.rate() * 100);
            if (!Double.isNaN(check.threshold())) {
                threshold.addOrUpdate(day(check.date()), check.threshold() * 100);
            }
        }
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        dataset.addSeries(rate);
        dataset.addSeries(threshold);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Negative user feedback", "Date", "Negative (%)",
                dataset, true, true, false);
        XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        paint(renderer, List.of(PRODUCTION, LIMIT));
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        return chart;
    }

    /**
     * Points with interval whiskers over named categories (production left of its category, the candidate right),
     * drawn from a {@link YIntervalSeriesCollection} so each whisker is exactly the interval given.
     */
    static JFreeChart estimates(String title, String categoryLabel, String valueLabel, List<String> categories,
                                List<Series> series) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<Color> paints = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            double offset = (s - (series.size() - 1) / 2.0) * DODGE * 2 / Math.max(1, series.size() - 1);
            YIntervalSeries points = new YIntervalSeries(one.name());
            for (int c = 0; c < categories.size(); c++) {
                Estimate e = one.estimates().get(c);
                if (e != null && !Double.isNaN(e.value())) {
                    Interval ci = e.ci() == null ? new Interval(e.value(), e.value()) : e.ci();
                    points.add(c + offset, e.value(), ci.lower(), ci.upper());
                }
            }
            dataset.addSeries(points);
            paints.add(one.paint());
        }
        SymbolAxis axis = new UprightWhenCrowdedAxis(categoryLabel, categories.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        axis.setRange(-0.6, categories.size() - 0.4);
        return intervalChart(title, axis, valueLabel, dataset, paints, false);
    }

    private static JFreeChart intervalChart(String title, ValueAxis domain, String valueLabel,
                                            YIntervalSeriesCollection dataset, List<Color> paints, boolean lines) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(lines);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(10);
        renderer.setDefaultToolTipGenerator((data, s, item) -> String.format(Locale.ROOT,
                "%s: %.4g [%.4g, %.4g]", data.getSeriesKey(s), data.getYValue(s, item),
                ((YIntervalSeriesCollection) data).getStartYValue(s, item),
                ((YIntervalSeriesCollection) data).getEndYValue(s, item)));
        for (int i = 0; i < paints.size(); i++) {
            renderer.setSeriesPaint(i, paints.get(i));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis range = new NumberAxis(valueLabel);
        range.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, domain, range, renderer);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** Widens the value axis so a limit line stays in view. */
    private static void includeInRange(XYPlot plot, double value) {
        ValueAxis axis = plot.getRangeAxis();
        double low = Math.min(axis.getLowerBound(), value);
        double high = Math.max(axis.getUpperBound(), value);
        double pad = (high - low) * 0.06;
        axis.setRange(low - (value <= axis.getLowerBound() ? pad : 0), high + (value >= axis.getUpperBound() ? pad : 0));
    }

    private static void paint(XYItemRenderer renderer, List<Color> paints) {
        for (int i = 0; i < paints.size(); i++) {
            renderer.setSeriesPaint(i, paints.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
    }

    /** A horizontal marker labelled inside the plot, above its line at the right end. */
    private static ValueMarker insideRight(ValueMarker marker) {
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    /** A horizontal marker labelled inside the plot, above its line at the left end. */
    private static ValueMarker insideLeft(ValueMarker marker) {
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    /** A limit line (SLO, floor, accepted rate), its label in its own colour so it reads on light and dark. */
    private static ValueMarker limit(double value, String label) {
        ValueMarker marker = new ValueMarker(value);
        marker.setLabel(label);
        marker.setLabelFont(MARKER_FONT);
        marker.setLabelPaint(LIMIT);
        marker.setLabelBackgroundColor(TRANSPARENT);
        marker.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        marker.setPaint(LIMIT);
        return marker;
    }

    private static long noonOf(LocalDate date) {
        return date.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
