package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.ComparisonEvidence;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.pack.Metric;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;
import org.verdict.core.stats.Interval;

/**
 * The slice table of a card-fraud pack of 50 states, shaped like p9: small states whose roc_auc interval at the Holm
 * level spans every value the candidate could have, states with one fraud case (DeLong's interval needs two) and one
 * with none. Their verdicts' reasons, written whole in the narrow Verdict column, made rows ten lines tall (a
 * reviewer: "a column of words"); each row now keeps its verdict's word and a mark, the reason said once under the
 * table, with every number of it still in the row or the note.
 */
class SliceVerdictNotesReportTest {

    private static final ShownInterval HOLM_OVER_92 = new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 92,
            ShownInterval.HOLM, 92);

    private static SliceKey state(String name) {
        return new SliceKey(List.of("state"), List.of(name));
    }

    private static MetricEstimate estimate(double value, double lower, double upper) {
        return new MetricEstimate(value, new Interval(lower, upper));
    }

    private static SliceResult spanning(String name, int n, double production, double candidate) {
        return new SliceResult(state(name), n, Metric.ROC_AUC, true, estimate(production, 0.4, 0.95),
                estimate(candidate, 0.4, 0.97), candidate - production,
                new Interval(-production, 1 - production), new Interval(-0.2, 0.3), 0.5, 1.0, "delong",
                Verdict.INCONCLUSIVE, HOLM_OVER_92, null, null, null);
    }

    private static SliceResult onePositive(String name, int n) {
        return new SliceResult(state(name), n, Metric.ROC_AUC, true, new MetricEstimate(0.687, null),
                new MetricEstimate(0.984, null), 0.297, null, null, null, null, "delong", Verdict.INCONCLUSIVE,
                null, null, "DeLong's interval needs at least 2 positive and 2 negative examples; this slice has 1 and "
                + (n - 1) + ", so neither model's roc_auc nor Δ gets one", null);
    }

    private static ComparisonReport states() {
        return new ComparisonReport("card-fraud", "p41", "c42", Metric.ROC_AUC, ComparisonOptions.DEFAULTS, List.of(
                new SliceResult(SliceKey.OVERALL, 120_000, Metric.ROC_AUC, true, estimate(0.729, 0.721, 0.737),
                        estimate(0.759, 0.751, 0.766), 0.030, new Interval(0.022, 0.038), 0.0001, 0.0001, "delong",
                        Verdict.BETTER, null, null),
                spanning("S33", 200, 0.802, 0.896),
                onePositive("S35", 183),
                spanning("S38", 161, 0.699, 0.545),
                onePositive("S40", 148),
                new SliceResult(state("S47"), 115, Metric.ROC_AUC, true, null, null, null, null, null, null, null,
                        "delong", Verdict.UNAVAILABLE, null,
                        "only negative examples in this slice (0 positive, 115 negative), so roc_auc is undefined",
                        null, null)),
                5, Map.of(Metric.ROC_AUC, 5));
    }

    private static ReportDocument sliceTable() {
        return new ReportDocument("Approval pack", "card-fraud c42 vs p41", List.of(new Section("s31", "3.1",
                "Primary metric", 2, List.of(new Table(ComparisonEvidence.table(states()))))));
    }

    private static final String SPANS = "No information at this level: the interval of Δ at the row's level spans every "
            + "roc_auc the candidate could have (0 to 1) beside the row's production value.";

    @Test
    void aVerdictWithAReasonKeepsItsWordAndAMarkAndTheReasonIsOneNoteUnderTheTable() {
        EvidenceTable table = ComparisonEvidence.table(states());
        List<String> verdicts = table.rows().stream().map(row -> row.get(row.size() - 1).text()).toList();
        assertEquals(List.of("▲ better", "no information [a]", "unstable [b]", "no information [a]", "unstable [c]",
                "unavailable [d]"), verdicts);
        assertEquals(List.of("[a] " + SPANS,
                "[b] DeLong's interval needs at least 2 positive and 2 negative examples; this slice has 1 and 182, so "
                        + "neither model's roc_auc nor Δ gets one.",
                "[c] DeLong's interval needs at least 2 positive and 2 negative examples; this slice has 1 and 147, so "
                        + "neither model's roc_auc nor Δ gets one.",
                "[d] Only negative examples in this slice (0 positive, 115 negative), so roc_auc is undefined."),
                table.notes());
        // what the note leaves to the row is in the row: the level beside Δ's interval, production's value
        List<String> s33 = table.rows().get(1).stream().map(Cell::text).toList();
        assertTrue(s33.contains("0.802 [0.400, 0.950]"), s33.toString());
        assertTrue(s33.stream().anyMatch(cell -> cell.endsWith(" at " + HOLM_OVER_92.levelText())), s33.toString());
    }

    @Test
    void theHtmlAndThePdfSayEachReasonOnceUnderTheTable() throws Exception {
        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(sliceTable());
        assertTrue(html.contains("<td class=\"no-difference\">no information [a]</td>")
                || html.contains(">no information [a]</td>"), html);
        assertEquals(1, occurrences(html, "spans every roc_auc"), html);
        assertEquals(1, occurrences(html, "this slice has 1 and 182"), html);

        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(sliceTable());
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(loaded).replaceAll("\\s+", " ");
            assertTrue(text.contains("no information [a]") && text.contains("unstable [b]")
                    && text.contains("unavailable [d]"), text);
            assertEquals(1, occurrences(text, "spans every roc_auc"), text);
            assertEquals(1, occurrences(text, "this slice has 1 and 147"), text);
            assertTrue(text.indexOf("[a] No information at this level") > text.lastIndexOf("unavailable [d]"),
                    "the notes are under the table: " + text);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
