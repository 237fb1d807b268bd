package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;

@ExtendWith(ApplicationExtension.class)
class DecisionDialogTest {
    private DecisionViewModel model;
    private ScrollPane scroll;

    @Start
    void start(Stage stage) {
        model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new EvaluationSummary(List.of(new EvaluationSummary.GateOutcome("primary metric", "pass", "Δ +0.021")), List.of()),
                List.of(), Runnable::run, Runnable::run, Clock.systemUTC());
        // scrolled as in showModal: the dialog is taller than the headless screen
        scroll = new ScrollPane(new DecisionDialog(model, DecisionDialog.defaultText()).node());
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 1100, 760));
        stage.show();
    }

    @Test
    void aPersonFillsInTheDecisionAndSignsIt(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("decision-dialog");
        Path key = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(dir.resolve("keys"));
        Path db = dir.resolve("decisions.db");

        assertEquals("support-router", robot.lookup("#decisionModel").queryAs(Label.class).getText());
        assertEquals("ai-safety, product, ml-lead", robot.lookup("#decisionRequiredSigners").queryAs(Label.class).getText());
        assertEquals(3, robot.lookup("#decisionEvidence").queryTableView().getItems().size());
        assertEquals(1, robot.lookup("#decisionGates").queryTableView().getItems().size());
        Button sign = robot.lookup("#decisionSign").queryButton();
        assertTrue(sign.isDisabled());

        robot.interact(() -> robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue("promote"));
        robot.clickOn("#decisionRationale").write("Candidate 43 wins on every slice.");
        robot.clickOn("#decisionApprovers").write("Ada Lovelace, Grace Hopper, Joan Clarke");
        robot.interact(() -> scroll.setVvalue(1.0));
        robot.clickOn("#decisionStore").write(db.toString());
        robot.clickOn("#decisionKey").write(key.toString());
        assertTrue(sign.isDisabled(), "no passphrase yet");
        robot.clickOn("#decisionPassphrase").write(new String(LedgerFixtures.PASSPHRASE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sign.isDisabled(), robot.lookup("#decisionMissing").queryAs(Label.class).getText());
        robot.clickOn("#decisionSign");
        WaitForAsyncUtils.waitForFxEvents();

        String status = robot.lookup("#decisionStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Appended record #1") && status.endsWith("awaiting signatures (ai-safety, product)."), status);
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals("Candidate 43 wins on every slice.",
                    log.snapshot().records().get(0).statement().orElseThrow().record().rationale());
        }
        TableView<?> evidence = robot.lookup("#decisionEvidence").queryTableView();
        assertEquals(3, evidence.getItems().size());
    }
}
