package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/** A summary pack opens from a .zip exactly as from its folder; a hostile zip is refused before anything is read. */
class SummaryPackZipTest {
    @TempDir
    static Path shared;
    private static Path summary;

    @TempDir
    Path folder;

    @BeforeAll
    static void summarise() throws Exception {
        Path rows = RowPacks.write(shared.resolve("rows"), Task.REGRESSION, 2_000, 3);
        summary = shared.resolve("refund-summary");
        new DuckDbSummarizer("512MB", 1).summarize(rows.resolve("primary.csv").toString(), null,
                new PackLoader().load(rows, Progress.NONE).manifest(), true, false, 5L, summary, Progress.NONE);
    }

    @Test
    void aZippedSummaryPackComparesExactlyAsItsFolder() throws Exception {
        Path zip = zipFolder(summary, folder.resolve("refund-summary.zip"), "refund-summary/");

        SummaryPack fromFolder = new SummaryPackReader().read(summary, Progress.NONE);
        SummaryPack fromZip = new SummaryPackReader().read(zip, Progress.NONE);

        assertEquals(zip, fromZip.source());
        assertEquals(fromFolder.fileHashes(), fromZip.fileHashes(), "the same files, hashed alike");
        assertEquals(fromFolder.packHash(), fromZip.packHash());
        ComparisonReport a = compare(fromFolder);
        ComparisonReport b = compare(fromZip);
        assertEquals(a.results(), b.results());
    }

    @Test
    void aZipWithTheManifestAtItsTopIsASummaryPackToo() throws Exception {
        Path zip = zipFolder(summary, folder.resolve("flat.zip"), "");
        assertEquals(2_000, new SummaryPackReader().read(zip, Progress.NONE).primary().rowCount());
    }

    @Test
    void aZippedRowLevelPackIsNotTakenForASummaryPack() throws Exception {
        Path rows = RowPacks.write(folder.resolve("rows"), Task.BINARY, 200, 4);
        try (ReviewPack fromZip = SummaryPacks.loader().load(zipFolder(rows, folder.resolve("rows.zip"), "rows/"),
                Progress.NONE)) {
            assertFalse(fromZip.isSummary());
            assertEquals(200, fromZip.primary().rowCount());
        }
    }

    @Test
    void anEntryThatWouldLeaveThePackIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path zip = folder.resolve("slip.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            addFiles(out, summary, "pack/");
            out.putNextEntry(new ZipEntry("pack/../../escaped.csv"));
            out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        PackException e = assertThrows(PackException.class, () -> new SummaryPackReader().read(zip, Progress.NONE));
        assertEquals("slip.zip", e.file());
        assertTrue(e.problem().contains("outside the pack"), e.problem());
        assertFalse(anyFileNamed(folder.getParent(), "escaped.csv"));
    }

    /**
     * Whether a file of that name is anywhere under {@code top}, the shared temporary folder: other processes create
     * and delete folders there meanwhile, so one that vanishes while it is walked is skipped, not an error.
     */
    private static boolean anyFileNamed(Path top, String name) throws IOException {
        boolean[] found = {false};
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                found[0] |= file.getFileName().toString().equals(name);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found[0];
    }

    @Test
    void aDamagedTableInAZipIsRefusedWithItsLineAsInAFolder() throws Exception {
        Path copy = folder.resolve("damaged");
        copyFolder(summary, copy);
        Path blocks = copy.resolve(SummaryPackWriter.BLOCKS_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(blocks));
        lines.set(2, lines.get(2).replaceFirst(",[^,]+$", ",-1"));
        Files.write(blocks, lines);
        PackException inFolder = assertThrows(PackException.class,
                () -> new SummaryPackReader().read(copy, Progress.NONE));
        PackException inZip = assertThrows(PackException.class, () -> new SummaryPackReader().read(
                zipFolder(copy, folder.resolve("damaged.zip"), "damaged/"), Progress.NONE));
        assertEquals(inFolder.getMessage(), inZip.getMessage());
        assertEquals(3, inZip.line());
    }

    private static ComparisonReport compare(SummaryPack pack) {
        return new SummaryComparison(new ComparisonEngine()).compare(pack, null, ComparisonOptions.DEFAULTS,
                Progress.NONE);
    }

    private static Path zipFolder(Path source, Path zip, String prefix) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            addFiles(out, source, prefix);
        }
        return zip;
    }

    private static void addFiles(ZipOutputStream out, Path source, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                Files.copy(file, out); // copies into the entry; the zip stream stays open
                out.closeEntry();
            }
        }
    }

    private static void copyFolder(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
