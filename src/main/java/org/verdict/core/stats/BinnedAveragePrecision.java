package org.verdict.core.stats;

/**
 * Average precision (pr_auc) of both models and the influence-function variance of each and of their difference, from
 * {@link RankingSums}: every fine bin is a tie group (one threshold), so the values and variances are those of the
 * row-level influence function ({@link SliceRanking#averagePrecisionInfluence}) on scores rounded to 0.001 logit, and
 * the cross sum pairs each example's two influences exactly.
 */
public final class BinnedAveragePrecision {
    public static final String TEST = "paired-influence-normal-binned-0.001-logit";

    private BinnedAveragePrecision() {
    }

    /** Values and variances; {@code deltaVariance} of candidate − production. */
    public record Result(double productionAp, double candidateAp, double productionVariance,
                         double candidateVariance, double deltaVariance) {
    }

    /** @throws IllegalArgumentException without positives (precision-recall is undefined) */
    public static Result compare(RankingSums sums) {
        long positives = sums.positives();
        if (positives == 0) {
            throw new IllegalArgumentException("no positive examples, so precision-recall is undefined");
        }
        double varP = sums.production().influenceSquared();
        double varC = sums.candidate().influenceSquared();
        // Σ (influence_c − influence_p)² over the examples
        return new Result(sums.production().precision() / positives, sums.candidate().precision() / positives, varP,
                varC, Math.max(0, varP + varC - 2 * sums.influenceCross()));
    }
}
