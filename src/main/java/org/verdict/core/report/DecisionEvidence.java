package org.verdict.core.report;

import java.util.List;

/**
 * A decision record of the log as printed in the approval pack.
 *
 * @param model the model the record names; only records naming the pack's model are printed
 * @param kind e.g. "promotion" or "retraining"
 * @param decision e.g. "promote", "hold", "retrain"
 * @param quorum e.g. "complete" or "awaiting signatures (2 of 3)"
 * @param payloadSha256 SHA-256 of the exact signed payload bytes, to find the record in an exported log
 * @param standing which decision counts when the log holds several on the same question and evidence (e.g. "replaced
 *                 by #3, the latest decision on this evidence"); empty when it holds only this one
 * @param otherEvidence null for a decision made on this pack's evidence; for one about the same model and candidate
 *                      made on other evidence, what that evidence was (its pack hash): never this pack's decision
 */
public record DecisionEvidence(String id, String model, String kind, String decisionDate, String decision, String rationale,
                               List<SignatureEvidence> signatures, String quorum, String payloadSha256, String standing,
                               String otherEvidence) {
    public DecisionEvidence {
        signatures = List.copyOf(signatures);
    }

    /**
     * @param status e.g. "valid", "invalid", "missing": whether the signature is the key's over the record
     * @param trust whether the organisation's trusted signers list accepts the key in that role; null when no list was
     *              given (or the signature is not valid), so nothing vouches for the name and role but the key itself
     */
    public record SignatureEvidence(String signer, String role, String keyFingerprint, String status, Trust trust) {
    }

    /** @param text "listed in FILE", or why the list does not accept the key */
    public record Trust(boolean trusted, String text) {
    }
}
