package org.verdict.ui.decision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.Quorum;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.StandingDecisions;
import org.verdict.core.task.Progress;

/**
 * Appends a signed decision to a decision log and says whether its quorum is met. The app's logs are SQLite files
 * ({@link #onDisk()}); a test can answer without a database.
 */
@FunctionalInterface
public interface DecisionAppender {
    /** The record as stored and its quorum with the signatures the log holds now. */
    record Appended(LoggedRecord record, Quorum quorum) {
    }

    /**
     * @param progress the verification that precedes the append; a log that does not verify is refused with what
     *                 {@code log verify} says first, and nothing is written
     */
    Appended append(Path store, DecisionRecord record, SignerKey key, Progress progress) throws LedgerException;

    /**
     * The decision standing in {@code store} on the question {@code record} decides ({@link StandingDecisions}), which
     * a record answering otherwise must amend. A log answering without a database holds none.
     */
    default Optional<LoggedRecord> standingOn(Path store, DecisionRecord record) throws LedgerException {
        return Optional.empty();
    }

    /** SQLite decision logs, each opened for the one append or look-up and closed again. */
    static DecisionAppender onDisk() {
        return new DecisionAppender() {
            @Override
            public Appended append(Path store, DecisionRecord record, SignerKey key, Progress progress)
                    throws LedgerException {
                try (DecisionLog log = DecisionLog.openForWriting(store)) {
                    LoggedRecord appended = log.append(record, key, progress);
                    return new Appended(appended, LogVerifier.quorumOf(log.snapshot(), appended));
                }
            }

            @Override
            public Optional<LoggedRecord> standingOn(Path store, DecisionRecord record) throws LedgerException {
                if (!Files.exists(store)) {
                    return Optional.empty(); // the first append creates it
                }
                try (DecisionLog log = DecisionLog.openReadOnly(store)) {
                    return StandingDecisions.of(log.snapshot().records()).standingOn(record);
                }
            }
        };
    }
}
