package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.terminal.TerminalTable;
import org.verdict.cli.terminal.TerminalWidth;
import org.verdict.core.pack.PackFixture;

/** Terminal columns by East_Asian_Width and emoji presentation, and the compare table padded by them. */
class TerminalWidthTest {
    @TempDir
    Path folder;

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        // values from EastAsianWidth.txt: 東 京 W, 한 W, ｱ (halfwidth katakana) H, Ａ (fullwidth A) F, 🗼 W
        assertEquals(4, TerminalWidth.of("東京"));
        assertEquals(2, TerminalWidth.of("한"));
        assertEquals(1, TerminalWidth.of("ｱ"));
        assertEquals(2, TerminalWidth.of("Ａ"));
        assertEquals(2, TerminalWidth.of("🗼"));
        assertEquals(2, TerminalWidth.of("😀"));
        // edges of the ranges: ㉈ (U+3248) is Ambiguous, one column, beside the Wide ㉐ (U+3250); 〿 (U+303F) is narrow
        assertEquals(1, TerminalWidth.of("\u3248"));
        assertEquals(2, TerminalWidth.of("\u3250"));
        assertEquals(1, TerminalWidth.of("\u303F"));
        assertEquals(2, TerminalWidth.of("\u3000"));
        assertEquals(7, TerminalWidth.of("東京 🗼"));
        // Latin, Greek, Arabic, box drawing and the table's own marks are one column each
        assertEquals(6, TerminalWidth.of("Zürich"));
        assertEquals(4, TerminalWidth.of("Δ ▼−"));
        assertEquals(7, TerminalWidth.of("العربية"));
        // NFD: u + combining diaeresis is one column, as NFC ü is
        assertEquals(6, TerminalWidth.of("Zu\u0308rich"));
        // a text heart is one column, asked for as an emoji (U+FE0F) two; a zero-width joiner takes none
        assertEquals(1, TerminalWidth.of("❤"));
        assertEquals(2, TerminalWidth.of("❤\uFE0F"));
        assertEquals(0, TerminalWidth.of("\u200D"));
        // a control character is printed as the escape \x1B, four columns
        assertEquals(4, TerminalWidth.of("\u001B"));
    }

    @Test
    void paddingCountsColumns() {
        assertEquals("東京  |", TerminalTable.padRight("東京", 6) + "|");
        assertEquals("  東京|", TerminalTable.padLeft("東京", 6) + "|");
        assertEquals("東京 🗼|", TerminalTable.padRight("東京 🗼", 3) + "|");
    }

    @Test
    void theCompareTableLinesUpRowsWithJapaneseAndEmoji() {
        StringBuilder csv = new StringBuilder("example_id,label,region,score_7,score_8\n");
        List<String> regions = List.of("eu", "東京 🗼", "Zu\u0308rich", "서울");
        Random random = new Random(7);
        for (int row = 0; row < 400; row++) {
            boolean fraud = random.nextDouble() < 0.3;
            csv.append('t').append(row).append(',').append(fraud ? "fraud" : "ok").append(',')
                    .append(regions.get(row % regions.size())).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.3f,%.3f%n",
                            Math.min(1, random.nextDouble() * 0.6 + (fraud ? 0.4 : 0)),
                            Math.min(1, random.nextDouble() * 0.6 + (fraud ? 0.35 : 0))));
        }
        Path pack = PackFixture.write(folder.resolve("regions"), PackFixture.BINARY_MANIFEST, csv.toString());

        CliRun run = CliRun.verdict("compare", pack.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.out().lines().filter(line -> line.startsWith("overall") || line.startsWith("region="))
                .toList();
        assertEquals(5, rows.size(), run.out());
        // every row's n ends in the same terminal column, and so does every verdict's start
        String header = run.out().lines().filter(line -> line.startsWith("slice")).findFirst().orElseThrow();
        int nEnds = TerminalWidth.of(header.substring(0, header.indexOf(" n ") + 2));
        for (String row : rows) {
            String beforeN = row.substring(0, row.indexOf(" 100 ") >= 0 ? row.indexOf(" 100 ") + 4
                    : row.indexOf(" 400 ") + 4);
            assertEquals(nEnds, TerminalWidth.of(beforeN), "n lines up in:\n" + run.out());
        }
    }
}
