package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/** The canary gate: success rates of both models in the live run and the lift between them; in detail, each day. */
public final class CanarySection {
    static final String MISSING = "The pack has no canary run (canary.csv).";

    private CanarySection() {
    }

    public static EvidenceSection of(GateResult result, CanaryEvidence canary, double confidenceLevel) {
        Interval ci = canary.liftCi();
        Verdict verdict = ci.upper() < 0 ? Verdict.WORSE : ci.lower() > 0 ? Verdict.BETTER
                : Verdict.NO_SIGNIFICANT_DIFFERENCE;
        EvidenceChart lift = new DeltaForest("Canary lift: candidate − production success rate", "Δ success rate ("
                + MetricFormat.sampleSize(canary.candidateRate().n()) + " candidate, "
                + MetricFormat.sampleSize(canary.productionRate().n()) + " production requests)",
                MetricFormat.RATE, true, List.of(new DeltaRow("lift", canary.lift(), ci, verdict)));
        EvidenceTable table = new EvidenceTable("Canary run (modified Wilson intervals; lift with Newcombe's interval)",
                List.of("Model", "Requests", "Successes", "Success rate"), List.of(
                        row("production " + canary.production(), canary.productionRate()),
                        row("candidate " + canary.candidate(), canary.candidateRate()),
                        List.of(Cell.plain("lift"), Cell.plain("–"), Cell.plain("–"),
                                Cell.plain(EvidenceNumbers.delta(canary.lift(), ci)))));
        return Sections.gate(result, List.of(lift), List.of(table), null)
                .withDetailCharts(List.of(perDay(canary, confidenceLevel)));
    }

    /** Each model's success rate per day of the run, each day with its modified Wilson interval. */
    private static EvidenceChart perDay(CanaryEvidence canary, double confidenceLevel) {
        List<Series> series = new ArrayList<>();
        for (String version : List.of(canary.production(), canary.candidate())) {
            boolean production = version.equals(canary.production());
            List<TimePoint> days = canary.days().stream()
                    .filter(day -> day.version().equals(version) && day.requests() > 0)
                    .map(day -> {
                        RateEstimate rate = RateEstimate.of(day.successes(), day.requests(), confidenceLevel);
                        return new TimePoint(day.date(), rate.rate(), rate.ci());
                    }).toList();
            series.add(new Series((production ? "production " : "candidate ") + version,
                    production ? SeriesRole.PRODUCTION : SeriesRole.CANDIDATE, days));
        }
        return new TimeSeries("Canary success rate per day (modified Wilson intervals)", "success rate", series, List.of());
    }

    private static List<Cell> row(String model, RateEstimate rate) {
        return List.of(Cell.plain(model), Cell.plain(MetricFormat.count(rate.n())),
                Cell.plain(MetricFormat.count(rate.count())), Cell.plain(Sections.rate(rate)));
    }
}
