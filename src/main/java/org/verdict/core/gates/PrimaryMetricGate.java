package org.verdict.core.gates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.pack.Metric;

/**
 * Gate 1: candidate ≥ production − margin, judged on the lower bound of the CI of Δ (oriented so that positive is
 * better), never on the point estimate.
 */
final class PrimaryMetricGate implements PromotionGate {
    private final GatePolicy policy;

    PrimaryMetricGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        Metric metric = evidence.primaryMetric();
        Optional<SliceResult> overall = overall(evidence);
        if (overall.isEmpty()) {
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "the comparison has no overall result for " + metric.wireName());
        }
        SliceResult result = overall.get();
        if (result.verdict() == Verdict.TOO_FEW_EXAMPLES) {
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "too few examples (" + result.n() + ") to judge " + metric.wireName());
        }
        if (!result.isAvailable() || result.deltaCi() == null) {
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE,
                    metric.wireName() + " is unavailable: " + result.unavailableReason());
        }
        double margin = policy.primary().margin();
        double worstCase = metric.higherIsBetter() ? result.deltaCi().lower() : -result.deltaCi().upper();
        GateOutcome outcome = worstCase >= -margin ? GateOutcome.PASS : GateOutcome.FAIL;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("production", result.production().value());
        numbers.put("candidate", result.candidate().value());
        numbers.put("delta", result.delta());
        numbers.put("ciLower", result.deltaCi().lower());
        numbers.put("ciUpper", result.deltaCi().upper());
        numbers.put("margin", margin);
        numbers.put("n", (double) result.n());
        String detail = String.format(Locale.ROOT,
                "%s: candidate %s vs production %s, Δ %s, %d%% CI [%s, %s]; worst case %s %s −%s (margin)",
                metric.wireName(), GateNumbers.format(result.candidate().value()),
                GateNumbers.format(result.production().value()), GateNumbers.signed(result.delta()),
                Math.round(policy.confidenceLevel() * 100), GateNumbers.signed(result.deltaCi().lower()),
                GateNumbers.signed(result.deltaCi().upper()),
                GateNumbers.signed(metric.higherIsBetter() ? worstCase : -worstCase), outcome == GateOutcome.PASS
                        ? (metric.higherIsBetter() ? "≥" : "≤") : (metric.higherIsBetter() ? "<" : ">"),
                GateNumbers.format(margin));
        Finding finding = new Finding("overall", outcome, detail, numbers);
        return new GateResult(Gate.PRIMARY_METRIC, outcome, detail, List.of(finding));
    }

    static Optional<SliceResult> overall(ReviewEvidence evidence) {
        return evidence.primaryComparison().resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> r.slice().isOverall()).findFirst();
    }
}
