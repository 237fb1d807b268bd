package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.AxisRange.ForestRow;
import org.verdict.core.compare.AxisRange.Whisker;
import org.verdict.core.stats.Interval;

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
        // h_tiny's roc_auc: overall, site=big and site=s400, and an interval around Δ +0.6 spanning every roc_auc Δ
        List<ForestRow> rows = List.of(new ForestRow(0.013, new Interval(-0.001, 0.027), false, false),
                new ForestRow(0.016, new Interval(-0.003, 0.034), false, false),
                new ForestRow(-0.018, new Interval(-0.068, 0.031), false, false),
                new ForestRow(0.6, new Interval(-1, 1), false, true));
        AxisRange range = AxisRange.ofForest(rows);
        assertTrue(range.contains(0.6), "the uninformative interval's estimate is shown: " + range);
        assertFalse(range.contains(1), "its interval runs past the edge");
    }

    @Test
    void anIntervalFarWiderThanTheOthersSetsNoScaleNorDoesItsFarEstimate() {
        // claims' 300 adjusters: intervals about $170 wide, and adj036 (n = 61) with Δ +$8,199 [−$16,532, +$38,041]
        List<ForestRow> rows = new ArrayList<>();
        ForestRow overall = new ForestRow(8.7, new Interval(-47.7, 49.7), false, false);
        rows.add(overall);
        double narrowLowest = Double.POSITIVE_INFINITY;
        double narrowHighest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 300; i++) {
            double delta = -40 + 80.0 * i / 299;
            double halfWidth = 60 + 50 * ((i * 37) % 100) / 100.0;
            rows.add(new ForestRow(delta, new Interval(delta - halfWidth, delta + halfWidth), false, false));
            narrowLowest = Math.min(narrowLowest, delta - halfWidth);
            narrowHighest = Math.max(narrowHighest, delta + halfWidth);
        }
        rows.add(new ForestRow(8199.2, new Interval(-16532.4, 38041.2), false, false));
        AxisRange range = AxisRange.ofForest(rows);
        assertTrue(range.contains(narrowLowest) && range.contains(narrowHighest), "every narrow interval: " + range);
        assertTrue(range.contains(-47.7) && range.contains(49.7), "the overall row's interval: " + range);
        assertFalse(range.contains(-16532.4) || range.contains(38041.2), "the wide interval runs off: " + range);
        assertFalse(range.contains(8199.2), "its estimate is no scale for the others: " + range);
        assertTrue(range.upper() - range.lower() < 2 * (narrowHighest - narrowLowest),
                "the narrow intervals fill most of the axis: " + range);
    }

    @Test
    void aModelsValueIsOnItsAxisHoweverWideItsInterval() {
        // claims' adj003: production's mae $9,026 [$128, $27,583] beside values of about $150 ± $30
        AxisRange range = AxisRange.coveringTypical(List.of(new Whisker(150, 120, 180), new Whisker(140, 112, 168),
                new Whisker(160, 131, 190), new Whisker(9026, 128, 27583)), false);
        assertTrue(range.contains(9026), "the per-model chart has no label for a value past its edge: " + range);
        assertFalse(range.contains(27583), "its interval runs off: " + range);
    }

    @Test
    void aWideIntervalsEstimateNearTheOthersIsOnTheAxis() {
        // 50 intervals 0.02 wide and one 50× as wide whose estimate is a little beyond them
        List<Whisker> whiskers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double estimate = -0.01 + 0.0004 * i;
            whiskers.add(new Whisker(estimate, estimate - 0.01, estimate + 0.01));
        }
        whiskers.add(new Whisker(0.08, -0.42, 0.58));
        AxisRange range = AxisRange.coveringTypical(whiskers, true);
        assertTrue(range.contains(0.08), "its point is within the limit (0.16) of the others: " + range);
        assertFalse(range.contains(0.58), "its interval runs off: " + range);
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
