package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a record reference given on the command line is read: sequence number, or id prefix of six digits or more. */
class RecordReferenceTest {
    private static final String DIGITS_ID = "124578e2dc57" + "0".repeat(52);
    private static final String HEX_ID = "aeb291f4a869" + "1".repeat(52);

    private static LogSnapshot log(String... ids) {
        List<LoggedRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            records.add(new LoggedRecord(i + 1, ids[i], "application/json", new byte[0], "2026-12-06T00:00:00Z",
                    List.of()));
        }
        return new LogSnapshot("origin", 3, records, List.of(), null, List.of());
    }

    @Test
    void sixDecimalDigitsThatAreNoSequenceNumberAreReadAsAnIdPrefix() throws LedgerException {
        assertEquals(2, log(HEX_ID, DIGITS_ID).find("124578").sequence());
    }

    @Test
    void aShortNumberOrOneWithAHashIsASequenceNumberAndTheErrorSaysSo() throws LedgerException {
        assertEquals(1, log(HEX_ID, DIGITS_ID).find("1").sequence());
        LedgerException hashed = assertThrows(LedgerException.class, () -> log(HEX_ID, DIGITS_ID).find("#124578"));
        assertTrue(hashed.getMessage().contains("no record #124578") && hashed.getMessage().contains("read as a"
                + " sequence number"), hashed.getMessage());
        LedgerException shortNumber = assertThrows(LedgerException.class, () -> log(HEX_ID).find("12"));
        assertTrue(shortNumber.getMessage().contains("read as a sequence number (an id prefix needs at least 6 hex"
                + " digits)"), shortNumber.getMessage());
    }

    @Test
    void digitsThatAreNeitherSayBothReadings() {
        LedgerException neither = assertThrows(LedgerException.class, () -> log(HEX_ID, DIGITS_ID).find("999999"));
        assertTrue(neither.getMessage().contains("read as an id prefix: no record #999999 either"),
                neither.getMessage());
    }
}
