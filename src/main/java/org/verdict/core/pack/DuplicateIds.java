package org.verdict.core.pack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a repeated example id in a million rows without a million-entry hash set: each id becomes a
 * 64-bit fingerprint, the primitive array is sorted once, and only equal neighbours are compared as strings.
 */
final class DuplicateIds {
    private DuplicateIds() {
    }

    /** @param lines the CSV line of each row, for the message */
    static void check(ExampleIds ids, long[] lines, String fileName, int column) throws PackException {
        long[] fingerprints = new long[ids.size()];
        for (int row = 0; row < fingerprints.length; row++) {
            // two independent 32-bit string hashes side by side; a clash of both is ~1 in 2^64 per pair
            fingerprints[row] = ((long) ids.hash(row) << 32) | (ids.fnvHash(row) & 0xFFFFFFFFL);
        }
        long[] sorted = fingerprints.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1] && (k == 1 || sorted[k - 2] != sorted[k])) {
                reportRepeatedId(sorted[k], fingerprints, ids, lines, fileName, column);
            }
        }
    }

    /** Rows sharing a fingerprint are rare: compare their ids exactly, fail on the first real repeat. */
    private static void reportRepeatedId(long fingerprint, long[] fingerprints, ExampleIds ids, long[] lines,
                                         String fileName, int column) throws PackException {
        Map<String, Integer> firstRow = new HashMap<>();
        for (int row = 0; row < fingerprints.length; row++) {
            if (fingerprints[row] != fingerprint) {
                continue;
            }
            String id = ids.get(row);
            Integer earlier = firstRow.putIfAbsent(id, row);
            if (earlier != null) {
                throw new PackException(fileName, lines[row], column,
                        RowProblems.repeatedExampleId(id, "line " + lines[earlier]));
            }
        }
    }
}
