package org.verdict.core.stats;

import java.util.Arrays;

/**
 * The replicates of one statistic from a resampling scheme, summarised as a percentile interval and a standard
 * error. Replicates where the statistic is undefined (NaN) are left out.
 */
public final class ResampledDistribution {
    private final double[] sorted;
    private final int drawn;

    public ResampledDistribution(double[] replicates) {
        this.drawn = replicates.length;
        // plain loops rather than a stream: this runs for every metric of every slice, and a stream pipeline here
        // made the JIT compile (and recompile) a very large method during the first comparison
        double[] defined = new double[replicates.length];
        int count = 0;
        for (double v : replicates) {
            if (!Double.isNaN(v)) {
                defined[count++] = v;
            }
        }
        this.sorted = count == defined.length ? defined : Arrays.copyOf(defined, count);
        Arrays.sort(sorted);
    }

    /** How many replicates were defined. */
    public int defined() {
        return sorted.length;
    }

    /** All drawn replicates, defined or not. */
    public int drawn() {
        return drawn;
    }

    /** Percentile interval at the given level (e.g. 0.95), or null when no replicate is defined. */
    public Interval percentileInterval(double level) {
        if (sorted.length == 0) {
            return null;
        }
        double tail = (1 - level) / 2;
        return new Interval(quantile(tail), quantile(1 - tail));
    }

    /** Standard deviation of the defined replicates (the bootstrap standard error), or null when none is defined. */
    public Double standardDeviation() {
        if (sorted.length == 0) {
            return null;
        }
        double mean = 0;
        for (double v : sorted) {
            mean += v;
        }
        mean /= sorted.length;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / Math.max(1, sorted.length - 1));
    }

    /** Quantile with linear interpolation between order statistics (NumPy's default, Hyndman–Fan type 7). */
    double quantile(double probability) {
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
