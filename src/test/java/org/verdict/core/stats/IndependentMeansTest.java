package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Expected values from scipy 1.10: {@code stats.t.interval(level, n - 1, loc=mean, scale=sd / sqrt(n))} for one
 * mean; for Welch's, the difference ± {@code stats.t.ppf} at the Welch–Satterthwaite degrees of freedom times the
 * standard error, whose t statistic (0.81106) is {@code stats.ttest_ind_from_stats(52.3, 40.1, 12, 41.7, 18.2, 9,
 * equal_var=False)}'s.
 */
class IndependentMeansTest {

    @Test
    void oneMeansIntervalIsStudentsTOverItsValues() {
        Interval at95 = IndependentMeans.mean(52.3, 40.1, 12, 0.95);
        assertEquals(26.82167553814194, at95.lower(), 1e-9);
        assertEquals(77.77832446185806, at95.upper(), 1e-9);
        Interval at90 = IndependentMeans.mean(41.7, 18.2, 9, 0.90);
        assertEquals(30.418741905694755, at90.lower(), 1e-9);
        assertEquals(52.98125809430525, at90.upper(), 1e-9);
    }

    @Test
    void theDifferenceOfTwoMeansIsWelchsWithUnequalSpreads() {
        Interval at95 = IndependentMeans.welchDifference(52.3, 40.1, 12, 41.7, 18.2, 9, 0.95);
        assertEquals(-17.078800508996576, at95.lower(), 1e-9);
        assertEquals(38.27880050899657, at95.upper(), 1e-9);
        Interval at90 = IndependentMeans.welchDifference(52.3, 40.1, 12, 41.7, 18.2, 9, 0.90);
        assertEquals(-12.200747947043393, at90.lower(), 1e-9);
        assertEquals(33.400747947043385, at90.upper(), 1e-9);
        // one group without spread: the other's alone, on its n − 1 = 4 degrees of freedom
        Interval oneSpreads = IndependentMeans.welchDifference(10, 0, 5, 8, 2, 5, 0.95);
        assertEquals(-0.483327996407533, oneSpreads.lower(), 1e-9);
        assertEquals(4.483327996407533, oneSpreads.upper(), 1e-9);
    }

    @Test
    void fewerThanTwoValuesOrNoSpreadAtAllGiveNoInterval() {
        assertNull(IndependentMeans.mean(5, 1, 1, 0.95));
        assertNull(IndependentMeans.welchDifference(5, 1, 1, 4, 1, 30, 0.95));
        assertNull(IndependentMeans.welchDifference(5, 0, 10, 4, 0, 30, 0.95));
    }
}
