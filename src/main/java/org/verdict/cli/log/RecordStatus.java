package org.verdict.cli.log;

import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;

/**
 * The one line the signing commands print after they are done: signed or awaiting. They write only to a log that
 * verified just before (or refuse), so the record they signed is intact and only its quorum is worth saying.
 */
final class RecordStatus {
    private RecordStatus() {
    }

    /** The status of record #{@code sequence} of {@code log}. */
    static String of(LogSnapshot log, long sequence) {
        return of(log, log.records().stream().filter(r -> r.sequence() == sequence).findFirst().orElseThrow());
    }

    /** The status of {@code record}, as {@code log} (read after the signing) holds it. */
    static String of(LogSnapshot log, LoggedRecord record) {
        return "status: " + LogVerifier.quorumOf(log, record).label();
    }
}
