package org.verdict.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The one rule by which report text (the PDF's own text and tables, and chart labels) picks a font per character: the
 * text's own font where it has the glyph, else the CJK fallback font. A character neither has (an emoji, a control
 * character) is written as its code in brackets, "[U+1F4F1]", in the text's own font: a "�" in its place left two
 * classes that differ only in an emoji ("📱" and "💻") reading alike, and said nothing of what was there. An invisible
 * formatting mark neither font has (a bidirectional mark, a variation selector, a zero-width joiner) is left out, as a
 * browser draws nothing for it. It works on any kind of font (PDFBox's for PDF text, AWT's for chart labels) given how
 * to ask each for a glyph.
 */
final class FontRuns {
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
            String drawn = null;
            if (!draws(ownHasGlyph, codePoint)) {
                if (draws(fallbackHasGlyph, codePoint)) {
                    chosen = fallback;
                } else if (invisible(codePoint)) {
                    continue;
                } else {
                    drawn = code(codePoint);
                }
            }
            if (chosen != currentFont && current.length() > 0) {
                runs.add(new Run<>(current.toString(), currentFont));
                current.setLength(0);
            }
            currentFont = chosen;
            if (drawn == null) {
                current.appendCodePoint(codePoint);
            } else {
                current.append(drawn);
            }
        }
        if (current.length() > 0) {
            runs.add(new Run<>(current.toString(), currentFont));
        }
        return runs;
    }

    /** How a character no font draws is written instead: "[U+1F4F1]". */
    static String code(int codePoint) {
        return String.format(Locale.ROOT, "[U+%04X]", codePoint);
    }

    /** A control character is never drawn, even where a font maps it to a glyph. */
    private static boolean draws(IntPredicate hasGlyph, int codePoint) {
        return !Character.isISOControl(codePoint) && hasGlyph.test(codePoint);
    }

    /** A mark that only changes how the characters around it are ordered or drawn: nothing of its own to show. */
    private static boolean invisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }
}
