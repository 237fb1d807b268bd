package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerKey;
import picocli.CommandLine.Option;

/** {@code --key} and {@code --passphrase-file} of every command that signs. */
public final class KeyOptions {
    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "Your key file (NAME.key.json from `key new`).")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the key's passphrase; asked on the console when absent.")
    Path passphraseFile;

    public SignerKey unlock() throws LedgerException {
        return unlock(keyFile, passphraseFile);
    }

    /** For a command whose key is optional: the passphrase comes as with every signing command. */
    public static SignerKey unlock(Path keyFile, Path passphraseFile) throws LedgerException {
        KeyFile file = KeyFile.read(keyFile);
        return file.unlock(Passphrases.read(passphraseFile, "Passphrase for " + file.identity().name()));
    }
}
