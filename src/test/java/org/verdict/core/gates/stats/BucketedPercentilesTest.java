package org.verdict.core.gates.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.LatencyBuckets;

/**
 * Percentiles from log-spaced bucket counts against the same percentiles from the samples counted (log-normal
 * latencies, as request latencies are): within one bucket (2.33 %) of the samples' value, and an interval that holds
 * the samples' order-statistic interval and is at most one bucket wider at each end.
 */
class BucketedPercentilesTest {
    private static final double BUCKET = Math.pow(10, 1.0 / LatencyBuckets.PER_DECADE);

    @ParameterizedTest
    @ValueSource(ints = {40, 1_000, 200_000})
    void bucketedPercentilesAreTheSamplesToWithinOneBucket(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] millis = new double[n];
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            millis[i] = Math.exp(Math.log(80) + 0.6 * random.nextGaussian());
            counts.merge(bucketOf(millis[i]), 1L, Long::sum);
        }
        Percentiles rows = new Percentiles(millis);
        BucketedPercentiles buckets = new BucketedPercentiles(new LatencyBuckets(
                counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
                counts.values().stream().mapToLong(Long::longValue).toArray()));
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            double exact = rows.value(q);
            double binned = buckets.value(q);
            assertTrue(binned / exact < BUCKET && exact / binned < BUCKET, q + ": " + binned + " vs " + exact);
            Interval exactCi = rows.interval(q, 0.95);
            Interval binnedCi = buckets.interval(q, 0.95);
            assertTrue(binnedCi.lower() <= exactCi.lower() && binnedCi.upper() >= exactCi.upper(),
                    q + ": " + binnedCi + " holds " + exactCi);
            assertTrue(exactCi.lower() / binnedCi.lower() < BUCKET && binnedCi.upper() / exactCi.upper() < BUCKET,
                    q + ": " + binnedCi + " at most a bucket wider than " + exactCi);
        }
    }

    /** The bucket of a latency, as the summary SQL computes it: ⌊100 · log10(max(ms, 0.01))⌋. */
    private static int bucketOf(double millis) {
        return (int) Math.floor(LatencyBuckets.PER_DECADE * Math.log10(Math.max(millis, 0.01)));
    }
}
