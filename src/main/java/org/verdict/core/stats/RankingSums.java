package org.verdict.core.stats;

/**
 * Both models' ranking statistics on one slice as sums over its examples instead of rows, for roc_auc and pr_auc:
 * each example's DeLong placement value and average-precision influence, computed from the slice's own score
 * histogram on fine logit bins ({@link #FINE_WIDTH}, bin ⌊logit · 1000⌋), so every statistic is that of the rows'
 * scores rounded to their bins. A placement value depends only on the example's bin and class and the slice's
 * histogram; the cross sums pair each example's production value with its candidate value, so the covariance of the
 * two models is exact at that resolution too.
 *
 * @param positives the slice's positive examples (m); {@code negatives} its negative ones (n)
 * @param v10Cross Σ over positives of production's V10 · candidate's V10; {@code v01Cross} the same over negatives
 * @param influenceCross Σ over all examples of production's AP influence · candidate's AP influence
 * @param influenceDeltaFourth Σ over all examples of (candidate's AP influence − production's)⁴, for the effective
 *                             degrees of freedom of Δ's variance; NaN where the sums predate it
 */
public record RankingSums(long positives, long negatives, Model production, Model candidate, double v10Cross,
                          double v01Cross, double influenceCross, double influenceDeltaFourth) {
    /** Width of a fine bin in logit units. */
    public static final double FINE_WIDTH = 0.001;

    /**
     * One model's sums over the slice.
     *
     * @param v10 Σ over positives of V10 (the share of negatives scored below, ties half); AUC = v10 / m
     * @param v10Squared Σ over positives of V10²
     * @param v01 Σ over negatives of V01 (the share of positives scored above, ties half); also n · AUC
     * @param v01Squared Σ over negatives of V01²
     * @param precision Σ over positives of the precision at the example's bin as threshold; AP = precision / m
     * @param influenceSquared Σ over all examples of the AP influence squared (the influence-function variance)
     */
    public record Model(double v10, double v10Squared, double v01, double v01Squared, double precision,
                        double influenceSquared) {
    }
}
