package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Δ balanced accuracy by MOVER over Tango's score intervals of Δ recall and Δ fpr, against an independent SciPy
 * computation (Tango's statistic solved by brentq, the MOVER sum of Zou &amp; Donner 2008, the p-value as the level at
 * which the lower end reaches 0, also by brentq).
 */
class BalancedAccuracyDifferenceTest {

    private static BalancedAccuracyDifference of(long[] recall, long[] fpr) {
        return new BalancedAccuracyDifference(new PairedProportionDifference(recall[0], recall[1], recall[2]),
                new PairedProportionDifference(fpr[0], fpr[1], fpr[2]));
    }

    /** 7 positives (4 found only by the candidate, 1 only by production), 193 negatives (3 and 6 flagged). */
    @Test
    void aHandfulOfPositivesMatchesScipy() {
        BalancedAccuracyDifference delta = of(new long[] {4, 1, 7}, new long[] {3, 6, 193});
        assertEquals(0.222057735011, delta.estimate(), 1e-12);
        Interval interval = delta.interval(0.95);
        assertEquals(-0.092049532041, interval.lower(), 1e-9);
        assertEquals(0.405048434242, interval.upper(), 1e-9);
        Interval holm = delta.interval(1 - 0.05 / 20);
        assertEquals(-0.226234628817, holm.lower(), 1e-9);
        assertEquals(0.448007642504, holm.upper(), 1e-9);
        assertEquals(0.1656743787, delta.pValue(), 1e-8);
    }

    @Test
    void anImprovementThatExcludesZeroHasTheMatchingPValue() {
        BalancedAccuracyDifference delta = of(new long[] {9, 2, 14}, new long[] {1, 4, 286});
        Interval interval = delta.interval(0.95);
        assertEquals(0.023852129813, interval.lower(), 1e-9);
        assertEquals(0.393574199824, interval.upper(), 1e-9);
        assertEquals(0.0314429146, delta.pValue(), 1e-8);
        // the inversion: the interval at 1 − p reaches 0, a little below excludes it, a little above holds it
        double p = delta.pValue();
        assertEquals(0, delta.interval(1 - p).lower(), 1e-9);
        assertTrue(delta.interval(1 - p - 1e-6).lower() > 0);
        assertTrue(delta.interval(1 - p + 1e-6).lower() < 0);
    }

    @Test
    void noDiscordantPairHasPOneAndAnIntervalAroundZero() {
        BalancedAccuracyDifference delta = of(new long[] {0, 0, 6}, new long[] {0, 0, 120});
        assertEquals(0, delta.estimate());
        assertEquals(1.0, delta.pValue());
        Interval interval = delta.interval(0.95);
        assertTrue(interval.lower() < 0 && interval.upper() > 0, interval.toString());
    }
}
