package org.verdict.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The folder File → Export approval pack… proposes: never in a temporary folder, never the home folder itself. */
class ApprovalPackFolderTest {
    private static final String NAME = "router-candidate-43-approval-pack";

    @TempDir
    Path root;

    private Path home;
    private Path temporary;
    private ApprovalPackFolder folders;

    private void machine(boolean documents) throws Exception {
        home = Files.createDirectories(root.resolve("home").resolve("ada"));
        if (documents) {
            Files.createDirectories(home.resolve("Documents"));
        }
        temporary = Files.createDirectories(root.resolve("tmp"));
        folders = new ApprovalPackFolder(home, List.of(temporary));
    }

    private ReviewPack packIn(Path folder) throws Exception {
        return new PackLoader().load(PackFixture.write(folder, PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    @Test
    void aPackUnpackedIntoATemporaryFolderGetsItsApprovalPackInDocuments() throws Exception {
        machine(true);
        // a .zip the reviewer unpacked to /tmp and opened from there
        ReviewPack unpacked = packIn(temporary.resolve("router-pack"));

        assertEquals(home.resolve("Documents").resolve(NAME), folders.suggest(null, unpacked, null));
    }

    @Test
    void withoutADocumentsFolderTheHomeFolderHoldsTheNewFolder() throws Exception {
        machine(false);
        ReviewPack unpacked = packIn(temporary.resolve("router-pack"));

        Path suggested = folders.suggest(null, unpacked, null);

        assertEquals(home.resolve(NAME), suggested, "a new folder in the home folder, never the home folder itself");
    }

    @Test
    void theLastExportFolderFromTheSettingsComesFirstUnlessItIsTemporary() throws Exception {
        machine(true);
        ReviewPack unpacked = packIn(temporary.resolve("router-pack"));
        Path board = Files.createDirectories(home.resolve("board").resolve("2026-12"));

        assertEquals(board.resolve(NAME), folders.suggest(board.resolve("churn-approval-pack"), unpacked, null));
        Path exportedToTemporary = Files.createDirectories(temporary.resolve("old").resolve("churn-approval-pack"));
        assertEquals(home.resolve("Documents").resolve(NAME), folders.suggest(exportedToTemporary, unpacked, null),
                "a last export that went to a temporary folder is not followed there");
    }

    @Test
    void aPackInTheReviewersOwnFolderGetsItsApprovalPackBesideIt() throws Exception {
        machine(true);
        Path reviews = Files.createDirectories(home.resolve("reviews"));
        ReviewPack kept = packIn(reviews.resolve("router-pack"));

        assertEquals(reviews.resolve(NAME), folders.suggest(null, kept, null));
        Files.createDirectories(reviews.resolve(NAME));
        assertEquals(reviews.resolve(NAME + "-2"), folders.suggest(null, kept, "43"),
                "a folder that is there already is not proposed");
    }

    @Test
    void aTemporaryFolderIsRecognisedThroughALinkToIt() throws Exception {
        machine(true);
        Path link = Files.createSymbolicLink(root.resolve("tmp-link"), temporary);

        assertTrue(folders.isTemporary(link.resolve("router-pack")));
        assertFalse(folders.isTemporary(home.resolve("Documents")));
    }

    @Test
    void theMachinesTemporaryFoldersComeFromJavaAndTheEnvironment() throws Exception {
        machine(true);
        Path mine = Files.createDirectories(root.resolve("my-tmp"));
        Path javas = Files.createDirectories(root.resolve("java-tmp"));
        ApprovalPackFolder system = ApprovalPackFolder.of(home, javas.toString(),
                Map.of("TMPDIR", mine.toString(), "TEMP", "relative/not/a/folder"));

        assertTrue(system.isTemporary(mine.resolve("pack")));
        assertTrue(system.isTemporary(javas.resolve("pack")));
        assertTrue(system.isTemporary(Path.of("/tmp/pack")));
    }
}
