package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One model's roc_auc where its sample separates the classes perfectly. Expected bounds from SciPy/NumPy
 * ({@code 0.025 ** (1 / 100)} and the like), and Newcombe's method-5 interval at AUC 1 from an independent
 * {@code scipy.optimize.brentq} root of |θ̂ − θ| / √V(θ) = z (docs/statistics.md, "Perfect separation").
 */
class SeparationBoundTest {

    @Test
    void theBoundIsTheTailToTheOneOverTheRarerClassCount() {
        Interval interval = SeparationBound.of(1.0, 100, 9_900, 0.95);
        assertEquals(0.9637833073548235, interval.lower(), 1e-12);
        assertEquals(1.0, interval.upper(), 0);
        // the rarer class decides: 100 negatives among 9,900 positives give the same bound
        assertEquals(interval, SeparationBound.of(1.0, 9_900, 100, 0.95));
        // a Holm step's level, 1 − 0.05/20: tail 0.00125
        assertEquals(0.9353391227944237, SeparationBound.of(1.0, 100, 100, 1 - 0.05 / 20).lower(), 1e-12);
        assertEquals(0.7353515306029488, SeparationBound.of(1.0, 12, 18, 0.95).lower(), 1e-12);
    }

    @Test
    void aReversedSeparationIsTheMirrorImage() {
        Interval interval = SeparationBound.of(0.0, 100, 100, 0.95);
        assertEquals(0.0, interval.lower(), 0);
        assertEquals(1 - 0.9637833073548235, interval.upper(), 1e-12);
    }

    /**
     * Newcombe's interval at AUC 1 is narrower than the exact bound (e.g. 0.9903 against 0.9638 for 100 positives
     * among 10,000): it assumes the scores' distribution (Hanley &amp; McNeil's), and where a share of one class scores
     * like the other (label noise) it does not cover; the engine shows the exact bound there.
     */
    @Test
    void newcombesIntervalAtAucOneIsNarrowerThanTheExactBound() {
        assertEquals(0.990253598512, MannWhitneyScoreInterval.of(1.0, 100, 9_900, 0.95).lower(), 1e-9);
        assertEquals(0.999029447960, MannWhitneyScoreInterval.of(1.0, 1_000, 99_000, 0.95).lower(), 1e-9);
        assertEquals(0.9637833073548235, AucInterval.of(1.0, 0, 100, 9_900, 0.95).lower(), 1e-12);
        assertTrue(SeparationBound.of(1.0, 1_000, 99_000, 0.95).lower() < 0.999029447960);
    }

    /** The probability that k pairs all come out ordered right is θ^k: at θ = the bound it is exactly the tail. */
    @Test
    void atTheBoundAPerfectSampleHasTheTailsProbability() {
        for (int k : new int[] {2, 5, 20, 300}) {
            double bound = SeparationBound.of(1.0, k, 10 * k, 0.95).lower();
            assertEquals(0.025, Math.pow(bound, k), 1e-12, "k = " + k);
        }
    }

    @Test
    void onlyASeparatingAucHasTheBoundAndAModelScoringAllAlikeHasNoInterval() {
        assertThrows(IllegalArgumentException.class, () -> SeparationBound.of(0.98, 10, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> SeparationBound.of(1.0, 0, 10, 0.95));
        assertNull(AucInterval.of(0.5, 0, 10, 10, 0.95));
    }
}
