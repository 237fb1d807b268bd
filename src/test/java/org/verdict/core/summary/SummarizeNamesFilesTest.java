package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * The manifest given to summarize is rarely in the current folder: its problems name it by the path it was given,
 * as the rows' problems name their input, and a problem of the latency rows names them, not the primary rows.
 */
class SummarizeNamesFilesTest {
    @TempDir
    Path folder;

    @Test
    void aBrokenRowManifestIsNamedByThePathItWasGivenWithItsLineAndColumn() throws IOException {
        Path manifest = Files.createDirectories(folder.resolve("lake/bad")).resolve("manifest.json");
        Files.writeString(manifest, RowPacks.manifest(Task.BINARY).replace("\"riskTier\": 2", "\"riskTier\": \"2\""),
                StandardCharsets.UTF_8);
        PackException e = assertThrows(PackException.class, () -> RowManifest.read(manifest));
        assertEquals(List.of(manifest.toString(), 3L), List.of(e.file(), e.line()));
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith(manifest + ", line 3, column "), e.getMessage());
    }

    @Test
    void aMissingRowManifestIsSaidNotToExist() {
        Path manifest = folder.resolve("nowhere/manifest.json");
        PackException e = assertThrows(PackException.class, () -> RowManifest.read(manifest));
        assertEquals(manifest + ": does not exist", e.getMessage());
    }

    @Test
    void latencyRowsTheLoaderWouldRefuseAreNamedNotThePrimaryRows() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 500, 3);
        Path latency = Files.writeString(folder.resolve("latency.csv"), "version,latency_ms\n7,12\n8,abc\n");
        Path out = folder.resolve("out");
        PackException e = assertThrows(PackException.class, () -> new DuckDbSummarizer("256MB", 1)
                .withLatency(latency.toString()).summarize(pack.resolve("primary.csv").toString(), null,
                        RowManifest.read(pack.resolve("manifest.json")), true, true, 1L, out, Progress.NONE));
        assertEquals(List.of(latency.toString(), 3L, 2L), List.of(e.file(), e.line(), e.column()), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
    }
}
