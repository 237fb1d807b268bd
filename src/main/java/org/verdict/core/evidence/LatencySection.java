package org.verdict.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.verdict.core.evidence.EvidenceChart.Distribution;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceChart.Sample;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.LatencySuite;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The latency gate: p50, p95 and p99 of both models with order-statistic intervals, against the SLO; in detail, the
 * whole distribution of both.
 */
public final class LatencySection {
    static final String MISSING = "The pack has no latency suite (latency.csv): the SLO cannot be checked.";

    private LatencySection() {
    }

    /** @return the gate's findings alone when the suite lacks one of the two models */
    public static EvidenceSection of(GateResult result, LatencyEvidence latency, LatencySuite suite,
                                     String productionVersion, String candidateVersion, GatePolicy.Latency slo) {
        LatencyEvidence.Summary production = latency.byVersion().get(productionVersion);
        LatencyEvidence.Summary candidate = latency.byVersion().get(candidateVersion);
        if (production == null || candidate == null) {
            return Sections.gate(result, List.of(), List.of(), null);
        }
        List<PairedRow> rows = List.of(
                percentile("p50", production.p50(), candidate.p50()),
                percentile("p95", production.p95(), candidate.p95()),
                percentile("p99", production.p99(), candidate.p99()));
        List<Limit> sloLines = List.of(new Limit(slo.p95Ms(), "SLO p95 " + millis(slo.p95Ms())),
                new Limit(slo.p99Ms(), "SLO p99 " + millis(slo.p99Ms())));
        EvidenceChart chart = new PairedEstimates("Latency percentiles (" + MetricFormat.sampleSize(production.n())
                + " production, " + MetricFormat.sampleSize(candidate.n()) + " candidate)", "milliseconds", rows, sloLines);
        List<List<Cell>> cells = new ArrayList<>();
        for (PairedRow row : rows) {
            cells.add(List.of(Cell.plain(row.label()), Cell.plain(millisWithCi(row.production(), row.productionCi())),
                    Cell.plain(millisWithCi(row.candidate(), row.candidateCi()))));
        }
        EvidenceSection section = Sections.gate(result, List.of(chart), List.of(new EvidenceTable(
                "Latency percentiles in ms (order-statistic intervals" + (suite.isBucketed()
                        ? " widened to the edges of log-spaced buckets, 100 per decade" : "") + "; "
                        + MetricFormat.sampleSize(production.n()) + " production, "
                        + MetricFormat.sampleSize(candidate.n()) + " candidate)",
                List.of("Percentile", "Production", "Candidate"), cells)), null);
        // a summary pack's latency comes as bucket counts: no samples to draw a distribution from
        return suite.isBucketed() ? section
                : section.withDetailCharts(List.of(new Distribution("Latency distribution", "milliseconds", List.of(
                        new Sample("production " + productionVersion, SeriesRole.PRODUCTION,
                                suite.of(productionVersion)),
                        new Sample("candidate " + candidateVersion, SeriesRole.CANDIDATE,
                                suite.of(candidateVersion))), sloLines)));
    }

    private static PairedRow percentile(String name, LatencyEvidence.Estimate production,
                                        LatencyEvidence.Estimate candidate) {
        return new PairedRow(name, production.millis(), production.ci(), candidate.millis(), candidate.ci());
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String millisWithCi(double value, Interval ci) {
        return String.format(Locale.ROOT, "%.1f", value) + (ci == null ? ""
                : String.format(Locale.ROOT, " [%.1f, %.1f]", ci.lower(), ci.upper()));
    }
}
