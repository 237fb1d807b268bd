package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
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
     * table ran past the window, its Candidate column cut to "Candidat" and its scroll bar out of sight.
     */
    @Test
    void aWindowNarrowedToA1280By720LaptopKeepsTheTableAndTheCandidateInView(FxRobot robot) {
        try {
            resize(robot, SMALL_LAPTOP);
            double sceneWidth = table.getScene().getWidth();
            Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
            assertTrue(tableBounds.getMaxX() <= sceneWidth + 0.5,
                    "the table ends at " + tableBounds.getMaxX() + " in a scene " + sceneWidth + " wide");
            Bounds candidate = robot.lookup("#compareTable .column-header").queryAll().stream()
                    .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() != null
                            && "compare.col.candidate".equals(header.getTableColumn().getId()))
                    .map(node -> node.localToScene(node.getBoundsInLocal())).findFirst().orElseThrow();
            assertTrue(candidate.getWidth() > 0 && candidate.getMaxX() <= sceneWidth + 0.5,
                    "the Candidate header at " + candidate + " in a scene " + sceneWidth + " wide");
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
