package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Newcombe's (2006) score-type interval of one AUC against an independent SciPy computation: the ends solved by
 * {@code scipy.optimize.brentq} on θ̂ − θ ± z·√V(θ), V Hanley &amp; McNeil's variance with m − 1 and n − 1 replaced by
 * (m + n)/2 − 1, z = {@code scipy.stats.norm.ppf}.
 */
class MannWhitneyScoreIntervalTest {

    @Test
    void aHandfulOfPositivesAmongManyNegativesMatchesScipy() {
        Interval interval = MannWhitneyScoreInterval.of(0.87, 6, 294, 0.95);
        assertEquals(0.649137209022, interval.lower(), 1e-9);
        assertEquals(0.955828539733, interval.upper(), 1e-9);
    }

    @Test
    void balancedClassesMatchScipy() {
        Interval interval = MannWhitneyScoreInterval.of(0.70, 40, 60, 0.95);
        assertEquals(0.586029681042, interval.lower(), 1e-9);
        assertEquals(0.790774897292, interval.upper(), 1e-9);
    }

    @Test
    void aHolmLevelMatchesScipy() {
        Interval interval = MannWhitneyScoreInterval.of(0.92, 7, 393, 1 - 0.05 / 20);
        assertEquals(0.594012449407, interval.lower(), 1e-9);
        assertEquals(0.986738426750, interval.upper(), 1e-9);
    }

    @Test
    void twoOfEachClassAtChanceMatchScipy() {
        Interval interval = MannWhitneyScoreInterval.of(0.5, 2, 2, 0.95);
        assertEquals(0.112243335975, interval.lower(), 1e-9);
        assertEquals(0.887756664025, interval.upper(), 1e-9);
    }

    /** Perfect separation: the upper end is 1 and the lower end the score root below it, not a zero-width interval. */
    @Test
    void perfectSeparationHasALowerEndBelowOne() {
        Interval interval = MannWhitneyScoreInterval.of(1.0, 5, 195, 0.95);
        assertEquals(0.805495724417, interval.lower(), 1e-9);
        assertEquals(1.0, interval.upper(), 0);
    }

    /** V(θ) = V(1 − θ): the interval of 1 − θ̂ is the mirror image, and the longer arm points toward 0.5. */
    @Test
    void theIntervalIsSymmetricUnderSwappingTheClassesOrder() {
        Interval high = MannWhitneyScoreInterval.of(0.83, 9, 391, 0.95);
        Interval low = MannWhitneyScoreInterval.of(0.17, 9, 391, 0.95);
        assertEquals(1 - high.upper(), low.lower(), 1e-12);
        assertEquals(1 - high.lower(), low.upper(), 1e-12);
        assertTrue(0.83 - high.lower() > high.upper() - 0.83, high.toString());
    }

    @Test
    void noClassNoInterval() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyScoreInterval.of(0.8, 0, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyScoreInterval.of(1.2, 3, 10, 0.95));
    }
}
