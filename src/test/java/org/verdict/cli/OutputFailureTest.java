package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.FileErrorText;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LoggedRecord;

/**
 * A result that does not reach standard output (a full disk) fails the command with exit 2 and a message on stderr
 * that names the output, whatever the command; so does an --out file that cannot be written. A pipe its reader
 * closed ends the command quietly with 141, as SIGPIPE ends a Unix filter.
 */
class OutputFailureTest {
    private static final String SAMPLE = "sample-data/support-router";

    @TempDir
    Path dir;

    /** A device that takes no bytes, as /dev/full does. */
    private static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    /** A pipe whose reader has gone ({@code | head}), as the JDK reports a write to it on Linux. */
    private static final class ClosedPipe extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            throw new IOException("Broken pipe");
        }
    }

    private record Run(int exitCode, String err) {
    }

    private static Run launch(OutputStream stdout, String... args) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = VerdictCommand.execute(stdout, stderr, args);
        return new Run(exitCode, stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandThatPrintsItsResultFailsWhenStandardOutputTakesNothing() throws Exception {
        Path db = signedLog();
        for (List<String> args : List.of(
                List.of("compare", SAMPLE, "--json"),
                List.of("compare", SAMPLE),
                List.of("validate", SAMPLE),
                List.of("log", "checkpoint", "--db", db.toString()),
                List.of("compare", "--help"))) {
            Run run = launch(new FullDevice(), args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), String.join(" ", args));
            assertTrue(run.err().contains("cannot write to standard output: No space left on device"),
                    String.join(" ", args) + ": " + run.err());
        }
    }

    @Test
    void theSameCommandsExitZeroWhenTheirOutputArrives() throws Exception {
        Path db = signedLog();
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        Run run = launch(checkpoint, "log", "checkpoint", "--db", db.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(checkpoint.toString(StandardCharsets.UTF_8).startsWith("{"), "the checkpoint JSON is printed whole");
        assertEquals(ExitCodes.OK, launch(new ByteArrayOutputStream(), "validate", SAMPLE).exitCode());
    }

    @Test
    void aPipeItsReaderClosedEndsTheCommandQuietlyWith141WhateverTheCommandReturned() throws IOException {
        Path strict = Files.writeString(dir.resolve("strict.json"), "{\"latency\": {\"p95Ms\": 1}}");
        for (List<String> args : List.of(
                List.of("compare", SAMPLE),
                List.of("compare", SAMPLE, "--json"),
                List.of("gate", SAMPLE, "--policy", strict.toString()))) {
            Run run = launch(new ClosedPipe(), args.toArray(String[]::new));
            assertEquals(141, run.exitCode(), String.join(" ", args));
            assertEquals("", run.err(), String.join(" ", args));
        }
    }

    /** What the command did stays done, so the message says it ran, or how it ended, besides the lost output. */
    @Test
    void theMessageSaysHowTheCommandItselfEnded() throws Exception {
        Run validated = launch(new FullDevice(), "validate", SAMPLE);
        assertTrue(validated.err().strip().endsWith("the command itself ran to the end, only what it printed is "
                + "missing or cut"), validated.err());
        Path strict = dir.resolve("strict.json");
        Files.writeString(strict, "{\"latency\": {\"p95Ms\": 1}}");
        Run failedGate = launch(new FullDevice(), "gate", SAMPLE, "--policy", strict.toString());
        assertEquals(ExitCodes.BAD_INPUT, failedGate.exitCode());
        assertTrue(failedGate.err().strip().endsWith("; the command itself ended with exit code 1"), failedGate.err());
    }

    /**
     * {@code log append … > /dev/full}: the record is in the log, only the lines that confirm it are lost. The message
     * says so with its number and id, not as a refusal, lest the user append the same decision a second time.
     */
    @Test
    void anAppendWhoseConfirmationIsLostSaysTheRecordIsInTheLogAndNotToAppendItAgain() throws Exception {
        Path db = signedLog();
        Run run = launch(new FullDevice(), appendTo(db));

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        List<LoggedRecord> records = recordsOf(db);
        assertEquals(2, records.size(), "the record stays appended");
        assertEquals("error: record #2 (id " + records.get(1).shortId() + ") was appended to " + db + "; only its"
                + " confirmation could not be printed (cannot write to standard output: No space left on device). The"
                + " record stays in the log: do not append it again (`verdict log list --db " + db + "` shows it).",
                run.err().strip());
    }

    /** A reader that closed the pipe still ends the command with 141, but a record appended is not passed over. */
    @Test
    void anAppendWhosePipeWasClosedEndsWith141AndStillSaysTheRecordIsInTheLog() throws Exception {
        Path db = signedLog();
        Run run = launch(new ClosedPipe(), appendTo(db));

        assertEquals(ExitCodes.OUTPUT_CLOSED, run.exitCode());
        assertEquals(2, recordsOf(db).size());
        assertTrue(run.err().startsWith("error: record #2 (id " + recordsOf(db).get(1).shortId() + ") was appended to "
                + db + "; only its confirmation could not be printed (cannot write to standard output: Broken pipe)"),
                run.err());
    }

    /** Every command that changes the log says what it changed when its confirmation is lost, not only append. */
    @Test
    void everyCommandThatChangesTheLogSaysWhatItChangedWhenItsConfirmationIsLost() throws Exception {
        Path db = signedLog();
        String key = dir.resolve("keys/grace-hopper.key.json").toString();
        String passphrase = dir.resolve("pass.txt").toString();

        Run cosign = launch(new FullDevice(), "log", "cosign", "--db", db.toString(), "--id", "1", "--key", key,
                "--passphrase-file", passphrase);
        assertEquals(ExitCodes.BAD_INPUT, cosign.exitCode());
        // Grace Hopper's key is not endorsed in this log, so a warning saying how to endorse it comes first
        String error = cosign.err().lines().filter(line -> line.startsWith("error: ")).findFirst().orElse("");
        assertTrue(error.startsWith("error: record #1 was co-signed by Grace Hopper (ai-safety, "), cosign.err());
        assertTrue(cosign.err().contains("The signature stays in the log: do not co-sign it again"), cosign.err());
        assertEquals(2, recordsOf(db).get(0).signatures().size());

        Run revoke = launch(new FullDevice(), "log", "revoke", "--db", db.toString(), "--key-id",
                recordsOf(db).get(0).signatures().get(1).keyId().substring(0, 12), "--reason", "left the board",
                "--key", key, "--passphrase-file", passphrase);
        assertEquals(ExitCodes.BAD_INPUT, revoke.exitCode());
        assertTrue(revoke.err().startsWith("error: the key of Grace Hopper (ai-safety) was revoked by log entry #"),
                revoke.err());
        assertTrue(revoke.err().contains("The revocation stays in the log: do not revoke the key again."),
                revoke.err());

        // a command that changes nothing keeps the general message
        Run list = launch(new FullDevice(), "log", "list", "--db", db.toString());
        assertTrue(list.err().strip().endsWith("the command itself ran to the end, only what it printed is missing or"
                + " cut"), list.err());
    }

    private String[] appendTo(Path db) {
        return new String[] {"log", "append", "--db", db.toString(), "--record", dir.resolve("record.json").toString(),
            "--key", dir.resolve("keys/ada-lovelace.key.json").toString(), "--passphrase-file",
            dir.resolve("pass.txt").toString()};
    }

    private static List<LoggedRecord> recordsOf(Path db) throws Exception {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return log.snapshot().records();
        }
    }

    /** System.out is a print stream, which keeps a failure to itself: its error flag alone still fails the run. */
    @Test
    void aPrintStreamThatSwallowedTheFailureStillFailsTheRun() {
        PrintStream stdout = new PrintStream(new FullDevice(), true, StandardCharsets.UTF_8);
        Run run = launch(stdout, "validate", SAMPLE);
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("cannot write to standard output"), run.err());
    }

    @Test
    void anOutFileThatCannotBeWrittenIsNamed() throws Exception {
        Path db = signedLog();
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        Path target = blocked.resolve("checkpoint.json");
        Run run = launch(new ByteArrayOutputStream(), "log", "checkpoint", "--db", db.toString(), "--out",
                target.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains(target.toString()), run.err());
        assertFalse(run.err().contains("Exception"), "no Java class name: " + run.err());
    }

    /**
     * An --out folder that is a regular file is named as such, before any work (the approval pack's gates and PDF take
     * most of its time), and the file is left as it was; no message names a Java exception class instead.
     */
    @Test
    void anOutFolderThatIsAFileIsSaidToBeOne() throws Exception {
        Path afile = write("afile");
        Run report = launch(new ByteArrayOutputStream(), "report", SAMPLE, "--out", afile.toString());
        assertEquals(ExitCodes.BAD_INPUT, report.exitCode());
        assertEquals("error: cannot write the approval pack: " + afile + " is a file, not a folder",
                report.err().strip());
        assertEquals("x", Files.readString(afile));

        Path passphrase = Files.writeString(dir.resolve("own-pass.txt"), "a long enough passphrase\n");
        Run key = launch(new ByteArrayOutputStream(), "key", "new", "--name", "Ada Lovelace", "--role", "ml-lead",
                "--out", afile.toString(), "--passphrase-file", passphrase.toString(), "--iterations", "1000");
        assertEquals(ExitCodes.BAD_INPUT, key.exitCode());
        assertEquals("error: " + afile + " is a file, not a folder", key.err().strip());

        Run inside = launch(new ByteArrayOutputStream(), "log", "export-envelope", "--db", signedLog().toString(),
                "--id", "1", "--out", dir.resolve("missing-folder/record.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, inside.exitCode());
        assertEquals("error: " + dir.resolve("missing-folder/record.json") + ": no such file or folder",
                inside.err().strip());
    }

    /** Where the machine has /dev/full: the write that fails names no path, so the command names it. */
    @Test
    void aFullDiskNamesTheOutFile() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        Run run = launch(new ByteArrayOutputStream(), "log", "checkpoint", "--db", signedLog().toString(), "--out",
                full.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("error: /dev/full: No space left on device"), run.err());
    }

    @Test
    void aFailureThatNamesNoPathIsGivenTheTarget() {
        assertEquals("out/approval: No space left on device",
                FileErrorText.of(Path.of("out/approval"), new IOException("No space left on device")));
        Path afile = write("afile");
        assertEquals(afile + " is a file, not a folder", FileErrorText.of(Path.of("elsewhere"),
                new FileAlreadyExistsException(afile.toString())));
        assertEquals(dir.resolve("gone") + ": no such file or folder",
                FileErrorText.of(new NoSuchFileException(dir.resolve("gone").toString())));
    }

    private Path write(String name) {
        try {
            return Files.writeString(dir.resolve(name), "x");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path signedLog() throws Exception {
        Path passphrase = BoardKeys.create(dir);
        Path record = dir.resolve("record.json");
        Files.writeString(record, LogCommandTest.RECORD);
        Path db = dir.resolve("decisions.db");
        Run appended = launch(new ByteArrayOutputStream(), "log", "append", "--db", db.toString(), "--record",
                record.toString(), "--key", dir.resolve("keys/ada-lovelace.key.json").toString(), "--passphrase-file",
                passphrase.toString());
        assertEquals(ExitCodes.OK, appended.exitCode(), appended.err());
        return db;
    }
}
