package org.verdict.core.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.stats.MetricFormat;

/**
 * What {@link LogVerifier} found. A problem that concerns a record carries its sequence number; the first bad
 * record is the lowest such number.
 *
 * @param quorums the signature status of every record (by sequence), counting only valid signatures
 * @param signatureChecks every record signature's standing (by its order in the store), so that what lists the
 *                        signatures does not verify each one a second time (an Ed25519 check costs about a
 *                        millisecond, the whole of a record's share of the verification)
 * @param outsideCheckpoint whether the log extends the checkpoint kept outside the store; null when none was given
 * @param notes what the store alone leaves open although nothing in it contradicts itself (not problems)
 * @param guardFaults how the store's append-only guard is not as Verdict made it ({@link GuardFaults#NONE} if it is)
 * @param options what the log was checked against (each signature's standing is judged by the same)
 */
public record VerificationReport(int recordCount, List<Problem> problems, Map<Long, Quorum> quorums,
                                 Map<Long, LogVerifier.SignatureCheck> signatureChecks, ConsistencyCheck outsideCheckpoint, List<String> notes, GuardFaults guardFaults,
                                 VerificationOptions options) {

    /**
     * What a verification of the store alone cannot see, said with every "intact" it gives: whoever drops the triggers
     * can delete the newest records together with everything written after them.
     */
    public static final String UNDETECTABLE_REMOVAL = "records removed from the end cannot be detected without a"
            + " checkpoint kept outside the log";

    public VerificationReport {
        // several checkpoints of one size (one per co-signature) find the same problem: it is reported once; policy
        // findings come last (each part in the verifier's order), so that a record altered among a hundred of them is
        // the first one listed, not the hundredth
        problems = problems.stream().distinct()
                .sorted(Comparator.comparing(problem -> problem.kind() == Problem.Kind.POLICY)).toList();
        quorums = Map.copyOf(quorums);
        signatureChecks = Map.copyOf(signatureChecks);
        notes = List.copyOf(notes);
    }

    /**
     * @param sequence the record concerned, or null for a problem of the log as a whole
     * @param kind whether the store was changed, or it is whole but breaks a signing policy it was checked against
     * @param brokenAfter of a {@link Kind#BROKEN_LINK}, the changed record the link breaks at (the nearest changed
     *                    record before {@code sequence}); else null
     */
    public record Problem(Long sequence, String message, Kind kind, Long brokenAfter) {
        /** A sign of tampering: the store contradicts itself or its signatures. */
        public Problem(Long sequence, String message) {
            this(sequence, message, Kind.TAMPERING);
        }

        public Problem(Long sequence, String message, Kind kind) {
            this(sequence, message, kind, null);
        }

        /** What a problem says of the log. */
        public enum Kind {
            /** Altered, missing or forged records, signatures, entries or checkpoints: the store was changed. */
            TAMPERING,
            /**
             * The record's own bytes and signatures verify, but its link to the records before it (the hash chain, a
             * checkpoint's Merkle root over them) breaks because an earlier record was changed: it shows that change
             * and is not one, so an auditor does not count it among the records altered.
             */
            BROKEN_LINK,
            /**
             * The store is whole, but breaks the signing policy it was checked against: a signature by a key not in the
             * trusted signers list (or under another role), a registration no signer in force endorsed.
             */
            POLICY,
            /**
             * Nothing shows a change, but the store's append-only guard was changed by something other than Verdict,
             * and no checkpoint kept outside the store shows that no record was removed from its end.
             */
            UNGUARDED
        }

        @Override
        public String toString() {
            // "record #2 is missing" names its record already: not "record #2: record #2 is missing"
            return sequence == null || message.startsWith("record #" + sequence + " ")
                    || message.startsWith("records #" + sequence + " ") ? message
                    : "record #" + sequence + ": " + message;
        }
    }

    /** No problem of any kind: what a write to the log requires, and exit 0 of {@code log verify}. */
    public boolean isIntact() {
        return problems.isEmpty();
    }

    /** Whether any problem is a sign of tampering, not only of a signing policy the log does not meet. */
    public boolean isTampered() {
        return problems.stream().anyMatch(problem -> problem.kind() == Problem.Kind.TAMPERING);
    }

    /** Whether, without a sign of tampering, the store's guard is missing and nothing outside it vouches for it. */
    public boolean isSuspect() {
        return !isTampered() && problems.stream().anyMatch(problem -> problem.kind() == Problem.Kind.UNGUARDED);
    }

    /**
     * "TAMPERED" when the store was changed, "SUSPECT" when its guard was changed and records removed from its end
     * could not be seen, "POLICY NOT MET" when it is whole but breaks the signing policy.
     */
    public String heading() {
        return isIntact() ? "intact" : isTampered() ? "TAMPERED" : isSuspect() ? "SUSPECT" : "POLICY NOT MET";
    }

    /**
     * Why the content of record {@code sequence} must not be read as what was decided, or null when a valid
     * signature still vouches for it: its bytes were changed after signing, or no signature verifies over them.
     */
    public String untrustedContent(long sequence) {
        Quorum quorum = quorums.get(sequence);
        if (quorum == null) {
            return null;
        }
        return quorum.altered() ? "content not trusted: record altered after signing"
                : quorum.invalid().isEmpty() ? null : "content not trusted: its signature does not verify";
    }

    /**
     * The lowest record a problem names; of a tampered log the lowest record whose bytes, signature or chain show the
     * change, not an earlier one that only breaks the signing policy.
     */
    /**
     * The standing of {@code signature} (of {@code record} in {@code log}, the log this report is of) under this
     * report's options, as the verification found it; checked anew only for a signature it did not see.
     */
    public LogVerifier.SignatureCheck signatureCheck(LogSnapshot log, LoggedRecord record, RecordSignature signature) {
        LogVerifier.SignatureCheck found = signatureChecks.get(signature.order());
        return found != null ? found : LogVerifier.checkSignature(log, record, signature, options);
    }

    public Optional<Long> firstBadRecord() {
        return problems.stream().filter(p -> !isTampered() || p.kind() != Problem.Kind.POLICY)
                .map(Problem::sequence).filter(s -> s != null).min(Comparator.naturalOrder());
    }

    public List<Problem> problemsOf(long sequence) {
        return problems.stream().filter(p -> p.sequence() != null && p.sequence() == sequence).toList();
    }

    public boolean isRecordIntact(long sequence) {
        return problemsOf(sequence).isEmpty();
    }

    /**
     * One line for people: {@code intact: 5 records, …} with what it could not check when no checkpoint kept outside
     * the log was given; else the {@link #heading} with the first bad record and the count of problems.
     */
    public String summary() {
        if (isIntact()) {
            return "intact: " + MetricFormat.count(recordCount, "record", "records") + ", every signature, the hash"
                    + " chain, the Merkle tree and every checkpoint verify; " + (outsideCheckpoint == null
                    ? UNDETECTABLE_REMOVAL : "the log extends the checkpoint kept outside it");
        }
        if (isSuspect()) {
            return heading() + ": " + guardFaults.headline() + " — cannot tell whether records were removed from the end of the log;"
                    + " verify it against a checkpoint kept outside it (" + MetricFormat.count(recordCount, "record",
                    "records") + " and their signatures, hash chain, Merkle tree and checkpoints show no change; "
                    + MetricFormat.count(problems.size(), "problem", "problems") + ")";
        }
        if (!isTampered()) {
            return heading() + ": the records, signatures, hash chain, Merkle tree and checkpoints show no change, but "
                    + MetricFormat.count(problems.size(), "problem breaks", "problems break")
                    + " the signing policy checked (trusted signers, endorsements)";
        }
        long policy = problems.stream().filter(p -> p.kind() == Problem.Kind.POLICY).count();
        return heading() + ": " + firstBadRecord().map(s -> "first bad record is #" + s + "; ").orElse("")
                + (policy == 0 ? MetricFormat.count(problems.size(), "problem", "problems")
                : MetricFormat.count(problems.size() - policy, "problem shows", "problems show") + " the change"
                + " (listed first), " + MetricFormat.count(policy, "breaks", "break") + " the signing policy checked");
    }
}
