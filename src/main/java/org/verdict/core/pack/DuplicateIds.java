package org.verdict.core.pack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Finds a repeated example id in a million rows without a million-entry hash set: each id becomes a
 * 64-bit fingerprint, the primitive array is sorted once, and only equal neighbours are compared as strings.
 * Only the sorted array is kept (80 MB for ten million rows): the rare rows of a shared fingerprint are found by
 * fingerprinting the ids again.
 */
final class DuplicateIds {
    private DuplicateIds() {
    }

    /** @param lineOf the CSV line of a row, for the message */
    static void check(ExampleIds ids, IntToLongFunction lineOf, String fileName, int column) throws PackException {
        long[] sorted = new long[ids.size()];
        for (int row = 0; row < sorted.length; row++) {
            sorted[row] = fingerprint(ids, row);
        }
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1] && (k == 1 || sorted[k - 2] != sorted[k])) {
                reportRepeatedId(sorted[k], ids, lineOf, fileName, column);
            }
        }
    }

    /** Two independent 32-bit string hashes side by side; a clash of both is ~1 in 2^64 per pair. */
    private static long fingerprint(ExampleIds ids, int row) {
        return ((long) ids.hash(row) << 32) | (ids.fnvHash(row) & 0xFFFFFFFFL);
    }

    /** Rows sharing a fingerprint are rare: compare their ids exactly, fail on the first real repeat. */
    private static void reportRepeatedId(long fingerprint, ExampleIds ids, IntToLongFunction lineOf,
                                         String fileName, int column) throws PackException {
        Map<String, Integer> firstRow = new HashMap<>();
        for (int row = 0; row < ids.size(); row++) {
            if (fingerprint(ids, row) != fingerprint) {
                continue;
            }
            String id = ids.get(row);
            Integer earlier = firstRow.putIfAbsent(id, row);
            if (earlier != null) {
                throw new PackException(fileName, lineOf.applyAsLong(row), column,
                        RowProblems.repeatedExampleId(id, "line " + lineOf.applyAsLong(earlier)));
            }
        }
    }
}
