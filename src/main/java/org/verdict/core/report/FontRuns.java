package org.verdict.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The one rule by which report text (the PDF's own text and tables, and chart labels) picks a font per character: the
 * text's own font where it has the glyph, else the CJK fallback font, and for a character neither has (an emoji, a
 * control character) U+FFFD in whichever has that, so the report shows a mark instead of failing or drawing nothing.
 * It works on any kind of font (PDFBox's for PDF text, AWT's for chart labels) given how to ask each for a glyph.
 */
final class FontRuns {
    static final int REPLACEMENT = 0xFFFD;

    private FontRuns() {
    }

    /** A stretch of text drawn in one font. */
    record Run<F>(String text, F font) {
    }

    /**
     * {@code text} split into runs, each drawn in one font.
     *
     * @param ownHasGlyph whether {@code own} has a glyph for a code point; likewise {@code fallbackHasGlyph}
     */
    static <F> List<Run<F>> split(String text, F own, IntPredicate ownHasGlyph, F fallback,
                                  IntPredicate fallbackHasGlyph) {
        List<Run<F>> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        F currentFont = own;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            F chosen = own;
            if (!draws(ownHasGlyph, codePoint)) {
                if (draws(fallbackHasGlyph, codePoint)) {
                    chosen = fallback;
                } else {
                    codePoint = REPLACEMENT;
                    chosen = ownHasGlyph.test(REPLACEMENT) ? own : fallback;
                }
            }
            if (chosen != currentFont && current.length() > 0) {
                runs.add(new Run<>(current.toString(), currentFont));
                current.setLength(0);
            }
            currentFont = chosen;
            current.appendCodePoint(codePoint);
        }
        if (current.length() > 0) {
            runs.add(new Run<>(current.toString(), currentFont));
        }
        return runs;
    }

    /** A control character is never drawn, even where a font maps it to a glyph. */
    private static boolean draws(IntPredicate hasGlyph, int codePoint) {
        return !Character.isISOControl(codePoint) && hasGlyph.test(codePoint);
    }
}
