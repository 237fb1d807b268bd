package org.verdict.core.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.ledger.EntryStatement.AdoptedSigner;
import org.verdict.core.ledger.VerificationReport.Problem;
import org.verdict.core.pack.Hashes;
import org.verdict.core.stats.MetricFormat;

/**
 * Who may sign, as the log's signed entries say: each registration carries its signer's self-signature over name,
 * role and key (and maybe endorsements by earlier signers); each revocation is signed by a signer in force. The
 * entries are chained like the records. The {@code signers} and {@code revocations} tables are checked against the
 * result, never trusted.
 *
 * @param signers by key id, in registration order
 * @param problems what is wrong with the entries or the tables, each naming the entry or row
 * @param disputed for each key whose table row disagrees with its signed registration, how the row lists it: every
 *                 record that key signed is suspect, whatever its signature says
 */
public record SignerRegister(Map<String, RegisteredSigner> signers, List<Problem> problems,
                             Map<String, String> disputed) {
    static final String NO_PREVIOUS_ENTRY = "0".repeat(64);

    public SignerRegister {
        signers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signers));
        problems = List.copyOf(problems);
        disputed = Map.copyOf(disputed);
    }

    public static SignerRegister empty() {
        return new SignerRegister(Map.of(), List.of(), Map.of());
    }

    /**
     * A store of format 1 kept no entries: its tables are all there is. A revocation's position is the number of
     * signatures that store had stored before the revocation's time, by its own clock.
     */
    static List<AdoptedSigner> adopt(List<StoredSigner> rows, List<RecordSignature> signaturesInOrder) {
        List<AdoptedSigner> adopted = new ArrayList<>();
        for (StoredSigner row : rows) {
            Long revokedAfter = row.revokedAt() == null ? null
                    : signaturesInOrder.stream().filter(s -> s.signedAt().compareTo(row.revokedAt()) < 0).count();
            adopted.add(new AdoptedSigner(row.name(), row.role(), row.keyId(), row.publicKeyPem(), row.registeredAt(),
                    row.revokedAt(), row.revocationReason(), revokedAfter));
        }
        return adopted;
    }

    /** The register of a format-1 store, read as it stands (nothing signed it). */
    static SignerRegister ofFormat1(List<StoredSigner> rows, List<RecordSignature> signaturesInOrder) {
        Map<String, RegisteredSigner> signers = new LinkedHashMap<>();
        adopt(rows, signaturesInOrder).forEach(a -> signers.put(a.keyId(), adopted(a, 0)));
        return new SignerRegister(signers, List.of(), Map.of());
    }

    private static RegisteredSigner adopted(AdoptedSigner a, long entry) {
        return new RegisteredSigner(a.keyId(), a.name(), a.role(), a.publicKey(), a.registeredAt(), a.revokedAt(),
                a.reason(), 0, a.revokedAfterSignature(), entry,
                a.revokedAfterSignature() == null ? null : entry, List.of(), true, List.of());
    }

    /** "2 records and 1 signature were removed", naming only what is short. */
    private static String removed(long records, long signatures) {
        List<String> parts = new ArrayList<>();
        if (records > 0) {
            parts.add(MetricFormat.count(records, "record", "records"));
        }
        if (signatures > 0) {
            parts.add(MetricFormat.count(signatures, "signature", "signatures"));
        }
        return String.join(" and ", parts) + (Math.max(records, 0) + Math.max(signatures, 0) == 1 ? " was" : " were")
                + " removed";
    }

    /** Replays the entries in order; then compares the tables with the result. */
    static SignerRegister of(List<LogEntry> entries, List<StoredSigner> rows, long recordCount, long signatureCount) {
        Map<String, RegisteredSigner> signers = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String previousHash = NO_PREVIOUS_ENTRY;
        long previousSequence = 0;
        long signaturesBefore = 0;
        long recordsBefore = 0;
        for (LogEntry entry : entries) {
            String label = entry.label();
            if (entry.sequence() > previousSequence + 1) {
                problems.add(logProblem(missing("log entry", previousSequence + 1, entry.sequence() - 1)));
            }
            previousSequence = entry.sequence();
            String actualId = Hashes.sha256Hex(entry.payload());
            if (!actualId.equals(entry.entryId())) {
                problems.add(logProblem(label + ": its bytes no longer match its id (the entry was changed)"));
            }
            var parsed = entry.statement();
            String expectedPrevious = previousHash;
            previousHash = actualId;
            if (parsed.isEmpty()) {
                problems.add(logProblem(label + ": not a log entry statement (the entry was changed)"));
                continue;
            }
            EntryStatement statement = parsed.get();
            if (!EntryStatement.FORMAT.equals(statement.format())) {
                problems.add(logProblem(label + ": unknown entry format " + statement.format()));
            }
            if (statement.sequence() != entry.sequence()) {
                problems.add(logProblem(label + ": holds the statement signed for position #" + statement.sequence()
                        + " (entries were swapped or moved)"));
            }
            if (!expectedPrevious.equals(statement.previousEntryHash())) {
                problems.add(logProblem(label + ": does not follow the entry before it (hash chain broken)"));
            }
            if (statement.recordsBefore() > recordCount || statement.signaturesBefore() > signatureCount) {
                // the entry was written after records or signatures the store no longer holds
                problems.add(logProblem(label + ": was written after " + MetricFormat.count(statement.recordsBefore(),
                        "record", "records") + " and " + MetricFormat.count(statement.signaturesBefore(), "signature",
                        "signatures") + ", but the store holds " + MetricFormat.count(recordCount, "record", "records")
                        + " and " + MetricFormat.count(signatureCount, "signature", "signatures") + " ("
                        + removed(statement.recordsBefore() - recordCount, statement.signaturesBefore() - signatureCount)
                        + ")"));
            } else if (statement.signaturesBefore() < signaturesBefore || statement.recordsBefore() < recordsBefore) {
                problems.add(logProblem(label + ": claims a place (after " + statement.recordsBefore() + " records and "
                        + statement.signaturesBefore() + " signatures) out of order with the log"));
            }
            signaturesBefore = Math.max(signaturesBefore, statement.signaturesBefore());
            recordsBefore = Math.max(recordsBefore, statement.recordsBefore());
            switch (statement.kind() == null ? "" : statement.kind()) {
                case EntryStatement.REGISTER -> register(entry, statement, signers, problems);
                case EntryStatement.REVOKE -> revoke(entry, statement, signers, problems);
                case EntryStatement.MIGRATE -> {
                    if (statement.isFormatStep()) {
                        // a later format changes nothing about who may sign: the entry only records the step
                        continue;
                    }
                    if (entry.sequence() != 1 || statement.adopted() == null) {
                        problems.add(logProblem(label + ": a migration can only be the first entry of a store"));
                    } else {
                        statement.adopted().forEach(a -> signers.put(a.keyId(), adopted(a, entry.sequence())));
                    }
                }
                case EntryStatement.STORE_FORMAT -> {
                    if (!statement.isFormatRecord()) {
                        problems.add(logProblem(label + ": a record of the store's format that states no format, or"
                                + " more than one"));
                    }
                }
                default -> problems.add(logProblem(label + ": unknown entry kind " + statement.kind()));
            }
        }
        Map<String, String> disputed = new LinkedHashMap<>();
        compareTables(signers, rows, problems, disputed);
        return new SignerRegister(signers, problems, disputed);
    }

    private static void register(LogEntry entry, EntryStatement statement, Map<String, RegisteredSigner> signers,
                                 List<Problem> problems) {
        String label = entry.label();
        EntryStatement.Claim claim = statement.signer();
        if (claim == null || claim.keyId() == null || claim.name() == null || claim.role() == null) {
            problems.add(logProblem(label + ": names no signer"));
            return;
        }
        SignerIdentity identity;
        try {
            identity = SignerIdentity.of(claim.name(), claim.role(), SignerIdentity.parsePublicKey(claim.publicKey()));
        } catch (LedgerException e) {
            problems.add(logProblem(label + ": " + e.getMessage()));
            return;
        }
        if (!identity.keyId().equals(claim.keyId())) {
            problems.add(logProblem(label + ": the public key is not the key with id " + LogEntry.abbreviated(claim.keyId())
                    + " (the key was substituted)"));
            return;
        }
        if (!SignerClaim.isSelfSigned(identity, decode(statement.selfSignature()))) {
            problems.add(logProblem(label + ": the self-signature of key " + identity.shortKeyId()
                    + " does not verify over the name and role it states (the name, role or key was changed)"));
            return;
        }
        RegisteredSigner earlier = signers.get(identity.keyId());
        if (earlier != null) {
            if (!earlier.name().equals(identity.name()) || !earlier.role().equals(identity.role())) {
                problems.add(logProblem(label + ": registers key " + identity.shortKeyId() + " again as a different"
                        + " signer; it is " + earlier.name() + " (" + earlier.role() + ") since log entry #"
                        + earlier.registrationEntry()));
                return;
            }
            // the same claim again, signed by others: an endorsement given after the key was registered (and perhaps
            // signed). It vouches for the key, so it counts for what the key signed before too; the key stays in force
            // from its first registration
            List<String> endorsers = new ArrayList<>(earlier.endorsers());
            boolean vouched = earlier.vouched();
            for (LogEntry.EntrySignature signature : entry.signatures()) {
                String endorser = endorsement(signers, signature, entry, identity, problems);
                if (endorser != null) {
                    endorsers.add(endorser);
                    vouched |= signers.get(signature.keyId()).vouched();
                }
            }
            signers.put(identity.keyId(), earlier.endorsed(endorsers, vouched));
            return;
        }
        List<String> endorsers = new ArrayList<>();
        // the log's first signer founds it; everyone after is vouched for only through an endorsement chain to it
        boolean vouched = signers.isEmpty();
        for (LogEntry.EntrySignature signature : entry.signatures()) {
            String endorser = endorsement(signers, signature, entry, identity, problems);
            if (endorser != null) {
                endorsers.add(endorser);
                vouched |= signers.get(signature.keyId()).vouched();
            }
        }
        signers.put(identity.keyId(), new RegisteredSigner(identity.keyId(), identity.name(), identity.role(),
                identity.publicKeyPem(), statement.at(), null, null, statement.signaturesBefore(), null,
                entry.sequence(), null, endorsers, vouched, List.of()));
    }

    /** The endorser's label when {@code signature} endorses {@code identity} validly; null (and maybe a problem) if not. */
    private static String endorsement(Map<String, RegisteredSigner> signers, LogEntry.EntrySignature signature,
                                      LogEntry entry, SignerIdentity identity, List<Problem> problems) {
        if (signature.keyId().equals(identity.keyId())) {
            return null; // a key cannot vouch for itself
        }
        String endorser = signerInForce(signers, signature, entry);
        if (endorser == null) {
            problems.add(logProblem(entry.label() + ": the endorsement by key "
                    + LogEntry.abbreviated(signature.keyId()) + " does not verify by a signer in force"));
        }
        return endorser;
    }

    private static void revoke(LogEntry entry, EntryStatement statement, Map<String, RegisteredSigner> signers,
                               List<Problem> problems) {
        String label = entry.label();
        RegisteredSigner target = statement.revokedKeyId() == null ? null : signers.get(statement.revokedKeyId());
        if (target == null) {
            problems.add(logProblem(label + ": revokes a key that no earlier entry registered"));
            return;
        }
        List<String> revokers = entry.signatures().stream().filter(s -> signerInForce(signers, s, entry) != null)
                .map(LogEntry.EntrySignature::keyId).toList();
        if (revokers.isEmpty()) {
            problems.add(logProblem(label + ": is not signed by a signer in force (forged or changed revocation)"));
        }
        if (target.isRevoked()) {
            return;
        }
        // applied even when its signature fails: a revocation can only take trust away
        signers.put(target.keyId(), target.revoked(statement.at(), statement.reason(), statement.signaturesBefore(),
                entry.sequence(), revokers));
    }

    /** The endorsing or revoking signer's label when {@code signature} is theirs, verifies and they are in force. */
    private static String signerInForce(Map<String, RegisteredSigner> signers, LogEntry.EntrySignature signature,
                                        LogEntry entry) {
        RegisteredSigner signer = signers.get(signature.keyId());
        if (signer == null || signer.revocationEntry() != null && signer.revocationEntry() < entry.sequence()) {
            return null;
        }
        try {
            SignerIdentity identity = signer.identity();
            return identity.verifies(entry.pae(), signature.signature()) ? identity.toString() : null;
        } catch (LedgerException e) {
            return null;
        }
    }

    /** How the listed key differs from the signed one: nothing, its PEM text alone, or another key. */
    private static String keyDifference(StoredSigner row, RegisteredSigner signed) {
        if (row.publicKeyPem().strip().equals(signed.publicKeyPem().strip())) {
            return "";
        }
        String sameKey = RegisterDifference.ofSameKey(row.publicKeyPem(), signed.publicKeyPem());
        return sameKey.isEmpty() ? " with another public key" : sameKey;
    }

    private static void compareTables(Map<String, RegisteredSigner> signers, List<StoredSigner> rows,
                                      List<Problem> problems, Map<String, String> disputed) {
        Map<String, StoredSigner> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(row.keyId(), row));
        for (StoredSigner row : rows) {
            RegisteredSigner signed = signers.get(row.keyId());
            if (signed == null) {
                problems.add(logProblem("signer register: " + row + " is listed, but no log entry registers that key"
                        + " (the row was added outside Verdict)"));
                continue;
            }
            String where = signed.registrationEntry() > 0 ? " (log entry #" + signed.registrationEntry() + ")" : "";
            if (!row.name().equals(signed.name()) || !row.role().equals(signed.role())
                    || !row.publicKeyPem().strip().equals(signed.publicKeyPem().strip())) {
                problems.add(logProblem("signer register: key " + LogEntry.abbreviated(row.keyId()) + " is listed as "
                        + row.name() + " (" + row.role() + "), but its signed registration" + where + " says "
                        + signed.name() + " (" + signed.role() + ")" + keyDifference(row, signed)
                        + RegisterDifference.ofLabel("name", row.name(), signed.name())
                        + RegisterDifference.ofLabel("role", row.role(), signed.role())
                        + ": the register was edited"));
                disputed.put(row.keyId(), row.name() + " (" + row.role() + ")");
            }
            if (signed.isRevoked() && row.revokedAt() == null) {
                problems.add(logProblem("signer register: the revocation of " + signed.name() + "'s key "
                        + LogEntry.abbreviated(row.keyId()) + " (log entry #" + signed.revocationEntry()
                        + ") is missing from the revocations table (it was deleted); the key stays revoked"));
            } else if (!signed.isRevoked() && row.revokedAt() != null) {
                problems.add(logProblem("signer register: the revocations table revokes key "
                        + LogEntry.abbreviated(row.keyId()) + ", but no signed log entry does"));
            }
        }
        for (RegisteredSigner signer : signers.values()) {
            if (!byKey.containsKey(signer.keyId())) {
                problems.add(logProblem("signer register: " + signer.name() + " (" + signer.role() + ", "
                        + LogEntry.abbreviated(signer.keyId()) + "), registered by log entry #"
                        + signer.registrationEntry() + ", is missing from the signers table (the row was deleted)"));
            }
        }
    }

    /** {@code record #4 is missing} or {@code records #4 to #6 are missing}: exactly the gap, no more. */
    static String missing(String noun, long from, long to) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return from == to ? noun + " #" + from + " is missing (it was deleted)"
                : plural + " #" + from + " to #" + to + " are missing (they were deleted)";
    }

    private static Problem logProblem(String message) {
        return new Problem(null, message);
    }

    private static byte[] decode(String base64) {
        try {
            return base64 == null ? null : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
