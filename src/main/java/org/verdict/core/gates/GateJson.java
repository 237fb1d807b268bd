package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.compare.SliceCoverage;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.GroupChange;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.triggers.FeatureDrift;
import org.verdict.core.gates.triggers.RetrainingAssessment;
import org.verdict.core.gates.triggers.TriggerResult;
import org.verdict.core.stats.Interval;

/**
 * The JSON shape of a gate review (documented in {@code docs/gates.md}), as plain maps and lists that any JSON
 * writer serialises; shared by {@code verdict gate --json} and approval reports.
 */
public final class GateJson {
    private GateJson() {
    }

    public static Map<String, Object> of(CandidateReview review) {
        GateEvaluation evaluation = review.gates();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pack", evaluation.packName());
        json.put("production", evaluation.production());
        json.put("candidate", evaluation.candidate());
        json.put("riskTier", evaluation.riskTier());
        // the unit of the primary metric's numbers (findings, worse slices) when it is mae or rmse
        review.evidence().targetUnit().written().filter(unit -> review.evidence().primaryMetric().inTargetUnits())
                .ifPresent(unit -> json.put("targetUnit", unit));
        json.put("everyGatePasses", evaluation.everyGatePasses());
        json.put("gates", evaluation.gates().stream().map(GateJson::gate).toList());
        ApprovalRequirement approval = evaluation.approval();
        Map<String, Object> approvalJson = new LinkedHashMap<>();
        approvalJson.put("approvers", approval.approvers());
        approvalJson.put("automatic", approval.automatic());
        approvalJson.put("blocked", approval.blocked());
        approvalJson.put("text", approval.text());
        // the gates no outcome was judged for, so a passing approval is read with what it did not look at
        approvalJson.put("notEvaluated", evaluation.gates().stream().filter(g -> g.notEvaluatedBecause() != null)
                .map(g -> {
                    Map<String, Object> gate = new LinkedHashMap<>();
                    gate.put("gate", g.gate().wireName());
                    gate.put("title", g.gate().title());
                    gate.put("because", g.notEvaluatedBecause());
                    return gate;
                }).toList());
        json.put("approval", approvalJson);
        json.put("missingSuites", evaluation.missingSuites());
        json.put("worseSlices", review.evidence().worseSlices().stream().map(GateJson::worseSlice).toList());
        // "no slice is worse" speaks only for the slices tested: a reader of the JSON gets the count and the rest
        SliceCoverage coverage = review.evidence().primaryComparison().sliceCoverage(review.evidence().primaryMetric());
        Map<String, Object> coverageJson = new LinkedHashMap<>();
        coverageJson.put("slices", coverage.slices());
        coverageJson.put("tested", coverage.tested());
        coverageJson.put("untested", coverage.untested().stream().map(slice -> {
            Map<String, Object> untested = new LinkedHashMap<>();
            untested.put("slice", slice.slice().label());
            untested.put("n", slice.n());
            untested.put("delta", slice.delta());
            untested.put("reason", slice.verdictLabel());
            return untested;
        }).toList());
        coverageJson.put("text", review.evidence().worseFindings().slicesHeading());
        json.put("sliceCoverage", coverageJson);
        json.put("worseOverall", review.evidence().worseOverall().stream().map(finding -> {
            SliceResult result = finding.result();
            Map<String, Object> worse = new LinkedHashMap<>();
            worse.put("subject", finding.subject());
            worse.put("metric", result.metric().wireName());
            worse.put("n", result.n());
            worse.put("delta", result.delta());
            worse.put("ciLower", result.deltaCi().lower());
            worse.put("ciUpper", result.deltaCi().upper());
            worse.put("pValue", result.pValue());
            worse.put("adjustedP", result.adjustedP());
            worse.put("text", finding.line());
            return worse;
        }).toList());
        // no gate reads the held-out set, so what it shows worse is a finding of its own
        json.put("heldOutWorse", review.evidence().heldOutWorse().stream().map(slice -> {
            Map<String, Object> worse = worseSlice(slice);
            worse.put("level", slice.shownInterval() == null ? null : slice.shownInterval().level());
            worse.put("text", review.evidence().describeHeldOut(slice));
            return worse;
        }).toList());
        // a class lost without a test showing it is no finding of worseOverall, and is said whatever else is worse
        json.put("lostClasses", review.evidence().primaryComparison().lostClasses().stream().map(lost -> {
            Map<String, Object> loss = new LinkedHashMap<>();
            loss.put("class", lost.className());
            loss.put("n", lost.support());
            loss.put("productionRecalled", lost.productionRecalled());
            loss.put("candidateRecalled", lost.candidateRecalled());
            loss.put("productionPredicted", lost.productionPredicted());
            loss.put("candidatePredicted", lost.candidatePredicted());
            loss.put("tested", lost.result().deltaCi() != null);
            loss.put("verdict", lost.result().verdict().label());
            loss.put("notShownBecause", lost.whyNoTestShowsLoss());
            loss.put("text", lost.lossLine());
            return loss;
        }).toList());
        // each group's paired change, as the Evidence page and the approval pack show it
        review.evidence().fairness().ifPresent(fairness -> json.put("fairnessChanges", fairnessChanges(fairness)));
        json.put("triggers", triggers(review.triggers()));
        return json;
    }

    /** A slice shown worse: its n, Δ and the interval its verdict reads, with the adjusted p. */
    private static Map<String, Object> worseSlice(SliceResult slice) {
        Map<String, Object> worse = new LinkedHashMap<>();
        worse.put("slice", slice.slice().label());
        worse.put("n", slice.n());
        worse.put("delta", slice.delta());
        worse.put("ciLower", slice.deltaCi() == null ? null : slice.deltaCi().lower());
        worse.put("ciUpper", slice.deltaCi() == null ? null : slice.deltaCi().upper());
        worse.put("adjustedP", slice.adjustedP());
        return worse;
    }

    private static Map<String, Object> fairnessChanges(FairnessEvidence fairness) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("positiveClass", fairness.positiveClass());
        json.put("band", fairness.changeBand());
        json.put("bandText", fairness.changeBandText());
        json.put("method", FairnessEvidence.CHANGE_INTERVAL);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FairnessEvidence.Attribute attribute : fairness.attributes()) {
            for (GroupChange change : attribute.changes()) {
                FairnessEvidence.Group group = attribute.groups().stream()
                        .filter(g -> g.name().equals(change.group())).findFirst().orElseThrow();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("attribute", attribute.name());
                entry.put("group", change.group());
                entry.put("rate", change.rate().wireName());
                entry.put("higherIsBetter", change.rate().higherIsBetter());
                entry.put("counted", change.rate().counted());
                entry.put("production", modelRate(change, group.production()));
                entry.put("candidate", modelRate(change, group.candidate()));
                entry.put("delta", change.delta());
                entry.put("ciLower", change.isTested() ? change.ci().lower() : null);
                entry.put("ciUpper", change.isTested() ? change.ci().upper() : null);
                entry.put("level", change.isTested() ? change.shown().level() : null);
                entry.put("familySize", change.isTested() ? change.shown().familySize() : null);
                entry.put("pValue", change.pValue());
                entry.put("adjustedP", change.adjustedP());
                entry.put("verdict", change.verdict().label());
                if (!change.isTested()) {
                    entry.put("untested", change.untested());
                }
                changes.add(entry);
            }
        }
        json.put("changes", changes);
        return json;
    }

    /**
     * One model's rate in the group, its modified Wilson interval and the examples it counts (the same for both models). The
     * interval is given twice: as {@code ciLower} and {@code ciUpper}, as every other interval of this output (Δ's in
     * the same entry), and as the {@code ci} pair of {@code compare --json}, which consumers of this field read.
     */
    private static Map<String, Object> modelRate(GroupChange change, FairnessEvidence.Rates rates) {
        Interval ci = change.rate().ciOf(rates);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", change.rate().of(rates));
        json.put("ci", ci == null ? null : List.of(ci.lower(), ci.upper()));
        json.put("ciLower", ci == null ? null : ci.lower());
        json.put("ciUpper", ci == null ? null : ci.upper());
        json.put("n", change.n());
        return json;
    }

    private static Map<String, Object> gate(GateResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gate", result.gate().wireName());
        json.put("title", result.gate().title());
        json.put("kind", result.gate().kind() == Gate.Kind.PROMOTION ? "promotion" : "data-validation");
        json.put("outcome", result.outcome().label());
        json.put("summary", result.summary());
        if (result.notApplicableReason() != null) {
            json.put("notApplicableReason", result.notApplicableReason());
        }
        if (result.missingEvidence() != null) {
            json.put("missingEvidence", result.missingEvidence());
        }
        json.put("evidenceView", result.gate().evidencePage().id());
        json.put("findings", result.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("subject", f.subject());
            finding.put("outcome", f.outcome().label());
            finding.put("detail", f.detail());
            finding.put("numbers", f.numbers());
            return finding;
        }).toList());
        return json;
    }

    private static Map<String, Object> triggers(RetrainingAssessment assessment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suggestion", assessment.suggestion().label());
        json.put("rationale", assessment.rationale());
        List<Map<String, Object>> triggers = assessment.triggers().stream().map(GateJson::trigger).toList();
        json.put("triggers", triggers);
        json.put("drift", assessment.drift().stream().map(GateJson::drift).toList());
        return json;
    }

    private static Map<String, Object> trigger(TriggerResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("trigger", result.trigger().wireName());
        json.put("state", result.state().label());
        json.put("detail", result.detail());
        json.put("numbers", result.numbers());
        return json;
    }

    private static Map<String, Object> drift(FeatureDrift drift) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("feature", drift.feature());
        json.put("kind", drift.numeric() ? "numeric" : "categorical");
        json.put("referenceN", drift.referenceN());
        json.put("currentN", drift.currentN());
        json.put("psi", drift.psi());
        json.put("band", drift.band());
        json.put("test", drift.test());
        json.put("statistic", drift.statistic());
        json.put("pValue", drift.pValue());
        json.put("adjustedP", drift.adjustedP());
        json.put("drifted", drift.drifted());
        return json;
    }
}
