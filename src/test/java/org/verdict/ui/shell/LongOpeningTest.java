package org.verdict.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.MainWindowFixture;
import org.verdict.ui.error.ProblemDialog;

/** Opening that takes long runs on a worker thread, shows its progress with a Cancel button, and can be stopped. */
@ExtendWith(ApplicationExtension.class)
class LongOpeningTest {
    @TempDir
    static Path folder;

    private final List<String> workerThreads = new CopyOnWriteArrayList<>();
    private MainWindowFixture app;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        // A pack that takes until it is cancelled, reporting progress all the time like a real loader.
        PackSource slowSource = (source, progress) -> {
            workerThreads.add(Thread.currentThread().getName());
            for (long i = 0; ; i++) {
                progress.update((i % 1000) / 1000.0, "reading primary.csv");
                progress.checkCancelled();
                Thread.onSpinWait();
            }
        };
        app = MainWindowFixture.show(stage, slowSource, folder);
        window = app.window();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void progressAndCancelAppearAndCancelStopsTheWork(FxRobot robot) throws Exception {
        robot.interact(() -> window.openPack(folder.resolve("slow-pack"), true));
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> robot.lookup("#activityArea").query().isVisible());
        Label message = robot.lookup("#activityMessage").queryAs(Label.class);
        assertTrue(message.getText().contains("reading primary.csv"), "the sampled message is shown");
        String[] shown = new String[2];
        robot.interact(() -> {
            shown[0] = message.getText();
            shown[1] = message.getTooltip().getText();
        });
        assertEquals(shown[0], shown[1], "a message the bar cuts is read whole in its tooltip");
        assertTrue(workerThreads.get(0).startsWith("verdict-worker-"), "the work ran off the FX thread");

        robot.clickOn("#activityCancel");
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !robot.lookup("#activityArea").query().isVisible());

        assertEquals("No pack open", robot.lookup("#statusPack").queryAs(Label.class).getText());
        assertEquals(List.of(), app.unhandledFailures(), "cancelling is not an error");
        assertTrue(robot.lookup("#" + ProblemDialog.DIALOG_ID).tryQuery().isEmpty(), "no error dialog");
    }

    /**
     * Progress and Cancel coming and going never move the view above the status bar: the bar was 10 px taller with
     * them, and the Audit view's records table jumped while a log was verified.
     */
    @Test
    void theStatusBarKeepsItsHeightWhileWorkShowsItsProgress(FxRobot robot) throws Exception {
        robot.interact(() -> { });
        double idle = robot.lookup(".status-bar").query().getLayoutBounds().getHeight();
        robot.interact(() -> window.openPack(folder.resolve("slow-pack"), true));
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> robot.lookup("#activityArea").query().isVisible());
        robot.interact(() -> { });

        assertEquals(idle, robot.lookup(".status-bar").query().getLayoutBounds().getHeight(), 0.5,
                "the status bar's height with progress and Cancel");
        robot.clickOn("#activityCancel");
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !robot.lookup("#activityArea").query().isVisible());
    }

    /**
     * A narrow status bar cuts a long progress message at its start: the end is the step that changes ("… reading
     * primary.csv", "… Compared 59 of 174 slices"), and cut at the end it read the same for the whole run.
     */
    @Test
    void aCutProgressMessageKeepsItsChangingEnd(FxRobot robot) throws Exception {
        robot.interact(() -> window.openPack(folder.resolve("slow-pack-with-a-long-folder-name-that-fills-the-bar"),
                true));
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> robot.lookup("#activityArea").query().isVisible());
        robot.interact(() -> robot.lookup(".status-bar").query().getScene().getWindow().setWidth(900));
        robot.interact(() -> { });
        Label message = robot.lookup("#activityMessage").queryAs(Label.class);
        String shown = robot.from(message).lookup(".text").queryAs(Text.class).getText();

        assertTrue(shown.contains("…"), "at 900 px the message is cut: " + shown);
        assertTrue(shown.endsWith("reading primary.csv"), "the changing end stays in view: " + shown);
        robot.clickOn("#activityCancel");
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !robot.lookup("#activityArea").query().isVisible());
    }
}
