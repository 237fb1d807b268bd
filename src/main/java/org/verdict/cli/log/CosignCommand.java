package org.verdict.cli.log;

import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.SignerKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cosign", mixinStandardHelpOptions = true, description = {"Add your signature to a record in the log.",
            "Exit codes: 0 co-signed, 1 the log does not verify (no signature added), " + ExitCodes.REFUSALS})
public final class CosignCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Sequence number, record id or id prefix (6+ hex digits).")
    String id;

    @Mixin
    KeyOptions key;

    @Override
    protected int run() throws LedgerException {
        SignerKey signer = key.unlock();
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            LoggedRecord record = log.cosign(id, signer);
            changed("record #" + record.sequence() + " was co-signed by " + signer.identity() + " in " + store.db,
                    "The signature stays in the log: do not co-sign it again (`verdict log list --db " + store.db
                            + "` shows it).");
            out().println("record #" + record.sequence() + " co-signed by " + signer.identity());
            LogSnapshot signed = log.snapshot();
            out().println(RecordStatus.of(signed, record.sequence()));
            RecordStatus.endorsementWanted(signed, signer.identity(), key.keyFile, store.db)
                    .ifPresent(warning -> err().println("warning: " + warning));
        }
        return ExitCodes.OK;
    }
}
