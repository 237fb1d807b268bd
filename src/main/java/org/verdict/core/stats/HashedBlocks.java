package org.verdict.core.stats;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.verdict.core.pack.ExampleIds;

/**
 * The bootstrap block of an example, dealt by a hash of its id and the seed rather than by a shuffle, so that the row
 * engine and the summary SQL (DuckDB, Spark) put every example in the same block and resample the same block sums:
 * the first 60 bits of MD5(UTF-8 of id + ":" + seed), read as a hexadecimal number, modulo the number of blocks. MD5
 * because every SQL engine computes it identically from a string (DuckDB's {@code hash} and Spark's {@code xxhash64}
 * differ from each other and from any JDK function); 60 bits so the number fits a signed BIGINT in every dialect.
 */
public final class HashedBlocks {
    /** Rows hashed by one task of the parallel hashing. */
    private static final int RUN = 1 << 15;

    /**
     * The last blocks per table's ids, while the table lives (done or being hashed): the app compares one table several
     * times (its Compare view, the gate review, each change of options), and a million ids take about 0.1 – 0.3 s of
     * CPU to hash. One instance per owner (the comparison engine the composition root makes), not per process, so
     * whoever makes it decides how long the blocks are kept and with whom they are shared.
     */
    private final Map<ExampleIds, Hashing> lastBlocks = new WeakHashMap<>();

    /** The block in [0, blocks) of one example. */
    public static int blockOf(String exampleId, long seed, int blocks) {
        return new Hasher(seed, blocks).blockOf(exampleId);
    }

    /**
     * The first 60 bits of MD5(UTF-8 of text) as a number: what SQL reads as the hexadecimal number of
     * {@code substr(md5(text), 1, 15)}, in every dialect alike.
     */
    public static long md5Number(String text) {
        return first60Bits(md5().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static long first60Bits(byte[] md5) {
        long first64 = 0;
        for (int i = 0; i < 8; i++) {
            first64 = first64 << 8 | (md5[i] & 0xFF);
        }
        return first64 >>> 4;
    }

    /**
     * Every row's block, in row order: those {@link #hashAsRead} began (what is left of them hashed here too), or
     * hashed now in parallel. Once per ids, seed and number of blocks: the array is shared by every caller with the
     * same arguments, so it must not be modified.
     */
    public int[] blocksOf(ExampleIds ids, long seed, int blocks) {
        Hashing hashing;
        boolean started;
        synchronized (lastBlocks) {
            hashing = lastBlocks.get(ids);
            started = hashing != null && hashing.isFor(seed, blocks);
            if (!started) {
                hashing = new Hashing(seed, blocks);
                hashing.rowsAre(ids.size());
                lastBlocks.put(ids, hashing);
            }
        }
        if (!started) {
            // both cores (the common pool's workers and this thread) take runs of rows until none is left
            Hashing fresh = hashing;
            IntStream.rangeClosed(0, ForkJoinPool.getCommonPoolParallelism()).parallel().forEach(i -> fresh.help(ids));
        }
        return hashing.await(ids);
    }

    /**
     * Hashes a table's blocks while it is read, for a caller that knows they will be asked for (the command line):
     * the rows read so far on the common pool, which on two cores is the core the parse leaves idle (or that the
     * second part of a file read in two parts shares), so the blocks are ready about when the rows are.
     */
    public AsRead hashAsRead(long seed, int blocks) {
        return new AsRead(new Hashing(seed, blocks));
    }

    /** The hashing of one table's blocks as its ids are read. */
    public final class AsRead {
        private final Hashing hashing;

        private AsRead(Hashing hashing) {
            this.hashing = hashing;
        }

        /** Hashes, on the common pool, the whole runs of rows among these ids (the rows read so far) not yet hashed. */
        public void idsRead(ExampleIds soFar) {
            ForkJoinPool.commonPool().execute(() -> hashing.help(soFar));
        }

        /**
         * The table's ids, all read: the blocks are now those of {@link #blocksOf} for them, and what is left of them is
         * hashed on the common pool and by whoever asks for them first.
         */
        public void allRead(ExampleIds ids) {
            hashing.rowsAre(ids.size());
            synchronized (lastBlocks) {
                Hashing last = lastBlocks.get(ids);
                if (last != null && last.isFor(hashing.seed, hashing.blocks)) {
                    return;
                }
                lastBlocks.put(ids, hashing);
            }
            ForkJoinPool.commonPool().execute(() -> hashing.help(ids));
        }
    }

    /**
     * The blocks of one table's ids for one seed and number of blocks, hashed by runs of rows that any thread may
     * claim in order: the common pool while the ids are read ({@link AsRead}), and whoever asks for the blocks before
     * they are done. Each run's blocks are kept apart until the blocks are asked for, since how many rows the table has
     * is known only once it is read. It holds no reference to the ids (the map of last blocks holds them weakly).
     */
    private static final class Hashing {
        private final long seed;
        private final int blocks;
        private final AtomicInteger nextRun = new AtomicInteger();
        /** The table's rows, once all its ids are read; -1 until then. */
        private volatile int rows = -1;
        /** Each hashed run's blocks, by run, until they are put together. */
        private int[][] runBlocks = new int[16][];
        private int runsDone;
        /** Every row's block, once asked for and every run is hashed. */
        private int[] blockOfRow;
        private volatile Throwable failure;

        Hashing(long seed, int blocks) {
            this.seed = seed;
            this.blocks = blocks;
        }

        boolean isFor(long seed, int blocks) {
            return this.seed == seed && this.blocks == blocks && failure == null;
        }

        void rowsAre(int rows) {
            this.rows = rows;
        }

        /**
         * Hashes runs of these ids' rows no thread has claimed yet, until none is left: whole runs only, unless these are
         * all the table's ids. Each run a plain loop.
         */
        void help(ExampleIds ids) {
            int size = ids.size();
            int hashable = size == rows ? size : size - size % RUN;
            Hasher hasher = null;
            for (int run = nextRun.get(); (long) run * RUN < hashable; run = nextRun.get()) {
                if (!nextRun.compareAndSet(run, run + 1)) {
                    continue;
                }
                int from = run * RUN;
                int[] blockOfRunRow = new int[Math.min(hashable - from, RUN)];
                try {
                    if (hasher == null) {
                        hasher = new Hasher(seed, blocks);
                    }
                    for (int i = 0; i < blockOfRunRow.length; i++) {
                        blockOfRunRow[i] = hasher.blockOf(ids, from + i);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    hashed(run, blockOfRunRow);
                }
            }
        }

        private synchronized void hashed(int run, int[] blockOfRunRow) {
            if (run >= runBlocks.length) {
                runBlocks = Arrays.copyOf(runBlocks, Math.max(run + 1, 2 * runBlocks.length));
            }
            runBlocks[run] = blockOfRunRow;
            runsDone++;
            notifyAll();
        }

        /**
         * Hashes what is left of these ids (all the table's), waits for runs other threads are still hashing, and returns
         * every row's block.
         */
        int[] await(ExampleIds ids) {
            help(ids);
            int runs = (ids.size() + RUN - 1) / RUN;
            synchronized (this) {
                boolean interrupted = false;
                while (runsDone < runs) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the other threads' runs are short: finish waiting, keep the interrupt
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (failure != null) {
                    throw new IllegalStateException("hashing the example ids into bootstrap blocks failed", failure);
                }
                if (blockOfRow == null) {
                    blockOfRow = new int[ids.size()];
                    for (int run = 0; run < runs; run++) {
                        System.arraycopy(runBlocks[run], 0, blockOfRow, run * RUN, runBlocks[run].length);
                    }
                    runBlocks = null;
                }
                return blockOfRow;
            }
        }
    }

    /**
     * A digest, the seed's bytes and the buffers, reused for every id one task hashes. A table's ids are hashed from
     * their characters, the id and the suffix in one update, without a String and a byte array per id (two million
     * short-lived objects per million ids; the digest itself costs as much either way).
     */
    private static final class Hasher {
        private final MessageDigest digest = md5();
        private final byte[] suffix;
        private final byte[] hash = new byte[16];
        private final int blocks;
        private char[] characters = new char[64];
        private byte[] message = new byte[64];

        Hasher(long seed, int blocks) {
            this.suffix = (":" + seed).getBytes(StandardCharsets.UTF_8);
            this.blocks = blocks;
        }

        int blockOf(String exampleId) {
            digest.update(exampleId.getBytes(StandardCharsets.UTF_8));
            digest.update(suffix);
            return blockOfDigest();
        }

        int blockOf(ExampleIds ids, int row) {
            int length = ids.length(row);
            if (characters.length < length) {
                characters = new char[length];
            }
            ids.copy(row, characters);
            if (message.length < length + suffix.length) {
                message = new byte[length + suffix.length];
            }
            for (int i = 0; i < length; i++) {
                char c = characters[i];
                if (c >= 0x80) {
                    return blockOf(new String(characters, 0, length)); // not ASCII: the JDK's UTF-8 encoder
                }
                message[i] = (byte) c; // ASCII: its UTF-8 byte is its code
            }
            System.arraycopy(suffix, 0, message, length, suffix.length);
            digest.update(message, 0, length + suffix.length);
            return blockOfDigest();
        }

        private int blockOfDigest() {
            try {
                digest.digest(hash, 0, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException("an MD5 digest is 16 bytes", e);
            }
            return (int) (first60Bits(hash) % blocks);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
