package org.verdict.ui.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.shell.BundledSample;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The Evidence pages of the bundled sample pack on a 1366×768 laptop, in normal and large text: a table the page's
 * height makes shorter than its rows ended in half a row; now it ends under its last whole row, and a line under it
 * says which rows are in view of how many; a table of a few rows ends under its last one, not under a blank band.
 */
@ExtendWith(ApplicationExtension.class)
class EvidenceWholeRowsLaptopTest {
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private Appearance appearance;
    private GatesViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        appearance = new Appearance(false, false);
        model = GatesFixture.model(executor, new ActivityMonitor(() -> 0), view -> { });
        GatesFixture.show(stage, (Parent) GatesFixture.evidence(model, appearance, executor).node(), 1242, 620,
                appearance);
        model.showPack(new PackLoader().load(new BundledSample(Path.of("").toAbsolutePath()).inCheckout()
                .orElseThrow(), Progress.NONE));
    }

    @Test
    void everyTableEndsUnderAWholeRowAndSaysWhichRowsAreInView(FxRobot robot) {
        int cutShort = 0;
        try {
            for (boolean large : List.of(false, true)) {
                robot.interact(() -> appearance.largeTextProperty().set(large));
                for (EvidencePageId page : EvidencePageId.evidenceViewPages()) {
                    robot.interact(() -> model.selectEvidence(page));
                    WaitForAsyncUtils.waitForFxEvents(10);
                    String mode = page + (large ? ", large text" : "") + ": ";
                    for (TableView<?> table : robot.lookup(".evidence-table").queryAllAs(TableView.class)) {
                        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
                        // the rows' area: the flow less a sideways scroll bar where one shows
                        double foot = flow.localToScene(flow.getLayoutBounds()).getMaxY() - flow.lookupAll(".scroll-bar")
                                .stream().filter(bar -> bar instanceof ScrollBar scroll && scroll.isVisible()
                                        && scroll.getOrientation() == Orientation.HORIZONTAL)
                                .mapToDouble(bar -> bar.getLayoutBounds().getHeight()).sum();
                        int whole = 0;
                        double lastBottom = 0;
                        for (Node node : table.lookupAll(".table-row-cell")) {
                            IndexedCell<?> row = (IndexedCell<?>) node;
                            if (!row.isVisible() || row.isEmpty() || row.getIndex() >= table.getItems().size()) {
                                continue;
                            }
                            Bounds bounds = row.localToScene(row.getLayoutBounds());
                            if (bounds.getMinY() < foot - 0.5) {
                                assertTrue(bounds.getMaxY() <= foot + 0.5, mode + "row " + (row.getIndex() + 1)
                                        + " cut through at the table's foot: " + bounds + " over " + foot);
                                whole = Math.max(whole, row.getIndex() + 1);
                                lastBottom = Math.max(lastBottom, bounds.getMaxY());
                            }
                        }
                        int total = table.getItems().size();
                        Label rowsInView = (Label) table.getParent().getChildrenUnmodifiable()
                                .get(table.getParent().getChildrenUnmodifiable().indexOf(table) + 1);
                        if (whole < total) {
                            cutShort++;
                            assertTrue(rowsInView.isVisible(), mode + "a table of " + total + " rows showing " + whole
                                    + " says so");
                            assertEquals("Rows 1–" + whole + " of " + total
                                    + " in view: the table scrolls for the rest.", rowsInView.getText(), mode);
                        } else {
                            assertFalse(rowsInView.isVisible(), mode + "every row in view: nothing to say, but "
                                    + rowsInView.getText());
                            assertTrue(foot - lastBottom <= 2, mode + "a blank band of " + (foot - lastBottom)
                                    + " px under the table's last row");
                        }
                    }
                }
            }
        } finally {
            robot.interact(() -> appearance.largeTextProperty().set(false));
        }
        assertTrue(cutShort > 0, "some table of the sample pack is longer than its room at 1366×768");
    }
}
