package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;

/** Judges the eight promotion gates of a policy on a candidate's evidence, and sets the approval requirement. */
public final class GateEvaluator {
    private final GatePolicy policy;
    private final List<PromotionGate> promotionGates;

    public GateEvaluator(GatePolicy policy) {
        this.policy = policy;
        this.promotionGates = List.of(new PrimaryMetricGate(policy), new SlicesGate(policy), new SafetyGate(policy), new FairnessGate(policy),
                new LanguageParityGate(policy), new LatencyGate(policy), new CanaryGate(policy),
                new CircuitBreakerGate(policy));
    }

    /** @param dataValidation the data-validation gates, already judged ({@code DataValidator}) */
    public GateEvaluation evaluate(ReviewEvidence evidence, List<GateResult> dataValidation) {
        List<GateResult> results = new ArrayList<>();
        for (PromotionGate gate : promotionGates) {
            results.add(declared(gate.judge(evidence)));
        }
        dataValidation.forEach(result -> results.add(declared(result)));
        List<String> wantingRequiredEvidence = results.stream().filter(r -> r.missingEvidence() != null
                && r.outcome() == GateOutcome.INSUFFICIENT_EVIDENCE).map(r -> r.gate().title()).toList();
        return new GateEvaluation(evidence.packName(), evidence.production(), evidence.candidate(),
                evidence.riskTier(), results, ApprovalRequirement.forTier(evidence.riskTier(),
                        results.stream().filter(r -> r.outcome().blocksPromotion()).toList(),
                        wantingRequiredEvidence, results.stream().filter(r -> r.outcome() == GateOutcome.NOT_APPLICABLE)
                                .toList()), evidence.suites().missing());
    }

    /**
     * The gate as judged, or, when the policy declares it not applicable to this model, not applicable with the
     * policy's reason. Evidence the pack has anyway is still measured and its findings kept, and the summary says
     * what it would have given, so a declaration never hides a failure from the reader.
     */
    private GateResult declared(GateResult judged) {
        return policy.notApplicableReason(judged.gate())
                .map(reason -> GateResult.declaredNotApplicable(judged, reason))
                .orElse(judged);
    }
}
