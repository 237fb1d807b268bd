package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PearsonChiSquareTest {
    /** Three groups of 15 positives of which 5, 8 and 12 are selected (TPR 1/3, 8/15, 4/5). */
    private static final long[][] THREE_GROUPS = {{5, 10}, {8, 7}, {12, 3}};

    /**
     * By hand: pooled rate 25/45 = 5/9, so every group expects 8.333 selected and 6.667 not. The selected deviate by
     * −3.333, −0.333, +3.667 (squares 11.111, 0.111, 13.444, sum 24.667) and the others by the opposite, so
     * X² = 24.667/8.333 + 24.667/6.667 = 2.96 + 3.70 = 6.66 on 2 degrees of freedom, whose survival function is
     * e^(−x/2): p = e^(−3.33) = 0.035793 (scipy.stats.chi2_contingency(correction=False) gives the same).
     */
    @Test
    void threeGroupsByHand() {
        assertEquals(0.0357931050676553, PearsonChiSquare.pValue(List.<long[][]>of(THREE_GROUPS)), 1e-12);
    }

    /**
     * Two groups: the statistic is the square of the two-proportion z with the variance at the pooled rate. 20 of 20
     * against 16 of 20, pooled 0.9: z = 0.2 / √(0.9 · 0.1 · (1/20 + 1/20)) = 2.108185, z² = 40/9, two-sided
     * p = 2(1 − Φ(2.108185)) = 0.035015.
     */
    @Test
    void twoGroupsIsTheScoreTestAtThePooledRate() {
        assertEquals(0.03501498101966249, PearsonChiSquare.pValue(List.<long[][]>of(new long[][] {{20, 0}, {16, 4}})),
                1e-12);
    }

    /**
     * Summed over strata: the three groups above (6.66) and a stratum with equal rates 5 of 35 everywhere (0) give
     * 6.66 on 2 + 2 degrees of freedom; chi-square with 4 degrees of freedom has survival e^(−x/2)(1 + x/2):
     * e^(−3.33) · 4.33 = 0.154984.
     */
    @Test
    void strataAddTheirStatisticsAndDegreesOfFreedom() {
        long[][] equalRates = {{5, 30}, {5, 30}, {5, 30}};
        assertEquals(0.15498414494294743, PearsonChiSquare.pValue(List.of(THREE_GROUPS, equalRates)), 1e-12);
    }

    /**
     * A group without any example (no positives: no TPR) is left out; an outcome nobody has (every group selects all)
     * leaves nothing to test, so p is 1 and such a stratum adds no degrees of freedom to the others.
     */
    @Test
    void emptyGroupsAndOutcomesAreLeftOut() {
        long[][] withEmptyGroup = {{5, 10}, {0, 0}, {8, 7}, {12, 3}};
        assertEquals(0.0357931050676553, PearsonChiSquare.pValue(List.<long[][]>of(withEmptyGroup)), 1e-12);
        long[][] everyoneSelected = {{15, 0}, {12, 0}, {9, 0}};
        assertEquals(1.0, PearsonChiSquare.pValue(List.<long[][]>of(everyoneSelected)), 0);
        assertEquals(0.0357931050676553, PearsonChiSquare.pValue(List.of(THREE_GROUPS, everyoneSelected)), 1e-12);
        assertEquals(1.0, PearsonChiSquare.pValue(List.<long[][]>of(new long[][] {{3, 4}})), 0);
    }
}
