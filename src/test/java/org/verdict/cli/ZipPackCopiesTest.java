package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .zip pack is unpacked into a private temporary folder: at most once per command, and deleted before the command
 * returns, not only when the process ends. Counted in a temporary folder of the test's own (java.io.tmpdir), which
 * no other process writes into.
 */
class ZipPackCopiesTest {
    private static final Path SAMPLE = Path.of("sample-data", "fraud-screen-pass");

    @TempDir
    static Path shared;
    private static Path rowsZip;
    private static Path summaryZip;

    @TempDir
    Path temporaryFolder;
    private String systemTemporaryFolder;

    @BeforeAll
    static void zipThePacks() throws IOException {
        Path summary = shared.resolve("fraud-summary");
        CliRun made = CliRun.verdict("summarize", "--engine", "duckdb", "--threads", "1", "--input",
                SAMPLE.resolve("primary.csv").toString(), "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--out", summary.toString());
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(Files.exists(summary.resolve("policy.json")), "the summary carries the policy compare reads");
        rowsZip = zip(SAMPLE, shared.resolve("fraud-screen-pass.zip"));
        summaryZip = zip(summary, shared.resolve("fraud-summary.zip"));
    }

    @BeforeEach
    void ownTemporaryFolder() {
        systemTemporaryFolder = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", temporaryFolder.toString());
    }

    @AfterEach
    void restoreTemporaryFolder() {
        System.setProperty("java.io.tmpdir", systemTemporaryFolder);
    }

    @Test
    void compareUnpacksARowPackOnceAndDeletesTheCopy() throws Exception {
        assertOneCopyDeleted("compare", rowsZip.toString());
    }

    @Test
    void compareReadsASummaryPacksPolicyFromTheOneCopyAndDeletesIt() throws Exception {
        assertOneCopyDeleted("compare", summaryZip.toString());
        assertOneCopyDeleted("compare", summaryZip.toString(), "--json");
    }

    @Test
    void gateUnpacksOnceAndDeletesTheCopy() throws Exception {
        assertOneCopyDeleted("gate", rowsZip.toString());
        assertOneCopyDeleted("gate", summaryZip.toString());
    }

    @Test
    void anUnknownMetricIsNamedWithTheTasksMetricsWithoutUnpackingThePack() throws Exception {
        for (Path zip : List.of(rowsZip, summaryZip)) {
            Copies copies = during("compare", zip.toString(), "--metric", "accuracyy");

            assertEquals(2, copies.run().exitCode());
            assertTrue(copies.run().err().contains("unknown metric 'accuracyy'; metrics of a binary task: [accuracy,"),
                    copies.run().err());
            assertEquals(0, copies.unpacked(), "the manifest is read straight out of " + zip);
            assertEquals(List.of(), copies.left());
        }
    }

    private void assertOneCopyDeleted(String... args) throws Exception {
        Copies copies = during(args);

        assertNotEquals(2, copies.run().exitCode(), copies.run().err());
        assertEquals(1, copies.unpacked(), String.join(" ", args));
        assertEquals(List.of(), copies.left(), "unpacked copies left behind by " + String.join(" ", args));
    }

    /** @param unpacked how many folders were unpacked into, @param left those still there when the command returned */
    private record Copies(CliRun run, int unpacked, List<Path> left) {
    }

    /** Runs {@code verdict args…}, watching the temporary folder for the folders .zip packs are unpacked into. */
    private Copies during(String... args) throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            temporaryFolder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            CliRun run = CliRun.verdict(args);
            int unpacked = 0;
            // the events of the finished command arrive within milliseconds; a quiet half second means all are in
            for (WatchKey key = watcher.poll(500, TimeUnit.MILLISECONDS); key != null;
                    key = watcher.poll(500, TimeUnit.MILLISECONDS)) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    assertNotEquals(StandardWatchEventKinds.OVERFLOW, event.kind());
                    unpacked += isUnpacked(Path.of(event.context().toString())) ? 1 : 0;
                }
                key.reset();
            }
            try (Stream<Path> children = Files.list(temporaryFolder)) {
                return new Copies(run, unpacked, children.filter(ZipPackCopiesTest::isUnpacked).toList());
            }
        }
    }

    private static boolean isUnpacked(Path name) {
        return name.getFileName().toString().startsWith("verdict-pack-");
    }

    /** The pack folder zipped inside one top folder, as "compress this folder" makes it. */
    private static Path zip(Path folder, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.list(folder)) {
            for (Path each : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.getFileName() + "/" + each.getFileName()));
                Files.copy(each, out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
