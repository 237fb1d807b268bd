package org.verdict.core.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 over the log's records: leaf hash {@code SHA-256(0x00 || entry)}, node hash
 * {@code SHA-256(0x01 || left || right)}, each split at the largest power of two below the size. Proofs are
 * generated per §2.1.3.1 / §2.1.4.1, so a verifier outside Verdict (any Certificate Transparency library) accepts them;
 * consistency proofs are checked here with §2.1.4.2 (inclusion proofs are only exported, for others to check).
 */
public final class MerkleTree {
    private final List<byte[]> leafHashes;

    /** @param leafHashes the leaf hashes in log order ({@link #leafHash} of each entry) */
    public MerkleTree(List<byte[]> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    public int size() {
        return leafHashes.size();
    }

    public byte[] leafHashAt(int index) {
        return leafHashes.get(index).clone();
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(entry);
        return digest.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** MTH of the first {@code size} leaves (the empty tree's hash is SHA-256 of nothing). */
    public byte[] rootHash(int size) {
        checkRange(0, size, leafHashes.size());
        return size == 0 ? sha256().digest() : mth(0, size);
    }

    /**
     * The MTH of every prefix: element {@code s} equals {@link #rootHash}{@code (s)} for s = 0..size(). Verification
     * needs one per checkpoint, and a store has a checkpoint after every append: computed one by one that is
     * quadratic (30 s for 10,000 records); here each prefix folds the perfect subtrees it splits into, largest first.
     */
    public List<byte[]> prefixRoots() {
        List<byte[]> roots = new ArrayList<>(leafHashes.size() + 1);
        roots.add(sha256().digest());
        // the perfect subtrees of the prefix seen so far, largest first, with their leaf counts
        List<byte[]> perfect = new ArrayList<>();
        List<Integer> perfectSizes = new ArrayList<>();
        for (byte[] leaf : leafHashes) {
            byte[] merged = leaf;
            int mergedSize = 1;
            while (!perfectSizes.isEmpty() && perfectSizes.get(perfectSizes.size() - 1) == mergedSize) {
                merged = nodeHash(perfect.remove(perfect.size() - 1), merged);
                mergedSize += perfectSizes.remove(perfectSizes.size() - 1);
            }
            perfect.add(merged);
            perfectSizes.add(mergedSize);
            // RFC 9162 splits at the largest power of two below the size: the largest perfect subtree on the left
            byte[] root = perfect.get(perfect.size() - 1);
            for (int i = perfect.size() - 2; i >= 0; i--) {
                root = nodeHash(perfect.get(i), root);
            }
            roots.add(root);
        }
        return roots;
    }

    /** PATH(index, D[size]): the audit path proving leaf {@code index} is in the tree of {@code size} leaves. */
    public List<byte[]> inclusionProof(int index, int size) {
        checkRange(1, size, leafHashes.size());
        checkRange(0, index, size - 1);
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(oldSize, D[newSize]): proves the tree of {@code newSize} leaves extends that of {@code oldSize}. */
    public List<byte[]> consistencyProof(int oldSize, int newSize) {
        checkRange(0, newSize, leafHashes.size());
        checkRange(0, oldSize, newSize);
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    /** RFC 9162 §2.1.4.2, with the trivial cases (empty old tree, equal sizes) answered directly. */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(mth(from, from + k), mth(from + k, to));
    }

    private void path(int index, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, from, from + k, proof);
            proof.add(mth(from + k, to));
        } else {
            path(index - k, from + k, to, proof);
            proof.add(mth(from, from + k));
        }
    }

    private void subproof(int m, int from, int to, boolean wholeOldTree, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(mth(from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, wholeOldTree, proof);
            proof.add(mth(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(mth(from, from + k));
        }
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static void checkRange(int min, int value, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
