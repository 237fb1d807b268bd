package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.gates.policy.GatePolicy;

/** Judges the seven promotion gates of a policy on a candidate's evidence, and sets the approval requirement. */
public final class GateEvaluator {
    private final List<PromotionGate> promotionGates;

    public GateEvaluator(GatePolicy policy) {
        this.promotionGates = List.of(new PrimaryMetricGate(policy), new SafetyGate(policy), new FairnessGate(policy),
                new LanguageParityGate(policy), new LatencyGate(policy), new CanaryGate(policy),
                new CircuitBreakerGate(policy));
    }

    /** @param dataValidation the data-validation gates, already judged ({@code DataValidator}) */
    public GateEvaluation evaluate(ReviewEvidence evidence, List<GateResult> dataValidation) {
        List<GateResult> results = new ArrayList<>();
        for (PromotionGate gate : promotionGates) {
            results.add(gate.judge(evidence));
        }
        results.addAll(dataValidation);
        boolean everyGatePasses = results.stream().noneMatch(r -> r.outcome().blocksPromotion());
        return new GateEvaluation(evidence.packName(), evidence.production(), evidence.candidate(),
                evidence.riskTier(), results, ApprovalRequirement.forTier(evidence.riskTier(), everyGatePasses),
                evidence.suites().missing());
    }
}
