package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
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
import org.verdict.ui.theme.Appearance;

/**
 * A confusion matrix of twelve classes in the Confusion-matrix tab's pane beside the table on a 1366×768 laptop
 * (about 375 px wide): every class's column is in view, rare classes c10 and c11 included, each count drawn whole;
 * a count of thousands reads "2.5k" and the hovered line says it whole. In a narrower pane the caption names the
 * classes out of view.
 */
@ExtendWith(ApplicationExtension.class)
class ConfusionTwelveClassesTest {
    private static final double LAPTOP_PANE_WIDTH = 375;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final BorderPane window = new BorderPane();
    private ConfusionHeatMap pane;

    @Start
    void start(Stage stage) {
        pane = new ConfusionHeatMap(text);
        window.setCenter(pane);
        Scene scene = new Scene(window, LAPTOP_PANE_WIDTH, 620);
        new Appearance(false, false).applyTo(window);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
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
        List<Labeled> cells = robot.lookup("#confusionProduction .confusion-cell").queryAllAs(Labeled.class)
                .stream().toList();
        assertEquals(144, cells.size());
        for (Labeled cell : cells) {
            assertTrue(sceneBounds(cell).getMaxX() <= right + 0.5, cell.getText() + " out of view");
            String drawn = ((Text) cell.lookup(".text")).getText();
            assertEquals(cell.getText(), drawn, "drawn whole, not cut to …");
        }
        assertEquals("2.5k", cells.get(0).getText(), "2,474 in the cell's few characters");
        assertEquals("35", cells.get(1).getText());
        robot.interact(() -> cells.get(0).getOnMouseEntered().handle(null));
        assertTrue(robot.lookup("#confusionHovered").queryLabeled().getText().contains("2,474 examples"),
                robot.lookup("#confusionHovered").queryLabeled().getText());
        assertTrue(pane.matrixScale("confusionProduction") >= ConfusionHeatMap.SMALLEST_SCALE);
        assertEquals("", robot.lookup("#confusionOutOfView").queryLabeled().getText());
    }

    @Test
    void inANarrowerPaneTheCaptionNamesTheClassesOutOfView(FxRobot robot) {
        robot.interact(() -> window.getScene().getWindow().setWidth(260));
        WaitForAsyncUtils.waitForFxEvents();
        double right = visibleRight();
        List<String> outOfView = robot.lookup("#confusionProduction .confusion-predicted").queryAllAs(Labeled.class)
                .stream().filter(header -> sceneBounds(header).getMaxX() > right + 0.5).map(Labeled::getText)
                .toList();
        assertTrue(!outOfView.isEmpty() && outOfView.get(outOfView.size() - 1).equals("c11"), outOfView.toString());
        String said = robot.lookup("#confusionOutOfView").queryLabeled().getText();
        assertTrue(said.contains(outOfView.get(0)) && said.contains("c11"), said + " for " + outOfView);
    }

    private double visibleRight() {
        return sceneBounds(pane).getMinX() + pane.getViewportBounds().getWidth();
    }

    private static Bounds sceneBounds(javafx.scene.Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
