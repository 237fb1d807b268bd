package org.verdict.core.stats;

/**
 * How much a studentized bootstrap ({@link StudentizedBootstrap}) of a mean over k units can move an interval's end
 * away from the t interval h(θ̂) ± t·SE, in standard errors: the one-term Edgeworth expansion of a studentized mean
 * (Hall 1992, §2.6) puts its quantile at z − γ·(2z² + 1)/(6√k) + O(1/k), γ the units' skewness, so the correction
 * the bootstrap's t* quantiles carry is |γ|·(2z² + 1)/(6√k). Where that is small beside the bootstrap's own
 * Monte-Carlo error in the same quantile, √(p(1 − p)/B)/φ(z) with p = (1 + L)/2 over B replicates (0.084 standard
 * errors at 95 % and 1,000 replicates), the bootstrap buys nothing over the closed form: its ends then differ from the
 * t interval's by no more than they differ between two seeds of the bootstrap itself. The skewness is the one the
 * bootstrap would use, its units' own (a slice's hashed blocks), so the rule says how far the bootstrap at hand would
 * move the ends, noise in that skewness included.
 */
public final class SkewCorrection {

    private SkewCorrection() {
    }

    /** |γ|·(2z² + 1)/(6√k) at the two-sided level's z; NaN when the skewness is not finite. */
    public static double of(double skewness, int units, double level) {
        return atCritical(skewness, units, PairedTests.twoSidedCriticalValue(level));
    }

    /** {@link #of} at a critical value rather than a level (the normal z, or Student's t quantile in its place). */
    public static double atCritical(double skewness, int units, double z) {
        return Math.abs(skewness) * (2 * z * z + 1) / (6 * Math.sqrt(units));
    }

    /** The Monte-Carlo standard error, in standard errors, of the (1 + L)/2 quantile of B replicates of a normal t*. */
    public static double monteCarloError(int replicates, double level) {
        double p = 0.5 + level / 2;
        double z = PairedTests.twoSidedCriticalValue(level);
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return Math.sqrt(p * (1 - p) / replicates) / density;
    }

    /** Whether the correction is negligible beside the Monte-Carlo error of {@code replicates} replicates. */
    public static boolean negligible(double skewness, int units, double level, int replicates) {
        return of(skewness, units, level) <= monteCarloError(replicates, level);
    }
}
