package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arabic letters take the contextual forms of the Unicode standard's joining rules, worked out by hand. */
class ArabicShapingTest {
    private TrueTypeFont font;
    private ArabicShaping shaping;

    @BeforeEach
    void load() throws Exception {
        try (InputStream in = ReportFonts.open(ReportFonts.SANS)) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        shaping = new ArabicShaping(ReportFonts.awtFont(ReportFonts.SANS), font.getUnicodeCmapLookup());
    }

    @AfterEach
    void close() throws Exception {
        font.close();
    }

    @Test
    void eachLetterTakesItsFormFromItsNeighbours() {
        // العربية: alef isolated (it never joins the next letter; an isolated letter keeps its own code point, the
        // font draws both with one glyph), lam initial, ain medial, reh final (right-joining only), beh initial,
        // yeh medial, teh marbuta final
        assertEquals("\u0627\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94", shaping.shape("العربية"));
    }

    @Test
    void lamAlefIsOneLigatureAndLatinTextIsLeftAlone() {
        // سلام: seen initial, lam + alef as the final lam-alef ligature, meem isolated after the alef
        assertEquals("\uFEB3\uFEFC\u0645", shaping.shape("سلام"));
        assertEquals("language=\uFEB3\uFEFC\u0645 (n 40)", shaping.shape("language=سلام (n 40)"));
        assertEquals("language=English (n 40)", shaping.shape("language=English (n 40)"));
    }

    @Test
    void shapedTextIsThenPutInVisualOrder() {
        assertEquals("x \u0645\uFEFC\uFEB3 y", PdfApprovalPack.visualOrder(shaping.shape("x سلام y")));
    }
}
