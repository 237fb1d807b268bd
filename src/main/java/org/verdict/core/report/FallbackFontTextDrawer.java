package org.verdict.core.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.text.AttributedCharacterIterator.Attribute;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.verdict.core.report.FontRuns.Run;

/**
 * Chart text in the PDF with a fallback font per character, as the PDF's own text and tables have: a chart label in
 * Chinese, Japanese or Korean (a slice value) is drawn with the CJK fallback face where the chart's DejaVu face has no
 * glyph, and a character neither face has (an emoji, a control character) as its code, "[U+1F4F1]", instead of as
 * an empty box.
 *
 * <p>Every chart text comes through here. pdfbox-graphics2d otherwise draws a text it cannot write as PDF text (one
 * character no font has, or right-to-left script) as outlines of the chart's own face, which has no CJK glyphs: a
 * label with an emoji beside its CJK lost both. Such text is now drawn as outlines too, but of the same per-character
 * faces, laid out by the JDK (which orders right-to-left runs and joins Arabic letters).
 */
final class FallbackFontTextDrawer extends PdfBoxGraphics2DFontTextDrawer {
    private final Font fallback;

    /** @param fallback the AWT face of the fallback font; register its PDF face under its font name */
    FallbackFontTextDrawer(Font fallback) {
        this.fallback = fallback;
    }

    /** Always: {@link #drawText} draws as PDF text what the registered fonts can, and as outlines the rest. */
    @Override
    public boolean canDrawText(AttributedCharacterIterator text, IFontTextDrawerEnv env) {
        return true;
    }

    @Override
    public void drawText(AttributedCharacterIterator text, IFontTextDrawerEnv env)
            throws IOException, FontFormatException {
        AttributedString drawable = drawable(text, env.getFont());
        if (super.canDrawText(drawable.getIterator(), env)) {
            super.drawText(drawable.getIterator(), env);
        } else {
            drawOutlines(drawable.getIterator(), env);
        }
    }

    /** Fills the glyph outlines of the laid-out text, at the origin the graphics has already moved to. */
    private static void drawOutlines(AttributedCharacterIterator text, IFontTextDrawerEnv env) throws IOException {
        if (text.getEndIndex() == text.getBeginIndex()) {
            return;
        }
        Shape outline = new TextLayout(text, env.getFontRenderContext()).getOutline(null);
        env.applyPaint(env.getPaint(), outline);
        PDPageContentStream stream = env.getContentStream();
        float[] at = new float[6];
        float startX = 0;
        float startY = 0;
        float lastX = 0;
        float lastY = 0;
        PathIterator path = outline.getPathIterator(null);
        for (; !path.isDone(); path.next()) {
            switch (path.currentSegment(at)) {
                case PathIterator.SEG_MOVETO -> {
                    stream.moveTo(at[0], at[1]);
                    startX = lastX = at[0];
                    startY = lastY = at[1];
                }
                case PathIterator.SEG_LINETO -> {
                    stream.lineTo(at[0], at[1]);
                    lastX = at[0];
                    lastY = at[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // PDF has cubic curves only: a quadratic one is the cubic whose control points lie 2/3 of the way
                    // from each end to the quadratic's control point
                    stream.curveTo(lastX + 2f / 3 * (at[0] - lastX), lastY + 2f / 3 * (at[1] - lastY),
                            at[2] + 2f / 3 * (at[0] - at[2]), at[3] + 2f / 3 * (at[1] - at[3]), at[2], at[3]);
                    lastX = at[2];
                    lastY = at[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    stream.curveTo(at[0], at[1], at[2], at[3], at[4], at[5]);
                    lastX = at[4];
                    lastY = at[5];
                }
                default -> {
                    stream.closePath();
                    lastX = startX;
                    lastY = startY;
                }
            }
        }
        if (path.getWindingRule() == PathIterator.WIND_EVEN_ODD) {
            stream.fillEvenOdd();
        } else {
            stream.fill();
        }
    }

    /** Metrics that measure each character in the face that draws it, so labels are laid out at their real width. */
    @Override
    public FontMetrics getFontMetrics(Font font, IFontTextDrawerEnv env) throws IOException, FontFormatException {
        FontMetrics own = super.getFontMetrics(font, env);
        Font fallbackFace = fallbackFor(font);
        return new PerCharacterMetrics(own, super.getFontMetrics(fallbackFace, env), fallbackFace);
    }

    private Font fallbackFor(Font font) {
        Font sized = fallback.deriveFont(font.getStyle(), font.getSize2D());
        return font.isTransformed() ? sized.deriveFont(font.getTransform()) : sized;
    }

    /** The text in runs of the face that draws them ({@link FontRuns}: own, else fallback, else the code). */
    private static List<Run<Font>> runs(String text, Font own, Font fallback) {
        return FontRuns.split(text, own, own::canDisplay, fallback, fallback::canDisplay);
    }

    /**
     * The same text with its attributes, the fallback face set on every character its own face cannot draw but the
     * fallback can, and the code of a character neither can.
     */
    AttributedString drawable(AttributedCharacterIterator text, Font defaultFont) {
        StringBuilder all = new StringBuilder();
        List<Map<Attribute, Object>> attributes = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        text.first();
        while (text.getIndex() < text.getEndIndex()) {
            Map<Attribute, Object> runAttributes = text.getAttributes();
            int limit = text.getRunLimit();
            StringBuilder runText = new StringBuilder();
            for (char c = text.current(); text.getIndex() < limit; c = text.next()) {
                runText.append(c);
            }
            Font own = runAttributes.get(TextAttribute.FONT) instanceof Font font ? font : defaultFont;
            for (Run<Font> run : runs(runText.toString(), own, fallbackFor(own))) {
                Map<Attribute, Object> drawn = new HashMap<>(runAttributes);
                drawn.put(TextAttribute.FONT, run.font());
                spans.add(new int[] {all.length(), all.length() + run.text().length()});
                attributes.add(drawn);
                all.append(run.text());
            }
        }
        AttributedString drawable = new AttributedString(all.toString());
        for (int i = 0; i < spans.size(); i++) {
            drawable.addAttributes(attributes.get(i), spans.get(i)[0], spans.get(i)[1]);
        }
        return drawable;
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

        @Override
        public int charWidth(int codePoint) {
            // a character no face has is drawn as its code ("[U+1F4F1]"), a formatting mark as nothing
            int width = 0;
            for (Run<Font> run : runs(new String(Character.toChars(codePoint)), font, fallbackFace)) {
                width += (run.font() == font ? own : fallback).stringWidth(run.text());
            }
            return width;
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

        /** The advance of the text as drawn, each run measured in the face that draws it. */
        private double width(String text, FontRenderContext frc) {
            double width = 0;
            for (Run<Font> run : runs(text, font, fallbackFace)) {
                width += run.font().getStringBounds(run.text(), frc).getWidth();
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
}
