package org.verdict.core.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
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
        new Parts().check(fingerprints, ids, lineOf, fileName, column);
    }

    /**
     * The check sorted part by part while a file is read: at about 60 % and 90 % of the rows expected the rows since
     * the last part are sorted in place on the common pool (the core the parse leaves idle on two cores), so that what
     * is left after the last row is to sort the rest and walk the sorted parts side by side, not to sort every row. The
     * parts' rows are never written again by the reader (it writes only the rows after them; an array it outgrows is
     * copied, and each part is read from the array it was sorted in). Told on the reading thread.
     */
    static final class Parts {
        /** Where a part ends, as a share of the rows expected; the rows after the last are sorted at the end. */
        private static final double[] PART_ENDS = {0.6, 0.9};

        private final List<Part> parts = new ArrayList<>();
        /** The rows the parts so far hold: the next part begins here. */
        private int partsEnd;

        /** The first {@code rows} fingerprints are made: a part is sorted when one is due. */
        void rowsRead(long[] fingerprints, int rows, long expectedRows) {
            if (expectedRows <= 0 || parts.size() == PART_ENDS.length || rows < PART_ENDS[parts.size()] * expectedRows) {
                return;
            }
            Part part = new Part(fingerprints, partsEnd, rows);
            parts.add(part);
            partsEnd = rows;
            ForkJoinPool.commonPool().execute(part.sorting);
        }

        /**
         * Checks every row's fingerprint once all are made, the rest of them sorted here: fingerprints met twice in
         * ascending order, the smallest first, each such fingerprint's rows compared as strings.
         *
         * @param fingerprints the fingerprints of the rows after the parts (an earlier part's array may be another)
         */
        void check(long[] fingerprints, ExampleIds ids, IntToLongFunction lineOf, String fileName, int column)
                throws PackException {
            Part rest = new Part(fingerprints, partsEnd, ids.size());
            parts.add(rest);
            for (Part part : parts) {
                part.sorted();
            }
            // the parts side by side, the smallest head taken each time: every fingerprint in ascending order
            int[] next = new int[parts.size()];
            boolean first = true;
            long previous = 0;
            boolean reported = false;
            while (true) {
                int smallest = -1;
                for (int p = 0; p < parts.size(); p++) {
                    Part part = parts.get(p);
                    if (next[p] < part.to - part.from && (smallest < 0
                            || part.at(next[p]) < parts.get(smallest).at(next[smallest]))) {
                        smallest = p;
                    }
                }
                if (smallest < 0) {
                    return;
                }
                long fingerprint = parts.get(smallest).at(next[smallest]++);
                if (!first && fingerprint == previous) {
                    if (!reported) {
                        reportRepeatedId(fingerprint, ids, lineOf, fileName, column);
                        reported = true;
                    }
                } else {
                    reported = false;
                }
                first = false;
                previous = fingerprint;
            }
        }
    }

    /** Rows {@code [from, to)} of a fingerprint array, sorted there in place. */
    private static final class Part {
        private final long[] fingerprints;
        private final int from;
        private final int to;
        private final FutureTask<Void> sorting;

        Part(long[] fingerprints, int from, int to) {
            this.fingerprints = fingerprints;
            this.from = from;
            this.to = to;
            this.sorting = new FutureTask<>(() -> Arrays.sort(fingerprints, from, to), null);
        }

        /** Waits until the part is sorted, sorting it here if no thread has begun. */
        void sorted() {
            sorting.run();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        sorting.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true; // a sort is short: finish waiting, keep the interrupt
                    }
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("sorting the id fingerprints failed", e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        long at(int k) {
            return fingerprints[from + k];
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
