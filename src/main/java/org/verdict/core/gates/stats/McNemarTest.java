package org.verdict.core.gates.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test on paired 0/1 outcomes: only the discordant pairs carry information. Exact binomial when there
 * are at most {@value #EXACT_LIMIT} discordant pairs, else the chi-square statistic with continuity correction.
 *
 * @param onlyCandidate pairs where only the candidate has the outcome (e.g. only the candidate violates)
 * @param onlyProduction pairs where only production has it
 * @param pValue two-sided
 * @param method {@code mcnemar-exact} or {@code mcnemar}
 */
public record McNemarTest(long onlyCandidate, long onlyProduction, double pValue, String method) {
    public static final int EXACT_LIMIT = 25;

    public static McNemarTest of(long onlyCandidate, long onlyProduction) {
        long discordant = onlyCandidate + onlyProduction;
        if (discordant == 0) {
            return new McNemarTest(0, 0, 1.0, "mcnemar-exact");
        }
        if (discordant <= EXACT_LIMIT) {
            long smaller = Math.min(onlyCandidate, onlyProduction);
            double tail = new BinomialDistribution(null, (int) discordant, 0.5).cumulativeProbability((int) smaller);
            return new McNemarTest(onlyCandidate, onlyProduction, Math.min(1, 2 * tail), "mcnemar-exact");
        }
        double corrected = Math.abs(onlyCandidate - onlyProduction) - 1.0;
        double statistic = corrected * corrected / discordant;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(statistic);
        return new McNemarTest(onlyCandidate, onlyProduction, p, "mcnemar");
    }
}
