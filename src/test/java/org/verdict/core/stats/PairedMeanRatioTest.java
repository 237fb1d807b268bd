package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Eight houses: labels 300, 300, 380, 250, 470, 340, 300, 360; production 310, 295, 402, 260, 515, 330, 288, 350;
 * candidate 305, 301, 390, 262, 480, 338, 296, 352. The variances of the means are the sample (co)variances / 8, the
 * values a row bootstrap's variance times k/(k − 1) estimates; t on 7 degrees of freedom, t(0.975) = 2.364624.
 * Expected values from NumPy/SciPy, never from this code: Fieller's bounds as the roots of
 * (a − ρb)² = t²(V_aa − 2ρV_ab + ρ²V_bb) by {@code numpy.roots}, the paired t-interval of the differences by hand,
 * {@code d.mean() ± scipy.stats.t.ppf(0.975, n − 1) * d.std(ddof=1) / sqrt(n)}, p as scipy.stats.ttest_rel, the
 * (co)variances of the means as {@code numpy.cov(ddof=1) / n}. The better end is the lower of Fieller's bound and the
 * paired t-interval's, kept at or above a candidate without error.
 */
class PairedMeanRatioTest {

    /**
     * Absolute errors: production 10, 5, 22, 10, 45, 10, 12, 10 (mean 15.5); candidate 5, 1, 10, 12, 10, 2, 4, 8
     * (mean 6.5); V_aa = 2.0714286, V_bb = 20.642857, V_ab = 3.3392857. Quadratic roots 0.2254791, 1.0896027: Fieller's
     * ρ ≥ 0.2254791 would give Δ mae ≥ 15.5 × (0.2254791 − 1) = −12.005074, but the paired t-interval of the eight
     * differences, [−18.469047, 0.4690475], reaches below: one house (45 → 10) carries the mean. So the better end is
     * the paired bound kept at the bound, −15.5 (a candidate mae of 0); ttest_rel p 0.0594174.
     */
    @Test
    void maeIsBoundedBelowByTheLowerOfFiellersAndThePairedTIntervalAndAboveByThePairedTInterval() {
        PairedMeanRatio mae = new PairedMeanRatio(6.5, 15.5, 2.071428571428571, 20.642857142857142,
                3.339285714285714, 7, PairedMeanRatio.Form.MEAN, 15.5);
        assertEquals(-9, mae.estimate(), 1e-12);
        assertEquals(0.0594174407194772, mae.pValue(), 1e-9);
        Interval ci = mae.interval(0.95);
        assertEquals(-15.5, ci.lower(), 1e-12);
        assertEquals(0.4690474803776734, ci.upper(), 1e-6);
    }

    /**
     * Squared errors: production mean 384.75 (rmse 19.615045), candidate 56.75 (rmse 7.533260); V_aa = 356.52679,
     * V_bb = 57356.813, V_ab = 1825.9375. Production's mean is not above 0 at 95 % (b² &lt; t²V_bb), so Fieller's set
     * is unbounded above; its lower end is the root 0.0405594. The paired t-interval of the squared errors,
     * [−877.80165, 221.80165], reaches below −384.75, so the better end is ρ = 0. Worse end: (56.75 + 221.80165 + 328)
     * / 384.75 = 1.5764825. Δ rmse = 19.615045 × (√ρ − 1): [−19.615045, 5.013224]; the ordinary paired interval of the
     * squared errors divided by the two rmse, [−32.33, 8.17], put the candidate's rmse at −12.7. p = 0.2011966,
     * Diebold–Mariano's paired t-test of the squared errors (ttest_rel). r2: SST = 31750, production 0.9030551, Δ r2 =
     * (1 − 0.9030551) × (1 − ρ): [−0.0558870, 0.0969449], whose upper end is a candidate r2 of 1, not above it.
     */
    @Test
    void rmseAndR2StayFeasibleWhereTheDifferenceIntervalDidNot() {
        PairedMeanRatio rmse = new PairedMeanRatio(56.75, 384.75, 356.5267857142857, 57356.8125, 1825.9375, 7,
                PairedMeanRatio.Form.ROOT_OF_MEAN, 19.615045245933032);
        assertEquals(7.533259586659682 - 19.615045245933032, rmse.estimate(), 1e-9);
        assertEquals(0.20119664231819634, rmse.pValue(), 1e-9);
        assertEquals(-19.615045245933032, rmse.interval(0.95).lower(), 1e-9);
        assertEquals(5.013224153514016, rmse.interval(0.95).upper(), 1e-6);

        PairedMeanRatio r2 = new PairedMeanRatio(56.75, 384.75, 356.5267857142857, 57356.8125, 1825.9375, 7,
                PairedMeanRatio.Form.ONE_MINUS_MEAN, 0.9030551181102362);
        assertEquals(0.08264566929133865, r2.estimate(), 1e-12);
        assertEquals(rmse.pValue(), r2.pValue(), 1e-15);
        assertEquals(-0.055887030831304516, r2.interval(0.95).lower(), 1e-7);
        assertEquals(1 - 0.9030551181102362, r2.interval(0.95).upper(), 1e-12);
    }

    /**
     * a = 10, b = 2, V_aa = 30, V_bb = 4, V_ab = 10.5, 20 degrees of freedom (t 2.085963): the candidate's mean is not
     * above 0 at 95 % (g(0) = −1.425), yet T = 8/√13 = 2.2188 &gt; t (p 0.0382329). Fieller's one-sided set is
     * [0, 0.7355547] ∪ [3.0970610, ∞) (brentq on g); the piece that holds the estimate 5 starts at Δ = 2 × (3.0970610
     * − 1) = 4.194122, the difference's own bound 8 − t·√13 = 0.4789518 is lower and is the better end: both exclude
     * ρ = 1 as the test does. Δ = 2 × (ρ − 1) up to 2 × (8.7605241 − 1) = 15.521048.
     */
    @Test
    void whereFiellersSetHasTwoPiecesTheIntervalKeepsTheOneHoldingTheEstimate() {
        PairedMeanRatio ratio = new PairedMeanRatio(10, 2, 30, 4, 10.5, 20, PairedMeanRatio.Form.MEAN, 2);
        assertEquals(0.038232943583819, ratio.pValue(), 1e-9);
        Interval ci = ratio.interval(0.95);
        assertEquals(0.4789518321393045, ci.lower(), 1e-9);
        assertEquals(2 * (8.760524083930347 - 1), ci.upper(), 1e-6);
    }

    /**
     * The candidate's absolute error exactly 1.2 times production's on the eight houses above: a − 1.2·b has no spread,
     * so Fieller's bound is ρ = 1.2 itself (numpy.roots: a double root 1.2), and an interval made of it alone ended at
     * its own estimate. The paired t-interval of the differences 0.2 × (10, 5, 22, 10, 45, 10, 12, 10): Δ mae 3.1
     * [0.9512938, 5.2487062], ttest_rel p 0.0112646; V_aa = 29.725714, V_bb = 20.642857, V_ab = 24.771429.
     */
    @Test
    void aCandidateWithAFixedMultipleOfProductionsErrorGetsThePairedIntervalNotItsEstimate() {
        PairedMeanRatio mae = new PairedMeanRatio(18.6, 15.5, 29.725714285714282, 20.642857142857142,
                24.771428571428572, 7, PairedMeanRatio.Form.MEAN, 15.5);
        assertEquals(3.1, mae.estimate(), 1e-12);
        assertEquals(0.01126464891165365, mae.pValue(), 1e-9);
        Interval ci = mae.interval(0.95);
        assertEquals(0.9512937919344564, ci.lower(), 1e-9);
        assertEquals(5.248706208065543, ci.upper(), 1e-9);
    }

    /**
     * Six rows, production's absolute errors 1, 1, 1, 1, 1, 200 (mean 34.166667), the candidate's 1, 1, 1, 1, 1, 2
     * (mean 1.166667): V_aa = 0.0277778, V_bb = 1100.0278, V_ab = 5.5277778, 5 degrees of freedom (t 2.570582).
     * Fieller's lower bound is the root 0.0133566 (Δ mae −33.710; numpy.roots), but the paired t-interval of the
     * differences is [−117.82920, 51.829201] (one row carries production's mean), below what a candidate can have:
     * the better end is −production's 34.166667 exactly, the end that every view marks with † (SliceResult.boundEnds).
     */
    @Test
    void aHeavyTailedSmallSliceEndsAtMinusProductionWhereThePairedIntervalPassesIt() {
        PairedMeanRatio mae = new PairedMeanRatio(7.0 / 6, 205.0 / 6, 0.02777777777777778, 1100.027777777778,
                5.527777777777779, 5, PairedMeanRatio.Form.MEAN, 205.0 / 6);
        assertEquals(0.3632174676491229, mae.pValue(), 1e-9);
        Interval ci = mae.interval(0.95);
        assertEquals(-205.0 / 6, ci.lower(), 0);
        assertEquals(51.829200575998385, ci.upper(), 1e-9);
    }

    /**
     * a = 8, b = 10, V_aa = 4, V_bb = 1, V_ab = 1.5, 11 degrees of freedom (t 2.200985): the candidate's mean varies
     * more than production's, so SE(a − ρb) grows as ρ falls below 1 and Fieller's bound, the root 0.4247938 (Δ
     * −5.7520622), is below the paired bound −2 − t·√2 = −5.1126631. The lower of the two is kept.
     */
    @Test
    void whereFiellersBoundIsTheLowerItIsKept() {
        PairedMeanRatio mae = new PairedMeanRatio(8, 10, 4, 1, 1.5, 11, PairedMeanRatio.Form.MEAN, 10);
        assertEquals(-5.752062222668689, mae.interval(0.95).lower(), 1e-6);
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
                            if (form == PairedMeanRatio.Form.MEAN) {
                                // never narrower than the paired t-interval a − b ± t·SE(a − b), cut at −production
                                double t = new TDistribution(null, 11).inverseCumulativeProbability(0.5 + level / 2);
                                double halfWidth = t * Math.sqrt(v[0] + v[1] - 2 * v[2]);
                                assertTrue(ci.lower() <= Math.max(-b, a - b - halfWidth) + 1e-9, at);
                                assertEquals(a - b + halfWidth, ci.upper(), 1e-9, at);
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
                new double[] {2, 2, 5, 3, 7}, 2, Double.POSITIVE_INFINITY, PairedMeanRatio.Form.MEAN, 3);
        // candidate: mean 2, Σ(x − 2)² = 2, /3 = 2/3; production: mean 3, Σ = 6, /3 = 2; cross Σ = 0 − 0 + 0 + 0 = 0
        assertEquals(2 * 2.0 / 3, ratio.candidateVariance(), 1e-12);
        assertEquals(2 * 2.0, ratio.productionVariance(), 1e-12);
        assertEquals(0, ratio.covariance(), 1e-12);
        assertEquals(1, ratio.degreesOfFreedom());
        assertNull(PairedMeanRatio.bootstrap(2, 3, new double[] {1, 1}, new double[] {2, 2}, 5, 4,
                PairedMeanRatio.Form.MEAN, 3));
    }

    @Test
    void aProductionMeanOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PairedMeanRatio(1, 0, 1, 1, 0, 5, PairedMeanRatio.Form.MEAN, 0));
    }
}
