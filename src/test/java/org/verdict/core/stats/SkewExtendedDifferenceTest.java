package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Twelve paired differences, eleven of them near +0.05 and one of −0.30 (a long tail below, as one positive carries a
 * slice's loss difference): d = 0.05, 0.04, 0.06, 0.03, 0.05, 0.04, 0.06, 0.05, 0.04, 0.05, −0.30, 0.05, shifted by a
 * constant per case. Expected values from bench/delta_log_loss_long_tail_check.py, run once (/usr/bin/python3,
 * NumPy and SciPy): the mean, SE = s/√n = 0.029046288380563681, skewness scipy.stats.skew(d, bias=True) =
 * −2.9755208730850669, the t quantile τ = scipy.stats.t.ppf(0.975, 11), the t test scipy.stats.ttest_1samp(d, 0),
 * and the t quantile at which the moved end reaches 0 by scipy.optimize.brentq, its p 2·scipy.stats.t.sf(τ, 11).
 */
class SkewExtendedDifferenceTest {

    private static final double STANDARD_ERROR = 0.029046288380563681;
    private static final double SKEWNESS = -2.9755208730850669;

    private static SkewExtendedDifference of(double mean) {
        return new SkewExtendedDifference(new WaldDifference(mean, STANDARD_ERROR, 11, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), SKEWNESS, 12);
    }

    /** d: mean 0.018333; t interval ±τ·SE = ±0.063930, the lower end moved by 2.975·(2τ² + 1)/(6√12)·SE. */
    @Test
    void theEndOnTheSideOfTheSkewMovesOutAndTheOtherIsTheTIntervals() {
        Interval interval = of(0.01833333333333333).interval(0.95);
        assertEquals(-0.090043404384499842, interval.lower(), 1e-8);
        assertEquals(0.082263783014696182, interval.upper(), 1e-8);
        Interval t = new WaldDifference(0.01833333333333333, STANDARD_ERROR, 11, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY).interval(0.95);
        assertEquals(t.upper(), interval.upper(), 1e-9);
        assertTrue(interval.lower() < t.lower() - 0.01, "the long tail's end is further out than the t interval's");
    }

    /**
     * d + 0.06: mean 0.078333. The t test rejects (scipy's ttest_1samp p 0.020774), but the one difference of −0.24
     * leaves the moved interval reaching below 0 at 95 %: p = 2·P(T₁₁ &gt; 1.713261) = 0.114670, where the lower end
     * reaches 0.
     */
    @Test
    void whereTheLongTailPointsTowardZeroThePValueIsWhereTheMovedEndReachesIt() {
        SkewExtendedDifference difference = of(0.078333333333333338);
        assertEquals(0.11466955140983301, difference.pValue(), 1e-8);
        assertEquals(-0.030043404384499858, difference.interval(0.95).lower(), 1e-8);
        assertEquals(0.0, difference.interval(1 - 0.11466955140983301).lower(), 1e-9);
        assertEquals(0.020773531155995471, difference.t().pValue(), 1e-9);
    }

    /** d − 0.05: mean −0.031667, 0 on the short tail's side: the t test's p, scipy's ttest_1samp 0.29892494. */
    @Test
    void whereTheLongTailPointsAwayFromZeroThePValueIsTheTTests() {
        SkewExtendedDifference difference = of(-0.031666666666666669);
        assertEquals(0.29892494496585842, difference.pValue(), 1e-9);
        assertEquals(-0.14004340438449986, difference.interval(0.95).lower(), 1e-8);
        assertEquals(0.032263783014696186, difference.interval(0.95).upper(), 1e-8);
    }

    @Test
    void theIntervalExcludesZeroExactlyWhenThePValueIsBelowOneMinusTheLevel() {
        for (double skewness : new double[] {-3, -0.5, 0, 0.5, 3, Double.NaN}) {
            for (double ratio = -6; ratio <= 6; ratio += 0.1) {
                SkewExtendedDifference difference = new SkewExtendedDifference(
                        new WaldDifference(ratio * 0.01, 0.01, 40, -1, 1), skewness, 41);
                double p = difference.pValue();
                for (double level : new double[] {0.9, 0.95, 1 - 0.05 / 7, 1 - 0.05 / 40}) {
                    Interval interval = difference.interval(level);
                    boolean excludes = interval.lower() > 0 || interval.upper() < 0;
                    if (Math.abs(p - (1 - level)) > 1e-9) {
                        assertEquals(p < 1 - level, excludes, "skewness " + skewness + ", Δ/SE " + ratio + ", level "
                                + level + ", p " + p + ", " + interval);
                    }
                }
            }
        }
    }

    @Test
    void withoutSkewItIsTheTInterval() {
        WaldDifference t = new WaldDifference(0.03, 0.01, 40, -1, 1);
        SkewExtendedDifference difference = new SkewExtendedDifference(t, 0, 41);
        assertEquals(t.interval(0.95).lower(), difference.interval(0.95).lower(), 1e-9);
        assertEquals(t.interval(0.95).upper(), difference.interval(0.95).upper(), 1e-9);
        assertEquals(t.pValue(), difference.pValue(), 1e-12);
    }

    /** A log loss's Δ is at least −production: the moved end stops there as the t interval's does. */
    @Test
    void theMovedEndStaysWithinTheRange() {
        SkewExtendedDifference difference = new SkewExtendedDifference(new WaldDifference(-0.05, 0.03, 11, -0.09,
                Double.POSITIVE_INFINITY), -3, 12);
        assertEquals(-0.09, difference.interval(0.95).lower(), 0);
    }
}
