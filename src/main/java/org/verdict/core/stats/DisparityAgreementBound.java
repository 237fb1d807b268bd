package org.verdict.core.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How much a fairness disparity can change between two models that select the positive class differently on few of
 * the examples the disparity counts (docs/statistics.md, "Fairness: two models that disagree on few examples"). The
 * paired bootstrap sees only the disagreements drawn: with none it gives a worsening of 0 on every replicate, and with
 * a handful that all lower the gap no replicate can raise it, yet the models may differ on examples not seen. Let D_g
 * be the population share of group g's counted examples (all of them for the selection rate, its positives for the
 * TPR, its negatives for the FPR) on which the models differ: each group's rate moves by at most D_g, and with k_g
 * disagreements among its n_g examples D_g is below the exact (Clopper–Pearson) one-sided upper limit for k_g events
 * in n_g trials ({@link AgreementBound#exactUpperLimit}; 1 − a^(1/n_g) for none). The bound does not ask which way
 * the seen disagreements moved the gap: which groups end largest and smallest in the population is not known, so any
 * disagreement may raise it. The tail α = 1 − level is split evenly among every limit a bound uses (Bonferroni), so
 * all hold together with at least the level, and the worsening lies within [−b, b].
 */
public final class DisparityAgreementBound {
    private DisparityAgreementBound() {
    }

    /**
     * A gap max_g r_g − min_g r_g: if a and b are the candidate's arg max and arg min, its gap minus production's is at
     * most (r'_a − r_a) − (r'_b − r_b) ≤ D_a + D_b, and the same the other way, so b is the sum of the two largest
     * limits, each at α/G over the G groups.
     *
     * @param counted     each group's counted examples (groups without any do not enter the gap)
     * @param disagreeing of those, the examples the two models select differently
     */
    public static double ofGap(long[] counted, long[] disagreeing, double level) {
        int[] groups = withExamples(counted);
        return gap(counted, disagreeing, groups, (1 - level) / groups.length);
    }

    /**
     * Equalized odds, the larger of the TPR gap and the FPR gap: |max(x, y) − max(x', y')| ≤ max(|x − x'|, |y − y'|),
     * so b is the larger of the two gaps' bounds, their 2G limits each at α/(2G).
     */
    public static double ofLargerGap(long[] positives, long[] positivesDisagreeing, long[] negatives,
                                     long[] negativesDisagreeing, double level) {
        int[] withPositives = withExamples(positives);
        int[] withNegatives = withExamples(negatives);
        double tail = (1 - level) / (withPositives.length + withNegatives.length);
        return Math.max(gap(positives, positivesDisagreeing, withPositives, tail),
                gap(negatives, negativesDisagreeing, withNegatives, tail));
    }

    /**
     * The ratio min_g s_g / max_g s_g of selection rates. With m, M production's min and max and m', M' the
     * candidate's, |m − m'| and |M − M'| are at most D = max_g D_g, and exactly m/M − m'/M' = ((m − m')M' +
     * m'(M' − M)) / (M·M'), so |Δ| ≤ D(M' + m')/(M·M') ≤ 2D/M. M is at least production's pooled selection rate of the
     * groups, whose exact (Clopper–Pearson) lower limit at α/2 bounds it from below; the G limits share the other α/2.
     *
     * @param selectedByProduction the examples production selects in all groups together
     */
    public static double ofRatio(long[] examples, long[] disagreeing, long selectedByProduction, double level) {
        int[] groups = withExamples(examples);
        double alpha = 1 - level;
        double largest = IntStream.of(groups).mapToDouble(g -> AgreementBound.exactUpperLimit(disagreeing[g],
                examples[g], alpha / 2 / groups.length)).max().orElse(1);
        double pooledLower = AgreementBound.exactLowerLimit(selectedByProduction,
                IntStream.of(groups).mapToLong(g -> examples[g]).sum(), alpha / 2);
        return pooledLower > 0 ? Math.min(1, 2 * largest / pooledLower) : 1;
    }

    private static int[] withExamples(long[] counted) {
        return IntStream.range(0, counted.length).filter(g -> counted[g] > 0).toArray();
    }

    private static double gap(long[] counted, long[] disagreeing, int[] groups, double tail) {
        double[] limits = IntStream.of(groups)
                .mapToDouble(g -> AgreementBound.exactUpperLimit(disagreeing[g], counted[g], tail)).sorted().toArray();
        return limits.length < 2 ? 1 : Math.min(1, limits[limits.length - 1] + limits[limits.length - 2]);
    }
}
