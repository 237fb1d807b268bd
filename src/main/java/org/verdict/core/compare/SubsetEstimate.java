package org.verdict.core.compare;

import org.verdict.core.stats.Metric;

/**
 * One model's metric on a subset of rows (e.g. one group of a sensitive attribute), with its interval.
 *
 * @param estimate null when the metric is unavailable on the subset; then {@code unavailableReason} says why
 * @param method how the interval was computed (same names as {@link SliceResult#test()})
 */
public record SubsetEstimate(Metric metric, int n, MetricEstimate estimate, String method, String unavailableReason) {
    public boolean isAvailable() {
        return unavailableReason == null;
    }
}
