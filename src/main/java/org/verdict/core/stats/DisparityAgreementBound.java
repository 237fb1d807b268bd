package org.verdict.core.stats;

import java.util.Arrays;

/**
 * How much a fairness disparity can change between two models that select the positive class alike on every example
 * the disparity counts (docs/statistics.md, "Fairness: two models that agree on every example"). The paired bootstrap
 * then gives a worsening of 0 on every replicate, but the models may still differ on examples not seen. Let D_g be
 * the population share of group g's counted examples (all of them for the selection rate, its positives for the TPR,
 * its negatives for the FPR) on which the models differ: each group's rate moves by at most D_g, and with no
 * disagreement among its n_g examples D_g is below the exact one-sided limit u(n_g, a) = 1 − a^(1/n_g)
 * ({@link AgreementBound#noEventUpperLimit}). The tail α = 1 − level is split evenly among every limit a bound uses
 * (Bonferroni), so all hold together with at least the level, and the worsening lies within [−b, b].
 */
public final class DisparityAgreementBound {
    private DisparityAgreementBound() {
    }

    /**
     * A gap max_g r_g − min_g r_g: if a and b are the candidate's arg max and arg min, its gap minus production's is at
     * most (r'_a − r_a) − (r'_b − r_b) ≤ D_a + D_b, and the same the other way, so b is the sum of the two largest
     * limits, each at α/G over the G groups.
     *
     * @param counted each group's counted examples (groups without any do not enter the gap)
     */
    public static double ofGap(long[] counted, double level) {
        long[] groups = Arrays.stream(counted).filter(n -> n > 0).toArray();
        return gap(groups, (1 - level) / groups.length);
    }

    /**
     * Equalized odds, the larger of the TPR gap and the FPR gap: |max(x, y) − max(x', y')| ≤ max(|x − x'|, |y − y'|),
     * so b is the larger of the two gaps' bounds, their 2G limits each at α/(2G).
     */
    public static double ofLargerGap(long[] positives, long[] negatives, double level) {
        long[] withPositives = Arrays.stream(positives).filter(n -> n > 0).toArray();
        long[] withNegatives = Arrays.stream(negatives).filter(n -> n > 0).toArray();
        double tail = (1 - level) / (withPositives.length + withNegatives.length);
        return Math.max(gap(withPositives, tail), gap(withNegatives, tail));
    }

    /**
     * The ratio min_g s_g / max_g s_g of selection rates. With m, M production's min and max and m', M' the
     * candidate's, |m − m'| and |M − M'| are at most D = max_g D_g, and exactly m/M − m'/M' = (m(M' − M) − M(m' − m))
     * / (M·M'), so |Δ| ≤ D(m + M)/(M·M') ≤ 2D/M' and likewise ≤ 2D/M. M is at least the pooled selection rate of the
     * groups, whose exact (Clopper–Pearson) lower limit at α/2 bounds it from below; the G limits share the other α/2.
     *
     * @param selected the examples selected in all groups together (either model: they agree)
     */
    public static double ofRatio(long[] examples, long selected, double level) {
        long[] groups = Arrays.stream(examples).filter(n -> n > 0).toArray();
        double alpha = 1 - level;
        double largest = Arrays.stream(groups).mapToDouble(n -> AgreementBound.noEventUpperLimit(n, alpha / 2
                / groups.length)).max().orElse(1);
        double pooledLower = AgreementBound.exactLowerLimit(selected, Arrays.stream(groups).sum(), alpha / 2);
        return pooledLower > 0 ? Math.min(1, 2 * largest / pooledLower) : 1;
    }

    private static double gap(long[] groups, double tail) {
        double[] limits = Arrays.stream(groups).mapToDouble(n -> AgreementBound.noEventUpperLimit(n, tail)).sorted()
                .toArray();
        return limits.length < 2 ? 1 : Math.min(1, limits[limits.length - 1] + limits[limits.length - 2]);
    }
}
