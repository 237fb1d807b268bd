package org.verdict.ui.table;

import java.util.Arrays;
import java.util.regex.Pattern;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps at its column's width and makes its row as tall as it needs, so a long gate name,
 * reason or detail is never cut. A {@link Text} with a wrapping width is used because a wrapped label in a cell is
 * measured at one line's width and ends in "...". The text takes the cell's colour (row styles such as gate-fail).
 */
public class WrappingCell<S> extends TableCell<S, String> {
    /** Room for the cell's own padding left and right of the text. */
    private static final double PADDING = 18;
    /**
     * Where a wrapped line may break: after white space, after a hyphen between a letter and a letter or digit, and
     * between the date and the time of an ISO time ("2026-12-07T" / "14:11:02.530101Z").
     */
    private static final Pattern BREAK = Pattern.compile(
            "(?<=\\s)|(?<=\\p{L}-)(?=[\\p{L}\\p{N}])|(?<=\\d{4}-\\d\\d-\\d\\dT)(?=\\d)");
    /** A break JavaFX does not make itself (it breaks only at white space), which {@link #withBreaksInWords} adds. */
    private static final Pattern BREAK_IN_A_WORD = Pattern.compile("\\p{L}-[\\p{L}\\p{N}]|\\d{4}-\\d\\d-\\d\\dT\\d");

    private final Text text = new Text();

    public WrappingCell(TableColumn<S, String> column) {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(PADDING));
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        text.wrappingWidthProperty().addListener(o -> draw());
        text.fontProperty().addListener(o -> draw());
    }

    /**
     * The parts of {@code content} a wrapped line never breaks inside (words, the parts of hyphenated ones, a time's
     * date and time).
     */
    public static String[] unbreakableParts(String content) {
        return Arrays.stream(BREAK.split(content.strip())).map(String::strip).toArray(String[]::new);
    }

    /**
     * {@code content} with a line break wherever a line {@code width} wide ends, breaking after a hyphen in a word
     * and between a time's date and time as well as at spaces. JavaFX breaks a line only at white space, so
     * "moderation-rare" in a column narrower than it became "moderation-r" / "are", and a signed time broke
     * mid-digits; only the drawn text carries these breaks, the row's value is unchanged.
     */
    static String withBreaksInWords(String content, Font font, double width) {
        if (width <= 0 || !BREAK_IN_A_WORD.matcher(content).find()) {
            return content;
        }
        Text measure = new Text();
        measure.setFont(font);
        StringBuilder lines = new StringBuilder();
        for (String paragraph : content.split("\n", -1)) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            String line = "";
            for (String part : BREAK.split(paragraph)) {
                String longer = line + part;
                measure.setText(longer.stripTrailing());
                if (!line.isEmpty() && measure.getLayoutBounds().getWidth() > width) {
                    lines.append(line.stripTrailing()).append('\n');
                    line = part;
                } else {
                    line = longer;
                }
            }
            lines.append(line);
        }
        return lines.toString();
    }

    /** {@link LineBreaks#lines}, for the cells' own callers. */
    public static String lines(String content, int lineChars) {
        return LineBreaks.lines(content, lineChars);
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
        draw();
        setGraphic(empty || value == null ? null : text);
    }

    private void draw() {
        String value = isEmpty() ? null : getItem();
        text.setText(value == null ? "" : withBreaksInWords(value, text.getFont(), text.getWrappingWidth()));
    }
}
