package org.verdict.core.report;

import java.time.Instant;
import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.pack.ModelVersion;

/**
 * Puts a gate review's evidence model into the approval pack: the gate sections, the other evidence, the checks and
 * the approvers.
 */
public final class GateReviewEvidence {
    private GateReviewEvidence() {
    }

    public static ApprovalPackContent addTo(ApprovalPackContent content, CandidateReview review) {
        Instant candidateTrainedAt = content.versions().stream()
                .filter(v -> v.version().equals(review.evidence().candidate())).findFirst()
                .map(ModelVersion::trainedAt).orElse(null);
        EvidenceModel evidence = EvidenceModel.of(review, candidateTrainedAt);
        return content.withGates(evidence.approvalPackSections(), review.gates().approval().approvers(),
                        review.gates().approval().text(), review.gates().missingSuites())
                .withChecks(evidence.triggerChecks(), evidence.suggestion(), evidence.validationChecks());
    }
}
