package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;

/**
 * Every command refuses the same way: exit 2 for bad input, and one message on standard error that begins with
 * "error: " and names the file (with line and column where there is one), whichever command the user ran.
 */
class CommandRefusalTest {
    private static final String SAMPLE = "sample-data/support-router";

    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private static Run verdict(String... args) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = VerdictCommand.execute(new ByteArrayOutputStream(), stderr, args);
        return new Run(exitCode, stderr.toString(StandardCharsets.UTF_8));
    }

    /** A pack that is not there is refused in the same words by every command that reads one. */
    @Test
    void everyCommandThatReadsAPackRefusesAMissingOneWithTheSameLine() {
        Path missing = dir.resolve("no-such-pack");
        for (List<String> args : List.of(
                List.of("validate", missing.toString()),
                List.of("compare", missing.toString()),
                List.of("gate", missing.toString()),
                List.of("report", missing.toString(), "--out", dir.resolve("approval").toString()))) {
            Run run = verdict(args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), String.join(" ", args));
            assertEquals("error: " + missing + ": does not exist", run.err().strip(), String.join(" ", args));
        }
    }

    @Test
    void everyOtherRefusalBeginsWithTheSamePrefix() throws Exception {
        Path approval = Files.createDirectories(dir.resolve("approval"));
        Files.writeString(approval.resolve("approval-pack.html"), "an earlier approval pack");
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"primary\": {\"margin\": \"0.01\"}}");
        Path afile = Files.writeString(dir.resolve("afile"), "x");
        Path passphrase = Files.writeString(dir.resolve("pass.txt"), "a long enough passphrase\n");
        for (List<String> args : List.of(
                List.of("report", SAMPLE, "--out", approval.toString()),
                List.of("gate", SAMPLE, "--policy", policy.toString()),
                List.of("compare", SAMPLE, "--metric", "no_such_metric"),
                List.of("summarize", "--engine", "duckdb", "--input", dir.resolve("rows.csv").toString(),
                        "--manifest", dir.resolve("manifest.json").toString(), "--out", dir.resolve("s").toString()),
                List.of("key", "new", "--name", "Ada Lovelace", "--role", "ml-lead", "--out", afile.toString(),
                        "--passphrase-file", passphrase.toString(), "--iterations", "1000"),
                List.of("log", "list", "--db", dir.resolve("none.db").toString()),
                List.of("report", SAMPLE),
                List.of("no-such-command"))) {
            Run run = verdict(args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), String.join(" ", args));
            assertTrue(run.err().startsWith("error: "), String.join(" ", args) + ": " + run.err());
        }
    }

    /** The refusal that used to stand out: `report` into a folder that holds an approval pack, without --replace. */
    @Test
    void reportRefusesAnEarlierApprovalPackAsTheOtherCommandsRefuse() throws Exception {
        Path approval = Files.createDirectories(dir.resolve("approval"));
        Files.writeString(approval.resolve("approval-pack.pdf"), "an earlier approval pack");

        Run run = verdict("report", SAMPLE, "--out", approval.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals("error: " + approval + " already holds an approval pack (approval-pack.pdf); give --replace to"
                + " replace it, or another folder", run.err().strip());
    }

    @Test
    void aPolicyOfTheWrongKindIsNamedByItsKeysPathFileLineAndColumn() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\n  \"primary\": {\"margin\": [0.01]}\n}");

        Run run = verdict("gate", SAMPLE, "--policy", policy.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals("error: " + policy + ", line 2, column 25: primary.margin must be a number, not a list",
                run.err().strip());
    }
}
