package org.verdict.core.compare;

import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/**
 * Production vs candidate for one metric on one set of examples, before verdicts and multiple-comparison
 * adjustment. Numbers are null when the metric is unavailable; then {@code unavailableReason} says why.
 *
 * @param note extra facts a reader needs, e.g. how many examples mape skipped because their label is 0
 */
record MetricComparison(Metric metric, MetricEstimate production, MetricEstimate candidate, Double delta,
                        Interval deltaCi, Double pValue, String test, String unavailableReason, String note) {

    static MetricComparison unavailable(Metric metric, String reason) {
        return new MetricComparison(metric, null, null, null, null, null, null, reason, null);
    }

    boolean isAvailable() {
        return unavailableReason == null;
    }
}
