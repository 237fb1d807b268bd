package org.verdict.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verdict.core.evidence.CheckResult;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.pack.ModelInfo;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.SummaryMethods;
import org.verdict.core.summary.SummaryPacks;

/**
 * Everything an approval pack prints, already decided: the writers only lay it out.
 * Built from a review pack, its comparison, the gate evaluation and the decision log; tests build it by hand.
 *
 * @param packName the pack's folder or file name (not a machine path, so the document is the same everywhere)
 * @param versions production first, then every candidate of the pack
 * @param requiredApprovers the roles the risk tier asks for, e.g. [ML lead]; empty for automatic approval
 * @param approval what the approval requirement says given the gates, e.g. "Blocked: not every gate passes ...",
 *                 or null before the gates are judged
 * @param missingEvidence optional suites the pack does not have, so the board sees what was not looked at
 * @param suggestedDecision what the retraining triggers suggest (retrain / defer / investigate), or null
 * @param checkpoint null when no decision log was given
 * @param evidenceHashes SHA-256 per pack file, keyed by path relative to the pack; printed sorted by path
 * @param policy the policy the gates were evaluated under, or null when the defaults were used
 * @param evidenceBasis for a summary pack, where its statistics came from and which method each kind of metric
 *                      used; null for a row-level pack
 * @param triggerEvidence the retraining triggers as the app's Evidence page shows them (the negative-feedback chart,
 *                        the drift per feature), or null when the content was built without them
 * @param validationEvidence the data-validation gates' findings with their numbers (kappa and its interval, the
 *                           adjudication agreement), as the app's Evidence page shows them, or null likewise
 * @param worse the slices significantly worse on the primary metric with how many were tested, and what else is
 *              significantly worse overall, which no gate judges (other metrics, each class's recall), in the words of
 *              {@code verdict gate}; {@link WorseFindings#NONE} before the gates are judged
 */
public record ApprovalPackContent(
        String packName,
        ModelInfo model,
        String primaryMetric,
        List<ModelVersion> versions,
        String candidateVersion,
        List<String> requiredApprovers,
        String approval,
        List<EvidenceSection> gates,
        List<String> missingEvidence,
        List<CheckResult> triggers,
        String suggestedDecision,
        List<CheckResult> validationChecks,
        List<DecisionEvidence> decisions,
        LogCheckpoint checkpoint,
        Map<String, String> evidenceHashes,
        PolicyEvidence policy,
        String evidenceBasis,
        EvidenceSection triggerEvidence,
        EvidenceSection validationEvidence,
        WorseFindings worse) {

    /** The content before anything else worse overall is known. */
    public ApprovalPackContent(String packName, ModelInfo model, String primaryMetric, List<ModelVersion> versions,
                               String candidateVersion, List<String> requiredApprovers, String approval,
                               List<EvidenceSection> gates, List<String> missingEvidence, List<CheckResult> triggers,
                               String suggestedDecision, List<CheckResult> validationChecks,
                               List<DecisionEvidence> decisions, LogCheckpoint checkpoint,
                               Map<String, String> evidenceHashes, PolicyEvidence policy, String evidenceBasis) {
        this(packName, model, primaryMetric, versions, candidateVersion, requiredApprovers, approval, gates,
                missingEvidence, triggers, suggestedDecision, validationChecks, decisions, checkpoint, evidenceHashes,
                policy, evidenceBasis, null, null, WorseFindings.NONE);
    }

    /** The content of a row-level pack. */
    public ApprovalPackContent(String packName, ModelInfo model, String primaryMetric, List<ModelVersion> versions,
                               String candidateVersion, List<String> requiredApprovers, String approval,
                               List<EvidenceSection> gates, List<String> missingEvidence, List<CheckResult> triggers,
                               String suggestedDecision, List<CheckResult> validationChecks,
                               List<DecisionEvidence> decisions, LogCheckpoint checkpoint,
                               Map<String, String> evidenceHashes, PolicyEvidence policy) {
        this(packName, model, primaryMetric, versions, candidateVersion, requiredApprovers, approval, gates,
                missingEvidence, triggers, suggestedDecision, validationChecks, decisions, checkpoint, evidenceHashes,
                policy, null);
    }

    public ApprovalPackContent {
        Objects.requireNonNull(packName, "packName");
        Objects.requireNonNull(model, "model");
        versions = List.copyOf(versions);
        requiredApprovers = List.copyOf(requiredApprovers);
        gates = List.copyOf(gates);
        missingEvidence = List.copyOf(missingEvidence);
        triggers = List.copyOf(triggers);
        validationChecks = List.copyOf(validationChecks);
        decisions = List.copyOf(decisions);
        evidenceHashes = Collections.unmodifiableMap(new TreeMap<>(evidenceHashes));
        Objects.requireNonNull(worse, "worse");
    }

    /**
     * The pack's own facts: model, lineage, evidence hashes and, when the manifest names one, the policy file.
     * Gates, checks and decisions are added with the {@code with...} methods as they are evaluated.
     */
    public static ApprovalPackContent of(ReviewPack pack, String candidateVersion) {
        var manifest = pack.manifest();
        boolean known = manifest.candidates().stream().anyMatch(c -> c.version().equals(candidateVersion));
        if (!known) {
            throw new IllegalArgumentException("version " + candidateVersion + " is not a candidate of the pack");
        }
        PolicyEvidence policy = manifest.policyFile()
                .filter(pack.fileHashes()::containsKey)
                .map(file -> new PolicyEvidence(file, pack.fileHashes().get(file)))
                .orElse(null);
        List<ModelVersion> versions = new ArrayList<>();
        versions.add(manifest.production());
        versions.addAll(manifest.candidates());
        return new ApprovalPackContent(pack.source().getFileName().toString(), manifest.model(),
                manifest.primaryMetric(), versions, candidateVersion, List.of(), null, List.of(), List.of(), List.of(),
                null, List.of(), List.of(), null, pack.fileHashes(), policy,
                SummaryPacks.primaryOf(pack).map(SummaryMethods::describe).orElse(null));
    }

    public ApprovalPackContent withGates(List<EvidenceSection> newGates, List<String> approvers, String approvalText,
                                         List<String> missing) {
        return new ApprovalPackContent(packName, model, primaryMetric, versions, candidateVersion, approvers,
                approvalText, newGates, missing, triggers, suggestedDecision, validationChecks, decisions, checkpoint,
                evidenceHashes, policy, evidenceBasis, triggerEvidence, validationEvidence, worse);
    }

    /**
     * @param triggersShown the triggers' section of the app's Evidence page, printed in place of the bare list
     * @param validationShown the data-validation section of the app's Evidence page, its findings printed below the list
     */
    public ApprovalPackContent withChecks(List<CheckResult> newTriggers, String suggestion,
                                          List<CheckResult> validation, EvidenceSection triggersShown,
                                          EvidenceSection validationShown) {
        return new ApprovalPackContent(packName, model, primaryMetric, versions, candidateVersion, requiredApprovers,
                approval, gates, missingEvidence, newTriggers, suggestion, validation, decisions, checkpoint,
                evidenceHashes, policy, evidenceBasis, triggersShown, validationShown, worse);
    }

    public ApprovalPackContent withDecisions(List<DecisionEvidence> newDecisions, LogCheckpoint newCheckpoint) {
        return new ApprovalPackContent(packName, model, primaryMetric, versions, candidateVersion, requiredApprovers,
                approval, gates, missingEvidence, triggers, suggestedDecision, validationChecks, newDecisions,
                newCheckpoint, evidenceHashes, policy, evidenceBasis, triggerEvidence, validationEvidence, worse);
    }

    public ApprovalPackContent withWorse(WorseFindings findings) {
        return new ApprovalPackContent(packName, model, primaryMetric, versions, candidateVersion, requiredApprovers,
                approval, gates, missingEvidence, triggers, suggestedDecision, validationChecks, decisions, checkpoint,
                evidenceHashes, policy, evidenceBasis, triggerEvidence, validationEvidence, findings);
    }

    /** @param name file name of the policy, as it is referred to in the pack or on the command line */
    public record PolicyEvidence(String name, String sha256) {
    }
}
