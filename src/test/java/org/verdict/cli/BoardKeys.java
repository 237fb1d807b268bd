package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The review board of the CLI tests — Ada Lovelace (ml-lead), Grace Hopper (ai-safety), Joan Clarke (product) —
 * with keys made by {@code key new} in {@code DIR/keys} under one passphrase file, so every tier can be signed.
 */
final class BoardKeys {
    private BoardKeys() {
    }

    /** Writes {@code DIR/pass.txt} and the three signers' keys; returns the passphrase file. */
    static Path create(Path dir) throws Exception {
        Path passphrase = dir.resolve("pass.txt");
        Files.writeString(passphrase, "a long enough passphrase\n");
        for (String[] signer : new String[][] {{"Ada Lovelace", "ml-lead"}, {"Grace Hopper", "ai-safety"},
            {"Joan Clarke", "product"}}) {
            StringWriter err = new StringWriter();
            CommandLine key = new CommandLine(new KeyCommand());
            key.setOut(new PrintWriter(new StringWriter(), true));
            key.setErr(new PrintWriter(err, true));
            // few key-derivation iterations: the tests are about the log, not about slowing down a guesser
            assertEquals(0, key.execute("new", "--name", signer[0], "--role", signer[1], "--out",
                    dir.resolve("keys").toString(), "--passphrase-file", passphrase.toString(), "--iterations", "1000"),
                    err.toString());
        }
        return passphrase;
    }
}
