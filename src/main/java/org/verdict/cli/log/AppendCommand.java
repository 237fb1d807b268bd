package org.verdict.cli.log;

import java.nio.file.Path;
import java.util.List;
import org.verdict.cli.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.Evidence;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.RecordJson;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
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

    @Option(names = "--pack", paramLabel = "PACK", description = "The review pack (folder or .zip) the decision was"
            + " made from: its files' SHA-256 become the record's evidence (or must equal the evidence it holds).")
    Path pack;

    @Mixin
    KeyOptions key;

    @Override
    protected int run() throws LedgerException {
        DecisionRecord record = RecordJson.parseRecordFile(recordFile);
        if (pack != null) {
            record = bindToPack(record);
        }
        RecordJson.checkComplete(recordFile.toString(), record);
        SignerKey signer = key.unlock();
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            LoggedRecord appended = log.append(record, signer);
            out().println("appended record #" + appended.sequence() + " " + appended.recordId() + " signed by "
                    + signer.identity());
            out().println(RecordStatus.of(log.snapshot(), appended.sequence()));
        }
        return ExitCodes.OK;
    }

    private DecisionRecord bindToPack(DecisionRecord record) throws LedgerException {
        Evidence evidence;
        try (ReviewPack loaded = new PackLoader().load(pack, Progress.NONE)) {
            evidence = Evidence.of(loaded);
        } catch (PackException e) {
            throw new LedgerException("cannot read the pack: " + e.getMessage(), e);
        }
        List<String> differences = record.evidence() == null ? List.of() : record.evidence().differencesFrom(evidence);
        if (!differences.isEmpty()) {
            throw new LedgerException(recordFile + ": its evidence does not match the files of " + pack + " (the"
                    + " decision would be bound to other evidence than the pack it names):\n  " + String.join("\n  ", differences)
                    + "\nLeave 'evidence' out of the record to take the pack's, or give the pack the decision was made from.");
        }
        return record.withEvidence(evidence);
    }
}
