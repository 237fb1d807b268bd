package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RowLinesTest {

    @Test
    void givesBackEveryRowsLineThroughJumpsAndRunsOfRows() {
        long[] lineOfRow = {2, 3, 4, 7, 8, 9, 10, 14, 20, 21};
        RowLines lines = new RowLines();
        for (int row = 0; row < lineOfRow.length; row++) {
            lines.add(row, lineOfRow[row]);
        }
        for (int row = 0; row < lineOfRow.length; row++) {
            assertEquals(lineOfRow[row], lines.lineOf(row), "row " + row);
        }
    }

    @Test
    void aLongRunOfRowsOneLineApartEndsAtItsLastRow() {
        RowLines lines = new RowLines();
        for (int row = 0; row < 1_000_000; row++) {
            lines.add(row, row + 2L + (row >= 999_999 ? 5_000_000_000L : 0));
        }
        assertEquals(2, lines.lineOf(0));
        assertEquals(999_999 + 1, lines.lineOf(999_998));
        assertEquals(999_999 + 2 + 5_000_000_000L, lines.lineOf(999_999));
    }
}
