package org.verdict.core.stats;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** Every row's block, in row order (the ids hashed in parallel). */
    public static int[] blocksOf(ExampleIds ids, long seed, int blocks) {
        int[] block = new int[ids.size()];
        ThreadLocal<Hasher> hasher = ThreadLocal.withInitial(() -> new Hasher(seed, blocks));
        IntStream.range(0, ids.size()).parallel().forEach(row -> block[row] = hasher.get().blockOf(ids.get(row)));
        return block;
    }

    /** One thread's digest, the seed's bytes and the digest's buffer, reused for every id it hashes. */
    private static final class Hasher {
        private final MessageDigest digest = md5();
        private final byte[] suffix;
        private final byte[] hash = new byte[16];
        private final int blocks;

        Hasher(long seed, int blocks) {
            this.suffix = (":" + seed).getBytes(StandardCharsets.UTF_8);
            this.blocks = blocks;
        }

        int blockOf(String exampleId) {
            digest.update(exampleId.getBytes(StandardCharsets.UTF_8));
            digest.update(suffix);
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
