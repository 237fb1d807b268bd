package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Right-closed bins of width 0.1, as scikit-learn's calibration_curve: (0.2, 0.3] is bin 2, 0 is in bin 0. */
    @Test
    void eceBinsAreRightClosedTenths() {
        assertEquals(0, Calibration.eceBin(0));
        assertEquals(0, Calibration.eceBin(0.1));
        assertEquals(1, Calibration.eceBin(0.1000001));
        assertEquals(2, Calibration.eceBin(0.3));
        assertEquals(3, Calibration.eceBin(0.31));
        assertEquals(9, Calibration.eceBin(0.95));
        assertEquals(9, Calibration.eceBin(1));
    }

    /** log loss clips at 1e-15: a confident miss costs −ln(1e-15) = 34.539, not infinity. */
    @Test
    void logLossIsClipped() {
        assertEquals(34.538776394910684, Calibration.logLoss(0, 1), 1e-9);
        assertEquals(-Math.log(0.8), Calibration.logLoss(0.8, 1), 1e-15);
        assertEquals(-Math.log(0.2), Calibration.logLoss(0.8, 0), 1e-15);
    }
}
