package org.verdict.ui.decision;

import java.nio.file.Path;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.Quorum;
import org.verdict.core.ledger.SignerKey;
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

    /** SQLite decision logs, each opened for the one append and closed again. */
    static DecisionAppender onDisk() {
        return (store, record, key, progress) -> {
            try (DecisionLog log = DecisionLog.openForWriting(store)) {
                LoggedRecord appended = log.append(record, key, progress);
                return new Appended(appended, LogVerifier.quorumOf(log.snapshot(), appended));
            }
        };
    }
}
