package org.verdict.cli.log;

import java.nio.file.Path;
import java.util.Arrays;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DsseEnvelope;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LoggedRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import-signature", mixinStandardHelpOptions = true,
        description = {"Import the signatures of an envelope co-signed elsewhere; the signers must be registered.",
            "Exit codes: 0 imported, 1 the log does not verify (nothing imported), " + ExitCodes.REFUSALS})
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
            if (added > 0) {
                changed(added + (added == 1 ? " new signature was" : " new signatures were") + " imported into "
                        + store.db, "Signatures imported stay in the log: there is nothing to import again (`verdict"
                        + " log list --db " + store.db + "` shows them).");
            }
            out().println("imported " + added + (added == 1 ? " new signature" : " new signatures"));
            // one read of the store after the import: the record it signed is found and its quorum counted in it
            LogSnapshot signed = log.snapshot();
            LoggedRecord record = signed.records().stream().filter(r -> Arrays.equals(r.payload(), envelope.payload()))
                    .findFirst().orElseThrow();
            out().println(RecordStatus.of(signed, record));
        }
        return ExitCodes.OK;
    }
}
