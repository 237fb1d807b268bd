package org.verdict.core.stats;

import org.apache.commons.math3.special.Erf;

/**
 * One model's roc_auc interval, by the slice's class counts and DeLong's variance (docs/statistics.md, "Real-shaped
 * packs" and "Perfect separation"): where the sample separates the classes perfectly (AUC 1 or 0, DeLong's variance
 * 0) the exact {@link SeparationBound}; else with fewer than {@link #DELONG_MIN_CLASS} of the rarer class Newcombe's
 * score interval ({@link MannWhitneyScoreInterval}), which rests on the class counts alone where DeLong's variance of
 * a handful of placements runs low; from there on DeLong's logit interval, or, near AUC 1 or 0, where the rarer
 * class's misordering adds up to fewer than {@link #MIN_MISORDERED} of its examples, the union of DeLong's logit
 * interval and Newcombe's: DeLong's variance then rests on those few misordered examples and runs low where the scores
 * overlap smoothly (binormal), Newcombe's rests on Hanley &amp; McNeil's model of the scores and runs low where a few
 * examples score like the other class (label noise); each covers where the other misses (docs/statistics.md, "Near 1
 * but not separated"). None where DeLong's variance is 0 without separation (every example scored alike).
 */
public final class AucInterval {
    /** From this many of the rarer class on, DeLong's logit interval. */
    public static final int DELONG_MIN_CLASS = 20;
    /**
     * Below this, min(positives, negatives)·min(AUC, 1 − AUC), the union with Newcombe's interval: the rarer class's
     * total misplacement, k where k of its examples rank wholly on the wrong side and the rest perfectly.
     */
    static final double MIN_MISORDERED = 3;

    private AucInterval() {
    }

    /** The interval at the level, or null where there is none. */
    public static Interval of(double auc, double delongVariance, long positives, long negatives, double level) {
        return atCritical(auc, delongVariance, positives, negatives, PairedTests.twoSidedCriticalValue(level));
    }

    /**
     * The interval at the critical value z of the standard normal (the level 1 − 2Φ(−z)), so that levels far beyond
     * what a double near 1 holds keep their digits; null where there is none.
     */
    static Interval atCritical(double auc, double delongVariance, long positives, long negatives, double z) {
        if (!(delongVariance > 0)) {
            return SeparationBound.separates(auc) && positives >= 1 && negatives >= 1
                    ? SeparationBound.atTail(auc, positives, negatives, Erf.erfc(z / Math.sqrt(2)) / 2)
                    : null;
        }
        if (Math.min(positives, negatives) < DELONG_MIN_CLASS) {
            return MannWhitneyScoreInterval.atCritical(auc, positives, negatives, z);
        }
        Interval delong = PairedTests.logitIntervalAt(auc, delongVariance, z);
        if (Math.min(positives, negatives) * Math.min(auc, 1 - auc) >= MIN_MISORDERED) {
            return delong;
        }
        Interval score = MannWhitneyScoreInterval.atCritical(auc, positives, negatives, z);
        return new Interval(Math.min(delong.lower(), score.lower()), Math.max(delong.upper(), score.upper()));
    }
}
