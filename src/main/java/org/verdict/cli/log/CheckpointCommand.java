package org.verdict.cli.log;

import java.io.IOException;
import java.nio.file.Path;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Print the latest signed checkpoint as JSON (or save it with --out), to keep outside the log for"
                + " a later `log verify --checkpoint` or `log consistency`.", "Exit codes: 0 printed or saved, 1 the log"
                + " does not verify, as `log verify` says (nothing printed or written), " + ExitCodes.REFUSALS})
public final class CheckpointCommand extends LedgerCommand {
    @Mixin
    ReadStoreOption store;

    @Option(names = "--out", paramLabel = "FILE", description = "Write checkpoint.json here instead of printing it"
            + " (the same bytes).")
    Path out;

    @Override
    protected int run() throws LedgerException, IOException {
        Path db = store.chosen(err());
        Checkpoint checkpoint;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            checkpoint = log.latestVerifiedCheckpoint();
        }
        if (out == null) {
            out().print(checkpoint.toJson());
        } else {
            writeFile(out, checkpoint.toJson());
            out().println("wrote " + out);
        }
        return ExitCodes.OK;
    }
}
