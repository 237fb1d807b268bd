package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A command line whose root holds only the named command behaves as the whole command tree does. */
class VerdictCommandTreeTest {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(CommandLine commandLine, StringWriter out, StringWriter err, String... args) {
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The whole tree, as {@code commandLine} builds it for arguments that name no command. */
    private static Run whole(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return run(VerdictCommand.commandLine(out, err), out, err, args);
    }

    private static Run alone(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = VerdictCommand.commandLine(out, err, args);
        assertEquals(1, commandLine.getSubcommands().size(), "the root holds the named command alone");
        return run(commandLine, out, err, args);
    }

    @Test
    void aNamedCommandHelpsVersionsRefusesAndRunsAsInTheWholeTree() {
        String missing = folder.resolve("no-such-pack").toString();
        for (List<String> args : List.of(
                List.of("compare", "--help"),
                List.of("compare", "-V"),
                List.of("compare", "--bogus"),
                List.of("compare"),
                List.of("compare", missing, "--json"),
                List.of("compare", "sample-data/support-router", "--metric", "accuracy"),
                List.of("validate", missing),
                List.of("gate", "--help"),
                List.of("log", "--help"),
                List.of("key", "new", "--help"),
                List.of("summarize", "--engine", "nothing"))) {
            String[] array = args.toArray(String[]::new);
            assertEquals(whole(array), alone(array), String.join(" ", args));
        }
    }

    @Test
    void helpAndTheRootsOwnOptionsGetTheWholeTree() {
        for (String first : List.of("help", "--help", "--version", "nonsense")) {
            StringWriter out = new StringWriter();
            assertEquals(8, VerdictCommand.commandLine(out, out, first).getSubcommands().size(), first);
        }
    }
}
