package org.verdict.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Random-block bootstrap for statistics that are functions of sums of per-example vectors (means such as log_loss
 * and mae, and the binned sums of the calibration error). The examples of a slice are dealt into {@code k} blocks
 * (by {@link HashedBlocks}, a random partition that does not depend on the order of the rows); a replicate draws k
 * blocks with replacement and adds their sums. With k = n every block is one example and this is exactly the ordinary
 * row bootstrap. With k &lt; n each replicate costs k·d instead of n·d. Because the blocks are random subsets of the
 * slice, a mean resampled by blocks — Σ values / Σ counts, the count being one of the components — has to first order
 * the row bootstrap's variance s²/n, whatever the blocks' sizes (each block contributes its rows' deviations from the
 * mean, whose sum has n_b times a row's variance). The price is that the interval's own Monte-Carlo noise is that of a
 * variance estimated from k blocks instead of n rows. One instance serves one slice on one thread.
 */
public final class BlockResampler {
    private final int blocks;
    private final int width;
    private final double[] blockSums;
    private final int[] multiplicity;
    /** Scratch of the standard errors: each block's linear contribution or leave-one-out value. */
    private final double[] contribution;
    /** Σ |block sum| per component, the scale of the gradient's steps; computed once the blocks are filled. */
    private double[] absoluteTotals;

    /**
     * @param blocks number of blocks k (at most the number of examples)
     * @param width length d of each example's vector
     */
    public BlockResampler(int blocks, int width) {
        this.blocks = blocks;
        this.width = width;
        this.blockSums = new double[blocks * width];
        this.multiplicity = new int[blocks];
        this.contribution = new double[blocks];
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

    /** A copy of block {@code block}'s sums. */
    public double[] block(int block) {
        return Arrays.copyOfRange(blockSums, block * width, (block + 1) * width);
    }

    /** How few blocks carry the sum of component {@code index} (its values must be ≥ 0). */
    public SumConcentration concentration(int index) {
        double[] values = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            values[b] = blockSums[b * width + index];
        }
        return SumConcentration.of(values);
    }

    /** Fills {@code into} with the sums of one replicate: k blocks drawn with replacement. */
    public void resample(SplittableRandom random, double[] into) {
        // the fields in locals: the client compiler, which a short process runs with, reads a field again on every
        // pass of a loop (38 % of this method's time); the arithmetic is the same to the last bit
        int[] times = multiplicity;
        int k = blocks;
        int d = width;
        double[] sums = blockSums;
        // count how often each block is drawn, then add each drawn block once, times its count: about a third of
        // the blocks are not drawn at all
        Arrays.fill(times, 0);
        for (int draw = 0; draw < k; draw++) {
            times[random.nextInt(k)]++;
        }
        Arrays.fill(into, 0);
        for (int b = 0; b < k; b++) {
            int drawn = times[b];
            if (drawn == 0) {
                continue;
            }
            double weight = drawn;
            int offset = b * d;
            for (int i = 0; i < d; i++) {
                into[i] += weight * sums[offset + i];
            }
        }
    }

    /**
     * The standard error of {@code statistic} over every block, each once, on one of two forms. Linearized (delta
     * method): with g the statistic's gradient at the totals (central differences) and u_b = g · (block b's sums),
     * √(k/(k − 1) · Σ (u_b − ū)²) — one multiply-add per unit and component; for a ratio of sums such as a mean it
     * equals the jackknife's to first order (for a mean both are exactly s/√n). Jackknife: √((k − 1)/k · Σ (θ₍b₎ −
     * θ̄)²) with θ₍b₎ the statistic without block b — one evaluation per unit, but it follows a statistic whose
     * denominator is itself a nonlinear function of the sums (r2), where the linearization is too narrow. The
     * statistic may read only the components {@code reads} (the others hold the sums). NaN when undefined.
     */
    public double standardError(int[] reads, ToDoubleFunction<double[]> statistic, boolean jackknife) {
        int[] once = new int[blocks];
        Arrays.fill(once, 1);
        double[] totals = totals();
        double[] scratch = new double[width];
        return jackknife ? jackknife(totals, once, reads, statistic, scratch)
                : linearized(totals, once, reads, statistic, scratch);
    }

    /**
     * The same over the units of the last {@link #resample} (a block drawn twice is two units), given that
     * replicate's sums: the standard error a studentized (bootstrap-t) interval divides each replicate by.
     *
     * @param scratch of length {@code width}, overwritten
     */
    public double replicateStandardError(double[] replicateSums, int[] reads, ToDoubleFunction<double[]> statistic,
                                         boolean jackknife, double[] scratch) {
        return jackknife ? jackknife(replicateSums, multiplicity, reads, statistic, scratch)
                : linearized(replicateSums, multiplicity, reads, statistic, scratch);
    }

    private double jackknife(double[] sums, int[] times, int[] reads, ToDoubleFunction<double[]> statistic,
                             double[] scratch) {
        System.arraycopy(sums, 0, scratch, 0, width);
        int units = 0;
        double sum = 0;
        for (int b = 0; b < blocks; b++) {
            if (times[b] == 0) {
                contribution[b] = 0; // the spread takes every block; times 0 makes this one add exactly nothing
                continue;
            }
            int offset = b * width;
            for (int i : reads) {
                scratch[i] = sums[i] - blockSums[offset + i];
            }
            contribution[b] = statistic.applyAsDouble(scratch);
            units += times[b];
            sum += times[b] * contribution[b];
        }
        return units < 2 || !Double.isFinite(sum) ? Double.NaN
                : Math.sqrt((units - 1.0) / units * spread(times, sum / units));
    }

    private double linearized(double[] sums, int[] times, int[] reads, ToDoubleFunction<double[]> statistic,
                              double[] scratch) {
        if (absoluteTotals == null) {
            absoluteTotals = new double[width];
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < width; i++) {
                    absoluteTotals[i] += Math.abs(blockSums[b * width + i]);
                }
            }
        }
        System.arraycopy(sums, 0, scratch, 0, width);
        double[] gradient = new double[reads.length];
        for (int r = 0; r < reads.length; r++) {
            int i = reads[r];
            // a step on the component's own scale, even where its sum is near 0 (a centred label)
            double step = 1e-6 * Math.max(Math.max(Math.abs(sums[i]), absoluteTotals[i]), 1e-300);
            scratch[i] = sums[i] + step;
            double above = statistic.applyAsDouble(scratch);
            scratch[i] = sums[i] - step;
            double below = statistic.applyAsDouble(scratch);
            scratch[i] = sums[i];
            gradient[r] = (above - below) / (2 * step);
        }
        // every block, drawn or not: an undrawn block adds 0 to each sum, which leaves it exactly as it was, and a loop
        // without the branch on a third of the blocks at random runs about twice as fast (this is the hot loop of the
        // studentized intervals: four calls per replicate); fields in locals as in resample
        int k = blocks;
        int d = width;
        double[] blockValues = blockSums;
        double[] contributions = contribution;
        int units = 0;
        double sum = 0;
        for (int b = 0; b < k; b++) {
            int offset = b * d;
            double u = 0;
            for (int r = 0; r < reads.length; r++) {
                u += gradient[r] * blockValues[offset + reads[r]];
            }
            contributions[b] = u;
            units += times[b];
            sum += times[b] * u;
        }
        return units < 2 || !Double.isFinite(sum) ? Double.NaN
                : Math.sqrt(units / (units - 1.0) * spread(times, sum / units));
    }

    /** Σ times_b · (contribution_b − mean)² over the drawn blocks (an undrawn block adds exactly 0). */
    private double spread(int[] times, double mean) {
        int k = blocks;
        double[] contributions = contribution;
        double squares = 0;
        for (int b = 0; b < k; b++) {
            squares += times[b] * (contributions[b] - mean) * (contributions[b] - mean);
        }
        return squares;
    }
}
