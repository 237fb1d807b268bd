package org.verdict.ui.suites;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
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
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.triggers.FeatureDrift;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.MetricFormat;

/**
 * Builds the evidence pages of a candidate review, one per suite, in the order of the Evidence view. Pure: no
 * JavaFX, so the pages are tested with plain JUnit and built off the FX thread.
 */
public final class EvidencePages {
    private final ResourceBundle text;

    /** @param text the gates bundle ({@code org.verdict.ui.gates.gates}) */
    public EvidencePages(ResourceBundle text) {
        this.text = text;
    }

    public List<EvidencePage> of(CandidateReview review) {
        return List.of(safety(review), fairness(review), languageParity(review), latency(review), canary(review),
                holdout(review), humanBaseline(review), metricHistory(review), triggers(review.triggers()),
                dataValidation(review)).stream().map(page -> declared(page, review)).toList();
    }

    /**
     * A page whose suite is missing because the policy declares its gate not applicable says so first, so that
     * "cannot be judged" is not read as a gap in a pack whose team has explained it.
     */
    private EvidencePage declared(EvidencePage page, CandidateReview review) {
        if (page.isPresent()) {
            return page;
        }
        return review.gates().gates().stream()
                .filter(g -> g.notApplicableReason() != null && g.gate().evidencePage() == page.id())
                .findFirst()
                .map(g -> new EvidencePage(page.id(), page.title(), page.summary(), t("evidence.declared",
                        g.gate().title(), g.notApplicableReason()) + " " + page.missing(), page.tables(),
                        page.charts()))
                .orElse(page);
    }

    private String t(String key, Object... arguments) {
        return MessageFormat.format(text.getString(key), arguments);
    }

    private String title(EvidencePageId page) {
        return text.getString("evidence.page." + page.id());
    }

    private static String outcomeOf(CandidateReview review, Gate gate, String subject) {
        return review.gates().result(gate).findings().stream().filter(f -> f.subject().equals(subject))
                .map(f -> f.outcome().label()).findFirst().orElse("");
    }

    EvidencePage safety(CandidateReview review) {
        String title = title(EvidencePageId.SAFETY);
        Optional<SafetyEvidence> safety = review.evidence().safety();
        if (safety.isEmpty()) {
            return EvidencePage.missing(EvidencePageId.SAFETY, title, t("evidence.safety.missing"));
        }
        SafetyEvidence evidence = safety.get();
        GatePolicy policy = review.policy();
        List<List<String>> rows = new ArrayList<>();
        for (SafetyEvidence.Category category : evidence.categories()) {
            RateEstimate production = category.rateOf(evidence.production());
            RateEstimate candidate = category.rateOf(evidence.candidate());
            rows.add(List.of(category.name(), Cells.count(category.n()),
                    Cells.percent(production.rate()) + " " + Cells.percentInterval(production.ci()),
                    Cells.percent(candidate.rate()) + " " + Cells.percentInterval(candidate.ci()),
                    category.onlyCandidate() + " / " + category.onlyProduction(), category.test().test(),
                    GateNumbers.pValue(category.adjustedP()), Cells.percent(policy.safety().acceptedRateOf(category.name())),
                    outcomeOf(review, Gate.SAFETY, "category=" + category.name())));
        }
        EvidenceTable table = new EvidenceTable(t("evidence.safety.caption"),
                List.of(t("col.category"), t("col.n"), t("col.production", evidence.production()),
                        t("col.candidate", evidence.candidate()), t("col.discordant"), t("col.test"),
                        t("col.adjustedP"), t("col.acceptedRate"), t("col.gate")), rows);
        return new EvidencePage(EvidencePageId.SAFETY, title, review.gates().result(Gate.SAFETY).summary(), null, List.of(table),
                EvidenceCharts.safety(evidence, policy.safety()));
    }

    EvidencePage fairness(CandidateReview review) {
        String title = title(EvidencePageId.FAIRNESS);
        ReviewEvidence evidence = review.evidence();
        if (evidence.fairness().isEmpty()) {
            return EvidencePage.missing(EvidencePageId.FAIRNESS, title, evidence.fairnessUnavailable() != null
                    ? evidence.fairnessUnavailable() + "."
                    : t("evidence.fairness.missing"));
        }
        FairnessEvidence fairness = evidence.fairness().get();
        List<List<String>> groups = new ArrayList<>();
        List<List<String>> disparities = new ArrayList<>();
        for (FairnessEvidence.Attribute attribute : fairness.attributes()) {
            for (FairnessEvidence.Group group : attribute.groups()) {
                Optional<SliceResult> metric = primaryMetricOf(evidence, new SliceKey(List.of(attribute.name()),
                        List.of(group.name())));
                groups.add(List.of(attribute.name(), group.name(), Cells.count(group.n()),
                        Cells.count(group.positives()),
                        Cells.percent(group.production().selectionRate()) + " "
                                + Cells.percentInterval(group.production().selectionCi()),
                        Cells.percent(group.candidate().selectionRate()) + " "
                                + Cells.percentInterval(group.candidate().selectionCi()),
                        Cells.number(group.production().tpr()) + " / " + Cells.number(group.candidate().tpr()),
                        Cells.number(group.production().fpr()) + " / " + Cells.number(group.candidate().fpr()),
                        metric.filter(SliceResult::isAvailable).map(r -> Cells.number(r.production().value()) + " / "
                                + Cells.number(r.candidate().value())).orElse("—"),
                        attribute.excludedGroups().contains(group.name()) ? t("evidence.fairness.leftOut") : ""));
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
        List<String> fairnessVersions = List.of(review.gates().production(), review.gates().candidate());
        return new EvidencePage(EvidencePageId.FAIRNESS, title, t("evidence.fairness.summary", fairness.positiveClass(),
                fairness.positiveClassReason(), review.gates().result(Gate.FAIRNESS).summary()), null,
                List.of(new EvidenceTable(t("evidence.fairness.groups"), List.of(t("col.attribute"), t("col.group"),
                                t("col.n"), t("col.positives"), t("col.selectionRateOf", t("col.production",
                                        fairnessVersions.get(0))), t("col.selectionRateOf", t("col.candidate",
                                        fairnessVersions.get(1))), "TPR", "FPR", metric, t("col.note")), groups),
                        new EvidenceTable(t("evidence.fairness.disparities"), List.of(t("col.attribute"),
                                t("col.disparity"), t("col.production", ""), t("col.candidate", ""), t("col.worseBy"),
                                t("col.tolerance"), t("col.gate")), disparities)),
                fairness.attributes().stream().map(a -> EvidenceCharts.selectionRates(a, fairnessVersions.get(0),
                        fairnessVersions.get(1))).toList());
    }

    private static Optional<SliceResult> primaryMetricOf(ReviewEvidence evidence, SliceKey slice) {
        return evidence.primaryComparison().resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> r.slice().equals(slice)).findFirst();
    }

    EvidencePage languageParity(CandidateReview review) {
        String title = title(EvidencePageId.LANGUAGE_PARITY);
        ReviewEvidence evidence = review.evidence();
        if (evidence.languageComparison().isEmpty()) {
            return EvidencePage.missing(EvidencePageId.LANGUAGE_PARITY, title, t("evidence.language.missing",
                    review.policy().languageParity().column()));
        }
        ComparisonReport report = evidence.languageComparison().get();
        List<SliceResult> languages = report.resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> !r.slice().isOverall()).toList();
        return new EvidencePage(EvidencePageId.LANGUAGE_PARITY, title, review.gates().result(Gate.LANGUAGE_PARITY).summary(), null,
                List.of(comparisonTable(t("evidence.language.caption", evidence.primaryMetric().wireName(),
                        report.correctedTests()), languages,
                        r -> outcomeOf(review, Gate.LANGUAGE_PARITY, r.slice().label()))),
                List.of(EvidenceCharts.perSlice(evidence.primaryMetric(), languages, review.gates().production(),
                        review.gates().candidate(), review.policy().languageParity().floor())));
    }

    /** Comparison rows per slice; {@code gateColumn} adds the gate's outcome per slice, or null for none. */
    private EvidenceTable comparisonTable(String caption, List<SliceResult> results,
                                                 Function<SliceResult, String> gateColumn) {
        List<List<String>> rows = new ArrayList<>();
        for (SliceResult r : results) {
            // a model whose metric is defined keeps its value even when the other's, and so Δ, is not
            List<String> row = new ArrayList<>(List.of(r.slice().label(), Cells.count(r.n()),
                    withInterval(r.metric(), r.production()), withInterval(r.metric(), r.candidate()),
                    r.delta() == null ? "—" : delta(r),
                    r.adjustedP() == null ? "—" : GateNumbers.pValue(r.adjustedP()),
                    r.isAvailable() ? r.verdictLabel() : t("evidence.unavailable", r.unavailableReason())));
            if (gateColumn != null) {
                row.add(gateColumn.apply(r));
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of(t("col.slice"), t("col.n"), t("col.withCi", t("col.production",
                "").trim()), t("col.withCi", t("col.candidate", "").trim()), t("col.delta"), t("col.adjustedP"), t("col.verdict")));
        if (gateColumn != null) {
            columns.add(t("col.gate"));
        }
        return new EvidenceTable(caption, columns, rows);
    }

    private static String withInterval(Metric metric, MetricEstimate estimate) {
        if (estimate == null) {
            return "—";
        }
        MetricFormat numbers = MetricFormat.of(metric);
        return estimate.ci() == null ? numbers.value(estimate.value())
                : numbers.estimate(estimate.value(), estimate.ci().lower(), estimate.ci().upper());
    }

    private static String delta(SliceResult result) {
        MetricFormat numbers = MetricFormat.of(result.metric());
        return result.deltaCi() == null ? numbers.signed(result.delta())
                : numbers.delta(result.delta(), result.deltaCi().lower(), result.deltaCi().upper());
    }

    EvidencePage latency(CandidateReview review) {
        String title = title(EvidencePageId.LATENCY);
        Optional<LatencyEvidence> latency = review.evidence().latency();
        if (latency.isEmpty()) {
            return EvidencePage.missing(EvidencePageId.LATENCY, title, t("evidence.latency.missing"));
        }
        String production = review.gates().production();
        String candidate = review.gates().candidate();
        List<List<String>> rows = new ArrayList<>();
        latency.get().byVersion().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            LatencyEvidence.Summary s = entry.getValue();
            rows.add(List.of(roleOf(review, entry.getKey()), Cells.count(s.n()),
                    Cells.millis(s.p50().millis()) + " " + Cells.millisInterval(s.p50().ci()),
                    Cells.millis(s.p95().millis()) + " " + Cells.millisInterval(s.p95().ci()),
                    Cells.millis(s.p99().millis()) + " " + Cells.millisInterval(s.p99().ci())));
        });
        GatePolicy.Latency slo = review.policy().latency();
        return new EvidencePage(EvidencePageId.LATENCY, title, t("evidence.latency.summary",
                review.gates().result(Gate.LATENCY).summary(), Cells.millis(slo.p95Ms()), Cells.millis(slo.p99Ms())),
                null,
                List.of(new EvidenceTable(t("evidence.latency.caption"),
                        List.of(t("col.version"), t("col.n"), "p50", "p95", "p99"), rows)),
                List.of(EvidenceCharts.percentiles(latency.get(), production, candidate, slo),
                        EvidenceCharts.latency(review.evidence().suites().latency().orElseThrow(), production,
                                candidate, slo)));
    }

    EvidencePage canary(CandidateReview review) {
        String title = title(EvidencePageId.CANARY);
        if (review.evidence().suites().canary().isEmpty()) {
            return EvidencePage.missing(EvidencePageId.CANARY, title, t("evidence.canary.missing"));
        }
        Optional<CanaryEvidence> canary = review.evidence().canary();
        if (canary.isEmpty()) {
            return EvidencePage.missing(EvidencePageId.CANARY, title, review.gates().result(Gate.CANARY).summary());
        }
        CanaryEvidence c = canary.get();
        List<List<String>> rows = List.of(
                List.of(t("evidence.canary.production", c.production()), Cells.count(c.productionRate().n()),
                        Cells.count(c.productionRate().count()), Cells.percent(c.productionRate().rate()) + " "
                                + Cells.percentInterval(c.productionRate().ci())),
                List.of(t("evidence.canary.candidate", c.candidate()), Cells.count(c.candidateRate().n()),
                        Cells.count(c.candidateRate().count()), Cells.percent(c.candidateRate().rate()) + " "
                                + Cells.percentInterval(c.candidateRate().ci())),
                List.of(t("evidence.canary.lift"), "", "", t("evidence.canary.liftValue",
                        Cells.signed(c.lift() * 100), String.format(Locale.ROOT, "[%+.2f, %+.2f]",
                                c.liftCi().lower() * 100, c.liftCi().upper() * 100))));
        return new EvidencePage(EvidencePageId.CANARY, title, review.gates().result(Gate.CANARY).summary(), null,
                List.of(new EvidenceTable(t("evidence.canary.caption"),
                        List.of(t("col.model"), t("col.requests"), t("col.successes"), t("col.successRate")), rows)),
                List.of(EvidenceCharts.canary(c, review.policy().confidenceLevel())));
    }

    EvidencePage holdout(CandidateReview review) {
        String title = title(EvidencePageId.HOLDOUT);
        ReviewEvidence evidence = review.evidence();
        if (evidence.holdoutComparison().isEmpty() && evidence.holdoutGroup().isEmpty()) {
            return EvidencePage.missing(EvidencePageId.HOLDOUT, title, t("evidence.holdout.missing"));
        }
        List<EvidenceTable> tables = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        evidence.holdoutComparison().ifPresentOrElse(report -> {
            List<SliceResult> results = report.resultsFor(evidence.primaryMetric()).stream()
                    .filter(r -> r.slice().dimensions().size() <= 1).toList();
            tables.add(comparisonTable(t("evidence.holdout.caption", evidence.primaryMetric().wireName()),
                    results, null));
            results.stream().filter(r -> r.slice().isOverall() && r.isAvailable()).findFirst().ifPresent(r ->
                    parts.add(t("evidence.holdout.summary", Cells.signed(r.delta()), Cells.interval(r.deltaCi()),
                            r.verdict().label())));
        }, () -> parts.add(t("evidence.holdout.none")));
        List<JFreeChart> charts = new ArrayList<>();
        if (evidence.holdoutGroup().isPresent()) {
            HoldoutGroupEvidence group = evidence.holdoutGroup().get();
            List<List<String>> rows = new ArrayList<>();
            group.points().forEach(p -> rows.add(List.of(p.date().toString(), Cells.number(p.holdout()),
                    Cells.count(p.holdoutN()), Cells.number(p.treated()), Cells.count(p.treatedN()),
                    Cells.signed(p.gap()))));
            tables.add(new EvidenceTable(t("evidence.holdoutGroup.caption"),
                    List.of(t("col.date"), t("col.holdout"), t("col.n"), t("col.treated"), t("col.n"), t("col.gap")),
                    rows));
            if (!group.points().isEmpty()) {
                var first = group.points().get(0);
                var last = group.points().get(group.points().size() - 1);
                parts.add(t("evidence.holdoutGroup.summary", Cells.signed(first.gap()), first.date().toString(),
                        Cells.signed(last.gap()), last.date().toString()));
            }
            charts.add(EvidenceCharts.holdoutGroup(group));
        } else {
            parts.add(t("evidence.holdoutGroup.none"));
        }
        return new EvidencePage(EvidencePageId.HOLDOUT, title, String.join(" ", parts), null, tables, charts);
    }

    EvidencePage humanBaseline(CandidateReview review) {
        String title = title(EvidencePageId.HUMAN_BASELINE);
        Optional<HumanBaselineEvidence> baseline = review.evidence().humanBaseline();
        if (baseline.isEmpty()) {
            return EvidencePage.missing(EvidencePageId.HUMAN_BASELINE, title, t("evidence.human.missing"));
        }
        HumanBaselineEvidence h = baseline.get();
        List<List<String>> accuracy = new ArrayList<>();
        accuracy.add(List.of(t("col.human"), Cells.count(h.humanAccuracy().n()),
                Cells.percent(h.humanAccuracy().rate()) + " " + Cells.percentInterval(h.humanAccuracy().ci()), "—"));
        h.modelAccuracy().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> accuracy.add(List.of(
                roleOf(review, e.getKey()), Cells.count(e.getValue().n()),
                Cells.percent(e.getValue().rate()) + " " + Cells.percentInterval(e.getValue().ci()),
                Cells.number(h.kappaWithHuman().get(e.getKey())))));
        List<String> versions = h.modelAccuracy().keySet().stream().sorted().toList();
        List<String> columns = new ArrayList<>(List.of(t("col.example"), t("col.label"), t("col.human")));
        versions.forEach(v -> columns.add(roleOf(review, v)));
        List<List<String>> disagreements = new ArrayList<>();
        for (HumanBaselineEvidence.Disagreement d : h.disagreements()) {
            List<String> row = new ArrayList<>(List.of(d.exampleId(), d.label(), d.human()));
            versions.forEach(v -> row.add(d.predictions().get(v)));
            disagreements.add(row);
        }
        String candidate = review.gates().candidate();
        return new EvidencePage(EvidencePageId.HUMAN_BASELINE, title, t("evidence.human.summary",
                Cells.percent(h.humanAccuracy().rate()), Cells.percent(h.modelAccuracy().get(candidate).rate()),
                Cells.count(h.humanAccuracy().n()), Cells.count(h.disagreements().size())), null,
                List.of(new EvidenceTable(t("evidence.human.accuracy"),
                                List.of(t("col.who"), t("col.n"), t("col.accuracy"), t("col.kappa")), accuracy),
                        new EvidenceTable(t("evidence.human.disagreements", candidate), columns,
                                disagreements)), List.of());
    }

    /** "production 42", "candidate 43", or the bare version of another candidate of the pack. */
    private static String roleOf(CandidateReview review, String version) {
        return version.equals(review.gates().production()) ? EvidenceCharts.production(version)
                : version.equals(review.gates().candidate()) ? EvidenceCharts.candidate(version) : version;
    }

    EvidencePage metricHistory(CandidateReview review) {
        String title = title(EvidencePageId.METRIC_HISTORY);
        Optional<List<MetricHistoryPoint>> history = review.evidence().metricHistory();
        if (history.isEmpty() || history.get().isEmpty()) {
            return EvidencePage.missing(EvidencePageId.METRIC_HISTORY, title, t("evidence.history.missing"));
        }
        List<List<String>> rows = history.get().stream().sorted((a, b) -> a.date().compareTo(b.date()))
                .map(p -> List.of(p.version(), p.date().toString(), Cells.number(p.value()))).toList();
        Metric metric = review.evidence().primaryMetric();
        Finding breaker = review.gates().result(Gate.CIRCUIT_BREAKER).findings().get(0);
        return new EvidencePage(EvidencePageId.METRIC_HISTORY, title, review.gates().result(Gate.CIRCUIT_BREAKER).summary(), null,
                List.of(new EvidenceTable(t("evidence.history.caption", metric.wireName()),
                        List.of(t("col.version"), t("col.date"), metric.wireName()), rows)),
                List.of(EvidenceCharts.history(metric, history.get(), breaker.numbers().get("candidate"),
                        breaker.numbers().get("best"), review.policy().circuitBreaker().margin())));
    }

    EvidencePage triggers(RetrainingAssessment assessment) {
        List<List<String>> triggers = assessment.triggers().stream()
                .map(t -> List.of(t.trigger().title(), t.state().label(), t.detail())).toList();
        List<List<String>> drift = new ArrayList<>();
        for (FeatureDrift f : assessment.drift()) {
            drift.add(List.of(f.feature(), f.numeric() ? "numeric" : "categorical", f.referenceN() + " / " + f.currentN(),
                    Cells.number(f.psi()), f.band(), f.test(), Cells.number(f.statistic()), GateNumbers.pValue(f.pValue()),
                    GateNumbers.pValue(f.adjustedP()), f.drifted() ? "drifted" : "—"));
        }
        List<EvidenceTable> tables = new ArrayList<>();
        tables.add(new EvidenceTable(title(EvidencePageId.TRIGGERS), List.of(t("col.trigger"), t("col.state"),
                t("col.evidence")), triggers));
        if (!drift.isEmpty()) {
            tables.add(new EvidenceTable(t("evidence.drift.caption"),
                    List.of(t("col.feature"), t("col.kind"), t("col.driftN"), "PSI", t("col.band"), t("col.test"),
                            t("col.statistic"), "p", t("col.adjustedP"), t("col.drift")), drift));
        }
        return new EvidencePage(EvidencePageId.TRIGGERS, title(EvidencePageId.TRIGGERS), t("evidence.triggers.summary",
                assessment.suggestion().label(), assessment.rationale()), null, tables,
                Stream.ofNullable(EvidenceCharts.feedback(assessment.feedback())).toList());
    }

    EvidencePage dataValidation(CandidateReview review) {
        List<List<String>> rows = new ArrayList<>();
        for (GateResult gate : review.gates().gates()) {
            if (gate.gate().kind() == Gate.Kind.DATA_VALIDATION) {
                gate.findings().forEach(f -> rows.add(List.of(gate.gate().title(), f.subject(), f.outcome().label(),
                        f.detail())));
            }
        }
        long blocking = review.gates().gates().stream().filter(g -> g.gate().kind() == Gate.Kind.DATA_VALIDATION
                && g.outcome().blocksPromotion()).count();
        return new EvidencePage(EvidencePageId.DATA_VALIDATION, title(EvidencePageId.DATA_VALIDATION), blocking == 0
                ? t("evidence.validation.pass") : t("evidence.validation.blocked", blocking), null,
                List.of(new EvidenceTable(t("evidence.validation.caption"),
                        List.of(t("col.gate"), t("col.checked"), t("col.outcome"), t("col.detail")), rows)), List.of());
    }
}
