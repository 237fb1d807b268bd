package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * A primary-only pack (as a_churn: a binary model, no optional suite, eight gates not evaluated) on a 1366×768 laptop,
 * in the view's room beside the navigation rail: what Gates and Evidence say while it loads, the verdict in one line
 * with its counts above the checklist, Judge again after Cancel, and the Evidence view opening on a page with evidence.
 */
@ExtendWith(ApplicationExtension.class)
class PrimaryOnlyPackLaptopTest {
    private static final double VIEW_WIDTH = 1242;
    private static final double VIEW_HEIGHT = 620;

    @TempDir
    static Path folder;

    private final ResourceBundle text = GatesFixture.TEXT;
    private final CurrentThreadExecutor drawing = new CurrentThreadExecutor();
    private final HeldExecutor judging = new HeldExecutor();
    private final ActivityMonitor activity = new ActivityMonitor(() -> 0);
    private final StringProperty opening = new SimpleStringProperty("");
    private GatesViewModel model;
    private Scene scene;
    private Parent gates;
    private Parent evidence;

    @Start
    void start(Stage stage) {
        model = GatesFixture.model(judging, activity, view -> { });
        model.followOpening(opening);
        Appearance appearance = new Appearance(false, false);
        gates = (Parent) new GatesView(model, text).node();
        evidence = (Parent) GatesFixture.evidence(model, appearance, drawing).node();
        scene = GatesFixture.show(stage, gates, VIEW_WIDTH, VIEW_HEIGHT, appearance);
    }

    private void show(Parent view) {
        scene.setRoot(view);
        new Appearance(false, false).applyTo(view);
    }

    private void openPrimaryOnlyPack(FxRobot robot) throws Exception {
        Path pack = Files.createTempDirectory(folder, "a_churn");
        robot.interact(() -> opening.set("a_churn"));
        robot.interact(() -> {
            try {
                model.showPack(new RealStylePack(pack, RealStylePack.Kind.BINARY).worseInTheWest().load());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            opening.set("");
        });
    }

    @Test
    void whileThePackLoadsBothViewsSayWhichOne(FxRobot robot) {
        robot.interact(() -> opening.set("a_churn"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Opening the pack a_churn… its gates are judged once it is open.",
                robot.lookup("#gatesTablePlaceholder").queryAs(Label.class).getText());
        robot.interact(() -> show(evidence));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Opening the pack a_churn… its evidence appears here once its gates are judged.",
                robot.lookup("#evidenceSummary").queryAs(Label.class).getText());
        robot.interact(() -> opening.set(""));
        assertEquals("Open a pack to see its evidence.", robot.lookup("#evidenceSummary").queryAs(Label.class)
                .getText());
        robot.interact(() -> show(gates));
    }

    @Test
    void theVerdictIsOneLineWithItsCountsAndTheChecklistFollowsAtOnce(FxRobot robot) throws Exception {
        openPrimaryOnlyPack(robot);
        robot.interact(judging::runHeldWork);
        WaitForAsyncUtils.waitForFxEvents();
        Label headline = robot.lookup("#gatesHeadline").queryAs(Label.class);
        Label counts = robot.lookup("#gatesCounts").queryAs(Label.class);
        assertTrue(headline.getText().startsWith("Candidate 2 "), headline.getText());
        assertTrue(counts.getText().endsWith(" · 8 not applicable (optional evidence absent)"), counts.getText());
        assertEquals(1, drawnLines(headline), "one line: " + headline.getText());
        assertEquals(1, drawnLines(counts), "one line: " + counts.getText());
        Label details = robot.lookup("#gatesDetails").queryAs(Label.class);
        assertTrue(drawnLines(details) <= 2, "the names behind the counts in at most two lines: " + details.getText());
        assertFalse(details.getFont().getName().toLowerCase().contains("bold"), "in the body text, not bold");
        TableView<?> table = robot.lookup("#gatesTable").queryAs(TableView.class);
        double top = table.localToScene(table.getLayoutBounds()).getMinY();
        assertTrue(top <= 0.25 * VIEW_HEIGHT, "the checklist starts " + top + " px down the view");
        assertFalse(robot.lookup("#gatesJudgeAgain").queryAs(Button.class).isVisible(), "judged: nothing to redo");
        assertEquals(List.of(), judging.unhandledFailures());
        assertEquals(List.of(), drawing.unhandledFailures());
    }

    @Test
    void afterCancelJudgeAgainJudgesThePackAndItsEvidenceOpensOnAPageThatHasSome(FxRobot robot) throws Exception {
        openPrimaryOnlyPack(robot);
        Button judgeAgain = robot.lookup("#gatesJudgeAgain").queryAs(Button.class);
        assertFalse(judgeAgain.isVisible(), "judging");
        robot.interact(activity::cancel);
        robot.interact(judging::runHeldWork);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Judging the gates was cancelled.", robot.lookup("#gatesHeadline").queryAs(Label.class)
                .getText());
        assertTrue(judgeAgain.isVisible());

        robot.clickOn(judgeAgain);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(activity.busyProperty().get(), "judging again, with its progress and Cancel in the status bar");
        robot.interact(judging::runHeldWork);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, robot.lookup("#gatesTable").queryAs(TableView.class).getItems().size());
        assertFalse(judgeAgain.isVisible());

        robot.interact(() -> show(evidence));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EvidencePageId.DATA_VALIDATION, model.selectedEvidenceProperty().get());
        assertEquals(text.getString("evidence.page.data-validation"),
                robot.lookup("#evidenceTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#evidenceMissing").tryQuery().map(node -> !node.isVisible()
                || node.getParent() == null).orElse(true), "no \"Missing:\" page");
        robot.interact(() -> show(gates));
        assertEquals(List.of(), judging.unhandledFailures());
        assertEquals(List.of(), drawing.unhandledFailures());
    }

    /** How many lines the label's text is drawn in at its width. */
    private static long drawnLines(Label label) {
        Text drawn = (Text) label.lookup(".text");
        Text oneLine = new Text("Xg");
        oneLine.setFont(label.getFont());
        return Math.round(drawn.getLayoutBounds().getHeight() / oneLine.getLayoutBounds().getHeight());
    }
}
