package org.verdict.core.stats;

/**
 * One model's roc_auc interval: Newcombe's (2006, Part 2, method 5) score-type interval for the Mann–Whitney
 * θ = P(positive's score > negative's) + ½·P(tie), the set {θ : |θ̂ − θ| ≤ z·√V(θ)} with Hanley &amp; McNeil's (1982)
 * variance taken at the θ tested, as Wilson's interval of a rate takes p(1 − p) at p:
 * <pre>
 *   V(θ) = θ(1 − θ)·[1 + (N* − 1)·((1 − θ)/(2 − θ) + θ/(1 + θ))] / (m·n),   N* = (m + n)/2,
 * </pre>
 * m positives and n negatives. Newcombe replaced Hanley &amp; McNeil's m − 1 and n − 1 by N* − 1 each, which keeps the
 * interval's coverage where the classes are unequal. Unlike DeLong's variance it estimates nothing from the
 * placements of the few positives — with 5–9 of them DeLong's variance is a variance of a handful of skewed values,
 * which runs low, and its logit interval covered 78–93 % of the coverage benchmark's rare-positive slices
 * (docs/statistics.md, "Real-shaped packs"). Both ends are roots of θ̂ − θ ± z·√V(θ), found by bisection; the interval
 * always lies in [0, 1] and holds θ̂.
 */
public final class MannWhitneyScoreInterval {
    private MannWhitneyScoreInterval() {
    }

    /**
     * @param auc       the estimate θ̂ in [0, 1]
     * @param positives m ≥ 1
     * @param negatives n ≥ 1
     */
    public static Interval of(double auc, long positives, long negatives, double level) {
        if (!(auc >= 0 && auc <= 1) || positives < 1 || negatives < 1) {
            throw new IllegalArgumentException("a Mann–Whitney θ in [0, 1] of at least 1 positive and 1 negative");
        }
        return atCritical(auc, positives, negatives, PairedTests.twoSidedCriticalValue(level));
    }

    /** The interval at the critical value z of the standard normal instead of a level. */
    static Interval atCritical(double auc, long positives, long negatives, double z) {
        return new Interval(end(auc, 0, positives, negatives, z), end(auc, 1, positives, negatives, z));
    }

    /** Hanley &amp; McNeil's variance of θ̂ at θ with Newcombe's N* in place of m − 1 and n − 1. */
    static double variance(double theta, long positives, long negatives) {
        double nStar = (positives + negatives) / 2.0;
        return theta * (1 - theta) * (1 + (nStar - 1) * ((1 - theta) / (2 - theta) + theta / (1 + theta)))
                / ((double) positives * negatives);
    }

    /**
     * The root of |θ̂ − θ| = z·√V(θ) between θ̂ and {@code bound} (0 or 1): the distance grows from 0 at θ̂ and V
     * falls to 0 at the bound, so the sign changes once on the way.
     */
    private static double end(double auc, double bound, long positives, long negatives, double z) {
        double inside = auc;
        double outside = bound;
        for (int step = 0; step < 100 && Math.abs(outside - inside) > 1e-14; step++) {
            double theta = (inside + outside) / 2;
            if (Math.abs(auc - theta) <= z * Math.sqrt(variance(theta, positives, negatives))) {
                inside = theta;
            } else {
                outside = theta;
            }
        }
        return inside;
    }
}
