package org.verdict.core.report;

import java.awt.Color;
import java.util.Locale;
import org.verdict.core.evidence.Tone;

/**
 * The one visual language of Verdict (Okabe–Ito colours, safe for colour-blind readers): production is always blue,
 * the candidate orange, worse vermillion with ▼, better bluish green with ▲, no significant difference grey.
 * Colour never carries meaning alone: every mark comes with a shape and a word.
 */
public final class ReportPalette {
    public static final Color PRODUCTION = new Color(0x0072B2);
    public static final Color CANDIDATE = new Color(0xE69F00);
    public static final Color WORSE = new Color(0xD55E00);
    public static final Color BETTER = new Color(0x009E73);
    public static final Color NO_DIFFERENCE = new Color(0x8C8C8C);
    public static final Color LIMIT = new Color(0x333333);
    /** A row shown but not judged (a fairness group below the minimum size): paler than no difference. */
    public static final Color SET_ASIDE = new Color(0xC8C8C8);

    /*
     * Text takes the marks' hues darkened until it reads at WCAG AA's 4.5:1 or more on white and on the tables'
     * header grey (#EEEEEE): the marks' own colours give text only 3.4:1 (green, grey) and 3.9:1 (vermillion).
     */
    /** Better, pass: 5.4:1 on white. */
    public static final Color BETTER_TEXT = new Color(0x007958);
    /** Worse, fail: 5.4:1 on white. */
    public static final Color WORSE_TEXT = new Color(0xAE4D00);
    /** No significant difference, inconclusive: 5.4:1 on white. */
    public static final Color NO_DIFFERENCE_TEXT = new Color(0x6A6A6A);

    /** Whisker caps and strokes, the same as the app's charts. */
    public static final double WHISKER_CAP = 6.0;
    public static final float WHISKER_STROKE = 2f;

    private ReportPalette() {
    }

    /** e.g. {@code #0072B2}, for CSS. */
    public static String css(Color color) {
        return String.format(Locale.ROOT, "#%06X", color.getRGB() & 0xFFFFFF);
    }

    /**
     * The colour of text in {@code tone}, the same in the HTML and the PDF. Insufficient evidence blocks a promotion
     * as a failure does, so it is near-black, never the grey of "no difference".
     */
    public static Color textOf(Tone tone) {
        return switch (tone) {
            case BETTER, PASS -> BETTER_TEXT;
            case WORSE, FAIL -> WORSE_TEXT;
            case NO_DIFFERENCE -> NO_DIFFERENCE_TEXT;
            case INSUFFICIENT -> LIMIT;
            case PLAIN -> Color.BLACK;
        };
    }
}
