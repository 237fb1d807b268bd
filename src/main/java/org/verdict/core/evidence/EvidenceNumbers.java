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

    /** A difference with its interval, sharing decimals: {@code −0.020 [−0.035, −0.006]} ({@code –} for none). */
    public static String delta(double value, Interval ci) {
        return ci == null ? signed(value) + " –" : MetricFormat.RATE.delta(value, ci.lower(), ci.upper());
    }

    /** A value with its interval, sharing decimals: {@code 0.812 [0.790, 0.830]}. */
    public static String estimate(double value, Interval ci) {
        return ci == null ? plain(value) : MetricFormat.RATE.estimate(value, ci.lower(), ci.upper());
    }

    /** e.g. {@code 0.004} or {@code <0.001}. */
    public static String pValue(Double p) {
        return MetricFormat.pValue(p);
    }
}
