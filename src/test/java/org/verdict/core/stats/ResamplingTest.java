package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResamplingTest {

    /** Binomial draws have mean n·p and variance n·p·(1−p), both in the inversion and in the BTPE regime. */
    @Test
    void binomialDrawsHaveTheBinomialMeanAndVariance() {
        CountResampler resampler = new CountResampler(new SplittableRandom(11));
        for (double[] np : new double[][] {{20, 0.3}, {1_000_000, 0.02}, {5_000, 0.7}, {200, 0.5}}) {
            long n = (long) np[0];
            double p = np[1];
            int draws = 200_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                long x = resampler.binomial(n, p);
                sum += x;
                squares += (double) x * x;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            double expectedVariance = n * p * (1 - p);
            // 5 standard errors of the mean; variance within 3 %
            assertEquals(n * p, mean, 5 * Math.sqrt(expectedVariance / draws), "mean for n=" + n + " p=" + p);
            assertEquals(expectedVariance, variance, 0.03 * expectedVariance, "variance for n=" + n + " p=" + p);
        }
    }

    @Test
    void multinomialKeepsTheTotalAndEmptyCellsStayEmpty() {
        CountResampler resampler = new CountResampler(new SplittableRandom(5));
        long[] cells = {400, 0, 35, 1, 0, 9000, 77, 2};
        long[] drawn = new long[cells.length];
        for (int r = 0; r < 100; r++) {
            resampler.resample(cells, drawn);
            assertEquals(9515, java.util.Arrays.stream(drawn).sum());
            assertEquals(0, drawn[1]);
            assertEquals(0, drawn[4]);
        }
    }

    @Test
    void sameSeedSameDraws() {
        long[] cells = {30, 40, 50};
        long[] first = new long[3];
        long[] second = new long[3];
        new CountResampler(new SplittableRandom(42)).resample(cells, first);
        new CountResampler(new SplittableRandom(42)).resample(cells, second);
        assertArrayEquals(first, second);
    }

    /** Quantiles interpolate like NumPy: for 1..5, the 2.5 % point is 1 + 0.025·4 = 1.1 and the 97.5 % point 4.9. */
    @Test
    void percentileIntervalAndStandardError() {
        ResampledDistribution d = new ResampledDistribution(new double[] {3, 1, Double.NaN, 5, 2, 4});
        assertEquals(5, d.defined());
        Interval ci = d.percentileInterval(0.95);
        assertEquals(1.1, ci.lower(), 1e-12);
        assertEquals(4.9, ci.upper(), 1e-12);
        // sample standard deviation of 1..5: √(10/4)
        assertEquals(Math.sqrt(2.5), d.standardDeviation(), 1e-12);
        assertNull(new ResampledDistribution(new double[] {Double.NaN}).percentileInterval(0.95));
    }

    /**
     * Quantiles by selection equal NumPy's type 7 on sorted data: for 1,1,1,2,2,2,2,3,3,3 the 25th percentile sits
     * at position 0.25 · 9 = 2.25, between 1 and 2, so 1.25; the median at 4.5, between 2 and 2.
     */
    @Test
    void quantilesWithTiesAndAnyInputOrder() {
        double[] values = {3, 2, 1, 2, 3, 1, 2, 3, 1, 2};
        assertEquals(1.25, new ResampledDistribution(values).quantile(0.25), 1e-12);
        assertEquals(2.0, new ResampledDistribution(values).quantile(0.5), 1e-12);
        assertEquals(1.0, new ResampledDistribution(values).quantile(0), 1e-12);
        assertEquals(3.0, new ResampledDistribution(values).quantile(1), 1e-12);
        // against sorting, the plain definition, on random data with many ties
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double[] replicates = random.doubles(1 + random.nextInt(60), 0, 1)
                    .map(v -> Math.round(v * 8) / 8.0).toArray();
            double[] sorted = replicates.clone();
            java.util.Arrays.sort(sorted);
            for (double p : new double[] {0.025, 0.5, 0.975}) {
                double position = p * (sorted.length - 1);
                int below = (int) Math.floor(position);
                double expected = sorted[below]
                        + (position - below) * (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]);
                assertEquals(expected, new ResampledDistribution(replicates.clone()).quantile(p), 1e-12);
            }
        }
    }

    /**
     * The variance of a resampled mean under random blocks matches the row bootstrap's, σ²/n: values 0..999 have
     * σ² = (1000² − 1)/12 = 83333.25, so the mean of 1000 resampled rows has variance 83.33.
     */
    @Test
    void blockBootstrapKeepsTheVarianceOfAMean() {
        int n = 1000;
        int blocks = 100;
        SplittableRandom random = new SplittableRandom(9);
        int[] blockOf = new int[n];
        for (int i = 0; i < n; i++) {
            blockOf[i] = HashedBlocks.blockOf("row-" + i, 9, blocks);
        }
        BlockResampler resampler = new BlockResampler(blocks, 2);
        for (int i = 0; i < n; i++) {
            resampler.add(blockOf[i], 0, i);
            resampler.add(blockOf[i], 1, 1);
        }
        double sum = 0;
        double squares = 0;
        int replicates = 20_000;
        double[] sums = new double[2];
        int[] draws = resampler.drawBlocks(random, replicates);
        for (int r = 0; r < replicates; r++) {
            resampler.draw(draws, r);
            resampler.sumDrawn(sums, 0, 2);
            double mean = sums[0] / sums[1];
            sum += mean;
            squares += mean * mean;
        }
        double variance = squares / replicates - Math.pow(sum / replicates, 2);
        // expected (k−1)/k · σ²/n = 0.99 · 83.33 = 82.5; the block estimate itself varies by about √(2/k) = 14 %
        assertEquals(82.5, variance, 0.3 * 82.5);
    }

    /**
     * BCa against SciPy 1.17.1's own implementation ({@code scipy.stats._resampling._bca_interval}, the routine behind
     * {@code scipy.stats.bootstrap(method='BCa')}, called with alpha = 0.025 as bootstrap does for 95 %), given the
     * same 40 replicates of the mean of x = 0.3, 1.1, 0.2, 2.5, 0.7, 4.0, 0.9, 0.4: jackknife acceleration
     * 0.075146818984, adjusted levels 0.015736938514 and 0.955840879543, endpoints (NumPy's linear percentile)
     * 0.473874060203 and 1.886114002878.
     */
    @Test
    void bcaIntervalMatchesScipy() {
        double[] x = {0.3, 1.1, 0.2, 2.5, 0.7, 4.0, 0.9, 0.4};
        double[] leaveOneOut = new double[x.length];
        double total = java.util.Arrays.stream(x).sum();
        for (int i = 0; i < x.length; i++) {
            leaveOneOut[i] = (total - x[i]) / (x.length - 1);
        }
        long[] once = new long[x.length];
        java.util.Arrays.fill(once, 1);
        double acceleration = ResampledDistribution.accelerationFromJackknife(leaveOneOut, once);
        assertEquals(0.075146818984, acceleration, 1e-11);
        double[] replicates = {0.875, 0.975, 1.8375, 2.0125, 1.8, 0.4125, 1.375, 1.05, 1.5, 2.1375, 1.825, 0.95, 1.825,
            1.55, 1.2125, 1.15, 0.9125, 0.5125, 0.5375, 1.4875, 1.275, 1.45, 1.75, 1.5, 1.325, 1.7375, 1.525, 1.6,
            1.2875, 1.4, 1.1, 1.225, 1.25, 1.525, 0.9625, 1.3875, 1.025, 1.35, 1.3125, 0.95};
        Interval bca = new ResampledDistribution(replicates).bcaInterval(0.95, total / x.length, acceleration);
        assertEquals(0.473874060203, bca.lower(), 1e-9);
        assertEquals(1.886114002878, bca.upper(), 1e-9);
        // with no bias and no acceleration it is the percentile interval
        assertEquals(new ResampledDistribution(new double[] {1, 2, 3, 4, 5}).percentileInterval(0.95),
                new ResampledDistribution(new double[] {1, 2, 3, 4, 5}).bcaInterval(0.95, 3, 0));
    }

    /**
     * BCa with Student's t quantile in place of z is SciPy's BCa at the nominal tail Φ(−t): for 7 degrees of freedom
     * t = 2.364624251593, so {@code _bca_interval} with alpha = 0.009024186007 on the replicates and data of
     * {@link #bcaIntervalMatchesScipy} gives the levels 0.007324400962 and 0.987966635335 and (NumPy's linear
     * percentile) 0.441065163753 and 2.078837347258; for 3 degrees of freedom 0.418046208873 and 2.136376311458.
     */
    @Test
    void bcaIntervalWithStudentsTMatchesScipyAtTheEquivalentTail() {
        double[] replicates = {0.875, 0.975, 1.8375, 2.0125, 1.8, 0.4125, 1.375, 1.05, 1.5, 2.1375, 1.825, 0.95, 1.825,
            1.55, 1.2125, 1.15, 0.9125, 0.5125, 0.5375, 1.4875, 1.275, 1.45, 1.75, 1.5, 1.325, 1.7375, 1.525, 1.6,
            1.2875, 1.4, 1.1, 1.225, 1.25, 1.525, 0.9625, 1.3875, 1.025, 1.35, 1.3125, 0.95};
        double estimate = 10.1 / 8;
        double acceleration = 0.075146818984;
        Interval seven = new ResampledDistribution(replicates).bcaInterval(0.95, estimate, acceleration, 7);
        assertEquals(0.441065163753, seven.lower(), 1e-9);
        assertEquals(2.078837347258, seven.upper(), 1e-9);
        Interval three = new ResampledDistribution(replicates).bcaInterval(0.95, estimate, acceleration, 3);
        assertEquals(0.418046208873, three.lower(), 1e-9);
        assertEquals(2.136376311458, three.upper(), 1e-9);
        // infinitely many degrees of freedom: the ordinary BCa interval
        assertEquals(new ResampledDistribution(replicates).bcaInterval(0.95, estimate, acceleration),
                new ResampledDistribution(replicates).bcaInterval(0.95, estimate, acceleration,
                        Double.POSITIVE_INFINITY));
    }

    /**
     * Past the pole of BCa's level map (a·(z0 + t) ≥ 1, here a = 0.3 and t(1) = 12.7) the upper level is its limit, 1:
     * the largest replicate, not a level folded back below the estimate.
     */
    @Test
    void bcaLevelPastThePoleIsTheOutermostReplicate() {
        double[] replicates = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Interval interval = new ResampledDistribution(replicates).bcaInterval(0.95, 5.5, 0.3, 1);
        assertEquals(10, interval.upper(), 0);
        assertTrue(interval.lower() < 5.5);
    }

    /** Leave-one-out values shared by the rows of one cell weigh by the cell's count: the same as listing each row. */
    @Test
    void weightedJackknifeAccelerationEqualsTheExpandedOne() {
        double expanded = ResampledDistribution.accelerationFromJackknife(new double[] {1, 1, 2, 4, 4, 4},
                new long[] {1, 1, 1, 1, 1, 1});
        assertEquals(expanded, ResampledDistribution.accelerationFromJackknife(new double[] {1, 2, 4, Double.NaN},
                new long[] {2, 1, 3, 5}), 1e-15);
        // d = mean − value = 8/3 − (1, 1, 2, 4, 4, 4): Σd³ / (6 (Σd²)^1.5), by hand (66/27) / (6 · (102/9)^1.5)
        assertEquals((2 * Math.pow(5.0 / 3, 3) + Math.pow(2.0 / 3, 3) - 3 * Math.pow(4.0 / 3, 3))
                / (6 * Math.pow(2 * 25.0 / 9 + 4.0 / 9 + 3 * 16.0 / 9, 1.5)), expanded, 1e-15);
        assertEquals(0, ResampledDistribution.accelerationFromInfluence(new double[] {0, 0}));
    }

    /** When every replicate lies on one side of the estimate, BCa cannot place it: no interval. */
    @Test
    void bcaWithEveryReplicateAboveTheEstimateGivesNone() {
        assertNull(new ResampledDistribution(new double[] {2, 3, 4}).bcaInterval(0.95, 1, 0));
    }

    /**
     * The delta-method standard error, with the k/(k − 1) factor, of a mean is s/√n, and so is the jackknife's (Efron
     * &amp; Tibshirani 1993, ch. 11): for 2, 4, 4, 5, 10 s² = 36/4 = 9, so √(9/5) = 1.341641. Blocks of one row each make it
     * the rows' standard error.
     */
    @Test
    void blockStandardErrorOfAMeanIsSOverRootN() {
        double[] x = {2, 4, 4, 5, 10};
        BlockResampler resampler = new BlockResampler(x.length, 2);
        for (int i = 0; i < x.length; i++) {
            resampler.add(i, 0, x[i]);
            resampler.add(i, 1, 1);
        }
        assertEquals(Math.sqrt(9.0 / 5), resampler.standardError(new int[] {0, 1}, s -> s[0] / s[1], false), 1e-8);
        assertEquals(Math.sqrt(9.0 / 5), resampler.standardError(new int[] {0, 1}, s -> s[0] / s[1], true), 1e-12);
        // a replicate: its own units (a block drawn twice counts twice), and the same identity holds for them
        double[] sums = new double[2];
        resampler.draw(resampler.drawBlocks(new SplittableRandom(4), 1), 0);
        resampler.sumDrawn(sums, 0, 2);
        double mean = sums[0] / sums[1];
        double replicateSe = resampler.replicateStandardError(sums, new int[] {0, 1}, s -> s[0] / s[1], false,
                new double[2]);
        double replicateJackknife = resampler.replicateStandardError(sums, new int[] {0, 1}, s -> s[0] / s[1], true,
                new double[2]);
        // the same draws (same seed) with a column of x² give the drawn units' Σx², so s²/m of the drawn multiset
        BlockResampler withSquares = new BlockResampler(x.length, 3);
        for (int i = 0; i < x.length; i++) {
            withSquares.add(i, 0, x[i]);
            withSquares.add(i, 1, 1);
            withSquares.add(i, 2, x[i] * x[i]);
        }
        double[] three = new double[3];
        withSquares.draw(withSquares.drawBlocks(new SplittableRandom(4), 1), 0);
        withSquares.sumDrawn(three, 0, 3);
        double variance = (three[2] - three[1] * mean * mean) / (three[1] - 1);
        assertEquals(three[0], sums[0], 1e-12);
        assertEquals(Math.sqrt(variance / three[1]), replicateSe, 1e-8);
        assertEquals(Math.sqrt(variance / three[1]), replicateJackknife, 1e-12);
    }

    /**
     * The studentized interval by hand: estimate 100 on the log scale (4.605170), SE 0.1, replicates whose t values
     * are −2, −1, 0, 1, 3 (value = 100·exp(t·SE*) with SE* = 0.1): the 2.5 % and 97.5 % points of t are −1.9 and 2.8
     * (NumPy's linear quantiles), so the interval is 100·exp(−0.28) … 100·exp(0.19) = 75.578 … 120.925.
     */
    @Test
    void studentizedIntervalOnTheLogScale() {
        StudentizedBootstrap bootstrap = new StudentizedBootstrap(StudentizedBootstrap.Scale.LOG, 100, 0.1, 6);
        double[] ts = {-2, -1, 0, 1, 3};
        for (int r = 0; r < ts.length; r++) {
            bootstrap.add(r, 100 * Math.exp(ts[r] * 0.1), 0.1);
        }
        bootstrap.add(5, Double.NaN, 0.1);
        Interval interval = bootstrap.interval(0.95);
        assertEquals(100 * Math.exp(-0.28), interval.lower(), 1e-9);
        assertEquals(100 * Math.exp(0.19), interval.upper(), 1e-9);
        // r2 = 0.6 on the scale log(1 − r2) = log 0.4; the same t values mirror: 1 − 0.4·exp(0.19) … 1 − 0.4·exp(−0.28)
        StudentizedBootstrap r2 = new StudentizedBootstrap(StudentizedBootstrap.Scale.LOG_OF_COMPLEMENT, 0.6, 0.1, 5);
        for (int r = 0; r < ts.length; r++) {
            r2.add(r, 1 - 0.4 * Math.exp(ts[r] * 0.1), 0.1);
        }
        Interval r2Interval = r2.interval(0.95);
        assertEquals(1 - 0.4 * Math.exp(0.19), r2Interval.lower(), 1e-9);
        assertEquals(1 - 0.4 * Math.exp(-0.28), r2Interval.upper(), 1e-9);
        // a zero estimate has no log: no interval rather than a made-up one
        assertNull(new StudentizedBootstrap(StudentizedBootstrap.Scale.LOG, 0, 0.1, 1).interval(0.95));
    }

    /**
     * On the log scale [1, e²] is 2 wide and [e^0.5, e^1.5] is 1 wide: twice as wide. On log(1 − r2): r2 [−0.5, 0.85]
     * is log 1.5 … log 0.15 (width log 10) and [0.7, 0.85] is log 0.3 … log 0.15 (width log 2): log 10 / log 2 = 3.3219.
     */
    @Test
    void theWidthRatioIsTakenOnTheIntervalsScale() {
        StudentizedBootstrap log = new StudentizedBootstrap(StudentizedBootstrap.Scale.LOG, Math.E, 0.1, 10);
        assertEquals(2.0, log.widthRatio(new Interval(1, Math.exp(2)), new Interval(Math.exp(0.5), Math.exp(1.5))),
                1e-12);
        StudentizedBootstrap r2 = new StudentizedBootstrap(StudentizedBootstrap.Scale.LOG_OF_COMPLEMENT, 0.8, 0.1, 10);
        assertEquals(3.321928094887362, r2.widthRatio(new Interval(-0.5, 0.85), new Interval(0.7, 0.85)), 1e-12);
        assertTrue(Double.isNaN(log.widthRatio(null, new Interval(1, 2))));
        assertTrue(Double.isNaN(log.widthRatio(new Interval(1, 2), new Interval(2, 2))));
    }
}
