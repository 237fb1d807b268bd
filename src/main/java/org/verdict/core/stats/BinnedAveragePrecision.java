package org.verdict.core.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Average precision (pr_auc) of both models and the influence-function variance of each and of their difference, from
 * {@link BinnedScores}: every fine bin is a tie group (one threshold), so the values and each model's variance are those
 * of the row-level influence function ({@link SliceRanking#averagePrecisionInfluence}) on scores rounded to 0.001 logit.
 * The influence of an example depends only on its bin and class; the cross term of the difference pairs them through
 * the coarse joint histogram, each example taking its class's mean influence over its coarse bin.
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
    public static Result compare(BinnedScores scores) {
        long positives = scores.positives();
        if (positives == 0) {
            throw new IllegalArgumentException("no positive examples, so precision-recall is undefined");
        }
        Influence prod = new Influence(scores.productionBins(), scores.productionPositives(),
                scores.productionNegatives(), positives);
        Influence cand = new Influence(scores.candidateBins(), scores.candidatePositives(),
                scores.candidateNegatives(), positives);
        double cross = BinnedScores.crossMoment(scores.jointPositives(), prod.coarseMeanPositive,
                cand.coarseMeanPositive)
                + BinnedScores.crossMoment(scores.jointNegatives(), prod.coarseMeanNegative, cand.coarseMeanNegative);
        return new Result(prod.ap, cand.ap, prod.variance, cand.variance,
                Math.max(0, prod.variance + cand.variance - 2 * cross));
    }

    /** One model: AP, Σ influence², and each class's mean influence per coarse bin. */
    private static final class Influence {
        final double ap;
        final double variance;
        final Map<Long, Double> coarseMeanPositive = new HashMap<>();
        final Map<Long, Double> coarseMeanNegative = new HashMap<>();

        Influence(long[] bins, long[] pos, long[] neg, long positives) {
            long total = 0;
            for (int b = 0; b < bins.length; b++) {
                total += pos[b] + neg[b];
            }
            // the value: thresholds from the highest bin down, precision at each recall step
            double truePositives = 0;
            double selected = 0;
            double sum = 0;
            for (int b = bins.length - 1; b >= 0; b--) {
                truePositives += pos[b];
                selected += pos[b] + neg[b];
                if (pos[b] > 0) {
                    sum += pos[b] * (truePositives / selected);
                }
            }
            ap = sum / positives;
            // the influence of each bin's positives and negatives, as SliceRanking does per tie group
            Map<Long, double[]> positiveSums = new HashMap<>();
            Map<Long, double[]> negativeSums = new HashMap<>();
            long below = 0;
            long positivesBelow = 0;
            double c1 = 0;
            double c2 = 0;
            double squares = 0;
            for (int b = 0; b < bins.length; b++) {
                double atOrAbove = total - below;
                double positivesAtOrAbove = positives - positivesBelow;
                c1 += pos[b] / atOrAbove;
                c2 += pos[b] * positivesAtOrAbove / (atOrAbove * atOrAbove);
                double positiveInfluence = (positivesAtOrAbove / atOrAbove + c1 - c2 - ap) / positives;
                double negativeInfluence = -c2 / positives;
                squares += pos[b] * positiveInfluence * positiveInfluence + neg[b] * negativeInfluence * negativeInfluence;
                long coarse = BinnedScores.coarse(bins[b]);
                double[] p = positiveSums.computeIfAbsent(coarse, k -> new double[2]);
                p[0] += pos[b] * positiveInfluence;
                p[1] += pos[b];
                double[] n = negativeSums.computeIfAbsent(coarse, k -> new double[2]);
                n[0] += neg[b] * negativeInfluence;
                n[1] += neg[b];
                below += pos[b] + neg[b];
                positivesBelow += pos[b];
            }
            variance = squares;
            positiveSums.forEach((bin, s) -> coarseMeanPositive.put(bin, s[1] > 0 ? s[0] / s[1] : 0));
            negativeSums.forEach((bin, s) -> coarseMeanNegative.put(bin, s[1] > 0 ? s[0] / s[1] : 0));
        }
    }
}
