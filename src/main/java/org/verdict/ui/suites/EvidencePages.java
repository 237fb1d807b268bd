package org.verdict.ui.suites;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.Finding;
import org.verdict.core.gates.Gate;
import org.verdict.core.gates.GateNumbers;
import org.verdict.core.gates.GateResult;
import org.verdict.core.gates.ReviewEvidence;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.Disparity;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.triggers.FeatureDrift;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.stats.Metric;
import org.jfree.chart.JFreeChart;

/**
 * Builds the evidence pages of a candidate review, one per suite, in the order of the Evidence view. Pure: no
 * JavaFX, so the pages are tested with plain JUnit and built off the FX thread.
 */
public final class EvidencePages {
    public static final String SAFETY = "safety";
    public static final String FAIRNESS = "fairness";
    public static final String LANGUAGE_PARITY = "language-parity";
    public static final String LATENCY = "latency";
    public static final String CANARY = "canary";
    public static final String HOLDOUT = "holdout";
    public static final String HUMAN_BASELINE = "human-baseline";
    public static final String METRIC_HISTORY = "metric-history";
    public static final String TRIGGERS = "triggers";
    public static final String DATA_VALIDATION = "data-validation";

    private EvidencePages() {
    }

    public static List<EvidencePage> of(CandidateReview review) {
        return List.of(safety(review), fairness(review), languageParity(review), latency(review), canary(review),
                holdout(review), humanBaseline(review), metricHistory(review), triggers(review.triggers()),
                dataValidation(review));
    }

    private static String outcomeOf(CandidateReview review, Gate gate, String subject) {
        return review.gates().result(gate).findings().stream().filter(f -> f.subject().equals(subject))
                .map(f -> f.outcome().label()).findFirst().orElse("");
    }

    static EvidencePage safety(CandidateReview review) {
        String title = "Safety";
        Optional<SafetyEvidence> safety = review.evidence().safety();
        if (safety.isEmpty()) {
            return EvidencePage.missing(SAFETY, title, "The pack has no safety suite (safety.csv): the safety gate "
                    + "cannot be judged.");
        }
        SafetyEvidence evidence = safety.get();
        GatePolicy policy = review.policy();
        List<List<String>> rows = new ArrayList<>();
        for (SafetyEvidence.Category category : evidence.categories()) {
            RateEstimate production = category.rateOf(evidence.production());
            RateEstimate candidate = category.rateOf(evidence.candidate());
            rows.add(List.of(category.name(), Integer.toString(category.n()),
                    Cells.percent(production.rate()) + " " + Cells.percentInterval(production.ci()),
                    Cells.percent(candidate.rate()) + " " + Cells.percentInterval(candidate.ci()),
                    category.onlyCandidate() + " / " + category.onlyProduction(), category.test().test(),
                    GateNumbers.pValue(category.adjustedP()), Cells.percent(policy.safety().acceptedRateOf(category.name())),
                    outcomeOf(review, Gate.SAFETY, "category=" + category.name())));
        }
        EvidenceTable table = new EvidenceTable("Violation rate per category (95% Wilson intervals), McNemar on the "
                + "paired violations, Holm-adjusted over categories",
                List.of("Category", "n", "Production " + evidence.production(), "Candidate " + evidence.candidate(),
                        "Only candidate / only production", "Test", "Adjusted p", "Accepted rate", "Gate"), rows);
        return new EvidencePage(SAFETY, title, review.gates().result(Gate.SAFETY).summary(), null, List.of(table),
                EvidenceCharts.safety(evidence));
    }

    static EvidencePage fairness(CandidateReview review) {
        String title = "Fairness";
        ReviewEvidence evidence = review.evidence();
        if (evidence.fairness().isEmpty()) {
            return EvidencePage.missing(FAIRNESS, title, evidence.fairnessUnavailable() != null
                    ? evidence.fairnessUnavailable() + "."
                    : "The primary suite declares no sensitive columns (\"sensitive\" in the manifest): fairness "
                    + "cannot be measured.");
        }
        FairnessEvidence fairness = evidence.fairness().get();
        List<List<String>> groups = new ArrayList<>();
        List<List<String>> disparities = new ArrayList<>();
        for (FairnessEvidence.Attribute attribute : fairness.attributes()) {
            for (FairnessEvidence.Group group : attribute.groups()) {
                Optional<SliceResult> metric = primaryMetricOf(evidence, new SliceKey(List.of(attribute.name()),
                        List.of(group.name())));
                groups.add(List.of(attribute.name(), group.name(), Integer.toString(group.n()),
                        Long.toString(group.positives()),
                        Cells.percent(group.production().selectionRate()) + " / "
                                + Cells.percent(group.candidate().selectionRate()),
                        Cells.number(group.production().tpr()) + " / " + Cells.number(group.candidate().tpr()),
                        Cells.number(group.production().fpr()) + " / " + Cells.number(group.candidate().fpr()),
                        metric.filter(SliceResult::isAvailable).map(r -> Cells.number(r.production().value()) + " / "
                                + Cells.number(r.candidate().value())).orElse("—"),
                        attribute.excludedGroups().contains(group.name()) ? "too small, left out" : ""));
            }
            for (Disparity disparity : Disparity.values()) {
                FairnessEvidence.DisparityEstimate estimate = attribute.disparities().get(disparity);
                disparities.add(estimate.isDefined()
                        ? List.of(attribute.name(), disparity.wireName(),
                                Cells.number(estimate.production()) + " " + Cells.interval(estimate.productionCi()),
                                Cells.number(estimate.candidate()) + " " + Cells.interval(estimate.candidateCi()),
                                Cells.signed(estimate.worsening()) + " " + Cells.interval(estimate.worseningCi()),
                                Cells.number(review.policy().fairness().toleranceOf(disparity.wireName())),
                                outcomeOf(review, Gate.FAIRNESS, attribute.name() + " " + disparity.wireName()))
                        : List.of(attribute.name(), disparity.wireName(), "—", "—", "—",
                                Cells.number(review.policy().fairness().toleranceOf(disparity.wireName())),
                                outcomeOf(review, Gate.FAIRNESS, attribute.name() + " " + disparity.wireName())));
            }
        }
        String metric = evidence.primaryMetric().wireName();
        return new EvidencePage(FAIRNESS, title, "Positive class '" + fairness.positiveClass() + "': "
                + fairness.positiveClassReason() + ". " + review.gates().result(Gate.FAIRNESS).summary(), null,
                List.of(new EvidenceTable("Per group (production / candidate)", List.of("Attribute", "Group", "n",
                                "Positives", "Selection rate", "TPR", "FPR", metric, "Note"), groups),
                        new EvidenceTable("Disparities with paired, group-stratified bootstrap 95% intervals",
                                List.of("Attribute", "Disparity", "Production", "Candidate", "Worse by", "Tolerance",
                                        "Gate"), disparities)), null);
    }

    private static Optional<SliceResult> primaryMetricOf(ReviewEvidence evidence, SliceKey slice) {
        return evidence.primaryComparison().resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> r.slice().equals(slice)).findFirst();
    }

    static EvidencePage languageParity(CandidateReview review) {
        String title = "Language parity";
        ReviewEvidence evidence = review.evidence();
        if (evidence.languageComparison().isEmpty()) {
            return EvidencePage.missing(LANGUAGE_PARITY, title, "The primary suite has no '"
                    + review.policy().languageParity().column() + "' column: language parity cannot be judged.");
        }
        ComparisonReport report = evidence.languageComparison().get();
        List<SliceResult> languages = report.resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> !r.slice().isOverall()).toList();
        return new EvidencePage(LANGUAGE_PARITY, title, review.gates().result(Gate.LANGUAGE_PARITY).summary(), null,
                List.of(comparisonTable(evidence.primaryMetric().wireName() + " per language, paired with production, "
                        + "adjusted over " + report.correctedTests() + " tests (Holm)", languages,
                        r -> outcomeOf(review, Gate.LANGUAGE_PARITY, r.slice().label()))),
                EvidenceCharts.perSlice(evidence.primaryMetric(), languages, review.policy().languageParity().floor()));
    }

    /** Comparison rows per slice; {@code gateColumn} adds the gate's outcome per slice, or null for none. */
    private static EvidenceTable comparisonTable(String caption, List<SliceResult> results,
                                                 Function<SliceResult, String> gateColumn) {
        List<List<String>> rows = new ArrayList<>();
        for (SliceResult r : results) {
            List<String> row = new ArrayList<>(r.isAvailable()
                    ? List.of(r.slice().label(), Integer.toString(r.n()), Cells.number(r.production().value()),
                            Cells.number(r.candidate().value()), Cells.signed(r.delta()) + " " + Cells.interval(r.deltaCi()),
                            r.adjustedP() == null ? "—" : GateNumbers.pValue(r.adjustedP()), r.verdict().label())
                    : List.of(r.slice().label(), Integer.toString(r.n()), "—", "—", "—", "—",
                            "unavailable: " + r.unavailableReason()));
            if (gateColumn != null) {
                row.add(gateColumn.apply(r));
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of("Slice", "n", "Production", "Candidate", "Δ [95% CI]",
                "Adjusted p", "Verdict"));
        if (gateColumn != null) {
            columns.add("Gate");
        }
        return new EvidenceTable(caption, columns, rows);
    }

    static EvidencePage latency(CandidateReview review) {
        String title = "Latency";
        Optional<LatencyEvidence> latency = review.evidence().latency();
        if (latency.isEmpty()) {
            return EvidencePage.missing(LATENCY, title, "The pack has no latency suite (latency.csv): the SLO cannot "
                    + "be checked.");
        }
        List<List<String>> rows = new ArrayList<>();
        latency.get().byVersion().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            LatencyEvidence.Summary s = entry.getValue();
            rows.add(List.of(entry.getKey(), Integer.toString(s.n()),
                    Cells.millis(s.p50().millis()) + " " + Cells.millisInterval(s.p50().ci()),
                    Cells.millis(s.p95().millis()) + " " + Cells.millisInterval(s.p95().ci()),
                    Cells.millis(s.p99().millis()) + " " + Cells.millisInterval(s.p99().ci())));
        });
        GatePolicy.Latency slo = review.policy().latency();
        return new EvidencePage(LATENCY, title, review.gates().result(Gate.LATENCY).summary() + " — SLO p95 "
                + Cells.millis(slo.p95Ms()) + ", p99 " + Cells.millis(slo.p99Ms()) + ".", null,
                List.of(new EvidenceTable("Percentiles with distribution-free 95% intervals (order statistics)",
                        List.of("Version", "n", "p50", "p95", "p99"), rows)),
                EvidenceCharts.latency(review.evidence().suites().latency().orElseThrow(), slo));
    }

    static EvidencePage canary(CandidateReview review) {
        String title = "Canary / A-B";
        if (review.evidence().suites().canary().isEmpty()) {
            return EvidencePage.missing(CANARY, title, "The pack has no canary run (canary.csv).");
        }
        Optional<CanaryEvidence> canary = review.evidence().canary();
        if (canary.isEmpty()) {
            return EvidencePage.missing(CANARY, title, review.gates().result(Gate.CANARY).summary());
        }
        CanaryEvidence c = canary.get();
        List<List<String>> rows = List.of(
                List.of("production " + c.production(), Long.toString(c.productionRate().n()),
                        Long.toString(c.productionRate().count()), Cells.percent(c.productionRate().rate()) + " "
                                + Cells.percentInterval(c.productionRate().ci())),
                List.of("candidate " + c.candidate(), Long.toString(c.candidateRate().n()),
                        Long.toString(c.candidateRate().count()), Cells.percent(c.candidateRate().rate()) + " "
                                + Cells.percentInterval(c.candidateRate().ci())),
                List.of("lift (candidate − production)", "", "", Cells.signed(c.lift() * 100) + " points "
                        + String.format(Locale.ROOT, "[%+.2f, %+.2f]", c.liftCi().lower() * 100,
                        c.liftCi().upper() * 100)));
        return new EvidencePage(CANARY, title, review.gates().result(Gate.CANARY).summary(), null,
                List.of(new EvidenceTable("Success rate over the run (Wilson); lift with Newcombe's interval",
                        List.of("Model", "Requests", "Successes", "Success rate"), rows)),
                EvidenceCharts.canary(c));
    }

    static EvidencePage holdout(CandidateReview review) {
        String title = "Holdout";
        ReviewEvidence evidence = review.evidence();
        if (evidence.holdoutComparison().isEmpty() && evidence.holdoutGroup().isEmpty()) {
            return EvidencePage.missing(HOLDOUT, title, "The pack has neither a held-out evaluation set (holdout) nor a "
                    + "persistent holdout group (holdoutGroup).");
        }
        List<EvidenceTable> tables = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        evidence.holdoutComparison().ifPresentOrElse(report -> {
            List<SliceResult> results = report.resultsFor(evidence.primaryMetric()).stream()
                    .filter(r -> r.slice().dimensions().size() <= 1).toList();
            tables.add(comparisonTable("Held-out evaluation set: " + evidence.primaryMetric().wireName()
                    + ", compared like the primary suite", results, null));
            results.stream().filter(r -> r.slice().isOverall() && r.isAvailable()).findFirst().ifPresent(r ->
                    parts.add("Held-out set: Δ " + Cells.signed(r.delta()) + " " + Cells.interval(r.deltaCi()) + ", "
                            + r.verdict().label() + "."));
        }, () -> parts.add("No held-out evaluation set."));
        JFreeChart chart = null;
        if (evidence.holdoutGroup().isPresent()) {
            HoldoutGroupEvidence group = evidence.holdoutGroup().get();
            List<List<String>> rows = new ArrayList<>();
            group.points().forEach(p -> rows.add(List.of(p.date().toString(), Cells.number(p.holdout()),
                    Long.toString(p.holdoutN()), Cells.number(p.treated()), Long.toString(p.treatedN()),
                    Cells.signed(p.gap()))));
            tables.add(new EvidenceTable("Persistent holdout group vs treated population",
                    List.of("Date", "Holdout", "n", "Treated", "n", "Gap (treated − holdout)"), rows));
            if (!group.points().isEmpty()) {
                var first = group.points().get(0);
                var last = group.points().get(group.points().size() - 1);
                parts.add("Holdout group: gap " + Cells.signed(first.gap()) + " on " + first.date() + ", "
                        + Cells.signed(last.gap()) + " on " + last.date() + ".");
            }
            chart = EvidenceCharts.holdoutGroup(group);
        } else {
            parts.add("No persistent holdout group.");
        }
        return new EvidencePage(HOLDOUT, title, String.join(" ", parts), null, tables, chart);
    }

    static EvidencePage humanBaseline(CandidateReview review) {
        String title = "Human baseline";
        Optional<HumanBaselineEvidence> baseline = review.evidence().humanBaseline();
        if (baseline.isEmpty()) {
            return EvidencePage.missing(HUMAN_BASELINE, title, "The pack has no human baseline (human_baseline.csv).");
        }
        HumanBaselineEvidence h = baseline.get();
        List<List<String>> accuracy = new ArrayList<>();
        accuracy.add(List.of("human", Cells.percent(h.humanAccuracy().rate()) + " "
                + Cells.percentInterval(h.humanAccuracy().ci()), "—"));
        h.modelAccuracy().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> accuracy.add(List.of(
                "model " + e.getKey(), Cells.percent(e.getValue().rate()) + " " + Cells.percentInterval(e.getValue().ci()),
                Cells.number(h.kappaWithHuman().get(e.getKey())))));
        List<String> versions = h.modelAccuracy().keySet().stream().sorted().toList();
        List<String> columns = new ArrayList<>(List.of("Example", "Label", "Human"));
        versions.forEach(v -> columns.add("Model " + v));
        List<List<String>> disagreements = new ArrayList<>();
        for (HumanBaselineEvidence.Disagreement d : h.disagreements()) {
            List<String> row = new ArrayList<>(List.of(d.exampleId(), d.label(), d.human()));
            versions.forEach(v -> row.add(d.predictions().get(v)));
            disagreements.add(row);
        }
        String candidate = review.gates().candidate();
        return new EvidencePage(HUMAN_BASELINE, title, "Humans " + Cells.percent(h.humanAccuracy().rate())
                + " vs candidate " + Cells.percent(h.modelAccuracy().get(candidate).rate()) + " accurate on "
                + h.humanAccuracy().n() + " examples; they disagree on " + h.disagreements().size() + ".", null,
                List.of(new EvidenceTable("Accuracy (95% Wilson intervals) and Cohen's kappa with the human",
                                List.of("Who", "Accuracy", "Kappa with human"), accuracy),
                        new EvidenceTable("Examples where the human and candidate " + candidate + " disagree", columns,
                                disagreements)), null);
    }

    static EvidencePage metricHistory(CandidateReview review) {
        String title = "Metric history";
        Optional<List<MetricHistoryPoint>> history = review.evidence().metricHistory();
        if (history.isEmpty() || history.get().isEmpty()) {
            return EvidencePage.missing(METRIC_HISTORY, title, "The pack has no metric history (metric_history.csv): "
                    + "the circuit breaker cannot be judged.");
        }
        List<List<String>> rows = history.get().stream().sorted((a, b) -> a.date().compareTo(b.date()))
                .map(p -> List.of(p.version(), p.date().toString(), Cells.number(p.value()))).toList();
        Metric metric = review.evidence().primaryMetric();
        Finding breaker = review.gates().result(Gate.CIRCUIT_BREAKER).findings().get(0);
        return new EvidencePage(METRIC_HISTORY, title, review.gates().result(Gate.CIRCUIT_BREAKER).summary(), null,
                List.of(new EvidenceTable("Past production models' " + metric.wireName(),
                        List.of("Version", "Date", metric.wireName()), rows)),
                EvidenceCharts.history(metric, history.get(), breaker.numbers().get("candidate"),
                        breaker.numbers().get("best"), review.policy().circuitBreaker().margin()));
    }

    static EvidencePage triggers(RetrainingAssessment assessment) {
        List<List<String>> triggers = assessment.triggers().stream()
                .map(t -> List.of(t.trigger().title(), t.state().label(), t.detail())).toList();
        List<List<String>> drift = new ArrayList<>();
        for (FeatureDrift f : assessment.drift()) {
            drift.add(List.of(f.feature(), f.numeric() ? "numeric" : "categorical", f.referenceN() + " / " + f.currentN(),
                    Cells.number(f.psi()), f.band(), f.test(), Cells.number(f.statistic()), GateNumbers.pValue(f.pValue()),
                    GateNumbers.pValue(f.adjustedP()), f.drifted() ? "drifted" : "—"));
        }
        List<EvidenceTable> tables = new ArrayList<>();
        tables.add(new EvidenceTable("Retraining triggers", List.of("Trigger", "State", "Evidence"), triggers));
        if (!drift.isEmpty()) {
            tables.add(new EvidenceTable("Drift per feature, reference vs current (Holm-adjusted over features)",
                    List.of("Feature", "Kind", "n (reference / current)", "PSI", "Band", "Test", "Statistic", "p",
                            "Adjusted p", "Drift"), drift));
        }
        return new EvidencePage(TRIGGERS, "Retraining triggers", "Suggested decision, for a person to confirm: "
                + assessment.suggestion().label() + " — " + assessment.rationale() + ".", null, tables,
                EvidenceCharts.feedback(assessment.feedback()));
    }

    static EvidencePage dataValidation(CandidateReview review) {
        List<List<String>> rows = new ArrayList<>();
        for (GateResult gate : review.gates().gates()) {
            if (gate.gate().kind() == Gate.Kind.DATA_VALIDATION) {
                gate.findings().forEach(f -> rows.add(List.of(gate.gate().title(), f.subject(), f.outcome().label(),
                        f.detail())));
            }
        }
        long blocking = review.gates().gates().stream().filter(g -> g.gate().kind() == Gate.Kind.DATA_VALIDATION
                && g.outcome().blocksPromotion()).count();
        return new EvidencePage(DATA_VALIDATION, "Data validation", blocking == 0
                ? "Every data-validation gate passes or does not apply."
                : blocking + " data-validation gate(s) fail or lack evidence.", null,
                List.of(new EvidenceTable("Schema, volume, contamination and label quality",
                        List.of("Gate", "Checked", "Outcome", "Detail"), rows)), null);
    }
}
