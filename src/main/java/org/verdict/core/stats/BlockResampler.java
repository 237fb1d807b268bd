package org.verdict.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Random-block bootstrap for statistics that are functions of sums of per-example vectors (means such as log_loss
 * and mae, and the binned sums of the calibration error). The examples of a slice are dealt at random into {@code k} blocks of equal
 * size (±1); a replicate draws k blocks with replacement and adds their sums. With k = n every block is one example
 * and this is exactly the ordinary row bootstrap. With k &lt; n each replicate costs k·d instead of n·d. Because the
 * blocks are random subsets of the slice, a block's total varies around n/k times the mean with n/k times a row's
 * variance, so k resampled blocks give a sum with the same expected variance as n resampled rows: the variance of a
 * mean is kept (up to the factor (k−1)/k instead of (n−1)/n). The price is that the interval's own Monte-Carlo noise
 * is that of a variance estimated from k blocks instead of n rows. One instance serves one slice on one thread.
 */
public final class BlockResampler {
    private final int blocks;
    private final int width;
    private final double[] blockSums;
    private final int[] multiplicity;
    /** Scratch of the jackknife: each block's leave-one-out value. */
    private final double[] leaveOneOut;

    /**
     * @param blocks number of blocks k (at most the number of examples)
     * @param width length d of each example's vector
     */
    public BlockResampler(int blocks, int width) {
        this.blocks = blocks;
        this.width = width;
        this.blockSums = new double[blocks * width];
        this.multiplicity = new int[blocks];
        this.leaveOneOut = new double[blocks];
    }

    /** A random assignment of n examples to k blocks of equal size (±1): a shuffled 0..n-1, taken modulo k. */
    public static int[] assignBlocks(int n, int k, SplittableRandom random) {
        int[] block = new int[n];
        for (int i = 0; i < n; i++) {
            block[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = block[i];
            block[i] = block[j];
            block[j] = swap;
        }
        for (int i = 0; i < n; i++) {
            block[i] %= k;
        }
        return block;
    }

    /** The number of blocks k. */
    public int blocks() {
        return blocks;
    }

    /** Adds value to component {@code index} of block {@code block}. */
    public void add(int block, int index, double value) {
        blockSums[block * width + index] += value;
    }

    /** The sums over every example (the statistic's point estimate is a function of these). */
    public double[] totals() {
        double[] totals = new double[width];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < width; i++) {
                totals[i] += blockSums[b * width + i];
            }
        }
        return totals;
    }

    /** Fills {@code into} with the sums of one replicate: k blocks drawn with replacement. */
    public void resample(SplittableRandom random, double[] into) {
        // count how often each block is drawn, then add each drawn block once, times its count: about a third of
        // the blocks are not drawn at all
        Arrays.fill(multiplicity, 0);
        for (int draw = 0; draw < blocks; draw++) {
            multiplicity[random.nextInt(blocks)]++;
        }
        Arrays.fill(into, 0);
        for (int b = 0; b < blocks; b++) {
            int times = multiplicity[b];
            if (times == 0) {
                continue;
            }
            int offset = b * width;
            for (int i = 0; i < width; i++) {
                into[i] += times * blockSums[offset + i];
            }
        }
    }

    /**
     * The jackknife standard error of {@code statistic} over every block, each once: √((k − 1)/k · Σ (θ₍b₎ − θ̄)²) with
     * θ₍b₎ the statistic of the totals without block b. The statistic may read only the components {@code reads}
     * (the others hold the totals), so a long vector costs no more than the few components a mean needs. NaN when a
     * leave-one-out value is undefined.
     */
    public double jackknifeStandardError(int[] reads, ToDoubleFunction<double[]> statistic) {
        int[] once = new int[blocks];
        Arrays.fill(once, 1);
        return jackknife(totals(), once, reads, statistic, new double[width]);
    }

    /**
     * The same over the units of the last {@link #resample} (a block drawn twice is two units), given that
     * replicate's sums: the standard error a studentized (bootstrap-t) interval divides each replicate by.
     *
     * @param scratch of length {@code width}, overwritten
     */
    public double replicateJackknifeStandardError(double[] replicateSums, int[] reads,
                                                  ToDoubleFunction<double[]> statistic, double[] scratch) {
        return jackknife(replicateSums, multiplicity, reads, statistic, scratch);
    }

    private double jackknife(double[] sums, int[] times, int[] reads, ToDoubleFunction<double[]> statistic,
                             double[] scratch) {
        System.arraycopy(sums, 0, scratch, 0, width);
        int units = 0;
        double sum = 0;
        for (int b = 0; b < blocks; b++) {
            if (times[b] == 0) {
                continue;
            }
            int offset = b * width;
            for (int i : reads) {
                scratch[i] = sums[i] - blockSums[offset + i];
            }
            leaveOneOut[b] = statistic.applyAsDouble(scratch);
            units += times[b];
            sum += times[b] * leaveOneOut[b];
        }
        if (units < 2 || !Double.isFinite(sum)) {
            return Double.NaN;
        }
        double mean = sum / units;
        double squares = 0;
        for (int b = 0; b < blocks; b++) {
            if (times[b] > 0) {
                squares += times[b] * (leaveOneOut[b] - mean) * (leaveOneOut[b] - mean);
            }
        }
        return Math.sqrt((units - 1.0) / units * squares);
    }
}
