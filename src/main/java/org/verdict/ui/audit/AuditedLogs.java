package org.verdict.ui.audit;

import java.nio.file.Path;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.SignerKey;

/**
 * The decision logs on disk as the Audit view reads, co-signs and endorses registrations in them. The app's are SQLite files
 * ({@link #onDisk()}); a test can hand over a snapshot without a database.
 */
public interface AuditedLogs {
    /**
     * The log's records, signatures, checkpoints and the rest of the store as they are now, read without writing in
     * one read, so that everything the view says about the log is said of one state.
     */
    LogSnapshot read(Path store) throws LedgerException;

    /** Adds {@code key}'s signature to the record {@code recordReference} (its sequence number or id). */
    void cosign(Path store, String recordReference, SignerKey key) throws LedgerException;

    /**
     * Endorses, with {@code endorser}, the registration of the key {@code keyId}, which awaits one (as {@code log
     * register --endorse-key} does); returns the signer as the log now registers it.
     */
    RegisteredSigner endorse(Path store, String keyId, SignerKey endorser) throws LedgerException;

    /** SQLite decision logs, each opened for the one read, co-signature or endorsement and closed again. */
    static AuditedLogs onDisk() {
        return new AuditedLogs() {
            @Override
            public LogSnapshot read(Path store) throws LedgerException {
                try (DecisionLog log = DecisionLog.openReadOnly(store)) {
                    return log.snapshot();
                }
            }

            @Override
            public void cosign(Path store, String recordReference, SignerKey key) throws LedgerException {
                try (DecisionLog log = DecisionLog.openForWriting(store)) {
                    log.cosign(recordReference, key);
                }
            }

            @Override
            public RegisteredSigner endorse(Path store, String keyId, SignerKey endorser) throws LedgerException {
                try (DecisionLog log = DecisionLog.openForWriting(store)) {
                    return log.endorse(keyId, endorser);
                }
            }
        };
    }
}
