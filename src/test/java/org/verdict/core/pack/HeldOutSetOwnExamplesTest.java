package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.HeldOutLossPack;
import org.verdict.core.task.Progress;

/**
 * A held-out set is shown as independent corroboration, so the primary suite's own file, named as the held-out set or
 * copied under another name, is refused where the manifest names it: its results would be the evaluation set's again.
 */
class HeldOutSetOwnExamplesTest {
    @TempDir
    Path folder;

    private static final String REMEDY = ": the held-out set must be examples the evaluation set does not hold, or"
            + " its results would count the same evidence twice; name the held-out examples' own file, or remove"
            + " suites.holdout if the pack has none";

    @Test
    void thePrimaryFileNamedAsTheHeldOutSetIsRefusedAtItsKey() throws IOException {
        HeldOutLossPack.write(folder);
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"file\": \"holdout.csv\"",
                "\"file\": \"primary.csv\""));
        PackException refused = assertThrows(PackException.class,
                () -> new PackLoader().load(folder, Progress.NONE));
        assertEquals("manifest.json", refused.file());
        assertKeyPlaced(manifest, refused);
        assertEquals("suites.holdout.file names primary.csv, the primary suite's own file (suites.primary.file)"
                + REMEDY, refused.problem());
    }

    @Test
    void aByteForByteCopyOfThePrimaryFileIsRefusedToo() throws IOException {
        HeldOutLossPack.write(folder);
        Files.copy(folder.resolve("primary.csv"), folder.resolve("holdout.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PackException refused = assertThrows(PackException.class,
                () -> new PackLoader().load(folder, Progress.NONE));
        assertKeyPlaced(folder.resolve("manifest.json"), refused);
        assertEquals("suites.holdout.file: holdout.csv has the same bytes as primary.csv, the primary suite's file "
                + "(suites.primary.file)" + REMEDY, refused.problem());
    }

    @Test
    void aHeldOutSetOfOtherExamplesOfTheSameSizeIsRead() throws IOException, PackException {
        HeldOutLossPack.write(folder);
        // the same length as primary.csv, one byte different: sizes alike must not be taken for a copy
        byte[] primary = Files.readAllBytes(folder.resolve("primary.csv"));
        byte[] other = primary.clone();
        other[other.length - 2] = (byte) (other[other.length - 2] == '1' ? '9' : '1');
        Files.write(folder.resolve("holdout.csv"), other);
        assertEquals("holdout.csv", new PackLoader().load(folder, Progress.NONE).manifest().suite("holdout")
                .orElseThrow().file());
    }

    /** The refusal names the line and column where the holdout suite's "file" key starts. */
    private static void assertKeyPlaced(Path manifest, PackException refused) throws IOException {
        List<String> lines = Files.readAllLines(manifest);
        int line = 0;
        while (!lines.get(line).contains("\"holdout\"")) {
            line++;
        }
        assertEquals(line + 1, refused.line());
        assertEquals(lines.get(line).indexOf("\"file\"") + 1, refused.column());
    }
}
