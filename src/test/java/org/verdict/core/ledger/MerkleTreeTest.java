package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Against the Certificate Transparency reference vectors (RFC 6962 leaves, as used by
 * google/certificate-transparency-go merkle tests): roots for sizes 0..8, two inclusion and two consistency proofs.
 */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> ENTRIES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final MerkleTree tree = new MerkleTree(ENTRIES.stream().map(e -> MerkleTree.leafHash(HEX.parseHex(e))).toList());

    @Test
    void rootsMatchTheReferenceForEverySize() {
        for (int size = 0; size <= 8; size++) {
            assertEquals(ROOTS.get(size), HEX.formatHex(tree.rootHash(size)), "size " + size);
        }
    }

    @Test
    void everyPrefixRootAtOnceIsTheReferenceAndTheRecursiveDefinition() {
        List<byte[]> prefixes = tree.prefixRoots();
        assertEquals(ROOTS.size(), prefixes.size());
        for (int size = 0; size <= 8; size++) {
            assertEquals(ROOTS.get(size), HEX.formatHex(prefixes.get(size)), "size " + size);
        }
        // sizes past the vectors: every shape of perfect subtrees up to 2^7 + a few
        MerkleTree larger = new MerkleTree(IntStream.range(0, 133)
                .mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)})).toList());
        List<byte[]> largerPrefixes = larger.prefixRoots();
        for (int size = 0; size <= 133; size++) {
            assertArrayEquals(larger.rootHash(size), largerPrefixes.get(size), "size " + size);
        }
    }

    @Test
    void inclusionProofsMatchTheReference() {
        assertProof(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), tree.inclusionProof(0, 8));
        assertProof(List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), tree.inclusionProof(5, 8));
        assertTrue(InclusionProofs.verify(5, 8, MerkleTree.leafHash(HEX.parseHex(ENTRIES.get(5))),
                tree.inclusionProof(5, 8), HEX.parseHex(ROOTS.get(8))));
    }

    @Test
    void consistencyProofsMatchTheReference() {
        assertProof(List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"), tree.consistencyProof(6, 8));
        assertProof(List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"), tree.consistencyProof(2, 5));
        assertTrue(MerkleTree.verifyConsistency(6, 8, HEX.parseHex(ROOTS.get(6)), HEX.parseHex(ROOTS.get(8)),
                tree.consistencyProof(6, 8)));
    }

    @Test
    void everyProofOfEveryShapeVerifiesAndAlteredOnesDoNot() {
        List<byte[]> leaves = IntStream.range(0, 37).mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i})).toList();
        MerkleTree big = new MerkleTree(leaves);
        for (int size = 1; size <= 37; size++) {
            byte[] root = big.rootHash(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = big.inclusionProof(index, size);
                assertTrue(InclusionProofs.verify(index, size, leaves.get(index), proof, root), index + "/" + size);
                if (!proof.isEmpty()) {
                    assertFalse(InclusionProofs.verify(index, size, leaves.get(index), flipFirstByte(proof), root));
                }
                assertFalse(InclusionProofs.verify(index, size, leaves.get((index + 1) % 37), proof, root));
            }
            for (int old = 0; old <= size; old++) {
                List<byte[]> proof = big.consistencyProof(old, size);
                assertTrue(MerkleTree.verifyConsistency(old, size, big.rootHash(old), root, proof), old + "->" + size);
                if (!proof.isEmpty()) {
                    assertFalse(MerkleTree.verifyConsistency(old, size, big.rootHash(old), root, flipFirstByte(proof)));
                }
                if (old > 0 && old < size) {
                    assertFalse(MerkleTree.verifyConsistency(old, size, big.rootHash(old - 1), root, proof));
                }
            }
        }
    }

    private static List<byte[]> flipFirstByte(List<byte[]> proof) {
        List<byte[]> copy = new ArrayList<>();
        proof.forEach(p -> copy.add(p.clone()));
        copy.get(0)[0] ^= 1;
        return copy;
    }

    private static void assertProof(List<String> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(HEX.parseHex(expected.get(i)), actual.get(i), "proof element " + i);
        }
    }
}
