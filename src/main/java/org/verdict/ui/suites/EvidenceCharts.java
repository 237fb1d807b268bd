package org.verdict.ui.suites;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.CanaryDay;
import org.verdict.core.gates.suites.LatencySuite;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.triggers.FeedbackCheck;
import org.verdict.core.stats.Metric;

/** The JFreeChart charts of the evidence pages; built off the FX thread, styled by the view's ChartPane. */
final class EvidenceCharts {
    private static final int LATENCY_BINS = 60;

    private EvidenceCharts() {
    }

    /** Violation rate per category, production next to candidate. */
    static JFreeChart safety(SafetyEvidence safety) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SafetyEvidence.Category category : safety.categories()) {
            for (Map.Entry<String, RateEstimate> rate : category.rates().entrySet()) {
                dataset.addValue(rate.getValue().rate() * 100, "model " + rate.getKey(), category.name());
            }
        }
        return ChartFactory.createBarChart("Violation rate per category", "Category", "Violation rate (%)", dataset,
                PlotOrientation.VERTICAL, true, true, false);
    }

    /** The primary metric per slice for both models, with the policy floor marked when there is one. */
    static JFreeChart perSlice(Metric metric, List<SliceResult> results, Double floor) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SliceResult r : results) {
            if (r.isAvailable()) {
                dataset.addValue(r.production().value(), "production", r.slice().values().get(0));
                dataset.addValue(r.candidate().value(), "candidate", r.slice().values().get(0));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(metric.wireName() + " per language", "Language",
                metric.wireName(), dataset, PlotOrientation.VERTICAL, true, true, false);
        if (floor != null) {
            chart.getCategoryPlot().addRangeMarker(insideRight(labelled(floor, "floor " + Cells.number(floor))));
        }
        return chart;
    }

    /** Latency distribution per version, with the p95 and p99 SLO marked. */
    static JFreeChart latency(LatencySuite suite, GatePolicy.Latency slo) {
        HistogramDataset dataset = new HistogramDataset();
        suite.millisByVersion().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> dataset.addSeries("model " + e.getKey(), e.getValue(), LATENCY_BINS));
        JFreeChart chart = ChartFactory.createHistogram("Latency distribution", "Latency (ms)", "Requests", dataset,
                PlotOrientation.VERTICAL, true, true, false);
        chart.getXYPlot().getRenderer().setDefaultToolTipGenerator(null);
        chart.getXYPlot().setForegroundAlpha(0.6f);
        // p95 labelled left of its line and p99 right of its own, so close SLOs stay readable
        ValueMarker p95 = labelled(slo.p95Ms(), "SLO p95 " + Cells.millis(slo.p95Ms()));
        p95.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        p95.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        ValueMarker p99 = labelled(slo.p99Ms(), "SLO p99 " + Cells.millis(slo.p99Ms()));
        p99.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        p99.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        chart.getXYPlot().addDomainMarker(p95);
        chart.getXYPlot().addDomainMarker(p99);
        return chart;
    }

    /** Daily success rate of each model during the canary run. */
    static JFreeChart canary(CanaryEvidence canary) {
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        for (String version : List.of(canary.production(), canary.candidate())) {
            TimeSeries series = new TimeSeries("model " + version);
            for (CanaryDay day : canary.days()) {
                if (day.version().equals(version) && day.requests() > 0) {
                    series.addOrUpdate(day(day.date()), 100.0 * day.successes() / day.requests());
                }
            }
            dataset.addSeries(series);
        }
        return ChartFactory.createTimeSeriesChart("Canary success rate per day", "Date", "Success rate (%)", dataset,
                true, true, false);
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
        return ChartFactory.createTimeSeriesChart("Persistent holdout vs treated", "Date", "Value", dataset, true,
                true, false);
    }

    /** Past production values with the candidate and the circuit-breaker limit marked (both kept in view). */
    static JFreeChart history(Metric metric, List<MetricHistoryPoint> history, Double candidate, Double best,
                              double margin) {
        TimeSeries series = new TimeSeries("production " + metric.wireName());
        history.forEach(p -> series.addOrUpdate(day(p.date()), p.value()));
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Metric history", "Date", metric.wireName(),
                new TimeSeriesCollection(series), true, true, false);
        double low = series.getMinY();
        double high = series.getMaxY();
        if (candidate != null) {
            chart.getXYPlot().addRangeMarker(insideRight(labelled(candidate, "candidate " + Cells.number(candidate))));
            low = Math.min(low, candidate);
            high = Math.max(high, candidate);
        }
        if (best != null) {
            double limit = metric.higherIsBetter() ? best - margin : best + margin;
            chart.getXYPlot().addRangeMarker(insideRight(labelled(limit, "circuit breaker " + Cells.number(limit))));
            low = Math.min(low, limit);
            high = Math.max(high, limit);
        }
        double pad = Math.max((high - low) * 0.1, 1e-3);
        chart.getXYPlot().getRangeAxis().setRange(low - pad, high + pad);
        return chart;
    }

    /** A horizontal marker labelled inside the plot, above its line at the right end. */
    private static ValueMarker insideRight(ValueMarker marker) {
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
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
        return ChartFactory.createTimeSeriesChart("Negative user feedback", "Date", "Negative (%)", dataset, true,
                true, false);
    }

    private static ValueMarker labelled(double value, String label) {
        ValueMarker marker = new ValueMarker(value);
        marker.setLabel(label);
        marker.setStroke(new BasicStroke(2f));
        marker.setPaint(Color.RED);
        return marker;
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
