package org.verdict.core.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
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

    /** Metrics that measure each character in the face that draws it, so labels are laid out at their real width. */
    @Override
    public FontMetrics getFontMetrics(Font font, IFontTextDrawerEnv env) throws IOException, FontFormatException {
        FontMetrics own = super.getFontMetrics(font, env);
        Font fallbackFace = fallback.deriveFont(font.getStyle(), font.getSize2D());
        return new PerCharacterMetrics(own, super.getFontMetrics(fallbackFace, env), fallbackFace);
    }

    /** Widths from the face that draws each character; everything else (ascent, descent, ...) from the own face. */
    private static final class PerCharacterMetrics extends FontMetrics {
        private static final long serialVersionUID = 1L;
        private final transient FontMetrics own;
        private final transient FontMetrics fallback;
        private final Font fallbackFace;

        PerCharacterMetrics(FontMetrics own, FontMetrics fallback, Font fallbackFace) {
            super(own.getFont());
            this.own = own;
            this.fallback = fallback;
            this.fallbackFace = fallbackFace;
        }

        private boolean drawnByFallback(int codePoint) {
            return !font.canDisplay(codePoint) && fallbackFace.canDisplay(codePoint);
        }

        @Override
        public int charWidth(int codePoint) {
            return drawnByFallback(codePoint) ? fallback.charWidth(codePoint) : own.charWidth(codePoint);
        }

        @Override
        public int charWidth(char c) {
            return charWidth((int) c);
        }

        @Override
        public int stringWidth(String text) {
            return (int) Math.ceil(width(text, own.getFontRenderContext()));
        }

        @Override
        public int charsWidth(char[] data, int offset, int length) {
            return stringWidth(new String(data, offset, length));
        }

        @Override
        public Rectangle2D getStringBounds(String text, Graphics context) {
            Rectangle2D bounds = own.getStringBounds(text, context);
            FontRenderContext frc = context instanceof Graphics2D g2 ? g2.getFontRenderContext()
                    : own.getFontRenderContext();
            return new Rectangle2D.Double(bounds.getX(), bounds.getY(), width(text, frc), bounds.getHeight());
        }

        /** The advance of the text, each run measured in the face that draws it. */
        private double width(String text, FontRenderContext frc) {
            double width = 0;
            int start = 0;
            while (start < text.length()) {
                boolean byFallback = drawnByFallback(text.codePointAt(start));
                int end = start;
                while (end < text.length() && drawnByFallback(text.codePointAt(end)) == byFallback) {
                    end += Character.charCount(text.codePointAt(end));
                }
                width += (byFallback ? fallbackFace : font).getStringBounds(text, start, end, frc).getWidth();
                start = end;
            }
            return width;
        }

        @Override
        public int getAscent() {
            return own.getAscent();
        }

        @Override
        public int getDescent() {
            return own.getDescent();
        }

        @Override
        public int getLeading() {
            return own.getLeading();
        }

        @Override
        public int getMaxAscent() {
            return own.getMaxAscent();
        }

        @Override
        public int getMaxDescent() {
            return own.getMaxDescent();
        }

        @Override
        public int getMaxAdvance() {
            return Math.max(own.getMaxAdvance(), fallback.getMaxAdvance());
        }
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
