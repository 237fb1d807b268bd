package org.verdict.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FolderTextTest {
    private static final Path HOME = Path.of("/home/dana");

    @Test
    void aFolderInTheHomeFolderIsSaidFromTilde() {
        assertEquals("~/.verdict", FolderText.folderOf(Path.of("/home/dana/.verdict/decisions.db"), HOME, 40));
        assertEquals("~", FolderText.folderOf(Path.of("/home/dana/decisions.db"), HOME, 40));
        assertEquals("/home/danae/logs", FolderText.folderOf(Path.of("/home/danae/logs/decisions.db"), HOME, 40),
                "another home whose name begins alike is not this one");
    }

    @Test
    void aShortFolderIsWhole() {
        assertEquals("/tmp/review28/tamper", FolderText.folderOf(Path.of("/tmp/review28/tamper/decisions.db"), HOME,
                40));
        assertEquals("/", FolderText.folderOf(Path.of("/decisions.db"), HOME, 40));
    }

    @Test
    void aLongFolderKeepsItsFirstAndLastFoldersAndLeavesOutTheMiddle() {
        Path deep = Path.of("/srv/ml-review-board/archive/2026/quarter-4/copies/tamper/decisions.db");
        assertEquals("/srv/…/copies/tamper", FolderText.folderOf(deep, HOME, 24));
        assertEquals("/srv/…/quarter-4/copies/tamper", FolderText.folderOf(deep, HOME, 30));
        assertEquals("~/projects/…/tamper", FolderText.folderOf(
                Path.of("/home/dana/projects/ml-review-board/copies/tamper/decisions.db"), HOME, 20));
    }

    @Test
    void aLastFolderLongerThanTheRoomIsKeptWhole() {
        assertEquals("/srv/…/a-very-long-folder-name-of-its-own", FolderText.folderOf(
                Path.of("/srv/a/b/a-very-long-folder-name-of-its-own/decisions.db"), HOME, 20));
    }
}
