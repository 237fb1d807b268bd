package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    /**
     * A table read in two parts is checked over each part's fingerprints: wherever the parts are cut, and wherever the
     * repeats are (within a part, across them, several), it names the repeat the check over one array names, or none.
     */
    @Test
    void twoPartsNameTheRepeatOneArrayNames() throws PackException {
        List<List<String>> tables = List.of(List.of("a", "b", "c", "b", "d", "a", "b"), List.of("a", "b", "c", "d"),
                List.of("x", "y", "z", "x"), List.of("p", "q", "q", "r"), List.of("Aa", "BB", "AaAa", "BBBB", "BB"));
        for (List<String> table : tables) {
            ExampleIds ids = ExampleIds.of(table.toArray(String[]::new));
            long[] all = new long[table.size()];
            for (int row = 0; row < all.length; row++) {
                all[row] = DuplicateIds.fingerprint(table.get(row).toCharArray(), 0, table.get(row).length());
            }
            String onePass = refusal(() -> DuplicateIds.check(all.clone(), ids, LINES_FROM_2, "primary.csv", 1));
            for (int cut = 0; cut <= all.length; cut++) {
                long[] first = Arrays.copyOf(all, cut + 3); // longer than its rows, as a reader's columns
                long[] second = Arrays.copyOfRange(all, cut, all.length + 2);
                int rows = cut;
                assertEquals(onePass, refusal(() -> DuplicateIds.check(first, rows, second, all.length - rows, ids,
                        LINES_FROM_2, "primary.csv", 1)), table + " cut at " + cut);
            }
        }
    }

    private interface Check {
        void run() throws PackException;
    }

    private static String refusal(Check check) {
        try {
            check.run();
            return null;
        } catch (PackException e) {
            return e.getMessage();
        }
    }
}
