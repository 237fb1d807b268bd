package org.verdict.core.stats;

/**
 * A Wald-type inference: Δ ± z·SE, and p = 2·(1 − Φ(|Δ| / SE)). Used with DeLong's and the influence function's
 * standard errors and with the bootstrap standard error of Δ. Clipping to the metric's range changes no decision:
 * 0 lies inside any range of a difference.
 *
 * @param standardError strictly positive (a zero standard error gives no interval; callers say why instead)
 */
public record NormalDifference(double estimate, double standardError, double lowest, double highest)
        implements DeltaInference {

    public NormalDifference {
        if (!(standardError > 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("a normal interval needs a positive, finite standard error, got "
                    + standardError);
        }
    }

    /** Unclipped: for metrics whose difference has no natural range (log loss, errors in the target's units). */
    public static NormalDifference unbounded(double estimate, double standardError) {
        return new NormalDifference(estimate, standardError, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Override
    public double pValue() {
        return PairedTests.normalTwoSidedP(estimate, standardError * standardError);
    }

    @Override
    public Interval interval(double level) {
        return PairedTests.normalInterval(estimate, standardError * standardError, level, lowest, highest);
    }
}
