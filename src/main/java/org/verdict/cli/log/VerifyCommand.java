package org.verdict.cli.log;

import org.verdict.cli.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.DecisionStatement;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every signature, the hash chain, the Merkle tree and every checkpoint.",
                "Exit 0 intact, 1 tampered (the first bad record is named), 2 bad input."})
public final class VerifyCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Override
    protected int run() throws LedgerException {
        VerificationReport report;
        LogSnapshot snapshot;
        try (DecisionLog log = DecisionLog.openReadOnly(store.db)) {
            snapshot = log.snapshot();
            report = new LogVerifier().verify(snapshot, Progress.NONE);
        }
        out().println(report.summary());
        report.problems().forEach(problem -> out().println("  " + problem));
        // a verified signature says who decided, not that every gate passed: promotes over blocked gates are named
        for (LoggedRecord record : snapshot.records()) {
            record.statement().map(DecisionStatement::record).map(DecisionRecord::overrideText)
                    .filter(text -> !text.isEmpty())
                    .ifPresent(text -> out().println("  #" + record.sequence() + " (" + record.shortId() + ") "
                            + text));
        }
        return report.isIntact() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
