package org.verdict.ui.compare;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.MetricFormat;
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
     * "no significant" / "difference", "too few" / "examples": in a row that takes two lines anyway (values over their
     * intervals), so the column narrows to the longest of those lines.
     */
    static final int VERDICT_LINE_CHARS_BESIDE = 14;
    /**
     * The reason under a verdict (an unstable slice's) wraps at this many characters; where values stand over their
     * intervals, a row that is otherwise one line ("store_07", "0.795", "−0.150": no interval) takes its verdict and
     * reason on one line of this many: "unstable: rare n=2", "too few examples".
     */
    static final int REASON_LINE_CHARS = 22;
    /**
     * Where values stand over their intervals, a single slice longer than this takes two lines: on one,
     * "segment=enterprise" widens the column by the few pixels that, at 1366×768, push the adjusted p out of view.
     */
    static final int SLICE_LINE_CHARS = 12;
    /**
     * A slice's value takes lines of at most this many characters, broken at spaces: an 85-character store name on one
     * line made the Slice column 840 px in large text and pushed Δ and its interval out of view.
     */
    static final int SLICE_VALUE_LINE_CHARS = 32;

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
     * @param slicesWhole         where values stand over their intervals, the Slice column has room for each name on
     *                            one line (a cross still takes a line per part): {@code merchant=m000}, not
     *                            {@code merchant} / {@code =m000}
     * @param verdictsWhole       the Verdict column has room for each verdict on one line (with an unstable slice's
     *                            reason beside it): {@code too few examples}, not {@code too few} / {@code examples}
     */
    public record Layout(boolean valuesOverIntervals, boolean slicesWhole, boolean verdictsWhole) {
        /** Values over their intervals or not; slices and verdicts in their narrow forms. */
        public Layout(boolean valuesOverIntervals) {
            this(valuesOverIntervals, false, false);
        }

        /**
         * The layout with slices and verdicts in their narrow forms: what the other cells' forms follow, so that a
         * column given room for the wider ones changes no other column's text (nor, so, its width).
         */
        Layout narrow() {
            return new Layout(valuesOverIntervals);
        }
    }

    /**
     * The Slice cell. Where values stand over their intervals (beside the chart, large text) it names the slice as the
     * chart beside it does, without a column's name its value already says ("store_07" for "store=store_07"), and a
     * label still longer than {@link #SLICE_LINE_CHARS} takes two lines ({@link #twoLines}); else one line, a cross
     * two, one per part.
     */
    public String slice(String sliceLabel, Layout layout) {
        if (!layout.valuesOverIntervals()) {
            return sliceLabel.replace(" × ", " ×\n");
        }
        String named = SliceCharts.rowLabel(sliceLabel);
        return layout.slicesWhole() ? named.replace(" × ", " ×\n") : twoLines(named);
    }

    /**
     * A cross takes two lines, one per part; a single slice longer than {@link #SLICE_LINE_CHARS} breaks before its
     * "=", so the value keeps the sign that says it is one ("segment" / "=enterprise"; broken after the "=",
     * "segment=" read as a slice whose value is empty) and stays whole: "store=store_" / "000" broke an identifier.
     * Only a value too long for a line itself breaks inside, at the last space, underscore or hyphen that keeps the
     * first line within the limit ("job=machine" / "operator").
     */
    static String twoLines(String sliceLabel) {
        if (sliceLabel.contains(" × ")) {
            return sliceLabel.replace(" × ", " ×\n");
        }
        int equals = sliceLabel.indexOf('=');
        if (sliceLabel.length() <= SLICE_LINE_CHARS || equals <= 0) {
            return sliceLabel;
        }
        if (sliceLabel.length() - equals > SLICE_LINE_CHARS) {
            for (int i = Math.min(SLICE_LINE_CHARS, sliceLabel.length() - 2); i > equals + 1; i--) {
                char c = sliceLabel.charAt(i);
                if (c == ' ' || (c == '_' || c == '-') && i + 1 <= SLICE_LINE_CHARS) {
                    // a space goes with the break; an underscore or hyphen stays at the end of the line, as in a word
                    String rest = LineBreaks.lines(sliceLabel.substring(i + 1), SLICE_VALUE_LINE_CHARS);
                    return c == ' ' ? sliceLabel.substring(0, i) + "\n" + rest
                            : sliceLabel.substring(0, i + 1) + "\n" + rest;
                }
            }
        }
        return sliceLabel.substring(0, equals) + "\n"
                + LineBreaks.lines(sliceLabel.substring(equals), SLICE_VALUE_LINE_CHARS);
    }

    /**
     * The n cell: n, and what the metric rests on besides it in its shortest form ("400" / "6 positive", or "400 (6
     * positive)"); n alone for a metric that rests on the rows alone. Where values stand over their intervals the
     * counts go under n in a row that takes two lines anyway, else beside it; in such a row whose verdict already
     * gives the count ("unstable: rare n=4") n stands alone, so the row keeps one line and a narrow column.
     */
    public String n(ComparisonRow row, Layout layout) {
        MetricCounts counts = row.result().counts();
        if (counts.isNone()) {
            return row.nText();
        }
        if (layout.valuesOverIntervals()) {
            if (linesOf(verdict(row, layout.narrow())) > 1 || twoLineRow(row, layout)) {
                return row.nText() + "\n" + counts.shortText();
            }
            if (verdictNamesTheSmallestClass(row.result())) {
                return row.nText();
            }
        }
        return row.nText() + " (" + counts.shortText() + ")";
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

    /** Production's value with its interval, as {@link #delta}. */
    public String production(ComparisonRow row, Layout layout) {
        return layout.valuesOverIntervals() ? row.productionCell() : row.productionLine();
    }

    /** The candidate's value with its interval, as {@link #production}. */
    public String candidate(ComparisonRow row, Layout layout) {
        return layout.valuesOverIntervals() ? row.candidateCell() : row.candidateLine();
    }

    /** A model cell's tooltip where its interval is the percentile fallback: why, in the engine's words. */
    public String fallbackInterval(String reason) {
        return MessageFormat.format(text.getString("compare.modelTooltip.fallback"), ComparisonRow.FALLBACK_SIGN,
                reason);
    }

    /**
     * The verdict, and for an unstable slice why its numbers stand without their interval in short ("unstable: rare
     * n=4" for "class rare has 4 examples here; the bootstrap cannot measure …", else the reason's first clause); the
     * whole reason is in the verdict's and the row's tooltips. In a row that takes two lines anyway (values over their
     * intervals) the verdict wraps narrow and the reason goes under it; otherwise they share a line where they fit
     * one: at 1366×768 a 35-store pack's rows took three lines each ("unstable:" / "class rare has 4" / "examples
     * here") and ten of them filled the table.
     */
    public String verdict(ComparisonRow row, Layout layout) {
        String verdict = row.verdictText();
        String reason = row.result().isUnstable() ? shortReason(row.result()) : null;
        if (!layout.verdictsWhole() && twoLineRow(row, layout)) {
            return LineBreaks.lines(verdict, VERDICT_LINE_CHARS_BESIDE)
                    + (reason == null ? "" : ":\n" + LineBreaks.lines(reason, REASON_LINE_CHARS));
        }
        int lineChars = layout.valuesOverIntervals() && !layout.verdictsWhole() ? REASON_LINE_CHARS
                : VERDICT_LINE_CHARS;
        return LineBreaks.lines(reason == null ? verdict : verdict + ": " + reason, lineChars);
    }

    /**
     * The Δ cell of a slice under the minimum size, where its untested Δ would stand: why it was not tested, "not
     * tested: n < 30" (its value and the whole reason are in the cell's tooltip).
     */
    public String notTested(int minSliceSize) {
        return MessageFormat.format(text.getString("compare.delta.notTested"), MetricFormat.count(minSliceSize));
    }

    /**
     * A model cell's tooltip where its value has no interval: why, in the engine's words where it gives a reason
     * (an unstable bootstrap, an interval withheld for too few examples; null else), else that its method gives none
     * at this n.
     */
    public String modelWithoutInterval(String reason, int n) {
        return reason != null ? MessageFormat.format(text.getString("compare.modelTooltip.noInterval"), reason)
                : MessageFormat.format(text.getString("compare.modelTooltip.noMethod"), MetricFormat.count(n));
    }

    /** {@code delta} with the level of the interval it is shown with: "+0.047 [+0.016, +0.078] at 97.5%". */
    public String atLevel(String delta, String level) {
        return MessageFormat.format(text.getString("compare.delta.atLevel"), delta, level);
    }

    /** How many lines the row's tallest cell takes, so the row is as tall as that and no taller. */
    public int lines(ComparisonRow row, Layout layout) {
        return List.of(slice(row.slice(), layout), verdict(row, layout), n(row, layout), delta(row, layout),
                production(row, layout), candidate(row, layout)).stream().mapToInt(ComparisonCellTexts::linesOf)
                .max().orElse(1);
    }

    /**
     * Where values stand over their intervals, whether a cell other than the verdict and n takes two lines in the
     * narrow layout (a slice's whole name on one line where the column has room changes no other cell).
     */
    private boolean twoLineRow(ComparisonRow row, Layout layout) {
        return layout.valuesOverIntervals() && (linesOf(slice(row.slice(), layout.narrow())) > 1
                || linesOf(delta(row, layout)) > 1 || linesOf(production(row, layout)) > 1
                || linesOf(candidate(row, layout)) > 1);
    }

    private static int linesOf(String cell) {
        return (int) cell.lines().count();
    }

    /**
     * Why an unstable slice has no interval, in a few words: where the reason is its smallest class's few examples,
     * that class and its count as the n cell counts it ("rare n=4"; a no-break space keeps them on one
     * line), else the reason's first clause.
     */
    private String shortReason(SliceResult result) {
        MetricCounts counts = result.counts();
        return verdictNamesTheSmallestClass(result)
                ? MessageFormat.format(text.getString("compare.verdict.smallestClass"), counts.smallestClass(),
                        MetricFormat.count(counts.smallestClassSupport()))
                : firstClause(result.unstableReason());
    }

    /**
     * Whether an unstable slice's reason is its smallest class, which the engine words "class rare has 4 examples
     * here; …"; another reason is told by its first clause.
     */
    private static boolean verdictNamesTheSmallestClass(SliceResult result) {
        String smallest = result.counts().smallestClass();
        return result.isUnstable() && smallest != null && result.counts().smallestClassSupport() != null
                && result.unstableReason().startsWith("class " + smallest + " ");
    }

    /** "class E has 3 examples here" of "class E has 3 examples here; the bootstrap cannot measure …". */
    private static String firstClause(String reason) {
        int end = reason.length();
        for (String separator : List.of("; ", ", so ")) {
            int at = reason.indexOf(separator);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        return reason.substring(0, end);
    }

    /** The verdict's tooltip: its reason, the glossary's words for it (so a verdict is explained one way), a note. */
    public String verdictTooltip(ComparisonRow row) {
        String term = row.result().isUnstable() ? "unstable" : row.verdict().name().toLowerCase(Locale.ROOT);
        String tipKey = "glossary." + term + ".text";
        String explanation = text.containsKey(tipKey) ? text.getString(tipKey) : "";
        String reason = row.verdictReason() == null ? "" : row.verdictWithReason() + ".\n";
        String waysForward = row.result().rareClassWaysForward();
        String note = row.result().note();
        return reason + (waysForward == null ? "" : capitalised(waysForward) + ".\n")
                + (note == null ? explanation : explanation + "\n" + note);
    }

    private static String capitalised(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
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
     * A slice with too few examples was not tested: its Δ is said here, with why, and not in the cell.
     *
     * @param unadjustedShown whether the cell shows the unadjusted interval (whose ends the bound mark then concerns)
     * @param minSliceSize    the comparison's minimum slice size
     */
    public String deltaTooltip(SliceResult result, boolean unadjustedShown, int minSliceSize) {
        if (result.verdict() == Verdict.TOO_FEW_EXAMPLES && result.delta() != null) {
            String why = result.unstableReason() != null ? result.unstableReason()
                    : MessageFormat.format(text.getString("compare.deltaTooltip.underMinimum"), result.n(),
                            result.counts().isNone() ? "" : " (" + result.counts().text() + ")",
                            MetricFormat.count(minSliceSize));
            return MessageFormat.format(text.getString("compare.deltaTooltip.tooFew"), result.deltaValueText(null),
                    why);
        }
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
