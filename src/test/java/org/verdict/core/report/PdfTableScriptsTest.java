package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;

/**
 * A table of the approval pack's PDF with class names in Hebrew and with an emoji, as a ticket router's recall of each
 * class and its smallest class per slice print them: the emoji, which no bundled face has, prints as its code rather
 * than as "�", and a Hebrew name followed by its count reads name first, as the HTML reads in a browser.
 */
class PdfTableScriptsTest {
    private static final String HEBREW = "\u05DB\u05DC\u05DC\u05D9";

    /** Each character drawn, with where it was drawn. */
    private record Drawn(String character, float x, float y) {
    }

    private static List<Drawn> drawn(byte[] pdf) throws Exception {
        List<Drawn> drawn = new ArrayList<>();
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<TextPosition> positions) {
                    for (TextPosition position : positions) {
                        drawn.add(new Drawn(position.getUnicode(), position.getXDirAdj(), position.getYDirAdj()));
                    }
                }
            };
            stripper.getText(loaded);
        }
        return drawn;
    }

    private static byte[] pdfWithTable(List<List<Cell>> rows) throws Exception {
        EvidenceTable table = new EvidenceTable("Recall of each class", List.of("Class", "Min class"), rows);
        ReportDocument document = new ReportDocument("Approval pack", "ticket-router-intl", List.of(
                new Section("s31", "3.1", "Primary metric", 1, List.of(new Table(table)))));
        return new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(loaded);
        }
    }

    @Test
    void anEmojiNoFontHasPrintsAsItsCodeNeverAsAReplacementMark() throws Exception {
        byte[] pdf = pdfWithTable(List.of(List.of(Cell.plain("застосунок завершує роботу 📱"), Cell.plain("–")),
                List.of(Cell.plain("застосунок завершує роботу 💻"), Cell.plain("–"))));

        String text = text(pdf);
        assertTrue(text.contains("роботу [U+1F4F1]"), text);
        assertTrue(text.contains("роботу [U+1F4BB]"), "the two classes read apart:\n" + text);
        assertFalse(text.contains("\uFFFD"), text);
    }

    @Test
    void aHebrewNameFollowedByItsCountReadsNameFirstAsInTheBrowser() throws Exception {
        // the smallest class as the evidence writes it: the name, a left-to-right mark, then its count
        byte[] pdf = pdfWithTable(List.of(List.of(Cell.plain("general"), Cell.plain(HEBREW + "\u200E: 973"))));

        List<Drawn> drawn = drawn(pdf);
        Drawn kaf = drawn.stream().filter(d -> d.character().equals("\u05DB")).findFirst().orElseThrow();
        Drawn yod = drawn.stream().filter(d -> d.character().equals("\u05D9")).findFirst().orElseThrow();
        List<Drawn> digits = drawn.stream().filter(d -> d.y() == kaf.y() && d.character().matches("[973]")).toList();
        assertEquals("973", String.join("", digits.stream().sorted((a, b) -> Float.compare(a.x(), b.x()))
                .map(Drawn::character).toList()), "the count reads left to right: " + digits);
        assertTrue(yod.x() < kaf.x(), "the name reads right to left, its first letter rightmost");
        assertTrue(digits.stream().allMatch(d -> d.x() > kaf.x()), "the count comes after the name, to its right: "
                + drawn);
        assertTrue(drawn.stream().noneMatch(d -> d.character().equals("\uFFFD")), "the mark draws nothing");
    }
}
