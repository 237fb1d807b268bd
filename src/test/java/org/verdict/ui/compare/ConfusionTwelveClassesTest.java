package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.stats.ConfusionMatrix;

/**
 * A confusion matrix of twelve classes in the Confusion-matrix tab's pane beside the table on a 1366×768 laptop
 * (about 375 px wide): every class's column is in view, rare classes c10 and c11 included, each count drawn whole;
 * a count of thousands reads "2.5k" and the hovered line says it whole. In a narrower pane the caption names the
 * classes out of view.
 */
@ExtendWith(ApplicationExtension.class)
class ConfusionTwelveClassesTest {
    private ConfusionHeatMap pane;

    @Start
    void start(Stage stage) {
        pane = LaptopConfusionPane.show(stage);
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            classes.add(String.format("c%02d", k));
        }
        // a big diagonal for the common classes, a few examples of the rare ones
        long[] counts = new long[144];
        for (int t = 0; t < 12; t++) {
            for (int p = 0; p < 12; p++) {
                counts[t * 12 + p] = t == p ? (t < 10 ? 2474 - 180L * t : 4) : (t < 10 ? 35 : 1);
            }
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes, counts);
        pane.show(new ConfusionPair(SliceKey.OVERALL, "v1", matrix, "v2", matrix), null);
    }

    @Test
    void everyClassIsInViewBesideTheTableAndEachCountIsDrawnWhole(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double right = visibleRight();
        List<Labeled> headers = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().toList();
        assertEquals(12, headers.size());
        for (Labeled header : headers) {
            assertTrue(sceneBounds(header).getMaxX() <= right + 0.5,
                    header.getText() + " ends at " + sceneBounds(header).getMaxX() + ", the pane shows up to " + right);
        }
        Canvas cells = robot.lookup("#confusionProduction #confusionCells").queryAs(Canvas.class);
        assertTrue(sceneBounds(cells).getMaxX() <= right + 0.5, "cells out of view");
        assertEquals(sceneBounds(headers.get(11)).getMaxX() - sceneBounds(headers.get(0)).getMinX(),
                sceneBounds(cells).getWidth(), 0.5, "the cells span the columns under their headers");
        Text widestCount = new Text("2.5k");
        widestCount.setFont(headers.get(0).getFont());
        for (Labeled header : headers) {
            assertTrue(header.getWidth() >= widestCount.getLayoutBounds().getWidth(),
                    "column " + header.getText() + " too narrow for its counts: " + header.getWidth());
        }
        assertEquals("2.5k", ConfusionHeatMap.compactCount(2474), "2,474 in the cell's few characters");
        assertEquals("35", ConfusionHeatMap.compactCount(35));
        robot.interact(() -> hover(cells, headers.get(0), 0));
        assertTrue(robot.lookup("#confusionHovered").queryLabeled().getText().contains("True c00, predicted c00: 2,474 examples"),
                robot.lookup("#confusionHovered").queryLabeled().getText());
        robot.interact(() -> hover(cells, headers.get(11), 10));
        assertTrue(robot.lookup("#confusionHovered").queryLabeled().getText().contains("True c10, predicted c11: 1 example,"),
                robot.lookup("#confusionHovered").queryLabeled().getText());
        assertTrue(pane.matrixScale("confusionProduction") >= ConfusionHeatMap.SMALLEST_SCALE);
        assertEquals("", robot.lookup("#confusionOutOfView").queryLabeled().getText());
    }

    /** Eight classes of a ticket router, the rare fraud_report last: at full-size cells its column was cut off. */
    @Test
    void eightClassesWithTheRareOneLastAreAllInView(FxRobot robot) {
        List<String> classes = List.of("billing", "technical", "account", "sales", "shipping", "refund", "legal",
                "fraud_report");
        long[] counts = new long[64];
        for (int t = 0; t < 8; t++) {
            for (int p = 0; p < 8; p++) {
                counts[t * 8 + p] = t == p ? (t < 6 ? 1479 - 180L * t : 3) : (t < 6 ? 58 : 0);
            }
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes, counts);
        // the width the app gave the pane beside a ticket router's table at 1366×768 (p10: H cut at full-size cells)
        robot.interact(() -> pane.getScene().getWindow().setWidth(360));
        robot.interact(() -> pane.show(new ConfusionPair(SliceKey.OVERALL, "m7", matrix, "m8", matrix), null));
        WaitForAsyncUtils.waitForFxEvents();
        double right = visibleRight();
        List<Labeled> headers = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().toList();
        assertEquals(8, headers.size());
        assertTrue(sceneBounds(headers.get(7)).getMaxX() <= right + 0.5, "the rare class's column ends at "
                + sceneBounds(headers.get(7)).getMaxX() + ", the pane shows up to " + right);
        assertEquals("", robot.lookup("#confusionOutOfView").queryLabeled().getText());
    }

    @Test
    void classNamesWiderThanTheirCellsDoNotRunTogether(FxRobot robot) {
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            classes.add(String.format("icd-%02d-cardio", k));
        }
        long[] counts = new long[144];
        for (int k = 0; k < 12; k++) {
            counts[k * 12 + k] = 5;
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes, counts);
        robot.interact(() -> pane.show(new ConfusionPair(SliceKey.OVERALL, "v1", matrix, "v2", matrix), null));
        WaitForAsyncUtils.waitForFxEvents();
        List<Labeled> headers = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().toList();
        for (int p = 1; p < headers.size(); p++) {
            double gap = textBounds(headers.get(p)).getMinX() - textBounds(headers.get(p - 1)).getMaxX();
            assertTrue(gap >= ConfusionHeatMap.COMPACT_NAME_PADDING, headers.get(p - 1).getText() + " and "
                    + headers.get(p).getText() + " " + gap + " px apart");
        }
    }

    /** Where the label's text is drawn: its own width, centred in a column that may be wider. */
    private static Bounds textBounds(Labeled header) {
        Text drawn = (Text) header.lookup(".text");
        return drawn.localToScene(drawn.getLayoutBounds());
    }

    @Test
    void inANarrowerPaneTheCaptionNamesTheClassesOutOfView(FxRobot robot) {
        robot.interact(() -> pane.getScene().getWindow().setWidth(260));
        WaitForAsyncUtils.waitForFxEvents();
        double right = visibleRight();
        List<String> outOfView = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().filter(header -> sceneBounds(header).getMaxX() > right + 0.5).map(Labeled::getText)
                .toList();
        assertTrue(!outOfView.isEmpty() && outOfView.get(outOfView.size() - 1).equals("c11"), outOfView.toString());
        String said = robot.lookup("#confusionOutOfView").queryLabeled().getText();
        assertTrue(said.contains(outOfView.get(0)) && said.contains("c11"), said + " for " + outOfView);
    }

    /** Moves the mouse over the cell in {@code header}'s column and the row of true class {@code row}. */
    private static void hover(Canvas cells, Labeled header, int row) {
        Bounds column = cells.sceneToLocal(sceneBounds(header));
        double x = column.getCenterX();
        double y = row * 25 + 12;
        // an event's x and y are the scene's: delivery turns them into the canvas's own
        Point2D scene = cells.localToScene(x, y);
        Point2D screen = cells.localToScreen(x, y);
        cells.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.NONE,
                0, false, false, false, false, false, false, false, false, false, false, null));
    }

    private double visibleRight() {
        return sceneBounds(pane).getMinX() + pane.getViewportBounds().getWidth();
    }

    private static Bounds sceneBounds(javafx.scene.Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
