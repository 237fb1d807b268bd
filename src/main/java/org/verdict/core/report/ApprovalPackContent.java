package org.verdict.core.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verdict.core.pack.ModelInfo;
import org.verdict.core.pack.ModelVersion;

/**
 * Everything an approval pack prints, already decided: the writers only lay it out.
 * Built from a review pack, its comparison, the gate evaluation and the decision log; tests build it by hand.
 *
 * @param packName the pack's folder or file name (not a machine path, so the document is the same everywhere)
 * @param versions production first, then the candidates, as in the manifest
 * @param requiredApprovers the roles the risk tier asks for, e.g. [ML lead]; empty for automatic approval
 * @param suggestedDecision what the retraining triggers suggest (retrain / defer / investigate), or null
 * @param checkpoint null when no decision log was given
 * @param evidenceHashes SHA-256 per pack file, keyed by path relative to the pack; printed sorted by path
 * @param policy the policy the gates were evaluated under, or null when the defaults were used
 */
public record ApprovalPackContent(
        String packName,
        ModelInfo model,
        String primaryMetric,
        List<ModelVersion> versions,
        String candidateVersion,
        List<String> requiredApprovers,
        List<GateEvidence> gates,
        List<CheckResult> triggers,
        String suggestedDecision,
        List<CheckResult> validationChecks,
        List<DecisionEvidence> decisions,
        LogCheckpoint checkpoint,
        Map<String, String> evidenceHashes,
        PolicyEvidence policy) {

    public ApprovalPackContent {
        Objects.requireNonNull(packName, "packName");
        Objects.requireNonNull(model, "model");
        versions = List.copyOf(versions);
        requiredApprovers = List.copyOf(requiredApprovers);
        gates = List.copyOf(gates);
        triggers = List.copyOf(triggers);
        validationChecks = List.copyOf(validationChecks);
        decisions = List.copyOf(decisions);
        evidenceHashes = Collections.unmodifiableMap(new TreeMap<>(evidenceHashes));
    }

    /** @param name file name of the policy, as it is referred to in the pack or on the command line */
    public record PolicyEvidence(String name, String sha256) {
    }
}
