package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.pack.PackException;
import org.verdict.ui.task.CurrentThreadExecutor;

/** File → Record decision… opens the dialog with the app's decision log, with or without the gate table. */
@ExtendWith(ApplicationExtension.class)
class RecordDecisionActionTest {
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final List<LoggedRecord> signed = new ArrayList<>();
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void opensTheDialogOnTheAppsLogEvenWhenTheGateReviewFails(FxRobot robot) throws Exception {
        Path store = Files.createTempDirectory("record-decision").resolve("decisions.db");
        RecordDecisionAction action = new RecordDecisionAction(executor,
                (pack, progress) -> {
                    throw new PackException("policy.json", 3, 7, "unknown key 'marginn'");
                },
                new SimpleObjectProperty<>(store), () -> owner, signed::add, DecisionDialog.defaultText(), Clock.systemUTC());
        assertEquals("record-decision", action.packAction().id());
        robot.interact(() -> action.packAction().action().accept(DecisionPacks.tierThreePack()));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(store.toString(), robot.lookup("#decisionStore").queryAs(TextField.class).getText());
        assertEquals("support-router", robot.lookup("#decisionModel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#decisionGates").queryTableView().getItems().isEmpty(), "no gate table without a review");
        assertTrue(executor.unhandledFailures().isEmpty(), executor.unhandledFailures().toString());
        robot.interact(() -> robot.lookup("#decisionDialog").query().getScene().getWindow().hide());
    }
}
