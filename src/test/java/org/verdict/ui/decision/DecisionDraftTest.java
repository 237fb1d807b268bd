package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;
import org.verdict.core.pack.ReviewPack;
import org.verdict.ui.SharedStage;
import org.verdict.ui.task.CurrentThreadExecutor;

/** Closing the Decision dialog unsigned (Esc, by mistake) keeps what was entered until it is signed. */
@ExtendWith(ApplicationExtension.class)
class DecisionDraftTest {
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private Stage owner;
    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        owner = stage;
        SharedStage.showEmpty(stage, 300, 200);
    }

    private RecordDecisionAction action() {
        return new RecordDecisionAction(executor, (pack, candidate, progress) -> {
            throw new AssertionError("the dialog is shown with its prefill, never reviewed here");
        }, pack -> null, (pack, candidate) -> Optional.empty(),
                new SimpleObjectProperty<>(folder.resolve("decisions.db")), Optional::empty, () -> owner,
                signed -> { }, DecisionDialog.defaultText(), DecisionAppender.onDisk(), Clock.systemUTC());
    }

    private static void fillIn(FxRobot robot, String rationale) {
        robot.interact(() -> {
            robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue("hold");
            robot.lookup("#decisionRationale").queryAs(TextArea.class).setText(rationale);
            robot.lookup("#decisionApprovers").queryAs(TextField.class).setText("Ada Lovelace, Bea Board");
        });
    }

    private static String rationale(FxRobot robot) {
        return robot.lookup("#decisionRationale").queryAs(TextArea.class).getText();
    }

    private static void close(FxRobot robot) {
        robot.interact(() -> robot.lookup("#decisionDialog").query().getScene().getWindow().hide());
    }

    @Test
    void escapeThenReopenResumesWhatWasEntered(FxRobot robot) {
        RecordDecisionAction action = action();
        ReviewPack pack = DecisionPacks.tierThreePack();
        robot.interact(() -> action.show(pack, DecisionPrefill.NONE));
        fillIn(robot, "ja is worse by 0.10 macro_f1; retrain on the new tickets first");
        robot.clickOn("#decisionRationale").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#decisionDialog").tryQuery().isEmpty(), "Esc closed the dialog");

        robot.interact(() -> action.show(pack, DecisionPrefill.NONE));

        assertEquals("ja is worse by 0.10 macro_f1; retrain on the new tickets first", rationale(robot));
        assertEquals("hold", robot.lookup("#decisionChoice").<ChoiceBox<String>>query().getValue());
        assertEquals("Ada Lovelace, Bea Board", robot.lookup("#decisionApprovers").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#decisionStatus").queryAs(Label.class).getText().startsWith("Resumed"),
                "the dialog says the form was resumed");
        close(robot);
    }

    @Test
    void aDraftBelongsToItsPack(FxRobot robot) {
        RecordDecisionAction action = action();
        ReviewPack pack = DecisionPacks.tierThreePack();
        ReviewPack another = new ReviewPack(Path.of("another"), Path.of("another"), pack.manifest(), null,
                pack.fileHashes());
        robot.interact(() -> action.show(pack, DecisionPrefill.NONE));
        fillIn(robot, "written for the first pack");
        close(robot);

        robot.interact(() -> action.show(another, DecisionPrefill.NONE));

        assertEquals("", rationale(robot));
        assertEquals("", robot.lookup("#decisionStatus").queryAs(Label.class).getText());
        close(robot);
    }

    @Test
    void aSignedDecisionLeavesNoDraft(FxRobot robot) throws Exception {
        RecordDecisionAction action = action();
        ReviewPack pack = DecisionPacks.tierThreePack();
        Path key = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE,
                LedgerFixtures.TEST_ITERATIONS).writeTo(folder.resolve("keys"));
        robot.interact(() -> action.show(pack, DecisionPrefill.NONE));
        fillIn(robot, "signed once");
        robot.interact(() -> {
            robot.lookup("#decisionKey").queryAs(TextField.class).setText(key.toString());
            robot.lookup("#decisionPassphrase").queryAs(PasswordField.class)
                    .setText(new String(LedgerFixtures.PASSPHRASE));
            robot.lookup("#decisionSign").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#decisionStatus").queryAs(Label.class).getText().contains("#1"),
                robot.lookup("#decisionStatus").queryAs(Label.class).getText());
        close(robot);

        robot.interact(() -> action.show(pack, DecisionPrefill.NONE));

        assertEquals("", rationale(robot), "a new decision starts blank once the last one was signed");
        close(robot);
    }
}
