package org.verdict.core.report;

import java.util.Locale;
import org.verdict.core.stats.Interval;

/** Number formats of the approval pack: fixed decimals, a true minus sign, never the machine's locale. */
public final class ReportNumbers {
    private ReportNumbers() {
    }

    /** e.g. {@code 0.812}. */
    public static String plain(double value) {
        return minus(String.format(Locale.ROOT, "%.3f", value));
    }

    /** e.g. {@code +0.012} or {@code −0.020}: deltas always show their sign. */
    public static String signed(double value) {
        return minus(String.format(Locale.ROOT, "%+.3f", value));
    }

    /** e.g. {@code [−0.035, −0.006]}. */
    public static String interval(Interval ci) {
        return ci == null ? "–" : "[" + signed(ci.lower()) + ", " + signed(ci.upper()) + "]";
    }

    /** e.g. {@code 0.004} or {@code <0.001}. */
    public static String pValue(Double p) {
        if (p == null) {
            return "–";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String minus(String text) {
        return text.replace('-', '−');
    }
}
