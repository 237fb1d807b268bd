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
    void aWorseSlicesIntervalIsAlwaysOnTheAxis() {
        // fair_small's roc_auc: four slices ±0.004 around +0.013 and gender=nonbinary, worse, 15× the median width
        List<Whisker> whiskers = List.of(new Whisker(0.012, 0.010, 0.014), new Whisker(0.013, 0.009, 0.017),
                new Whisker(0.011, 0.008, 0.015), new Whisker(0.015, 0.011, 0.018), new Whisker(0.015, 0.011, 0.019),
                new Whisker(-0.151, -0.212, -0.091));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        assertTrue(range.contains(-0.212) && range.contains(-0.091), "the worse interval is whole: " + range);
        AxisRange better = AxisRange.coveringTypical(List.of(new Whisker(0, -0.004, 0.004),
                new Whisker(0.001, -0.003, 0.005), new Whisker(0.2, 0.1, 0.3)), true);
        assertTrue(better.contains(0.3), "so is a better one: " + better);
        AxisRange values = AxisRange.coveringTypical(List.of(new Whisker(0.9, 0.89, 0.91),
                new Whisker(0.91, 0.9, 0.92), new Whisker(0.7, 0.4, 0.95)), false);
        assertFalse(values.contains(0.4), "a model's value is no verdict: its wide interval may run off: " + values);
    }

    @Test
    void anArrowAtTheEdgeHasRoomBesideItsRowsEstimate() {
        // a wide inconclusive interval whose estimate is the lowest value: 5 % room put its point on its own ◀
        List<Whisker> whiskers = List.of(new Whisker(0, -0.01, 0.01), new Whisker(0.02, 0.01, 0.03),
                new Whisker(-0.15, -0.6, 0.3));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        double span = range.upper() - range.lower();
        assertFalse(range.contains(-0.6), "the wide interval still runs off: " + range);
        assertTrue(-0.15 - range.lower() >= 0.1 * span, "its estimate stands apart from the edge: " + range);
    }

    @Test
    void aSingleIntervalAlwaysSetsTheScale() {
        AxisRange range = AxisRange.coveringTypical(List.of(new Whisker(0, -1, 1)), false);
        assertTrue(range.contains(-1) && range.contains(1));
    }
}
