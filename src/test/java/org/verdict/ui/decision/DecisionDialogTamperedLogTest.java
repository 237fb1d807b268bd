package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.ui.SharedStage;
import org.verdict.ui.task.CurrentThreadExecutor;

/**
 * Sign and append on a decision log someone changed: the dialog refuses in red with the first problem `log verify`
 * names, and nothing is written (the form's values are set directly; typing them is slow).
 */
@ExtendWith(ApplicationExtension.class)
class DecisionDialogTamperedLogTest {
    /** Removed after each test: the stores and keys a test makes never pile up in /tmp. */
    @TempDir
    Path temporary;
    private static final Clock NOV_22 = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    private Stage mainWindow;

    @Start
    void start(Stage stage) {
        mainWindow = stage;
        SharedStage.showEmpty(stage, 300, 200);
    }

    @Test
    void signingOntoAChangedLogIsRefusedInRedWithVerifysFirstProblem(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(temporary, "decision-dialog-tampered");
        Path db = dir.resolve("decisions.db");
        Path key = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(dir.resolve("keys"));
        TamperedStore.withRecords(db, LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD),
                LedgerFixtures.retraining("test record 1"), LedgerFixtures.promotion(1, "test record 2"));
        TamperedStore.changeRecord(db, 2, "test record 2", "test record X");

        DecisionViewModel model = new DecisionViewModel(DecisionPacks.tierThreePack(),
                new EvaluationSummary(List.of(new GateOutcome("primary metric", "pass", "Δ +0.021")), List.of()),
                List.of(), new CurrentThreadExecutor(), NOV_22);
        robot.interact(() -> new DecisionDialog(model, DecisionDialog.defaultText()).showModal(mainWindow));
        robot.interact(() -> {
            robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue("hold");
            model.rationaleProperty().set("latency gate fails");
            model.approversProperty().set("Ada Lovelace");
            model.storeProperty().set(db);
            model.keyFileProperty().set(key);
        });
        // fired rather than clicked: the outcome is the point here, not the pointer (DecisionDialogTest clicks)
        robot.interact(() -> {
            robot.lookup("#decisionPassphrase").queryAs(PasswordField.class)
                    .setText(new String(LedgerFixtures.PASSPHRASE));
            robot.lookup("#decisionSign").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#decisionStatus").queryAs(Label.class);
        assertTrue(status.getText().startsWith("the decision log " + db + " does not verify, so nothing was appended"),
                status.getText());
        assertTrue(status.getText().contains("record #2: its bytes no longer match its id"), status.getText());
        assertTrue(status.getStyleClass().contains(Styles.DANGER), "said as a refusal: " + status.getStyleClass());
        assertFalse(status.getStyleClass().contains(Styles.SUCCESS));
        assertEquals("Cancel", robot.lookup("#decisionCancel").queryButton().getText(), "nothing was signed");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals(2, log.snapshot().records().size(), "nothing was appended");
        }
        robot.interact(() -> robot.lookup("#decisionDialog").query().getScene().getWindow().hide());
    }
}
