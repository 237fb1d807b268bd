package org.verdict.core.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.ledger.VerificationReport.Problem;
import org.verdict.core.pack.Hashes;
import org.verdict.core.task.Progress;

/**
 * Checks a whole log without trusting anything the store says about itself: sequence numbers, each record's id
 * against its bytes, the hash chain, every signature against the registered keys (and those keys against their
 * ids), revocations, and every checkpoint's signature, Merkle root and signature hash against the store.
 */
public final class LogVerifier {

    public VerificationReport verify(LogSnapshot log, Progress progress) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Quorum> quorums = new HashMap<>();
        Map<String, SignerIdentity> trusted = trustedSigners(log, problems);
        List<LoggedRecord> records = log.records();
        String previousHash = DecisionStatement.NO_PREVIOUS_RECORD;
        for (int i = 0; i < records.size(); i++) {
            progress.update((double) i / Math.max(1, records.size()), "verifying record " + (i + 1));
            LoggedRecord record = records.get(i);
            long expected = i + 1L;
            if (record.sequence() != expected) {
                problems.add(new Problem(expected, "is missing: the log goes from #" + (expected - 1) + " to #"
                        + record.sequence() + " (a record was deleted)"));
            }
            checkRecord(record, previousHash, log, problems, quorums);
            previousHash = Hashes.sha256Hex(record.payload());
        }
        checkCheckpoints(log, trusted, problems);
        progress.update(1, "verified");
        return new VerificationReport(records.size(), problems, quorums);
    }

    private static Map<String, SignerIdentity> trustedSigners(LogSnapshot log, List<Problem> problems) {
        Map<String, SignerIdentity> trusted = new HashMap<>();
        for (RegisteredSigner signer : log.signers().values()) {
            try {
                trusted.put(signer.keyId(), signer.identity());
            } catch (LedgerException e) {
                problems.add(new Problem(null, "signer register: " + e.getMessage()));
            }
        }
        return trusted;
    }

    private static void checkRecord(LoggedRecord record, String previousHash, LogSnapshot log, List<Problem> problems,
                                    Map<Long, Quorum> quorums) {
        long seq = record.sequence();
        String actualId = Hashes.sha256Hex(record.payload());
        if (!actualId.equals(record.recordId())) {
            problems.add(new Problem(seq, "its bytes no longer match its id " + record.shortId() + " (the record was changed)"));
        }
        if (!Dsse.DECISION_PAYLOAD_TYPE.equals(record.payloadType())) {
            problems.add(new Problem(seq, "unexpected payload type " + record.payloadType()));
        }
        Optional<DecisionStatement> parsed = record.statement();
        if (parsed.isEmpty()) {
            problems.add(new Problem(seq, "the payload is not a decision statement (the record was changed)"));
        }
        parsed.ifPresent(statement -> {
            if (!DecisionStatement.FORMAT.equals(statement.format())) {
                problems.add(new Problem(seq, "unknown statement format " + statement.format()));
            }
            if (statement.sequence() != seq) {
                problems.add(new Problem(seq, "holds the statement signed for position #" + statement.sequence()
                        + " (records were swapped or moved)"));
            }
            if (!previousHash.equals(statement.previousRecordHash())) {
                problems.add(new Problem(seq, "does not follow the record before it (hash chain broken)"));
            }
            if (statement.record() != null && statement.record().amends() != null
                    && log.records().stream().noneMatch(r -> r.sequence() < seq && r.recordId().equals(statement.record().amends()))) {
                problems.add(new Problem(seq, "amends " + statement.record().amends() + ", which is no earlier record"));
            }
        });
        List<SignerIdentity> validSigners = new ArrayList<>();
        byte[] pae = record.pae();
        for (RecordSignature signature : record.signatures()) {
            SignatureCheck check = checkSignature(log, pae, signature);
            if (check.isValid()) {
                validSigners.add(check.signer());
            } else {
                problems.add(new Problem(seq, check.problem()));
            }
        }
        parsed.ifPresent(statement -> {
            if (validSigners.stream().noneMatch(s -> s.keyId().equals(statement.appendedBy()))) {
                problems.add(new Problem(seq, "has no valid signature of the signer who appended it"));
            }
        });
        Integer tier = parsed.map(DecisionStatement::record).map(DecisionRecord::riskTier).orElse(null);
        quorums.put(seq, Quorum.of(tier, validSigners));
    }

    /**
     * One signature's standing.
     *
     * @param signer the registered signer when the key is known and trusted, else null
     * @param problem null when the signature verifies by a trusted key that was not revoked when it signed
     */
    public record SignatureCheck(SignerIdentity signer, String problem) {
        public boolean isValid() {
            return problem == null;
        }
    }

    /** Checks one signature over a record's PAE against the log's signer register. */
    public static SignatureCheck checkSignature(LogSnapshot log, byte[] pae, RecordSignature signature) {
        RegisteredSigner registered = log.signers().get(signature.keyId());
        if (registered == null) {
            return new SignatureCheck(null, "signed by key " + abbreviated(signature.keyId())
                    + ", which is not a registered signer");
        }
        SignerIdentity signer;
        try {
            signer = registered.identity();
        } catch (LedgerException e) {
            return new SignatureCheck(null, e.getMessage());
        }
        if (!signer.verifies(pae, signature.signature())) {
            return new SignatureCheck(signer, "the signature of " + signer + " does not verify (record or signature changed)");
        }
        if (!registered.wasValidAt(signature.signedAt())) {
            return new SignatureCheck(signer, "signed by " + signer + " after the key was revoked");
        }
        return new SignatureCheck(signer, null);
    }

    private static String abbreviated(String keyId) {
        return keyId.substring(0, Math.min(12, keyId.length()));
    }

    private static void checkCheckpoints(LogSnapshot log, Map<String, SignerIdentity> trusted, List<Problem> problems) {
        MerkleTree tree = log.tree();
        int size = tree.size();
        List<RecordSignature> signatures = log.signaturesInOrder();
        List<byte[]> signaturesHashes = LogSnapshot.signaturesHashes(signatures);
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i).order() != i + 1) {
                problems.add(new Problem(null, "signature #" + (i + 1) + " of the store is missing (a signature was deleted)"));
                break;
            }
        }
        Map<Long, byte[]> roots = new HashMap<>();
        for (Checkpoint checkpoint : log.checkpoints()) {
            long treeSize = checkpoint.treeSize();
            if (checkpoint.signatureCount() > signatures.size()) {
                problems.add(new Problem(null, "a checkpoint covers " + checkpoint.signatureCount()
                        + " signatures but the store holds " + signatures.size() + " (signatures were deleted)"));
            } else if (!MessageDigest.isEqual(signaturesHashes.get((int) checkpoint.signatureCount()),
                    checkpoint.signaturesHash())) {
                problems.add(new Problem(null, "the first " + checkpoint.signatureCount()
                        + " signatures differ from those the checkpoint signed (a signature was changed or removed)"));
            }
            SignerIdentity signer = trusted.get(checkpoint.keyId());
            if (signer == null || !checkpoint.isSignedBy(signer) || !log.origin().equals(checkpoint.origin())) {
                problems.add(new Problem(treeSize, "the checkpoint made after this record is not validly signed"));
            }
            if (treeSize > size) {
                problems.add(new Problem(treeSize, "a checkpoint covers " + treeSize + " records but the log holds "
                        + size + " (records were deleted)"));
            } else if (!MessageDigest.isEqual(roots.computeIfAbsent(treeSize, s -> tree.rootHash(s.intValue())),
                    checkpoint.rootHash())) {
                problems.add(new Problem(treeSize, "the Merkle root of the first " + treeSize
                        + " records differs from the signed checkpoint (a record up to #" + treeSize + " changed)"));
            }
        }
        long covered = log.latestCheckpoint().map(Checkpoint::treeSize).orElse(0L);
        if (covered < size) {
            problems.add(new Problem(covered + 1, "no signed checkpoint covers the records from #" + (covered + 1)));
        }
    }
}
