package org.verdict.core.gates.model;

import java.util.Locale;

/** How gate texts print numbers: short, locale-independent, signs where a difference is meant. */
public final class GateNumbers {
    private GateNumbers() {
    }

    public static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    public static String signed(double value) {
        return (value >= 0 ? "+" : "−") + format(Math.abs(value));
    }

    /** A confidence level as people write it: 0.95 → "95%", 0.975 → "97.5%". */
    public static String level(double confidenceLevel) {
        return format(confidenceLevel * 100) + "%";
    }

    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    /** A p-value: four decimals, or "< 0.0001" rather than a misleading 0. */
    public static String pValue(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
