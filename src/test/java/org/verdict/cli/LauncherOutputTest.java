package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.ChildJvmTest;
import org.verdict.Launcher;
import org.verdict.cli.exit.ExitCodes;

/** The launcher's own standard output, in a process of its own: whole when it can be written, an error when not. */
@ChildJvmTest
class LauncherOutputTest {
    @TempDir
    Path dir;

    private static ProcessBuilder launcher(String... args) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName());
        builder.command().addAll(List.of(args));
        return builder;
    }

    private int launch(File stdout, Path stderr, String... args) throws Exception {
        return ended(launcher(args).redirectOutput(stdout).redirectError(stderr.toFile()).start());
    }

    private static int ended(Process process) throws InterruptedException {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher ends");
        return process.exitValue();
    }

    @Test
    void whatIsPrintedArrivesWholeAndAFullDiskFailsTheRun() throws Exception {
        Path stdout = dir.resolve("validate.txt");
        Path stderr = dir.resolve("err.txt");
        assertEquals(ExitCodes.OK, launch(stdout.toFile(), stderr, "validate", "sample-data/support-router"),
                Files.readString(stderr));
        String printed = Files.readString(stdout, StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("sample-data/support-router: support-router, multiclass task"), printed);
        assertTrue(printed.strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("pack sha256 "), printed);

        File full = new File("/dev/full");
        assumeTrue(full.canWrite(), "no /dev/full here");
        assertEquals(ExitCodes.BAD_INPUT, launch(full, stderr, "validate", "sample-data/support-router"));
        assertTrue(Files.readString(stderr).startsWith("error: cannot write to standard output: No space left on "
                + "device;"), Files.readString(stderr));
    }

    /** {@code verdict compare PACK | head -0}: the reader is gone before anything is printed. */
    @Test
    void aPipeClosedByItsReaderEndsTheLauncherQuietlyWith141() throws Exception {
        assumeTrue(File.separatorChar == '/', "EPIPE as Unix reports it");
        Path stderr = dir.resolve("err.txt");
        Process process = launcher("compare", "sample-data/support-router").redirectError(stderr.toFile()).start();
        process.getInputStream().close();

        assertEquals(141, ended(process), Files.readString(stderr));
        assertEquals("", Files.readString(stderr));
    }
}
