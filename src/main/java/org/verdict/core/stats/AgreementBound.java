package org.verdict.core.stats;

/**
 * Δ roc_auc when both models gave every example of the slice the same score. Δ is then 0 in the sample, and
 * DeLong's variance of Δ is 0, but the true Δ is not known to be 0: the models may disagree on examples not seen.
 * It is bounded by how often they can disagree. AUC is the probability that a random positive outranks a random
 * negative. Two models that score a positive alike except on a share d₊ of the positives, and a negative alike except
 * on a share d₋ of the negatives, rank a pair alike unless one of its two examples is in those shares. So
 * |Δ AUC| ≤ d₊ + d₋.
 *
 * No disagreement was seen among n₊ positives and n₋ negatives. Each share is bounded by the exact one-sided upper
 * limit for 0 events in n trials, 1 − α^(1/n) (Clopper &amp; Pearson 1934; about 3/n at α = 0.05, the "rule of
 * three"), taken at (1 − level)/2 each, so both hold together with at least the interval's confidence (Bonferroni).
 * The interval is therefore ±(u₊ + u₋) at every level. It always holds 0, so the p-value of Δ = 0 that inverts it
 * is 1: the data give no evidence of a difference, and with enough examples they show that any difference is small
 * (which a non-inferiority gate can use).
 */
public record AgreementBound(long positives, long negatives) implements DeltaInference {
    public static final String TEST = "identical-scores-agreement-bound";

    public AgreementBound {
        if (positives < 1 || negatives < 1) {
            throw new IllegalArgumentException("the bound needs both classes, got " + positives + " positive and "
                    + negatives + " negative examples");
        }
    }

    @Override
    public double estimate() {
        return 0;
    }

    @Override
    public double pValue() {
        return 1;
    }

    @Override
    public Interval interval(double level) {
        double tail = (1 - level) / 2;
        double half = Math.min(1, noEventUpperLimit(positives, tail) + noEventUpperLimit(negatives, tail));
        return new Interval(-half, half);
    }

    /** The exact upper confidence limit of a rate with 0 events in n trials: the p with (1 − p)^n = tail. */
    static double noEventUpperLimit(long trials, double tail) {
        return -Math.expm1(Math.log(tail) / trials);
    }
}
