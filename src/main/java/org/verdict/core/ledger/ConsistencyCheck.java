package org.verdict.core.ledger;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.verdict.core.stats.MetricFormat;

/**
 * Whether today's log extends an older checkpoint (for example the one printed in an approval pack): the older
 * checkpoint must be signed by a registered key of this log (and one the organisation lists, when a trusted signer
 * list is given), the RFC 9162 consistency proof from its size to today's must verify against both roots, and the
 * signatures and signer-register entries it covers must still be the store's first ones.
 *
 * @param proof the consistency proof, so that others can check it themselves
 * @param policyOnly the checkpoint is refused, unchecked, because the trusted signers list does not name its signer:
 *                   a signing policy not met, no sign of a change (nor a reference to judge the log by)
 */
public record ConsistencyCheck(boolean consistent, String message, Checkpoint older, long currentSize,
                               byte[] currentRoot, List<byte[]> proof, boolean policyOnly) {

    public static ConsistencyCheck of(LogSnapshot log, Checkpoint older) {
        return of(log, older, null);
    }

    public static ConsistencyCheck of(LogSnapshot log, Checkpoint older, TrustedSigners roster) {
        MerkleTree tree = log.tree();
        int size = tree.size();
        byte[] root = tree.rootHash(size);
        if (!log.origin().equals(older.origin())) {
            return failed("the checkpoint is of another log (" + older.origin() + ", this is " + log.origin() + ")",
                    older, size, root);
        }
        RegisteredSigner signer = log.signers().get(older.keyId());
        boolean signed;
        try {
            signed = signer != null && older.isSignedBy(signer.identity());
        } catch (LedgerException e) {
            signed = false;
        }
        if (!signed) {
            return failed("the checkpoint's signature does not verify with a registered key of this log", older, size, root);
        }
        if (roster != null && roster.find(older.keyId()).isEmpty()) {
            // a checkpoint is only as good as its signer: one the organisation does not list proves nothing either way
            return new ConsistencyCheck(false, "the checkpoint is signed by " + signer.name() + " ("
                    + LogEntry.abbreviated(older.keyId()) + "), a key that is not in the trusted signers list", older,
                    size, root, List.of(), true);
        }
        if (older.treeSize() > size) {
            return failed("the checkpoint covers " + records(older.treeSize()) + " but the log now holds "
                    + (size == 0 ? "none" : "only " + records(size)) + ": records were removed", older, size, root);
        }
        List<byte[]> proof = tree.consistencyProof((int) older.treeSize(), size);
        if (!MerkleTree.verifyConsistency(older.treeSize(), size, older.rootHash(), root, proof)) {
            return new ConsistencyCheck(false, "the log does NOT extend the checkpoint of size " + older.treeSize()
                    + ": " + (older.treeSize() == 1 ? "its first record was" : "its first " + records(older.treeSize()) + " were")
                    + " changed", older, size, root, proof, false);
        }
        List<RecordSignature> signatures = log.signaturesInOrder();
        if (older.signatureCount() > signatures.size() || !MessageDigest.isEqual(older.signaturesHash(),
                LogSnapshot.signaturesHashes(signatures).get((int) older.signatureCount()))) {
            return new ConsistencyCheck(false, "the first "
                    + MetricFormat.count(older.signatureCount(), "signature", "signatures") + " the checkpoint"
                    + " covers were changed or removed", older, size, root, proof, false);
        }
        if (older.entryCount() != null && (older.entryCount() > log.entries().size()
                || !MessageDigest.isEqual(older.entriesHash(), log.entriesHead(older.entryCount())))) {
            return new ConsistencyCheck(false, "the first " + older.entryCount() + " signer-register entries the"
                    + " checkpoint covers were changed or removed", older, size, root, proof, false);
        }
        return new ConsistencyCheck(true, "the log of " + records(size) + " extends the checkpoint of size "
                + older.treeSize() + " (root " + older.rootHashHex() + ")", older, size, root, proof, false);
    }

    private static String records(long count) {
        return MetricFormat.count(count, "record", "records");
    }

    private static ConsistencyCheck failed(String message, Checkpoint older, int size, byte[] root) {
        return new ConsistencyCheck(false, message, older, size, root, List.of(), false);
    }

    public String currentRootHex() {
        return HexFormat.of().formatHex(currentRoot);
    }
}
