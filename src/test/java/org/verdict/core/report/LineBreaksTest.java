package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreaksTest {
    private static final String NB = String.valueOf(LineBreaks.NO_BREAK_SPACE);

    @Test
    void aLoneValueMayGoOverItsIntervalWhichStaysWhole() {
        assertEquals("0.832 [0.826," + NB + "0.838]", LineBreaks.keepIntervalsWhole("0.832 [0.826, 0.838]"));
    }

    @Test
    void inAPairEachValueKeepsItsIntervalAndTheLineBreaksAfterTheSlashOnly() {
        assertEquals("0.412" + NB + "[0.398," + NB + "0.426]" + NB + "/ 0.383" + NB + "[0.369," + NB + "0.397]",
                LineBreaks.keepIntervalsWhole("0.412 [0.398, 0.426] / 0.383 [0.369, 0.397]"));
        assertEquals("–" + NB + "/ 0.383" + NB + "[0.369," + NB + "0.397]",
                LineBreaks.keepIntervalsWhole("– / 0.383 [0.369, 0.397]"));
    }

    @Test
    void countsAndDeltasWithoutAPairOfIntervalsBreakAsBefore() {
        assertEquals("9 / 15", LineBreaks.keepIntervalsWhole("9 / 15"));
        assertEquals("+0.043 [+0.020," + NB + "+0.084] at 98.75%",
                LineBreaks.keepIntervalsWhole("+0.043 [+0.020, +0.084] at 98.75%"));
    }

    @Test
    void thePackBreaksAPairAfterTheSlashOnlyUnlessTheTableCannotAffordIt() {
        String pair = "0.260 [0.251, 0.269] / 0.228 [0.220, 0.237]";
        assertEquals(List.of("0.260 [0.251, 0.269] /", "0.228 [0.220, 0.237]"), LineBreaks.words(pair));
        assertEquals(List.of("0.260", "[0.251, 0.269]", "/", "0.228", "[0.220, 0.237]"),
                LineBreaks.Keep.INTERVALS.words(pair));
        assertEquals(List.of("0.260", "[0.251,", "0.269]", "/", "0.228", "[0.220,", "0.237]"),
                LineBreaks.Keep.NOTHING.words(pair));
        // prose holding a "/" and an interval breaks as prose: only its interval is whole
        assertEquals(List.of("slice", "tested", "alone", "[−0.013, +0.038];", "ratio", "min", "/", "max"),
                LineBreaks.words("slice tested alone [−0.013, +0.038]; ratio min / max"));
    }
}
