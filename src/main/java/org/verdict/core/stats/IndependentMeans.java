package org.verdict.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Intervals of means given as summaries (each a mean, the standard deviation of its values and their number), as a
 * business metric per group is often reported: Student's t interval of one mean, and Welch's t interval of the
 * difference of two independent means, which does not assume the two groups' spreads equal (Welch 1947; scipy's
 * {@code ttest_ind_from_stats(..., equal_var=False)}).
 */
public final class IndependentMeans {
    private IndependentMeans() {
    }

    /** mean ± t(n − 1)·sd/√n; null below two values (no spread to estimate). */
    public static Interval mean(double mean, double sd, long n, double confidenceLevel) {
        if (n < 2) {
            return null;
        }
        double half = quantile(n - 1, confidenceLevel) * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half);
    }

    /**
     * Welch's interval of {@code meanA − meanB}: the standard error √(sd_a²/n_a + sd_b²/n_b) with the
     * Welch–Satterthwaite degrees of freedom; null when either group has fewer than two values, or neither spreads.
     */
    public static Interval welchDifference(double meanA, double sdA, long nA, double meanB, double sdB, long nB,
                                           double confidenceLevel) {
        if (nA < 2 || nB < 2) {
            return null;
        }
        double varianceA = sdA * sdA / nA;
        double varianceB = sdB * sdB / nB;
        double variance = varianceA + varianceB;
        if (!(variance > 0)) {
            return null;
        }
        double degreesOfFreedom = variance * variance
                / (varianceA * varianceA / (nA - 1) + varianceB * varianceB / (nB - 1));
        double half = quantile(degreesOfFreedom, confidenceLevel) * Math.sqrt(variance);
        double difference = meanA - meanB;
        return new Interval(difference - half, difference + half);
    }

    private static double quantile(double degreesOfFreedom, double confidenceLevel) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + confidenceLevel / 2);
    }
}
