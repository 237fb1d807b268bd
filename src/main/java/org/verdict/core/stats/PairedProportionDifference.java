package org.verdict.core.stats;

/**
 * Tango's (1998) asymptotic score interval for the difference of two paired proportions, and the score test it
 * inverts. With N pairs, b pairs where only the candidate succeeds and c where only production does, Δ = (b − c)/N
 * and
 * <pre>
 *   T(Δ) = (b − c − NΔ) / √(N (2 q̂(Δ) + Δ(1 − Δ)))
 * </pre>
 * where q̂(Δ) is the maximum-likelihood estimate of the probability "only production succeeds" restricted to the
 * difference Δ: the root (√(B² − 4AC) − B) / 2A of A = 2N, B = −b − c + (2N − b + c)Δ, C = −cΔ(1 − Δ). The
 * interval is {Δ : |T(Δ)| &lt; z}; at Δ = 0 the statistic is (b − c)/√(b + c), McNemar's statistic without continuity
 * correction, so the p-value is McNemar's and excludes 0 exactly when the interval does. Unlike a bootstrap it
 * never has zero width: with b = c = 0 it is ±z²/(N + z²).
 *
 * <p>The successes are whatever the metric counts: a correct prediction (accuracy), a predicted positive among the
 * positives (recall) or the negatives (fpr), or among all rows (selection rate).
 *
 * @param onlyCandidate pairs where only the candidate succeeds (b)
 * @param onlyProduction pairs where only production succeeds (c)
 * @param pairs N, all pairs of the comparison (both, neither, and the discordant ones)
 */
public record PairedProportionDifference(long onlyCandidate, long onlyProduction, long pairs)
        implements DeltaInference {

    /** The name of the method in reports and JSON. */
    public static final String TEST = "tango-score";

    public PairedProportionDifference {
        if (pairs <= 0 || onlyCandidate < 0 || onlyProduction < 0 || onlyCandidate + onlyProduction > pairs) {
            throw new IllegalArgumentException("discordant counts " + onlyCandidate + " and " + onlyProduction
                    + " do not fit " + pairs + " pairs");
        }
    }

    @Override
    public double estimate() {
        return (double) (onlyCandidate - onlyProduction) / pairs;
    }

    @Override
    public double pValue() {
        long discordant = onlyCandidate + onlyProduction;
        if (discordant == 0) {
            return 1.0;
        }
        double z = (onlyCandidate - onlyProduction) / Math.sqrt(discordant);
        return PairedTests.normalTwoSidedP(z, 1);
    }

    @Override
    public Interval interval(double level) {
        return intervalAt(PairedTests.twoSidedCriticalValue(level));
    }

    /** {Δ : |T(Δ)| &lt; z} for the critical value z: a level's, or one on the way to the p-value of a sum of these. */
    Interval intervalAt(double z) {
        double estimate = estimate();
        // T decreases in Δ: the lower limit solves T = z below the estimate, the upper T = −z above it
        return new Interval(solve(-1, estimate, z), solve(estimate, 1, -z));
    }

    /** The Δ in [low, high] where T(Δ) crosses {@code target}, by bisection (T is decreasing). */
    private double solve(double low, double high, double target) {
        if (statistic(low) <= target) {
            return low;
        }
        if (statistic(high) >= target) {
            return high;
        }
        for (int step = 0; step < 200 && high - low > 1e-13; step++) {
            double middle = (low + high) / 2;
            if (statistic(middle) > target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** T(Δ); ±∞ where the restricted variance vanishes but the numerator does not. */
    double statistic(double delta) {
        double n = pairs;
        double b = onlyCandidate;
        double c = onlyProduction;
        double a = 2 * n;
        double bCoefficient = -b - c + (2 * n - b + c) * delta;
        double cCoefficient = -c * delta * (1 - delta);
        double discriminant = Math.max(0, bCoefficient * bCoefficient - 4 * a * cCoefficient);
        double q = (Math.sqrt(discriminant) - bCoefficient) / (2 * a);
        double variance = n * (2 * q + delta * (1 - delta));
        double numerator = b - c - n * delta;
        if (!(variance > 0)) {
            return numerator == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, numerator);
        }
        return numerator / Math.sqrt(variance);
    }
}
