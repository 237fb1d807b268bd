package org.verdict.core.stats;

import java.nio.charset.StandardCharsets;
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
        return blockOf(md5(), exampleId, seed, blocks);
    }

    /** Every row's block, in row order (the ids hashed in parallel: a million take about a second on one core). */
    public static int[] blocksOf(ExampleIds ids, long seed, int blocks) {
        int[] block = new int[ids.size()];
        ThreadLocal<MessageDigest> digest = ThreadLocal.withInitial(HashedBlocks::md5);
        IntStream.range(0, ids.size()).parallel()
                .forEach(row -> block[row] = blockOf(digest.get(), ids.get(row), seed, blocks));
        return block;
    }

    private static int blockOf(MessageDigest digest, String exampleId, long seed, int blocks) {
        byte[] hash = digest.digest((exampleId + ":" + seed).getBytes(StandardCharsets.UTF_8));
        long first64 = 0;
        for (int i = 0; i < 8; i++) {
            first64 = first64 << 8 | (hash[i] & 0xFF);
        }
        return (int) ((first64 >>> 4) % blocks);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
