package org.verdict.cli.log;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verdict.core.ledger.LedgerException;

/** Where a passphrase comes from: the first line of a file (scripts), else the console without echo. */
public final class Passphrases {
    private Passphrases() {
    }

    public static char[] read(Path file, String prompt) throws LedgerException {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                return line.replaceFirst("\r$", "").toCharArray();
            } catch (IOException e) {
                throw new LedgerException("cannot read the passphrase file " + file + ": "
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new LedgerException("no --passphrase-file given and no console to ask for the passphrase");
        }
        char[] passphrase = console.readPassword("%s: ", prompt);
        if (passphrase == null) {
            throw new LedgerException("no passphrase entered");
        }
        return passphrase;
    }
}
