package org.verdict.core.gates.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verdict.core.gates.stats.BucketedPercentiles;
import org.verdict.core.gates.stats.Percentiles;
import org.verdict.core.gates.suites.LatencySuite;
import org.verdict.core.stats.Interval;

/**
 * p50 / p95 / p99 latency per model version, each with an order-statistic confidence interval (from bucket counts:
 * widened to the edges of the log-spaced buckets that hold the order statistics).
 */
public record LatencyEvidence(Map<String, Summary> byVersion) {
    public LatencyEvidence {
        byVersion = Map.copyOf(byVersion);
    }

    /** One version's percentiles; absent versions have no summary. */
    public record Summary(int n, Estimate p50, Estimate p95, Estimate p99) {
    }

    /** A percentile in milliseconds with its interval. */
    public record Estimate(double millis, Interval ci) {
    }

    public static LatencyEvidence of(LatencySuite suite, double confidenceLevel) {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        suite.millisByVersion().forEach((version, millis) -> {
            if (millis.length > 0) {
                Percentiles percentiles = new Percentiles(millis);
                summaries.put(version, new Summary(millis.length,
                        estimate(percentiles, 0.50, confidenceLevel),
                        estimate(percentiles, 0.95, confidenceLevel),
                        estimate(percentiles, 0.99, confidenceLevel)));
            }
        });
        suite.bucketsByVersion().forEach((version, buckets) -> {
            BucketedPercentiles percentiles = new BucketedPercentiles(buckets);
            if (percentiles.n() > 0) {
                summaries.put(version, new Summary(percentiles.n(),
                        estimate(percentiles, 0.50, confidenceLevel),
                        estimate(percentiles, 0.95, confidenceLevel),
                        estimate(percentiles, 0.99, confidenceLevel)));
            }
        });
        return new LatencyEvidence(summaries);
    }

    private static Estimate estimate(BucketedPercentiles percentiles, double q, double confidenceLevel) {
        return new Estimate(percentiles.value(q), percentiles.interval(q, confidenceLevel));
    }

    private static Estimate estimate(Percentiles percentiles, double q, double confidenceLevel) {
        return new Estimate(percentiles.value(q), percentiles.interval(q, confidenceLevel));
    }
}
