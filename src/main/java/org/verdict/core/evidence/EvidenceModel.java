package org.verdict.core.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.ReviewEvidence;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.pack.ModelVersion;

/**
 * Everything a candidate review shows, once, for every medium: the app's Evidence view shows {@link #page} per
 * page, the approval pack prints {@link #gateSections()} and {@link #otherSections()} and lists the checks.
 *
 * @param gateSections one per promotion gate, in the review's order, also when its suite is missing
 * @param otherSections evidence no gate judges (held-out set, holdout group, human baseline); a missing one says so
 * @param triggers the retraining triggers' section (the app's page; the approval pack prints it too, and counts
 *                 {@code triggerChecks})
 * @param dataValidation the data-validation gates' section (likewise, with {@code validationChecks} as its list)
 * @param suggestion what the triggers suggest, with the rationale
 */
public record EvidenceModel(List<EvidenceSection> gateSections, List<EvidenceSection> otherSections,
                            EvidenceSection triggers, EvidenceSection dataValidation,
                            List<CheckResult> triggerChecks, String suggestion, List<CheckResult> validationChecks) {
    public EvidenceModel {
        gateSections = List.copyOf(gateSections);
        otherSections = List.copyOf(otherSections);
        triggerChecks = List.copyOf(triggerChecks);
        validationChecks = List.copyOf(validationChecks);
    }

    /** @param versions the pack's model versions, for the candidate's training date (the manifest may give none) */
    public static EvidenceModel of(CandidateReview review, List<ModelVersion> versions) {
        ReviewEvidence evidence = review.evidence();
        Instant candidateTrainedAt = versions.stream().filter(v -> v.version().equals(evidence.candidate()))
                .findFirst().map(ModelVersion::trainedAt).orElse(null);
        List<EvidenceSection> gates = new ArrayList<>();
        for (GateResult result : review.gates().gates()) {
            if (result.gate().kind() == Gate.Kind.PROMOTION) {
                gates.add(declared(gate(result, evidence, review.policy(), candidateTrainedAt), result));
            }
        }
        List<EvidenceSection> others = new ArrayList<>();
        evidence.holdoutComparison().ifPresent(holdout -> others.add(HoldoutSections.heldOutSet(holdout,
                evidence.heldOutWorse().stream().map(evidence::describe).toList())));
        evidence.holdoutGroup().ifPresent(group -> others.add(HoldoutSections.overTime(group)));
        if (others.isEmpty()) {
            others.add(HoldoutSections.missing());
        }
        others.add(evidence.humanBaseline()
                .map(human -> HumanBaselineSection.of(human, evidence.production(), evidence.candidate()))
                .orElseGet(HumanBaselineSection::missing));
        return new EvidenceModel(gates, others, TriggersSection.of(review.triggers()),
                DataValidationSection.of(review.gates()), TriggersSection.checks(review.triggers()),
                TriggersSection.suggestion(review.triggers()), DataValidationSection.checks(review.gates()));
    }

    /**
     * The section of one promotion gate. A new promotion gate fails here until it has its case, so that no gate
     * reaches the board without its evidence.
     */
    private static EvidenceSection gate(GateResult result, ReviewEvidence evidence, GatePolicy policy,
                                        Instant candidateTrainedAt) {
        return switch (result.gate()) {
            case PRIMARY_METRIC -> ComparisonEvidence.primarySection(result, evidence.primaryComparison());
            // the primary metric's section already draws every slice: this one says how the slices were judged
            case SLICES -> Sections.gate(result, List.of(), List.of(), null);
            case LANGUAGE_PARITY -> present(result, evidence.languageComparison()
                    .map(languages -> ComparisonEvidence.section(result, languages).withDetailCharts(List.of(
                            ComparisonEvidence.valuesBySlice(languages, policy.languageParity().column(),
                                    policy.languageParity().floor())))),
                    "The primary suite has no '" + policy.languageParity().column()
                            + "' column: language parity cannot be judged.");
            case SAFETY -> present(result, evidence.safety()
                    .map(safety -> SafetySection.of(result, safety, policy.safety())), SafetySection.MISSING);
            case FAIRNESS -> present(result, evidence.fairness()
                    .map(fairness -> FairnessSection.of(result, fairness, policy)),
                    evidence.fairnessUnavailable() != null ? evidence.fairnessUnavailable() + "."
                            : FairnessSection.MISSING);
            case LATENCY -> present(result, evidence.latency().map(latency -> LatencySection.of(result, latency,
                    evidence.suites().latency().orElseThrow(), evidence.production(), evidence.candidate(),
                    policy.latency())), LatencySection.MISSING);
            case CANARY -> present(result, evidence.canary()
                    .map(canary -> CanarySection.of(result, canary, policy.confidenceLevel())),
                    // a canary suite the gate could not use (e.g. one model missing): the gate says why
                    evidence.suites().canary().isEmpty() ? CanarySection.MISSING : result.summary());
            case CIRCUIT_BREAKER -> present(result, evidence.metricHistory().map(history ->
                    MetricHistorySection.of(result, history, evidence.primaryComparison(), evidence.candidate(),
                            candidateTrainedAt)), MetricHistorySection.MISSING);
            default -> throw new IllegalArgumentException("not a promotion gate: " + result.gate());
        };
    }

    private static EvidenceSection present(GateResult result, Optional<EvidenceSection> section, String missing) {
        return section.orElseGet(() -> Sections.missingGate(result, missing));
    }

    /**
     * A gate whose evidence is missing because the policy declares it not applicable says so first, so that
     * "cannot be judged" is not read as a gap in a pack whose team has explained it.
     */
    private static EvidenceSection declared(EvidenceSection section, GateResult result) {
        if (section.isPresent() || result.notApplicableReason() == null) {
            return section;
        }
        return new EvidenceSection(section.page(), section.name(), section.outcome(), section.summary(),
                section.charts(), section.tables(), "The policy declares the " + result.gate().title()
                + " gate not applicable to this model: " + result.notApplicableReason() + ". " + section.missing(),
                section.detailCharts());
    }

    /** What the app shows on one page of its Evidence view, in order. */
    public List<EvidenceSection> page(EvidencePageId page) {
        List<EvidenceSection> all = new ArrayList<>(gateSections);
        all.addAll(otherSections);
        all.add(triggers);
        all.add(dataValidation);
        return all.stream().filter(section -> section.page() == page).toList();
    }

    /** What the approval pack prints as its gate chapters: every promotion gate, then the other evidence there is. */
    public List<EvidenceSection> approvalPackSections() {
        List<EvidenceSection> sections = new ArrayList<>(gateSections);
        otherSections.stream().filter(EvidenceSection::isPresent).forEach(sections::add);
        return sections;
    }
}
