package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The words the app, the CLI and the approval pack use for the slices other than the overall one. */
class CorrectionMethodTest {

    @Test
    void saysHowTheOtherSlicesWereAdjustedOrThatNoneCouldBeTested() {
        assertEquals("other slices adjusted with holm over 12 slices", CorrectionMethod.HOLM.otherSlices(12));
        assertEquals("other slices adjusted with benjamini-hochberg over 1 slice",
                CorrectionMethod.BENJAMINI_HOCHBERG.otherSlices(1));
        assertEquals("other slices unadjusted (2,310 slices tested)", CorrectionMethod.NONE.otherSlices(2310));
        assertEquals("no other slice could be tested (too few examples, unstable or unavailable)",
                CorrectionMethod.HOLM.otherSlices(0));
    }
}
