package org.verdict.core.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;

/**
 * Chart text in the PDF with a fallback font per character: a chart label in Chinese, Japanese or Korean (a slice
 * value) is drawn with the CJK fallback face where the chart's DejaVu face has no glyph, instead of as empty boxes.
 */
final class FallbackFontTextDrawer extends PdfBoxGraphics2DFontTextDrawer {
    private final Font fallback;

    /** @param fallback the AWT face of the fallback font; register its PDF face under its font name */
    FallbackFontTextDrawer(Font fallback) {
        this.fallback = fallback;
    }

    @Override
    public boolean canDrawText(AttributedCharacterIterator text, IFontTextDrawerEnv env)
            throws IOException, FontFormatException {
        return super.canDrawText(withFallback(text, env.getFont()), env);
    }

    @Override
    public void drawText(AttributedCharacterIterator text, IFontTextDrawerEnv env)
            throws IOException, FontFormatException {
        super.drawText(withFallback(text, env.getFont()), env);
    }

    /** The same text, with the fallback face set on every character its own face cannot draw but the fallback can. */
    private AttributedCharacterIterator withFallback(AttributedCharacterIterator text, Font defaultFont) {
        AttributedString marked = new AttributedString(text);
        int begin = text.getBeginIndex();
        for (char c = text.first(); c != AttributedCharacterIterator.DONE; c = text.next()) {
            Object attribute = text.getAttribute(TextAttribute.FONT);
            Font font = attribute instanceof Font own ? own : defaultFont;
            if (!font.canDisplay(c) && fallback.canDisplay(c)) {
                int at = text.getIndex() - begin;
                marked.addAttribute(TextAttribute.FONT, fallback.deriveFont(font.getStyle(), font.getSize2D()), at,
                        at + 1);
            }
        }
        return marked.getIterator();
    }
}
