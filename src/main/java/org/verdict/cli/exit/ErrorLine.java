package org.verdict.cli.exit;

import java.io.PrintWriter;

/**
 * How every command says why it refused or failed: one message on standard error after {@value #PREFIX} (naming the
 * file, line and column where there is one), so a person or a script finds it the same way whichever command ran.
 */
public final class ErrorLine {
    public static final String PREFIX = "error: ";

    private ErrorLine() {
    }

    /** Prints {@code message} to {@code err} as an error and returns {@code exitCode}, for the command to return. */
    public static int print(PrintWriter err, String message, int exitCode) {
        print(err, message);
        return exitCode;
    }

    /** Prints {@code message} to {@code err} as an error. */
    public static void print(PrintWriter err, String message) {
        err.println(PREFIX + message);
        err.flush();
    }
}
