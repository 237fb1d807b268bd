package org.verdict.core.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts the approval pack is laid out with, bundled (DejaVu, see fonts/LICENSE-DejaVu.txt) so that chart layout,
 * and therefore the HTML bytes, do not depend on the fonts of the machine, and so that ✔ ✘ ▲ ▼ Δ print in the PDF.
 */
final class ReportFonts {
    static final String SANS = "DejaVuSans.ttf";
    static final String SANS_BOLD = "DejaVuSans-Bold.ttf";
    static final String MONO = "DejaVuSansMono.ttf";
    /**
     * Chinese, Japanese and Korean, which DejaVu lacks (Droid Sans Fallback, Apache 2.0, see
     * fonts/LICENSE-DroidSansFallback.txt): slice values and model names in those scripts print instead of failing
     * the report. Only the glyphs used are embedded in a PDF.
     */
    static final String FALLBACK = "DroidSansFallback.ttf";

    static InputStream open(String fileName) {
        InputStream in = ReportFonts.class.getResourceAsStream("fonts/" + fileName);
        if (in == null) {
            throw new IllegalStateException("font " + fileName + " is missing from the build");
        }
        return in;
    }

    /** The AWT face of a bundled font file. */
    static Font awtFont(String fileName) {
        try (InputStream in = open(fileName)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + fileName + " is unreadable", e);
        }
    }

    /** The AWT face of {@link #FALLBACK}, loaded once when a PDF first needs it. */
    static Font fallbackFace() {
        return FallbackFace.FONT;
    }

    private static final class FallbackFace {
        static final Font FONT = awtFont(FALLBACK);
    }

    /**
     * The faces, read when a chart or document is first laid out, not when a writer is made: reading the first font
     * starts AWT's font system (its toolkit, fontconfig, the host name), which the desktop app would otherwise pay
     * before its first frame.
     */
    private static final class Faces {
        static final Font SANS = awtFont(ReportFonts.SANS);
        static final Font SANS_BOLD = awtFont(ReportFonts.SANS_BOLD);
    }

    Font sans(float size) {
        return Faces.SANS.deriveFont(size);
    }

    /** The bold face, also flagged bold so that SVG text gets {@code font-weight: bold}. */
    Font bold(float size) {
        return Faces.SANS_BOLD.deriveFont(Font.BOLD, size);
    }
}
