package org.verdict.core.gates.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rates of the gates' evidence (canary success rates, human-baseline accuracies, label agreement) carry the
 * interval every model's rate of the comparison carries, the modified Wilson one (Brown, Cai &amp; DasGupta
 * 2001, §4.1.1); a rate a gate passes or fails on one end (safety violations, label agreement) the exact
 * Clopper–Pearson one. Values from SciPy and by hand.
 */
class RateEstimateTest {
    @Test
    void oneSuccessInTwentyTakesThePoissonLowerEnd() {
        RateEstimate rate = RateEstimate.of(1, 20, 0.95);
        assertEquals(0.05, rate.rate(), 1e-15);
        // χ²(2) at 0.05 over 2n: the χ²(2) quantile is −2·ln(0.95), so the end is −ln(0.95) / 20 = 0.0025647,
        // where Wilson's (0.0088814) lies above a true rate of 0.5 % in 9.5 % of samples of 20 (exact)
        assertEquals(-Math.log(0.95) / 20, rate.ci().lower(), 1e-12);
        // 19 failures: the upper end is Wilson's, 0.2361312 (SciPy, Wilson's formula)
        assertEquals(0.2361312, rate.ci().upper(), 1e-7);
    }

    @Test
    void twoFailuresInAThousandTakeThePoissonUpperEnd() {
        // a canary success rate of 99.8 %: 1 − χ²(4) at 0.05 / 2 / 1000; χ²(4)'s CDF is 1 − e^(−x/2)(1 + x/2), which
        // is 0.05 at x/2 = 0.3553615 (SciPy: chi2.ppf(0.05, 4) / 2)
        RateEstimate rate = RateEstimate.of(998, 1000, 0.95);
        assertEquals(1 - 0.3553615 / 1000, rate.ci().upper(), 1e-9);
        // 998 successes: the lower end is Wilson's, 0.9927372 (SciPy, Wilson's formula)
        assertEquals(0.9927372, rate.ci().lower(), 1e-7);
    }

    @Test
    void noTrialsGiveTheWholeRange() {
        RateEstimate rate = RateEstimate.of(0, 0, 0.95);
        assertEquals(0.0, rate.rate(), 0.0);
        assertEquals(0.0, rate.ci().lower(), 0.0);
        assertEquals(1.0, rate.ci().upper(), 0.0);
    }

    @Test
    void noViolationInAHundredIsExactlyBoundedByCloppersAndPearsonsEnd() {
        // 0 of 100 at 95 %: the upper end solves (1 − p)^100 = 0.025, p = 1 − 0.025^(1/100) = 0.0362167 — about
        // 3.7 / n, the two-sided form of the rule of three (3 / n at one-sided 95 %)
        RateEstimate none = RateEstimate.exact(0, 100, 0.95);
        assertEquals(0.0, none.ci().lower(), 0.0);
        assertEquals(1 - Math.pow(0.025, 1.0 / 100), none.ci().upper(), 1e-9);
        // 3 of 100: beta quantiles (SciPy: beta.ppf(0.025, 3, 98), beta.ppf(0.975, 4, 97))
        RateEstimate three = RateEstimate.exact(3, 100, 0.95);
        assertEquals(0.0062300, three.ci().lower(), 1e-7);
        assertEquals(0.0851761, three.ci().upper(), 1e-7);
    }
}
