package org.verdict.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A t interval of a mean difference whose end on the side of the units' skew is moved out by the one-term Edgeworth
 * correction of the studentized mean ({@link SkewCorrection}, Hall 1992, §2.6): with γ &lt; 0 (a long tail below)
 * Δ − (τ + |γ|(2τ² + 1)/(6√k))·SE … Δ + τ·SE, τ the t quantile at the level, and the mirror image for γ &gt; 0; the
 * other end is the t interval's. It is the union of the t interval and the Cornish–Fisher interval, which moves both
 * ends toward the long tail by that much (with the normal quantile z in place of τ, the same to the order of the
 * expansion; τ keeps the p-value's digits at a Holm level). The paired differences of a log loss on a slice with a few
 * positives are such a mean: a slice with fewer of them than its population has both a smaller difference and a
 * smaller standard error, so the t interval misses on one side, and the moved interval misses on the other instead
 * (docs/statistics.md, "Δ log_loss: the long tail's end"). Both families widen with the level, so the union does, and
 * the p-value is its inversion: the t test's where the estimate lies on the long-tail side of 0 (that end is further
 * from 0), else the level at which the moved end reaches 0.
 *
 * @param t        the t interval (its estimate, standard error, degrees of freedom and range)
 * @param skewness γ of Δ's linear contributions over the units; not finite counts as 0 (no move)
 * @param units    k, the units γ is over
 */
public record SkewExtendedDifference(WaldDifference t, double skewness, int units) implements DeltaInference {

    @Override
    public double estimate() {
        return t.estimate();
    }

    @Override
    public double pValue() {
        boolean longTailTowardZero = skewness < 0 ? t.estimate() > 0 : skewness > 0 && t.estimate() < 0;
        if (!longTailTowardZero) {
            return t.pValue();
        }
        // the moved end reaches 0 where τ + c(2τ² + 1) = |Δ|/SE, c = |γ|/(6√k): the positive root of
        // 2cτ² + τ + c − r = 0, in the form without cancellation; none (p = 1) where the move alone passes 0
        double c = Math.abs(skewness) / (6 * Math.sqrt(units));
        double r = Math.abs(t.estimate()) / t.standardError();
        if (!(r > c)) {
            return 1.0;
        }
        double quantile = 2 * (r - c) / (1 + Math.sqrt(1 + 8 * c * (r - c)));
        if (Double.isInfinite(t.degreesOfFreedom())) {
            return PairedTests.normalTwoSidedP(quantile, 1);
        }
        // the lower tail directly, as the t test's p-value: 1 − CDF would cancel to 0 at a Holm level
        return Math.min(1.0, 2 * new TDistribution(null, t.degreesOfFreedom()).cumulativeProbability(-quantile));
    }

    @Override
    public Interval interval(double level) {
        double quantile = Double.isInfinite(t.degreesOfFreedom()) ? PairedTests.twoSidedCriticalValue(level)
                : new TDistribution(null, t.degreesOfFreedom()).inverseCumulativeProbability(0.5 + level / 2);
        double half = quantile * t.standardError();
        double move = Double.isFinite(skewness)
                ? SkewCorrection.atCritical(skewness, units, quantile) * t.standardError() : 0;
        double lower = t.estimate() - half - (skewness < 0 ? move : 0);
        double upper = t.estimate() + half + (skewness > 0 ? move : 0);
        return new Interval(Math.max(t.lowest(), lower), Math.min(t.highest(), upper));
    }
}
