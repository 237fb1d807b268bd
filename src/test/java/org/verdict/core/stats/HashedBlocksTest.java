package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.verdict.core.pack.ExampleIds;

class HashedBlocksTest {
    private final HashedBlocks hashed = new HashedBlocks();

    /**
     * Expected blocks from Python's hashlib, independently of this code:
     * {@code int(hashlib.md5((id + ':' + str(seed)).encode()).hexdigest()[:15], 16) % k}.
     */
    @Test
    void theBlockIsTheFirst15HexDigitsOfTheMd5OfIdColonSeedModuloTheBlocks() {
        assertEquals(249, HashedBlocks.blockOf("ex-1", 42, 300)); // md5 c29856d17a69029…
        assertEquals(209, HashedBlocks.blockOf("ex-1", 43, 300)); // another seed, another block
        assertEquals(109, HashedBlocks.blockOf("row-17", 20261122, 300));
        assertEquals(266, HashedBlocks.blockOf("ünïcode-id", -5, 300)); // UTF-8 bytes, a negative seed as written
        assertEquals(49, HashedBlocks.blockOf("ex-1", 42, 100));
    }

    @Test
    void aTableIsHashedRowByRowInRowOrderIntoBlocksOfAboutEqualSize() {
        String[] ids = new String[30_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "ex-" + i;
        }
        int[] blocks = hashed.blocksOf(ExampleIds.of(ids), 7, 300);
        int[] expected = new int[ids.length];
        int[] sizes = new int[300];
        for (int i = 0; i < ids.length; i++) {
            expected[i] = HashedBlocks.blockOf(ids[i], 7, 300);
            sizes[blocks[i]]++;
        }
        assertArrayEquals(expected, blocks);
        // 100 per block on average, Poisson-like: every block within 100 ± 5 standard deviations
        for (int size : sizes) {
            assertTrue(size > 50 && size < 150, "block of " + size);
        }
    }

    /** A table's ids are hashed from their characters; ids beyond ASCII hash as their UTF-8 bytes, as one id does. */
    @Test
    void aTablesNonAsciiIdsHashAsTheirUtf8Bytes() {
        String[] ids = {"ex-1", "ünïcode-id", "id-😀", "ascii-after-unicode", "x".repeat(200)};
        int[] blocks = hashed.blocksOf(ExampleIds.of(ids), -5, 300);
        assertEquals(266, blocks[1]); // as hashlib gives above
        for (int i = 0; i < ids.length; i++) {
            assertEquals(HashedBlocks.blockOf(ids[i], -5, 300), blocks[i], ids[i]);
        }
    }

    /** A table compared again (the app's Compare view, then its gate review) reuses its blocks; another seed does not. */
    @Test
    void aTablesBlocksAreHashedOncePerSeedAndNumberOfBlocks() {
        ExampleIds ids = ExampleIds.of("a", "b", "c", "d");
        int[] first = hashed.blocksOf(ids, 42, 300);
        assertSame(first, hashed.blocksOf(ids, 42, 300));
        int[] otherSeed = hashed.blocksOf(ids, 43, 300);
        int[] fewerBlocks = hashed.blocksOf(ids, 43, 100);
        for (int row = 0; row < 4; row++) {
            String id = String.valueOf((char) ('a' + row));
            assertEquals(HashedBlocks.blockOf(id, 43, 300), otherSeed[row]);
            assertEquals(HashedBlocks.blockOf(id, 43, 100), fewerBlocks[row]);
        }
        assertArrayEquals(first, hashed.blocksOf(ids, 42, 300));
        // equal ids of another table are that table's own: hashed for it, with the same result
        assertArrayEquals(first, hashed.blocksOf(ExampleIds.of("a", "b", "c", "d"), 42, 300));
    }

    /** The blocks are kept by their owner (an engine), not by the process: another owner hashes the table anew. */
    @Test
    void anotherOwnerHashesTheSameTableItself() {
        ExampleIds ids = ExampleIds.of("a", "b", "c", "d");
        int[] mine = hashed.blocksOf(ids, 42, 300);
        int[] theirs = new HashedBlocks().blocksOf(ids, 42, 300);
        assertNotSame(mine, theirs);
        assertArrayEquals(mine, theirs);
        assertSame(mine, hashed.blocksOf(ids, 42, 300), "another owner's hashing leaves this one's blocks in place");
    }

    /**
     * Blocks hashed while the ids are read (whole runs of the rows read so far, then the rest) are the blocks of hashing
     * on demand, once, whoever finishes them; the ids read so far may end inside a run.
     */
    @Test
    void blocksHashedAsTheIdsAreReadAreTheBlocksOfEveryRow() {
        String[] names = new String[100_003]; // four runs of rows, the last one short
        for (int i = 0; i < names.length; i++) {
            names[i] = "row-" + i;
        }
        ExampleIds.Builder reading = new ExampleIds.Builder(16);
        HashedBlocks.AsRead asRead = hashed.hashAsRead(20261122, 300);
        for (int row = 0; row < names.length; row++) {
            reading.add(names[row]);
            if (row + 1 == 40_000 || row + 1 == 65_536) {
                asRead.idsRead(reading.build());
            }
        }
        ExampleIds all = reading.build();
        asRead.allRead(all);
        asRead.allRead(all); // told twice, it hashes nothing more
        int[] blocks = hashed.blocksOf(all, 20261122, 300);
        assertSame(blocks, hashed.blocksOf(all, 20261122, 300));
        assertEquals(names.length, blocks.length);
        assertArrayEquals(new HashedBlocks().blocksOf(ExampleIds.of(names), 20261122, 300), blocks);
        assertEquals(109, blocks[17]); // as hashlib gives above for row-17
        for (int row = 0; row < names.length; row += 997) {
            assertEquals(HashedBlocks.blockOf(names[row], 20261122, 300), blocks[row], names[row]);
        }
    }

    /** Another seed asked of ids hashed as they were read is hashed for itself, and the first again gives its blocks. */
    @Test
    void anotherSeedOfIdsHashedAsReadIsHashedForItself() {
        ExampleIds ids = ExampleIds.of("a", "b", "c", "d");
        HashedBlocks.AsRead asRead = hashed.hashAsRead(42, 300);
        asRead.allRead(ids);
        int[] otherSeed = hashed.blocksOf(ids, 43, 300);
        for (int row = 0; row < 4; row++) {
            assertEquals(HashedBlocks.blockOf(ids.get(row), 43, 300), otherSeed[row]);
        }
        assertArrayEquals(new HashedBlocks().blocksOf(ids, 42, 300), hashed.blocksOf(ids, 42, 300));
    }
}
