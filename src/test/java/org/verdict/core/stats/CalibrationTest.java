package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Right-closed bins of width 0.1, as scikit-learn's calibration_curve: (0.2, 0.3] is bin 2, 0 is in bin 0. */
    @Test
    void binsAreRightClosedTenths() {
        assertEquals(0, Calibration.bin(0));
        assertEquals(0, Calibration.bin(0.1));
        assertEquals(1, Calibration.bin(0.1000001));
        assertEquals(2, Calibration.bin(0.3));
        assertEquals(3, Calibration.bin(0.31));
        assertEquals(9, Calibration.bin(0.95));
        assertEquals(9, Calibration.bin(1));
    }

    /** log loss clips at 1e-15: a confident miss costs −ln(1e-15) = 34.539, not infinity. */
    @Test
    void logLossIsClipped() {
        assertEquals(34.538776394910684, Calibration.logLoss(0, 1), 1e-9);
        assertEquals(-Math.log(0.8), Calibration.logLoss(0.8, 1), 1e-15);
        assertEquals(-Math.log(0.2), Calibration.logLoss(0.8, 0), 1e-15);
    }

    /**
     * Four examples, n = 4. Bin 7: scores .75 (label 1), .72 (label 0), .78 (label 1): gaps −.25, .72, −.22; the mean
     * of d_i·d_j over the 6 ordered pairs i ≠ j is 2·(−.18 + .055 − .1584)/6 = −.0944667, weighted 3/4. Bin 2 holds
     * one example and adds nothing.
     */
    @Test
    void squaredErrorIsTheMeanProductOverPairsWeightedByBinShare() {
        double[] sums = sums(new double[] {0.75, 0.72, 0.78, 0.25}, new int[] {1, 0, 1, 0});
        assertEquals(0.75 * 2 * (-0.18 + 0.055 - 0.1584) / 6, Calibration.squaredError(sums, 0, 4), 1e-12);
    }

    /**
     * The point of the estimator: for a perfectly calibrated model (label ~ Bernoulli(score)) the true value is 0;
     * the plug-in Σ (bin share)·(mean gap)² averages about Σ Var(gap)/n &gt; 0, the debiased one about 0.
     */
    @Test
    void debiasedEstimateOfACalibratedModelAveragesZero() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200;
        int replicates = 2000;
        double debiased = 0;
        double plugIn = 0;
        for (int r = 0; r < replicates; r++) {
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextDouble();
                labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
            }
            double[] sums = sums(scores, labels);
            debiased += Calibration.squaredError(sums, 0, n) / replicates;
            for (int bin = 0; bin < Calibration.BINS; bin++) {
                double m = sums[3 * bin];
                plugIn += m == 0 ? 0 : (m / n) * Math.pow(sums[3 * bin + 1] / m, 2) / replicates;
            }
        }
        // the plug-in is about Σ_b Var(gap | bin b)/n: ten bins of average variance E[s(1 − s)] ≈ 1/6 give ≈ 0.008;
        // one debiased estimate has a standard deviation near 0.0036, so the mean of 2000 one near 0.00008
        assertTrue(plugIn > 0.006, "plug-in " + plugIn);
        assertEquals(0, debiased, 0.0003);
    }

    private static double[] sums(double[] scores, int[] labels) {
        double[] sums = new double[Calibration.SQUARED_ERROR_SUMS];
        for (int i = 0; i < scores.length; i++) {
            Calibration.addExample(scores[i], labels[i], Calibration.bin(scores[i]),
                    (column, value) -> sums[column] += value);
        }
        return sums;
    }
}
