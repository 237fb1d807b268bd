package org.verdict.core.stats;

/**
 * DeLong's paired test of two ROC AUCs from {@link RankingSums} instead of rows. The sums were computed with scores
 * in one fine bin counted as tied (half a pair each), so the AUCs, each model's variance and their covariance are
 * DeLong's on the scores rounded to 0.001 logit: the same formula as on rows ({@link DeLong#fromSums}), fed with
 * sums of placement values the summary SQL computed from each slice's histogram and joined back to every example.
 */
public final class BinnedDeLong {
    public static final String TEST = "delong-binned-0.001-logit";

    private BinnedDeLong() {
    }

    /** @throws IllegalArgumentException with fewer than 2 positives or 2 negatives */
    public static DeLong.Result compare(RankingSums sums) {
        long positives = sums.positives();
        long negatives = sums.negatives();
        if (positives < 2 || negatives < 2) {
            throw new IllegalArgumentException("DeLong's test needs at least 2 positive and 2 negative examples");
        }
        RankingSums.Model p = sums.production();
        RankingSums.Model c = sums.candidate();
        double[][] components = {
            {p.v10(), c.v10(), p.v10Squared(), c.v10Squared(), sums.v10Cross()},
            {p.v01(), c.v01(), p.v01Squared(), c.v01Squared(), sums.v01Cross()}};
        return DeLong.fromSums(components, positives, negatives);
    }
}
