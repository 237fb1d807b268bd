package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairedTestsTest {

    /**
     * Agresti, Categorical Data Analysis (2002), Table 10.1, presidential approval in two surveys of the same 1600
     * people: 794 approve/approve, 150 approve/disapprove, 86 disapprove/approve, 570 disapprove/disapprove.
     * Continuity-corrected statistic (|150 − 86| − 1)² / 236 = 3969 / 236 = 16.818, p = 4.11e-5 (chi-square, 1 df).
     */
    @Test
    void mcnemarChiSquareWithContinuityCorrectionOnAgrestisTable() {
        PairedTests.TestResult result = PairedTests.mcnemar(150, 86);
        assertEquals("mcnemar-chi2-cc", result.test());
        assertEquals(4.114562281345944e-05, result.pValue(), 1e-10);
    }

    /** b = 3, c = 10: exact two-sided p = 2·P(X ≤ 3), X ~ Bin(13, ½) = 2·(1 + 13 + 78 + 286)/8192 = 0.0922852. */
    @Test
    void mcnemarExactBinomialForFewDiscordantPairs() {
        PairedTests.TestResult result = PairedTests.mcnemar(3, 10);
        assertEquals("mcnemar-exact", result.test());
        assertEquals(756.0 / 8192, result.pValue(), 1e-12);
        assertEquals(1.0, PairedTests.mcnemar(0, 0).pValue());
        assertEquals(1.0, PairedTests.mcnemar(4, 4).pValue());
    }

    @Test
    void exactTestUpToTwentyFiveDiscordantPairs() {
        assertEquals("mcnemar-exact", PairedTests.mcnemar(5, 20).test());
        assertEquals("mcnemar-chi2-cc", PairedTests.mcnemar(5, 21).test());
    }

    /**
     * Holm on p = (0.01, 0.04, 0.03, 0.005): sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04,
     * made monotone → 0.02, 0.03, 0.06, 0.06. Back in input order: 0.03, 0.06, 0.06, 0.02.
     */
    @Test
    void holmWorkedExample() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                PValueAdjustment.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, PValueAdjustment.holm(new double[] {0.6, 0.7}), 1e-12);
    }

    /**
     * Benjamini–Hochberg on the same p: sorted p·m/rank = 0.02, 0.02, 0.04, 0.04; running minimum from the top keeps
     * them. Input order: 0.02, 0.04, 0.04, 0.02. Second case (0.01, 0.02, 0.03, 0.5): 0.04, 0.04, 0.04, 0.5.
     */
    @Test
    void benjaminiHochbergWorkedExample() {
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                PValueAdjustment.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {0.04, 0.04, 0.04, 0.5},
                PValueAdjustment.benjaminiHochberg(new double[] {0.01, 0.02, 0.03, 0.5}), 1e-12);
    }

    @Test
    void normalIntervalIsClippedToTheMetricsRange() {
        Interval ci = PairedTests.normalInterval(0.99, 0.0004, 0.95, 0, 1);
        assertEquals(0.99 - 1.959963984540054 * 0.02, ci.lower(), 1e-9);
        assertEquals(1.0, ci.upper(), 0);
    }

    /**
     * The logit interval of one AUC, checked with SciPy: expit(logit(0.8) ± norm.ppf(0.975)·0.05/(0.8·0.2)) =
     * (0.684343549345, 0.880669252727); for 0.97 with SE 0.02, (0.893694256324, 0.992022755340) — inside (0, 1) where
     * the normal interval would reach 1.009.
     */
    @Test
    void logitIntervalOfAnAuc() {
        Interval ci = PairedTests.logitInterval(0.8, 0.05 * 0.05, 0.95);
        assertEquals(0.684343549345, ci.lower(), 1e-11);
        assertEquals(0.880669252727, ci.upper(), 1e-11);
        Interval high = PairedTests.logitInterval(0.97, 0.02 * 0.02, 0.95);
        assertEquals(0.893694256324, high.lower(), 1e-11);
        assertEquals(0.992022755340, high.upper(), 1e-11);
    }

    /**
     * Fisher's z interval, checked with NumPy: tanh(arctanh(0.8) ± norm.ppf(0.975)·0.05/(1 − 0.8²)) =
     * (0.6785355779242452, 0.8788811007009234), leaning away from 1; for −0.3 with SE 0.2, (−0.6293148563323784,
     * 0.1206511171249421).
     */
    @Test
    void fisherZIntervalOfAKappa() {
        Interval ci = PairedTests.fisherZInterval(0.8, 0.05 * 0.05, 0.95);
        assertEquals(0.6785355779242452, ci.lower(), 1e-12);
        assertEquals(0.8788811007009234, ci.upper(), 1e-12);
        Interval negative = PairedTests.fisherZInterval(-0.3, 0.2 * 0.2, 0.95);
        assertEquals(-0.6293148563323784, negative.lower(), 1e-12);
        assertEquals(0.1206511171249421, negative.upper(), 1e-12);
    }
}
