package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.AxisRange.Whisker;

class AxisRangeTest {

    @Test
    void anUninformativeIntervalDoesNotSquashTheOthers() {
        // three slices with intervals 0.1 wide and one pr_auc Δ at a Holm level of 99.93 % with ten positives
        List<Whisker> whiskers = List.of(new Whisker(0, -0.05, 0.05), new Whisker(0.05, 0.0, 0.1),
                new Whisker(-0.07, -0.12, -0.02), new Whisker(0.04, -1, 1));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        assertEquals(-0.12 - 0.05 * 0.22, range.lower(), 1e-12, "the typical intervals and 5 % room");
        assertEquals(0.1 + 0.05 * 0.22, range.upper(), 1e-12);
        assertFalse(range.contains(-1), "the wide one runs past the edge (drawn with an arrow)");
    }

    @Test
    void anEstimateIsOnTheAxisWhenItsWideIntervalIsNot() {
        // h_tiny's roc_auc: overall, site=big and site=s400, and an uninformative interval around Δ +0.6
        List<Whisker> whiskers = List.of(new Whisker(0.013, -0.001, 0.027), new Whisker(0.016, -0.003, 0.034),
                new Whisker(-0.018, -0.068, 0.031), new Whisker(0.6, -1, 1));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        assertTrue(range.contains(0.6), "the uninformative interval's estimate is shown: " + range);
        assertFalse(range.contains(1), "its interval runs past the edge");
    }

    @Test
    void everyEstimateOfHTinyIsOnTheAxis() {
        // site=s40's Δ +0.139 [−0.032, +0.309] is 5× the median width: it showed only a whisker and ▶ at 4×
        List<Whisker> whiskers = List.of(new Whisker(0.013, -0.001, 0.027), new Whisker(0.016, -0.003, 0.034),
                new Whisker(0.139, -0.032, 0.309), new Whisker(-0.018, -0.068, 0.031));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        for (Whisker whisker : whiskers) {
            assertTrue(range.contains(whisker.estimate()), whisker + " on " + range);
        }
    }

    @Test
    void intervalsOfSimilarWidthAllSetTheScale() {
        List<Whisker> whiskers = List.of(new Whisker(0, -0.05, 0.05), new Whisker(0.25, 0.1, 0.4),
                new Whisker(-0.15, -0.3, 0.0));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        assertTrue(range.contains(-0.3) && range.contains(0.4), "no interval is eight times the median (0.3) wide");
    }

    @Test
    void aSingleIntervalAlwaysSetsTheScale() {
        AxisRange range = AxisRange.coveringTypical(List.of(new Whisker(0, -1, 1)), false);
        assertTrue(range.contains(-1) && range.contains(1));
    }
}
