package org.verdict.core.stats;

import java.util.Arrays;
import java.util.List;
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
 * variance estimated from k blocks instead of n rows. One instance serves one slice on one thread;
 * {@link #sharingBlocks} gives another thread its own over the same sums.
 */
public final class BlockResampler {
    private final int blocks;
    private final int width;
    /**
     * The block sums by component: {@code columns[i][b]} is component i of block b. A replicate adds each component
     * over the drawn blocks in a register, and a standard error reads its few components' runs of k values, instead
     * of striding across every block's whole vector.
     */
    private final double[][] columns;
    private final int[] multiplicity;
    /** The blocks the last {@link #draw} drew, ascending ({@code drawnCount} of them), and each one's count. */
    private final int[] drawnBlocks;
    private final double[] drawnWeights;
    private int drawnCount;
    /** Every block, ascending: the units of the standard error over the blocks themselves, and of the jackknife. */
    private final int[] allBlocks;
    /** Scratch of the jackknife: each block's leave-one-out value. */
    private final double[] contribution;
    /** Scratch of {@link #linearized}: each statistic's linear contribution of each unit, made at its first call. */
    private double[][] contributions;
    /** Σ |block sum| per component, the scale of the gradient's steps; computed once the blocks are filled. */
    private double[] absoluteTotals;
    /**
     * The sums over every block, computed at the first {@link #totals} after the last {@link #add}: a slice's closed
     * forms ask for them ten times, each a pass over every block's whole vector.
     */
    private double[] totals;

    /**
     * @param blocks number of blocks k (at most the number of examples)
     * @param width length d of each example's vector
     */
    public BlockResampler(int blocks, int width) {
        this.blocks = blocks;
        this.width = width;
        this.columns = new double[width][blocks];
        this.multiplicity = new int[blocks];
        this.drawnBlocks = new int[blocks];
        this.drawnWeights = new double[blocks];
        this.allBlocks = new int[blocks];
        Arrays.setAll(allBlocks, b -> b);
        this.contribution = new double[blocks];
    }

    /** Over {@code shared}'s block sums (not copied), with a draw and scratch of its own. */
    private BlockResampler(BlockResampler shared) {
        this.blocks = shared.blocks;
        this.width = shared.width;
        this.columns = shared.columns;
        this.multiplicity = new int[blocks];
        this.drawnBlocks = new int[blocks];
        this.drawnWeights = new double[blocks];
        this.allBlocks = shared.allBlocks;
        this.contribution = new double[blocks];
        this.absoluteTotals = shared.absoluteTotals();
    }

    /**
     * A resampler over blocks whose sums are given block after block: {@code sums[b · width + i]} is component i of
     * block b. A pass over rows fills that layout touching a few neighbouring entries of one block per row, where
     * {@link #add}, component by component, touches a cache line per term.
     */
    public static BlockResampler ofBlockSums(double[] sums, int blocks, int width) {
        BlockResampler resampler = new BlockResampler(blocks, width);
        for (int i = 0; i < width; i++) {
            double[] column = resampler.columns[i];
            for (int b = 0; b < blocks; b++) {
                column[b] = sums[b * width + i];
            }
        }
        return resampler;
    }

    /** The number of blocks k. */
    public int blocks() {
        return blocks;
    }

    /** Adds value to component {@code index} of block {@code block}. */
    public void add(int block, int index, double value) {
        columns[index][block] += value;
        totals = null;
    }

    /** The sums over every example (the statistic's point estimate is a function of these); a copy to change. */
    public double[] totals() {
        if (totals == null) {
            double[] sums = new double[width];
            for (int i = 0; i < width; i++) {
                double[] column = columns[i];
                for (int b = 0; b < blocks; b++) {
                    sums[i] += column[b];
                }
            }
            totals = sums;
        }
        return totals.clone();
    }

    /** A copy of block {@code block}'s sums. */
    public double[] block(int block) {
        double[] sums = new double[width];
        for (int i = 0; i < width; i++) {
            sums[i] = columns[i][block];
        }
        return sums;
    }

    /** How few blocks carry the sum of component {@code index} (its values must be ≥ 0). */
    public SumConcentration concentration(int index) {
        return SumConcentration.of(columns[index].clone());
    }

    /**
     * A resampler over the same block sums, with a draw and scratch of its own, for another thread's replicates of the
     * same slice; the sums must be complete (neither adds to them any more).
     */
    public BlockResampler sharingBlocks() {
        return new BlockResampler(this);
    }

    /**
     * The blocks of {@code replicates} replicates, k each drawn with replacement, in the order one replicate after the
     * other draws them: replicate r's are {@code [r · k, (r + 1) · k)}. Replicates made from these by {@link #draw} on
     * any thread, in any order, are the ones a single thread drawing replicate after replicate makes.
     */
    public int[] drawBlocks(SplittableRandom random, int replicates) {
        int k = blocks;
        int[] draws = new int[Math.multiplyExact(replicates, k)];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = random.nextInt(k);
        }
        return draws;
    }

    /**
     * Takes replicate {@code replicate} of {@code draws} ({@link #drawBlocks}) as this resampler's draw, without
     * adding anything up: {@link #sumDrawn} then adds the components a caller needs, so a replicate pays only for
     * those.
     */
    public void draw(int[] draws, int replicate) {
        // the fields in locals: the client compiler, which a short process runs with, reads a field again on every
        // pass of a loop; the arithmetic is the same to the last bit
        int[] times = multiplicity;
        int k = blocks;
        int[] drawn = drawnBlocks;
        double[] weights = drawnWeights;
        // count how often each block is drawn, then list each drawn block once, with its count: about a third of
        // the blocks are not drawn at all
        Arrays.fill(times, 0);
        int first = replicate * k;
        for (int draw = first; draw < first + k; draw++) {
            times[draws[draw]]++;
        }
        int drawnCount = 0;
        for (int b = 0; b < k; b++) {
            if (times[b] != 0) {
                drawn[drawnCount] = b;
                weights[drawnCount] = times[b];
                drawnCount++;
            }
        }
        this.drawnCount = drawnCount;
    }

    /**
     * Fills components {@code [from, to)} of {@code into} with their sums over the blocks of the last {@link #draw};
     * the others are left as they are. Each component is added up alone, over the drawn blocks in ascending order, so
     * its sum has the same bits whichever components are asked for with it.
     */
    public void sumDrawn(double[] into, int from, int to) {
        double[][] sums = columns;
        int[] drawn = drawnBlocks;
        double[] weights = drawnWeights;
        int drawnCount = this.drawnCount;
        // four components at a time, each added up in a register over the drawn blocks in ascending order: the same
        // additions in the same order as adding block after block into the replicate's vector, so the same bits,
        // with a third less time in the client compiler's code (no load and store of the vector per block)
        int i = from;
        for (; i + 4 <= to; i += 4) {
            double[] c0 = sums[i];
            double[] c1 = sums[i + 1];
            double[] c2 = sums[i + 2];
            double[] c3 = sums[i + 3];
            double x0 = 0;
            double x1 = 0;
            double x2 = 0;
            double x3 = 0;
            for (int j = 0; j < drawnCount; j++) {
                int b = drawn[j];
                double weight = weights[j];
                x0 += weight * c0[b];
                x1 += weight * c1[b];
                x2 += weight * c2[b];
                x3 += weight * c3[b];
            }
            into[i] = x0;
            into[i + 1] = x1;
            into[i + 2] = x2;
            into[i + 3] = x3;
        }
        for (; i < to; i++) {
            double[] column = sums[i];
            double x = 0;
            for (int j = 0; j < drawnCount; j++) {
                x += weights[j] * column[drawn[j]];
            }
            into[i] = x;
        }
    }

    /**
     * Whether every replicate's sums are finite and at most {@code bound} in size: each component's Σ |block sum|
     * times k, the most a replicate of k draws can add up, is within it.
     */
    public boolean replicateSumsWithin(double bound) {
        double[] absolute = absoluteTotals();
        for (double total : absolute) {
            if (!(total * blocks <= bound)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest block sum of component {@code index}. */
    public double smallestBlockSum(int index) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double value : columns[index]) {
            smallest = Math.min(smallest, value);
        }
        return smallest;
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
        double[] totals = totals();
        double[] scratch = new double[width];
        if (jackknife) {
            int[] once = new int[blocks];
            Arrays.fill(once, 1);
            return jackknife(totals, once, reads, statistic, scratch);
        }
        double[] once = new double[blocks];
        Arrays.fill(once, 1.0);
        return linearizedOne(totals, once, allBlocks, blocks, reads, statistic, scratch);
    }

    /**
     * The same over the units of the last {@link #draw} (a block drawn twice is two units), given that
     * replicate's sums: the standard error a studentized (bootstrap-t) interval divides each replicate by.
     *
     * @param scratch of length {@code width}, overwritten
     */
    public double replicateStandardError(double[] replicateSums, int[] reads, ToDoubleFunction<double[]> statistic,
                                         boolean jackknife, double[] scratch) {
        return jackknife ? jackknife(replicateSums, multiplicity, reads, statistic, scratch)
                : linearizedOne(replicateSums, drawnWeights, drawnBlocks, drawnCount, reads, statistic, scratch);
    }

    /**
     * The linearized {@link #replicateStandardError} of several statistics of the last replicate at once,
     * {@code into[s]} for {@code statistics.get(s)} reading {@code reads[s]}, each with the same bits as alone.
     *
     * @param scratch of length {@code width}, overwritten
     */
    public void replicateStandardErrors(double[] replicateSums, int[][] reads,
                                        List<ToDoubleFunction<double[]>> statistics, double[] scratch, double[] into) {
        linearized(replicateSums, drawnWeights, drawnBlocks, drawnCount, reads, statistics, scratch, into);
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
            for (int i : reads) {
                scratch[i] = sums[i] - columns[i][b];
            }
            contribution[b] = statistic.applyAsDouble(scratch);
            units += times[b];
            sum += times[b] * contribution[b];
        }
        return units < 2 || !Double.isFinite(sum) ? Double.NaN
                : Math.sqrt((units - 1.0) / units * spread(times, allBlocks, blocks, sum / units));
    }

    private double linearizedOne(double[] sums, double[] weights, int[] units, int unitCount, int[] reads,
                                 ToDoubleFunction<double[]> statistic, double[] scratch) {
        double[] into = new double[1];
        linearized(sums, weights, units, unitCount, new int[][] {reads}, List.of(statistic), scratch, into);
        return into[0];
    }

    /**
     * The linearized standard errors of {@code statistics} at {@code sums}, over the listed units. The loops over the
     * units are methods of their own ({@link #addScaled}, {@link #spreadsOfFour}): a fresh JVM then compiles them
     * once, small, instead of compiling this method again and again around them (on-stack replacement of each loop,
     * and again after the one-statistic calls over every block had shaped its profile).
     *
     * @param weights each unit's count (a block drawn twice is two units), in the order of the units
     * @param units the blocks that are units, ascending ({@code unitCount} of them); an undrawn block would add
     *              exactly 0 to every sum below (a finite u times 0; a non-finite gradient makes the drawn blocks'
     *              sum non-finite as well), so a replicate lists only its drawn blocks
     */
    private void linearized(double[] sums, double[] weights, int[] units, int unitCount, int[][] reads,
                            List<ToDoubleFunction<double[]>> statistics, double[] scratch, double[] into) {
        double[] absolute = absoluteTotals();
        System.arraycopy(sums, 0, scratch, 0, width);
        int statisticCount = reads.length;
        // the hot loop of the studentized intervals. Each unit's u = g · (its sums) is added up term after term, for
        // every unit at once (no chain of dependent additions); then the sums and the spreads of four statistics are
        // added up side by side, each over the units in order, so each has the same bits as in a pass of its own
        // while the four chains of additions overlap instead of waiting on each other
        int padded = (statisticCount + 3) & ~3;
        double[][] contributions = contributions(padded);
        for (int s = 0; s < statisticCount; s++) {
            double[] u = contributions[s];
            Arrays.fill(u, 0, unitCount, 0.0);
            ToDoubleFunction<double[]> statistic = statistics.get(s);
            for (int i : reads[s]) {
                addScaled(u, partialDerivative(statistic, sums, i, absolute[i], scratch), columns[i], units,
                        unitCount);
            }
        }
        double weight = 0;
        for (int j = 0; j < unitCount; j++) {
            weight += weights[j];
        }
        int count = (int) weight; // whole counts, far below 2^53: exact
        double[] totals = new double[padded];
        double[] squares = new double[padded];
        for (int s = 0; s < padded; s += 4) {
            spreadsOfFour(contributions, s, weights, unitCount, count, totals, squares);
        }
        for (int s = 0; s < statisticCount; s++) {
            into[s] = count < 2 || !Double.isFinite(totals[s]) ? Double.NaN
                    : Math.sqrt(count / (count - 1.0) * squares[s]);
        }
    }

    /** {@code u[j] += g · column[units[j]]} for the first {@code unitCount} units. */
    private static void addScaled(double[] u, double g, double[] column, int[] units, int unitCount) {
        for (int j = 0; j < unitCount; j++) {
            u[j] += g * column[units[j]];
        }
    }

    /**
     * For the four statistics {@code [s, s + 4)}: the weighted sum of each one's contributions into {@code totals}
     * and the weighted sum of their squared deviations from the weighted mean (total / count) into {@code squares}.
     */
    private static void spreadsOfFour(double[][] contributions, int s, double[] weights, int unitCount, int count,
                                      double[] totals, double[] squares) {
        double[] u0 = contributions[s];
        double[] u1 = contributions[s + 1];
        double[] u2 = contributions[s + 2];
        double[] u3 = contributions[s + 3];
        double x0 = 0;
        double x1 = 0;
        double x2 = 0;
        double x3 = 0;
        for (int j = 0; j < unitCount; j++) {
            double w = weights[j];
            x0 += w * u0[j];
            x1 += w * u1[j];
            x2 += w * u2[j];
            x3 += w * u3[j];
        }
        double m0 = x0 / count;
        double m1 = x1 / count;
        double m2 = x2 / count;
        double m3 = x3 / count;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (int j = 0; j < unitCount; j++) {
            double w = weights[j];
            q0 += w * (u0[j] - m0) * (u0[j] - m0);
            q1 += w * (u1[j] - m1) * (u1[j] - m1);
            q2 += w * (u2[j] - m2) * (u2[j] - m2);
            q3 += w * (u3[j] - m3) * (u3[j] - m3);
        }
        totals[s] = x0;
        totals[s + 1] = x1;
        totals[s + 2] = x2;
        totals[s + 3] = x3;
        squares[s] = q0;
        squares[s + 1] = q1;
        squares[s + 2] = q2;
        squares[s + 3] = q3;
    }

    /**
     * ∂statistic/∂sums[i] by central differences, {@code scratch} holding {@code sums} (and left so).
     *
     * @param absolute Σ |block sum| of component i
     */
    private static double partialDerivative(ToDoubleFunction<double[]> statistic, double[] sums, int i,
                                            double absolute, double[] scratch) {
        // a step on the component's own scale, even where its sum is near 0 (a centred label)
        double step = 1e-6 * Math.max(Math.max(Math.abs(sums[i]), absolute), 1e-300);
        scratch[i] = sums[i] + step;
        double above = statistic.applyAsDouble(scratch);
        scratch[i] = sums[i] - step;
        double below = statistic.applyAsDouble(scratch);
        scratch[i] = sums[i];
        return (above - below) / (2 * step);
    }

    /**
     * The skewness of {@code statistic}'s linear contributions over every block, each once: with g its gradient at
     * the totals and u_b = g · (block b's sums), m₃ / m₂^(3/2) with m_j = Σ (u_b − ū)^j / k. It sizes the
     * studentized interval's correction for skew over these units ({@link SkewCorrection}). NaN when undefined.
     */
    public double linearizedSkewness(int[] reads, ToDoubleFunction<double[]> statistic) {
        double[] totals = totals();
        double[] absolute = absoluteTotals();
        double[] scratch = totals.clone();
        double[] u = new double[blocks];
        for (int i : reads) {
            double g = partialDerivative(statistic, totals, i, absolute[i], scratch);
            double[] column = columns[i];
            for (int b = 0; b < blocks; b++) {
                u[b] += g * column[b];
            }
        }
        double mean = 0;
        for (double x : u) {
            mean += x;
        }
        mean /= blocks;
        double second = 0;
        double third = 0;
        for (double x : u) {
            double d = x - mean;
            second += d * d;
            third += d * d * d;
        }
        second /= blocks;
        third /= blocks;
        return third / Math.pow(second, 1.5);
    }

    /**
     * Scratch of {@link #linearized}: each statistic's u per unit, at least {@code padded} rows (a multiple of four;
     * rows past the statistics are added up too, and their results not read).
     */
    private double[][] contributions(int padded) {
        if (contributions == null || contributions.length < padded) {
            contributions = new double[padded][blocks];
        }
        return contributions;
    }

    /** Σ |block sum| per component, computed once the blocks are filled. */
    private double[] absoluteTotals() {
        if (absoluteTotals == null) {
            absoluteTotals = new double[width];
            for (int i = 0; i < width; i++) {
                // added up in a local over the column: the same additions, without the client compiler's load and
                // store of the array element at every block
                double[] column = columns[i];
                double absolute = 0;
                for (int b = 0; b < blocks; b++) {
                    absolute += Math.abs(column[b]);
                }
                absoluteTotals[i] = absolute;
            }
        }
        return absoluteTotals;
    }

    /** Σ times_b · (contribution_b − mean)² over the listed units (contribution j belongs to unit j). */
    private double spread(int[] times, int[] units, int unitCount, double mean) {
        double[] contributions = contribution;
        double squares = 0;
        for (int j = 0; j < unitCount; j++) {
            squares += times[units[j]] * (contributions[j] - mean) * (contributions[j] - mean);
        }
        return squares;
    }
}
