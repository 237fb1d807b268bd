package org.verdict.cli.log;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.ConsistencyCheck;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.UnreadableLogException;
import org.verdict.core.ledger.VerificationReport;
import picocli.CommandLine.Option;

/**
 * {@code --checkpoint}: a checkpoint kept outside the log, which {@code log verify} and {@code log list} check the log
 * against alike (the same reading, the same TAMPERED for a log destroyed since, the same closing line).
 */
public final class KeptCheckpointOption {
    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "A checkpoint.json kept elsewhere (an approval pack, an export): the log must still extend it.")
    Path file;

    /** The kept checkpoint, or null when none was given. */
    Checkpoint read() throws LedgerException {
        return file == null ? null : Checkpoint.readJson(file);
    }

    /**
     * The log as it stands, read-only, checked to be the log {@code kept} was made of; null when the file is empty or
     * damaged where {@code kept} covers records: they were removed, which this prints as TAMPERED (not bad input).
     */
    LogSnapshot snapshot(Path db, Checkpoint kept, PrintWriter out) throws LedgerException {
        LogSnapshot snapshot;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            snapshot = log.snapshot();
        } catch (UnreadableLogException e) {
            String destroyed = kept == null ? null : e.destroyedAgainst(db, kept, file);
            if (destroyed == null) {
                throw e;
            }
            out.println("TAMPERED: " + destroyed);
            return null;
        }
        if (kept != null) {
            kept.requireOf(snapshot.origin(), file);
        }
        return snapshot;
    }

    /**
     * What the log was checked against, in words that never read as a pass when the check failed; null without a
     * kept checkpoint.
     *
     * @param problemsAbove whether the report's problems were printed before it (verify); else it says the problem
     */
    String outcome(VerificationReport report, boolean problemsAbove) {
        ConsistencyCheck check = report.outsideCheckpoint();
        if (check == null) {
            return null;
        }
        String why = problemsAbove ? " (the problem above)" : ": " + check.message();
        return check.consistent() ? "Checked against the checkpoint " + file + ": " + check.message()
                : check.policyOnly() ? "The checkpoint " + file + " was not checked against this log: its signer is not"
                        + " a trusted signer" + why
                : "The checkpoint " + file + " is not extended by this log" + why;
    }
}
