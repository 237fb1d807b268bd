package org.verdict.core.gates;

/** One gate of the policy, judged on a candidate's evidence. */
interface PromotionGate {
    GateResult judge(ReviewEvidence evidence);
}
