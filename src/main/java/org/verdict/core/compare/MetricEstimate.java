package org.verdict.core.compare;

import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * One model's value of a metric in a slice, with its confidence interval.
 *
 * @param ci null when the value has no interval (the result's note says why)
 * @param ciFallback null when {@code ci} is made the metric's own way (docs/statistics.md, "Each model's interval");
 *                   else why it is the bootstrap percentile interval instead, e.g. "1 of 30 rows holds 70% of
 *                   production's squared error, which makes the studentized interval unstable"
 */
public record MetricEstimate(double value, Interval ci, String ciFallback) {

    /** A value with its interval made the metric's own way (or none). */
    public MetricEstimate(double value, Interval ci) {
        this(value, ci, null);
    }

    /**
     * Written after a value that has no interval (its method does not hold at this size, an unstable bootstrap), by
     * every view that shows the value (Compare, the approval pack): a bare number would read as a measured one. Short,
     * and on the value's line where values stand over their intervals: no wider than an interval, so a row of such
     * values stays one line (35 stores of a rare class at 1366×768).
     */
    public static final String NO_INTERVAL = "(no CI)";

    /** Written after the value whose interval is the percentile fallback. */
    public static final String FALLBACK_MARK = "(percentile)";

    /**
     * The value with its interval as {@code numbers} writes them, {@link #FALLBACK_MARK} after the value when the
     * interval is a fallback: {@code 35,404 (percentile) [15,635, 55,886]}.
     */
    public String text(MetricFormat numbers) {
        return text(numbers, FALLBACK_MARK);
    }

    /** {@link #text}, with {@code fallbackMark} after the value whose interval is a fallback. */
    public String text(MetricFormat numbers, String fallbackMark) {
        if (ci == null) {
            return numbers.value(value);
        }
        String estimate = numbers.estimate(value, ci.lower(), ci.upper());
        if (ciFallback == null) {
            return estimate;
        }
        int interval = estimate.indexOf(" [");
        return estimate.substring(0, interval) + " " + fallbackMark + estimate.substring(interval);
    }

    /** {@link #text}, with {@link #NO_INTERVAL} after a value that has no interval, as every view shows it. */
    public String markedText(MetricFormat numbers) {
        return markedText(numbers, FALLBACK_MARK);
    }

    /** {@link #markedText}, with {@code fallbackMark} after the value whose interval is a fallback. */
    public String markedText(MetricFormat numbers, String fallbackMark) {
        return ci == null ? text(numbers) + " " + NO_INTERVAL : text(numbers, fallbackMark);
    }
}
