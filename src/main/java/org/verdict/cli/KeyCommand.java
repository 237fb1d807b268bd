package org.verdict.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.log.KeyOptions;
import org.verdict.cli.log.LedgerCommand;
import org.verdict.cli.log.Passphrases;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code verdict key ...}: signers' key pairs. */
@Command(name = "key", mixinStandardHelpOptions = true, description = {"Signers' Ed25519 key pairs.",
        "Exit codes: those of the subcommand run (without one: 2, as a wrong option): 0 done, " + ExitCodes.REFUSALS},
        subcommands = {KeyCommand.NewKey.class, KeyCommand.SignerFile.class})
public final class KeyCommand {

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Make an Ed25519 key pair; the private key is encrypted under your passphrase.",
                    "Writes NAME.key.json (keep it private), NAME.signer.json (to register in other logs)"
                            + " and NAME.pub.pem.",
                    "Exit codes: 0 written, " + ExitCodes.REFUSALS})
    public static final class NewKey extends LedgerCommand {
        @Option(names = "--name", required = true, paramLabel = "N", description = "Your name as the board knows it.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "R", description = "ml-lead, ai-safety, product, or another role.")
        String role;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the key files.")
        Path out;

        @Option(names = "--passphrase-file", paramLabel = "F", description = "File whose first line is the passphrase;"
                + " asked twice on the console when absent.")
        Path passphraseFile;

        @Option(names = "--iterations", hidden = true, defaultValue = "" + KeyFile.DEFAULT_ITERATIONS,
                description = "PBKDF2 iterations (tests lower it).")
        int iterations;

        @Override
        protected int run() throws LedgerException, IOException {
            char[] passphrase = Passphrases.read(passphraseFile, "New passphrase for " + name);
            if (passphraseFile == null && !Arrays.equals(passphrase, Passphrases.read(null, "Repeat the passphrase"))) {
                throw new LedgerException("the two passphrases differ; nothing was written");
            }
            KeyFile key = KeyFile.generate(name, role, passphrase, iterations);
            Path keyFile = key.writeTo(out);
            out().println("key of " + key.identity() + " written to " + keyFile);
            out().println("key id " + key.identity().keyId());
            return ExitCodes.OK;
        }
    }

    @Command(name = "signer-file", mixinStandardHelpOptions = true,
            description = {"Write NAME.signer.json with your signature over your name, role and key, which"
                    + " `log register` needs, for key files made before registrations were self-signed.",
                    "Exit codes: 0 written, " + ExitCodes.REFUSALS})
    public static final class SignerFile extends LedgerCommand {
        @Mixin
        KeyOptions key;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the signer file.")
        Path out;

        @Override
        protected int run() throws LedgerException, IOException {
            SignerKey signer = key.unlock();
            out().println("wrote " + KeyFile.writeSignerFile(signer, out) + " for " + signer.identity());
            return ExitCodes.OK;
        }
    }
}
