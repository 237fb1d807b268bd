package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackFixture;

/** {@code report} on a pack whose slice values are Japanese, Korean, Chinese, Cyrillic and Arabic prints them all. */
class MultilingualReportTest {
    @TempDir
    Path folder;

    @Test
    void everyScriptOfTheSliceValuesIsInThePdf() throws Exception {
        String[] languages = {"日本語", "한국어", "中文", "Русский", "العربية", "Ελληνικά", "English"};
        StringBuilder csv = new StringBuilder("example_id,label,language,gender,pred_42,pred_43\n");
        String[] classes = {"billing", "technical", "account"};
        for (int row = 0; row < 280; row++) {
            String label = classes[row % 3];
            csv.append("e").append(row).append(',').append(label).append(',').append(languages[row % languages.length])
                    .append(',').append(row % 2 == 0 ? "f" : "m").append(',')
                    .append(row % 5 == 0 ? classes[(row + 1) % 3] : label).append(',').append(label).append('\n');
        }
        Path pack = PackFixture.write(folder.resolve("multilingual"), PackFixture.MULTICLASS_MANIFEST, csv.toString());
        Path out = folder.resolve("out");
        StringWriter err = new StringWriter();

        int exit = VerdictCommand.commandLine(new StringWriter(), err).execute("report", pack.toString(), "--out",
                out.toString());

        assertEquals(0, exit, err.toString());
        String text;
        StringBuilder drawn = new StringBuilder();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("approval-pack.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
            // the characters as drawn, before extraction normalises presentation forms back to letters
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void writeString(String line, java.util.List<TextPosition> positions) {
                    positions.forEach(position -> drawn.append(position.getUnicode()));
                }
            };
            glyphs.getText(pdf);
        }
        // العربية in the tables, joined: lam initial, ain medial, reh final, beh initial, yeh medial, teh marbuta final
        for (char form : new char[] {'\uFEDF', '\uFECC', '\uFEAE', '\uFE91', '\uFEF4', '\uFE94'}) {
            assertTrue(drawn.indexOf(String.valueOf(form)) >= 0, "U+" + Integer.toHexString(form) + " is drawn");
        }
        assertTrue(drawn.indexOf("\uFE94\uFEF4\uFE91\uFEAE\uFECC\uFEDF\u0627") >= 0,
                "the word is drawn joined, right to left");
        for (String language : new String[] {"日本語", "한국어", "中文", "Русский", "Ελληνικά"}) {
            assertTrue(text.contains(language), language + " is printed in the PDF");
        }
        assertTrue(text.contains("ة") && text.contains("ع"), "the Arabic letters are printed in the PDF");
        // charts draw their labels ("language=… (n=40)") as text too, not as empty boxes: every chart label in
        // English has its Korean twin
        int englishLabels = occurrences(text, "language=English (n=");
        assertTrue(englishLabels > 0, "the report has slice charts");
        assertEquals(englishLabels, occurrences(text, "language=한국어 (n="));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
