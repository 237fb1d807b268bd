package org.verdict.core.stats;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
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
     * Every row's block, in row order: those {@link #startHashing} began (what is left of them hashed here too), or
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
                hashing = new Hashing(ids.size(), seed, blocks);
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
     * Starts hashing every row's block on a thread of its own, so a caller that knows the blocks will be asked for
     * (the command line, once a table's rows are read) has them hashed on another core while it does other work.
     */
    public void startHashing(ExampleIds ids, long seed, int blocks) {
        Hashing hashing = new Hashing(ids.size(), seed, blocks);
        synchronized (lastBlocks) {
            Hashing last = lastBlocks.get(ids);
            if (last != null && last.isFor(seed, blocks)) {
                return;
            }
            lastBlocks.put(ids, hashing);
        }
        Thread thread = new Thread(() -> hashing.help(ids), "verdict-block-hashing");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The blocks of one table's ids for one seed and number of blocks, hashed by runs of rows that any thread may
     * claim: the thread {@link #startHashing} started, and whoever asks for the blocks before they are done. It holds
     * no reference to the ids (the map of last blocks holds them weakly).
     */
    private static final class Hashing {
        private final long seed;
        private final int blocks;
        private final int[] blockOfRow;
        private final int runs;
        private final AtomicInteger nextRun = new AtomicInteger();
        /** Counted down as each run ends, so the rows every thread wrote are seen by the thread that awaits them. */
        private final CountDownLatch runsLeft;
        private volatile Throwable failure;

        Hashing(int rows, long seed, int blocks) {
            this.seed = seed;
            this.blocks = blocks;
            this.blockOfRow = new int[rows];
            this.runs = (rows + RUN - 1) / RUN;
            this.runsLeft = new CountDownLatch(runs);
        }

        boolean isFor(long seed, int blocks) {
            return this.seed == seed && this.blocks == blocks && failure == null;
        }

        /** Hashes runs of rows no thread has claimed yet, until none is left; each run a plain loop. */
        void help(ExampleIds ids) {
            Hasher hasher = null;
            for (int run = nextRun.getAndIncrement(); run < runs; run = nextRun.getAndIncrement()) {
                try {
                    if (hasher == null) {
                        hasher = new Hasher(seed, blocks);
                    }
                    int end = Math.min(blockOfRow.length, (run + 1) * RUN);
                    for (int row = run * RUN; row < end; row++) {
                        blockOfRow[row] = hasher.blockOf(ids, row);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    runsLeft.countDown();
                }
            }
        }

        /** Hashes what is left, waits for runs other threads are still hashing, and returns every row's block. */
        int[] await(ExampleIds ids) {
            help(ids);
            boolean interrupted = false;
            while (runsLeft.getCount() > 0) {
                try {
                    runsLeft.await();
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
            return blockOfRow;
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
