package org.verdict.core.gates.suites;

import java.util.Map;

/** Latency samples in milliseconds per model version. */
public record LatencySuite(Map<String, double[]> millisByVersion) {
    public LatencySuite {
        millisByVersion = Map.copyOf(millisByVersion);
    }

    public double[] of(String version) {
        return millisByVersion.getOrDefault(version, new double[0]);
    }
}
