package org.verdict.core.stats;

import java.util.Objects;

/**
 * A metric's value, or the reason it is undefined (e.g. AUC with one class). Undefined metrics are never
 * reported as 0 or NaN: readers get the reason instead.
 */
public record MetricValue(double value, String unavailableReason) {

    public static MetricValue of(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a metric value is a number; use unavailable(reason) instead of NaN");
        }
        return new MetricValue(value, null);
    }

    public static MetricValue unavailable(String reason) {
        return new MetricValue(Double.NaN, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /** The value, or NaN when unavailable (only for resampling loops, which skip NaN replicates). */
    public double valueOrNaN() {
        return value;
    }
}
