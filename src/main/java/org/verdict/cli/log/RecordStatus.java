package org.verdict.cli.log;

import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;

/**
 * The one line the signing commands print after they are done: signed or awaiting. They write only to a log that
 * verified just before (or refuse), so the record they signed is intact and only its quorum is worth saying.
 */
final class RecordStatus {
    private RecordStatus() {
    }

    static String of(LogSnapshot log, long sequence) {
        return "status: " + LogVerifier.quorumOf(log, log.records().stream().filter(r -> r.sequence() == sequence)
                .findFirst().orElseThrow()).label();
    }
}
