package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.control.Labeled;
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
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.BundledSample;

/**
 * The recall of each class compared, in the Confusion-matrix tab beside the table of slices, at the content size of a
 * maximised window on a 1366×768 laptop (1242×620): every column of every class (class and n, verdict, Δ and its
 * interval, adjusted p, both models' recalls), and each model's precision and recall of each class below them, is in
 * view without scrolling sideways, and no number is cut to "…"
 * (an adjusted p of 0.002 once read "0.0", like p = 0).
 */
@ExtendWith(ApplicationExtension.class)
class PerClassRecallLaptopTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");

    @Start
    void start(Stage stage) throws Exception {
        Path samplePath = new BundledSample(Path.of("").toAbsolutePath()).inCheckout().orElseThrow();
        LaptopCompareView.comparing(stage, folder, text, 1242, 620, new PackLoader().load(samplePath, Progress.NONE));
    }

    @Test
    void everyColumnOfTheRecallOfEachClassIsInViewAndWhole(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        ConfusionHeatMap pane = robot.lookup("#confusionHeatMap").queryAs(ConfusionHeatMap.class);
        Bounds paneBounds = pane.localToScene(pane.getLayoutBounds());
        double visibleRight = paneBounds.getMinX() + pane.getViewportBounds().getWidth();
        List<Labeled> cells = Stream.concat(robot.lookup("#perClassRecall .label").queryAll().stream(),
                        robot.lookup("#perClassRates .label").queryAll().stream())
                .map(Labeled.class::cast).filter(label -> !label.getText().isEmpty()).toList();
        assertTrue(cells.size() > 20, "every class's cells are laid out: " + cells.size());
        List<String> outOfView = cells.stream()
                .filter(cell -> cell.localToScene(cell.getLayoutBounds()).getMaxX() > visibleRight + 0.5
                        || cell.localToScene(cell.getLayoutBounds()).getMinX() < paneBounds.getMinX() - 0.5)
                .map(cell -> cell.getText() + " ends at " + cell.localToScene(cell.getLayoutBounds()).getMaxX())
                .toList();
        assertEquals(List.of(), outOfView, "the pane shows up to " + visibleRight);
        List<String> cut = cells.stream()
                .filter(cell -> cell.lookupAll(".text").stream().map(Text.class::cast)
                        .anyMatch(drawn -> !drawn.getText().equals(cell.getText())))
                .map(Labeled::getText).toList();
        assertEquals(List.of(), cut);
        // the precision and recall of each class below fit too: six columns of them made the pane scroll sideways
        assertFalse(CompareHeaders.scrollsSideways(pane),
                "no sideways scrolling: the content is " + pane.getContent().getLayoutBounds().getWidth()
                        + " px wide in a view of " + pane.getViewportBounds().getWidth());
    }

    /**
     * Production's heat map is in view when the tab opens, without scrolling, and the candidate's begins in it (they
     * stood below the recall of each class, out of view), and what a hovered cell holds wraps in the pane's width
     * instead of ending in "…".
     */
    @Test
    void theHeatMapsAreInViewAndTheHoveredCellIsSaidWhole(FxRobot robot) {
        robot.clickOn("#tabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        ConfusionHeatMap pane = robot.lookup("#confusionHeatMap").queryAs(ConfusionHeatMap.class);
        Bounds view = pane.localToScene(pane.getLayoutBounds());
        double visibleBottom = view.getMinY() + pane.getViewportBounds().getHeight();
        Bounds production = robot.lookup("#confusionProduction").query()
                .localToScene(robot.lookup("#confusionProduction").query().getLayoutBounds());
        assertTrue(production.getMaxY() <= visibleBottom + 0.5 && production.getMinY() >= view.getMinY() - 0.5,
                "production's spans " + production.getMinY() + "–" + production.getMaxY() + " in a view ending at "
                        + visibleBottom);
        Bounds candidate = robot.lookup("#confusionCandidate").query()
                .localToScene(robot.lookup("#confusionCandidate").query().getLayoutBounds());
        assertTrue(candidate.getMinY() < visibleBottom, "the candidate's begins in view: " + candidate.getMinY());
        Labeled anyCell = robot.lookup("#confusionProduction .confusion-cell").queryAs(Labeled.class);
        robot.interact(() -> anyCell.getOnMouseEntered().handle(null));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled hovered = robot.lookup("#confusionHovered").queryAs(Labeled.class);
        assertTrue(!hovered.getText().isEmpty());
        String drawnText = hovered.lookupAll(".text").stream().map(node -> ((Text) node).getText())
                .reduce("", String::concat);
        assertEquals(hovered.getText().replace(" ", ""), drawnText.replace(" ", "").replace("\n", ""),
                "drawn whole, wrapped");
    }
}
