package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JackknifeVarianceTest {

    private static final double[][] STRATA = {{1, 2, 4, 7}, {3, 3, 5}, {10, 0, 2, 6, 1}};

    /**
     * For the mean of three strata's means, θ = (x̄₀ + x̄₁ + x̄₂)/3, the stratified jackknife is Welch's k-sample
     * variance Σ s_h²/(9 n_h) and its degrees of freedom Welch–Satterthwaite's. Strata {1, 2, 4, 7}, {3, 3, 5},
     * {10, 0, 2, 6, 1}: computed with numpy from the sample variances (ddof 1), not from leave-one-out values:
     * variance 0.6260493827, ν = 7.7849371772.
     */
    @Test
    void theStratifiedJackknifeOfAMeanOfMeansIsWelchs() {
        int units = 12;
        double[] leaveOneOut = new double[units];
        int[] stratum = new int[units];
        int j = 0;
        for (int h = 0; h < STRATA.length; h++) {
            for (int i = 0; i < STRATA[h].length; i++) {
                stratum[j] = h;
                leaveOneOut[j++] = meanOfMeansWithout(h, i);
            }
        }
        long[] ones = new long[units];
        Arrays.fill(ones, 1);
        JackknifeVariance jackknife = JackknifeVariance.stratified(leaveOneOut, ones, stratum, 3);
        assertEquals(0.6260493827160494, jackknife.variance(), 1e-12);
        assertEquals(7.784937177185976, jackknife.degreesOfFreedom(), 1e-9);
    }

    /** Units sharing a value count by their weight; undefined values and single-unit strata add nothing. */
    @Test
    void weightsGroupEqualValuesAndUndefinedOnesAreLeftOut() {
        // stratum 0: values 1 (×2), 3 (×2): mean 2, Σ(x − 2)² = 4, × 3/4 = 3; stratum 1: one unit, nothing to vary
        JackknifeVariance grouped = JackknifeVariance.stratified(new double[] {1, 3, Double.NaN, 5},
                new long[] {2, 2, 7, 1}, new int[] {0, 0, 0, 1}, 2);
        assertEquals(3.0, grouped.variance(), 1e-12);
        assertEquals(3.0, grouped.degreesOfFreedom(), 1e-12);
        assertTrue(Double.isNaN(JackknifeVariance.stratified(new double[] {1, 2}, new long[] {1, 1},
                new int[] {0, 1}, 2).variance()), "no stratum with two units");
    }

    /** The plain jackknife: (n − 1)/n · Σ(x − x̄)² over 1, 2, 4, 7 (x̄ 3.5, Σ 21): 15.75, on n − 1 = 3 df. */
    @Test
    void thePlainJackknifeHasNMinusOneDegreesOfFreedom() {
        JackknifeVariance plain = JackknifeVariance.plain(new double[] {1, 2, 4, 7, Double.NaN},
                new long[] {1, 1, 1, 1, 1});
        assertEquals(15.75, plain.variance(), 1e-12);
        assertEquals(3, plain.degreesOfFreedom());
    }

    private static double meanOfMeansWithout(int stratum, int unit) {
        double total = 0;
        for (int h = 0; h < STRATA.length; h++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < STRATA[h].length; i++) {
                if (h != stratum || i != unit) {
                    sum += STRATA[h][i];
                    count++;
                }
            }
            total += sum / count;
        }
        return total / STRATA.length;
    }
}
