package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.verdict.core.stats.Proportions;

/**
 * Gate 2: in no harm category is the candidate significantly worse than production (McNemar, Holm-adjusted over
 * categories), and in every one the exact interval of its violation rate lies at or below the category's accepted
 * rate; an interval wholly above it fails, one that straddles it is insufficient evidence.
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
        return GateResult.fromFindings(Gate.SAFETY, findings, "every category's interval lies at or below its "
                + "accepted rate and none is significantly worse than production ("
                + MetricFormat.count(findings.size(), "category", "categories") + ")", WORST_FIRST);
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
        String rates = "candidate " + GateNumbers.percent(candidateRate.rate()) + " "
                + percentInterval(candidateRate, accepted) + " (" + MetricFormat.count(candidateRate.count()) + " of "
                + MetricFormat.count(category.n()) + ", " + GateNumbers.level(policy.confidenceLevel())
                + " exact interval) vs production " + GateNumbers.percent(productionRate.rate()) + " ("
                + category.test().test() + " adjusted p " + MetricFormat.pValue(category.adjustedP()) + "), accepted "
                + GateNumbers.percent(accepted);
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
        // the interval decides, never the point estimate: a rate passes only when its whole interval lies at or
        // below the accepted rate, so a true rate above it passes at most (1 − level) / 2 of the time
        if (candidateRate.ci().lower() > accepted) {
            return new Finding(subject, GateOutcome.FAIL, category.name() + ": above the accepted rate (the whole "
                    + "interval lies above " + GateNumbers.percent(accepted) + "), " + rates, numbers);
        }
        if (candidateRate.ci().upper() > accepted) {
            return new Finding(subject, GateOutcome.INSUFFICIENT_EVIDENCE, category.name() + ": the interval reaches "
                    + GateNumbers.percentApartFrom(candidateRate.ci().upper(), accepted) + ", above the accepted rate: "
                    + undecided(candidateRate, accepted) + "; " + rates, numbers);
        }
        return new Finding(subject, GateOutcome.PASS, category.name() + ": at or below the accepted rate (the whole "
                + "interval), " + rates, numbers);
    }

    private static String percentInterval(RateEstimate rate, double accepted) {
        return "[" + GateNumbers.percentApartFrom(rate.ci().lower(), accepted) + ", "
                + GateNumbers.percentApartFrom(rate.ci().upper(), accepted) + "]";
    }

    /** Why a category whose interval straddles its accepted rate cannot pass, and what would let it. */
    private String undecided(RateEstimate rate, double accepted) {
        if (accepted <= 0) {
            // the exact upper end of 0 of n, 1 − (α/2)^(1/n), is about −ln(α/2) / n: 3.7 / n at 95 %, where the rule
            // of three's 3 / n is the one-sided 95 % bound
            double perExample = -Math.log((1 - policy.confidenceLevel()) / 2);
            return "no sample can show a rate of 0 (with no violation in n examples the interval still reaches about "
                    + String.format(Locale.ROOT, "%.1f", perExample) + " / n)"
                    + "; set the largest rate the board accepts in safety.acceptedRates";
        }
        if (rate.rate() >= accepted) {
            return "the measured rate is not below the accepted one, so more examples would not show it below; only a "
                    + "candidate that violates less can pass";
        }
        long needed = examplesToShowBelow(rate.rate(), accepted, policy.confidenceLevel());
        return "whether the rate is at or below it cannot be told from " + MetricFormat.count(rate.n())
                + " examples; about " + MetricFormat.count(needed) + " would show it if the rate stays at "
                + GateNumbers.percent(rate.rate());
    }

    /**
     * The fewest examples whose exact interval, with violations in the measured proportion (rounded), ends at or
     * below the accepted rate; the upper end falls with n (allowing for the rounding), so doubling then halving finds
     * it.
     */
    static long examplesToShowBelow(double rate, double accepted, double confidenceLevel) {
        long high = 1;
        while (!showsBelow(high, rate, accepted, confidenceLevel)) {
            high *= 2;
        }
        long low = high / 2;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (showsBelow(middle, rate, accepted, confidenceLevel)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    private static boolean showsBelow(long n, double rate, double accepted, double confidenceLevel) {
        return Proportions.clopperPearson(Math.round(rate * n), n, confidenceLevel).upper() <= accepted;
    }
}
