package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void wilsonBoundsAreCommonsMathsToTheLastBit() {
        int compared = 0;
        for (double level : new double[] {0.8, 0.9, 0.95, 0.99, 0.999}) {
            for (int n : new int[] {1, 2, 3, 7, 20, 99, 1_000, 65_537, 1_000_000, 170_123_457}) {
                for (long successes : new long[] {1, 2, n / 3, n / 2, n - 1L}) {
                    if (successes <= 0 || successes >= n) {
                        continue;
                    }
                    ConfidenceInterval expected = new WilsonScoreInterval().createInterval(n, (int) successes, level);
                    Interval actual = Proportions.wilson(successes, n, level);
                    assertEquals(expected.getLowerBound(), actual.lower(), 0, "lower, " + successes + "/" + n);
                    assertEquals(expected.getUpperBound(), actual.upper(), 0, "upper, " + successes + "/" + n);
                    compared++;
                }
            }
        }
        assertEquals(215, compared);
    }

    @Test
    void wilsonAtNoneOrAllSuccessesReachesExactlyZeroOrOne() {
        // the library leaves 5e-17 beyond the bound; an interval must contain its estimate
        assertEquals(0, Proportions.wilson(0, 40, 0.95).lower(), 0);
        assertEquals(1, Proportions.wilson(40, 40, 0.95).upper(), 0);
        // 40 of 40 at 95 %: the upper end of the Wilson interval below 1 is n / (n + z²) = 40 / 43.8415
        assertEquals(40 / (40 + 1.959963984540054 * 1.959963984540054), Proportions.wilson(40, 40, 0.95).lower(),
                1e-12);
        assertEquals(new Interval(0, 1), Proportions.wilson(0, 0, 0.95));
    }

    @Test
    void wilsonRefusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(5, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(-1, 4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(1, 4, 1.0));
    }
}
