package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SumConcentrationTest {

    /** 7, 1, 1, 1: (Σx)² / Σx² = 100 / 52 = 1.923; the 7 alone holds 70 % ≥ half. */
    @Test
    void oneLargeContributionCarriesTheSum() {
        SumConcentration c = SumConcentration.of(new double[] {1, 7, 1, 1});
        assertEquals(100.0 / 52, c.effectiveUnits(), 1e-12);
        assertEquals(1, c.carryingHalf());
        assertEquals(0.7, c.carriedShare(), 1e-12);
        assertTrue(c.concentrated());
        assertEquals("1 of 4 rows holds 70% of production's squared error",
                c.describe("rows", "production's squared error"));
    }

    /** Six equal contributions: effectively 6 units, not concentrated; half the sum takes 3 of them. */
    @Test
    void evenContributionsAreNotConcentrated() {
        SumConcentration c = SumConcentration.of(new double[] {2, 2, 2, 2, 2, 2});
        assertEquals(6, c.effectiveUnits(), 1e-12);
        assertEquals(3, c.carryingHalf());
        assertFalse(c.concentrated());
        assertEquals("3 of 6 blocks of rows hold 50% of the log loss", c.describe("blocks of rows", "the log loss"));
    }

    /** 4, 3, 2, 1 → 100 / 30 = 3.33 units; 4 + 3 = 70 % is the first to reach half. */
    @Test
    void theFewestUnitsHoldingHalfAreCountedFromTheLargest() {
        SumConcentration c = SumConcentration.of(new double[] {1, 3, 2, 4});
        assertEquals(100.0 / 30, c.effectiveUnits(), 1e-12);
        assertEquals(2, c.carryingHalf());
        assertEquals(0.7, c.carriedShare(), 1e-12);
        assertTrue(c.concentrated());
    }

    @Test
    void aSumOfZeroHasNoEffectiveUnits() {
        SumConcentration c = SumConcentration.of(new double[] {0, 0, 0});
        assertEquals(0, c.effectiveUnits());
        assertTrue(c.concentrated());
    }
}
