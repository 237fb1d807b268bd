package org.verdict.cli.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.GuardFaults;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.stats.MetricFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Puts back the append-only triggers someone dropped or altered, the one way a SUSPECT log takes writes again: only once it
 * verifies against a checkpoint kept outside it, which is what shows that no record was removed from its end.
 */
@Command(name = "restore-guard", mixinStandardHelpOptions = true,
        description = {"Put back the append-only guard (SQLite triggers) that something other than Verdict dropped or"
                + " altered, once"
                + " the log verifies against a checkpoint kept outside it; until then the log is SUSPECT and takes no"
                + " write.",
                "Exit codes: 0 restored (or nothing was missing); 1 the log does not verify against the checkpoint (nothing"
                        + " written); " + ExitCodes.REFUSALS})
public final class RestoreGuardCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A checkpoint.json kept outside the log (an approval pack, an export): the log must extend it.")
    Path checkpoint;

    @Override
    protected int run() throws LedgerException {
        Checkpoint kept = Checkpoint.readJson(checkpoint);
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            GuardFaults restored = log.restoreGuard(kept, checkpoint);
            if (!restored.isEmpty()) {
                changed("the append-only guard of " + store.db + " was restored", "It stays restored.");
            }
            List<String> remade = new ArrayList<>(restored.dropped());
            remade.addAll(restored.altered());
            out().println(restored.isEmpty() ? "the append-only guard of " + store.db + " is complete; nothing to"
                    + " restore" : "restored the append-only guard of " + store.db + " (" + (remade.isEmpty() ? ""
                    : MetricFormat.count(remade.size(), "trigger", "triggers") + ": " + String.join(", ", remade))
                    + (restored.foreign().isEmpty() ? "" : (remade.isEmpty() ? "" : "; ") + "removed, as Verdict never"
                    + " makes them: " + String.join(", ", restored.foreign()))
                    + (restored.setBack() == null ? "" : (remade.isEmpty() && restored.foreign().isEmpty() ? "" : "; ")
                    + "format " + restored.setBack().recorded() + " again, as " + restored.setBack().entry()
                    + " records") + "); the log extends the checkpoint " + checkpoint);
        }
        return ExitCodes.OK;
    }
}
