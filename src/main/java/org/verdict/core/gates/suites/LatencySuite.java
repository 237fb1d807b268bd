package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.verdict.core.stats.LatencyBuckets;

/**
 * Latencies per model version: one sample per request in milliseconds, or (a summary pack's form) request counts per
 * log-spaced bucket. A suite holds one form or the other.
 *
 * @param bucketsByVersion empty for a suite of samples
 */
public record LatencySuite(Map<String, double[]> millisByVersion, Map<String, LatencyBuckets> bucketsByVersion) {
    public LatencySuite {
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        millisByVersion = Collections.unmodifiableMap(new LinkedHashMap<>(millisByVersion));
        bucketsByVersion = Collections.unmodifiableMap(new LinkedHashMap<>(bucketsByVersion));
    }

    /** A suite of samples, one per request. */
    public LatencySuite(Map<String, double[]> millisByVersion) {
        this(millisByVersion, Map.of());
    }

    public double[] of(String version) {
        return millisByVersion.getOrDefault(version, new double[0]);
    }

    /** Whether the latencies come as bucket counts rather than one sample per request. */
    public boolean isBucketed() {
        return !bucketsByVersion.isEmpty();
    }
}
