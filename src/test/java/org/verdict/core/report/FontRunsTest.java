package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.verdict.core.report.FontRuns.Run;

/** The per-character font rule shared by the PDF's text and its chart labels, on two made-up fonts. */
class FontRunsTest {
    /** Latin and U+FFFD, like DejaVu; the fallback has CJK only, like Droid Sans Fallback. */
    private static final IntPredicate LATIN = codePoint -> codePoint < 0x0250 || codePoint == FontRuns.REPLACEMENT;
    private static final IntPredicate CJK = codePoint -> codePoint >= 0x3000 && codePoint <= 0x9FFF;

    @Test
    void ownFontWhereItHasTheGlyphElseTheFallbackElseAReplacementMark() {
        List<Run<String>> runs = FontRuns.split("region 東京 🗼!", "own", LATIN, "fallback", CJK);

        assertEquals(List.of(new Run<>("region ", "own"), new Run<>("東京", "fallback"),
                new Run<>(" \uFFFD!", "own")), runs);
    }

    @Test
    void aControlCharacterIsNeverDrawnEvenWhereAFontMapsIt() {
        List<Run<String>> runs = FontRuns.split("a\u001Bb", "own", codePoint -> true, "fallback", codePoint -> true);

        assertEquals(List.of(new Run<>("a\uFFFDb", "own")), runs);
    }

    @Test
    void theReplacementMarkIsDrawnInTheFallbackWhenOnlyItHasOne() {
        List<Run<String>> runs = FontRuns.split("a🗼", "own", codePoint -> codePoint == 'a', "fallback",
                codePoint -> codePoint == FontRuns.REPLACEMENT);

        assertEquals(List.of(new Run<>("a", "own"), new Run<>("\uFFFD", "fallback")), runs);
    }
}
