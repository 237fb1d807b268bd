package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.verdict.core.pack.ExampleIds;

class HashedBlocksTest {
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
        int[] blocks = HashedBlocks.blocksOf(ExampleIds.of(ids), 7, 300);
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
}
