package org.verdict.core.gates.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.LatencyBuckets;

/**
 * Percentiles of latencies given as counts per log-spaced bucket ({@link LatencyBuckets}), with the distribution-free
 * order-statistic intervals of {@link Percentiles}: the same ranks, each order statistic known to lie in its bucket,
 * so the interval runs from the lower edge of the lower rank's bucket to the upper edge of the upper rank's. It holds
 * the interval the rows would give, and is at most one bucket (2.33 %) wider at each end.
 */
public final class BucketedPercentiles {
    private final LatencyBuckets buckets;
    private final int n;

    public BucketedPercentiles(LatencyBuckets buckets) {
        long total = buckets.n();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(total + " latency samples of one version; at most "
                    + Integer.MAX_VALUE + " are summarised");
        }
        this.buckets = buckets;
        this.n = (int) total;
    }

    public int n() {
        return n;
    }

    /**
     * The q-quantile as {@link Percentiles#value} places it (between the order statistics around q·(n − 1)), each
     * order statistic taken at its bucket's geometric midpoint: within one bucket width of the rows' value.
     */
    public double value(double q) {
        if (n == 0) {
            throw new IllegalStateException("no observations");
        }
        double position = q * (n - 1);
        long below = (long) Math.floor(position) + 1;
        long above = Math.min(below + 1, n);
        double lower = midpoint(buckets.bucketOfRank(below));
        double upper = midpoint(buckets.bucketOfRank(above));
        return lower + (position - Math.floor(position)) * (upper - lower);
    }

    /** The ranks of {@link Percentiles#interval}, widened to the edges of the buckets that hold them. */
    public Interval interval(double q, double confidenceLevel) {
        double alpha = 1 - confidenceLevel;
        BinomialDistribution below = new BinomialDistribution(null, n, q);
        int lowerRank = Math.max(1, below.inverseCumulativeProbability(alpha / 2));
        int upperRank = Math.min(n, below.inverseCumulativeProbability(1 - alpha / 2) + 1);
        return new Interval(LatencyBuckets.lowerEdge(buckets.bucketOfRank(lowerRank)),
                LatencyBuckets.upperEdge(buckets.bucketOfRank(upperRank)));
    }

    private static double midpoint(int bucket) {
        return Math.pow(10, (bucket + 0.5) / LatencyBuckets.PER_DECADE);
    }
}
