package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisRangeTest {

    @Test
    void anUninformativeIntervalDoesNotSquashTheOthers() {
        // three slices with intervals 0.1 wide and one pr_auc Δ at a Holm level of 99.93 % with ten positives
        List<double[]> intervals = List.of(new double[] {-0.05, 0.05}, new double[] {0.0, 0.1},
                new double[] {-0.12, -0.02}, new double[] {-1, 1});
        AxisRange range = AxisRange.coveringTypical(intervals, true);
        assertEquals(-0.12 - 0.05 * 0.22, range.lower(), 1e-12, "the typical intervals and 5 % room");
        assertEquals(0.1 + 0.05 * 0.22, range.upper(), 1e-12);
        assertFalse(range.contains(-1), "the wide one runs past the edge (drawn with an arrow)");
    }

    @Test
    void intervalsOfSimilarWidthAllSetTheScale() {
        List<double[]> intervals = List.of(new double[] {-0.05, 0.05}, new double[] {0.1, 0.4},
                new double[] {-0.3, 0.0});
        AxisRange range = AxisRange.coveringTypical(intervals, true);
        assertTrue(range.contains(-0.3) && range.contains(0.4), "no interval is four times the median (0.3) wide");
    }

    @Test
    void aSingleIntervalAlwaysSetsTheScale() {
        AxisRange range = AxisRange.coveringTypical(List.<double[]>of(new double[] {-1, 1}), false);
        assertTrue(range.contains(-1) && range.contains(1));
    }
}
