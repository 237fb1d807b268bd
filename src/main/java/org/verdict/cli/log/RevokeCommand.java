package org.verdict.cli.log;

import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.RegisteredSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a signer's key by a log entry you sign: signatures that enter the log after it do not"
                + " count; what the key signed before stays valid. Sign with the key itself or as another"
                + " registered signer.",
            "Exit codes: 0 revoked, 1 the log does not verify (nothing written), " + ExitCodes.REFUSALS})
public final class RevokeCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Mixin
    KeyOptions key;

    @Option(names = "--key-id", required = true, paramLabel = "KEYID", description = "Key id or a prefix of 6+ hex digits.")
    String keyId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the auditors.")
    String reason;

    @Override
    protected int run() throws LedgerException {
        var revoker = key.unlock();
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            RegisteredSigner revoked = log.revoke(keyId, reason, revoker);
            changed("the key of " + revoked.name() + " (" + revoked.role() + ") was revoked by log entry #"
                    + revoked.revocationEntry() + " of " + store.db, "The revocation stays in the log: do not revoke"
                    + " the key again.");
            out().println("revoked the key of " + revoked.name() + " (" + revoked.role() + ") by log entry #"
                    + revoked.revocationEntry() + ", signed by " + revoker.identity());
        }
        return ExitCodes.OK;
    }
}
