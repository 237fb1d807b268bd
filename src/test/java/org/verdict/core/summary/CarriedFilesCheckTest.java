package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.pack.PackException;
import org.verdict.core.task.Progress;

/** The policy and optional suites a summary pack carries as they are must not make a pack that is refused later. */
class CarriedFilesCheckTest {
    private static final Path SAMPLE = Path.of("sample-data", "fraud-screen-pass");

    @TempDir
    Path folder;

    @Test
    void aPolicyTheGatesWouldRefuseIsNamedWhereItCanBeFixedAndNothingIsWritten() throws Exception {
        Path rows = copyOfSample();
        Files.writeString(rows.resolve("policy.json"), "{\"alpha\": \"0.05\"}\n", StandardCharsets.UTF_8);
        Path out = folder.resolve("summary");
        PackException refused = assertThrows(PackException.class, () -> summarize(rows, out));
        assertEquals(rows.resolve("policy.json") + ", line 1, column 11", refused.location());
        assertTrue(refused.problem().contains("alpha must be a number"), refused.problem());
        assertFalse(Files.exists(out), "no summary pack");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(1, left.count(), "no staging folder left beside it either");
        }
    }

    @Test
    void aCarriedSuiteWithABadRowIsRefusedAtItsLine() throws Exception {
        Path rows = copyOfSample();
        Path annotations = rows.resolve("annotations.csv");
        String[] lines = Files.readString(annotations, StandardCharsets.UTF_8).split("\n", 3);
        Files.writeString(annotations, lines[0] + "\n" + lines[1] + ",extra\n" + lines[2], StandardCharsets.UTF_8);
        PackException refused = assertThrows(PackException.class, () -> summarize(rows, folder.resolve("summary")));
        assertTrue(refused.location().startsWith(annotations + ", line 2"), refused.getMessage());
        assertFalse(Files.exists(folder.resolve("summary")));
    }

    @Test
    void wellFormedCarriedFilesAreWrittenAsBefore() throws Exception {
        Path rows = copyOfSample();
        Path out = folder.resolve("summary");
        summarize(rows, out);
        assertEquals(Files.readString(rows.resolve("policy.json")), Files.readString(out.resolve("policy.json")));
    }

    private static void summarize(Path rows, Path out) throws Exception {
        new DuckDbSummarizer("256MB", 1).carrying(rows, PackEvidenceCheck.ofStagedSummaryPack())
                .summarize(rows.resolve("primary.csv").toString(), null,
                        RowManifest.read(rows.resolve("manifest.json")), true, false, 3L, out, Progress.NONE);
    }

    private Path copyOfSample() throws Exception {
        Path rows = Files.createDirectories(folder.resolve("rows"));
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, rows.resolve(file.getFileName()));
            }
        }
        return rows;
    }
}
