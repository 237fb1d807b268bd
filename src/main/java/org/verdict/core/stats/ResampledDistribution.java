package org.verdict.core.stats;

import java.util.Arrays;

/**
 * The replicates of one statistic from a resampling scheme, summarised as a percentile interval and a standard
 * error. Replicates where the statistic is undefined (NaN) are left out.
 */
public final class ResampledDistribution {
    /** The defined replicates; quantile selection reorders them, which nothing else here depends on. */
    private final double[] values;

    public ResampledDistribution(double[] replicates) {
        double[] defined = new double[replicates.length];
        int count = 0;
        for (double v : replicates) {
            if (!Double.isNaN(v)) {
                defined[count++] = v;
            }
        }
        this.values = count == defined.length ? defined : Arrays.copyOf(defined, count);
    }

    /** How many replicates were defined. */
    public int defined() {
        return values.length;
    }

    /** Percentile interval at the given level (e.g. 0.95), or null when no replicate is defined. */
    public Interval percentileInterval(double level) {
        if (values.length == 0) {
            return null;
        }
        double tail = (1 - level) / 2;
        return new Interval(quantile(tail), quantile(1 - tail));
    }

    /** Standard deviation of the defined replicates (the bootstrap standard error), or null when none is defined. */
    public Double standardDeviation() {
        if (values.length == 0) {
            return null;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / Math.max(1, values.length - 1));
    }

    /**
     * Quantile with linear interpolation between order statistics (NumPy's default, Hyndman–Fan type 7). The two
     * order statistics are found by selection, not by sorting: this runs for every interval of every slice.
     */
    double quantile(double probability) {
        double position = probability * (values.length - 1);
        int below = (int) Math.floor(position);
        double lower = select(values, below);
        if (below + 1 >= values.length) {
            return lower;
        }
        // after selection everything right of `below` is ≥ it, so the next order statistic is their minimum
        double upper = Double.POSITIVE_INFINITY;
        for (int i = below + 1; i < values.length; i++) {
            upper = Math.min(upper, values[i]);
        }
        return lower + (position - below) * (upper - lower);
    }

    /**
     * The k-th smallest value (k from 0), leaving smaller values left of index k and larger ones right of it:
     * Hoare's selection with a median-of-three pivot, which also splits runs of equal values evenly.
     */
    private static double select(double[] a, int k) {
        int low = 0;
        int high = a.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            double pivot = Math.max(Math.min(a[low], a[middle]), Math.min(Math.max(a[low], a[middle]), a[high]));
            int i = low;
            int j = high;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
