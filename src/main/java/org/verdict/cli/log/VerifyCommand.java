package org.verdict.cli.log;

import org.verdict.cli.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
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
        try (DecisionLog log = DecisionLog.openReadOnly(store.db)) {
            report = new LogVerifier().verify(log.snapshot(), Progress.NONE);
        }
        out().println(report.summary());
        report.problems().forEach(problem -> out().println("  " + problem));
        return report.isIntact() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
