package org.verdict.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;

/**
 * The app as its composition root builds it, in its own Verdict folder whose settings remember a decision log: the
 * status bar names that log from the start, Audit shows it, and a log opened in Audit is named beside it, read-only.
 */
@ExtendWith(ApplicationExtension.class)
class DecisionStoreInAppTest {
    @TempDir
    static Path folder;

    private AppInItsOwnHome app;
    private Path board;

    @Start
    void start(Stage stage) throws Exception {
        Path home = folder.resolve("home");
        board = folder.resolve("board.db");
        try (DecisionLog log = DecisionLog.openForWriting(board)) {
            log.append(LedgerFixtures.retraining("the board's first decision"),
                    LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD));
        }
        Path key = Files.writeString(folder.resolve("ada.key.json"), "{}");
        app = AppInItsOwnHome.start(stage, home, settings -> settings.decisionSigned(board, key));
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    @Test
    void aLogOpenedInAuditIsNamedBesideTheStoreInUseWithoutBecomingIt(FxRobot robot) throws Exception {
        assertEquals("Decision store: " + board, text(robot, "#statusStore"), "the log last signed into");
        robot.clickOn("#nav-audit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "board.db".equals(text(robot, "#auditStore"))
                && !robot.lookup("#auditOpen").queryButton().isDisabled());

        Path other = Files.copy(board, folder.resolve("other.db"));
        // the path dialog waits for its answer in a nested event loop: started, not awaited, on the FX thread
        Platform.runLater(() -> robot.lookup("#auditOpen").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#pathField").queryAs(TextField.class).setText(other.toString()));
        robot.interact(() -> robot.lookup(".button").queryAll().stream()
                .filter(node -> node instanceof Button button && "OK".equals(button.getText()))
                .map(Button.class::cast).findFirst().orElseThrow().fire());

        // Audit opens a log read-only: signing still goes to the log last signed into
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ("(Audit shows " + other + ", read-only)").equals(
                text(robot, "#statusAudited")));
        assertEquals("Decision store: " + board, text(robot, "#statusStore"));
        assertEquals("other.db", text(robot, "#auditStore"));
    }

    private static String text(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
