package org.verdict.core.gates.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.verdict.core.stats.Interval;

/**
 * Percentiles of a sample, with distribution-free confidence intervals from order statistics: the number of
 * observations below the true q-quantile is Binomial(n, q), so a pair of order statistics covers it with a known
 * probability (no bootstrap, no distributional assumption; exact and reproducible).
 */
public final class Percentiles {
    private final double[] sorted;

    public Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public int n() {
        return sorted.length;
    }

    /** Linear interpolation between the closest ranks (the default of numpy and R type 7); q in [0, 1]. */
    public double value(double q) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no observations");
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Order-statistic interval for the q-quantile: ranks l and u (1-based) with
     * P(l ≤ X &lt; u) ≥ level for X ~ Binomial(n, q), clipped to the sample.
     */
    public Interval interval(double q, double confidenceLevel) {
        int n = sorted.length;
        double alpha = 1 - confidenceLevel;
        BinomialDistribution below = new BinomialDistribution(null, n, q);
        int lowerRank = Math.max(1, below.inverseCumulativeProbability(alpha / 2));
        int upperRank = Math.min(n, below.inverseCumulativeProbability(1 - alpha / 2) + 1);
        return new Interval(sorted[lowerRank - 1], sorted[upperRank - 1]);
    }
}
