package org.verdict.ui.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.task.Progress;
import org.verdict.ui.SharedStage;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.settings.UserSettings;
import org.verdict.ui.shell.MainViewModel;
import org.verdict.ui.shell.MainWindow;
import org.verdict.ui.shell.PackSource;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.WorkerPoolExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * File → Summarise rows… in the main window: a Parquet file made by DuckDB, summarised in the background by DuckDB
 * and handed to the window's own pack-open path.
 */
@ExtendWith(ApplicationExtension.class)
class SummarizeRowsDialogTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final List<Path> askedToOpen = new CopyOnWriteArrayList<>();
    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    private WorkerPoolExecutor executor;
    private Path home;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory(folder, "home");
        executor = new WorkerPoolExecutor(1, unhandled::add);
        ActivityMonitor activity = new ActivityMonitor(System::currentTimeMillis);
        // the window's own loader, watched: what it is asked to open is what File → Open would open
        PackSource loader = (source, progress) -> {
            askedToOpen.add(source);
            return new PackLoader().load(source, progress);
        };
        MainViewModel main = new MainViewModel(loader, executor, activity,
                UserSettings.load(home.resolve("settings.json")), home.resolve("decisions.db"), "Opening");
        MainWindow window = new MainWindow(main, List.of(), List.of(), new Appearance(false, false), text,
                new ProblemDialog(text), unhandled::add, new MainWindow.PackChooser() {
                    @Override
                    public Optional<Path> choosePack(Window owner) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Path> choosePackFolder(Window owner) {
                        return Optional.empty();
                    }
                });
        SummarizeRowsViewModel model = new SummarizeRowsViewModel(SummarizeRowsViewModel.Summarizer.duckDb("256MB", 1),
                executor, activity, home.resolve("summaries"), Clock.systemUTC(), pack -> window.openPack(pack, true),
                text);
        SummarizeRowsDialog dialog = new SummarizeRowsDialog(model, text, unhandled::add);
        window.addFileCommand("menuSummarizeRows", text.getString("menu.file.summarize"), null,
                () -> dialog.show(window.window()));
        window.install(stage, () -> { });
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        SharedStage.release(stage);
        executor.close();
    }

    /** On a 1366×768 laptop the three labels read whole ("Rows (Parquet or CSV file, or folder)"), not "Rows (Parq…". */
    @Test
    void everyLabelOfTheDialogReadsWhole(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        robot.clickOn("#menuFile").clickOn("#menuSummarizeRows");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.GridPane fields = robot.lookup("#summarizeFields").queryAs(javafx.scene.layout.GridPane.class);
        List<Label> labels = fields.getChildren().stream().filter(Label.class::isInstance).map(Label.class::cast)
                .toList();
        assertEquals(3, labels.size());
        for (Label label : labels) {
            assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5,
                    label.getText() + ": " + label.getWidth() + " of " + label.prefWidth(-1));
            assertTrue(label.localToScene(0, 0).getX() >= 12, "in from the dialog's left edge");
        }
        TextField output = robot.lookup("#summarizeOutput").queryAs(TextField.class);
        javafx.scene.text.Text path = new javafx.scene.text.Text(output.getText());
        path.setFont(output.getFont());
        assertTrue(output.getWidth() - output.getPadding().getLeft() - output.getPadding().getRight()
                >= path.getLayoutBounds().getWidth(), "the suggested output path reads whole: " + output.getText()
                + " in " + output.getWidth() + " px");
        robot.interact(() -> ((javafx.stage.Stage) fields.getScene().getWindow()).close());
    }

    @Test
    void aParquetFileIsSummarisedInTheBackgroundAndTheWindowOpensThePack(FxRobot robot) throws Exception {
        Path parquet = SummarizeRowsViewModelTest.lake(folder, 30_000);

        robot.clickOn("#menuFile").clickOn("#menuSummarizeRows");
        WaitForAsyncUtils.waitForFxEvents();
        Button start = robot.lookup("#summarizeStart").queryButton();
        assertTrue(start.isDisabled(), "nothing chosen yet");
        assertEquals(text.getString("summarize.needRows"), robot.lookup("#summarizeProblem").queryAs(Label.class)
                .getText());

        robot.interact(() -> robot.lookup("#summarizeRows").queryAs(TextField.class).setText(parquet.toString()));
        TextField manifest = robot.lookup("#summarizeManifest").queryAs(TextField.class);
        TextField output = robot.lookup("#summarizeOutput").queryAs(TextField.class);
        // the paths are looked up on disk in the background, never on the FX thread
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        assertEquals(parquet.resolveSibling("manifest.json").toString(), manifest.getText(), "found beside the rows");
        Path out = Path.of(output.getText());
        assertTrue(out.startsWith(home.resolve("summaries")), "under the Verdict home: " + out);
        assertTrue(!start.isDisabled());

        robot.clickOn("#summarizeStart");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !askedToOpen.isEmpty());

        assertEquals(List.of(out), askedToOpen);
        assertEquals(30_000, new SummaryPackReader().read(out, Progress.NONE).primary().rowCount());
        assertTrue(unhandled.isEmpty(), "unhandled: " + unhandled);
    }
}
