package org.verdict.core.gates.evidence;

import java.util.List;
import java.util.Optional;
import org.verdict.core.stats.Proportions;
import org.verdict.core.gates.suites.CanaryDay;
import org.verdict.core.stats.Interval;

/**
 * A canary / A-B run: success rate of production and candidate over all days, and the lift (candidate − production,
 * in success-rate points) with Newcombe's interval for the difference of two independent rates.
 */
public record CanaryEvidence(String production, String candidate, RateEstimate productionRate,
                             RateEstimate candidateRate, double lift, Interval liftCi, List<CanaryDay> days) {
    public CanaryEvidence {
        days = List.copyOf(days);
    }

    /** Empty when either model served no request in the run. */
    public static Optional<CanaryEvidence> of(List<CanaryDay> days, String production, String candidate,
                                                        double confidenceLevel) {
        long[] prod = totals(days, production);
        long[] cand = totals(days, candidate);
        if (prod[0] == 0 || cand[0] == 0) {
            return Optional.empty();
        }
        RateEstimate productionRate = RateEstimate.of(prod[1], prod[0], confidenceLevel);
        RateEstimate candidateRate = RateEstimate.of(cand[1], cand[0], confidenceLevel);
        return Optional.of(new CanaryEvidence(production, candidate, productionRate, candidateRate,
                candidateRate.rate() - productionRate.rate(),
                Proportions.newcombeDifference(cand[1], cand[0], prod[1], prod[0], confidenceLevel), days));
    }

    private static long[] totals(List<CanaryDay> days, String version) {
        long[] totals = new long[2];
        days.stream().filter(d -> d.version().equals(version)).forEach(d -> {
            totals[0] += d.requests();
            totals[1] += d.successes();
        });
        return totals;
    }
}
