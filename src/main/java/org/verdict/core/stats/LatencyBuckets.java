package org.verdict.core.stats;

/**
 * One version's latencies as request counts per log-spaced bucket, the sufficient statistic of percentiles that a
 * summary pack carries instead of one row per request: bucket b holds the latencies in
 * [10^(b/100), 10^((b+1)/100)) ms, 100 buckets per decade (each 2.33 % wide), latencies under 0.01 ms in bucket −200.
 * Any percentile's order statistic is then known to within its bucket.
 *
 * @param buckets bucket numbers, strictly increasing
 * @param counts requests per bucket, each ≥ 0
 */
public record LatencyBuckets(int[] buckets, long[] counts) {
    public static final int PER_DECADE = 100;
    /** The lowest bucket, [0.01 ms, 0.01023 ms), which also holds every shorter latency. */
    public static final int LOWEST = -2 * PER_DECADE;
    /** The highest bucket allowed, starting at 10^8 ms (a day is 8.6 · 10^7 ms). */
    public static final int HIGHEST = 8 * PER_DECADE;

    public long n() {
        long n = 0;
        for (long count : counts) {
            n += count;
        }
        return n;
    }

    /** The bucket's lower edge in ms (0 for the lowest bucket, which holds every shorter latency). */
    public static double lowerEdge(int bucket) {
        return bucket <= LOWEST ? 0 : Math.pow(10, (double) bucket / PER_DECADE);
    }

    public static double upperEdge(int bucket) {
        return Math.pow(10, (double) (bucket + 1) / PER_DECADE);
    }

    /** The bucket holding the order statistic of 1-based {@code rank} (1 ≤ rank ≤ n). */
    public int bucketOfRank(long rank) {
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return buckets[i];
            }
        }
        throw new IllegalArgumentException("rank " + rank + " of " + seen + " requests");
    }
}
