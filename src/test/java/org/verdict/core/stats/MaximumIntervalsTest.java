package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaximumIntervalsTest {
    private static final int REPLICATES = 20_000;

    /** Normal replicates around each estimate with the given standard errors (independent terms). */
    private static double[][] replicates(double[] estimates, double[] se, SplittableRandom random) {
        double[][] out = new double[estimates.length][REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            for (int k = 0; k < estimates.length; k++) {
                out[k][r] = estimates[k] + se[k] * random.nextGaussian();
            }
        }
        return out;
    }

    /**
     * One term far above the others: only it can be the maximum, so the interval is its normal interval,
     * 0.30 ± 1.96·0.02 = [0.2608, 0.3392] (up to the Monte-Carlo error of 20,000 replicates' quantiles).
     */
    @Test
    void aClearMaximumGetsTheOrdinaryNormalInterval() {
        double[] estimates = {0.30, 0.05, -0.10};
        double[] se = {0.02, 0.02, 0.02};
        Interval interval = MaximumIntervals.ofMaximum(estimates, replicates(estimates, se, new SplittableRandom(1)),
                1000, 0.95);
        assertEquals(0.2608, interval.lower(), 0.002);
        assertEquals(0.3392, interval.upper(), 0.002);
    }

    /**
     * Tied terms: the estimate is the largest of three, and the lower bound must allow every tied term to be the
     * true maximum, so it is lower than the largest term's own lower bound; the interval always holds the estimate.
     */
    @Test
    void tiedTermsWidenTheLowerBoundAndKeepTheEstimateInside() {
        double[] estimates = {0.10, 0.09, 0.095};
        double[] se = {0.03, 0.03, 0.03};
        Interval interval = MaximumIntervals.ofMaximum(estimates, replicates(estimates, se, new SplittableRandom(2)),
                200, 0.95);
        assertTrue(interval.contains(0.10), interval.toString());
        assertTrue(interval.lower() < 0.10 - 1.96 * 0.03 - 0.003, "simultaneous lower bound: " + interval);
        assertEquals(0.10 + 1.96 * 0.03, interval.upper(), 0.003);
    }

    @Test
    void undefinedTermsAreLeftOutAndNoDefinedTermGivesNoInterval() {
        double[][] replicates = {new double[10], new double[10]};
        assertNull(MaximumIntervals.ofMaximum(new double[] {Double.NaN, Double.NaN}, replicates, 100, 0.95));
        Interval exact = MaximumIntervals.ofMaximum(new double[] {Double.NaN, 0.0}, replicates, 100, 0.95);
        assertEquals(new Interval(0, 0), exact);
    }
}
