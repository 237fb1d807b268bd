package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import java.util.Map;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.ConfusionMatrix;

/**
 * Class names of 30 to 60 characters in the Confusion-matrix tab's pane beside the table on a 1366×768 laptop (about
 * 375 px wide): every column is in view, headed by a letter, each row by its letter and as much of its name as fits,
 * and the legend under the matrices gives every name whole; in a pane wide enough the names head the columns again.
 */
@ExtendWith(ApplicationExtension.class)
class ConfusionLongClassNamesTest {
    private ConfusionHeatMap pane;
    private ConfusionPair pair;

    @Start
    void start(Stage stage) {
        pane = LaptopConfusionPane.show(stage);
        show(ConfusionAxesTest.QUEUES);
    }

    private void show(List<String> classes) {
        int k = classes.size();
        long[] counts = new long[k * k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                counts[t * k + p] = t == p ? 2387 - 150L * t : 37;
            }
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes, counts);
        pair = new ConfusionPair(SliceKey.OVERALL, "v1", matrix, "v2", matrix);
        pane.show(pair, null);
    }

    @Test
    void everyColumnOfSixLongNamedClassesIsInViewAndTheLegendNamesThemWhole(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> classes = ConfusionAxesTest.QUEUES;
        double right = visibleRight();
        for (String matrix : List.of("#confusionProduction", "#confusionCandidate")) {
            List<Labeled> headers = robot.lookup(matrix + " .confusion-predicted").queryAllAs(Labeled.class)
                    .stream().toList();
            for (Labeled header : headers) {
                assertTrue(sceneBounds(header).getMaxX() <= right + 0.5,
                        header.getText() + " ends at " + sceneBounds(header).getMaxX() + ", the pane shows up to " + right);
            }
            assertEquals(List.of("A", "B", "C", "D", "E", "F"), headers.stream().map(Labeled::getText).toList());
            for (Labeled cell : robot.lookup(matrix + " .confusion-cell").queryAllAs(Labeled.class)) {
                assertTrue(sceneBounds(cell).getMaxX() <= right + 0.5, "a count out of view: " + cell.getText());
                assertFalse(cell.getText().contains("…"), cell.getText());
            }
            for (int k = 0; k < classes.size(); k++) {
                Labeled row = rowHeader(robot, matrix, k);
                assertTrue(row.getText().startsWith(ConfusionAxes.key(k)), row.getText());
                assertTrue(sceneBounds(row).getMaxX() <= right + 0.5, row.getText() + " out of view");
                assertFalse(row.getText().endsWith("…") || row.getText().contains("……"), row.getText());
            }
        }
        assertTrue(rowHeader(robot, "#confusionProduction", 0).getText().startsWith("A  Änderung"),
                "a row keeps the beginning of its name: " + rowHeader(robot, "#confusionProduction", 0).getText());
        assertTrue(pane.matrixScale("confusionProduction") >= ConfusionHeatMap.SMALLEST_SCALE);
        assertEquals("", robot.lookup("#confusionOutOfView").queryLabeled().getText());
        Node legend = robot.lookup("#confusionLegend").query();
        assertTrue(legend.isVisible());
        List<String> lines = robot.lookup("#confusionLegend .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
        for (int k = 0; k < classes.size(); k++) {
            assertTrue(lines.contains(ConfusionAxes.legendLine(k, classes.get(k))), "legend " + lines);
        }
        Labeled columnC = robot.lookup("#confusionProduction .confusion-predicted").nth(2).queryLabeled();
        robot.interact(() -> columnC.fireEvent(new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, MouseButton.NONE,
                0, false, false, false, false, false, false, false, false, false, false, null)));
        assertEquals(classes.get(2), robot.lookup("#confusionHovered").queryLabeled().getText(),
                "hovering a letter names its class");
    }

    @Test
    void inAWidePaneTheNamesHeadTheColumnsAgain(FxRobot robot) {
        robot.interact(() -> pane.getScene().getWindow().setWidth(4000));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> headers = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().map(Labeled::getText).toList();
        assertEquals(ConfusionAxesTest.QUEUES, headers);
        assertFalse(robot.lookup("#confusionLegend").query().isVisible());
    }

    @Test
    void twelveLongNamedClassesDrawnOnOneCanvasAreAllInView(FxRobot robot) {
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            classes.add(ConfusionAxesTest.QUEUES.get(k % 6) + " " + (k + 1));
        }
        robot.interact(() -> show(classes));
        WaitForAsyncUtils.waitForFxEvents();
        double right = visibleRight();
        List<Labeled> headers = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().toList();
        assertEquals(12, headers.size());
        assertTrue(sceneBounds(headers.get(11)).getMaxX() <= right + 0.5, "the last column ends past " + right);
        assertEquals("L", headers.get(11).getText());
        Canvas cells = robot.lookup("#confusionProduction #confusionCells").queryAs(Canvas.class);
        assertTrue(sceneBounds(cells).getMaxX() <= right + 0.5, "cells out of view");
        assertEquals(sceneBounds(headers.get(11)).getMaxX() - sceneBounds(headers.get(0)).getMinX(),
                sceneBounds(cells).getWidth(), 0.5, "the cells span the columns under their headers");
        assertEquals("", robot.lookup("#confusionOutOfView").queryLabeled().getText());
    }

    /**
     * The tables under the matrices name each class by its letter and as much of its name as fits beside their numbers
     * (the whole name on hover): whole, a 60-character name pushed the verdict, Δ and adjusted p of every class, and the
     * models' rates, out of view to the right.
     */
    @Test
    void theTablesUnderTheMatricesCutLongNamesAndKeepEveryNumberInView(FxRobot robot) {
        List<String> classes = ConfusionAxesTest.QUEUES;
        List<ClassRecall> recalls = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            recalls.add(new ClassRecall(classes.get(k), ReportFixture.result(SliceKey.OVERALL, 2387 - 150 * k + 185,
                    Metric.RECALL, 0.79, 0.81, -0.004, 0.05, 0.03, 0.072, Verdict.INCONCLUSIVE), 2_400, 2_400));
        }
        ComparisonReport report = new ComparisonReport("router", "v1", "v2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                List.of(), 0, Map.of(), recalls, Map.of(TestFamily.CLASSES, classes.size()));
        robot.interact(() -> pane.show(pair, report));
        WaitForAsyncUtils.waitForFxEvents();

        double right = visibleRight();
        List<Labeled> cells = new ArrayList<>();
        cells.addAll(robot.lookup("#perClassRecall .label").queryAllAs(Labeled.class));
        cells.addAll(robot.lookup("#perClassRates .label").queryAllAs(Labeled.class));
        assertTrue(cells.size() > 6 * 5, "every class's cells: " + cells.size());
        for (Labeled cell : cells) {
            assertTrue(sceneBounds(cell).getMaxX() <= right + 0.5,
                    cell.getText() + " ends at " + sceneBounds(cell).getMaxX() + ", the pane shows up to " + right);
            assertTrue(cell.lookupAll(".text").stream().map(javafx.scene.text.Text.class::cast)
                    .allMatch(drawn -> drawn.getText().equals(cell.getText())), "cut by JavaFX: " + cell.getText());
        }
        assertFalse(CompareHeaders.scrollsSideways(pane), "the pane does not scroll sideways");
        for (int k = 0; k < classes.size(); k++) {
            for (String id : List.of("#perClassRecallClass-", "#perClassName-")) {
                String wanted = id.substring(1) + classes.get(k);
                Labeled name = robot.lookup((Node node) -> wanted.equals(node.getId())).queryLabeled();
                String firstLine = name.getText().split("\n")[0].replaceFirst("  n=[\\d,]+$", "");
                assertTrue(firstLine.equals(ConfusionAxes.key(k)) || firstLine.startsWith(ConfusionAxes.key(k) + "  "),
                        "its letter first: " + name.getText());
                if (!firstLine.equals(ConfusionAxes.key(k) + "  " + classes.get(k))) {
                    assertEquals(classes.get(k), name.getTooltip().getText(), "the whole name on hover");
                }
            }
        }
        String first = robot.lookup((Node node) -> ("perClassRecallClass-" + classes.get(0)).equals(node.getId()))
                .queryLabeled().getText();
        assertTrue(first.startsWith("A") && first.endsWith("\nn=2,572"), first);
        String rates = robot.lookup((Node node) -> ("perClassName-" + classes.get(0)).equals(node.getId()))
                .queryLabeled().getText();
        assertTrue(rates.startsWith("A  Änder") && rates.contains("…") && rates.endsWith("€  n=2,572"),
                "across the columns the name keeps more: " + rates);
    }

    /** The header of the {@code k}th true class: the grid's first column, below the corner. */
    private static Labeled rowHeader(FxRobot robot, String matrix, int k) {
        return robot.lookup(matrix + " .confusion-axis").queryAllAs(Label.class).stream()
                .filter(label -> javafx.scene.layout.GridPane.getColumnIndex(label) != null
                        && javafx.scene.layout.GridPane.getColumnIndex(label) == 0
                        && javafx.scene.layout.GridPane.getRowIndex(label) != null
                        && javafx.scene.layout.GridPane.getRowIndex(label) == k + 1)
                .findFirst().orElseThrow();
    }

    private double visibleRight() {
        return sceneBounds(pane).getMinX() + pane.getViewportBounds().getWidth();
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
