package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgreementBoundTest {

    /**
     * 500 positives and 1,500 negatives without a disagreement, 95 %: each share's exact upper limit at 0.025 is
     * scipy's beta.ppf(0.975, 1, n) — 0.0073506100519078 and 0.0024562314841985 — so Δ lies within ±0.0098068415.
     */
    @Test
    void theHalfWidthIsTheSumOfBothClassesExactZeroEventLimits() {
        Interval interval = new AgreementBound(500, 1_500).interval(0.95);
        assertEquals(-0.009806841536106, interval.lower(), 1e-12);
        assertEquals(0.009806841536106, interval.upper(), 1e-12);
    }

    /** Three positives and ten negatives say little: 0.70760 + 0.30850 exceeds 1, the most a Δ of AUC can be. */
    @Test
    void fewExamplesGiveAWideIntervalNoWiderThanAucAllows() {
        Interval interval = new AgreementBound(3, 10).interval(0.95);
        assertEquals(-1, interval.lower(), 0);
        assertEquals(1, interval.upper(), 0);
        assertEquals(0.3084971078187607 + 0.0073506100519078,
                new AgreementBound(500, 10).interval(0.95).upper(), 1e-12);
    }

    /** The interval holds 0 at every level, so the p-value that inverts it is 1; a Holm step's level widens it. */
    @Test
    void theDataGiveNoEvidenceOfADifferenceAndAStricterLevelWidensTheBound() {
        AgreementBound bound = new AgreementBound(500, 1_500);
        assertEquals(0, bound.estimate(), 0);
        assertEquals(1, bound.pValue(), 0);
        assertEquals(true, bound.interval(1 - 0.05 / 7).upper() > bound.interval(0.95).upper());
    }

    @Test
    void bothClassesAreNeeded() {
        assertThrows(IllegalArgumentException.class, () -> new AgreementBound(0, 10));
    }
}
