package org.verdict.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.Roles;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.SharedStage;
import org.verdict.ui.task.CurrentThreadExecutor;

/**
 * File → Record decision… opens the dialog with the store in use and the key file last signed with, with or without
 * the gate table.
 */
@ExtendWith(ApplicationExtension.class)
class RecordDecisionActionTest {
    /** Removed after each test: the stores and keys a test makes never pile up in /tmp. */
    @TempDir
    Path temporary;
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final List<RecordDecisionAction.SignedDecision> signed = new ArrayList<>();
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        SharedStage.showEmpty(stage, 300, 200);
    }

    @Test
    void opensTheDialogOnTheAppsLogEvenWhenTheGateReviewFails(FxRobot robot) throws Exception {
        Path store = Files.createTempDirectory(temporary, "record-decision").resolve("decisions.db");
        Path lastKey = store.resolveSibling("ada-lovelace.key.json");
        RecordDecisionAction action = new RecordDecisionAction(executor,
                (pack, candidate, progress) -> {
                    throw new PackException("policy.json", 3, 7, "unknown key 'marginn'");
                },
                pack -> null, (pack, candidate) -> Optional.empty(), new SimpleObjectProperty<>(store), () -> Optional.of(lastKey), () -> owner, signed::add, DecisionDialog.defaultText(), DecisionAppender.onDisk(), Clock.systemUTC());
        assertEquals("record-decision", action.packAction().id());
        robot.interact(() -> action.packAction().action().accept(DecisionPacks.tierThreePack()));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(store.toString(), robot.lookup("#decisionStore").queryAs(TextField.class).getText());
        assertEquals(lastKey.toString(), robot.lookup("#decisionKey").queryAs(TextField.class).getText(),
                "the key file last signed with is proposed");
        assertEquals("support-router", robot.lookup("#decisionModel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#decisionGates").queryTableView().getItems().isEmpty(), "no gate table without a review");
        assertTrue(executor.unhandledFailures().isEmpty(), executor.unhandledFailures().toString());
        robot.interact(() -> robot.lookup("#decisionDialog").query().getScene().getWindow().hide());
    }

    /**
     * The app makes the log a decision went into the store in use (the status bar, the next dialog, the Audit view):
     * it must be the log the person signed into, not the one the dialog first proposed.
     */
    @Test
    void aSignedDecisionReportsTheLogAndKeyItWasSignedWith(FxRobot robot) throws Exception {
        Path folder = Files.createTempDirectory(temporary, "record-decision-signed");
        Path proposed = folder.resolve("decisions.db");
        Path chosen = folder.resolve("board.db");
        Path key = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD,
                LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS)
                .writeTo(folder.resolve("keys"));
        RecordDecisionAction action = new RecordDecisionAction(executor,
                (pack, candidate, progress) -> {
                    throw new PackException("policy.json", 3, 7, "unknown key 'marginn'");
                },
                pack -> null, (pack, candidate) -> Optional.empty(), new SimpleObjectProperty<>(proposed),
                Optional::empty, () -> owner, signed::add, DecisionDialog.defaultText(), DecisionAppender.onDisk(), Clock.systemUTC());
        robot.interact(() -> action.open(DecisionPacks.tierThreePack()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#decisionChoice").<ChoiceBox<String>>query().setValue("hold");
            robot.lookup("#decisionRationale").queryAs(TextArea.class).setText("gates unknown");
            robot.lookup("#decisionApprovers").queryAs(TextField.class).setText("Ada Lovelace");
            robot.lookup("#decisionStore").queryAs(TextField.class).setText(chosen.toString());
            robot.lookup("#decisionKey").queryAs(TextField.class).setText(key.toString());
            robot.lookup("#decisionPassphrase").queryAs(PasswordField.class)
                    .setText(new String(LedgerFixtures.PASSPHRASE));
            robot.lookup("#decisionSign").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, signed.size(), robot.lookup("#decisionStatus").queryAs(Label.class).getText());
        assertEquals(chosen, signed.get(0).store());
        assertEquals(key, signed.get(0).keyFile());
        assertEquals(1, signed.get(0).record().sequence());
        assertTrue(Files.exists(chosen));
        assertTrue(!Files.exists(proposed), "nothing was written to the log first proposed");
        robot.interact(() -> robot.lookup("#decisionDialog").query().getScene().getWindow().hide());
    }

    @Test
    void theGatesAlreadyJudgedFillTheGateTableWithoutReviewingAgain(FxRobot robot) throws Exception {
        Path folder = Files.createTempDirectory(temporary, "record-decision-judged");
        PackLoader loader = new PackLoader();
        ReviewPack pack = loader.load(PackFixture.write(folder.resolve("pack"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
        GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        CandidateReview judged = gates.reviewUnderItsPolicy(pack, null, Progress.NONE);
        List<ReviewPack> reviewedAgain = new ArrayList<>();
        RecordDecisionAction action = new RecordDecisionAction(executor,
                (asked, candidate, progress) -> {
                    reviewedAgain.add(asked);
                    return gates.reviewUnderItsPolicy(asked, candidate, progress);
                },
                asked -> null, (asked, candidate) -> asked == pack ? Optional.of(judged) : Optional.empty(),
                new SimpleObjectProperty<>(folder.resolve("decisions.db")), Optional::empty, () -> owner, signed::add,
                DecisionDialog.defaultText(), DecisionAppender.onDisk(), Clock.systemUTC());

        robot.interact(() -> action.open(pack));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), reviewedAgain);
        assertEquals(judged.gates().gates().size(), robot.lookup("#decisionGates").queryTableView().getItems().size());
        robot.interact(() -> robot.lookup("#decisionDialog").query().getScene().getWindow().hide());
    }
}
