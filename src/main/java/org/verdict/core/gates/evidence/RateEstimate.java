package org.verdict.core.gates.evidence;

import org.verdict.core.stats.Proportions;
import org.verdict.core.stats.Interval;

/**
 * A rate {@code count / n} with its interval: the modified Wilson one ({@link #of}), which every model's rate of the
 * comparison has, so a rate shown both there and on a gate's page carries one interval; or the exact Clopper–Pearson
 * one ({@link #exact}), whose ends each miss at most (1 − level) / 2 of the time, for a gate that passes or fails on
 * one end (docs/statistics.md, "Rates of the gates and the Evidence pages"). The rate is NaN-free: n = 0 gives
 * rate 0 and [0, 1].
 */
public record RateEstimate(long count, long n, double rate, Interval ci) {
    public static RateEstimate of(long count, long n, double confidenceLevel) {
        return new RateEstimate(count, n, n == 0 ? 0 : (double) count / n, Proportions.modifiedWilson(count, n,
                confidenceLevel));
    }

    public static RateEstimate exact(long count, long n, double confidenceLevel) {
        return new RateEstimate(count, n, n == 0 ? 0 : (double) count / n,
                Proportions.clopperPearson(count, n, confidenceLevel));
    }
}
