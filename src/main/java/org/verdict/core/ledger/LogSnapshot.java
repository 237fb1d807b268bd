package org.verdict.core.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.verdict.core.stats.MetricFormat;

/**
 * Everything in a store, read in one transaction: what verification, export and the Audit view work on.
 *
 * @param formatVersion the format of the store's tables ({@code StoreSchema.layout}): 1 kept its signer register
 *                      in plain tables, 2 and later in signed entries
 * @param register who may sign, replayed from the entries (format 2) or read from the tables (format 1)
 * @param straySignatures signatures the store holds for records it does not hold: left behind by a deletion
 * @param guardFaults how the triggers that keep the store append-only are not as Verdict made them (dropped, altered)
 * @param unknownInfo the rows of {@code log_info} besides the origin, key → value in the order they were added:
 *                    Verdict writes none, and nothing signs them (read in the same transaction as the rest, so
 *                    what is said about them is said of the state verified)
 */
public record LogSnapshot(String origin, int formatVersion, List<LoggedRecord> records, List<LogEntry> entries,
                          SignerRegister register, List<Checkpoint> checkpoints, List<RecordSignature> straySignatures,
                          GuardFaults guardFaults, Map<String, String> unknownInfo) {

    public LogSnapshot {
        records = List.copyOf(records);
        entries = List.copyOf(entries);
        checkpoints = List.copyOf(checkpoints);
        straySignatures = List.copyOf(straySignatures);
        // Map.copyOf would lose the order the rows were added in, which the note keeps
        unknownInfo = Collections.unmodifiableMap(new LinkedHashMap<>(unknownInfo));
    }

    /** A snapshot whose every signature belongs to one of its records, of a store that keeps its guard. */
    public LogSnapshot(String origin, int formatVersion, List<LoggedRecord> records, List<LogEntry> entries,
                       SignerRegister register, List<Checkpoint> checkpoints) {
        this(origin, formatVersion, records, entries, register, checkpoints, List.of(), GuardFaults.NONE, Map.of());
    }

    /** The same snapshot, with the signatures the store holds for records that are not in it. */
    public LogSnapshot withStraySignatures(List<RecordSignature> strays) {
        return new LogSnapshot(origin, formatVersion, records, entries, register, checkpoints, strays, guardFaults,
                unknownInfo);
    }

    /** The same snapshot, with how its append-only guard is not as Verdict made it. */
    public LogSnapshot withGuardFaults(GuardFaults faults) {
        return new LogSnapshot(origin, formatVersion, records, entries, register, checkpoints, straySignatures,
                faults, unknownInfo);
    }

    /** The same snapshot, with the rows of {@code log_info} that no Verdict writes. */
    public LogSnapshot withUnknownInfo(Map<String, String> rows) {
        return new LogSnapshot(origin, formatVersion, records, entries, register, checkpoints, straySignatures,
                guardFaults, rows);
    }

    /**
     * What {@code log_info} holds besides the origin, in words, or empty: nothing signs that table (only the origin
     * is repeated in every checkpoint), so such a row changes no record and is no evidence; it is reported, not
     * counted as tampering, since the guard refuses deleting it and a log that did not verify would take no write
     * ever again. A newer Verdict that wrote more there would have raised the store's format, which this one refuses.
     */
    public Optional<String> unknownInfoNote() {
        if (unknownInfo.isEmpty()) {
            return Optional.empty();
        }
        String rows = unknownInfo.entrySet().stream().map(row -> "'" + row.getKey() + "' = '" + row.getValue() + "'")
                .collect(Collectors.joining(", "));
        boolean one = unknownInfo.size() == 1;
        return Optional.of("log_info holds " + (one ? "a key" : unknownInfo.size() + " keys")
                + " no Verdict writes (" + rows + "): a newer Verdict would have raised the store's format, which this"
                + " one would refuse, so something other than Verdict with write access to the file added "
                + (one ? "it" : "them") + "; nothing signs log_info, so no record, signature or"
                + " checkpoint changed, and what " + (one ? "it says" : "they say")
                + " is no decision of the board's: find out who writes to the file besides Verdict");
    }

    /** The same snapshot, judged against another register (a verification that does not accept every revocation). */
    LogSnapshot withRegister(SignerRegister judged) {
        return new LogSnapshot(origin, formatVersion, records, entries, judged, checkpoints, straySignatures,
                guardFaults, unknownInfo);
    }

    /** Replays the register from what the store holds; {@code storedSigners} are the signers/revocations tables. */
    public static LogSnapshot of(String origin, int formatVersion, List<LoggedRecord> records, List<LogEntry> entries,
                                 List<StoredSigner> storedSigners, List<Checkpoint> checkpoints) {
        List<RecordSignature> signatures = inOrder(records);
        SignerRegister register = formatVersion < 2 ? SignerRegister.ofFormat1(storedSigners, signatures)
                : SignerRegister.of(entries, storedSigners, records.size(), signatures.size());
        return new LogSnapshot(origin, formatVersion, records, entries, register, checkpoints);
    }

    /** Signers by key id, as the signed entries establish them. */
    public Map<String, RegisteredSigner> signers() {
        return register.signers();
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** Every signature of the log in the order it entered the store. */
    public List<RecordSignature> signaturesInOrder() {
        return inOrder(records);
    }

    private static List<RecordSignature> inOrder(List<LoggedRecord> records) {
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

    /** The id of the newest entry as bytes (what checkpoints sign), or 32 zero bytes when there is none. */
    public byte[] entriesHead(long count) {
        return java.util.HexFormat.of().parseHex(count == 0 ? SignerRegister.NO_PREVIOUS_ENTRY
                : org.verdict.core.pack.Hashes.sha256Hex(entries.get((int) count - 1).payload()));
    }

    /** The Merkle tree over the records' payloads, in stored order. */
    public MerkleTree tree() {
        return new MerkleTree(records.stream().map(r -> MerkleTree.leafHash(r.payload())).toList());
    }

    /**
     * The record with this sequence number ({@code 2} or {@code #2}), full id or id prefix (at least 6 hex digits).
     * Six or more decimal digits without {@code #} may be either (an id such as 124578e2dc57 starts with them): they
     * name the record whose sequence number or id prefix they are, and are refused when they are both.
     */
    public LoggedRecord find(String reference) throws LedgerException {
        boolean sequenceOnly = reference.strip().startsWith("#");
        String ref = reference.strip().replaceFirst("^#", "");
        Optional<LoggedRecord> bySequence = ref.matches("\\d{1,9}")
                ? records.stream().filter(r -> r.sequence() == Long.parseLong(ref)).findFirst() : Optional.empty();
        if (sequenceOnly || ref.matches("\\d{1,5}")) {
            return bySequence.orElseThrow(() -> new LedgerException("no record #" + ref + " in the log ("
                    + MetricFormat.count(records.size(), "record", "records") + "); " + reference.strip()
                    + " was read as a sequence number" + (sequenceOnly || ref.length() >= 6 ? ""
                    : " (an id prefix needs at least 6 hex digits)")));
        }
        if (ref.length() < 6) {
            throw new LedgerException("a record id needs at least 6 hex digits, or give the sequence number: " + reference);
        }
        String prefix = ref.toLowerCase(Locale.ROOT);
        List<LoggedRecord> matches = records.stream().filter(r -> r.recordId().startsWith(prefix)).toList();
        if (bySequence.isPresent()) {
            if (matches.isEmpty()) {
                return bySequence.get();
            }
            throw new LedgerException(reference.strip() + " is both record #" + ref + " and the id prefix of "
                    + MetricFormat.count(matches.size(), "record", "records") + "; write #" + ref
                    + " for the sequence number, or more digits of the id");
        }
        if (matches.size() != 1) {
            throw new LedgerException(matches.isEmpty() ? "no record with id " + reference.strip()
                    + (ref.matches("\\d+") ? " (read as an id prefix: no record #" + ref + " either)"
                    : " (read as an id prefix)")
                    : "the id prefix " + reference.strip() + " matches " + matches.size() + " records; give more digits");
        }
        return matches.get(0);
    }
}
