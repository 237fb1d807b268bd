package org.verdict.cli.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register a signer from NAME.signer.json: a log entry holding the signer's own signature over"
                + " name, role and key, endorsed by an existing signer with --endorse-key where the organisation"
                + " wants it (log verify --require-endorsement). A signer registered already without an endorsement"
                + " (one who signed before anyone endorsed them) is endorsed by the same command: their signatures"
                + " count from then on, those made before too.",
            "Exit codes: 0 registered or endorsed, 1 the log does not verify (nothing written), " + ExitCodes.REFUSALS})
public final class RegisterCommand extends LedgerCommand {
    @Mixin
    StoreOption store;

    @Option(names = "--signer", required = true, paramLabel = "FILE", description = "NAME.signer.json from `key new`.")
    Path signerFile;

    @ArgGroup(exclusive = false)
    Endorsement endorsement;

    static final class Endorsement {
        @Option(names = "--endorse-key", required = true, paramLabel = "KEYFILE",
                description = "Your key file: you, a registered signer, endorse the new signer.")
        Path keyFile;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "File whose first line is your key's passphrase; asked on the console when absent.")
        Path passphraseFile;
    }

    @Override
    protected int run() throws LedgerException {
        KeyFile.SignerFile signer = KeyFile.readSigner(signerFile);
        List<SignerKey> endorsers = new ArrayList<>();
        if (endorsement != null) {
            KeyFile key = KeyFile.read(endorsement.keyFile);
            endorsers.add(key.unlock(Passphrases.read(endorsement.passphraseFile,
                    "Passphrase for " + key.identity().name())));
        }
        try (DecisionLog log = DecisionLog.openForWriting(store.db)) {
            log.register(signer.identity(), signer.selfSignature(), endorsers);
            changed(signer.identity() + ", key id " + signer.identity().keyId() + ", was registered in " + store.db,
                    "The registration stays in the log; registering the signer again changes nothing.");
        }
        out().println("registered " + signer.identity() + ", key id " + signer.identity().keyId()
                + (endorsers.isEmpty() ? "" : ", endorsed by " + endorsers.get(0).identity()));
        return ExitCodes.OK;
    }
}
