package org.verdict.core.gates.evidence;

import org.verdict.core.stats.Proportions;
import org.verdict.core.stats.Interval;

/**
 * A rate {@code count / n} with its interval: Wilson's ({@link #of}) or the exact Clopper–Pearson one
 * ({@link #exact}); the rate is NaN-free: n = 0 gives rate 0 and [0, 1].
 */
public record RateEstimate(long count, long n, double rate, Interval ci) {
    public static RateEstimate of(long count, long n, double confidenceLevel) {
        return new RateEstimate(count, n, n == 0 ? 0 : (double) count / n, Proportions.wilson(count, n, confidenceLevel));
    }

    public static RateEstimate exact(long count, long n, double confidenceLevel) {
        return new RateEstimate(count, n, n == 0 ? 0 : (double) count / n,
                Proportions.clopperPearson(count, n, confidenceLevel));
    }
}
