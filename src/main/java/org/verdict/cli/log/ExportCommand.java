package org.verdict.cli.log;

import java.io.IOException;
import java.nio.file.Path;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogExport;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.VerificationReport;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every record's signed bytes, signatures, signer keys, inclusion proof and a VERIFY.md"
                + " for checking them with openssl and sha256sum.",
            "Exit codes: 0 exported, 1 the log does not verify (nothing exported), " + ExitCodes.REFUSALS})
public final class ExportCommand extends LedgerCommand {
    @Mixin
    ReadStoreOption store;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created when missing).")
    Path out;

    @Override
    protected int run() throws LedgerException, IOException {
        Path db = store.chosen(err());
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
            new LogExport().write(db, snapshot, report, out, Progress.NONE);
            out().println("exported " + MetricFormat.count(snapshot.records().size(), "record", "records") + " to " + out + "; see " + out.resolve("VERIFY.md"));
        }
        return ExitCodes.OK;
    }
}
