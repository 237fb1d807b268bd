package org.verdict.ui.compare;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.ui.table.LineBreaks;

/**
 * The one place the Compare table's cell and tooltip texts are made, from the view's resource bundle: what each
 * cell shows in the table's layout, the tooltips of n, Δ, the verdict and the test, and a row's details. Holds no
 * node, so plain JUnit tests it; the view only puts the texts in cells.
 */
public final class ComparisonCellTexts {
    /**
     * A verdict longer than this (an unavailable metric's reason) takes more lines, not a wider column; "no significant
     * difference" stays on one line, so the table keeps compact one-line rows.
     */
    static final int VERDICT_LINE_CHARS = 26;
    /**
     * "no significant" / "difference", "too few" / "examples": beside the chart rows are two lines anyway, so the
     * column narrows to the longest of those lines.
     */
    static final int VERDICT_LINE_CHARS_BESIDE = 14;
    /** The reason under a verdict (an unstable slice's, an agreement bound's note) wraps at this many characters. */
    static final int REASON_LINE_CHARS = 22;

    private final ResourceBundle text;

    public ComparisonCellTexts(ResourceBundle text) {
        this.text = text;
    }

    /** With the app's bundle in the default locale: for rows made without a view. */
    static ComparisonCellTexts standard() {
        return new ComparisonCellTexts(ResourceBundle.getBundle("org.verdict.ui.messages", Locale.getDefault()));
    }

    /**
     * How the table lays its cells out.
     *
     * @param valuesOverIntervals each value stands over its interval, n over its counts (two-line rows, a laptop)
     * @param chartBeside the chart is beside the table: a percentile fallback's mark takes a line of its own
     */
    public record Layout(boolean valuesOverIntervals, boolean chartBeside) {
    }

    /**
     * The n cell: n, and what the metric rests on besides it in its shortest form, under it or beside it ("400" /
     * "6 positive", or "400 (6 positive)"); n alone for a metric that rests on the rows alone.
     */
    public String n(ComparisonRow row, Layout layout) {
        MetricCounts counts = row.result().counts();
        if (counts.isNone()) {
            return row.nText();
        }
        return row.nText() + (layout.valuesOverIntervals() ? "\n" + counts.shortText()
                : " (" + counts.shortText() + ")");
    }

    /**
     * The n cell's tooltip: n with every count the metric rests on, and why they matter ("n = 400 (6 positive, 394
     * negative)" / "roc_auc's interval rests on these counts …"); n alone for a metric that rests on the rows alone.
     */
    public String nTooltip(SliceResult result) {
        String size = result.sampleSizeText();
        return result.counts().isNone() ? size
                : size + "\n" + MessageFormat.format(text.getString("compare.nTooltip.counts"),
                        result.metric().wireName());
    }

    /** Δ over its interval where values stand over intervals, else on one line. */
    public String delta(ComparisonRow row, Layout layout) {
        return layout.valuesOverIntervals() ? row.deltaCell() : row.deltaText();
    }

    /** Production's value with its interval, as {@link #delta}; beside the chart a fallback's mark on its own line. */
    public String production(ComparisonRow row, Layout layout) {
        return !layout.valuesOverIntervals() ? row.productionText()
                : layout.chartBeside() ? row.narrowProductionCell() : row.productionCell();
    }

    /** The candidate's value with its interval, as {@link #production}. */
    public String candidate(ComparisonRow row, Layout layout) {
        return !layout.valuesOverIntervals() ? row.candidateText()
                : layout.chartBeside() ? row.narrowCandidateCell() : row.candidateCell();
    }

    /**
     * The verdict on its line, the reason a number stands without its interval under it, in lines a little longer than
     * a verdict's: at 14 characters "class fraud_report has 4 examples here" took five.
     */
    public String verdict(ComparisonRow row, Layout layout) {
        int lineChars = layout.valuesOverIntervals() ? VERDICT_LINE_CHARS_BESIDE : VERDICT_LINE_CHARS;
        String[] parts = row.verdictCell().split("\n", 2);
        return LineBreaks.lines(parts[0], lineChars) + (parts.length == 1 ? ""
                : "\n" + LineBreaks.lines(parts[1], Math.max(lineChars, REASON_LINE_CHARS)));
    }

    /** The verdict's tooltip: its reason, the glossary's words for it (so a verdict is explained one way), a note. */
    public String verdictTooltip(ComparisonRow row) {
        String term = row.result().isUnstable() ? "unstable" : row.verdict().name().toLowerCase(Locale.ROOT);
        String tipKey = "glossary." + term + ".text";
        String explanation = text.containsKey(tipKey) ? text.getString(tipKey) : "";
        String reason = row.verdictReason() == null ? "" : row.verdictWithReason() + ".\n";
        String note = row.result().note();
        return reason + (note == null ? explanation : explanation + "\n" + note);
    }

    /**
     * Every number of the row and its verdict with the reason, for the row's tooltip, whatever columns the window has
     * room for; the CLI's note ("both models give every example here the same score") under it.
     */
    public String details(ComparisonRow row) {
        SliceResult result = row.result();
        String details = MessageFormat.format(text.getString("compare.rowDetails"), row.slice(),
                result.sampleSizeText(), row.verdictWithReason(), row.productionText(), row.candidateText(),
                row.deltaText(), row.pValueText(), testName(row.test()));
        return result.note() == null ? details : details + "\n" + result.note();
    }

    /** The test as the Test column names it ("bootstrap (cells)"); the exact name where the bundle has none. */
    public String testName(String test) {
        return test != null && text.containsKey("testName." + test) ? text.getString("testName." + test) : test;
    }

    /** The test's exact name, as in the JSON, and what it does in the glossary's words; null for an unknown test. */
    public String testTooltip(String test) {
        return test != null && text.containsKey("glossary." + test + ".text")
                ? test + ": " + text.getString("glossary." + test + ".text") : null;
    }

    /**
     * What the Δ cell's interval is, the unadjusted one, and why an end is marked {@link SliceResult#BOUND_MARK}:
     * "Shown: 99.71% Holm-adjusted interval over 17 slices; …. Unadjusted interval: [−0.120, −0.080].".
     *
     * @param unadjustedShown whether the cell shows the unadjusted interval (whose ends the bound mark then concerns)
     */
    public String deltaTooltip(SliceResult result, boolean unadjustedShown) {
        if (result.isUnstable() || result.withheldForTooFewExamples()) {
            return MessageFormat.format(text.getString("compare.deltaTooltip.noInterval"), result.unstableReason());
        }
        String unadjusted = result.unadjustedCi() == null ? ""
                : MessageFormat.format(text.getString("compare.deltaTooltip.unadjusted"), result.metricFormat()
                        .interval(result.unadjustedCi().lower(), result.unadjustedCi().upper(), true));
        String shown;
        if (result.shownInterval() == null) {
            shown = result.verdict() == Verdict.TOO_FEW_EXAMPLES ? MessageFormat.format(
                    text.getString("compare.deltaTooltip.notTested"), result.verdict().label()) : unadjusted;
        } else {
            shown = MessageFormat.format(text.getString("compare.deltaTooltip.shown"),
                    result.shownInterval().describe(), unadjusted);
        }
        String bound = result.boundReason(unadjustedShown ? result.unadjustedCi() : result.deltaCi());
        return bound == null ? shown : shown + "\n" + bound + ".";
    }
}
