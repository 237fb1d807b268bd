package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.ChildJvmTest;

/** A .zip pack's unpacked copy is gone when the process that opened it ends, normally or by SIGTERM. */
@ChildJvmTest
class UnpackedPackCleanupTest {
    @TempDir
    Path temp;

    @Test
    void terminatingTheProcessDeletesTheUnpackedCopy() throws Exception {
        assertUnpackedCopyGoneAfter("hold");
    }

    @Test
    void endingNormallyWithoutClosingDeletesTheUnpackedCopy() throws Exception {
        assertUnpackedCopyGoneAfter("exit");
    }

    private void assertUnpackedCopyGoneAfter(String mode) throws Exception {
        Path zip = temp.resolve("pack.zip");
        PackFilesTest.zip(zip, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "primary.csv",
                PackFixture.MULTICLASS_CSV);
        Path childTemp = Files.createDirectories(temp.resolve("child-tmp"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + childTemp, "-cp", System.getProperty("java.class.path"),
                OpenZipPackMain.class.getName(), zip.toString(), mode).redirectErrorStream(true).start();
        try {
            String root;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                root = lines.readLine();
                assertTrue(root != null && Files.exists(Path.of(root, "primary.csv")), "the child unpacked the zip: "
                        + root);
                if (mode.equals("hold")) {
                    child.destroy(); // SIGTERM on Unix
                } else {
                    child.getOutputStream().write('\n');
                    child.getOutputStream().flush();
                }
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ended");
            }
        } finally {
            child.destroyForcibly();
        }
        try (Stream<Path> left = Files.list(childTemp)) {
            assertEquals(List.of(), left.toList(), "nothing of the pack is left in the temporary folder");
        }
    }
}
