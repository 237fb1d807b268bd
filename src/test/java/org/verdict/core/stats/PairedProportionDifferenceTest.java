package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Tango's score interval against independent values. The reference numbers come from a separate implementation
 * that finds the restricted maximum-likelihood estimate by numerically maximising the multinomial likelihood
 * (scipy's bounded minimize_scalar) instead of the closed-form root used here, and the limits by Brent's method:
 * <pre>
 *   q̂(Δ) = argmax b·log(q + Δ) + c·log q + (N − b − c)·log(1 − 2q − Δ)
 *   T(Δ) = (b − c − NΔ) / √(N(2q̂ + Δ − Δ²));  limits where T = ±z
 * </pre>
 */
class PairedProportionDifferenceTest {

    /**
     * Fagerland, Lydersen &amp; Laake (2014), airway hyper-responsiveness before and after stem cell transplantation:
     * 1 both, 1 before only, 7 after only, 12 neither (N = 21). Their Tango asymptotic score interval for
     * p1 − p2 = −0.286 is (−0.517, −0.026); the independent implementation gives −0.517232, −0.026003.
     */
    @Test
    void matchesThePublishedAirwayExample() {
        PairedProportionDifference tango = new PairedProportionDifference(1, 7, 21);
        assertEquals(-6.0 / 21, tango.estimate(), 1e-15);
        Interval ci = tango.interval(0.95);
        assertEquals(-0.517232, ci.lower(), 1e-6);
        assertEquals(-0.026003, ci.upper(), 1e-6);
        // McNemar's z = (1 − 7)/√8 = −2.1213, two-sided p = 0.03389485
        assertEquals(0.03389485, tango.pValue(), 1e-8);
    }

    @Test
    void matchesTheIndependentImplementationAtOtherCountsAndLevels() {
        assertInterval(new PairedProportionDifference(15, 5, 100), 0.95, 0.013447, 0.192397);
        assertInterval(new PairedProportionDifference(0, 5, 30), 0.95, -0.335644, -0.034234);
        // the first Holm step of 12 slices: level 1 − 0.05/12
        assertInterval(new PairedProportionDifference(15, 5, 100), 1 - 0.05 / 12, -0.032802, 0.240568);
        assertInterval(new PairedProportionDifference(40, 10, 500), 0.99, 0.025338, 0.099747);
        assertInterval(new PairedProportionDifference(2, 2, 9), 0.95, -0.427398, 0.427398);
    }

    /** With no discordant pair the interval still has width: solving T(Δ) = ±z gives ±z²/(N + z²) (0.1611 at N = 20). */
    @Test
    void noDiscordantPairStillGivesAnIntervalOfPositiveWidth() {
        PairedProportionDifference tango = new PairedProportionDifference(0, 0, 20);
        double z2 = 1.959963984540054 * 1.959963984540054;
        assertEquals(-z2 / (20 + z2), tango.interval(0.95).lower(), 1e-9);
        assertEquals(0.16112515805281938, tango.interval(0.95).upper(), 1e-9);
        assertEquals(1.0, tango.pValue());
    }

    /** The interval at level L excludes 0 exactly when p &lt; 1 − L: the p-value is the inversion of the interval. */
    @Test
    void theIntervalExcludesZeroExactlyWhenThePValueIsBelowOneMinusTheLevel() {
        for (int b = 0; b <= 30; b++) {
            for (int c = 0; c <= 30; c++) {
                PairedProportionDifference tango = new PairedProportionDifference(b, c, 200);
                for (double level : new double[] {0.9, 0.95, 0.99, 1 - 0.05 / 40}) {
                    Interval ci = tango.interval(level);
                    assertTrue(ci.contains(tango.estimate()), "the estimate lies inside its interval");
                    boolean excludesZero = ci.lower() > 0 || ci.upper() < 0;
                    assertEquals(tango.pValue() < 1 - level, excludesZero, b + " " + c + " " + level);
                }
            }
        }
    }

    @Test
    void countsThatDoNotFitThePairsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PairedProportionDifference(5, 6, 10));
        assertThrows(IllegalArgumentException.class, () -> new PairedProportionDifference(0, 0, 0));
    }

    private static void assertInterval(PairedProportionDifference tango, double level, double lower, double upper) {
        Interval ci = tango.interval(level);
        assertEquals(lower, ci.lower(), 1e-6);
        assertEquals(upper, ci.upper(), 1e-6);
    }
}
