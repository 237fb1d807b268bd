package org.verdict.ui.table;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.verdict.ui.theme.CellFont;

/**
 * A table cell whose text wraps at its column's width and makes its row as tall as it needs, so a long gate name,
 * reason or detail is never cut. A {@link Text} with a wrapping width is used because a wrapped label in a cell is
 * measured at one line's width and ends in "...". The text takes the cell's colour (row styles such as gate-fail).
 */
public class WrappingCell<S> extends TableCell<S, String> {
    /** Room for the cell's own padding left and right of the text. */
    private static final double PADDING = 18;

    private final Text text = new Text();

    public WrappingCell(TableColumn<S, String> column) {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(PADDING));
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
    }

    /**
     * The column is never narrower than the longest word of its texts at the current text size, so a wrapped text
     * breaks between words only ("Contamination" never becomes "Contaminatio" / "n" in large text).
     */
    public static <S> void keepWordsWhole(TableColumn<S, String> column, ObservableList<S> rows,
                                          Function<S, String> shown, ObservableDoubleValue fontSize) {
        column.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text measure = new Text();
            measure.setFont(Font.font(CellFont.FAMILY, fontSize.get()));
            double widest = 0;
            for (S row : rows) {
                String content = shown.apply(row);
                for (String word : content == null ? new String[0] : content.split("\\s+")) {
                    measure.setText(word);
                    widest = Math.max(widest, measure.getLayoutBounds().getWidth());
                }
            }
            return Math.ceil(widest + PADDING + 1);
        }, rows, fontSize));
    }

    /** Breaks {@code content} between words into lines of at most {@code lineChars} characters where it can. */
    public static String lines(String content, int lineChars) {
        StringBuilder lines = new StringBuilder();
        int lineLength = 0;
        for (String word : content.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > lineChars) {
                lines.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                lines.append(' ');
                lineLength++;
            }
            lines.append(word);
            lineLength += word.length();
        }
        return lines.toString();
    }

    /** The height of {@code content} wrapped in a column {@code columnWidth} wide, as a cell of it draws it. */
    public static double wrappedHeight(String content, Font font, double columnWidth) {
        Text measure = new Text(content == null ? "" : content);
        measure.setFont(font);
        measure.setWrappingWidth(Math.max(1, columnWidth - PADDING));
        return measure.getLayoutBounds().getHeight();
    }

    @Override
    protected void updateItem(String value, boolean empty) {
        super.updateItem(value, empty);
        text.setText(empty || value == null ? "" : value);
        setGraphic(empty || value == null ? null : text);
    }
}
