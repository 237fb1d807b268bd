package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.verdict.core.report.FontRuns.Run;

/** The per-character font rule shared by the PDF's text and its chart labels, on two made-up fonts. */
class FontRunsTest {
    /** Latin, like DejaVu (which has no emoji); the fallback has CJK only, like Droid Sans Fallback. */
    private static final IntPredicate LATIN = codePoint -> codePoint < 0x0250;
    private static final IntPredicate CJK = codePoint -> codePoint >= 0x3000 && codePoint <= 0x9FFF;

    @Test
    void ownFontWhereItHasTheGlyphElseTheFallbackElseTheCharactersCode() {
        List<Run<String>> runs = FontRuns.split("region 東京 🗼!", "own", LATIN, "fallback", CJK);

        assertEquals(List.of(new Run<>("region ", "own"), new Run<>("東京", "fallback"),
                new Run<>(" [U+1F5FC]!", "own")), runs);
    }

    @Test
    void twoClassesThatDifferOnlyInAnEmojiStillReadApart() {
        String phone = FontRuns.split("crash 📱", "own", LATIN, "fallback", CJK).get(0).text();
        String laptop = FontRuns.split("crash 💻", "own", LATIN, "fallback", CJK).get(0).text();

        assertEquals("crash [U+1F4F1]", phone);
        assertEquals("crash [U+1F4BB]", laptop);
    }

    @Test
    void aControlCharacterIsNeverDrawnEvenWhereAFontMapsItButItsCodeIs() {
        List<Run<String>> runs = FontRuns.split("a\u001Bb", "own", codePoint -> true, "fallback", codePoint -> true);

        assertEquals(List.of(new Run<>("a[U+001B]b", "own")), runs);
    }

    @Test
    void anInvisibleMarkNoFontHasDrawsNothing() {
        // a left-to-right mark after a Hebrew name, and an emoji's variation selector after a heart DejaVu has
        List<Run<String>> runs = FontRuns.split("\u05DB\u200E: 3 \u2764\uFE0F", "own",
                codePoint -> codePoint != 0x200E && codePoint != 0xFE0F, "fallback", CJK);

        assertEquals(List.of(new Run<>("\u05DB: 3 \u2764", "own")), runs);
    }
}
