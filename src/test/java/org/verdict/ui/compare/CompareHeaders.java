package org.verdict.ui.compare;

import javafx.geometry.Bounds;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import org.testfx.api.FxRobot;

/** What the laptop-size Compare tests ask of the table's column headers. */
final class CompareHeaders {
    private CompareHeaders() {
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
