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

    /** For people, e.g. "95% interval, overall slice tested alone" or "99.58% Holm-adjusted interval over 12 slices". */
    public String describe() {
        if (family == TestFamily.OVERALL) {
            return percent(level) + " interval, overall slice tested alone";
        }
        return describeOver(familySize + " " + family.member(familySize));
    }

    /**
     * For people, with the family named by what its members are: "99.17% Holm-adjusted interval over the 6
     * languages", where the languages are adjusted as a family of their own and "over 6 slices" beside the Slices
     * gate's 11 would not say why the two intervals of one language differ.
     */
    public String describeOver(String members) {
        String how = switch (adjustment) {
            case HOLM -> " Holm-adjusted";
            case BENJAMINI_YEKUTIELI -> " FCR-adjusted (Benjamini–Yekutieli)";
            default -> " unadjusted";
        };
        return percent(level) + how + " interval over " + members;
    }

    /** The level as people read it, e.g. "95%" or "99.71%". */
    public String levelText() {
        return percent(level);
    }

    /** 0.95 → "95%", 0.9875 → "99.75%", 0.996154 → "99.62%": at most two decimals (the JSON has the exact level). */
    public static String percent(double level) {
        String text = String.format(Locale.ROOT, "%.2f", level * 100);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "") + "%";
    }
}
