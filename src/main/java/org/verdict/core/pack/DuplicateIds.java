package org.verdict.core.pack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a repeated example id in a million rows without a million-entry hash set of Strings: each id becomes a
 * 64-bit fingerprint. A primitive open-addressing set of the fingerprints says whether any two are equal (one pass,
 * no sort); only then are the fingerprints sorted and equal neighbours compared as strings, which names the same
 * repeated id whatever the order the set met them in.
 */
final class DuplicateIds {
    private DuplicateIds() {
    }

    /** @param lines the CSV line of each row, for the message */
    static void check(ExampleIds ids, long[] lines, String fileName, int column) throws PackException {
        if (allFingerprintsDistinct(ids)) {
            return;
        }
        long[] fingerprints = new long[ids.size()];
        for (int row = 0; row < fingerprints.length; row++) {
            fingerprints[row] = fingerprint(ids, row);
        }
        long[] sorted = fingerprints.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1] && (k == 1 || sorted[k - 2] != sorted[k])) {
                reportRepeatedId(sorted[k], fingerprints, ids, lines, fileName, column);
            }
        }
    }

    /** Two independent 32-bit string hashes side by side; a clash of both is ~1 in 2^64 per pair. */
    private static long fingerprint(ExampleIds ids, int row) {
        return ((long) ids.hash(row) << 32) | (ids.fnvHash(row) & 0xFFFFFFFFL);
    }

    /**
     * Whether no two rows share a fingerprint: a set at most two thirds full, linear probing, 0 marking a free slot (the
     * fingerprint 0 itself is counted apart).
     */
    private static boolean allFingerprintsDistinct(ExampleIds ids) {
        int rows = ids.size();
        // at most two thirds full: a million rows take 2^21 slots (16 MB), as many bytes as the sort's two arrays
        int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(rows + (long) rows / 2));
        long[] slots = new long[1 << bits];
        int mask = slots.length - 1;
        boolean zeroSeen = false;
        for (int row = 0; row < rows; row++) {
            long fingerprint = fingerprint(ids, row);
            if (fingerprint == 0) {
                if (zeroSeen) {
                    return false;
                }
                zeroSeen = true;
                continue;
            }
            // the string hashes' low bits are poorly spread for ids like "ex-123": mix before taking a slot
            long mixed = fingerprint * 0x9E3779B97F4A7C15L;
            int slot = (int) (mixed >>> (64 - bits));
            for (long held = slots[slot]; held != 0; held = slots[slot]) {
                if (held == fingerprint) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = fingerprint;
        }
        return true;
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
