package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Δ of a bounded metric cut where production's own interval says the candidate would leave the metric's range. */
class ProductionBoundedDifferenceTest {

    /** A difference whose interval is the same at every level, as a score interval of a tiny slice can be. */
    private static DeltaInference fixed(double estimate, double lower, double upper) {
        return new DeltaInference() {
            @Override
            public double estimate() {
                return estimate;
            }

            @Override
            public double pValue() {
                return 0.37;
            }

            @Override
            public Interval interval(double level) {
                return new Interval(lower, upper);
            }
        };
    }

    /**
     * Production without a false positive among 31 negatives: Wilson's upper bound at 95 % is z²/(n + z²) =
     * 3.841459/34.841459 = 0.110255, so a Δ fpr interval that reached −0.224 is cut at −0.110255.
     */
    @Test
    void theLowerEndIsCutAtMinusProductionsUpperBound() {
        var bounded = new ProductionBoundedDifference(fixed(0, -0.224, 0.224), l -> Proportions.wilson(0, 31, l), 0, 1);
        Interval ci = bounded.interval(0.95);
        assertEquals(-0.110255, ci.lower(), 1e-6);
        assertEquals(0.224, ci.upper(), 0);
        assertTrue(ci.lowerAtBound());
        assertFalse(ci.upperAtBound());
        assertEquals(0, bounded.estimate(), 0);
        assertEquals(0.37, bounded.pValue(), 0);
    }

    @Test
    void theUpperEndIsCutAtOneMinusProductionsLowerBound() {
        var bounded = new ProductionBoundedDifference(fixed(0.1, -0.5, 0.35), l -> new Interval(0.80, 0.97), 0, 1);
        Interval ci = bounded.interval(0.95);
        assertEquals(-0.5, ci.lower(), 0);
        assertEquals(0.2, ci.upper(), 1e-15);
        assertFalse(ci.lowerAtBound());
        assertTrue(ci.upperAtBound());
    }

    /** Kappa lies in [−1, 1]: production's [0.2, 0.6] bounds Δ to [−1.6, 0.8]. */
    @Test
    void theMetricsOwnRangeSetsTheCut() {
        var bounded = new ProductionBoundedDifference(fixed(0.3, -1.7, 0.9), l -> new Interval(0.2, 0.6), -1, 1);
        Interval ci = bounded.interval(0.95);
        assertEquals(-1.6, ci.lower(), 1e-15);
        assertEquals(0.8, ci.upper(), 1e-15);
        assertTrue(ci.lowerAtBound() && ci.upperAtBound());
    }

    /** An interval that excludes 0 still does after the cut, and one inside production's room is left alone. */
    @Test
    void noEndCrossesZeroAndAnIntervalWithinTheRoomIsUntouched() {
        var significant = new ProductionBoundedDifference(fixed(0.2, 0.05, 0.4), l -> new Interval(0.7, 0.9), 0, 1);
        Interval cut = significant.interval(0.95);
        assertEquals(0.05, cut.lower(), 0);
        assertEquals(0.3, cut.upper(), 1e-15);
        assertTrue(cut.upper() > 0 && cut.lower() > 0 && cut.upperAtBound() && !cut.lowerAtBound());
        var inside = new ProductionBoundedDifference(fixed(0.02, -0.1, 0.15), l -> new Interval(0.3, 0.5), 0, 1);
        assertEquals(new Interval(-0.1, 0.15), inside.interval(0.95));
    }

    /** Production's interval is taken at Δ's own level: a Holm level cuts less than 95 % would. */
    @Test
    void productionsIntervalIsAtTheSameLevel() {
        List<Double> levels = new ArrayList<>();
        var bounded = new ProductionBoundedDifference(fixed(0, -0.3, 0.3), l -> {
            levels.add(l);
            return Proportions.wilson(0, 31, l);
        }, 0, 1);
        Interval holm = bounded.interval(1 - 0.05 / 20);
        assertEquals(List.of(1 - 0.05 / 20), levels);
        // z(0.99875) = 3.023341, z² = 9.140593: 9.140593/40.140593 = 0.227714
        assertEquals(-0.227714, holm.lower(), 1e-6);
    }

    /**
     * Two models without a false positive among 100 negatives at a Holm level: Tango's interval is ±z²/(n + z²), which
     * is Wilson's upper end of 0 of n, up to rounding; the end is the score interval's own and is not marked.
     */
    @Test
    void anEndWithinRoundingOfTheBoundIsLeftAlone() {
        double level = 1 - 0.05 / 105;
        Interval tango = new PairedProportionDifference(0, 0, 100).interval(level);
        var bounded = new ProductionBoundedDifference(new PairedProportionDifference(0, 0, 100),
                l -> Proportions.wilson(0, 100, l), 0, 1);
        Interval ci = bounded.interval(level);
        assertEquals(tango, ci);
        assertFalse(ci.lowerAtBound() || ci.upperAtBound());
    }

    @Test
    void withoutProductionsIntervalTheDifferenceStands() {
        var bounded = new ProductionBoundedDifference(fixed(0, -0.224, 0.224), l -> null, 0, 1);
        assertEquals(new Interval(-0.224, 0.224), bounded.interval(0.95));
    }
}
