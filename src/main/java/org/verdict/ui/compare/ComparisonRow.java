package org.verdict.ui.compare;

import java.util.Locale;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.Interval;
import org.verdict.ui.theme.Palette;

/**
 * One row of the Compare table: a slice's result for the selected metric, with the texts a reviewer reads.
 * Numbers always travel with their uncertainty: a value is shown with its 95% interval, and n is its own column.
 * The texts are formatted once, when the row is made on a worker thread, so drawing table cells stays cheap.
 */
public final class ComparisonRow {
    private final SliceResult result;
    private final String verdictText;
    private final String productionText;
    private final String candidateText;
    private final String deltaText;
    private final String pValueText;
    private final String deltaTooltip;

    public ComparisonRow(SliceResult result) {
        this.result = result;
        this.verdictText = formatVerdict(result);
        this.productionText = estimate(result.production());
        this.candidateText = estimate(result.candidate());
        this.deltaText = formatDelta(result);
        this.pValueText = formatPValues(result);
        this.deltaTooltip = formatDeltaTooltip(result);
    }

    public SliceResult result() {
        return result;
    }

    public boolean overall() {
        return result.slice().isOverall();
    }

    public String slice() {
        return result.slice().label();
    }

    public int n() {
        return result.n();
    }

    public Verdict verdict() {
        return result.verdict();
    }

    /** Verdict with its mark, so "worse" never depends on colour alone: "▼ worse", "▲ better". */
    public String verdictText() {
        return verdictText;
    }

    public String productionText() {
        return productionText;
    }

    public String candidateText() {
        return candidateText;
    }

    /** Δ with its interval, e.g. "−0.040 [−0.055, −0.025]". */
    public String deltaText() {
        return deltaText;
    }

    /**
     * Which interval the Δ cell shows and the unadjusted one, e.g. "Shown: 99.71% Holm-adjusted interval over 17
     * slices; the verdict is better or worse exactly when it excludes 0. Unadjusted interval: [−0.120, −0.080].".
     */
    public String deltaTooltip() {
        return deltaTooltip;
    }

    /** "p / adjusted p", e.g. "0.004 / 0.020". */
    public String pValueText() {
        return pValueText;
    }

    private static String formatVerdict(SliceResult result) {
        return switch (result.verdict()) {
            case WORSE -> Palette.WORSE_MARK + " " + Verdict.WORSE.label();
            case BETTER -> Palette.BETTER_MARK + " " + Verdict.BETTER.label();
            case UNAVAILABLE -> Verdict.UNAVAILABLE.label() + ": " + result.unavailableReason();
            default -> result.verdictLabel();
        };
    }

    private static String formatDelta(SliceResult result) {
        if (result.delta() == null) {
            return "—";
        }
        return signed(result.delta()) + (result.deltaCi() == null ? "" : " " + interval(result.deltaCi(), true));
    }

    private static String formatDeltaTooltip(SliceResult result) {
        String unadjusted = result.unadjustedCi() == null ? "" : "Unadjusted interval: "
                + interval(result.unadjustedCi(), true) + ".";
        if (result.isUnstable()) {
            return "No interval: " + result.unstableReason() + ".";
        }
        if (result.shownInterval() == null) {
            return result.deltaCi() == null && result.unadjustedCi() != null
                    ? "Not tested (" + result.verdict().label() + "), so no interval beside the verdict. " + unadjusted
                    : unadjusted;
        }
        return "Shown: " + result.shownInterval().describe() + "; the verdict is better or worse exactly when it "
                + "excludes 0. " + unadjusted;
    }

    private static String formatPValues(SliceResult result) {
        if (result.pValue() == null) {
            return "—";
        }
        return pValue(result.pValue()) + " / " + (result.adjustedP() == null ? "—" : pValue(result.adjustedP()));
    }

    public String test() {
        return result.test() == null ? "—" : result.test();
    }

    /** For sorting: null when unavailable, so those rows sort last. */
    public Double delta() {
        return result.delta();
    }

    public Double productionValue() {
        return result.production() == null ? null : result.production().value();
    }

    public Double candidateValue() {
        return result.candidate() == null ? null : result.candidate().value();
    }

    public Double adjustedP() {
        return result.adjustedP();
    }

    /** Tab-separated for the clipboard, with raw numbers so a spreadsheet can compute with them. */
    public String toTsv() {
        return String.join("\t", slice(), String.valueOf(n()),
                raw(result.production() == null ? null : result.production().value()),
                rawLower(result.production()), rawUpper(result.production()),
                raw(result.candidate() == null ? null : result.candidate().value()),
                rawLower(result.candidate()), rawUpper(result.candidate()),
                raw(result.delta()),
                raw(result.deltaCi() == null ? null : result.deltaCi().lower()),
                raw(result.deltaCi() == null ? null : result.deltaCi().upper()),
                raw(result.shownInterval() == null ? null : result.shownInterval().level()),
                raw(result.unadjustedCi() == null ? null : result.unadjustedCi().lower()),
                raw(result.unadjustedCi() == null ? null : result.unadjustedCi().upper()),
                raw(result.pValue()), raw(result.adjustedP()), test(), result.verdict().label());
    }

    public static String tsvHeader() {
        return String.join("\t", "slice", "n", "production", "production_ci_low", "production_ci_high",
                "candidate", "candidate_ci_low", "candidate_ci_high", "delta", "delta_ci_low", "delta_ci_high",
                "delta_ci_level", "unadjusted_ci_low", "unadjusted_ci_high", "p", "adjusted_p", "test", "verdict");
    }

    private static String estimate(MetricEstimate estimate) {
        if (estimate == null) {
            return "—";
        }
        return number(estimate.value()) + (estimate.ci() == null ? "" : " " + interval(estimate.ci(), false));
    }

    private static String interval(Interval ci, boolean signed) {
        return "[" + (signed ? signed(ci.lower()) : number(ci.lower())) + ", "
                + (signed ? signed(ci.upper()) : number(ci.upper())) + "]";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** With an explicit sign and a real minus, so a negative delta is never misread. */
    static String signed(double value) {
        String text = String.format(Locale.ROOT, "%+.3f", value);
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }

    static String pValue(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String raw(Double value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String rawLower(MetricEstimate estimate) {
        return estimate == null || estimate.ci() == null ? "" : String.valueOf(estimate.ci().lower());
    }

    private static String rawUpper(MetricEstimate estimate) {
        return estimate == null || estimate.ci() == null ? "" : String.valueOf(estimate.ci().upper());
    }
}
