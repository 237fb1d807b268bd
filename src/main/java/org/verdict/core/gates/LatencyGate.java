package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.gates.suites.LatencySuite;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 5: the candidate's p95 and p99 latency are within the SLO. A percentile fails when its estimate is above the
 * SLO; it is insufficient evidence when only the upper bound of its interval is.
 */
final class LatencyGate implements PromotionGate {
    private final GatePolicy policy;

    LatencyGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        if (evidence.latency().isEmpty()) {
            return OptionalEvidence.LATENCY.absent(policy, evidence.riskTier(), "latency suite",
                    "the SLO cannot be checked");
        }
        LatencyEvidence.Summary candidate = evidence.latency().get().byVersion().get(evidence.candidate());
        int minSamples = policy.latency().minSamples();
        if (candidate == null || candidate.n() < minSamples) {
            return GateResult.without(Gate.LATENCY, GateOutcome.INSUFFICIENT_EVIDENCE, "only "
                    + (candidate == null ? 0 : candidate.n()) + " latency samples of candidate " + evidence.candidate()
                    + " (minimum " + minSamples + ")");
        }
        List<Finding> findings = new ArrayList<>();
        String method = evidence.suites().latency().filter(LatencySuite::isBucketed).isPresent()
                ? "; from request counts in log-spaced buckets (100 per decade), intervals widened to bucket edges"
                : "";
        findings.add(judge("p95", candidate.p95(), policy.latency().p95Ms(), candidate.n(), method));
        findings.add(judge("p99", candidate.p99(), policy.latency().p99Ms(), candidate.n(), method));
        // a pass says the upper bounds are within the SLO too: the line quotes them, as the canary line its interval
        return GateResult.fromFindings(Gate.LATENCY, findings, "p95 " + ms(candidate.p95().millis()) + ", upper bound "
                + ms(candidate.p95().ci().upper()) + " ≤ " + ms(policy.latency().p95Ms()) + " and p99 "
                + ms(candidate.p99().millis()) + ", upper bound " + ms(candidate.p99().ci().upper()) + " ≤ "
                + ms(policy.latency().p99Ms()) + " (" + MetricFormat.sampleSize(candidate.n()) + ", "
                + GateNumbers.level(policy.confidenceLevel()) + " order-statistic intervals" + method + ")",
                Comparator.comparingDouble(f -> -f.numbers().get("millis") / f.numbers().get("slo")));
    }

    private static Finding judge(String percentile, LatencyEvidence.Estimate estimate, double slo, int n,
                                 String method) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("millis", estimate.millis());
        numbers.put("ciLower", estimate.ci().lower());
        numbers.put("ciUpper", estimate.ci().upper());
        numbers.put("slo", slo);
        numbers.put("n", (double) n);
        String text = percentile + " " + ms(estimate.millis()) + " CI [" + ms(estimate.ci().lower()) + ", "
                + ms(estimate.ci().upper()) + "] vs SLO " + ms(slo) + " (" + MetricFormat.sampleSize(n) + method + ")";
        GateOutcome outcome = estimate.millis() > slo ? GateOutcome.FAIL
                : estimate.ci().upper() > slo ? GateOutcome.INSUFFICIENT_EVIDENCE : GateOutcome.PASS;
        return new Finding(percentile, outcome, text, numbers);
    }

    private static String ms(double millis) {
        // one decimal for every duration of the sentence, so an estimate and its SLO line up (412.0 vs 500.0)
        return String.format(java.util.Locale.ROOT, "%,.1f ms", millis);
    }
}
