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

    /** Every signature of the log in the order it entered the store. */
    public List<RecordSignature> signaturesInOrder() {
        return records.stream().flatMap(r -> r.signatures().stream())
                .sorted(java.util.Comparator.comparingLong(RecordSignature::order)).toList();
    }

    /**
     * What checkpoints sign about signatures: element {@code c} is the SHA-256 over the first {@code c} signatures
     * in store order, one line each: {@code order SP recordSequence SP keyId SP base64(signature) LF}.
     */
    public static List<byte[]> signaturesHashes(List<RecordSignature> inOrder) {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        List<byte[]> prefixes = new java.util.ArrayList<>(inOrder.size() + 1);
        try {
            prefixes.add(((java.security.MessageDigest) digest.clone()).digest());
            for (RecordSignature s : inOrder) {
                digest.update((s.order() + " " + s.recordSequence() + " " + s.keyId() + " "
                        + java.util.Base64.getEncoder().encodeToString(s.signature()) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                prefixes.add(((java.security.MessageDigest) digest.clone()).digest());
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digest can be cloned", e);
        }
        return prefixes;
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
