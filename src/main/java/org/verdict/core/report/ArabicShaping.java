package org.verdict.core.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.util.List;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;

/**
 * Arabic letters in the joined forms a reader expects. PDF text draws each character's own glyph, so an Arabic word
 * would print as a row of isolated letters. The JDK's text layout (the same shaping engine that draws the charts'
 * Arabic) picks each letter's contextual form from the font; each chosen glyph is then written as the Unicode
 * presentation form the font maps to it (U+FB50–U+FDFF, U+FE70–U+FEFF: initial, medial, final forms and the lam-alef
 * ligatures). The PDF then shows the joined word, and text extraction normalises the forms back to the letters.
 */
final class ArabicShaping {
    private static final FontRenderContext PLAIN = new FontRenderContext(null, false, false);

    private final Font face;
    private final CmapLookup cmap;

    /**
     * @param face the AWT face of the font the text is drawn in
     * @param cmap the same font's Unicode cmap, read backwards: from a shaped glyph to its presentation form
     */
    ArabicShaping(Font face, CmapLookup cmap) {
        this.face = face;
        this.cmap = cmap;
    }

    /** Whether the text has a letter that shaping may change. */
    static boolean needsShaping(String text) {
        return text.codePoints().anyMatch(ArabicShaping::isArabic);
    }

    /** The text, still in logical order, with every Arabic run in its contextual forms. */
    String shape(String text) {
        if (!needsShaping(text)) {
            return text;
        }
        StringBuilder shaped = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = start;
            boolean arabic = isArabic(text.codePointAt(start));
            while (end < text.length() && (arabic ? joinsRun(text.codePointAt(end)) : !isArabic(text.codePointAt(end)))) {
                end += Character.charCount(text.codePointAt(end));
            }
            shaped.append(arabic ? shapeRun(text, start, end) : text.substring(start, end));
            start = end;
        }
        return shaped.toString();
    }

    private String shapeRun(String text, int start, int end) {
        char[] chars = text.toCharArray();
        GlyphVector glyphs = face.layoutGlyphVector(PLAIN, chars, start, end, Font.LAYOUT_RIGHT_TO_LEFT);
        // by the index of the first character each glyph stands for: logical order, a ligature once
        TreeMap<Integer, String> byCharacter = new TreeMap<>();
        for (int g = 0; g < glyphs.getNumGlyphs(); g++) {
            int at = glyphs.getGlyphCharIndex(g) + start;
            if (at < start || at >= end) {
                continue;
            }
            String form = presentationForm(glyphs.getGlyphCode(g));
            byCharacter.merge(at, form == null ? String.valueOf(chars[at]) : form, String::concat);
        }
        if (byCharacter.isEmpty()) {
            return text.substring(start, end);
        }
        return String.join("", byCharacter.values());
    }

    /** The code point the font maps to this glyph, preferring a presentation form; null when none. */
    private String presentationForm(int glyph) {
        if (glyph <= 0) {
            return null;
        }
        List<Integer> codes = cmap.getCharCodes(glyph);
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        int chosen = codes.stream().filter(ArabicShaping::isPresentationForm).findFirst().orElse(codes.get(0));
        return new String(Character.toChars(chosen));
    }

    private static boolean isArabic(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC
                && !isPresentationForm(codePoint);
    }

    /** Arabic letters and what stays inside an Arabic word: combining marks (harakat), zero-width (non-)joiners. */
    private static boolean joinsRun(int codePoint) {
        return isArabic(codePoint) || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.INHERITED;
    }

    private static boolean isPresentationForm(int codePoint) {
        return codePoint >= 0xFB50 && codePoint <= 0xFDFF || codePoint >= 0xFE70 && codePoint <= 0xFEFF;
    }
}
