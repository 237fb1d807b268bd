package org.verdict.ui.suites;

import java.util.Locale;
import org.verdict.core.stats.Interval;

/** How evidence tables print numbers: fixed decimals, rates as percentages, intervals in brackets. */
final class Cells {
    private Cells() {
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String number(Double value) {
        return value == null ? "—" : number(value.doubleValue());
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    static String interval(Interval ci) {
        return ci == null ? "" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci.lower(), ci.upper());
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
