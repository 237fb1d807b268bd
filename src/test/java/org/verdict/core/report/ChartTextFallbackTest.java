package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.Tone;
import org.verdict.core.report.ReportDocument.Paragraph;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * Chart labels in the PDF print Chinese, Japanese and Korean with the fallback face and a character no bundled face
 * has as its code ("[U+1F5FC]"), whatever else the label holds: an emoji beside the CJK once sent the whole label to outlines of the
 * DejaVu face, empty boxes where the board must read the one worse slice.
 */
class ChartTextFallbackTest {

    /** Every character the PDF writes as text, with the name of the font it is written in. */
    private static List<String> charactersWithFonts(byte[] pdf) throws Exception {
        List<String> drawn = new ArrayList<>();
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<TextPosition> positions) {
                    for (TextPosition position : positions) {
                        drawn.add(position.getUnicode() + " " + position.getFont().getName());
                    }
                }
            }.getText(loaded);
        }
        return drawn;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(loaded);
        }
    }

    private static byte[] pdfWithForest(String title, List<DeltaRow> rows) throws Exception {
        ReportDocument document = new ReportDocument("Approval pack", "fair-unbal", List.of(new Section("s31", "3.1",
                "Primary metric", 1, List.of(new Paragraph("✘ fail", Tone.FAIL),
                        new ReportDocument.Chart("c1",
                                new DeltaForest(title, "Δ roc_auc", MetricFormat.RATE, true, rows))))));
        return new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
    }

    @Test
    void aWorseSliceNamedInCjkWithAnEmojiPrintsItsCjkAndTheEmojisCode() throws Exception {
        byte[] pdf = pdfWithForest("roc_auc by region", List.of(
                new DeltaRow("overall (n=2,000)", -0.009, new Interval(-0.030, 0.012), Verdict.NO_SIGNIFICANT_DIFFERENCE),
                new DeltaRow("region=Zürich (n=428)", 0.0, new Interval(-0.057, 0.057), Verdict.INCONCLUSIVE),
                new DeltaRow("region=東京 🗼 (n=384)", -0.090, new Interval(-0.171, -0.009), Verdict.WORSE)));

        String text = text(pdf);
        assertTrue(text.contains("region=東京 [U+1F5FC] (n=384)"), "the worse slice's label is text:\n" + text);
        assertTrue(text.contains("region=Zürich (n=428)"), text);
        List<String> fonts = charactersWithFonts(pdf);
        assertTrue(fonts.stream().anyMatch(f -> f.startsWith("東 ") && f.contains("DroidSansFallback")),
                "東 is drawn with the CJK fallback: " + fonts);
        assertTrue(fonts.stream().noneMatch(f -> f.startsWith("\uFFFD ")), "no replacement mark: " + fonts);
        assertTrue(fonts.stream().anyMatch(f -> f.startsWith("U ") && f.contains("DejaVuSans")),
                "the emoji's code prints in the DejaVu face: " + fonts);
    }

    @Test
    void aBoldChartTitleInCjkPrintsItsCjk() throws Exception {
        byte[] pdf = pdfWithForest("roc_auc by 地域 🗼", List.of(
                new DeltaRow("地域=大阪 (n=300)", 0.01, new Interval(-0.02, 0.04), Verdict.NO_SIGNIFICANT_DIFFERENCE),
                new DeltaRow("地域=東京 (n=384)", -0.09, new Interval(-0.17, -0.01), Verdict.WORSE)));

        String text = text(pdf);
        assertTrue(text.contains("roc_auc by 地域 [U+1F5FC]"), "the bold title is text with its CJK:\n" + text);
        List<String> cjk = charactersWithFonts(pdf).stream().filter(f -> f.startsWith("地 ")).toList();
        assertEquals(3, cjk.size(), "地 in the title and in both rows: " + cjk);
        assertTrue(cjk.stream().allMatch(f -> f.contains("DroidSansFallback")), cjk.toString());
    }

    @Test
    void textThatTheJdkMustLayOutGetsTheSameFacesCharacterByCharacter() {
        // right-to-left text is drawn as outlines of the JDK's layout, from these same runs
        Font bold = new ReportFonts().bold(10f);
        FallbackFontTextDrawer drawer = new FallbackFontTextDrawer(ReportFonts.fallbackFace());
        AttributedString label = new AttributedString("مدينة=東京 🗼");
        label.addAttribute(TextAttribute.FONT, bold);

        AttributedCharacterIterator drawn = drawer.drawable(label.getIterator(), bold).getIterator();

        StringBuilder text = new StringBuilder();
        List<String> faces = new ArrayList<>();
        for (char c = drawn.first(); c != AttributedCharacterIterator.DONE; c = drawn.next()) {
            text.append(c);
            Font font = (Font) drawn.getAttribute(TextAttribute.FONT);
            faces.add(c + " " + font.getFontName() + (font.isBold() ? " bold" : "") + " " + font.getSize2D());
        }
        assertEquals("مدينة=東京 [U+1F5FC]", text.toString());
        assertEquals("م DejaVu Sans Bold bold 10.0", faces.get(0));
        assertEquals("東 Droid Sans Fallback bold 10.0", faces.get(6));
        assertEquals("京 Droid Sans Fallback bold 10.0", faces.get(7));
        assertEquals("  DejaVu Sans Bold bold 10.0", faces.get(8));
        assertEquals("[ DejaVu Sans Bold bold 10.0", faces.get(9));
        assertEquals("] DejaVu Sans Bold bold 10.0", faces.get(17));
    }

    @Test
    void axisTicksWriteCountsWithSeparatorsAndATrueMinus() {
        assertEquals("1,200", EvidenceCharts.tickFormat().format(1200));
        assertEquals("−0.05", EvidenceCharts.tickFormat().format(-0.05));
        assertEquals("0.125", EvidenceCharts.tickFormat().format(0.125));
    }
}
