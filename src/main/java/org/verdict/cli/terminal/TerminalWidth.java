package org.verdict.cli.terminal;

/**
 * How many terminal columns a text takes, so that a table whose cells hold a pack's text (slice values in Japanese,
 * a model named with an emoji) stays aligned: padding that counts characters shifts every row holding a wide one.
 *
 * <p>Neither the JDK 17 nor a library on the classpath exposes Unicode's East_Asian_Width (picocli only knows the CJK
 * blocks, not emoji; jline and ICU are not dependencies), so this is the small rule terminals apply (as {@code
 * wcwidth} does):
 * <ul>
 *   <li>2 columns: East_Asian_Width Wide or Fullwidth (CJK ideographs, kana, Hangul syllables, fullwidth forms) and
 *       the emoji shown as pictures by default (Emoji_Presentation, which Unicode also classes Wide), from
 *       EastAsianWidth.txt of Unicode 15; a character followed by the emoji variation selector U+FE0F (❤️);</li>
 *   <li>0 columns: combining marks (the second code point of an NFD "ü"), format characters (zero-width joiner,
 *       soft hyphen) and the Hangul jamo that join a syllable;</li>
 *   <li>1 column: everything else.</li>
 * </ul>
 * Emoji joined by zero-width joiners (👩‍💻) are counted per emoji; terminals disagree on them.
 */
public final class TerminalWidth {
    private TerminalWidth() {
    }

    /**
     * Ranges (first, last, inclusive) of East_Asian_Width W and F, sorted; on every code point assigned in Unicode 14
     * they give the W/F class of Python 3.11's {@code unicodedata.east_asian_width} (checked once, outside the build).
     */
    private static final int[][] WIDE = {
            {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
            {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
            {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
            {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
            {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
            {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
            {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
            {0x2E80, 0x303E}, {0x3041, 0x3247}, {0x3250, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
            {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
            {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
            {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1}, {0x17000, 0x18CD5}, {0x18D00, 0x18D08}, {0x1AFF0, 0x1B2FB},
            {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202},
            {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320},
            {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
            {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
            {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
            {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
            {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
            {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FA7C},
            {0x1FA80, 0x1FA88}, {0x1FA90, 0x1FABD}, {0x1FABF, 0x1FAC5}, {0x1FACE, 0x1FADB}, {0x1FAE0, 0x1FAE8},
            {0x1FAF0, 0x1FAF8}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };

    private static final int EMOJI_PRESENTATION_SELECTOR = 0xFE0F;

    /** The columns {@code text} takes in a terminal, as printed (after {@link TerminalText#escape}). */
    public static int of(String text) {
        String printed = TerminalText.escape(text);
        int columns = 0;
        for (int i = 0; i < printed.length(); ) {
            int codePoint = printed.codePointAt(i);
            i += Character.charCount(codePoint);
            int width = of(codePoint);
            if (width == 1 && i < printed.length() && printed.codePointAt(i) == EMOJI_PRESENTATION_SELECTOR) {
                // a text symbol asked to show as an emoji picture (❤️, ☀️) takes two columns
                width = 2;
            }
            columns += width;
        }
        return columns;
    }

    /** The columns one code point takes: 0, 1 or 2. */
    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isWide(int codePoint) {
        int low = 0;
        int high = WIDE.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < WIDE[middle][0]) {
                high = middle - 1;
            } else if (codePoint > WIDE[middle][1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
