package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaldDifferenceTest {

    /**
     * Paired differences 1, 2, 3, 4, 10: mean 4, s = √12.5 = 3.5355. The bootstrap standard error of a mean is the
     * plug-in √(Σ(d − d̄)²/n / n) = √(50/5/5) = 1.41421 (what infinitely many replicates converge to); with the
     * √(n/(n − 1)) correction and t on 4 degrees of freedom this is scipy.stats.ttest_1samp(d, 0): p 0.0646769,
     * 95 % interval (−0.389945, 8.389945).
     */
    @Test
    void theBootstrapFormOfAMeanIsThePairedTInterval() {
        WaldDifference wald = WaldDifference.bootstrap(4, Math.sqrt(2), 5, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        assertEquals(0.06467689395635304, wald.pValue(), 1e-10);
        assertEquals(-0.3899451654254147, wald.interval(0.95).lower(), 1e-8);
        assertEquals(8.389945165425415, wald.interval(0.95).upper(), 1e-8);
    }

    /** z = 2 at 95 %: p = 0.0455003 (normal table), interval 2 ± 1.959964. */
    /**
     * One block of ten carrying the variance: u = (9, −1 × 9), Σu² = 90, Σu⁴ = 6,570, kurtosis 10·6,570/90² = 8.11, so
     * 2/ν = 2/9 + (8.11 − 3)/10 = 66/90 and ν = 30/11 — not the 9 of ten evenly spread blocks. Lighter tails than the
     * normal's (u = (3, −1, −1, −1): kurtosis 4·84/144 = 2.33) keep k − 1.
     */
    @Test
    void theDegreesOfFreedomOfABootstrapVarianceFallWithTheBlocksKurtosis() {
        double[] oneCarries = {9, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        assertEquals(30.0 / 11, WaldDifference.kurtosisDegreesOfFreedom(oneCarries), 1e-12);
        assertEquals(3, WaldDifference.kurtosisDegreesOfFreedom(new double[] {3, -1, -1, -1}), 1e-12);
        assertEquals(2, WaldDifference.kurtosisDegreesOfFreedom(new double[] {0, 0, 0}), 1e-12);
    }

    @Test
    void theNormalFormIsTheZTestAndInterval() {
        WaldDifference wald = WaldDifference.normal(0.02, 0.01, -1, 1);
        assertEquals(0.04550026389635842, wald.pValue(), 1e-12);
        assertEquals(0.02 - 0.01959963984540054, wald.interval(0.95).lower(), 1e-12);
        // clipped to the metric's range, which changes no decision about 0
        assertEquals(1.0, WaldDifference.normal(0.9, 0.2, -1, 1).interval(0.95).upper());
    }

    @Test
    void theIntervalExcludesZeroExactlyWhenThePValueIsBelowOneMinusTheLevel() {
        for (double df : new double[] {4, 29, 299, Double.POSITIVE_INFINITY}) {
            for (double z = 0.05; z < 6; z += 0.05) {
                WaldDifference wald = new WaldDifference(z * 0.01, 0.01, df, -1, 1);
                for (double level : new double[] {0.9, 0.95, 1 - 0.05 / 7, 1 - 0.05 / 40}) {
                    Interval ci = wald.interval(level);
                    assertEquals(wald.pValue() < 1 - level, ci.lower() > 0, df + " " + z + " " + level);
                }
            }
        }
    }

    /**
     * Satterthwaite with each unit's squared influence as one degree of freedom: (Σψ²)² / Σψ⁴. By hand: equal
     * magnitudes give the number of units (capped at n − 1); 10 discordant rows of ±1 among 100 give 10, the
     * McNemar-like case where only the discordant rows carry the variance; one dominant unit gives about 1.
     */
    @Test
    void effectiveDegreesOfFreedomCountTheUnitsThatCarryTheVariance() {
        double[] discordant = new double[100];
        for (int i = 0; i < 10; i++) {
            discordant[i] = i % 2 == 0 ? 1 : -1;
        }
        assertEquals(10, WaldDifference.effectiveDegreesOfFreedom(discordant, null), 1e-12);
        assertEquals(3, WaldDifference.effectiveDegreesOfFreedom(new double[] {1, -1, 1, -1}, null), 1e-12);
        // (4 + 3·0.01)² / (16 + 3·0.0001) = 16.2409 / 16.0003
        assertEquals(16.2409 / 16.0003,
                WaldDifference.effectiveDegreesOfFreedom(new double[] {2, -0.1, 0.1, -0.1}, null), 1e-12);
        // weights are repeated units: {1 ×3, −2 ×1} is {1, 1, 1, −2}: (3 + 4)² / (3 + 16) = 49/19
        assertEquals(49.0 / 19, WaldDifference.effectiveDegreesOfFreedom(new double[] {1, -2}, new long[] {3, 1}),
                1e-12);
        assertEquals(49.0 / 19, WaldDifference.effectiveDegreesOfFreedom(new double[] {1, 1, 1, -2}, null), 1e-12);
        // undefined influences are skipped
        assertEquals(49.0 / 19,
                WaldDifference.effectiveDegreesOfFreedom(new double[] {1, Double.NaN, 1, 1, -2}, null), 1e-12);
    }

    /** Fewer effective degrees of freedom widen the interval and raise p, never beyond k − 1 from the units. */
    @Test
    void theBootstrapFormTakesTheSmallerOfTheEffectiveAndTheUnitDegreesOfFreedom() {
        WaldDifference units = WaldDifference.bootstrap(4, Math.sqrt(2), 5, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        assertEquals(4, WaldDifference.bootstrap(4, Math.sqrt(2), 5, 100, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY).degreesOfFreedom());
        WaldDifference two = WaldDifference.bootstrap(4, Math.sqrt(2), 5, 2, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        // t on 2 df: SE = √2·√(5/4), p = 2·P(T > 4/SE = 2.5298221) = 0.1271284 (2 · scipy.stats.t.sf(2.5298221, 2))
        assertEquals(2, two.degreesOfFreedom());
        assertEquals(units.standardError(), two.standardError(), 1e-15);
        assertEquals(0.12712843905603047, two.pValue(), 1e-9);
    }

    @Test
    void aZeroStandardErrorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WaldDifference.normal(0, 0, -1, 1));
    }
}
