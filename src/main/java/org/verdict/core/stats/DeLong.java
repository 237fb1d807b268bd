package org.verdict.core.stats;

/**
 * DeLong, DeLong &amp; Clarke-Pearson (1988) test of two correlated ROC AUCs on the same examples, computed in
 * O(n log n) from midranks (Sun &amp; Xu 2014): the structural components V10 (per positive) and V01 (per negative)
 * of each model give the covariance matrices S10, S01 and Var(AUC) = S10 / m + S01 / n.
 */
public final class DeLong {
    private DeLong() {
    }

    /**
     * @param deltaVariance variance of candidate AUC − production AUC
     * @param deltaDegreesOfFreedom Welch–Satterthwaite degrees of freedom of {@code deltaVariance} (see
     *                              {@link #degreesOfFreedom})
     */
    public record Result(double productionAuc, double candidateAuc, double productionVariance,
                         double candidateVariance, double deltaVariance, double deltaDegreesOfFreedom) {
    }

    /**
     * The Welch–Satterthwaite degrees of freedom of a DeLong variance a + b, with a = S10/m estimated from the m
     * positives' components and b = S01/n from the n negatives': (a + b)² / (a²/(m − 1) + b²/(n − 1)). DeLong's
     * variance is a two-sample variance like Welch's, so with a handful of positives it is about as uncertain as a
     * variance from that handful, and a normal reference makes the small tail probabilities of a Holm family too
     * small; with both classes large this tends to infinity (the normal). Infinite when a + b is 0.
     */
    public static double degreesOfFreedom(double positivePart, long positives, double negativePart, long negatives) {
        double a = Math.max(0, positivePart);
        double b = Math.max(0, negativePart);
        double denominator = a * a / (positives - 1) + b * b / (negatives - 1);
        return denominator > 0 ? Math.max(1, (a + b) * (a + b) / denominator) : Double.POSITIVE_INFINITY;
    }

    /**
     * DeLong's result from the components' sums: {@code sums[0]} over the m positives (V10), {@code sums[1]} over the
     * n negatives (V01), each {Σ p, Σ c, Σ p², Σ c², Σ p·c} of production's and candidate's components. The rows and
     * a summary pack's binned sums go through this one formula.
     */
    public static Result fromSums(double[][] sums, long m, long n) {
        double aucP = sums[0][0] / m;
        double aucC = sums[0][1] / m;
        double[] s10 = covariance(sums[0], m);
        double[] s01 = covariance(sums[1], n);
        double varP = s10[0] / m + s01[0] / n;
        double varC = s10[1] / m + s01[1] / n;
        double cov = s10[2] / m + s01[2] / n;
        double deltaPositivePart = (s10[0] + s10[1] - 2 * s10[2]) / m;
        double deltaNegativePart = (s01[0] + s01[1] - 2 * s01[2]) / n;
        return new Result(aucP, aucC, varP, varC, Math.max(0, varP + varC - 2 * cov),
                degreesOfFreedom(deltaPositivePart, m, deltaNegativePart, n));
    }

    /** Sample variances of p and c and their covariance (denominator count − 1). */
    private static double[] covariance(double[] s, long count) {
        double meanP = s[0] / count;
        double meanC = s[1] / count;
        return new double[] {
            (s[2] - count * meanP * meanP) / (count - 1),
            (s[3] - count * meanC * meanC) / (count - 1),
            (s[4] - count * meanP * meanC) / (count - 1)};
    }
}
