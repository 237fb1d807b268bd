package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    /** Blocks: every example lands in exactly one block and block sizes differ by at most one. */
    @Test
    void blocksPartitionTheExamplesEvenly() {
        int[] block = BlockResampler.assignBlocks(1003, 10, new SplittableRandom(1));
        int[] sizes = new int[10];
        for (int b : block) {
            sizes[b]++;
        }
        for (int size : sizes) {
            assertEquals(100.3, size, 0.71);
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
        int[] blockOf = BlockResampler.assignBlocks(n, blocks, random);
        BlockResampler resampler = new BlockResampler(blocks, 2);
        for (int i = 0; i < n; i++) {
            resampler.add(blockOf[i], 0, i);
            resampler.add(blockOf[i], 1, 1);
        }
        double sum = 0;
        double squares = 0;
        int replicates = 20_000;
        double[] sums = new double[2];
        for (int r = 0; r < replicates; r++) {
            resampler.resample(random, sums);
            double mean = sums[0] / sums[1];
            sum += mean;
            squares += mean * mean;
        }
        double variance = squares / replicates - Math.pow(sum / replicates, 2);
        // expected (k−1)/k · σ²/n = 0.99 · 83.33 = 82.5; the block estimate itself varies by about √(2/k) = 14 %
        assertEquals(82.5, variance, 0.3 * 82.5);
    }
}
