package org.verdict.core.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The circuit breaker: past production models, production and the candidate measured on this pack (at the
 * candidate's training date, or just after the last past model when the manifest has none) and the line the candidate
 * must not fall below: historical best − margin, as the gate judged it.
 */
public final class MetricHistorySection {
    static final String MISSING = "The pack has no metric history (metric_history.csv): the circuit breaker cannot "
            + "be judged.";

    /** Why a past model's value stands alone, and which columns would give it its n and interval. */
    static final String POINT_VALUES_ONLY = "The history holds point values only: metric_history.csv gives no n or "
            + "interval for a past model (its n, lower and upper columns would), so how firm each past value is cannot "
            + "be shown. The gate judges the candidate's interval against the best as a fixed number.";
    /** What a past model's interval is, as Verdict did not compute it. */
    static final String HISTORY_INTERVALS = "A past model's n and interval are metric_history.csv's, as the pipeline "
            + "that measured it computed them; the gate judges the candidate's interval against the best's value.";

    private MetricHistorySection() {
    }

    /** @param candidateTrainedAt from the manifest, or null when it gives none */
    public static EvidenceSection of(GateResult result, List<MetricHistoryPoint> history,
                                     ComparisonReport primaryComparison, String candidateVersion,
                                     Instant candidateTrainedAt) {
        Metric metric = primaryComparison.primaryMetric();
        String name = metric.wireName();
        // the primary metric's numbers as Compare writes them: a house price's mae in dollars, not to three decimals
        MetricFormat numbers = primaryComparison.metricFormat(metric);
        // a past value is shown with what the history says of it: its interval (whiskers) and n where given
        boolean pointValuesOnly = history.stream().noneMatch(MetricHistoryPoint::hasUncertainty);
        List<Series> series = new ArrayList<>();
        series.add(new Series("past production models" + (pointValuesOnly ? " (point values only)"
                : " (intervals as the history gives them)"), SeriesRole.PRODUCTION,
                history.stream().map(p -> new TimePoint(p.date(), p.value(), p.ci())).toList()));
        List<List<Cell>> rows = new ArrayList<>(history.stream().map(p -> List.of(Cell.plain(p.version()),
                Cell.plain(p.date().toString()), Cell.plain(pastValue(p, numbers)))).toList());
        SliceResult overall = ComparisonEvidence.overallOf(primaryComparison);
        if (overall != null && overall.isAvailable()) {
            LocalDate lastPast = history.stream().map(MetricHistoryPoint::date).max(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate date = candidateTrainedAt == null ? lastPast.plusDays(1)
                    : LocalDate.ofInstant(candidateTrainedAt, ZoneOffset.UTC);
            String level = String.format(Locale.ROOT, "%.0f%% CI",
                    primaryComparison.options().confidenceLevel() * 100);
            String measuredHere = " (" + MetricFormat.sampleSize(overall.n()) + ", " + level + ")";
            // production measured on this pack beside the candidate: the gate checks the history against it, and a
            // history of other data shows as a gap between production's past value and this one
            String production = "production " + primaryComparison.productionVersion() + " on this pack";
            series.add(new Series(production + measuredHere, SeriesRole.PRODUCTION,
                    List.of(new TimePoint(date, overall.production().value(), overall.production().ci()))));
            rows.add(List.of(Cell.plain(production), Cell.plain(date + " (the candidate's date)"),
                    Cell.plain(overall.production().text(numbers) + " (" + MetricFormat.sampleSize(overall.n())
                            + ")")));
            MetricEstimate candidate = overall.candidate();
            series.add(new Series("candidate " + candidateVersion + measuredHere,
                    SeriesRole.CANDIDATE, List.of(new TimePoint(date, candidate.value(), candidate.ci()))));
            rows.add(List.of(Cell.plain("candidate " + candidateVersion), Cell.plain(date + " (trained)"),
                    Cell.plain(candidate.text(numbers) + " ("
                            + MetricFormat.sampleSize(overall.n()) + ")")));
        }
        List<Limit> limits = new ArrayList<>();
        Map<String, Double> judged = result.findings().isEmpty() ? Map.of() : result.findings().get(0).numbers();
        Double best = judged.get("best");
        Double margin = judged.get("margin");
        if (best != null && margin != null) {
            double floor = metric.higherIsBetter() ? best - margin : best + margin;
            // one set of decimals for the three, as the gate's line writes them: "$296" beside "$14,800", not "$296.0"
            double[] sum = {best, margin, floor};
            limits.add(new Limit(floor, "historical best " + numbers.valueAmong(best, sum)
                    + (metric.higherIsBetter() ? " − " : " + ") + "margin " + numbers.valueAmong(margin, sum) + " = "
                    + numbers.valueAmong(floor, sum)));
        }
        return Sections.gate(result, List.of(new TimeSeries(name + ": past production models, then both models on this pack",
                        numbers.inUnit(name), series, limits)),
                List.of(new EvidenceTable("Metric history of past production models, then production and the candidate on this pack",
                        List.of("Version", "Date", name), rows, pointValuesOnly ? List.of(POINT_VALUES_ONLY)
                                : List.of(HISTORY_INTERVALS))), null);
    }

    /** "0.829 [0.819, 0.839] (n=20,000)", "0.829 (n=20,000)" or "0.829": as much as the history gives. */
    private static String pastValue(MetricHistoryPoint point, MetricFormat numbers) {
        Interval ci = point.ci();
        return (ci == null ? numbers.value(point.value()) : numbers.estimate(point.value(), ci.lower(), ci.upper()))
                + (point.n() == null ? "" : " (" + MetricFormat.sampleSize(point.n()) + ")");
    }
}
