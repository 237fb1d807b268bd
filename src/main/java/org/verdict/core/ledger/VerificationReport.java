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
 * @param outsideCheckpoint whether the log extends the checkpoint kept outside the store; null when none was given
 * @param notes what the store alone leaves open although nothing in it contradicts itself (not problems)
 */
public record VerificationReport(int recordCount, List<Problem> problems, Map<Long, Quorum> quorums,
                                 ConsistencyCheck outsideCheckpoint, List<String> notes) {

    /**
     * What a verification of the store alone cannot see, said with every "intact" it gives: whoever drops the triggers
     * can delete the newest records together with everything written after them.
     */
    public static final String UNDETECTABLE_REMOVAL = "records removed from the end cannot be detected without a"
            + " checkpoint kept outside the log";

    public VerificationReport {
        // several checkpoints of one size (one per co-signature) find the same problem: it is reported once
        problems = problems.stream().distinct().toList();
        quorums = Map.copyOf(quorums);
        notes = List.copyOf(notes);
    }

    /** @param sequence the record concerned, or null for a problem of the log as a whole */
    public record Problem(Long sequence, String message) {
        @Override
        public String toString() {
            // "record #2 is missing" names its record already: not "record #2: record #2 is missing"
            return sequence == null || message.startsWith("record #" + sequence + " ")
                    || message.startsWith("records #" + sequence + " ") ? message
                    : "record #" + sequence + ": " + message;
        }
    }

    public boolean isIntact() {
        return problems.isEmpty();
    }

    public Optional<Long> firstBadRecord() {
        return problems.stream().map(Problem::sequence).filter(s -> s != null).min(Comparator.naturalOrder());
    }

    public List<Problem> problemsOf(long sequence) {
        return problems.stream().filter(p -> p.sequence() != null && p.sequence() == sequence).toList();
    }

    public boolean isRecordIntact(long sequence) {
        return problemsOf(sequence).isEmpty();
    }

    /**
     * One line for people: {@code intact: 5 records, …} with what it could not check when no checkpoint kept outside
     * the log was given, or the first bad record and the count of problems.
     */
    public String summary() {
        if (isIntact()) {
            return "intact: " + MetricFormat.count(recordCount, "record", "records") + ", every signature, the hash"
                    + " chain, the Merkle tree and every checkpoint verify; " + (outsideCheckpoint == null
                    ? UNDETECTABLE_REMOVAL : "the log extends the checkpoint kept outside it");
        }
        return "TAMPERED: " + firstBadRecord().map(s -> "first bad record is #" + s + "; ").orElse("")
                + MetricFormat.count(problems.size(), "problem", "problems");
    }
}
