package org.verdict.core.compare;

import java.util.Locale;

/**
 * Which interval of Δ a result shows beside its verdict. The verdict is better or worse exactly when this interval
 * excludes 0 in the metric's direction; the unadjusted interval at the comparison's level is kept beside it
 * ({@link SliceResult#unadjustedCi()}).
 *
 * @param family the test's family
 * @param level the interval's confidence level, e.g. 0.95, or 1 − 0.05/12 for the first Holm step of 12 slices
 * @param adjustment {@code none} (the overall slice, or {@code --correction none}), {@code holm} (the level of the
 *                   Holm step that decided the slice) or {@code benjamini-yekutieli} (false-coverage-rate adjusted
 *                   intervals that go with Benjamini–Hochberg)
 * @param familySize how many tests the family has (1 for the overall slice)
 */
public record ShownInterval(TestFamily family, double level, String adjustment, int familySize) {

    public static final String NONE = "none";
    public static final String HOLM = "holm";
    public static final String BENJAMINI_YEKUTIELI = "benjamini-yekutieli";

    /** For people, e.g. "95% interval, overall slice tested alone" or "99.6% Holm-adjusted interval (12 slices)". */
    public String describe() {
        String percent = percent(level);
        if (family == TestFamily.OVERALL) {
            return percent + " interval, overall slice tested alone";
        }
        String how = switch (adjustment) {
            case HOLM -> " Holm-adjusted";
            case BENJAMINI_YEKUTIELI -> " FCR-adjusted (Benjamini–Yekutieli)";
            default -> " unadjusted";
        };
        return percent + how + " interval (" + familySize + " slice" + (familySize == 1 ? "" : "s") + " tested)";
    }

    /** 0.95 → "95%", 0.995833 → "99.58%": as many decimals as it takes to tell the level from its neighbours. */
    static String percent(double level) {
        double value = level * 100;
        for (int decimals = 0; decimals < 4; decimals++) {
            String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (Math.abs(Double.parseDouble(text) - value) < 0.5 * Math.pow(10, -decimals - 1)) {
                return text + "%";
            }
        }
        return String.format(Locale.ROOT, "%.4f%%", value);
    }
}
