package org.verdict.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One command-line run in the test's own process: its exit code and what it wrote to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    /** Runs {@code command} (a picocli command object) with {@code args}. */
    static CliRun of(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs {@code verdict args…} as the launcher would. */
    static CliRun verdict(String... args) {
        return of(new VerdictCommand(), args);
    }
}
