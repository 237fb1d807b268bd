package org.verdict.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/**
 * The font of Verdict's tables and labels, DejaVu Sans (verdict.css names it first). Tables size their columns by
 * measuring text in it, so it must be the font the cells are drawn in on every system: where it is not installed
 * (usually Windows and macOS), the copy bundled for the PDF reports is registered with JavaFX.
 */
public final class CellFont {
    public static final String FAMILY = "DejaVu Sans";
    private static final String BUNDLED = "/org/verdict/core/report/fonts/";

    private CellFont() {
    }

    /** Registers the bundled regular and bold faces unless the system has the family; call before the first scene. */
    public static void ensureAvailable() {
        if (FAMILY.equals(Font.font(FAMILY, 12).getFamily())) {
            return;
        }
        for (String file : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
            try (InputStream in = CellFont.class.getResourceAsStream(BUNDLED + file)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks " + BUNDLED + file);
                }
                Font.loadFont(in, 12);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled font " + file, e);
            }
        }
    }
}
