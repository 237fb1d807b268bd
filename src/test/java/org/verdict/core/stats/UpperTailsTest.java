package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values from SciPy 1.10.1 (/usr/bin/python3), the call beside each. */
class UpperTailsTest {

    @Test
    void chiSquareTailsFarBelowWhatOneMinusTheCdfCanShow() {
        // scipy.stats.chi2.sf(216.86, 3): the docs' drift of the channel feature, once printed as p = 0
        assertEquals(9.582263145348694e-47, UpperTails.chiSquare(216.86, 3), 9.58e-47 * 1e-9);
        // scipy.stats.chi2.sf(163.5, 3)
        assertEquals(3.2192694602535167e-35, UpperTails.chiSquare(163.5, 3), 3.22e-35 * 1e-9);
        // scipy.stats.chi2.sf(900.0, 10)
        assertEquals(6.367822044752633e-187, UpperTails.chiSquare(900.0, 10), 6.37e-187 * 1e-9);
    }

    @Test
    void chiSquareTailsOfOrdinarySize() {
        // scipy.stats.chi2.sf(7.81, 3) and scipy.stats.chi2.sf(2.0, 1)
        assertEquals(0.05010605635000589, UpperTails.chiSquare(7.81, 3), 1e-14);
        assertEquals(0.15729920705028105, UpperTails.chiSquare(2.0, 1), 1e-14);
        assertEquals(1.0, UpperTails.chiSquare(0, 2), 0);
    }

    @Test
    void kolmogorovTailOnBothSidesOfTheSwitch() {
        // scipy.special.kolmogorov(x) for x = 0.15, 0.5, 1.0, 3.0, 10.0
        assertEquals(1.0, UpperTails.kolmogorov(0.15), 1e-14);
        assertEquals(0.9639452436648751, UpperTails.kolmogorov(0.5), 1e-14);
        assertEquals(0.26999967167735456, UpperTails.kolmogorov(1.0), 1e-14);
        assertEquals(3.045995948942526e-08, UpperTails.kolmogorov(3.0), 3.05e-8 * 1e-9);
        assertEquals(2.767793053473475e-87, UpperTails.kolmogorov(10.0), 2.77e-87 * 1e-9);
    }
}
