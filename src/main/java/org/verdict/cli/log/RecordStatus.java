package org.verdict.cli.log;

import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;

/** The one line the signing commands print after they are done: verified or not, signed or awaiting. */
final class RecordStatus {
    private RecordStatus() {
    }

    static String of(LogSnapshot log, long sequence) {
        VerificationReport report = new LogVerifier().verify(log, Progress.NONE);
        return "status: " + report.quorums().get(sequence).label()
                + (report.isRecordIntact(sequence) ? "" : " (BROKEN: run log verify)");
    }
}
