package org.verdict.ui.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
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
import org.verdict.core.pack.PackLoader;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.task.Progress;
import org.verdict.ui.MainWindowFixture;
import org.verdict.ui.error.ProblemDialog;
import org.verdict.ui.shell.MainWindow;
import org.verdict.ui.shell.PackSource;

/**
 * File → Summarise rows… in the main window: a Parquet file made by DuckDB, summarised in the background by DuckDB
 * and handed to the window's own pack-open path.
 */
@ExtendWith(ApplicationExtension.class)
class SummarizeRowsDialogTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = MainWindowFixture.TEXT;
    private final List<Path> askedToOpen = new CopyOnWriteArrayList<>();
    private MainWindowFixture app;
    private Path home;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory(folder, "home");
        // the window's own loader, watched: what it is asked to open is what File → Open would open
        PackSource loader = (source, progress) -> {
            askedToOpen.add(source);
            return new PackLoader().load(source, progress);
        };
        app = MainWindowFixture.show(stage, loader, home);
        MainWindow window = app.window();
        SummarizeRowsViewModel model = new SummarizeRowsViewModel(SummarizeRowsViewModel.Summarizer.duckDb("256MB", 1),
                app.executor(), app.activity(), home.resolve("summaries"), Clock.systemUTC(),
                pack -> window.openPack(pack, true), text);
        SummarizeRowsDialog dialog = new SummarizeRowsDialog(model, text, new ProblemDialog(text));
        window.addFileCommand("menuSummarizeRows", text.getString("menu.file.summarize"), null,
                () -> dialog.show(window.window()));
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
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
        GridPane fields = robot.lookup("#summarizeFields").queryAs(GridPane.class);
        List<Label> labels = fields.getChildren().stream().filter(Label.class::isInstance).map(Label.class::cast)
                .toList();
        assertEquals(3, labels.size());
        for (Label label : labels) {
            assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5,
                    label.getText() + ": " + label.getWidth() + " of " + label.prefWidth(-1));
            assertTrue(label.localToScene(0, 0).getX() >= 12, "in from the dialog's left edge");
        }
        TextField output = robot.lookup("#summarizeOutput").queryAs(TextField.class);
        Text path = new Text(output.getText());
        path.setFont(output.getFont());
        assertTrue(output.getWidth() - output.getPadding().getLeft() - output.getPadding().getRight()
                >= path.getLayoutBounds().getWidth(), "the suggested output path reads whole: " + output.getText()
                + " in " + output.getWidth() + " px");
        robot.interact(() -> ((Stage) fields.getScene().getWindow()).close());
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
        assertEquals(List.of(), app.unhandledFailures());
    }

    /** A broken row fails the summary: a problem dialog names its file, line and column, and nothing is opened. */
    @Test
    void aFailedSummaryIsShownInAProblemDialogNamingTheBrokenRow(FxRobot robot) throws Exception {
        Path lake = Files.createDirectories(folder.resolve("broken"));
        Files.writeString(lake.resolve("manifest.json"), SummarizeRowsViewModelTest.MANIFEST);
        Path rows = Files.writeString(lake.resolve("evals.csv"), """
                example_id,label,region,gender,score_1,score_2
                ex-1,fraud,eu,female,0.9,0.8
                ex-2,ok,us,male,0.1,1.7
                """);

        robot.clickOn("#menuFile").clickOn("#menuSummarizeRows");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#summarizeRows").queryAs(TextField.class).setText(rows.toString()));
        Button start = robot.lookup("#summarizeStart").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        robot.clickOn("#summarizeStart");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ProblemDialog.DIALOG_ID).tryQuery().isPresent());

        DialogPane problem = robot.lookup("#" + ProblemDialog.DIALOG_ID).queryAs(DialogPane.class);
        assertEquals(text.getString("summarize.failedHeader"), problem.getHeaderText());
        assertTrue(problem.getContentText().startsWith(rows + ", line 3, column 6: "), problem.getContentText());
        assertEquals(List.of(), askedToOpen);
        assertEquals(List.of(), app.unhandledFailures(), "a broken row is the user's to fix, not a bug");
    }
}
