package org.verdict.ui.suites;

import java.util.Locale;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * How evidence tables print numbers: rates and scores as {@link MetricFormat#RATE} (three decimals, a true minus,
 * never −0.000), shares as percentages, counts with thousands separators, intervals in brackets.
 */
final class Cells {
    private Cells() {
    }

    static String number(double value) {
        return MetricFormat.RATE.value(value);
    }

    static String number(Double value) {
        return value == null ? "—" : number(value.doubleValue());
    }

    static String signed(double value) {
        return MetricFormat.RATE.signed(value);
    }

    static String count(long n) {
        return MetricFormat.count(n);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    static String interval(Interval ci) {
        return ci == null ? "" : MetricFormat.RATE.interval(ci.lower(), ci.upper(), false);
    }

    static String percentInterval(Interval ci) {
        return String.format(Locale.ROOT, "[%.2f%%, %.2f%%]", ci.lower() * 100, ci.upper() * 100);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String millisInterval(Interval ci) {
        return String.format(Locale.ROOT, "[%.1f, %.1f]", ci.lower(), ci.upper());
    }
}
