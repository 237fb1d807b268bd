package org.verdict.core.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Upper tails P(X &gt; x) of the distributions whose p-values the core reports, computed as tails: 1 − CDF loses
 * every digit once the CDF rounds to 1 (a chi-square of 216.86 on 3 degrees of freedom printed p = 0 where it is
 * 9.6e-47), and a p-value of 0 claims certainty no test has.
 */
public final class UpperTails {
    private UpperTails() {
    }

    /** P(χ²(degreesOfFreedom) &gt; statistic), as the regularized upper incomplete gamma function Q(k/2, x/2). */
    public static double chiSquare(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("a chi-square needs at least 1 degree of freedom, got "
                    + degreesOfFreedom);
        }
        return statistic <= 0 ? 1 : Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2);
    }

    /**
     * P(K &gt; lambda) of Kolmogorov's limiting distribution (the asymptotic two-sample Kolmogorov–Smirnov test at
     * lambda = D·√(nm/(n+m))). Below 1 the Jacobi theta form of the CDF converges in a few terms and the tail is
     * far from 0; from 1 on the alternating series of the tail, 2 Σ (−1)^(k−1) exp(−2k²λ²), whose first term
     * dominates, so the tail keeps its relative precision however small it is.
     */
    public static double kolmogorov(double lambda) {
        if (!(lambda > 0)) {
            return 1;
        }
        if (lambda < 1) {
            double sum = 0;
            for (int k = 1; ; k++) {
                double term = Math.exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * lambda * lambda));
                sum += term;
                if (term <= 1e-17 * sum || sum == 0) {
                    break;
                }
            }
            return Math.max(0, 1 - Math.sqrt(2 * Math.PI) / lambda * sum);
        }
        double sum = 0;
        for (int k = 1; ; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += k % 2 == 1 ? term : -term;
            if (term <= 1e-17 * sum) {
                break;
            }
        }
        return 2 * sum;
    }
}
