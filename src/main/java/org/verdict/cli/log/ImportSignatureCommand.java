package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DsseEnvelope;
import org.verdict.core.ledger.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import-signature", mixinStandardHelpOptions = true,
        description = "Import the signatures of an envelope co-signed elsewhere; the signers must be registered.")
public final class ImportSignatureCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--envelope", required = true, paramLabel = "FILE", description = "The co-signed envelope.")
    Path envelopeFile;

    @Override
    protected int run() throws LedgerException {
        DsseEnvelope envelope = DsseEnvelope.read(envelopeFile);
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            int added = log.importSignatures(envelope);
            out().println("imported " + added + (added == 1 ? " new signature" : " new signatures"));
            long sequence = log.snapshot().records().stream()
                    .filter(r -> java.util.Arrays.equals(r.payload(), envelope.payload())).findFirst().orElseThrow().sequence();
            out().println(RecordStatus.of(log.snapshot(), sequence));
        }
        return ExitCodes.OK;
    }
}
