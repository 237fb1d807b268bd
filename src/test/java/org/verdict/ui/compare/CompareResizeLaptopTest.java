package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * The bundled sample pack in the Compare view as a window is resized under it: a laptop's window made smaller
 * (1366×768 to 1280×720) or larger, rather than opened at that size.
 */
@ExtendWith(ApplicationExtension.class)
class CompareResizeLaptopTest {
    /** The view in a maximised window on a 1366×768 laptop, and on a 1280×720 one. */
    private static final double[] LAPTOP = {1242, 620};
    private static final double[] SMALL_LAPTOP = {1156, 572};

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private Stage stage;
    private TableView<ComparisonRow> table;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path sample = new BundledSample(Path.of("").toAbsolutePath()).inCheckout().orElseThrow();
        table = LaptopCompareView.comparing(stage, folder, text, LAPTOP[0], LAPTOP[1],
                new PackLoader().load(sample, Progress.NONE)).table();
    }

    private void resize(FxRobot robot, double[] size) {
        robot.interact(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    /**
     * Narrowed from 1366×768 to 1280×720, the split kept the width it had (its minimum followed its own width): the
     * table ran past the window, its Candidate column cut to "Candidat" and its scroll bar out of sight. Now the table
     * ends within the window, every decision column whole in it, and the models' values either whole in view or
     * hidden for room (they yield to the chart's scale there), never cut.
     */
    @Test
    void aWindowNarrowedToA1280By720LaptopKeepsTheTableAndItsColumnsWholeInView(FxRobot robot) {
        try {
            resize(robot, SMALL_LAPTOP);
            double sceneWidth = table.getScene().getWidth();
            Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
            assertTrue(tableBounds.getMaxX() <= sceneWidth + 0.5,
                    "the table ends at " + tableBounds.getMaxX() + " in a scene " + sceneWidth + " wide");
            for (String id : List.of("compare.col.slice", "compare.col.verdict", "compare.col.n", "compare.col.delta",
                    "compare.col.adjustedP")) {
                assertTrue(CompareHeaders.inView(robot, table, id), id + " in view");
            }
            for (TableColumn<ComparisonRow, ?> model : table.getColumns().filtered(column ->
                    List.of("compare.col.production", "compare.col.candidate").contains(column.getId()))) {
                assertTrue(!model.isVisible() || CompareHeaders.inView(robot, table, model.getId()),
                        model.getId() + " either hidden for room or whole in view");
            }
            assertFalse(CompareHeaders.scrollsSideways(table), "no sideways scrolling");
        } finally {
            resize(robot, LAPTOP);
        }
    }

    /**
     * The hint ("Click a header to sort · …") once shown kept being drawn where it had been after columns were hidden
     * for room and their line took its place: over "Hidden: p, Test (⋮)" and over the Show unadjusted intervals box.
     */
    @Test
    void theToolbarsHintsNeverOverlapAsTheWindowIsResized(FxRobot robot) {
        try {
            for (double[] size : List.of(new double[] {1900, 1000}, SMALL_LAPTOP, LAPTOP, new double[] {1900, 1000},
                    SMALL_LAPTOP)) {
                resize(robot, size);
                List<Node> shown = robot.lookup("#sliceFilter").query().getParent().getChildrenUnmodifiable()
                        .stream().filter(Node::isVisible).filter(node -> node instanceof Labeled).toList();
                for (int i = 0; i < shown.size(); i++) {
                    for (int j = i + 1; j < shown.size(); j++) {
                        Bounds a = shown.get(i).localToScene(shown.get(i).getBoundsInLocal());
                        Bounds b = shown.get(j).localToScene(shown.get(j).getBoundsInLocal());
                        assertTrue(a.getMaxX() <= b.getMinX() + 0.5 || b.getMaxX() <= a.getMinX() + 0.5,
                                (int) size[0] + "×" + (int) size[1] + ": \"" + ((Labeled) shown.get(i)).getText()
                                        + "\" " + a + " over \"" + ((Labeled) shown.get(j)).getText() + "\" " + b);
                    }
                }
            }
        } finally {
            resize(robot, LAPTOP);
        }
    }
}
