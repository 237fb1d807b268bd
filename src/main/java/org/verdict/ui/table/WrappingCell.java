package org.verdict.ui.table;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps at its column's width and makes its row as tall as it needs, so a long gate name,
 * reason or detail is never cut. A {@link Text} with a wrapping width is used because a wrapped label in a cell is
 * measured at one line's width and ends in "...". The text takes the cell's colour (row styles such as gate-fail).
 */
public final class WrappingCell<S> extends TableCell<S, String> {
    /** Room for the cell's own padding left and right of the text. */
    private static final double PADDING = 18;

    private final Text text = new Text();

    public WrappingCell(TableColumn<S, String> column) {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(PADDING));
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
    }

    @Override
    protected void updateItem(String value, boolean empty) {
        super.updateItem(value, empty);
        text.setText(empty || value == null ? "" : value);
        setGraphic(empty || value == null ? null : text);
    }
}
