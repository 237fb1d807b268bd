package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Δ roc_auc where a model separates the classes perfectly: MOVER over the two models' own intervals. Expected values
 * from an independent NumPy/SciPy computation: the candidate's logit interval logit(c) ± z·√v/(c(1 − c)), the
 * production's bound {@code norm.sf(z) ** (1 / k)}, combined by Zou &amp; Donner's formula, and the p-value as the z
 * at which the upper end reaches 0 ({@code brentq}).
 */
class SeparatedAucDifferenceTest {
    /** Production separates 100 positives from 100 negatives; the candidate's AUC 0.97 has DeLong's variance 1e-4. */
    private static final SeparatedAucDifference PERFECT_PRODUCTION =
            new SeparatedAucDifference(1.0, 0, 0.97, 1e-4, 100, 100);

    @Test
    void theIntervalCombinesEachModelsInterval() {
        Interval interval = PERFECT_PRODUCTION.interval(0.95);
        assertEquals(-0.057185372411, interval.lower(), 1e-9);
        assertEquals(0.009002060395, interval.upper(), 1e-9);
        Interval holm = PERFECT_PRODUCTION.interval(1 - 0.05 / 20);
        assertEquals(-0.080383356783, holm.lower(), 1e-9);
        assertEquals(0.037444228030, holm.upper(), 1e-9);
    }

    /**
     * DeLong's variance of Δ would be the candidate's alone, −0.03 ± 1.96 × 0.01 = [−0.0496, −0.0104]: "worse", as if
     * production's AUC were known to be 1. Its own interval [0.964, 1] allows 0.97, and so does Δ's.
     */
    @Test
    void aDifferenceThatTakesTheSeparatingModelAsKnownIsNotClaimed() {
        assertTrue(PERFECT_PRODUCTION.interval(0.95).contains(0));
        assertEquals(0.123664681604, PERFECT_PRODUCTION.pValue(), 1e-9);
    }

    @Test
    void thePValueInvertsTheInterval() {
        double p = PERFECT_PRODUCTION.pValue();
        assertEquals(0, PERFECT_PRODUCTION.interval(1 - p).upper(), 1e-9);
        assertFalse(PERFECT_PRODUCTION.interval(1 - p * 1.01).contains(0));
        assertTrue(PERFECT_PRODUCTION.interval(1 - p * 0.99).contains(0));
    }

    /** Both separate: Δ = 0 on the sample, p = 1, and Δ lies within ±(1 − 0.025^(1/100)) = ±0.0362. */
    @Test
    void twoSeparatingModelsAreBoundedByTheirBounds() {
        SeparatedAucDifference both = new SeparatedAucDifference(1.0, 0, 1.0, 0, 100, 100);
        assertEquals(1.0, both.pValue(), 0);
        assertEquals(-0.03621669264517646, both.interval(0.95).lower(), 1e-12);
        assertEquals(0.03621669264517646, both.interval(0.95).upper(), 1e-12);
    }

    @Test
    void itAppliesOnlyWhereAModelSeparatesAndBothHaveIntervals() {
        assertTrue(SeparatedAucDifference.applies(1.0, 0, 0.97, 1e-4, 100, 100));
        assertTrue(SeparatedAucDifference.applies(0.9, 1e-3, 1.0, 0, 100, 100));
        assertFalse(SeparatedAucDifference.applies(0.98, 1e-4, 0.97, 1e-4, 100, 100));
        // a model that scores every example alike (AUC 0.5, variance 0) has no interval to combine
        assertFalse(SeparatedAucDifference.applies(1.0, 0, 0.5, 0, 100, 100));
    }
}
