package org.verdict.core.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The check a third party runs on an inclusion proof Verdict exports (RFC 9162 §2.1.3.2). Verdict itself never
 * verifies one, so the verifier lives with the tests, hashing the nodes itself rather than through
 * {@link MerkleTree}: the proofs are judged by the RFC's algorithm, not by the code that made them.
 */
final class InclusionProofs {
    private InclusionProofs() {
    }

    /** Whether {@code proof} shows leaf {@code index}, hashed {@code leafHash}, in the tree of {@code size} leaves. */
    static boolean verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** SHA-256(0x01 || left || right), RFC 9162 §2.1.1. */
    private static byte[] nodeHash(byte[] left, byte[] right) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0x01);
            digest.update(left);
            digest.update(right);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
