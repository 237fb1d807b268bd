package org.verdict.core.compare;

import org.verdict.core.stats.Interval;

/** One model's value of a metric in a slice, with its confidence interval. */
public record MetricEstimate(double value, Interval ci) {
}
