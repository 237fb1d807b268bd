package org.verdict.core.ledger;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.verdict.core.ledger.VerificationReport.Problem;
import org.verdict.core.pack.Hashes;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.task.Progress;

/**
 * Checks a whole log without trusting anything the store says about itself: sequence numbers, each record's id
 * against its bytes, the hash chain, every signature against the signer register the signed log entries establish
 * (and those keys against their ids), each signature's position against its key's registration and revocation, and
 * every checkpoint's signature, Merkle root, signature hash and entry hash against the store. Optionally also
 * against references kept outside the store: the organisation's trusted signers and an older checkpoint.
 */
public final class LogVerifier {

    public VerificationReport verify(LogSnapshot log, Progress progress) {
        return verify(log, VerificationOptions.STORE_ONLY, progress);
    }

    public VerificationReport verify(LogSnapshot stored, VerificationOptions options, Progress progress) {
        List<Problem> problems = new ArrayList<>(stored.register().problems());
        Set<Long> declinedRevocations = new HashSet<>();
        LogSnapshot log = judgeRevocations(stored, options, problems, declinedRevocations);
        Map<Long, Quorum> quorums = new HashMap<>();
        Map<Long, SignatureCheck> signatureChecks = new HashMap<>();
        checkSignerKeys(log, problems);
        checkEndorsements(log, options.endorsements(), problems);
        int registerFindings = problems.size();
        List<LoggedRecord> records = log.records();
        Set<LinkBreak> linkBreaks = new LinkedHashSet<>();
        String previousHash = DecisionStatement.NO_PREVIOUS_RECORD;
        long previousSequence = 0;
        Instant previousAppendedAt = null;
        for (int i = 0; i < records.size(); i++) {
            progress.checkCancelled();
            // each record has a checkpoint too, whose signature costs as much: records are the first half
            progress.update(0.5 * i / Math.max(1, records.size()), "verifying record " + (i + 1));
            LoggedRecord record = records.get(i);
            if (record.sequence() > previousSequence + 1) {
                problems.add(new Problem(previousSequence + 1, SignerRegister.missing("record", previousSequence + 1,
                        record.sequence() - 1)));
            }
            checkRecord(record, previousHash, previousSequence, log, options, problems, linkBreaks, quorums,
                    signatureChecks);
            previousAppendedAt = checkTimes(record, previousAppendedAt, previousSequence, log, problems);
            previousHash = Hashes.sha256Hex(record.payload());
            previousSequence = record.sequence();
        }
        checkSignatureTimeOrder(log, problems);
        checkStraySignatures(log, problems);
        checkCheckpoints(log, options.trustedSigners(), problems, linkBreaks, progress);
        settle(linkBreaks, problems);
        List<String> notes = new ArrayList<>();
        checkEntriesAfterLastCheckpoint(log, problems, notes);
        noteSignaturesAfterLastCheckpoint(log, problems, notes);
        if (options.trustedSigners() != null) {
            checkEntrySigners(log, options.trustedSigners(), declinedRevocations, problems);
        }
        ConsistencyCheck check = null;
        if (options.outsideCheckpoint() != null) {
            check = ConsistencyCheck.of(log, options.outsideCheckpoint(), options.trustedSigners());
            if (!check.consistent()) {
                problems.add(new Problem(null, "the checkpoint kept outside the store ("
                        + MetricFormat.count(options.outsideCheckpoint().treeSize(), "record", "records")
                        + (check.policyOnly() ? ") is not a reference the log can be checked against: "
                                : ") is not extended by this log: ")
                        + check.message(), check.policyOnly() ? Problem.Kind.POLICY : Problem.Kind.TAMPERING));
            }
        }
        checkGuard(log, check, problems, notes);
        noteContradictions(log, notes);
        VerificationReport report = new VerificationReport(records.size(), inRecordOrder(problems, registerFindings),
                quorums, signatureChecks, check, notes, log.guardFaults(), options);
        // the status bar shows the last step while the result is being shown: it says "verified" only of an intact log
        progress.update(1, report.isIntact() ? "verified" : report.heading() + ": "
                + MetricFormat.count(problems.size(), "problem", "problems"));
        return report;
    }

    /**
     * The register's findings first (what the records' findings about their signers follow from), then record by
     * record, each record's in the order found, then the log's as a whole (checkpoints, the guard). Found check by
     * check, a record's chain break came before the changed record's own checkpoint finding, and an auditor reading
     * "#2 … #1 …" counted two altered records.
     */
    private static List<Problem> inRecordOrder(List<Problem> problems, int registerFindings) {
        List<Problem> rest = problems.subList(registerFindings, problems.size());
        List<Problem> ordered = new ArrayList<>(problems.subList(0, registerFindings));
        ordered.addAll(rest.stream().filter(p -> p.sequence() != null)
                .sorted(Comparator.comparing(Problem::sequence)).toList());
        ordered.addAll(rest.stream().filter(p -> p.sequence() == null).toList());
        return ordered;
    }

    /** A signature whose record is gone is what deleting that record leaves behind. */
    private static void checkStraySignatures(LogSnapshot log, List<Problem> problems) {
        for (RecordSignature stray : log.straySignatures()) {
            problems.add(new Problem(stray.recordSequence(), "signature #" + stray.order() + " (by "
                    + signerName(log, stray.keyId()) + ") is stored for record #" + stray.recordSequence()
                    + ", which the log does not hold (the record was deleted)"));
        }
    }

    /**
     * Entries no checkpoint covers. A revocation and an endorsed registration are written together with a checkpoint
     * signed by the revoker or endorser, so one left without it is evidence that checkpoints were deleted. A plain
     * registration is either one from a signer file, which waits for the next append's checkpoint, or one written with
     * an append, co-signature or key registration and its checkpoint, which were then deleted: the stored entry is the
     * same either way, so the note names both and claims neither.
     */
    private static void checkEntriesAfterLastCheckpoint(LogSnapshot log, List<Problem> problems, List<String> notes) {
        long covered = log.latestCheckpoint().map(Checkpoint::entryCount).orElse(0L);
        List<LogEntry> waiting = new ArrayList<>();
        for (LogEntry entry : log.entries().subList((int) Math.min(Math.max(covered, 0), log.entries().size()),
                log.entries().size())) {
            if (entry.signatures().isEmpty()) {
                waiting.add(entry);
            } else {
                problems.add(new Problem(null, entry.label() + " is covered by no checkpoint, though it was signed by "
                        + signerName(log, entry.signatures().get(0).keyId()) + " and such an entry is written together"
                        + " with that signer's checkpoint (checkpoints were deleted)"));
            }
        }
        // on a log that does not verify the problems say more than this could
        if (!waiting.isEmpty() && problems.isEmpty()) {
            notes.add(String.join("; ", waiting.stream().map(LogEntry::label).toList()) + (waiting.size() == 1
                    ? " is covered by no checkpoint: it came" : " are covered by no checkpoint: each came") + " either"
                    + " from a signer file (log register --signer), a migration or a record of the store's format, which wait for the"
                    + " next append's checkpoint, or"
                    + " with an append, co-signature or key registration whose records, signatures and checkpoint were"
                    + " deleted since; the store holds nothing that tells the two apart, only a checkpoint kept outside"
                    + " the log does");
        }
    }

    /**
     * Signatures no checkpoint covers. Verdict signs a checkpoint with every append and co-signature; only a signature
     * imported from an envelope (no key at hand) waits for the next one. One put into the store by something other
     * than Verdict looks the same, and the next write's checkpoint covers either, so the note names both before then.
     */
    private static void noteSignaturesAfterLastCheckpoint(LogSnapshot log, List<Problem> problems,
                                                          List<String> notes) {
        long covered = log.latestCheckpoint().map(Checkpoint::signatureCount).orElse(0L);
        List<String> waiting = log.signaturesInOrder().stream()
                .filter(signature -> signature.order() > covered)
                .map(signature -> "signature #" + signature.order() + " (by " + signerName(log, signature.keyId())
                        + ", on record #" + signature.recordSequence() + ")")
                .toList();
        // on a log that does not verify the problems say more than this could
        if (!waiting.isEmpty() && problems.isEmpty()) {
            notes.add(String.join("; ", waiting) + (waiting.size() == 1 ? " is" : " are") + " covered by no"
                    + " checkpoint, though Verdict signs one with every append and co-signature: "
                    + (waiting.size() == 1 ? "it was either" : "each was either") + " imported from an envelope signed"
                    + " elsewhere (log import-signature), which waits for the next write's checkpoint, or put into the"
                    + " store by something other than Verdict; the store holds nothing that tells the two apart, and"
                    + " the next write's checkpoint covers it either way, so ask who imported it before the next write");
        }
    }

    private static void checkSignerKeys(LogSnapshot log, List<Problem> problems) {
        for (RegisteredSigner signer : log.signers().values()) {
            try {
                signer.identity();
            } catch (LedgerException e) {
                problems.add(new Problem(null, "signer register: " + e.getMessage()));
            }
        }
    }

    /**
     * Two answers to one question, the later not amending the earlier, change no record and break no signature, but
     * nothing in the log said which one counts: a log written before {@link DecisionLog#append} refused that, or
     * around Verdict. Each is a note naming the one that stands, as {@code log list} and the approval pack say.
     */
    private static void noteContradictions(LogSnapshot log, List<String> notes) {
        StandingDecisions standing = StandingDecisions.of(log.records());
        for (LoggedRecord record : log.records()) {
            if (!standing.contradictedWithoutAmending(record).isEmpty()) {
                notes.add("record #" + record.sequence() + " " + standing.describe(record));
            }
        }
    }

    /**
     * Dropped or altered append-only triggers (or triggers and views Verdict never makes) change no record, but they
     * are how someone removes records from the end of the log without being stopped, and the store alone cannot show
     * whether they did. Unless a checkpoint kept outside the store shows that the log still extends it, the log is
     * SUSPECT (never "intact") and takes no write; with one, a note still names the triggers.
     */
    private static void checkGuard(LogSnapshot log, ConsistencyCheck kept, List<Problem> problems, List<String> notes) {
        if (log.guardFaults().isEmpty()) {
            return;
        }
        String faults = "the store's append-only guard is " + log.guardFaults().describe() + " by something other"
                + " than Verdict with write access to the file";
        if (kept != null) {
            // checked against a kept checkpoint: whether the log extends it is the finding, said already
            notes.add(faults + (kept.consistent() ? "; the log still extends the checkpoint kept outside it, but"
                    + " records appended after that checkpoint could have been removed" : ""));
        } else {
            problems.add(new Problem(null, faults + ": records removed from its end cannot be detected from the store"
                    + " alone, so it is not called intact and takes no write; verify it against a checkpoint kept"
                    + " outside it (`verdict log verify --checkpoint FILE`, or the Audit view's Kept checkpoint…)",
                    Problem.Kind.UNGUARDED));
        }
    }

    /**
     * A registration the policy wants endorsed and that no signer endorsed: the first registration of a store needs
     * nobody's endorsement; under {@link VerificationOptions.Endorsements#REQUIRED} every later one needs one, and
     * under {@link VerificationOptions.Endorsements#SECOND_KEYS} a second key under the name and role of a signer
     * whose key is in force does.
     */
    private static void checkEndorsements(LogSnapshot log, VerificationOptions.Endorsements rule,
                                          List<Problem> problems) {
        for (RegisteredSigner signer : log.signers().values()) {
            String finding = endorsementFinding(log, signer, rule);
            if (finding != null) {
                problems.add(new Problem(null, "log entry #" + signer.registrationEntry() + " registers "
                        + signer.name() + " (" + signer.role() + ", " + LogEntry.abbreviated(signer.keyId()) + ")"
                        + finding, Problem.Kind.POLICY));
            }
        }
    }

    /**
     * Why {@code signer}'s registration breaks the endorsement rule, as a clause after the signer
     * (" without an endorsement by an existing signer"), or null when it does not.
     */
    public static String endorsementFinding(LogSnapshot log, RegisteredSigner signer, VerificationOptions.Endorsements rule) {
        if (rule == VerificationOptions.Endorsements.NOT_CHECKED || signer.registrationEntry() <= 0
                || !signer.endorsers().isEmpty() || isMigrated(log, signer)) {
            return null;
        }
        boolean first = log.signers().values().stream().mapToLong(RegisteredSigner::registrationEntry)
                .filter(e -> e > 0).min().orElse(0) == signer.registrationEntry();
        if (first) {
            return null;
        }
        Optional<RegisteredSigner> namesake = log.signers().values().stream()
                .filter(other -> !other.keyId().equals(signer.keyId()) && other.name().equals(signer.name())
                        && other.role().equals(signer.role())
                        && other.registrationEntry() < signer.registrationEntry()
                        && (other.revocationEntry() == null || other.revocationEntry() > signer.registrationEntry()))
                .findFirst();
        if (namesake.isPresent()) {
            return " as a second key under the name and role of " + namesake.get().name() + " ("
                    + namesake.get().role() + ", key " + LogEntry.abbreviated(namesake.get().keyId()) + ", log entry #"
                    + namesake.get().registrationEntry() + ", still in force), without an endorsement by an existing"
                    + " signer: anyone who can write the file can register a key under any name";
        }
        return rule == VerificationOptions.Endorsements.REQUIRED
                ? " without an endorsement by an existing signer" : null;
    }

    /**
     * A revocation of someone else's key counts only when the policy checked accepts a key that signed it: one the
     * trusted signers list names, and under {@code --require-endorsement} one the log vouches for. The store alone
     * cannot tell who the organisation trusts, so without either every revocation by a signer in force counts, as
     * signed. A revocation that does not count is reported, and the key it names stays in force.
     *
     * @param declined receives the sequence of every revocation entry that does not count
     */
    private static LogSnapshot judgeRevocations(LogSnapshot log, VerificationOptions options, List<Problem> problems,
                                                Set<Long> declined) {
        if (options.trustedSigners() == null && !options.requireEndorsement()) {
            return log;
        }
        Map<String, RegisteredSigner> judged = new LinkedHashMap<>(log.signers());
        for (RegisteredSigner target : log.signers().values()) {
            if (target.revocationEntry() == null || target.revokers().isEmpty()
                    || target.revokers().contains(target.keyId())) {
                continue;
            }
            List<String> refused = new ArrayList<>();
            for (String keyId : target.revokers()) {
                RegisteredSigner revoker = log.signers().get(keyId);
                String why = options.trustedSigners() != null && options.trustedSigners().find(keyId).isEmpty()
                        ? "a key that is not in the trusted signers list"
                        : options.requireEndorsement() && !revoker.vouched() ? "registered without an endorsement"
                        : null;
                if (why == null) {
                    refused.clear();
                    break;
                }
                refused.add(revoker.name() + " (" + revoker.role() + ", " + LogEntry.abbreviated(keyId) + "), " + why);
            }
            if (!refused.isEmpty()) {
                problems.add(new Problem(null, "log entry #" + target.revocationEntry() + " (revocation of "
                        + target.name() + "'s key " + LogEntry.abbreviated(target.keyId()) + "): signed only by "
                        + String.join(" and by ", refused) + ", not by the key's own holder: the revocation does not"
                        + " count, and the key of " + target.name() + " stays in force", Problem.Kind.POLICY));
                judged.put(target.keyId(), target.reinstated());
                declined.add(target.revocationEntry());
            }
        }
        return declined.isEmpty() ? log : log.withRegister(new SignerRegister(judged, log.register().problems(),
                log.register().disputed()));
    }

    /** Endorsements and revocations, like record signatures, count only when the organisation lists their key. */
    private static void checkEntrySigners(LogSnapshot log, TrustedSigners roster, Set<Long> declinedRevocations,
                                          List<Problem> problems) {
        for (LogEntry entry : log.entries()) {
            if (declinedRevocations.contains(entry.sequence())) {
                continue; // already reported, with what follows from it
            }
            for (LogEntry.EntrySignature signature : entry.signatures()) {
                if (roster.find(signature.keyId()).isEmpty()) {
                    RegisteredSigner signer = log.signers().get(signature.keyId());
                    problems.add(new Problem(null, entry.label() + ": signed by " + (signer == null ? "key"
                            : signer.name() + " (" + signer.role() + ")") + " " + LogEntry.abbreviated(signature.keyId())
                            + ", a key that is not in the trusted signers list", Problem.Kind.POLICY));
                }
            }
        }
    }

    private static boolean isMigrated(LogSnapshot log, RegisteredSigner signer) {
        return log.entries().stream().anyMatch(e -> e.sequence() == signer.registrationEntry()
                && e.statement().map(s -> EntryStatement.MIGRATE.equals(s.kind())).orElse(false));
    }

    private static void checkRecord(LoggedRecord record, String previousHash, long previousSequence, LogSnapshot log,
                                    VerificationOptions options, List<Problem> problems, Set<LinkBreak> linkBreaks,
                                    Map<Long, Quorum> quorums, Map<Long, SignatureCheck> signatureChecks) {
        long seq = record.sequence();
        if (record.isAltered()) {
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
                // after a deleted record the break is the deletion's, already named; say so instead of a new cause
                if (seq > previousSequence + 1) {
                    problems.add(new Problem(seq, "does not follow record #" + previousSequence + " (the record"
                            + " between them is missing)"));
                } else {
                    linkBreaks.add(new LinkBreak(seq, false));
                }
            }
            if (statement.record() != null && statement.record().amends() != null
                    && log.records().stream().noneMatch(r -> r.sequence() < seq && r.recordId().equals(statement.record().amends()))) {
                problems.add(new Problem(seq, "amends " + statement.record().amends() + ", which is no earlier record"));
            }
        });
        List<SignatureCheck> checks = new ArrayList<>();
        for (RecordSignature signature : record.signatures()) {
            SignatureCheck check = checkSignature(log, record, signature, options);
            checks.add(check);
            signatureChecks.put(signature.order(), check);
            String relabelled = log.register().disputed().get(signature.keyId());
            if (relabelled != null) {
                problems.add(new Problem(seq, "signed by key " + LogEntry.abbreviated(signature.keyId())
                        + ", which the signer register was edited to list as " + relabelled + "; it counts only as "
                        + (check.signer() == null ? "what its signed registration says" : check.signer().toString())));
            }
            if (!check.isValid()) {
                problems.add(new Problem(seq, check.problem(), check.kind()));
            }
        }
        parsed.ifPresent(statement -> {
            if (checks.stream().filter(SignatureCheck::isValid)
                    .noneMatch(c -> c.signer().keyId().equals(statement.appendedBy()))) {
                // the appender's own signature, valid but refused by the trusted signers list, is a policy finding
                boolean onlyUntrusted = checks.stream().anyMatch(c -> c.kind() == Problem.Kind.POLICY
                        && c.signer().keyId().equals(statement.appendedBy()));
                // said as it is: a valid signature by a key the policy does not accept is no missing signature
                problems.add(onlyUntrusted
                        ? new Problem(seq, "the signature of the signer who appended it is valid, but their key does not"
                                + " count under the signing policy checked (the line above says why)", Problem.Kind.POLICY)
                        : new Problem(seq, "has no valid signature of the signer who appended it", Problem.Kind.TAMPERING));
            }
        });
        quorums.put(seq, quorum(record, checks));
    }

    /**
     * The times beside a record. Its signed {@code appendedAt} is authenticated; the stored copy
     * ({@code records.appended_at}) and each signature's {@code signed_at} are the store's clock and signed by nobody,
     * so an edit of them breaks no signature. What can be checked is that they tell no impossible story: the stored
     * append time equals the signed one, no signature entered the store before the record it signs was appended, and
     * records were appended in the order of their sequence.
     *
     * @return the record's signed append time, for the next record's order check (null when it has none)
     */
    private static Instant checkTimes(LoggedRecord record, Instant previousAppendedAt, long previousSequence,
                                      LogSnapshot log, List<Problem> problems) {
        long seq = record.sequence();
        Optional<DecisionStatement> statement = record.statement();
        if (statement.isEmpty()) {
            return previousAppendedAt;
        }
        String signed = statement.get().appendedAt();
        Instant appendedAt = instant(signed);
        if (appendedAt == null) {
            problems.add(new Problem(seq, "its signed append time '" + signed + "' is not a time"));
            return previousAppendedAt;
        }
        if (!signed.equals(record.appendedAt())) {
            problems.add(new Problem(seq, "its stored append time " + record.appendedAt() + " is not the signed one, "
                    + signed + " (records.appended_at was changed)"));
        }
        if (previousAppendedAt != null && appendedAt.isBefore(previousAppendedAt)) {
            problems.add(new Problem(seq, "its signed append time " + signed + " is before that of record #"
                    + previousSequence + ", " + previousAppendedAt + ", which comes first in the log"));
        }
        for (RecordSignature signature : record.signatures()) {
            Instant signedAt = instant(signature.signedAt());
            if (signedAt == null || signedAt.isBefore(appendedAt)) {
                problems.add(new Problem(seq, "the signature of " + signerName(log, signature.keyId())
                        + " is stored as made at " + signature.signedAt() + (signedAt == null ? ", which is not a time"
                        : ", before the record's signed append time " + signed)
                        + " (signatures.signed_at was changed; it is the store's clock and not signed)"));
            }
        }
        return appendedAt;
    }

    /** Signatures are numbered in the order they entered the store, so their stored times may not run backwards. */
    private static void checkSignatureTimeOrder(LogSnapshot log, List<Problem> problems) {
        RecordSignature previous = null;
        for (RecordSignature signature : log.signaturesInOrder()) {
            Instant at = instant(signature.signedAt());
            Instant before = previous == null ? null : instant(previous.signedAt());
            if (at != null && before != null && at.isBefore(before)) {
                problems.add(new Problem(signature.recordSequence(), "signature #" + signature.order() + " (by "
                        + signerName(log, signature.keyId()) + ") is stored as made at " + signature.signedAt()
                        + ", before signature #" + previous.order() + " (" + previous.signedAt() + "), which entered "
                        + "the store first (signatures.signed_at was changed; it is the store's clock and not signed)"));
            }
            previous = signature;
        }
    }

    /**
     * What the store still tells of a deleted signature #{@code order}: each append and co-signature is written with
     * a checkpoint signed by the same key, covering it as the newest signature. Its signer is that checkpoint's; the
     * record is the new one when the checkpoint's tree grew (the appender's signature), else the one record of that
     * tree the signer no longer signed, if only one is. Empty when no such checkpoint remains (an imported signature).
     */
    /**
     * What the checkpoints tell of a deleted signature: whose it was and, where one record alone can have lost it, that
     * record, so the record is marked and not only the store.
     *
     * @param record the record that lost it, or null when the checkpoints leave more than one
     * @param whose the words that follow "signature #n of the store is missing", empty when nothing is known
     */
    private record MissingSignature(Long record, String whose) {
    }

    private static MissingSignature whoseSignature(LogSnapshot log, long order) {
        List<Checkpoint> checkpoints = log.checkpoints();
        for (int j = 0; j < checkpoints.size(); j++) {
            Checkpoint made = checkpoints.get(j);
            Checkpoint before = j == 0 ? null : checkpoints.get(j - 1);
            if (made.signatureCount() != order || (before == null ? 0 : before.signatureCount()) != order - 1) {
                continue;
            }
            String by = signerName(log, made.keyId());
            long grownTo = made.treeSize();
            if (grownTo == (before == null ? 0 : before.treeSize()) + 1) {
                return new MissingSignature(grownTo, ": the appender's signature of record #" + grownTo + ", by " + by
                        + " (the checkpoint made with it is signed by that key)");
            }
            List<LoggedRecord> unsigned = log.records().stream().filter(r -> r.sequence() <= grownTo)
                    .filter(r -> r.signatures().stream().noneMatch(s -> s.keyId().equals(made.keyId())))
                    .filter(r -> r.signatures().stream().mapToLong(RecordSignature::order).min().orElse(0) < order)
                    .toList();
            List<LoggedRecord> awaiting = unsigned.size() <= 1 ? unsigned : awaitingRoleOf(log, made.keyId(), unsigned);
            if (awaiting.size() == 1) {
                long record = awaiting.get(0).sequence();
                return new MissingSignature(record, ": a co-signature by " + by + " of record #" + record + " (the"
                        + " checkpoint made with it is signed by that key, and #" + record + (unsigned.size() == 1
                        ? " is the only record it could then sign that lacks its signature"
                        : " is the only record it could then sign that still awaits its role") + ")");
            }
            return new MissingSignature(null, ": a co-signature by " + by + " (the checkpoint made with it is signed by"
                    + " that key; records it may have signed: " + unsigned.stream().map(r -> "#" + r.sequence())
                    .collect(Collectors.joining(", ")) + ")");
        }
        return new MissingSignature(null, "");
    }

    /**
     * Of the records a deleted co-signature may have belonged to, those whose quorum still lacks its signer's role: a
     * signature that completed a record's quorum and was deleted leaves that record awaiting the role. All of them
     * when none does, or the signer's role cannot be read.
     */
    private static List<LoggedRecord> awaitingRoleOf(LogSnapshot log, String keyId, List<LoggedRecord> records) {
        RegisteredSigner signer = log.signers().get(keyId);
        String role;
        try {
            role = signer == null ? null : signer.identity().role();
        } catch (LedgerException e) {
            return records;
        }
        List<LoggedRecord> awaiting = records.stream()
                .filter(r -> role != null && quorumOf(log, r).missing().contains(role)).toList();
        return awaiting.isEmpty() ? records : awaiting;
    }

    private static String signerName(LogSnapshot log, String keyId) {
        RegisteredSigner signer = log.signers().get(keyId);
        return (signer == null ? "key" : signer.name() + " (" + signer.role() + ")") + " "
                + LogEntry.abbreviated(keyId);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * One signature's standing.
     *
     * @param signer the registered signer when the key is known and trusted, else null
     * @param problem null when the signature verifies by a trusted key that was in force where it entered the log
     * @param doesNotVerify whether the signature fails over the record's bytes (the record or the signature changed)
     */
    public record SignatureCheck(SignerIdentity signer, String problem, boolean doesNotVerify, Problem.Kind kind) {
        SignatureCheck(SignerIdentity signer, String problem) {
            this(signer, problem, false, Problem.Kind.TAMPERING);
        }

        SignatureCheck(SignerIdentity signer, String problem, boolean doesNotVerify) {
            this(signer, problem, doesNotVerify, Problem.Kind.TAMPERING);
        }

        /** A signature that verifies, by a key in force, that the trusted signers list does not accept. */
        static SignatureCheck untrusted(SignerIdentity signer, String problem) {
            return new SignatureCheck(signer, problem, false, Problem.Kind.POLICY);
        }

        public boolean isValid() {
            return problem == null;
        }
    }

    /**
     * The signature status of one record, counting its signatures that verify by keys in force (the log's own
     * register). What a signing command reports after it wrote to a log that verified just before.
     */
    public static Quorum quorumOf(LogSnapshot log, LoggedRecord record) {
        return quorum(record, record.signatures().stream()
                .map(s -> checkSignature(log, record, s, VerificationOptions.STORE_ONLY)).toList());
    }

    private static Quorum quorum(LoggedRecord record, List<SignatureCheck> checks) {
        return Quorum.of(record.statement().map(DecisionStatement::record).map(DecisionRecord::riskTier).orElse(null),
                checks.stream().filter(SignatureCheck::isValid).map(SignatureCheck::signer).toList(),
                checks.stream().filter(SignatureCheck::doesNotVerify).map(c -> c.signer().name()).toList(),
                record.isAltered());
    }

    /**
     * Checks one signature over its record's PAE against the log's signer register and the signing policy of
     * {@code options}: a key the trusted signers list does not list (or lists with another role), or whose
     * registration lacks an endorsement the policy wants, does not count.
     */
    public static SignatureCheck checkSignature(LogSnapshot log, LoggedRecord record, RecordSignature signature,
                                                VerificationOptions options) {
        TrustedSigners roster = options.trustedSigners();
        RegisteredSigner registered = log.signers().get(signature.keyId());
        if (registered == null) {
            return new SignatureCheck(null, "signed by key " + LogEntry.abbreviated(signature.keyId())
                    + ", which no signed log entry registers");
        }
        SignerIdentity signer;
        try {
            signer = registered.identity();
        } catch (LedgerException e) {
            return new SignatureCheck(null, e.getMessage());
        }
        if (!signer.verifies(record.pae(), signature.signature())) {
            return new SignatureCheck(signer, "the signature of " + signer + (record.isAltered()
                    ? " is invalid: the record was altered after it was signed (its bytes no longer match its id)"
                    : " does not verify (record or signature changed)"), true);
        }
        String outOfForce = registered.outOfForce(signature.order());
        if (outOfForce != null) {
            return new SignatureCheck(signer, "signed by " + signer + ", but " + outOfForce);
        }
        if (roster != null) {
            Optional<TrustedSigners.Trusted> trusted = roster.find(signature.keyId());
            if (trusted.isEmpty()) {
                return SignatureCheck.untrusted(signer, "signed by " + signer + ", a key that is not in the trusted"
                        + " signers list " + roster.source().getFileName());
            }
            if (!trusted.get().role().equals(signer.role())) {
                return SignatureCheck.untrusted(signer, "signed by " + signer + ", but the trusted signers list gives"
                        + " key " + signer.shortKeyId() + " the role " + trusted.get().role() + ", not " + signer.role());
            }
        }
        String unendorsed = endorsementFinding(log, registered, options.endorsements());
        if (unendorsed != null) {
            return SignatureCheck.untrusted(signer, "signed by " + signer + ", a key that log entry #"
                    + registered.registrationEntry() + " registers" + unendorsed);
        }
        return new SignatureCheck(signer, null);
    }

    private static void checkCheckpoints(LogSnapshot log, TrustedSigners roster, List<Problem> problems,
                                         Set<LinkBreak> linkBreaks, Progress progress) {
        MerkleTree tree = log.tree();
        int size = tree.size();
        List<RecordSignature> signatures = log.signaturesInOrder();
        List<byte[]> signaturesHashes = LogSnapshot.signaturesHashes(signatures);
        Set<Long> strays = new HashSet<>(log.straySignatures().stream().map(RecordSignature::order).toList());
        // the checkpoints count the signatures made, so one deleted from the end is missed as well as one between
        long signed = Math.max(signatures.size(), log.checkpoints().stream().mapToLong(Checkpoint::signatureCount)
                .max().orElse(0));
        for (int i = 0; i < signed; i++) {
            // a signature left behind by its deleted record is there, and reported as such
            boolean there = i < signatures.size() && signatures.get(i).order() == i + 1;
            if (!there && !strays.contains(i + 1L)) {
                MissingSignature missing = whoseSignature(log, i + 1);
                problems.add(new Problem(missing.record(), "signature #" + (i + 1) + " of the store is missing (a"
                        + " signature was deleted)" + missing.whose()));
                break;
            }
        }
        long firstMissingRecord = firstMissingRecord(log);
        long legacyCheckpoints = legacyCheckpoints(log);
        Set<String> untrustedCheckpointSigners = new LinkedHashSet<>();
        Set<Long> misplacedEntries = new HashSet<>();
        List<byte[]> roots = tree.prefixRoots();
        List<Checkpoint> checkpoints = log.checkpoints();
        for (int index = 0; index < checkpoints.size(); index++) {
            progress.checkCancelled();
            progress.update(0.5 + 0.5 * index / checkpoints.size(), "verifying checkpoint " + (index + 1));
            Checkpoint checkpoint = checkpoints.get(index);
            long treeSize = checkpoint.treeSize();
            if (checkpoint.signatureCount() > signatures.size()) {
                problems.add(new Problem(null, "a checkpoint covers " + MetricFormat.count(checkpoint.signatureCount(),
                        "signature", "signatures") + " but the store holds " + signatures.size()
                        + " (signatures were deleted)"));
            } else if (!MessageDigest.isEqual(signaturesHashes.get((int) checkpoint.signatureCount()),
                    checkpoint.signaturesHash())) {
                problems.add(new Problem(null, (checkpoint.signatureCount() == 1
                        ? "the first signature differs from the one"
                        : "the first " + MetricFormat.count(checkpoint.signatureCount()) + " signatures differ from those")
                        + " the checkpoint signed (a signature was changed or removed)"));
            }
            checkEntriesCovered(log, checkpoint, index < legacyCheckpoints, misplacedEntries, problems);
            RegisteredSigner signer = log.signers().get(checkpoint.keyId());
            if (!isValidlySigned(log, checkpoint, signer)) {
                problems.add(new Problem(treeSize, "the checkpoint made after this record is not validly signed by a"
                        + " signer in force"));
            } else if (roster != null && roster.find(checkpoint.keyId()).isEmpty()) {
                untrustedCheckpointSigners.add(signer.name() + " (" + signer.role() + ", "
                        + LogEntry.abbreviated(signer.keyId()) + ")");
            }
            if (treeSize > size) {
                // named after the record it covers last, unless that record is still there (one before it was deleted)
                boolean lastIsThere = log.records().stream().anyMatch(r -> r.sequence() == treeSize);
                problems.add(new Problem(lastIsThere ? null : treeSize, "a checkpoint covers "
                        + MetricFormat.count(treeSize, "record", "records") + " but the log holds " + size
                        + " (records were deleted)"));
            } else if (treeSize < 0 || !MessageDigest.isEqual(roots.get((int) treeSize), checkpoint.rootHash())) {
                if (treeSize >= firstMissingRecord) {
                    problems.add(new Problem(null, "the checkpoints over " + firstMissingRecord + " records or more no"
                            + " longer match (record #" + firstMissingRecord + " is missing)"));
                } else {
                    linkBreaks.add(new LinkBreak(treeSize, true));
                }
            }
        }
        untrustedCheckpointSigners.forEach(who -> problems.add(new Problem(null, "checkpoints are signed by " + who
                + ", a key that is not in the trusted signers list", Problem.Kind.POLICY)));
        long covered = log.latestCheckpoint().map(Checkpoint::treeSize).orElse(0L);
        if (covered < size) {
            problems.add(new Problem(covered + 1, "no signed checkpoint covers the records from #" + (covered + 1)));
        }
    }

    /**
     * A break in record {@code sequence}'s link to the records before it: its hash chain to the one before it, or
     * the Merkle root of a checkpoint over the first {@code sequence} records. Whether it is the record's own change
     * or only shows a change to an earlier record is known once every record has been checked ({@link #settle}).
     */
    private record LinkBreak(long sequence, boolean checkpointRoot) {
        Problem asChange() {
            return new Problem(sequence, checkpointRoot ? "the Merkle root of the first " + sequence + " records"
                    + " differs from the signed checkpoint (a record up to #" + sequence + " changed)"
                    : "does not follow the record before it (hash chain broken)");
        }

        Problem after(long changed) {
            return new Problem(sequence, (checkpointRoot ? "the Merkle root of the first " + sequence + " records"
                    + " differs from the signed checkpoint because record #" + changed + ", among them, was changed"
                    : "does not follow record #" + changed + ", which was changed (hash chain broken after #"
                    + changed + ")") + "; this record's own bytes and signatures verify",
                    Problem.Kind.BROKEN_LINK, changed);
        }
    }

    /**
     * Adds each link break as what it is. A record that shows a change of its own (its bytes, a signature, its
     * times, …) or whose link breaks with no changed record before it (a record spliced in from elsewhere) is
     * changed. A record whose own bytes and signatures verify holds the hash of the record before it as that record
     * was when it was signed: a break after a changed record is that record's change showing, not a second one, and
     * counting it as one would have an auditor count two altered records where one byte changed.
     */
    private static void settle(Set<LinkBreak> linkBreaks, List<Problem> problems) {
        TreeSet<Long> changed = problems.stream()
                .filter(p -> p.kind() == Problem.Kind.TAMPERING && p.sequence() != null).map(Problem::sequence)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<Long, List<LinkBreak>> bySequence = linkBreaks.stream()
                .collect(Collectors.groupingBy(LinkBreak::sequence, TreeMap::new, Collectors.toList()));
        bySequence.forEach((sequence, breaks) -> {
            Long before = changed.lower(sequence);
            // the chain links a record to the one just before it; a checkpoint's root covers every record before it
            boolean shown = !changed.contains(sequence) && before != null
                    && breaks.stream().allMatch(b -> b.checkpointRoot() || before == sequence - 1);
            if (!shown) {
                changed.add(sequence);
            }
            breaks.forEach(b -> problems.add(shown ? b.after(before) : b.asChange()));
        });
    }

    /**
     * Signed by a registered key that was in force at the checkpoint's place: registered by an entry it covers,
     * not revoked by an entry before the last one it covers, and covering no signature after the revocation.
     */
    private static boolean isValidlySigned(LogSnapshot log, Checkpoint checkpoint, RegisteredSigner signer) {
        if (signer == null || !log.origin().equals(checkpoint.origin())) {
            return false;
        }
        try {
            if (!checkpoint.isSignedBy(signer.identity())) {
                return false;
            }
        } catch (LedgerException e) {
            return false;
        }
        Long entries = checkpoint.entryCount();
        if (entries != null && entries < signer.registrationEntry()) {
            return false;
        }
        if (entries != null && signer.revocationEntry() != null && entries > signer.revocationEntry()) {
            return false;
        }
        return signer.revokedAfterSignature() == null || checkpoint.signatureCount() <= signer.revokedAfterSignature();
    }

    /**
     * The entries a checkpoint covers must be the store's first ones, and every entry must sit on the right side of
     * the checkpoint: an entry it covers was written before it (no more records or signatures before it than the
     * checkpoint covers); an entry it does not cover was written after it.
     */
    private static void checkEntriesCovered(LogSnapshot log, Checkpoint checkpoint, boolean legacy,
                                            Set<Long> misplacedEntries, List<Problem> problems) {
        Long count = checkpoint.entryCount();
        if (count == null) {
            if (!legacy) {
                problems.add(new Problem(checkpoint.treeSize(), "the checkpoint made after this record does not cover"
                        + " the signer register's entries"));
            }
            return;
        }
        List<LogEntry> entries = log.entries();
        if (count > entries.size()) {
            problems.add(new Problem(null, "a checkpoint covers " + count + " log entries but the store holds "
                    + entries.size() + " (log entries were deleted)"));
            return;
        }
        if (!MessageDigest.isEqual(log.entriesHead(count), checkpoint.entriesHash())) {
            problems.add(new Problem(null, "the first " + count + " log entries differ from those a checkpoint signed"
                    + " (an entry was changed, removed or inserted)"));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            LogEntry entry = entries.get(i);
            Optional<EntryStatement> statement = entry.statement();
            if (statement.isEmpty()) {
                continue;
            }
            long signaturesBefore = statement.get().signaturesBefore();
            long recordsBefore = statement.get().recordsBefore();
            boolean covered = i < count;
            if (covered && (signaturesBefore > checkpoint.signatureCount() || recordsBefore > checkpoint.treeSize())
                    || !covered && (signaturesBefore < checkpoint.signatureCount() || recordsBefore < checkpoint.treeSize())) {
                if (!misplacedEntries.add(entry.sequence())) {
                    continue;
                }
                problems.add(new Problem(null, entry.label() + ": claims a place (after "
                        + MetricFormat.count(recordsBefore, "record", "records") + " and "
                        + MetricFormat.count(signaturesBefore, "signature", "signatures") + ") that the checkpoint over "
                        + MetricFormat.count(checkpoint.treeSize(), "record", "records") + " and "
                        + MetricFormat.count(checkpoint.signatureCount(), "signature", "signatures") + " contradicts (the entry was"
                        + " back-dated or moved)"));
            }
        }
    }

    private static long firstMissingRecord(LogSnapshot log) {
        long expected = 1;
        for (LoggedRecord record : log.records()) {
            if (record.sequence() != expected) {
                return expected;
            }
            expected++;
        }
        return Long.MAX_VALUE;
    }

    /** Checkpoints made before the store had entries (format 1) do not cover entries; the migration entry says how many. */
    private static long legacyCheckpoints(LogSnapshot log) {
        if (log.formatVersion() < 2) {
            return Long.MAX_VALUE;
        }
        return log.entries().stream().findFirst().flatMap(LogEntry::statement)
                .filter(s -> EntryStatement.MIGRATE.equals(s.kind()) && s.legacyCheckpoints() != null)
                .map(EntryStatement::legacyCheckpoints).orElse(0L);
    }
}
