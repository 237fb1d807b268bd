package org.verdict.core.stats;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/** Intervals for rates (violation rates, accuracies, success rates) that behave well near 0 and 1. */
public final class Proportions {
    private Proportions() {
    }

    /** Wilson score interval of {@code successes / n}; [0, 1] when n is 0. */
    public static Interval wilson(long successes, long n, double confidenceLevel) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        ConfidenceInterval wilson = new WilsonScoreInterval().createInterval(Math.toIntExact(n),
                Math.toIntExact(successes), confidenceLevel);
        // at 0 or n successes the bound is exactly 0 or 1; the library's rounding leaves 5e-17, outside the estimate
        return new Interval(successes == 0 ? 0 : Math.max(0, wilson.getLowerBound()),
                successes == n ? 1 : Math.min(1, wilson.getUpperBound()));
    }

    /**
     * Newcombe's hybrid score interval (method 10, 1998) for the difference of two independent rates
     * {@code a/n − b/m}, built from the two Wilson intervals.
     */
    public static Interval newcombeDifference(long a, long n, long b, long m, double confidenceLevel) {
        double p1 = (double) a / n;
        double p2 = (double) b / m;
        Interval w1 = wilson(a, n, confidenceLevel);
        Interval w2 = wilson(b, m, confidenceLevel);
        double lower = p1 - p2 - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
        double upper = p1 - p2 + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
        return new Interval(lower, upper);
    }

    private static double square(double x) {
        return x * x;
    }
}
