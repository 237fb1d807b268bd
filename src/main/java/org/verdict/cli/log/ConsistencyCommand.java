package org.verdict.cli.log;

import java.nio.file.Path;
import java.util.HexFormat;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.ConsistencyCheck;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.UnreadableLogException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = {"Prove that today's log extends an older checkpoint (RFC 9162 consistency proof).",
                "Exit codes: 0 it does; 1 NOT CONSISTENT (it does not: records, signatures or entries the checkpoint"
                        + " covers were changed or removed) or POLICY NOT MET (--trusted-signers does not list the"
                        + " checkpoint's signer, so it is no reference to check against); " + ExitCodes.REFUSALS})
public final class ConsistencyCommand extends LedgerCommand {
    @Mixin
    ReadStoreOption store;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "An older checkpoint.json (from log export or log checkpoint).")
    Path checkpointFile;

    @Option(names = "--trusted-signers", paramLabel = "FILE",
            description = "The organisation's list of signers: the older checkpoint must be signed by a key it names.")
    Path trustedSigners;

    @Override
    protected int run() throws LedgerException {
        Path db = store.chosen(err());
        Checkpoint older = Checkpoint.readJson(checkpointFile);
        TrustedSigners roster = trustedSigners == null ? null : TrustedSigners.read(trustedSigners);
        LogSnapshot snapshot;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            snapshot = log.snapshot();
        } catch (UnreadableLogException e) {
            // an empty or unreadable file where the checkpoint covers records: they were removed, not bad input
            String destroyed = e.destroyedAgainst(db, older, checkpointFile);
            if (destroyed == null) {
                throw e;
            }
            out().println("NOT CONSISTENT: " + destroyed);
            return ExitCodes.CHECK_FAILED;
        }
        older.requireOf(snapshot.origin(), checkpointFile);
        ConsistencyCheck check = ConsistencyCheck.of(snapshot, older, roster);
        // a checkpoint by a signer the organisation does not list breaks the policy checked; it shows no change
        out().println((check.consistent() ? "consistent: " : check.policyOnly() ? "POLICY NOT MET: "
                : "NOT CONSISTENT: ") + check.message());
        out().println("old size " + older.treeSize() + ", root " + older.rootHashHex());
        out().println("new size " + check.currentSize() + ", root " + check.currentRootHex());
        check.proof().forEach(hash -> out().println("proof " + HexFormat.of().formatHex(hash)));
        return check.consistent() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
