package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.TestPack;
import org.verdict.core.pack.PackLoader;
import org.verdict.ui.settings.UserSettings;
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

        model.openPack(churn, false, failure -> { });
        assertEquals("a_churn", model.openingProperty().get());
        held.runHeldWork();
        assertEquals("", model.openingProperty().get());
        assertTrue(model.currentPack().isPresent());

        model.openPack(folder.resolve("gone"), false, failure -> { });
        assertEquals("gone", model.openingProperty().get());
        held.runHeldWork();
        assertEquals("", model.openingProperty().get(), "a pack that failed to open is no longer being opened");
    }
}
