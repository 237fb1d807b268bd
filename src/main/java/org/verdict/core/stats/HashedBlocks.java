package org.verdict.core.stats;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
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
    private HashedBlocks() {
    }

    /** The block in [0, blocks) of one example. */
    public static int blockOf(String exampleId, long seed, int blocks) {
        return new Hasher(seed, blocks).blockOf(exampleId);
    }

    /**
     * The last blocks computed per table's ids, while the table lives: the app compares one table several times (its
     * Compare view, the gate review, each change of options), and a million ids take about 0.1 – 0.3 s of CPU to hash.
     */
    private static final Map<ExampleIds, TableBlocks> LAST_BLOCKS = Collections.synchronizedMap(new WeakHashMap<>());
    /** Rows hashed by one task of the parallel hashing. */
    private static final int RUN = 1 << 15;

    private record TableBlocks(long seed, int blocks, int[] blockOfRow) {
    }

    /**
     * Every row's block, in row order (the ids hashed in parallel, once per ids, seed and number of blocks: the
     * array is shared by every caller with the same arguments, so it must not be modified).
     */
    public static int[] blocksOf(ExampleIds ids, long seed, int blocks) {
        TableBlocks last = LAST_BLOCKS.get(ids);
        if (last != null && last.seed() == seed && last.blocks() == blocks) {
            return last.blockOfRow();
        }
        int[] block = hash(ids, seed, blocks);
        LAST_BLOCKS.put(ids, new TableBlocks(seed, blocks, block));
        return block;
    }

    private static int[] hash(ExampleIds ids, long seed, int blocks) {
        int[] block = new int[ids.size()];
        // in parallel by runs of rows, each run a plain loop: a parallel stream of single rows runs its per-row loop
        // in the JDK's stream code, which the JIT compiles again for every lambda a process streams through it
        int runs = (ids.size() + RUN - 1) / RUN;
        IntStream.range(0, runs).parallel().forEach(run -> {
            Hasher hasher = new Hasher(seed, blocks);
            for (int row = run * RUN; row < Math.min(ids.size(), (run + 1) * RUN); row++) {
                block[row] = hasher.blockOf(ids, row);
            }
        });
        return block;
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
            long first64 = 0;
            for (int i = 0; i < 8; i++) {
                first64 = first64 << 8 | (hash[i] & 0xFF);
            }
            return (int) ((first64 >>> 4) % blocks);
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
