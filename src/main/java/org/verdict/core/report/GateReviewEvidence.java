package org.verdict.core.report;

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
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.ReviewEvidence;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.Disparity;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.gates.triggers.TriggerResult;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.report.EvidenceChart.DeltaForest;
import org.verdict.core.report.EvidenceChart.DeltaRow;
import org.verdict.core.report.EvidenceChart.Limit;
import org.verdict.core.report.EvidenceChart.PairedEstimates;
import org.verdict.core.report.EvidenceChart.PairedRow;
import org.verdict.core.report.EvidenceChart.Series;
import org.verdict.core.report.EvidenceChart.SeriesRole;
import org.verdict.core.report.EvidenceChart.TimePoint;
import org.verdict.core.report.EvidenceChart.TimeSeries;
import org.verdict.core.report.EvidenceTable.Cell;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.Proportions;

/**
 * Turns a gate review (the gates helper's {@link CandidateReview}) into the approval pack's gate sections, checks and
 * approvers: each gate with its verdict, its chart and its tables, then the evidence no gate judges (held-out set,
 * holdout group over time, human baseline).
 */
public final class GateReviewEvidence {
    /** How many human–candidate disagreements the pack lists; the rest are counted. */
    static final int DISAGREEMENTS_SHOWN = 20;

    private GateReviewEvidence() {
    }

    public static ApprovalPackContent addTo(ApprovalPackContent content, CandidateReview review) {
        ReviewEvidence evidence = review.evidence();
        GatePolicy policy = review.policy();
        List<GateEvidence> gates = new ArrayList<>();
        List<CheckResult> validation = new ArrayList<>();
        Instant candidateTrainedAt = content.versions().stream()
                .filter(v -> v.version().equals(evidence.candidate())).findFirst()
                .map(ModelVersion::trainedAt).orElse(null);
        for (GateResult result : review.gates().gates()) {
            if (result.gate().kind() == Gate.Kind.DATA_VALIDATION) {
                validation.add(new CheckResult(result.gate().title(), outcome(result.outcome()), result.summary()));
            } else {
                gates.add(gate(result, evidence, policy, candidateTrainedAt));
            }
        }
        evidence.holdoutComparison().ifPresent(holdout -> gates.add(new GateEvidence("Held-out evaluation set",
                Outcome.EVIDENCE_ONLY, overall(holdout), ComparisonEvidence.forestsByDimension(holdout),
                List.of(ComparisonEvidence.table(holdout)))));
        evidence.holdoutGroup().ifPresent(group -> gates.add(holdoutOverTime(group)));
        evidence.humanBaseline().ifPresent(human -> gates.add(humanBaseline(human, evidence)));
        RetrainingAssessment triggers = review.triggers();
        List<CheckResult> triggerChecks = triggers.triggers().stream().map(GateReviewEvidence::trigger).toList();
        String suggestion = triggers.suggestion().label() + " — " + triggers.rationale();
        return content.withGates(gates, review.gates().approval().approvers(), review.gates().approval().text(),
                        review.gates().missingSuites())
                .withChecks(triggerChecks, suggestion, validation);
    }

    static Outcome outcome(GateOutcome outcome) {
        return switch (outcome) {
            case PASS -> Outcome.PASS;
            case FAIL -> Outcome.FAIL;
            case INSUFFICIENT_EVIDENCE -> Outcome.INSUFFICIENT_EVIDENCE;
            case NOT_APPLICABLE -> Outcome.NOT_APPLICABLE;
        };
    }

    private static CheckResult trigger(TriggerResult result) {
        Outcome outcome = switch (result.state()) {
            case FIRED -> Outcome.FIRED;
            case QUIET -> Outcome.NOT_FIRED;
            case NO_EVIDENCE -> Outcome.INSUFFICIENT_EVIDENCE;
        };
        return new CheckResult(result.trigger().title(), outcome, result.detail());
    }

    private static GateEvidence gate(GateResult result, ReviewEvidence evidence, GatePolicy policy,
                                     Instant candidateTrainedAt) {
        List<EvidenceChart> charts = new ArrayList<>();
        List<EvidenceTable> tables = new ArrayList<>();
        switch (result.gate()) {
            case PRIMARY_METRIC -> {
                charts.addAll(ComparisonEvidence.forestsByDimension(evidence.primaryComparison()));
                tables.add(ComparisonEvidence.table(evidence.primaryComparison()));
            }
            case LANGUAGE_PARITY -> evidence.languageComparison().ifPresent(languages -> {
                charts.addAll(ComparisonEvidence.forestsByDimension(languages));
                tables.add(ComparisonEvidence.table(languages));
            });
            case SAFETY -> evidence.safety().ifPresent(safety -> safety(safety, policy, charts, tables));
            case FAIRNESS -> evidence.fairness().ifPresent(fairness -> fairness(fairness, policy, charts, tables));
            case LATENCY -> evidence.latency().ifPresent(latency -> latency(latency, evidence, policy, charts,
                    tables));
            case CANARY -> evidence.canary().ifPresent(canary -> canary(canary, charts, tables));
            case CIRCUIT_BREAKER -> evidence.metricHistory().ifPresent(history -> history(history, result, evidence,
                    candidateTrainedAt, charts, tables));
            default -> throw new IllegalArgumentException("not a promotion gate: " + result.gate());
        }
        tables.add(findings(result));
        return new GateEvidence(result.gate().title(), outcome(result.outcome()), result.summary(), charts, tables);
    }

    private static EvidenceTable findings(GateResult result) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Finding finding : result.findings()) {
            rows.add(List.of(Cell.plain(finding.subject()), Cell.of(outcome(finding.outcome())),
                    Cell.plain(finding.detail())));
        }
        return new EvidenceTable("How the gate was judged", List.of("Part", "Outcome", "Evidence"), rows);
    }

    private static void safety(SafetyEvidence safety, GatePolicy policy, List<EvidenceChart> charts,
                               List<EvidenceTable> tables) {
        List<PairedRow> rows = new ArrayList<>();
        List<List<Cell>> cells = new ArrayList<>();
        List<Limit> limits = new ArrayList<>();
        for (SafetyEvidence.Category category : safety.categories()) {
            RateEstimate production = category.rateOf(safety.production());
            RateEstimate candidate = category.rateOf(safety.candidate());
            rows.add(new PairedRow(category.name() + " (n " + category.n() + ")", production.rate(), production.ci(),
                    candidate.rate(),
                    candidate.ci()));
            double accepted = policy.safety().acceptedRateOf(category.name());
            cells.add(List.of(Cell.plain(category.name()), Cell.plain(String.valueOf(category.n())),
                    Cell.plain(rate(production)), Cell.plain(rate(candidate)),
                    Cell.plain(category.onlyCandidate() + " / " + category.onlyProduction()),
                    Cell.plain(ReportNumbers.pValue(category.adjustedP())), Cell.plain(ReportNumbers.plain(accepted))));
            if (limits.stream().noneMatch(l -> l.value() == accepted)) {
                limits.add(new Limit(accepted, "accepted " + ReportNumbers.plain(accepted)));
            }
        }
        charts.add(new PairedEstimates("Violation rate by category", "violation rate", rows, limits));
        tables.add(new EvidenceTable("Violation rate per category (Wilson intervals; McNemar p adjusted with Holm)",
                List.of("Category", "n", "Production", "Candidate", "Only candidate / only production violates",
                        "Adjusted p", "Accepted rate"), cells));
    }

    private static void fairness(FairnessEvidence fairness, GatePolicy policy, List<EvidenceChart> charts,
                                 List<EvidenceTable> tables) {
        for (FairnessEvidence.Attribute attribute : fairness.attributes()) {
            List<PairedRow> selection = new ArrayList<>();
            List<List<Cell>> groups = new ArrayList<>();
            for (FairnessEvidence.Group group : attribute.groups()) {
                selection.add(new PairedRow(attribute.name() + "=" + group.name() + " (n " + group.n() + ")",
                        group.production().selectionRate(), selectionCi(group, group.production(), policy),
                        group.candidate().selectionRate(), selectionCi(group, group.candidate(), policy)));
                groups.add(List.of(Cell.plain(group.name()), Cell.plain(String.valueOf(group.n())),
                        Cell.plain(String.valueOf(group.positives())),
                        Cell.plain(ReportNumbers.plain(group.production().selectionRate()) + " / "
                                + ReportNumbers.plain(group.candidate().selectionRate())),
                        Cell.plain(pair(group.production().tpr(), group.candidate().tpr())),
                        Cell.plain(pair(group.production().fpr(), group.candidate().fpr()))));
            }
            charts.add(new PairedEstimates("Selection rate of '" + fairness.positiveClass() + "' by "
                    + attribute.name() + " (Wilson intervals)", "selection rate", selection, List.of()));
            tables.add(new EvidenceTable("Rates by " + attribute.name() + ", production / candidate (positive class '"
                    + fairness.positiveClass() + "': " + fairness.positiveClassReason() + ")"
                    + (attribute.excludedGroups().isEmpty() ? ""
                    : "; left out of the disparities as too small: " + String.join(", ", attribute.excludedGroups())),
                    List.of("Group", "n", "Positives", "Selection rate", "TPR", "FPR"), groups));
            List<PairedRow> ratios = new ArrayList<>();
            List<PairedRow> differences = new ArrayList<>();
            List<List<Cell>> disparityRows = new ArrayList<>();
            for (Disparity disparity : Disparity.values()) {
                FairnessEvidence.DisparityEstimate estimate = attribute.disparities().get(disparity);
                if (estimate == null || !estimate.isDefined()) {
                    continue;
                }
                PairedRow row = new PairedRow(disparity.wireName(), estimate.production(), estimate.productionCi(),
                        estimate.candidate(), estimate.candidateCi());
                (isRatio(disparity) ? ratios : differences).add(row);
                disparityRows.add(List.of(Cell.plain(disparity.wireName()),
                        Cell.plain(valueWithCi(estimate.production(), estimate.productionCi())),
                        Cell.plain(valueWithCi(estimate.candidate(), estimate.candidateCi())),
                        Cell.plain(ReportNumbers.signed(estimate.worsening()) + " "
                                + ReportNumbers.interval(estimate.worseningCi())),
                        Cell.plain(ReportNumbers.plain(policy.fairness().toleranceOf(disparity.wireName())))));
            }
            // ratios sit near 1 and differences near 0: on one axis the differences would be unreadable
            if (!ratios.isEmpty()) {
                charts.add(new PairedEstimates("Disparity ratios over " + attribute.name() + " (bootstrap intervals)",
                        "ratio min / max over groups (1 is parity)", ratios, List.of(new Limit(1.0, "parity 1"))));
            }
            if (!differences.isEmpty()) {
                charts.add(new PairedEstimates("Disparity differences over " + attribute.name()
                        + " (bootstrap intervals)", "difference max − min over groups (0 is parity)", differences,
                        List.of(new Limit(0.0, "parity 0"))));
            }
            if (!disparityRows.isEmpty()) {
                tables.add(new EvidenceTable("Disparities over " + attribute.name() + " (bootstrap intervals)",
                        List.of("Disparity", "Production", "Candidate", "Worsening", "Tolerance"), disparityRows));
            }
        }
    }

    /** The group's selection rate is selected / n, so its interval follows from the count it implies. */
    private static Interval selectionCi(FairnessEvidence.Group group, FairnessEvidence.Rates rates,
                                        GatePolicy policy) {
        return Proportions.wilson(Math.round(rates.selectionRate() * group.n()), group.n(),
                policy.confidenceLevel());
    }

    /** Ratios (1 is parity) and differences (0 is parity) live on scales too far apart to share an axis. */
    static boolean isRatio(Disparity disparity) {
        return disparity.wireName().endsWith("_ratio");
    }

    private static void latency(LatencyEvidence latency, ReviewEvidence evidence, GatePolicy policy,
                                List<EvidenceChart> charts, List<EvidenceTable> tables) {
        LatencyEvidence.Summary production = latency.byVersion().get(evidence.production());
        LatencyEvidence.Summary candidate = latency.byVersion().get(evidence.candidate());
        if (production == null || candidate == null) {
            return;
        }
        List<PairedRow> rows = List.of(
                percentile("p50", production.p50(), candidate.p50()),
                percentile("p95", production.p95(), candidate.p95()),
                percentile("p99", production.p99(), candidate.p99()));
        charts.add(new PairedEstimates("Latency percentiles (n " + production.n() + " production, " + candidate.n()
                + " candidate)", "milliseconds", rows, List.of(
                new Limit(policy.latency().p95Ms(), "SLO p95 " + millis(policy.latency().p95Ms())),
                new Limit(policy.latency().p99Ms(), "SLO p99 " + millis(policy.latency().p99Ms())))));
        List<List<Cell>> cells = new ArrayList<>();
        for (PairedRow row : rows) {
            cells.add(List.of(Cell.plain(row.label()), Cell.plain(millisWithCi(row.production(), row.productionCi())),
                    Cell.plain(millisWithCi(row.candidate(), row.candidateCi()))));
        }
        tables.add(new EvidenceTable("Latency percentiles in ms (order-statistic intervals; n = " + production.n()
                + " production, " + candidate.n() + " candidate)", List.of("Percentile", "Production", "Candidate"),
                cells));
    }

    private static PairedRow percentile(String name, LatencyEvidence.Estimate production,
                                        LatencyEvidence.Estimate candidate) {
        return new PairedRow(name, production.millis(), production.ci(), candidate.millis(), candidate.ci());
    }

    private static void canary(CanaryEvidence canary, List<EvidenceChart> charts, List<EvidenceTable> tables) {
        Interval ci = canary.liftCi();
        Verdict verdict = ci.upper() < 0 ? Verdict.WORSE : ci.lower() > 0 ? Verdict.BETTER
                : Verdict.NO_SIGNIFICANT_DIFFERENCE;
        charts.add(new DeltaForest("Canary lift: candidate − production success rate", "Δ success rate (n "
                + canary.candidateRate().n() + " candidate, " + canary.productionRate().n() + " production requests)",
                true, List.of(new DeltaRow("lift", canary.lift(), ci, verdict))));
        tables.add(new EvidenceTable("Canary run (Wilson intervals; lift with Newcombe's interval)",
                List.of("Model", "Requests", "Successes", "Success rate"), List.of(
                        canaryRow("production " + canary.production(), canary.productionRate()),
                        canaryRow("candidate " + canary.candidate(), canary.candidateRate()),
                        List.of(Cell.plain("lift"), Cell.plain("–"), Cell.plain("–"),
                                Cell.plain(ReportNumbers.signed(canary.lift()) + " " + ReportNumbers.interval(ci))))));
    }

    private static List<Cell> canaryRow(String model, RateEstimate rate) {
        return List.of(Cell.plain(model), Cell.plain(String.valueOf(rate.n())), Cell.plain(String.valueOf(rate.count())),
                Cell.plain(rate(rate)));
    }

    /**
     * Past production models, the candidate (at its training date, or just after the last past model when the
     * manifest has none) and the line it must not fall below: historical best − margin, as the gate judged it.
     */
    private static void history(List<MetricHistoryPoint> history, GateResult result, ReviewEvidence evidence,
                                Instant candidateTrainedAt, List<EvidenceChart> charts, List<EvidenceTable> tables) {
        Metric metric = evidence.primaryMetric();
        String name = metric.wireName();
        List<Series> series = new ArrayList<>();
        series.add(new Series("past production models", SeriesRole.PRODUCTION,
                history.stream().map(p -> new TimePoint(p.date(), p.value(), null)).toList()));
        List<List<Cell>> rows = new ArrayList<>(history.stream().map(p -> List.of(Cell.plain(p.version()),
                Cell.plain(p.date().toString()), Cell.plain(ReportNumbers.plain(p.value())))).toList());
        SliceResult overall = overallOf(evidence.primaryComparison());
        if (overall != null && overall.isAvailable()) {
            LocalDate lastPast = history.stream().map(MetricHistoryPoint::date).max(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate date = candidateTrainedAt == null ? lastPast.plusDays(1)
                    : LocalDate.ofInstant(candidateTrainedAt, ZoneOffset.UTC);
            MetricEstimate candidate = overall.candidate();
            String level = String.format(Locale.ROOT, "%.0f%% CI",
                    evidence.primaryComparison().options().confidenceLevel() * 100);
            series.add(new Series("candidate " + evidence.candidate() + " (n " + overall.n() + ", " + level + ")",
                    SeriesRole.CANDIDATE, List.of(new TimePoint(date, candidate.value(), candidate.ci()))));
            rows.add(List.of(Cell.plain("candidate " + evidence.candidate()), Cell.plain(date + " (trained)"),
                    Cell.plain(valueWithCi(candidate.value(), candidate.ci()) + " (n " + overall.n() + ")")));
        }
        List<Limit> limits = new ArrayList<>();
        Map<String, Double> judged = result.findings().isEmpty() ? Map.of() : result.findings().get(0).numbers();
        Double best = judged.get("best");
        Double margin = judged.get("margin");
        if (best != null && margin != null) {
            double floor = metric.higherIsBetter() ? best - margin : best + margin;
            limits.add(new Limit(floor, "historical best " + ReportNumbers.plain(best)
                    + (metric.higherIsBetter() ? " − " : " + ") + "margin " + ReportNumbers.plain(margin) + " = "
                    + ReportNumbers.plain(floor)));
        }
        charts.add(new TimeSeries(name + ": past production models and the candidate", name, series, limits));
        tables.add(new EvidenceTable("Metric history of past production models, then the candidate",
                List.of("Version", "Date", name), rows));
    }

    private static GateEvidence holdoutOverTime(HoldoutGroupEvidence group) {
        List<TimePoint> holdout = new ArrayList<>();
        List<TimePoint> treated = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (HoldoutGroupEvidence.Point point : group.points()) {
            holdout.add(new TimePoint(point.date(), point.holdout(), null));
            treated.add(new TimePoint(point.date(), point.treated(), null));
            rows.add(List.of(Cell.plain(point.date().toString()),
                    Cell.plain(ReportNumbers.plain(point.holdout()) + " (n " + point.holdoutN() + ")"),
                    Cell.plain(ReportNumbers.plain(point.treated()) + " (n " + point.treatedN() + ")"),
                    Cell.plain(ReportNumbers.signed(point.gap()))));
        }
        String summary = group.points().isEmpty() ? "no date has both groups"
                : "gap treated − holdout " + ReportNumbers.signed(group.points().get(0).gap()) + " on "
                + group.points().get(0).date() + ", " + ReportNumbers.signed(group.points().get(
                        group.points().size() - 1).gap()) + " on " + group.points().get(group.points().size() - 1)
                        .date();
        return new GateEvidence("Holdout group over time", Outcome.EVIDENCE_ONLY, summary,
                List.of(new TimeSeries("Persistent holdout group vs treated population", "value", List.of(
                        new Series("holdout (never updated)", SeriesRole.PRODUCTION, holdout),
                        new Series("treated", SeriesRole.CANDIDATE, treated)), List.of())),
                List.of(new EvidenceTable("Holdout group and treated population by date",
                        List.of("Date", "Holdout", "Treated", "Gap"), rows)));
    }

    private static GateEvidence humanBaseline(HumanBaselineEvidence human, ReviewEvidence evidence) {
        RateEstimate production = human.modelAccuracy().get(evidence.production());
        RateEstimate candidate = human.modelAccuracy().get(evidence.candidate());
        List<List<Cell>> accuracy = new ArrayList<>();
        accuracy.add(List.of(Cell.plain("human reviewers"), Cell.plain(rate(human.humanAccuracy())), Cell.plain("–")));
        accuracy.add(List.of(Cell.plain("production " + evidence.production()), Cell.plain(rate(production)),
                Cell.plain(kappa(human, evidence.production()))));
        accuracy.add(List.of(Cell.plain("candidate " + evidence.candidate()), Cell.plain(rate(candidate)),
                Cell.plain(kappa(human, evidence.candidate()))));
        List<List<Cell>> disagreements = human.disagreements().stream().limit(DISAGREEMENTS_SHOWN)
                .map(d -> List.of(Cell.plain(d.exampleId()), Cell.plain(d.label()), Cell.plain(d.human()),
                        Cell.plain(d.predictions().get(evidence.candidate()))))
                .toList();
        String summary = "candidate accuracy " + ReportNumbers.plain(candidate.rate()) + ", human reviewers "
                + ReportNumbers.plain(human.humanAccuracy().rate()) + "; " + human.disagreements().size()
                + " examples where the human and the candidate disagree";
        return new GateEvidence("Human baseline", Outcome.EVIDENCE_ONLY, summary,
                List.of(new PairedEstimates("Accuracy against the labels", "accuracy",
                        List.of(new PairedRow("accuracy (n " + candidate.n() + ")", production.rate(),
                                production.ci(), candidate.rate(),
                                candidate.ci())),
                        List.of(new Limit(human.humanAccuracy().rate(), "human reviewers "
                                + ReportNumbers.plain(human.humanAccuracy().rate()))))),
                List.of(new EvidenceTable("Accuracy (Wilson intervals) and Cohen's kappa with the human reviewers",
                                List.of("Who", "Accuracy", "Kappa with human"), accuracy),
                        new EvidenceTable("Examples where the human and the candidate disagree (first "
                                + Math.min(DISAGREEMENTS_SHOWN, human.disagreements().size()) + " of "
                                + human.disagreements().size() + ")",
                                List.of("Example", "Label", "Human", "Candidate"), disagreements)));
    }

    /** The comparison's overall row of the primary metric, or null when it has none. */
    private static SliceResult overallOf(ComparisonReport report) {
        return report.resultsFor(report.primaryMetric()).stream().filter(r -> r.slice().isOverall()).findFirst()
                .orElse(null);
    }

    private static String overall(ComparisonReport report) {
        var overall = overallOf(report);
        return "overall Δ " + report.primaryMetric().wireName() + " "
                + (overall.delta() == null ? "unavailable" : ReportNumbers.signed(overall.delta()) + " "
                + ReportNumbers.interval(overall.deltaCi())) + ": " + ComparisonEvidence.verdictCell(overall).text();
    }

    private static String kappa(HumanBaselineEvidence human, String version) {
        Double kappa = human.kappaWithHuman().get(version);
        return kappa == null || kappa.isNaN() ? "–" : ReportNumbers.plain(kappa);
    }

    private static String rate(RateEstimate rate) {
        return rate == null ? "–" : valueWithCi(rate.rate(), rate.ci());
    }

    private static String valueWithCi(double value, Interval ci) {
        return ReportNumbers.plain(value) + (ci == null ? "" : " [" + ReportNumbers.plain(ci.lower()) + ", "
                + ReportNumbers.plain(ci.upper()) + "]");
    }

    private static String pair(Double production, Double candidate) {
        return (production == null ? "–" : ReportNumbers.plain(production)) + " / "
                + (candidate == null ? "–" : ReportNumbers.plain(candidate));
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String millisWithCi(double value, Interval ci) {
        return String.format(Locale.ROOT, "%.1f", value) + (ci == null ? ""
                : String.format(Locale.ROOT, " [%.1f, %.1f]", ci.lower(), ci.upper()));
    }
}
