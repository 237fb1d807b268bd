package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Eight houses: labels 300, 300, 380, 250, 470, 340, 300, 360; production 310, 295, 402, 260, 515, 330, 288, 350;
 * candidate 305, 301, 390, 262, 480, 338, 296, 352. The variances of the means are the sample (co)variances / 8, the
 * values a row bootstrap's variance times k/(k − 1) estimates; t on 7 degrees of freedom, t(0.975) = 2.364624.
 * Expected values from NumPy/SciPy: Fieller's bounds as the roots of (a − ρb)² = t²(V_aa − 2ρV_ab + ρ²V_bb) by the
 * quadratic formula, the worse end as the paired t-interval's upper bound, p as scipy.stats.ttest_rel.
 */
class PairedMeanRatioTest {

    /**
     * Absolute errors: production 10, 5, 22, 10, 45, 10, 12, 10 (mean 15.5); candidate 5, 1, 10, 12, 10, 2, 4, 8
     * (mean 6.5); V_aa = 2.0714286, V_bb = 20.642857, V_ab = 3.3392857. Quadratic roots 0.2254791, 1.0896027: ρ ≥
     * 0.2254791, so Δ mae ≥ 15.5 × (0.2254791 − 1) = −12.005074; the paired t-interval's upper end 0.4690475;
     * ttest_rel p 0.0594174.
     */
    @Test
    void maeIsBoundedBelowByFiellersRatioAndAboveByThePairedTInterval() {
        PairedMeanRatio mae = new PairedMeanRatio(6.5, 15.5, 2.071428571428571, 20.642857142857142,
                3.339285714285714, 7, PairedMeanRatio.Form.MEAN, 15.5);
        assertEquals(-9, mae.estimate(), 1e-12);
        assertEquals(0.0594174407194772, mae.pValue(), 1e-9);
        Interval ci = mae.interval(0.95);
        assertEquals(-12.005073861210743, ci.lower(), 1e-6);
        assertEquals(0.4690474803776734, ci.upper(), 1e-6);
    }

    /**
     * Squared errors: production mean 384.75 (rmse 19.615045), candidate 56.75 (rmse 7.533260); V_aa = 356.52679,
     * V_bb = 57356.813, V_ab = 1825.9375. Production's mean is not above 0 at 95 % (b² &lt; t²V_bb), so Fieller's set
     * is unbounded above; its lower end is the root 0.0405594. Worse end: (56.75 + t·SE(d)) / 384.75 = 1.5764825.
     * Δ rmse = 19.615045 × (√ρ − 1): [−15.664700, 5.013224]; the ordinary paired interval of the squared errors
     * divided by the two rmse, [−32.33, 8.17], put the candidate's rmse at −12.7. p = 0.2011966, Diebold–Mariano's
     * paired t-test of the squared errors (ttest_rel). r2: SST = 31750, production 0.9030551, Δ r2 = (1 − 0.9030551)
     * × (1 − ρ): [−0.0558870, 0.0930129], whose upper end leaves the candidate's r2 at most 0.996068 &lt; 1.
     */
    @Test
    void rmseAndR2StayFeasibleWhereTheDifferenceIntervalDidNot() {
        PairedMeanRatio rmse = new PairedMeanRatio(56.75, 384.75, 356.5267857142857, 57356.8125, 1825.9375, 7,
                PairedMeanRatio.Form.ROOT_OF_MEAN, 19.615045245933032);
        assertEquals(7.533259586659682 - 19.615045245933032, rmse.estimate(), 1e-9);
        assertEquals(0.20119664231819634, rmse.pValue(), 1e-9);
        assertEquals(-15.66470025081086, rmse.interval(0.95).lower(), 1e-6);
        assertEquals(5.013224153514016, rmse.interval(0.95).upper(), 1e-6);

        PairedMeanRatio r2 = new PairedMeanRatio(56.75, 384.75, 356.5267857142857, 57356.8125, 1825.9375, 7,
                PairedMeanRatio.Form.ONE_MINUS_MEAN, 0.9030551181102362);
        assertEquals(0.08264566929133865, r2.estimate(), 1e-12);
        assertEquals(rmse.pValue(), r2.pValue(), 1e-15);
        assertEquals(-0.055887030831304516, r2.interval(0.95).lower(), 1e-7);
        assertEquals(0.09301285654664902, r2.interval(0.95).upper(), 1e-7);
    }

    /**
     * a = 10, b = 2, V_aa = 30, V_bb = 4, V_ab = 10.5, 20 degrees of freedom (t 2.085963): the candidate's mean is not
     * above 0 at 95 % (g(0) = −1.425), yet T = 8/√13 = 2.2188 &gt; t (p 0.0382329). Fieller's one-sided set is
     * [0, 0.7355547] ∪ [3.0970610, ∞) (brentq on g); the interval keeps the piece that holds the estimate 5, so it
     * excludes ρ = 1 as the test does: Δ = 2 × (ρ − 1) from 4.194122 to 2 × (8.7605241 − 1) = 15.521048.
     */
    @Test
    void whereFiellersSetHasTwoPiecesTheIntervalKeepsTheOneHoldingTheEstimate() {
        PairedMeanRatio ratio = new PairedMeanRatio(10, 2, 30, 4, 10.5, 20, PairedMeanRatio.Form.MEAN, 2);
        assertEquals(0.038232943583819, ratio.pValue(), 1e-9);
        Interval ci = ratio.interval(0.95);
        assertEquals(2 * (3.097060976881062 - 1), ci.lower(), 1e-6);
        assertEquals(2 * (8.760524083930347 - 1), ci.upper(), 1e-6);
    }

    @Test
    void theIntervalExcludesZeroExactlyWhenThePValueIsBelowOneMinusTheLevelAndStaysFeasible() {
        double[][] covariances = {{1, 1, 0.2}, {9, 1, 0.5}, {1, 16, 3}, {25, 25, 20}, {4, 100, 1}};
        for (double[] v : covariances) {
            for (double a = 0.5; a < 30; a *= 1.3) {
                for (double b : new double[] {0.8, 3, 10, 25}) {
                    for (PairedMeanRatio.Form form : PairedMeanRatio.Form.values()) {
                        double value = form == PairedMeanRatio.Form.ONE_MINUS_MEAN ? 0.6
                                : form == PairedMeanRatio.Form.ROOT_OF_MEAN ? Math.sqrt(b) : b;
                        PairedMeanRatio ratio = new PairedMeanRatio(a, b, v[0], v[1], v[2], 11, form, value);
                        for (double level : new double[] {0.9, 0.95, 1 - 0.05 / 20, 1 - 0.05 / 400}) {
                            Interval ci = ratio.interval(level);
                            String at = form + " a=" + a + " b=" + b + " level " + level;
                            assertEquals(ratio.pValue() < 1 - level, ci.lower() > 0 || ci.upper() < 0, at);
                            assertTrue(ci.contains(ratio.estimate()), at);
                            if (form == PairedMeanRatio.Form.ONE_MINUS_MEAN) {
                                assertTrue(value + ci.upper() <= 1 + 1e-12, at);
                            } else {
                                assertTrue(value + ci.lower() >= -1e-9, at);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Replicates (1, 2), (3, 2), (2, 5), (2, 3): covariance matrix of the replicated means, times k/(k − 1) = 2. */
    @Test
    void fromBootstrapReplicatesTheVariancesAreTheReplicatesTimesKOverKMinusOne() {
        PairedMeanRatio ratio = PairedMeanRatio.bootstrap(2, 3, new double[] {1, 3, 2, 2, Double.NaN},
                new double[] {2, 2, 5, 3, 7}, 2, PairedMeanRatio.Form.MEAN, 3);
        // candidate: mean 2, Σ(x − 2)² = 2, /3 = 2/3; production: mean 3, Σ = 6, /3 = 2; cross Σ = 0 − 0 + 0 + 0 = 0
        assertEquals(2 * 2.0 / 3, ratio.candidateVariance(), 1e-12);
        assertEquals(2 * 2.0, ratio.productionVariance(), 1e-12);
        assertEquals(0, ratio.covariance(), 1e-12);
        assertEquals(1, ratio.degreesOfFreedom());
        assertNull(PairedMeanRatio.bootstrap(2, 3, new double[] {1, 1}, new double[] {2, 2}, 5,
                PairedMeanRatio.Form.MEAN, 3));
    }

    @Test
    void aProductionMeanOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PairedMeanRatio(1, 0, 1, 1, 0, 5, PairedMeanRatio.Form.MEAN, 0));
    }
}
