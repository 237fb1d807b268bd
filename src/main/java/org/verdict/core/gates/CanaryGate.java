package org.verdict.core.gates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 6: the canary lift (candidate − production success rate) is not significantly negative: it fails only when
 * the whole interval lies below −margin. Without a canary run the gate is not applicable, unless the policy
 * requires one.
 */
final class CanaryGate implements PromotionGate {
    private final GatePolicy policy;

    CanaryGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        if (evidence.suites().canary().isEmpty()) {
            return OptionalEvidence.CANARY.absent(policy, evidence.riskTier(), "canary run",
                    "the lift cannot be measured");
        }
        if (evidence.canary().isEmpty()) {
            return GateResult.without(Gate.CANARY, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "the canary run has no requests for production " + evidence.production() + " or candidate "
                            + evidence.candidate());
        }
        CanaryEvidence canary = evidence.canary().get();
        double margin = policy.canary().margin();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("production", canary.productionRate().rate());
        numbers.put("candidate", canary.candidateRate().rate());
        numbers.put("lift", canary.lift());
        numbers.put("ciLower", canary.liftCi().lower());
        numbers.put("ciUpper", canary.liftCi().upper());
        numbers.put("margin", margin);
        GateOutcome outcome = canary.liftCi().upper() < -margin ? GateOutcome.FAIL : GateOutcome.PASS;
        String text = "success rate candidate " + rate(canary.candidateRate()) + " vs production "
                + rate(canary.productionRate()) + ": lift " + GateNumbers.points(canary.lift() * 100) + " points, "
                + GateNumbers.level(policy.confidenceLevel()) + " Newcombe interval ["
                + GateNumbers.points(canary.liftCi().lower() * 100) + ", "
                + GateNumbers.points(canary.liftCi().upper() * 100) + "]"
                + (outcome == GateOutcome.FAIL ? ", significantly negative" : ", not significantly negative");
        return new GateResult(Gate.CANARY, outcome, text, List.of(new Finding("lift", outcome, text, numbers)));
    }

    /** A model's success rate with its Wilson interval and n: "91.84% [91.54%, 92.13%] (n=33,655)". */
    private static String rate(RateEstimate rate) {
        return GateNumbers.percent(rate.rate()) + " [" + GateNumbers.percent(rate.ci().lower()) + ", "
                + GateNumbers.percent(rate.ci().upper()) + "] (" + MetricFormat.sampleSize(rate.n()) + ")";
    }
}
