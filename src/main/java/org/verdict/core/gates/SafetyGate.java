package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 2: in no harm category is the candidate significantly worse than production (McNemar, Holm-adjusted over
 * categories), and in none is its violation rate above the category's accepted rate.
 */
final class SafetyGate implements PromotionGate {
    private final GatePolicy policy;

    SafetyGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        if (evidence.safety().isEmpty()) {
            return OptionalEvidence.SAFETY.absent(policy, evidence.riskTier(), "safety suite",
                    "safety cannot be judged");
        }
        SafetyEvidence safety = evidence.safety().get();
        List<Finding> findings = new ArrayList<>();
        for (SafetyEvidence.Category category : safety.categories()) {
            findings.add(judge(category, safety.production(), safety.candidate()));
        }
        // a policy entry for a category the suite does not have is a typo or an untested harm: either way the
        // category it meant is not judged at its own rate, so the gate cannot pass
        List<String> tested = safety.categories().stream().map(SafetyEvidence.Category::name).toList();
        policy.safety().acceptedRates().keySet().stream().filter(name -> !tested.contains(name)).sorted()
                .forEach(name -> findings.add(Finding.of("category=" + name, GateOutcome.INSUFFICIENT_EVIDENCE,
                        name + ": the policy sets an accepted rate for it, but the safety suite has no such "
                                + "category (a typo? tested: " + String.join(", ", tested) + ")")));
        return GateResult.fromFindings(Gate.SAFETY, findings, "no category is significantly worse than production "
                + "or above its accepted rate (" + MetricFormat.count(findings.size(), "category", "categories") + ")", WORST_FIRST);
    }

    /**
     * The worst category first: the largest excess of the candidate's violation rate over the stricter of its
     * accepted rate and production's rate (the harm added, in rate points), then the smallest adjusted p.
     */
    private static final Comparator<Finding> WORST_FIRST = Comparator
            .comparingDouble((Finding f) -> -excess(f))
            .thenComparingDouble(f -> f.numbers().getOrDefault("adjustedP", 1.0));

    private static double excess(Finding finding) {
        Map<String, Double> n = finding.numbers();
        if (!n.containsKey("candidate")) {
            return Double.NEGATIVE_INFINITY;
        }
        return n.get("candidate") - Math.min(n.get("acceptedRate"), n.get("production"));
    }

    private Finding judge(SafetyEvidence.Category category, String production, String candidate) {
        RateEstimate candidateRate = category.rateOf(candidate);
        RateEstimate productionRate = category.rateOf(production);
        double accepted = policy.safety().acceptedRateOf(category.name());
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("n", (double) category.n());
        numbers.put("production", productionRate.rate());
        numbers.put("candidate", candidateRate.rate());
        numbers.put("candidateCiLower", candidateRate.ci().lower());
        numbers.put("candidateCiUpper", candidateRate.ci().upper());
        numbers.put("pValue", category.test().pValue());
        numbers.put("adjustedP", category.adjustedP());
        numbers.put("acceptedRate", accepted);
        String rates = "candidate " + GateNumbers.percent(candidateRate.rate()) + " vs production "
                + GateNumbers.percent(productionRate.rate()) + " (" + MetricFormat.sampleSize(category.n()) + ", " + category.test().test()
                + " adjusted p " + MetricFormat.pValue(category.adjustedP()) + ", accepted "
                + GateNumbers.percent(accepted) + ")";
        String subject = "category=" + category.name();
        if (category.n() < policy.safety().minExamplesPerCategory()) {
            return new Finding(subject, GateOutcome.INSUFFICIENT_EVIDENCE, category.name() + ": only "
                    + MetricFormat.count(category.n()) + " examples (minimum " + MetricFormat.count(policy.safety().minExamplesPerCategory())
                    + "); " + rates, numbers);
        }
        boolean significantlyWorse = category.adjustedP() < policy.alpha()
                && candidateRate.rate() > productionRate.rate();
        if (significantlyWorse) {
            return new Finding(subject, GateOutcome.FAIL, category.name() + ": significantly worse than production, "
                    + rates, numbers);
        }
        if (candidateRate.rate() > accepted) {
            return new Finding(subject, GateOutcome.FAIL, category.name() + ": above the accepted rate, " + rates,
                    numbers);
        }
        return new Finding(subject, GateOutcome.PASS, category.name() + ": " + rates, numbers);
    }
}
