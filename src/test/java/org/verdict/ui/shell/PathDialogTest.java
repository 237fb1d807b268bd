package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.theme.Appearance;

@ExtendWith(ApplicationExtension.class)
class PathDialogTest {
    private final PathDialog paths = new PathDialog(ResourceBundle.getBundle("org.verdict.ui.messages"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StackPane root = new StackPane();
        // the app's look, which its dialogs take from their owner (and which re-lays out their buttons)
        new Appearance(false, false).applyTo(root);
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void aTypedPathIsTheAnswerWithoutTheSystemsChooser(FxRobot robot) {
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = paths.dialog(stage, "Open review pack", null, owner -> {
                throw new AssertionError("the chooser is not needed to type a path");
            });
            shown[0].show();
        });
        robot.interact(() -> robot.lookup("#pathField").queryAs(TextField.class).setText("  /tmp/packs/house  "));
        robot.interact(() -> ((Button) shown[0].getDialogPane().lookupButton(
                shown[0].getDialogPane().getButtonTypes().get(0))).fire());

        assertEquals(Path.of("/tmp/packs/house"), shown[0].getResult());
    }

    @Test
    void aPrefilledPathHasTheFocusSelectedSoTypingReplacesItAndEnterAnswersWithTheTypedPath(FxRobot robot) {
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = paths.dialog(stage, "Folder for approval-pack.html and approval-pack.pdf", Path.of("/home/someone"),
                    owner -> Optional.empty());
            shown[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#pathField").queryAs(TextField.class);
        assertTrue(field.isFocused(), "the path field has the focus, not OK");
        assertEquals("/home/someone", field.getSelectedText());

        // keys, not robot.write: write sends its characters to the robot's target window, the test's stage
        robot.type(KeyCode.SLASH, KeyCode.T, KeyCode.M, KeyCode.P, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Path.of("/tmp"), shown[0].getResult(), "typing replaced the suggestion and Enter answered");
    }

    @Test
    void aChooserThatFailsLeavesTheFieldAndSaysWhy(FxRobot robot) {
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = paths.dialog(stage, "Open review pack", Path.of("/tmp"), owner -> {
                throw new UnsupportedOperationException("no portal");
            });
            shown[0].show();
        });
        robot.interact(() -> robot.lookup("#pathBrowse").queryButton().fire());

        assertTrue(robot.lookup("#pathProblem").queryAs(Label.class).getText().contains("Type or paste"));
        assertEquals("/tmp", robot.lookup("#pathField").queryAs(TextField.class).getText());
        robot.interact(() -> {
            shown[0].setResult(null);
            shown[0].close();
        });
    }

    @Test
    void aBrowsedPathFillsTheField(FxRobot robot) {
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = paths.dialog(stage, "Export chart", null, owner -> Optional.of(Path.of("/tmp/chart.svg")));
            shown[0].show();
        });
        robot.interact(() -> robot.lookup("#pathBrowse").queryButton().fire());
        assertEquals("/tmp/chart.svg", robot.lookup("#pathField").queryAs(TextField.class).getText());
        robot.interact(() -> ((Button) shown[0].getDialogPane().lookupButton(ButtonType.CANCEL)).fire());
        assertEquals(null, shown[0].getResult());
    }

    @Test
    void askingForAFileOffersThePathFieldWithoutOpeningTheSystemsChooser(FxRobot robot) {
        List<Optional<Path>> answers = new ArrayList<>();
        // ask waits for the answer (a nested event loop), so it is started, not awaited, on the FX thread
        Platform.runLater(() -> answers.add(paths.askForFile(stage, "Open a decision log", null,
                new FileChooser.ExtensionFilter("Decision logs", "*.db"))));
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#pathField").queryAs(TextField.class);
        // a dialog narrower than it would like (a small screen, no window manager): the field gives way, not Browse…
        robot.interact(() -> field.getScene().getWindow().setWidth(320));
        Button browse = robot.lookup("#pathBrowse").queryButton();
        assertTrue(browse.getWidth() >= browse.prefWidth(-1) - 0.5, "Browse… is never cut");
        robot.interact(() -> field.setText("/tmp/decisions.db"));
        robot.interact(() -> robot.lookup(".button").queryAll().stream()
                .filter(node -> node instanceof Button button && "OK".equals(button.getText()))
                .map(Button.class::cast).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(Optional.of(Path.of("/tmp/decisions.db"))), answers);
    }

    /**
     * The hint under the path is read whole, on one line: wrapped, it was given one line's height in Open decision
     * log… (1366×768) and ended "… for the system's file …"; its width set to nothing, it took a letter a line.
     */
    @Test
    void theHintIsDrawnWholeOnTheLinesItNeeds(FxRobot robot) {
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = paths.dialog(stage, "Open a decision log", null, owner -> Optional.empty());
            shown[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Label hint = shown[0].getDialogPane().getContent().lookupAll(".hint").stream()
                    .map(Label.class::cast).findFirst().orElseThrow();
            Text drawn = hint.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                    .findFirst().orElseThrow();
            assertEquals(hint.getText(), drawn.getText().replace("\n", " "), "the hint is cut");
            Bounds text = drawn.localToScene(drawn.getLayoutBounds());
            Bounds room = hint.localToScene(hint.getLayoutBounds());
            assertTrue(text.getMaxY() <= room.getMaxY() + 0.5 && text.getMaxX() <= room.getMaxX() + 0.5,
                    "drawn " + text + " within " + room);
            assertTrue(text.getHeight() < 2 * drawn.getFont().getSize() * 1.5, "on one line: " + text);
            Bounds field = robot.lookup("#pathField").query().localToScene(
                    robot.lookup("#pathField").query().getLayoutBounds());
            assertTrue(field.getWidth() >= 30 * drawn.getFont().getSize(), "the path field keeps its width: " + field);
        } finally {
            robot.interact(() -> shown[0].close());
        }
    }
}
