package org.verdict.core.ledger;

/**
 * A log file that cannot be read as a decision log at all: empty or without tables, not a SQLite database, or a
 * damaged one. Alone that may be an interrupted creation or a wrong file; against a checkpoint kept outside the log
 * that covers records, it is evidence that they were removed ({@link #destroyedAgainst}).
 */
public final class UnreadableLogException extends LedgerException {
    private static final long serialVersionUID = 1L;

    /** What the file is, as a clause after its name: "holds no tables (it is empty)", "is a damaged SQLite database". */
    private final String state;

    UnreadableLogException(String message, String state, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    /** Whether the file is a damaged SQLite database (cut short or overwritten), not another kind of file. */
    public boolean isDamaged() {
        return DAMAGED.equals(state);
    }

    /** The state of a damaged SQLite database. */
    static final String DAMAGED = "is a damaged SQLite database";

    /**
     * The finding when a kept checkpoint covers what this file no longer holds ("the log was destroyed: …", then
     * what to do), or null when the checkpoint covers nothing, so an empty file does not contradict it.
     */
    public String destroyedAgainst(java.nio.file.Path db, Checkpoint kept, java.nio.file.Path keptFile) {
        long entries = kept.entryCount() == null ? 0 : kept.entryCount();
        if (kept.treeSize() == 0 && kept.signatureCount() == 0 && entries == 0) {
            return null;
        }
        String covered = org.verdict.core.stats.MetricFormat.count(kept.treeSize(), "record", "records") + ", "
                + org.verdict.core.stats.MetricFormat.count(kept.signatureCount(), "signature", "signatures")
                + (kept.entryCount() == null ? "" : " and "
                + org.verdict.core.stats.MetricFormat.count(entries, "log entry", "log entries"));
        return "the log was destroyed: the checkpoint kept outside it (" + keptFile + ") covers " + covered
                + ", but " + db + " " + state + ", so they were removed\n  restore the log from a copy that extends"
                + " the checkpoint (an export or a backup) and keep this file as evidence; do not append to it"
                + (getCause() == null ? "" : "\n  SQLite: " + getCause().getMessage());
    }
}
