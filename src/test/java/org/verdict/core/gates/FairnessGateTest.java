package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the Fairness gate says the approximate sample size that would settle a worsening it cannot judge. */
class FairnessGateTest {
    /** An approximation is said to two significant digits, never below what the formula gives. */
    @Test
    void examplesNeededAreRoundedUpToTwoSignificantDigits() {
        assertEquals(15_000, FairnessGate.roundedUp(14_312.6));
        assertEquals(660, FairnessGate.roundedUp(652));
        assertEquals(40, FairnessGate.roundedUp(40));
        assertEquals(41, FairnessGate.roundedUp(40.2));
        assertEquals(1, FairnessGate.roundedUp(0.3));
        assertEquals(1_100_000, FairnessGate.roundedUp(1_012_345));
    }
}
