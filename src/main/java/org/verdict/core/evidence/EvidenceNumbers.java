package org.verdict.core.evidence;

import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * Number formats of the evidence (app and approval pack) for rates and scores (gate thresholds, rates, p-values):
 * three decimals, a true minus sign, never the machine's locale, never {@code −0.000}. Numbers of a metric go through
 * {@link MetricFormat#of}, which also knows target units.
 */
public final class EvidenceNumbers {
    private EvidenceNumbers() {
    }

    /** e.g. {@code 0.812}. */
    public static String plain(double value) {
        return MetricFormat.RATE.value(value);
    }

    /** e.g. {@code +0.012} or {@code −0.020}: deltas always show their sign. */
    public static String signed(double value) {
        return MetricFormat.RATE.signed(value);
    }

    /** e.g. {@code [−0.035, −0.006]}. */
    public static String interval(Interval ci) {
        return ci == null ? "–" : MetricFormat.RATE.interval(ci.lower(), ci.upper(), true);
    }

    /** e.g. {@code 0.004} or {@code <0.001}. */
    public static String pValue(Double p) {
        return MetricFormat.pValue(p);
    }
}
