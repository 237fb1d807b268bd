package org.verdict.core.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything in a store, read in one transaction: what verification, export and the Audit view work on. */
public record LogSnapshot(String origin, List<LoggedRecord> records, Map<String, RegisteredSigner> signers,
                          List<Checkpoint> checkpoints) {

    public LogSnapshot {
        records = List.copyOf(records);
        signers = Map.copyOf(signers);
        checkpoints = List.copyOf(checkpoints);
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** The Merkle tree over the records' payloads, in stored order. */
    public MerkleTree tree() {
        return new MerkleTree(records.stream().map(r -> MerkleTree.leafHash(r.payload())).toList());
    }

    /** The record with this sequence number, full id or id prefix (at least 6 hex digits). */
    public LoggedRecord find(String reference) throws LedgerException {
        String ref = reference.strip().replaceFirst("^#", "");
        if (ref.matches("\\d{1,9}")) {
            long sequence = Long.parseLong(ref);
            return records.stream().filter(r -> r.sequence() == sequence).findFirst()
                    .orElseThrow(() -> new LedgerException("no record #" + sequence + " in the log ("
                            + records.size() + " records)"));
        }
        if (ref.length() < 6) {
            throw new LedgerException("a record id needs at least 6 hex digits, or give the sequence number: " + reference);
        }
        List<LoggedRecord> matches = records.stream().filter(r -> r.recordId().startsWith(ref.toLowerCase())).toList();
        if (matches.size() != 1) {
            throw new LedgerException(matches.isEmpty() ? "no record with id " + reference
                    : "the id prefix " + reference + " matches " + matches.size() + " records; give more digits");
        }
        return matches.get(0);
    }
}
