package org.verdict.core.ledger;

import java.nio.file.Path;
import org.verdict.core.stats.MetricFormat;

/**
 * A log that does not verify takes nothing more and gives out no checkpoint: a new record, signature or checkpoint
 * would be signed over (and so vouch for) a history that was changed. The message says what {@code log verify}
 * says first: its summary line and the first problem, in its words.
 */
public final class LogNotIntactException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final transient VerificationReport report;

    /** @param refused what was not done and why, e.g. "nothing was appended (a signature now would vouch …)" */
    public LogNotIntactException(Path db, VerificationReport report, String refused) {
        super(message(db, report, refused));
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }

    private static String message(Path db, VerificationReport report, String refused) {
        int more = report.problems().size() - 1;
        // a guard changed by another program: it is not restored in passing, which would hide that evidence
        String lead = report.isSuspect() ? "the append-only guard of the decision log " + db + " was changed by"
                + " something other than Verdict (" + report.guardFaults().headline() + "), so " + refused + ":\n"
                : "the decision log " + db + " does not verify, so " + refused + ":\n";
        return lead + report.summary() + "\n  " + report.problems().get(0)
                + (more > 0 ? "\n  … and " + MetricFormat.count(more, "more problem", "more problems")
                        + ": `verdict log verify --db " + db + "` (or the Audit view) lists every one" : "")
                + (report.isSuspect() ? "\nFirst verify it against a checkpoint kept outside it: `verdict log verify"
                        + " --db " + db + " --checkpoint FILE`. If the log extends it, `verdict log restore-guard --db "
                        + db + " --checkpoint FILE` puts the guard back; if not, restore the log from a copy that"
                        + " verifies and keep this file as evidence." : "");
    }
}
