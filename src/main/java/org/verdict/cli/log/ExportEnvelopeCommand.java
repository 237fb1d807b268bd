package org.verdict.cli.log;

import java.io.IOException;
import java.nio.file.Path;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export-envelope", mixinStandardHelpOptions = true,
        description = {"Write a record as a DSSE envelope file, to be co-signed on another machine with sign-envelope.",
            "Exit codes: 0 written, " + ExitCodes.REFUSALS})
public final class ExportEnvelopeCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Sequence number, record id or id prefix.")
    String id;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Envelope file to write.")
    Path out;

    @Override
    protected int run() throws LedgerException, IOException {
        try (DecisionLog log = DecisionLog.openReadOnly(store.db)) {
            writeFile(out, log.envelope(id).toJson());
        }
        out().println("wrote " + out);
        return ExitCodes.OK;
    }
}
