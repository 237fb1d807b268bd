package org.verdict.ui.table;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps a table that a layout makes shorter than its rows (a page fitted to the window's height) from showing a row cut
 * through: opened at its first row, it ends under its last whole row, and says which rows are in view
 * ({@link #inView}), so a reader knows to scroll; a table taller than its rows ends under its last one. Rows of different heights (wrapped cells) are measured as laid
 * out, not assumed.
 */
public final class WholeRows {
    private final TableView<?> table;
    private final double ownMinHeight;
    private final double ownMaxHeight;
    private final ReadOnlyObjectWrapper<InView> inView = new ReadOnlyObjectWrapper<>(new InView(0, 0, 0));
    private boolean snapPending;
    private boolean snapped;
    private boolean watchingScroll;

    private WholeRows(TableView<?> table) {
        this.table = table;
        this.ownMinHeight = table.getMinHeight();
        this.ownMaxHeight = table.getMaxHeight();
    }

    /**
     * The rows wholly in view, counted from 1 ({@code first} to {@code last}; both 0 when none is), of {@code total}.
     */
    public record InView(int first, int last, int total) {
        /** Whether the table shows every row, so there is nothing to scroll to. */
        public boolean all() {
            return total == 0 || first == 1 && last == total;
        }
    }

    /**
     * Keeps {@code table} to whole rows from now on, measuring again when the room around it changes ({@code room}:
     * the height of the page it is fitted to, a line under it that comes and goes), when its width or rows change,
     * and when it scrolls.
     */
    public static WholeRows keep(TableView<?> table, Observable... room) {
        WholeRows rows = new WholeRows(table);
        for (Observable changed : room) {
            changed.addListener(change -> rows.release());
        }
        table.widthProperty().addListener((obs, was, now) -> rows.release());
        table.getItems().addListener((ListChangeListener<Object>) change -> rows.release());
        // measured once the table has laid out its rows: its height alone changes before they are placed
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                rows.requestSnap();
            }
        });
        table.skinProperty().addListener((obs, was, skin) -> rows.requestSnap());
        return rows;
    }

    /** Which rows are wholly in view, for a line that says how many the table holds beyond them. */
    public ReadOnlyObjectProperty<InView> inView() {
        return inView.getReadOnlyProperty();
    }

    /** The table's own height limits back, for the layout to give it what it would; whole rows are measured after. */
    private void release() {
        if (snapped) {
            snapped = false;
            table.setMinHeight(ownMinHeight);
            table.setMaxHeight(ownMaxHeight);
        }
        requestSnap();
    }

    /** Measured after the layout in progress has placed the rows. */
    private void requestSnap() {
        if (!snapPending) {
            snapPending = true;
            Platform.runLater(() -> {
                snapPending = false;
                snap();
            });
        }
    }

    private void snap() {
        int rows = table.getItems().size();
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getCellCount() == 0) {
            inView.set(new InView(0, 0, rows));
            return;
        }
        watchScrolling(flow);
        double viewport = viewportHeight(flow);
        IndexedCell<?> firstWhole = null;
        IndexedCell<?> lastWhole = null;
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> lastShown = flow.getLastVisibleCell();
        for (int i = first == null ? 0 : first.getIndex(); lastShown != null && i <= lastShown.getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.getLayoutY() >= -0.5 && cell.getLayoutY() + cell.getHeight() <= viewport + 0.5) {
                firstWhole = firstWhole == null ? cell : firstWhole;
                lastWhole = cell;
            }
        }
        InView now = firstWhole == null || lastWhole == null ? new InView(0, 0, rows)
                : new InView(firstWhole.getIndex() + 1, lastWhole.getIndex() + 1, rows);
        if (!now.equals(inView.get())) {
            inView.set(now);
        }
        boolean atTop = first != null && first.getIndex() == 0 && first.getLayoutY() >= -0.5;
        if (!atTop || lastShown == null || lastWhole == null) {
            return;
        }
        // the part of the cut row that shows goes, so the table ends under the last whole row; again when its rows grew
        // taller since (their cells wrapped anew), never taller than it was; a table with every row in view ends under
        // its last one, not under a blank band of rows it does not have
        boolean everyRow = lastShown == lastWhole && lastWhole.getIndex() == rows - 1;
        double cut = lastShown != lastWhole ? viewport - lastShown.getLayoutY()
                : everyRow ? Math.floor(viewport - lastWhole.getLayoutY() - lastWhole.getHeight()) : 0;
        if (cut >= 1 && cut < table.getHeight()) {
            double height = Math.floor(table.getHeight() - cut);
            snapped = true;
            table.setMinHeight(height);
            table.setMaxHeight(height);
        }
    }

    /** Scrolling changes which rows are below the view. */
    private void watchScrolling(VirtualFlow<?> flow) {
        if (!watchingScroll) {
            watchingScroll = true;
            flow.positionProperty().addListener((obs, was, now) -> requestSnap());
        }
    }

    /** The flow's height less a horizontal scroll bar's, where one shows. */
    private static double viewportHeight(VirtualFlow<?> flow) {
        double bar = flow.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.HORIZONTAL
                        && scroll.isVisible())
                .mapToDouble(node -> node.getLayoutBounds().getHeight()).sum();
        return flow.getHeight() - bar;
    }
}
