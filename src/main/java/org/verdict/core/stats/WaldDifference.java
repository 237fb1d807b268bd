package org.verdict.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A Wald-type inference: Δ ± q·SE with q the normal quantile (infinite degrees of freedom) or Student's t quantile,
 * and p = 2·P(|Z| &gt; |Δ|/SE) from the same reference distribution, so the interval at level L excludes 0 exactly
 * when p &lt; 1 − L. The normal form serves DeLong's and the influence function's standard errors; the t form the
 * bootstrap standard error (see {@link #bootstrap}). Clipping to the metric's range changes no decision: 0 lies inside
 * any range of a difference.
 *
 * @param standardError strictly positive (a zero standard error gives no interval; callers say why instead)
 * @param degreesOfFreedom of the t reference distribution; {@link Double#POSITIVE_INFINITY} for the normal
 */
public record WaldDifference(double estimate, double standardError, double degreesOfFreedom, double lowest,
                             double highest) implements DeltaInference {

    public WaldDifference {
        if (!(standardError > 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("a Wald interval needs a positive, finite standard error, got "
                    + standardError);
        }
        if (!(degreesOfFreedom >= 1)) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + degreesOfFreedom);
        }
    }

    /** Δ ± z·SE within [lowest, highest]. */
    public static WaldDifference normal(double estimate, double standardError, double lowest, double highest) {
        return new WaldDifference(estimate, standardError, Double.POSITIVE_INFINITY, lowest, highest);
    }

    /**
     * From the bootstrap standard error of Δ over {@code units} independently resampled units (rows, or blocks of the
     * random-block bootstrap): the plug-in variance is (k − 1)/k of the unbiased one, so SE·√(k/(k − 1)), with
     * Student's t on k − 1 degrees of freedom. For a mean such as mae or brier this is exactly the paired t-interval;
     * for large k it is the usual normal "standard" bootstrap interval (Efron &amp; Tibshirani 1993, §13.2).
     */
    public static WaldDifference bootstrap(double estimate, double bootstrapStandardError, int units, double lowest,
                                           double highest) {
        if (units < 2) {
            throw new IllegalArgumentException("a bootstrap over fewer than 2 units has no standard error");
        }
        return new WaldDifference(estimate, bootstrapStandardError * Math.sqrt((double) units / (units - 1)),
                units - 1, lowest, highest);
    }

    /**
     * {@link #bootstrap} with Student's t on {@code degreesOfFreedom} instead of k − 1 (e.g. from
     * {@link #effectiveDegreesOfFreedom}).
     */
    public static WaldDifference bootstrap(double estimate, double bootstrapStandardError, int units,
                                           double degreesOfFreedom, double lowest, double highest) {
        if (units < 2) {
            throw new IllegalArgumentException("a bootstrap over fewer than 2 units has no standard error");
        }
        return new WaldDifference(estimate, bootstrapStandardError * Math.sqrt((double) units / (units - 1)),
                Math.min(units - 1, degreesOfFreedom), lowest, highest);
    }

    /**
     * The degrees of freedom of a bootstrap's variance of a mean over k units, from the units' centred linear
     * contributions u (Σu = 0): the χ²'s whose variance matches that of the variance estimate, whose relative variance
     * is 2/(k − 1) + (κ − 3)/k for units of kurtosis κ = k·Σu⁴/(Σu²)² (Satterthwaite's (1946) matching of moments).
     * k − 1 for normal contributions (κ = 3), about 2·(Σu²)²/Σu⁴ where a few units carry the variance — where t on
     * k − 1 treats a standard error resting on those few units as if it were known; never above k − 1 nor below 1.
     */
    public static double kurtosisDegreesOfFreedom(double[] contributions) {
        int units = contributions.length;
        double squares = 0;
        double fourths = 0;
        for (double u : contributions) {
            squares += u * u;
            fourths += u * u * u * u;
        }
        if (units < 2 || !(fourths > 0)) {
            return Math.max(1, units - 1);
        }
        double kurtosis = units * fourths / (squares * squares);
        double relativeVariance = 2.0 / (units - 1) + (kurtosis - 3) / units;
        return relativeVariance > 2.0 / (units - 1) ? Math.max(1, 2 / relativeVariance) : units - 1;
    }

    /**
     * Satterthwaite's effective degrees of freedom of a variance estimated as a sum of squared influence values,
     * Σ w·ψ² (each unit's squared influence counted as one degree of freedom): (Σ w·ψ²)² / Σ w·ψ⁴, between 1 and
     * Σ w. It is the number of units when every unit weighs the same and far fewer when a few units carry the variance
     * (the positives of a precision-recall curve), where a t reference on n − 1 degrees of freedom makes the small tail
     * probabilities of a Holm family too small. Measured, it over-corrects when one rare class carries most of Σψ⁴
     * (docs/statistics.md, "Δ in the small tails of a Holm family").
     * Influence values that are NaN (a unit whose removal leaves the metric undefined) are skipped.
     *
     * @param weights how many units share each influence value (null: one each)
     */
    public static double effectiveDegreesOfFreedom(double[] influence, long[] weights) {
        double squares = 0;
        double fourths = 0;
        double units = 0;
        for (int i = 0; i < influence.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double square = influence[i] * influence[i];
            if (Double.isNaN(square) || w == 0) {
                continue;
            }
            units += w;
            squares += w * square;
            fourths += w * square * square;
        }
        return effectiveDegreesOfFreedom(squares, fourths, units);
    }

    /**
     * {@link #effectiveDegreesOfFreedom(double[], long[])} from the sums it needs, for influence values summed elsewhere
     * (a summary pack's SQL): Σψ², Σψ⁴ and the number of units.
     */
    public static double effectiveDegreesOfFreedom(double squares, double fourths, double units) {
        if (!(fourths > 0)) {
            return Math.max(1, units - 1);
        }
        return Math.max(1, Math.min(units - 1, squares * squares / fourths));
    }

    @Override
    public double pValue() {
        if (Double.isInfinite(degreesOfFreedom)) {
            return PairedTests.normalTwoSidedP(estimate, standardError * standardError);
        }
        double t = Math.abs(estimate) / standardError;
        // the lower tail directly: 1 − CDF(t) would cancel to 0 for the tiny p-values a Holm family needs
        return Math.min(1.0, 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-t));
    }

    @Override
    public Interval interval(double level) {
        double quantile = Double.isInfinite(degreesOfFreedom) ? PairedTests.twoSidedCriticalValue(level)
                : new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2);
        double half = quantile * standardError;
        return new Interval(Math.max(lowest, estimate - half), Math.min(highest, estimate + half));
    }
}
