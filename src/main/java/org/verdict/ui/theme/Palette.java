package org.verdict.ui.theme;

import java.awt.Color;
import java.util.Map;

/**
 * The one place that fixes Verdict's colours, from the Okabe–Ito palette so they stay distinct for colour-blind
 * readers. Production and candidate look the same in every chart, table, HTML and PDF; worse and better are
 * never shown by colour alone (▼ / ▲ and the verdict text go with them). The report helper uses the same hex values.
 */
public final class Palette {
    /** Production model: blue. */
    public static final String PRODUCTION = "#0072B2";
    /** Candidate model: orange. */
    public static final String CANDIDATE = "#E69F00";
    /** Candidate significantly worse: vermillion, with {@link #WORSE_MARK}. */
    public static final String WORSE = "#D55E00";
    /** Candidate significantly better: bluish green, with {@link #BETTER_MARK}. */
    public static final String BETTER = "#009E73";
    /** No significant difference, too few examples, inconclusive: grey. */
    public static final String NEUTRAL = "#8C8C8C";

    public static final String WORSE_MARK = "▼";
    public static final String BETTER_MARK = "▲";

    private Palette() {
    }

    public static Color awt(String hex) {
        return Color.decode(hex);
    }

    public static javafx.scene.paint.Color fx(String hex) {
        return javafx.scene.paint.Color.web(hex);
    }

    /** The palette as CSS looked-up colours, set on the scene root so the stylesheet never repeats a hex value. */
    public static String cssVariables() {
        StringBuilder css = new StringBuilder();
        Map.of("-verdict-production", PRODUCTION, "-verdict-candidate", CANDIDATE, "-verdict-worse", WORSE,
                        "-verdict-better", BETTER, "-verdict-neutral", NEUTRAL)
                .forEach((name, hex) -> css.append(name).append(": ").append(hex).append("; "));
        return css.toString().trim();
    }
}
