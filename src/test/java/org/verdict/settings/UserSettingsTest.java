package org.verdict.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {
    @TempDir
    Path folder;

    @Test
    void everythingRememberedSurvivesARestart() throws Exception {
        Path file = folder.resolve("settings.json");
        UserSettings settings = UserSettings.load(file);
        settings.packOpened(folder.resolve("a"));
        settings.setWindow(new UserSettings.WindowBounds(10, 20, 1200, 700, false));
        settings.setDivider("compare.chartTable", 0.42);
        settings.setDarkTheme(true);
        settings.setLargeText(true);
        settings.decisionSigned(folder.resolve("board.db"), folder.resolve("keys/ada.key.json"));
        settings.approvalPackExported(folder.resolve("board/router-candidate-43-approval-pack"));
        settings.save();

        UserSettings reloaded = UserSettings.load(file);
        assertEquals(List.of(folder.resolve("a")), reloaded.recentPacks());
        assertEquals(folder.resolve("a"), reloaded.lastPack().orElseThrow());
        assertEquals(new UserSettings.WindowBounds(10, 20, 1200, 700, false), reloaded.window().orElseThrow());
        assertEquals(0.42, reloaded.divider("compare.chartTable").orElseThrow());
        assertTrue(reloaded.darkTheme());
        assertTrue(reloaded.largeText());
        assertEquals(folder.resolve("board.db"), reloaded.decisionLog().orElseThrow());
        assertEquals(folder.resolve("keys/ada.key.json"), reloaded.keyFile().orElseThrow());
        assertEquals(folder.resolve("board/router-candidate-43-approval-pack"), reloaded.approvalPackFolder().orElseThrow());
    }

    @Test
    void aSnapshotKeepsTheStateOfItsMomentAndALateOlderWriteDoesNotUndoANewerOne() throws Exception {
        Path file = folder.resolve("settings.json");
        UserSettings settings = UserSettings.load(file);
        settings.packOpened(folder.resolve("a"));
        UserSettings.Snapshot older = settings.snapshot();
        settings.packOpened(folder.resolve("b"));
        UserSettings.Snapshot newer = settings.snapshot();

        newer.write();
        older.write();

        assertEquals(List.of(folder.resolve("b"), folder.resolve("a")), UserSettings.load(file).recentPacks());
    }

    @Test
    void recentPacksAreMostRecentFirstWithoutDuplicatesAndAtMostTen() {
        UserSettings settings = UserSettings.load(folder.resolve("settings.json"));
        IntStream.range(0, 12).forEach(i -> settings.packOpened(folder.resolve("pack" + i)));
        settings.packOpened(folder.resolve("pack5"));

        List<Path> recent = settings.recentPacks();
        assertEquals(10, recent.size());
        assertEquals(folder.resolve("pack5"), recent.get(0));
        assertEquals(folder.resolve("pack11"), recent.get(1));
        assertEquals(1, recent.stream().filter(p -> p.endsWith("pack5")).count());
        assertFalse(recent.contains(folder.resolve("pack0")), "the oldest fall off the list");
    }

    @Test
    void anUnreadableFileMeansDefaultsNotAFailure() throws Exception {
        Path file = folder.resolve("settings.json");
        Files.writeString(file, "{ this is not json");

        UserSettings settings = UserSettings.load(file);

        assertTrue(settings.recentPacks().isEmpty());
        assertFalse(settings.darkTheme());
        assertTrue(settings.window().isEmpty());
    }
}
