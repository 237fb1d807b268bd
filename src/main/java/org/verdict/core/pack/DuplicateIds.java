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

    /**
     * @param fingerprints each row's {@link #fingerprint} in its first {@code ids.size()} places (a reader makes them
     *                     as it reads each id, its characters at hand); sorted here, in place
     * @param lineOf       the CSV line of a row, for the message
     */
    static void check(long[] fingerprints, ExampleIds ids, IntToLongFunction lineOf, String fileName, int column)
            throws PackException {
        check(fingerprints, ids.size(), new long[0], 0, ids, lineOf, fileName, column);
    }

    /**
     * The check of a table read in two parts, each with its own fingerprints, without an array of them all: each part's
     * sorted in place, then both walked in one ascending order, so the repeat found is the one a single sorted array
     * gives.
     *
     * @param rows     the first part's rows, the first of {@code ids}
     * @param nextRows the second part's rows, the rest of {@code ids}
     */
    static void check(long[] fingerprints, int rows, long[] nextFingerprints, int nextRows, ExampleIds ids,
                      IntToLongFunction lineOf, String fileName, int column) throws PackException {
        Arrays.sort(fingerprints, 0, rows);
        Arrays.sort(nextFingerprints, 0, nextRows);
        int i = 0;
        int j = 0;
        while (i < rows || j < nextRows) {
            long lowest = j == nextRows || i < rows && fingerprints[i] <= nextFingerprints[j]
                    ? fingerprints[i] : nextFingerprints[j];
            int times = 0;
            for (; i < rows && fingerprints[i] == lowest; i++) {
                times++;
            }
            for (; j < nextRows && nextFingerprints[j] == lowest; j++) {
                times++;
            }
            if (times > 1) {
                reportRepeatedId(lowest, ids, lineOf, fileName, column);
            }
        }
    }

    /**
     * The fingerprint of the id {@code chars[offset, offset + length)}: two independent 32-bit hashes of its characters
     * side by side, String.hashCode's and FNV-1a's; a clash of both is ~1 in 2^64 per pair.
     */
    static long fingerprint(char[] chars, int offset, int length) {
        int hash = 0;
        int fnv = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
            fnv = (fnv ^ chars[i]) * 0x01000193;
        }
        return ((long) hash << 32) | (fnv & 0xFFFFFFFFL);
    }

    /** Rows sharing a fingerprint are rare: compare their ids exactly, fail on the first real repeat. */
    private static void reportRepeatedId(long fingerprint, ExampleIds ids, IntToLongFunction lineOf,
                                         String fileName, int column) throws PackException {
        Map<String, Integer> firstRow = new HashMap<>();
        Fingerprinter fingerprinter = new Fingerprinter();
        for (int row = 0; row < ids.size(); row++) {
            if (fingerprinter.of(ids, row) != fingerprint) {
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

    /** Fingerprints stored ids one after the other through one buffer of characters, without a String each. */
    private static final class Fingerprinter {
        private char[] chars = new char[64];

        long of(ExampleIds ids, int row) {
            int length = ids.length(row);
            if (length > chars.length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            ids.copy(row, chars);
            return fingerprint(chars, 0, length);
        }
    }
}
