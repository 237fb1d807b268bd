package org.verdict.core.gates;

import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.triggers.RetrainingAssessment;

/**
 * One candidate reviewed under a policy: the evidence, the gate checklist with the approval requirement, and the
 * retraining triggers of the monitoring evidence.
 */
public record CandidateReview(GatePolicy policy, ReviewEvidence evidence, GateEvaluation gates,
                              RetrainingAssessment triggers) {
}
