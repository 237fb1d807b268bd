package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.TestPack;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.settings.UserSettings;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;

/**
 * Which log the next decision is signed into: only signing changes it; auditing a log does not. Which pack is being
 * opened, for the views that have none to show yet.
 */
class MainViewModelTest {
    @TempDir
    Path folder;

    private MainViewModel model() {
        return new MainViewModel(new PackLoader()::load, new CurrentThreadExecutor(),
                new ActivityMonitor(System::currentTimeMillis), UserSettings.load(folder.resolve("settings.json")),
                folder.resolve("decisions.db"), "Opening");
    }

    @Test
    void aLogOpenedInAuditIsAuditedButNotTheStoreDecisionsAreSignedInto() throws Exception {
        MainViewModel model = model();
        SimpleObjectProperty<Path> openedInAudit = new SimpleObjectProperty<>();
        model.followAudit(openedInAudit);
        Path tampered = Files.writeString(folder.resolve("tampered.db"), "");

        openedInAudit.set(tampered);

        assertEquals(tampered, model.auditedStoreProperty().get());
        assertEquals(folder.resolve("decisions.db"), model.decisionStoreProperty().get(),
                "the Decision dialog still proposes the app's own log, not the one being audited");
    }

    @Test
    void signingIntoALogMakesItTheStoreInUseWhateverAuditShows() throws Exception {
        MainViewModel model = model();
        SimpleObjectProperty<Path> openedInAudit = new SimpleObjectProperty<>();
        model.followAudit(openedInAudit);
        Path board = Files.writeString(folder.resolve("board.db"), "");
        Path key = Files.writeString(folder.resolve("ada.key.json"), "{}");
        openedInAudit.set(Files.writeString(folder.resolve("other-team.db"), ""));

        model.decisionSigned(board, key);
        openedInAudit.set(folder.resolve("yet-another.db"));

        assertEquals(board, model.decisionStoreProperty().get());
        assertEquals(folder.resolve("yet-another.db"), model.auditedStoreProperty().get());
    }

    @Test
    void namesThePackBeingOpenedUntilItHasOpenedOrFailed() throws Exception {
        HeldExecutor held = new HeldExecutor();
        MainViewModel model = new MainViewModel(new PackLoader()::load, held,
                new ActivityMonitor(System::currentTimeMillis), UserSettings.load(folder.resolve("settings.json")),
                folder.resolve("decisions.db"), "Opening");
        Path churn = new TestPack(Files.createDirectories(folder.resolve("a_churn"))).write();
        assertEquals("", model.openingProperty().get());

        model.openPack(churn, false);
        assertEquals("a_churn", model.openingProperty().get());
        held.runHeldWork();
        assertEquals("", model.openingProperty().get());
        assertTrue(model.currentPack().isPresent());

        model.openPack(folder.resolve("gone"), false);
        assertEquals("gone", model.openingProperty().get());
        held.runHeldWork();
        assertEquals("", model.openingProperty().get(), "a pack that failed to open is no longer being opened");
    }

    /**
     * A broken pack is the user's to fix: the view-model says which and why, the window shows it; a failure of
     * Verdict's own goes to the executor's one handler, as every view-model's, never to a callback a caller (or a
     * test) may drop.
     */
    @Test
    void aBrokenPackIsStateTheWindowShowsAndABugGoesToTheOneHandler() throws Exception {
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        MainViewModel model = new MainViewModel(new PackLoader()::load, executor,
                new ActivityMonitor(System::currentTimeMillis), UserSettings.load(folder.resolve("settings.json")),
                folder.resolve("decisions.db"), "Opening");
        Path broken = Files.createDirectories(folder.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{\"format\": ");

        model.openPack(broken, false);

        MainViewModel.OpenFailure failed = model.openFailureProperty().get();
        assertEquals(broken, failed.source());
        assertTrue(failed.problem() instanceof PackException, failed.problem().toString());
        assertEquals(List.of(), executor.unhandledFailures());
        Path churn = new TestPack(Files.createDirectories(folder.resolve("a_churn"))).write();
        model.openPack(churn, false);
        assertNull(model.openFailureProperty().get(), "the pack opened");

        MainViewModel bug = new MainViewModel((source, progress) -> {
            throw new IllegalStateException("loader bug");
        }, executor, new ActivityMonitor(System::currentTimeMillis), UserSettings.load(folder.resolve("s2.json")),
                folder.resolve("decisions.db"), "Opening");
        bug.openPack(churn, false);
        assertNull(bug.openFailureProperty().get());
        assertEquals(List.of("loader bug"), executor.unhandledFailures().stream().map(Throwable::getMessage).toList());
    }
}
