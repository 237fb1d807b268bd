package org.verdict.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The command line as the log tests drive it: the review board's keys ({@link BoardKeys}) in {@code DIR/keys} under
 * one passphrase file, and one standard output and error buffer that every command run writes into.
 */
final class BoardCommandLine {
    final Path passphrase;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Path dir;

    /** Makes the three signers' keys in {@code dir}. */
    BoardCommandLine(Path dir) throws Exception {
        this.dir = dir;
        this.passphrase = BoardKeys.create(dir);
    }

    /** {@code DIR/keys/SLUG.key.json}, e.g. {@code ada-lovelace}. */
    String keyFile(String slug) {
        return dir.resolve("keys").resolve(slug + ".key.json").toString();
    }

    int log(String... args) {
        return run(new LogCommand(), args);
    }

    int key(String... args) {
        return run(new KeyCommand(), args);
    }

    int run(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
