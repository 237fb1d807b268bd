package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Outcome;
import org.verdict.core.evidence.Tone;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * A pack of 50 states (p9's shape): one worse, two better, the rest inconclusive or untested. Printed, the forest and
 * the slice table show the overall slice and those three where they stand, the others counted by verdict, and every
 * row is kept in the appendix at the end; the HTML keeps every row in place and has no appendix.
 */
class PrintedSlicesReportTest {

    private static final int STATES = 50;

    private static String state(int s) {
        return String.format("state=S%02d", s);
    }

    private static Verdict verdictOf(int s) {
        return s == 8 ? Verdict.WORSE : s == 0 || s == 49 ? Verdict.BETTER : s % 10 == 5 ? Verdict.UNAVAILABLE
                : Verdict.INCONCLUSIVE;
    }

    private static ApprovalPackContent states() {
        List<DeltaRow> rows = new ArrayList<>(List.of(new DeltaRow("overall (n=120,000)", 0.030,
                new Interval(0.022, 0.038), Verdict.BETTER)));
        List<List<Cell>> table = new ArrayList<>(List.of(List.of(Cell.plain("overall"), Cell.plain("120,000"),
                Cell.plain("+0.030"), Cell.plain("[+0.022, +0.038] at 95%"), new Cell("▲ better", Tone.BETTER))));
        for (int s = 0; s < STATES; s++) {
            Verdict verdict = verdictOf(s);
            double delta = verdict == Verdict.WORSE ? -0.162 : verdict == Verdict.BETTER ? 0.041 : 0.01 * (s % 7);
            boolean untested = verdict == Verdict.UNAVAILABLE;
            rows.add(new DeltaRow(state(s) + " (n=" + (2000 - s * 10) + ")", untested ? null : delta,
                    untested ? null : new Interval(delta - 0.1 + (verdict == Verdict.BETTER ? 0.09 : 0),
                            delta + 0.1 - (verdict == Verdict.WORSE ? 0.099 : 0)), verdict,
                    untested ? "unavailable, only negative examples (no interval)" : null));
            table.add(List.of(Cell.plain(state(s)), Cell.plain(String.valueOf(2000 - s * 10)),
                    Cell.plain(untested ? "–" : MetricFormat.RATE.signed(delta)),
                    Cell.plain(untested ? "–" : "[−0.100, +0.100] at 99.94%"),
                    untested ? new Cell("unavailable [a]", Tone.NO_DIFFERENCE)
                            : verdict == Verdict.WORSE ? new Cell("▼ worse", Tone.WORSE)
                            : verdict == Verdict.BETTER ? new Cell("▲ better", Tone.BETTER)
                            : new Cell("inconclusive", Tone.NO_DIFFERENCE)));
        }
        EvidenceSection primary = new EvidenceSection(EvidencePageId.COMPARE, "Primary metric", Outcome.PASS,
                "roc_auc +0.030 [+0.022, +0.038]", List.of(new DeltaForest("roc_auc by state: candidate − production",
                        "Δ roc_auc", MetricFormat.RATE, true, rows)),
                List.of(new EvidenceTable("roc_auc by slice", List.of("Slice", "n", "Δ", "CI of Δ (level)", "Verdict"),
                        table, List.of("[a] Only negative examples in this slice, so roc_auc is undefined."))), null);
        ApprovalPackContent fixture = ApprovalPackFixture.content(Map.of());
        return fixture.withGates(List.of(primary), fixture.requiredApprovers(), fixture.approval(),
                fixture.missingEvidence());
    }

    /** Each page's text. */
    private static List<String> pages(byte[] pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= loaded.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(loaded));
            }
        }
        return pages;
    }

    @Test
    void thePrintedPackShowsTheSlicesWorseOrBetterWhereTheyStandAndEverySliceInTheAppendix() throws Exception {
        List<String> pages = pages(new ApprovalPackWriter().pdf(states()));

        int appendix = -1;
        for (int p = 1; p < pages.size(); p++) {
            if (pages.get(p).contains("8  " + PrintedSlices.APPENDIX)) {
                appendix = p;
                break;
            }
        }
        assertTrue(appendix > 0, "an appendix chapter after How to verify");
        assertTrue(pages.get(0).contains(PrintedSlices.APPENDIX), "the contents list the appendix");
        String body = String.join("\n", pages.subList(0, appendix));
        String back = String.join("\n", pages.subList(appendix, pages.size()));
        for (String significant : List.of("state=S00", "state=S08", "state=S49")) {
            assertTrue(body.contains(significant + " (n="), significant + " in the body's forest");
            assertTrue(back.contains(significant + " (n="), significant + " in the appendix's forest");
        }
        for (int s = 0; s < STATES; s++) {
            if (verdictOf(s) == Verdict.INCONCLUSIVE || verdictOf(s) == Verdict.UNAVAILABLE) {
                assertTrue(!body.contains(state(s) + " "), state(s) + " is not printed in the body");
                assertTrue(back.contains(state(s) + " (n="), state(s) + " is in the appendix's forest");
            }
            // the slice table's row, whole, in the appendix
            assertTrue(back.contains(state(s) + " " + (2000 - s * 10)), state(s) + "'s row in the appendix");
        }
        // what is left out is counted by verdict (the forest's note on a row without an interval reduced to its
        // verdict's word), under the forest and under the table
        String counted = "The other 47 (42 inconclusive, 5";
        assertEquals(2, body.split(java.util.regex.Pattern.quote(counted), -1).length - 1,
                "counted under the forest and the table:\n" + body);
        // the table's note on unavailable slices goes with the rows that refer to it: in the appendix only
        assertTrue(!body.contains("[a] Only negative"), body);
        assertTrue(back.contains("[a] Only negative"), back);
    }

    @Test
    void theHtmlKeepsEverySliceInPlaceAndHasNoAppendix() {
        String html = new ApprovalPackWriter().html(states());

        assertTrue(!html.contains(PrintedSlices.APPENDIX), "no appendix in the HTML");
        assertTrue(!html.contains("The other 47"), "nothing left out in the HTML");
        for (int s = 0; s < STATES; s++) {
            assertEquals(1, html.split("<td>" + state(s) + "</td>", -1).length - 1, state(s) + " once in the table");
        }
    }
}
