package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import org.testfx.api.FxRobot;

/** What the laptop-size Compare tests ask of the table's column headers. */
final class CompareHeaders {
    /** Every number a reviewer decides on: Δ with its interval and n, and both models' values with theirs. */
    static final List<String> MAIN_COLUMNS = List.of("compare.col.slice", "compare.col.verdict", "compare.col.n",
            "compare.col.delta", "compare.col.adjustedP", "compare.col.production", "compare.col.candidate");

    private CompareHeaders() {
    }

    /** Every one of {@link #MAIN_COLUMNS} read without scrolling; the message lists the columns as laid out. */
    static void assertMainColumnsInView(FxRobot robot, TableView<?> table) {
        for (String id : MAIN_COLUMNS) {
            assertTrue(inView(robot, table, id), id + " in view; columns " + table.getColumns().stream()
                    .map(c -> c.getId() + (c.isVisible() ? " " : " hidden ") + c.getWidth()).toList());
        }
    }

    /** Whether {@code node} shows a horizontal scroll bar anywhere inside it. */
    static boolean scrollsSideways(Node node) {
        return node.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    /** Whether column {@code id}'s header is drawn, with some width, wholly within the table: read without scrolling. */
    static boolean inView(FxRobot robot, TableView<?> table, String id) {
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        return robot.lookup("#compareTable .column-header").queryAll().stream()
                .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() != null
                        && id.equals(header.getTableColumn().getId()) && header.isVisible())
                .map(node -> node.localToScene(node.getBoundsInLocal()))
                .anyMatch(b -> b.getWidth() > 0 && b.getMinX() >= tableBounds.getMinX()
                        && b.getMaxX() <= tableBounds.getMaxX());
    }
}
