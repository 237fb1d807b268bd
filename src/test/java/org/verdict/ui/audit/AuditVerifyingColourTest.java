package org.verdict.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.HeldExecutor;

/**
 * The header's colour says what verification found, and nothing before it has found anything: "verifying …" is in
 * the text's own colour, never the red of a problem (nor the green of the log shown before), then green for an intact
 * log and red for one that cannot be opened.
 */
@ExtendWith(ApplicationExtension.class)
class AuditVerifyingColourTest {
    private static final List<String> STANDINGS = List.of("success", "warning", "danger");
    @TempDir
    Path temporary;
    private final HeldExecutor executor = new HeldExecutor();
    private final AuditViewModel model = new AuditViewModel(executor, new ActivityMonitor(System::currentTimeMillis));

    @Start
    void start(Stage stage) {
        AuditView.FileAsker files = (owner, title, initial, filters) -> Optional.empty();
        stage.setScene(new Scene((Parent) new AuditView(model, AuditView.defaultText(), files).node(), 1100, 700));
        stage.show();
    }

    private static List<String> standing(FxRobot robot) {
        Label header = robot.lookup("#auditVerification").queryAs(Label.class);
        return header.getStyleClass().stream().filter(STANDINGS::contains).toList();
    }

    @Test
    void verifyingHasNoColourAndOnlyWhatItFindsDoes(FxRobot robot) throws Exception {
        Path db = AuditViewModelTest.threeRecordStore(Files.createDirectory(temporary.resolve("first")));
        robot.interact(() -> model.open(db));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#auditVerification").queryAs(Label.class).getText().startsWith("verifying"));
        assertEquals(List.of(), standing(robot), "nothing found yet");

        robot.interact(executor::runHeldWork);
        assertEquals(List.of("success"), standing(robot));

        Path other = AuditViewModelTest.threeRecordStore(Files.createDirectory(temporary.resolve("second")));
        robot.interact(() -> model.open(other));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), standing(robot), "not the green of the log verified before");

        robot.interact(executor::runHeldWork);
        robot.interact(() -> model.open(temporary.resolve("nothing-here.db")));
        robot.interact(executor::runHeldWork);
        assertTrue(robot.lookup("#auditVerification").queryAs(Label.class).getText().startsWith("cannot open"),
                robot.lookup("#auditVerification").queryAs(Label.class).getText());
        assertEquals(List.of("danger"), standing(robot), "a log that cannot be opened is a problem");
    }
}
