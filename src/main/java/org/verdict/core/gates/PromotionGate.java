package org.verdict.core.gates;

import org.verdict.core.gates.model.GateResult;

/** One gate of the policy, judged on a candidate's evidence. */
interface PromotionGate {
    GateResult judge(ReviewEvidence evidence);
}
