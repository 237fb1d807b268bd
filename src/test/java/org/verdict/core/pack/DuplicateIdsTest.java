package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class DuplicateIdsTest {

    /** Each row on its own line below the header. */
    private static final IntToLongFunction LINES_FROM_2 = row -> row + 2L;

    private static ExampleIds ids(int rows, java.util.function.IntFunction<String> idOfRow) {
        ExampleIds.Builder builder = new ExampleIds.Builder(rows);
        for (int row = 0; row < rows; row++) {
            builder.add(idOfRow.apply(row));
        }
        return builder.build();
    }

    /** The check as the reader makes it: each id's fingerprint, then the check over them. */
    private static void check(ExampleIds ids, String fileName, int column) throws PackException {
        long[] fingerprints = new long[ids.size()];
        for (int row = 0; row < fingerprints.length; row++) {
            char[] id = ids.get(row).toCharArray();
            fingerprints[row] = DuplicateIds.fingerprint(id, 0, id.length);
        }
        DuplicateIds.check(fingerprints, ids, LINES_FROM_2, fileName, column);
    }

    /**
     * The fingerprint's first half is String.hashCode (Java's published formula), its second FNV-1a's 32 bits (offset
     * basis 0x811C9DC5, prime 0x01000193), both over the id's characters.
     */
    @Test
    void fingerprintIsTheStringHashBesideFnv1a() {
        char[] text = "xxab".toCharArray();
        // "ab": 31·97 + 98 = 3105; FNV-1a: ((0x811C9DC5 ^ 97) · 0x01000193 ^ 98) · 0x01000193 mod 2^32 = 0x4D2505CA
        assertEquals(3105L << 32 | 0x4D2505CAL, DuplicateIds.fingerprint(text, 2, 2));
        assertEquals(0x811C9DC5L, DuplicateIds.fingerprint(text, 0, 0));
        char[] ticket = "ticket-0042".toCharArray();
        assertEquals("ticket-0042".hashCode(), (int) (DuplicateIds.fingerprint(ticket, 0, ticket.length) >> 32));
    }

    @Test
    void takesDistinctIdsIncludingOnesWhoseStringHashesClash() throws PackException {
        int rows = 300_000;
        check(ids(rows, row -> "ex-" + row), "primary.csv", 1);
        // "Aa" and "BB" have the same String.hashCode, and so do all 2^k words made of them
        String[] clashing = new String[1 << 12];
        for (int word = 0; word < clashing.length; word++) {
            StringBuilder id = new StringBuilder();
            for (int bit = 0; bit < 12; bit++) {
                id.append((word >> bit & 1) == 0 ? "Aa" : "BB");
            }
            clashing[word] = id.toString();
            assertEquals(clashing[0].hashCode(), clashing[word].hashCode());
        }
        assertDoesNotThrow(() -> check(ExampleIds.of(clashing), "primary.csv", 1));
    }

    @Test
    void namesTheRepeatedIdWithBothLinesFarApart() {
        int rows = 250_000;
        ExampleIds ids = ids(rows, row -> row == 240_001 ? "ex-17" : "ex-" + row);
        PackException e = assertThrows(PackException.class,
                () -> check(ids, "primary.csv", 3));
        assertEquals(240_003, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().endsWith("(example_id) 'ex-17' was already used on line 19; example ids must be "
                + "unique"), e.getMessage());
    }

    /**
     * Sorted in parts while the rows are read (as the reader tells it every 65,536 rows, the column possibly moved to a
     * larger array meanwhile), the check names the repeat the one-sort check names: one within a part, one across two
     * parts, one in the rows after the parts, one of a part with those rows; and takes ids whose hashes clash.
     */
    @Test
    void sortedInPartsItNamesWhatTheOneSortNames() throws PackException {
        int rows = 400_000;
        int[][] repeats = {{100_000, 7}, {300_000, 200_000}, {399_000, 380_000}, {390_000, 5}, {-1, -1}};
        for (int[] repeat : repeats) {
            ExampleIds ids = ids(rows, row -> row == repeat[0] ? "ex-" + repeat[1] : "ex-" + row);
            PackException oneSort = null;
            try {
                check(ids, "primary.csv", 2);
            } catch (PackException e) {
                oneSort = e;
            }
            DuplicateIds.Parts parts = new DuplicateIds.Parts();
            long[] fingerprints = new long[1 << 16];
            for (int row = 0; row < rows; row++) {
                if (row == fingerprints.length) {
                    fingerprints = java.util.Arrays.copyOf(fingerprints, 2 * row); // outgrown, as the reader's
                }
                char[] id = ids.get(row).toCharArray();
                fingerprints[row] = DuplicateIds.fingerprint(id, 0, id.length);
                if (((row + 1) & 0xFFFF) == 0) {
                    parts.rowsRead(fingerprints, row + 1, 420_000);
                }
            }
            long[] all = fingerprints;
            PackException inParts = null;
            try {
                parts.check(all, ids, LINES_FROM_2, "primary.csv", 2);
            } catch (PackException e) {
                inParts = e;
            }
            if (repeat[0] < 0) {
                assertEquals(null, oneSort);
                assertEquals(null, inParts);
            } else {
                assertEquals(oneSort.getMessage(), inParts.getMessage());
                assertEquals(repeat[0] + 2L, inParts.line());
            }
        }
        String[] clashing = new String[1 << 17];
        for (int word = 0; word < clashing.length; word++) {
            StringBuilder id = new StringBuilder();
            for (int bit = 0; bit < 17; bit++) {
                id.append((word >> bit & 1) == 0 ? "Aa" : "BB");
            }
            clashing[word] = id.toString();
        }
        ExampleIds clashingIds = ExampleIds.of(clashing);
        DuplicateIds.Parts parts = new DuplicateIds.Parts();
        long[] fingerprints = new long[clashing.length];
        for (int row = 0; row < clashing.length; row++) {
            fingerprints[row] = DuplicateIds.fingerprint(clashing[row].toCharArray(), 0, clashing[row].length());
            if (((row + 1) & 0xFFFF) == 0) {
                parts.rowsRead(fingerprints, row + 1, 100_000);
            }
        }
        long[] all = fingerprints;
        assertDoesNotThrow(() -> parts.check(all, clashingIds, LINES_FROM_2, "primary.csv", 1));
    }

    @Test
    void namesOneOfSeveralRepeatedIdsAtItsSecondLine() {
        ExampleIds ids = ExampleIds.of("a", "b", "c", "b", "d", "a", "b");
        PackException e = assertThrows(PackException.class,
                () -> check(ids, "primary.csv", 1));
        assertTrue(List.of("(example_id) 'a' was already used on line 2; example ids must be unique",
                        "(example_id) 'b' was already used on line 3; example ids must be unique")
                .stream().anyMatch(e.getMessage()::endsWith), e.getMessage());
        assertEquals(e.getMessage().contains("'a'") ? 7 : 5, e.line());
    }
}
