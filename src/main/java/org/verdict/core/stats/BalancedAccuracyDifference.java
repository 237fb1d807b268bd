package org.verdict.core.stats;

/**
 * Δ of binary balanced accuracy, ½·Δrecall − ½·Δfpr, from Tango's score interval of each paired rate
 * ({@link PairedProportionDifference}) combined by MOVER, the method of variance estimates recovery for a sum of
 * independent estimates (Zou &amp; Donner 2008): with θ₁ = ½·Δrecall in ½·[l₁, u₁] and θ₂ = −½·Δfpr in
 * −½·[u₂, l₂],
 * <pre>
 *   L = θ₁ + θ₂ − √((θ₁ − L₁)² + (θ₂ − L₂)²),   U = θ₁ + θ₂ + √((U₁ − θ₁)² + (U₂ − θ₂)²).
 * </pre>
 * The two rates rest on disjoint rows (the positives and the negatives), so their estimates are independent given the
 * class counts. Each term's interval is its own score interval, which keeps its coverage on a handful of positives,
 * where a variance of Δ estimated from those few paired differences runs low (docs/statistics.md, "Real-shaped packs").
 * The p-value is the interval's inversion: 2(1 − Φ(z)) at the critical value z at which its nearer end reaches 0,
 * found by bisection.
 *
 * @param recall the paired recall over the positives (successes: predicted positive)
 * @param falsePositiveRate the paired fpr over the negatives (successes: predicted positive)
 */
public record BalancedAccuracyDifference(PairedProportionDifference recall,
                                         PairedProportionDifference falsePositiveRate) implements DeltaInference {

    /** The name of the method in reports and JSON. */
    public static final String TEST = "mover-tango-score";

    @Override
    public double estimate() {
        return (recall.estimate() - falsePositiveRate.estimate()) / 2;
    }

    @Override
    public Interval interval(double level) {
        return intervalAt(PairedTests.twoSidedCriticalValue(level));
    }

    private Interval intervalAt(double z) {
        Interval r = recall.intervalAt(z);
        Interval f = falsePositiveRate.intervalAt(z);
        double first = recall.estimate() / 2;
        double second = -falsePositiveRate.estimate() / 2;
        double lower = first + second - Math.hypot(first - r.lower() / 2, second + f.upper() / 2);
        double upper = first + second + Math.hypot(r.upper() / 2 - first, -f.lower() / 2 - second);
        return new Interval(lower, upper);
    }

    @Override
    public double pValue() {
        return estimate() == 0 ? 1.0 : PairedTests.pValueOfWideningInterval(this::intervalAt);
    }
}
