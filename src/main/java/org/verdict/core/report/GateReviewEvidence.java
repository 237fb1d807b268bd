package org.verdict.core.report;

import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.gates.CandidateReview;

/**
 * Puts a gate review's evidence model into the approval pack: the gate sections, the other evidence, the checks,
 * the approvers and what else is significantly worse overall.
 */
public final class GateReviewEvidence {
    private GateReviewEvidence() {
    }

    public static ApprovalPackContent addTo(ApprovalPackContent content, CandidateReview review) {
        EvidenceModel evidence = EvidenceModel.of(review, content.versions());
        return content.withGates(evidence.approvalPackSections(), review.gates().approval().approvers(),
                        review.gates().approval().text(), review.gates().missingSuites())
                .withChecks(evidence.triggerChecks(), evidence.suggestion(), evidence.validationChecks(),
                        evidence.triggers(), evidence.dataValidation())
                .withWorse(review.evidence().worseFindings());
    }
}
