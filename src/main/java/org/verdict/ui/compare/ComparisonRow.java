package org.verdict.ui.compare;

import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.AgreementBound;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;
import org.verdict.ui.theme.Palette;

/**
 * One row of the Compare table: a slice's result for the selected metric, with the texts a reviewer reads.
 * Numbers always travel with their uncertainty: a value is shown with its 95% interval, and n is its own column.
 * The texts are formatted once, when the row is made on a worker thread, so drawing table cells stays cheap.
 */
public final class ComparisonRow {
    private final SliceResult result;
    private final String verdictText;
    private final String verdictReason;
    private final String productionText;
    private final String candidateText;
    /** The values as the table shows them, a percentile fallback marked with {@link #FALLBACK_SIGN}. */
    private final String productionLine;
    private final String candidateLine;
    private final String deltaText;
    private final String deltaCell;
    private final String pValueText;
    private final String deltaTooltip;
    /** Why a model's value stands without its interval; null when both have theirs. */
    private final String modelTooltip;
    /** Why each model's interval is the percentile fallback; null where it is not one. */
    private final String productionFallbackTooltip;
    private final String candidateFallbackTooltip;

    private final String nText;
    private final String nTooltip;
    /** The comparison's minimum slice size, which a slice with too few examples is under. */
    private final int minSliceSize;
    /** Where the candidate gives every row of the slice one output, what it is (the CLI's note); else null. */
    private final String constantNote;

    /**
     * A row whose Δ cell shows the interval the verdict reads, its tooltips in the app's words, of a comparison with
     * the default minimum slice size.
     */
    public ComparisonRow(SliceResult result) {
        this(result, false);
    }

    /** @param unadjusted whether the Δ cell shows the unadjusted interval instead of the one the verdict reads */
    public ComparisonRow(SliceResult result, boolean unadjusted) {
        this(result, unadjusted, ComparisonCellTexts.standard(), ComparisonOptions.DEFAULTS.minSliceSize());
    }

    /**
     * @param unadjusted   whether the Δ cell shows the unadjusted interval instead of the one the verdict reads
     * @param texts        the view's words for the tooltips and the Δ cell made with the row
     * @param minSliceSize the comparison's minimum slice size, said beside "too few examples"
     */
    public ComparisonRow(SliceResult result, boolean unadjusted, ComparisonCellTexts texts, int minSliceSize) {
        this(result, unadjusted, texts, minSliceSize, null);
    }

    /** @param constantNote where the candidate gives every row of the slice one output, the note saying so; else null */
    public ComparisonRow(SliceResult result, boolean unadjusted, ComparisonCellTexts texts, int minSliceSize,
                         String constantNote) {
        this.result = result;
        this.minSliceSize = minSliceSize;
        this.constantNote = constantNote;
        // the table's headers name the target's unit ("Production ($)"): six signs a row would cost the chart
        // beside it the width of its slice labels
        SliceResult bare = result.withoutUnit();
        MetricFormat numbers = bare.metricFormat();
        this.verdictText = formatVerdict(result);
        this.verdictReason = result.isUnstable() || result.withheldForTooFewExamples() ? result.unstableReason()
                : result.verdict() == Verdict.UNAVAILABLE ? result.unavailableReason() : result.noInformationReason();
        this.nText = MetricFormat.count(result.n());
        this.productionText = estimate(numbers, result.production(), MetricEstimate.FALLBACK_MARK);
        this.candidateText = estimate(numbers, result.candidate(), MetricEstimate.FALLBACK_MARK);
        this.productionLine = estimate(numbers, result.production(), FALLBACK_SIGN);
        this.candidateLine = estimate(numbers, result.candidate(), FALLBACK_SIGN);
        String level = unadjusted || result.shownInterval() == null || result.deltaCi() == null ? null
                : result.shownInterval().levelText();
        String delta = result.verdict() == Verdict.TOO_FEW_EXAMPLES && result.delta() != null
                ? texts.notTested(minSliceSize) : formatDelta(bare, unadjusted);
        this.deltaText = level == null ? delta : texts.atLevel(delta, level);
        this.deltaCell = level == null ? valueOverInterval(delta) : valueOverInterval(delta, level, texts);
        this.pValueText = formatPValues(result);
        this.deltaTooltip = texts.deltaTooltip(result, unadjusted, minSliceSize);
        this.nTooltip = texts.nTooltip(result);
        this.modelTooltip = withoutInterval(result.production()) || withoutInterval(result.candidate())
                ? texts.modelWithoutInterval(result.isUnstable() || result.withheldForTooFewExamples()
                        ? result.unstableReason() : null, result.n()) : null;
        this.productionFallbackTooltip = fallbackTooltip(result.production(), texts);
        this.candidateFallbackTooltip = fallbackTooltip(result.candidate(), texts);
    }

    /**
     * The sign the table writes after a value whose interval is the bootstrap percentile interval, where the metric's
     * own interval was unstable; the summary above the table says what it means and the cell's tooltip why. The word
     * "(percentile)" it stands for took a line of its own in a laptop's two-line cells, and a pack in dollars, whose
     * heavy tails make that fallback common, then showed a third fewer slices.
     */
    public static final String FALLBACK_SIGN = "‡";

    private static String fallbackTooltip(MetricEstimate estimate, ComparisonCellTexts texts) {
        return estimate == null || estimate.ci() == null || estimate.ciFallback() == null ? null
                : texts.fallbackInterval(estimate.ciFallback());
    }

    private static boolean withoutInterval(MetricEstimate estimate) {
        return estimate != null && estimate.ci() == null;
    }

    /**
     * For production's cell's tooltip, why its value has no interval or why the interval is the percentile fallback;
     * null when it has the metric's own interval.
     */
    public String productionTooltip() {
        return withoutInterval(result.production()) ? modelTooltip : productionFallbackTooltip;
    }

    /** For the candidate's cell's tooltip, as {@link #productionTooltip()}. */
    public String candidateTooltip() {
        return withoutInterval(result.candidate()) ? modelTooltip : candidateFallbackTooltip;
    }

    public SliceResult result() {
        return result;
    }

    /** The comparison's minimum slice size: a slice with fewer examples is "too few examples", its Δ not tested. */
    public int minSliceSize() {
        return minSliceSize;
    }

    public boolean overall() {
        return result.slice().isOverall();
    }

    public String slice() {
        return result.slice().label();
    }

    /** The note of a slice on which the candidate gives every row one output, for the slice cell; else null. */
    public String constantNote() {
        return constantNote;
    }

    public int n() {
        return result.n();
    }

    /** n with thousands separators: {@code 24,000}. */
    public String nText() {
        return nText;
    }

    /** n with every count the metric rests on, for the n cell's tooltip: "n = 400 (6 positive, 394 negative)" …. */
    public String nTooltip() {
        return nTooltip;
    }

    public Verdict verdict() {
        return result.verdict();
    }

    /** Verdict with its mark, so "worse" never depends on colour alone: "▼ worse", "▲ better". */
    public String verdictText() {
        return verdictText;
    }

    /**
     * Why a verdict is unstable or unavailable, or why a slice with too few examples shows a model without its interval,
     * for its tooltip and the clipboard; null for other verdicts.
     */
    public String verdictReason() {
        return verdictReason;
    }

    /**
     * The verdict with its reason when it has one, as the command line and copied rows say it: "unstable: class c11
     * has 3 examples here; …", "unavailable: …"; the verdict alone otherwise.
     */
    public String verdictWithReason() {
        return verdictReason == null ? verdictText : verdictText + ": " + verdictReason;
    }

    /** Production's value with its interval, a fallback spelled out: "41,704 (percentile) [22,856, 61,685]". */
    public String productionText() {
        return productionText;
    }

    public String candidateText() {
        return candidateText;
    }

    /** Production's value with its interval on one line, as the table shows it: "41,704 ‡ [22,856, 61,685]". */
    public String productionLine() {
        return productionLine;
    }

    /** The candidate's value with its interval on one line, as {@link #productionLine()}. */
    public String candidateLine() {
        return candidateLine;
    }

    /**
     * The production value over its interval, two lines ("0.810" / "[0.790, 0.830]"; "41,704 ‡" over a fallback's):
     * the column is half as wide as on one line, so on a laptop both models' values fit beside Δ instead of yielding
     * to a sideways scroll.
     */
    public String productionCell() {
        return valueOverInterval(productionLine);
    }

    /** The candidate value over its interval, two lines, as {@link #productionCell()}. */
    public String candidateCell() {
        return valueOverInterval(candidateLine);
    }

    /**
     * Δ over its interval, two lines, as {@link #productionCell()}, the interval's level on Δ's line, which is
     * shorter than the interval's, so it costs the column no width ("+0.047 at 97.5%" / "[+0.016, +0.078]"); the text
     * without a break is {@link #deltaText()}.
     */
    public String deltaCell() {
        return deltaCell;
    }

    private static String valueOverInterval(String estimate, String level, ComparisonCellTexts texts) {
        String[] lines = valueOverInterval(estimate).split("\n", 2);
        return lines.length < 2 ? texts.atLevel(estimate, level) : texts.atLevel(lines[0], level) + "\n" + lines[1];
    }

    static String valueOverInterval(String estimate) {
        int interval = estimate.indexOf(" [");
        return interval < 0 ? estimate : estimate.substring(0, interval) + "\n" + estimate.substring(interval + 1);
    }

    /**
     * Δ with its interval (the verdict's and its level, or the unadjusted one if the row was made so), e.g. "−0.040
     * [−0.055, −0.025] at 99.29%"; where Δ was not tested (too few examples) why, "not tested: n < 30": a difference
     * without an interval would read as a result (its value is in {@link #deltaTooltip()}).
     */
    public String deltaText() {
        return deltaText;
    }

    /** The adjusted p, e.g. "0.020"; "—" for a slice outside the tested family. */
    public String adjustedPText() {
        return result.adjustedP() == null ? "—" : MetricFormat.pValue(result.adjustedP());
    }

    /** The unadjusted p, e.g. "0.004". */
    public String rawPText() {
        return result.pValue() == null ? "—" : MetricFormat.pValue(result.pValue());
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

    /**
     * One or two words, so a row stays one line on a laptop; the reason of an unstable or unavailable verdict is in
     * {@link #verdictReason()}.
     */
    private static String formatVerdict(SliceResult result) {
        return switch (result.verdict()) {
            case WORSE -> Palette.WORSE_MARK + " " + Verdict.WORSE.label();
            case BETTER -> Palette.BETTER_MARK + " " + Verdict.BETTER.label();
            default -> result.verdictWord();
        };
    }

    /**
     * The note of a slice whose Δ interval is the agreement bound ("both models give every example here the same
     * score"), as the CLI's Notes give it; null for other slices.
     */
    public static String agreementNote(SliceResult result) {
        boolean agreementBound = AgreementBound.TEST.equals(result.test())
                || AgreementBound.SAME_RANKING_TEST.equals(result.test());
        return agreementBound ? result.note() : null;
    }

    private static String formatDelta(SliceResult result, boolean unadjusted) {
        if (result.delta() == null) {
            return "—";
        }
        Interval shown = unadjusted ? result.unadjustedCi() : result.deltaCi();
        return shown == null ? result.deltaText(null) + " " + MetricEstimate.NO_INTERVAL : result.deltaText(shown);
    }

    private static String formatPValues(SliceResult result) {
        if (result.pValue() == null) {
            return "—";
        }
        return MetricFormat.pValue(result.pValue()) + " / "
                + (result.adjustedP() == null ? "—" : MetricFormat.pValue(result.adjustedP()));
    }

    public String test() {
        return result.test() == null ? "—" : result.test();
    }

    /**
     * Δ as the table ranks it: null where the cell shows none, undefined or not tested (too few examples: its value
     * is noise, said only in the cell's tooltip), so such rows sort after the ranked ones.
     */
    public Double rankedDelta() {
        return result.verdict() == Verdict.TOO_FEW_EXAMPLES ? null : result.delta();
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

    /**
     * Tab-separated for the clipboard, with raw numbers so a spreadsheet can compute with them: beside n the counts
     * the metric rests on, as every other surface gives them (empty where the metric does not rest on one).
     */
    public String toTsv() {
        MetricCounts counts = result.counts();
        return String.join("\t", slice(), String.valueOf(n()), raw(counts.positives()), raw(counts.negatives()),
                raw(counts.productionPredictedPositives()), raw(counts.candidatePredictedPositives()),
                counts.smallestClass() == null ? "" : counts.smallestClass(), raw(counts.smallestClassSupport()),
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
                raw(result.pValue()), raw(result.adjustedP()), test(),
                verdictReason == null ? result.verdictWord() : result.verdictWord() + ": " + verdictReason);
    }

    public static String tsvHeader() {
        return String.join("\t", "slice", "n", "positives", "negatives", "production_predicted_positives",
                "candidate_predicted_positives", "smallest_class", "smallest_class_n", "production", "production_ci_low", "production_ci_high",
                "candidate", "candidate_ci_low", "candidate_ci_high", "delta", "delta_ci_low", "delta_ci_high",
                "delta_ci_level", "unadjusted_ci_low", "unadjusted_ci_high", "p", "adjusted_p", "test", "verdict");
    }

    private static String estimate(MetricFormat numbers, MetricEstimate estimate, String fallbackMark) {
        return estimate == null ? "—" : estimate.markedText(numbers, fallbackMark);
    }

    private static String raw(Double value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String raw(Long count) {
        return count == null ? "" : String.valueOf(count);
    }

    private static String rawLower(MetricEstimate estimate) {
        return estimate == null || estimate.ci() == null ? "" : String.valueOf(estimate.ci().lower());
    }

    private static String rawUpper(MetricEstimate estimate) {
        return estimate == null || estimate.ci() == null ? "" : String.valueOf(estimate.ci().upper());
    }
}
