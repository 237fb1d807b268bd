package org.verdict.core.stats;

/**
 * The inference about a difference that is a fixed positive multiple of another one: Δ = factor · Δ_inner, every
 * interval the inner one times the factor, and the inner p-value unchanged (0 maps to 0, so the interval at any level
 * still excludes 0 exactly when p &lt; 1 − level). For rmse: √a − √b = (a − b)/(√a + √b), so the difference of
 * rmse is the difference of mean squared errors divided by the sum of the two rmse, and its test is the paired test of
 * the squared errors (Diebold &amp; Mariano 1995 with squared loss). A Wald interval of √a − √b itself, with a bootstrap
 * standard error, is too narrow in the tails when one gross error dominates a slice: the square root compresses the
 * resamples that repeat it.
 *
 * @param factor strictly positive and finite
 */
public record RescaledDifference(DeltaInference inner, double factor) implements DeltaInference {

    public RescaledDifference {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the factor must be positive and finite, got " + factor);
        }
    }

    @Override
    public double estimate() {
        return inner.estimate() * factor;
    }

    @Override
    public double pValue() {
        return inner.pValue();
    }

    @Override
    public Interval interval(double level) {
        Interval i = inner.interval(level);
        return new Interval(i.lower() * factor, i.upper() * factor);
    }
}
