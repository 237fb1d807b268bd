package org.verdict.core.stats;

/**
 * One model's roc_auc interval where its sample ranks every positive above every negative (AUC 1), or every negative
 * above every positive (AUC 0): there DeLong's variance is 0 and gives no interval, yet the true AUC is not known to
 * be 1. Any fixed matching of k = min(positives, negatives) disjoint (positive, negative) pairs gives k independent
 * pairs, each ordered right with probability at most θ (a tie is not ordered right), and a perfectly separating sample
 * orders all of them right; so P(perfect separation) ≤ θ^k, below the tail a whenever θ &lt; a^(1/k). The interval
 * [a^(1/k), 1] with a = (1 − level)/2, as Clopper–Pearson's at 0 events, therefore holds the true AUC at least at
 * the level, whatever the scores' distribution: the bound is attained where a share 1 − θ of one class scores like the
 * other (label noise), where Newcombe's score interval at AUC 1 does not cover (docs/statistics.md, "Perfect
 * separation"). At AUC 0 the interval is the mirror image, [0, 1 − a^(1/k)].
 */
public final class SeparationBound {
    private SeparationBound() {
    }

    /** Whether an AUC is one that perfect separation (or its reverse) gives. */
    public static boolean separates(double auc) {
        return auc == 1 || auc == 0;
    }

    /**
     * @param auc       1 or 0
     * @param positives at least 1
     * @param negatives at least 1
     */
    public static Interval of(double auc, long positives, long negatives, double level) {
        return atTail(auc, positives, negatives, (1 - level) / 2);
    }

    /** The interval whose bound has probability at most {@code tail} of lying above the true AUC (below, at AUC 0). */
    static Interval atTail(double auc, long positives, long negatives, double tail) {
        if (!separates(auc) || positives < 1 || negatives < 1 || !(tail > 0 && tail < 1)) {
            throw new IllegalArgumentException("an AUC of 0 or 1 on at least 1 positive and 1 negative, a tail in (0, 1)");
        }
        double bound = Math.pow(tail, 1.0 / Math.min(positives, negatives));
        return auc == 1 ? new Interval(bound, 1) : new Interval(0, 1 - bound);
    }
}
