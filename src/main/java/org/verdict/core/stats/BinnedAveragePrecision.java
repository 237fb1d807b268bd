package org.verdict.core.stats;

/**
 * Average precision (pr_auc) of both models and the influence-function variance of each and of their difference, from
 * {@link RankingSums}: every fine bin is a tie group (one threshold), so the values and variances are those of the
 * row-level influence function ({@link SliceRanking#averagePrecisionInfluence}) on scores rounded to 0.001 logit, and
 * the cross sum pairs each example's two influences exactly.
 */
public final class BinnedAveragePrecision {
    /** Δ ± z·SE: slices over 2,000 examples (as the rows), and smaller ones of packs whose sums lack Σψ⁴. */
    public static final String TEST = "paired-influence-normal-binned-0.001-logit";
    /** Δ ± t(ν)·SE, ν the effective degrees of freedom of Δ's influence values: slices up to 2,000 (as the rows). */
    public static final String T_TEST = "paired-influence-t-binned-0.001-logit";

    private BinnedAveragePrecision() {
    }

    /**
     * Values and variances; {@code deltaVariance} of candidate − production, {@code deltaDegreesOfFreedom} the effective
     * degrees of freedom of that variance ((Σψ²)² / Σψ⁴ over Δ's influence values ψ, between 1 and n − 1), NaN where
     * the sums lack Σψ⁴.
     */
    public record Result(double productionAp, double candidateAp, double productionVariance,
                         double candidateVariance, double deltaVariance, double deltaDegreesOfFreedom) {
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
        double deltaVariance = Math.max(0, varP + varC - 2 * sums.influenceCross());
        double degreesOfFreedom = Double.isNaN(sums.influenceDeltaFourth()) ? Double.NaN
                : WaldDifference.effectiveDegreesOfFreedom(deltaVariance, sums.influenceDeltaFourth(),
                        positives + sums.negatives());
        return new Result(sums.production().precision() / positives, sums.candidate().precision() / positives, varP,
                varC, deltaVariance, degreesOfFreedom);
    }
}
