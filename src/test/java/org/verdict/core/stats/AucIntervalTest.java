package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Which interval one model's roc_auc takes from 20 of the rarer class on. Expected ends from an independent
 * re-implementation (bench/auc_separation.py's Newcombe interval by SciPy's brentq, bench/auc_separation_coverage.py's
 * logit interval), not from this code.
 */
class AucIntervalTest {
    /** 20 positives, AUC 0.985: 0.3 of a positive's worth of misordering, so the union; here Newcombe's is wider. */
    @Test
    void nearOneWithFewMisorderedTheUnionWithNewcombesInterval() {
        Interval interval = AucInterval.of(0.985, 1e-4, 20, 380, 0.95);
        assertEquals(0.921191741087, interval.lower(), 1e-9);
        assertEquals(0.997114737517, interval.upper(), 1e-9);
    }

    /** The mirror image near 0, the rarer class now the negatives. */
    @Test
    void nearZeroTheSameUnion() {
        Interval interval = AucInterval.of(0.015, 1e-4, 380, 20, 0.95);
        assertEquals(0.002885262483, interval.lower(), 1e-9);
        assertEquals(0.078808258913, interval.upper(), 1e-9);
    }

    /**
     * 300 of each class at AUC 0.985: 4.5 misordered, DeLong's logit interval alone, though Newcombe's
     * [0.971362, 0.992125] is wider on both sides.
     */
    @Test
    void withThreeOrMoreMisorderedDeLongsLogitIntervalAlone() {
        Interval interval = AucInterval.of(0.985, 5e-6, 300, 300, 0.95);
        assertEquals(0.979924353344, interval.lower(), 1e-9);
        assertEquals(0.988807048589, interval.upper(), 1e-9);
    }

    /** Below the rule each end is the farther of the two: here both DeLong's, wider than Newcombe's [0.9328, 0.9866]. */
    @Test
    void theUnionKeepsTheWiderDeLongInterval() {
        Interval interval = AucInterval.of(0.97, 4e-4, 50, 950, 0.95);
        assertEquals(0.893694256324, interval.lower(), 1e-9);
        assertEquals(0.992022755340, interval.upper(), 1e-9);
    }
}
