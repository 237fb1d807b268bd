package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.cli.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.RecordJson;
import org.verdict.core.ledger.SignerKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "append", mixinStandardHelpOptions = true,
        description = "Sign a decision record and append it to the log (creating the log if needed).")
public final class AppendCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--record", required = true, paramLabel = "FILE.json", description = "The decision record (see docs/decision-log.md).")
    Path recordFile;

    @Mixin
    KeyOptions key;

    @Override
    protected int run() throws LedgerException {
        DecisionRecord record = RecordJson.readRecordFile(recordFile);
        SignerKey signer = key.unlock();
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            LoggedRecord appended = log.append(record, signer);
            out().println("appended record #" + appended.sequence() + " " + appended.recordId() + " signed by "
                    + signer.identity());
            out().println(RecordStatus.of(log.snapshot(), appended.sequence()));
        }
        return ExitCodes.OK;
    }
}
