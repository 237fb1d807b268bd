package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.BundledSample;

/** What a new user sees first: the bundled sample pack, loaded and compared for real, in the Compare view. */
@ExtendWith(ApplicationExtension.class)
class SamplePackCompareTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private TableView<ComparisonRow> table;
    private ReviewPack sample;

    @Start
    void start(Stage stage) throws Exception {
        Path samplePath = new BundledSample(Path.of("").toAbsolutePath()).inCheckout().orElseThrow();
        sample = new PackLoader().load(samplePath, Progress.NONE);
        table = LaptopCompareView.comparing(stage, folder, text, 1300, 850, sample).table();
    }

    private List<String> verdictsWhere(String prefix) {
        return table.getItems().stream().filter(row -> row.slice().startsWith(prefix))
                .map(ComparisonRow::verdictText).toList();
    }

    @Test
    void theSampleShowsEveryLanguageAndSegmentWithVerdictsAndItsWorseSlicesStandOut(FxRobot robot) {
        List<String> slices = table.getItems().stream().map(ComparisonRow::slice).toList();
        assertEquals("overall", slices.get(0));
        for (String language : List.of("en", "de", "fr", "es", "ja", "pt")) {
            assertTrue(slices.contains("language=" + language), "missing language " + language + " in " + slices);
        }
        for (String segment : List.of("enterprise", "smb", "consumer")) {
            assertTrue(slices.contains("segment=" + segment), "missing segment " + segment);
        }
        // The sample's story: better overall, clearly worse in one language and one segment.
        assertEquals("▲ better", table.getItems().get(0).verdictText());
        assertTrue(verdictsWhere("language=").contains("▼ worse"), verdictsWhere("language=").toString());
        assertTrue(verdictsWhere("segment=").contains("▼ worse"), verdictsWhere("segment=").toString());
        assertTrue(robot.lookup(".verdict-worse").tryQuery().isPresent());
        // the overall verdict on its own, then the other slices counted, as the Gates view counts its worse slices
        String summary = robot.lookup("#compareSummary").queryAs(Label.class).getText();
        assertTrue(summary.matches("(?s).*: overall better; [1-9]\\d* slices? worse, \\d+ better\\..*"), summary);
    }

    /** The matrices cost over 100 ms of CSS and layout: nothing is built for them while the chart is in front. */
    @Test
    void theConfusionMatricesAreBuiltWhenTheirTabIsOpened(FxRobot robot) {
        assertTrue(robot.lookup("#confusionProduction").tryQuery().isEmpty(), "built behind the chart tab");
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#confusionProduction").tryQuery().isPresent());
    }

    @Test
    void theConfusionMatrixOfTheOverallSliceCountsEveryExample(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        GridPane production = robot.lookup("#confusionProduction").queryAs(GridPane.class);
        long counted = production.getChildren().stream()
                .filter(node -> node.getStyleClass().contains("confusion-cell"))
                .mapToLong(node -> Long.parseLong(((Label) node).getText().replace(",", ""))).sum();
        assertEquals(sample.primary().rowCount(), counted);
    }

    @Test
    void perClassPrecisionAndRecallShowEveryClassWithItsCountsAndInterval(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        GridPane perClass = robot.lookup("#perClassRates").queryAs(GridPane.class);
        int classes = sample.primary().classes().size();
        long labelled = 0;
        for (int row = 1; row <= 3 * classes; row += 3) {
            // a class's line: its name, then its labelled examples with thousands separators, as everywhere
            String line = cellText(perClass, 0, row);
            assertTrue(line.matches("\\S.*  n=\\d{1,3}(,\\d{3})*"), line);
            labelled += Long.parseLong(line.substring(line.lastIndexOf("n=") + 2).replace(",", ""));
            // then precision and recall: e.g. "0.871" over "[0.858, 0.883]" over "2,534/2,910", candidate's last
            assertEquals("recall", cellText(perClass, 0, row + 2));
            assertTrue(cellText(perClass, 2, row + 2).matches(
                    "\\d\\.\\d{3}\n\\[\\d\\.\\d{3}, \\d\\.\\d{3}]\n\\d{1,3}(,\\d{3})*/\\d{1,3}(,\\d{3})*"),
                    cellText(perClass, 2, row + 2));
        }
        assertEquals(sample.primary().rowCount(), labelled, "every example is labelled with exactly one class");
    }

    @Test
    void bothConfusionMatricesFitThePaneBesideTheTableWithoutSidewaysScrolling(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        ConfusionHeatMap pane = robot.lookup("#confusionHeatMap").queryAs(ConfusionHeatMap.class);
        Bounds viewport = pane.localToScene(pane.getViewportBounds());
        Bounds paneBounds = pane.localToScene(pane.getLayoutBounds());
        for (String id : List.of("confusionProduction", "confusionCandidate")) {
            Node matrix = robot.lookup("#" + id).query();
            Bounds drawn = matrix.localToScene(matrix.getBoundsInLocal());
            assertTrue(drawn.getMaxX() <= paneBounds.getMinX() + viewport.getWidth() + 0.5,
                    id + " ends at " + drawn.getMaxX() + ", the pane shows up to "
                            + (paneBounds.getMinX() + viewport.getWidth()));
            assertTrue(pane.matrixScale(id) >= ConfusionHeatMap.SMALLEST_SCALE, "its counts stay readable");
        }
    }

    @Test
    void classNamesHeadingsAndPerClassNumbersAreNeverShortened(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = robot.lookup("#confusionHeatMap .label").queryAll().stream()
                .map(Labeled.class::cast)
                .filter(label -> label.getText() != null && !label.getText().isEmpty())
                .filter(label -> label.lookupAll(".text").stream().map(Text.class::cast)
                        .anyMatch(drawn -> !drawn.getText().equals(label.getText())))
                .map(Labeled::getText).toList();
        assertEquals(List.of(), cut);
    }

    /**
     * Above the matrices, each class's recall compared: every class of the sample with its n, its verdict in words in
     * view beside the table, Δ over its interval, and both models' recalls with their intervals on a line below.
     */
    @Test
    void eachClassRecallIsComparedWithItsVerdictInViewBesideTheTable(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        ConfusionHeatMap pane = robot.lookup("#confusionHeatMap").queryAs(ConfusionHeatMap.class);
        double visibleRight = pane.localToScene(pane.getLayoutBounds()).getMinX() + pane.getViewportBounds().getWidth();
        for (String className : sample.primary().classes()) {
            assertTrue(text(robot, "#perClassRecallClass-" + className).matches(className + "\nn=\\d{1,3}(,\\d{3})*"),
                    text(robot, "#perClassRecallClass-" + className));
            Label verdict = robot.lookup("#perClassRecallVerdict-" + className).queryAs(Label.class);
            assertTrue(List.of("better", "worse", "no significant difference", "inconclusive", "too few examples",
                    "unavailable", "unstable", "no information").contains(verdict.getText()), verdict.getText());
            double right = verdict.localToScene(verdict.getLayoutBounds()).getMaxX();
            assertTrue(right <= visibleRight + 0.5, verdict.getText() + " ends at " + right + ", the pane shows up to "
                    + visibleRight);
            // e.g. "+0.044" over "[+0.020, +0.068]"
            String delta = text(robot, "#perClassRecallDelta-" + className);
            assertTrue(delta.matches("[+−]\\d\\.\\d{3}\n\\[[+−]\\d\\.\\d{3}, [+−]\\d\\.\\d{3}]"), delta);
            // e.g. "0.871 [0.858, 0.883]  →  0.893 [0.881, 0.904]"
            String models = text(robot, "#perClassRecallModels-" + className);
            assertTrue(models.matches("\\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}]  →  "
                    + "\\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}]"), models);
        }
        String caption = robot.lookup("#perClassRecallCaption").queryAs(Label.class).getText();
        assertTrue(caption.contains("holm over"), caption);
        // the band the classes' "no significant difference" reads (±E), not the primary margin the summary states
        assertTrue(caption.contains("no significant difference when it lies within ±0.05"), caption);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String cellText(GridPane grid, int column, int row) {
        return grid.getChildren().stream()
                .filter(node -> GridPane.getColumnIndex(node) == column && GridPane.getRowIndex(node) == row)
                .map(node -> ((Label) node).getText()).findFirst().orElseThrow();
    }
}
