package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in milliseconds per model version. */
public record LatencySuite(Map<String, double[]> millisByVersion) {
    public LatencySuite {
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        millisByVersion = Collections.unmodifiableMap(new LinkedHashMap<>(millisByVersion));
    }

    public double[] of(String version) {
        return millisByVersion.getOrDefault(version, new double[0]);
    }
}
