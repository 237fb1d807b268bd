package org.verdict.core.stats;

import java.util.Arrays;

/**
 * The replicates of one statistic from a resampling scheme, summarised as a percentile interval and a two-sided
 * p-value for "the statistic is 0". Replicates where the statistic is undefined (NaN) are left out.
 */
public final class ResampledDistribution {
    private final double[] sorted;
    private final int drawn;

    public ResampledDistribution(double[] replicates) {
        this.drawn = replicates.length;
        this.sorted = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
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

    /**
     * Two-sided bootstrap p-value for a zero difference: twice the smaller share of replicates on either side of 0
     * (counting replicates equal to 0 on both sides), with the +1 correction of Davison &amp; Hinkley (1997) so that a
     * finite number of replicates never gives p = 0. Null when no replicate is defined.
     */
    public Double twoSidedPValue() {
        if (sorted.length == 0) {
            return null;
        }
        long atMostZero = Arrays.stream(sorted).filter(v -> v <= 0).count();
        long atLeastZero = Arrays.stream(sorted).filter(v -> v >= 0).count();
        double p = 2.0 * (Math.min(atMostZero, atLeastZero) + 1) / (sorted.length + 1);
        return Math.min(1.0, p);
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
