package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.cli.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a signer's public key, name and role (from NAME.signer.json) in the log.")
public final class RegisterCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--signer", required = true, paramLabel = "FILE", description = "NAME.signer.json from `key new`.")
    Path signerFile;

    @Override
    protected int run() throws LedgerException {
        SignerIdentity signer = KeyFile.readIdentity(signerFile);
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            log.register(signer);
        }
        out().println("registered " + signer + ", key id " + signer.keyId());
        return ExitCodes.OK;
    }
}
