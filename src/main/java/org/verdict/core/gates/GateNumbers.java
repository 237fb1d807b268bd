package org.verdict.core.gates;

import java.util.Locale;

/** How gate texts print numbers: short, locale-independent, signs where a difference is meant. */
final class GateNumbers {
    private GateNumbers() {
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String signed(double value) {
        return (value >= 0 ? "+" : "−") + format(Math.abs(value));
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }
}
