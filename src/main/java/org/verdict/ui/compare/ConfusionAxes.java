package org.verdict.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.verdict.core.report.RowLabels;

/**
 * What a confusion matrix's column and row headers say of its classes in the width the pane has. Class names that fit
 * are shown whole. When they do not, and a column is wider than its counts need because of its name, each column is
 * headed by a letter (A, B, … Z, AA, …) and each row by its letter and its name, cut in the middle to the width left
 * beside the columns: six ticket queues' names of 30 to 60 characters filled the pane beside the table on a 1366×768
 * laptop, and only the first of the six columns was in view. The full names are in the legend under the matrices.
 *
 * @param columns the text of each predicted class's column header
 * @param rows    the text of each true class's row header
 * @param keyed   whether the headers name the classes by letter, so the legend is needed to read them
 */
record ConfusionAxes(List<String> columns, List<String> rows, boolean keyed) {
    /** Two spaces between a row's letter and its name, so the letter reads as the row's key. */
    private static final String KEY_SEPARATOR = "  ";
    /** A name cut to fewer characters than this tells little: the row is headed by its letter alone. */
    private static final int FEWEST_CHARACTERS_KEPT = 6;

    /**
     * The geometry of a matrix's columns, as its grid lays them out.
     *
     * @param cellWidth     the narrowest a column is for its counts
     * @param headerPadding a column header's padding, both sides together
     * @param gap           between two columns
     * @param cornerWidth   the corner's width ("predicted →" over "true ↓" and its gap): the row headers' column is at
     *                      least this wide whatever they say
     */
    record Columns(double cellWidth, double headerPadding, double gap, double cornerWidth) {
        double width(List<String> headers, ToDoubleFunction<String> textWidth) {
            return headers.stream().mapToDouble(header -> gap + Math.max(cellWidth,
                    textWidth.applyAsDouble(header) + headerPadding)).sum();
        }
    }

    /**
     * @param classes   the matrix's classes, in its order
     * @param textWidth the width of a text in the headers' font
     * @param room      the widest the matrix may be (the pane's width over the smallest scale it is drawn at)
     */
    static ConfusionAxes fitting(List<String> classes, ToDoubleFunction<String> textWidth, Columns columns,
                                 double room) {
        double widestName = classes.stream().mapToDouble(textWidth).max().orElse(0);
        double named = Math.max(columns.cornerWidth(), widestName) + columns.width(classes, textWidth);
        boolean namesWidenColumns = classes.stream()
                .anyMatch(name -> textWidth.applyAsDouble(name) + columns.headerPadding() > columns.cellWidth());
        if (named <= room || !namesWidenColumns) {
            return new ConfusionAxes(classes, classes, false);
        }
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            keys.add(key(k));
        }
        double rowRoom = Math.max(columns.cornerWidth(), room - columns.width(keys, textWidth));
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            rows.add(keyedName(k, classes.get(k), textWidth, rowRoom));
        }
        return new ConfusionAxes(keys, rows, true);
    }

    /**
     * The {@code index}th class's name headed by its letters ("B  billing"), cut in the middle to {@code room}; its
     * letters alone where the cut name would keep too few characters to tell it by.
     */
    static String keyedName(int index, String name, ToDoubleFunction<String> textWidth, double room) {
        String prefix = key(index) + KEY_SEPARATOR;
        String cut = RowLabels.cutMiddle(name, "", textWidth, Math.max(0, room - textWidth.applyAsDouble(prefix)));
        boolean tellsLittle = !cut.equals(name) && cut.codePointCount(0, cut.length()) <= FEWEST_CHARACTERS_KEPT;
        return tellsLittle ? key(index) : prefix + cut;
    }

    /** Whether {@code shown}, as {@link #keyedName} gives it, holds the whole name. */
    static boolean keyedWhole(int index, String name, String shown) {
        return shown.equals(key(index) + KEY_SEPARATOR + name);
    }

    /** The letters of the {@code index}th class, counted as spreadsheet columns are: A … Z, AA, AB, …. */
    static String key(int index) {
        StringBuilder letters = new StringBuilder();
        for (int k = index + 1; k > 0; k = (k - 1) / 26) {
            letters.insert(0, (char) ('A' + (k - 1) % 26));
        }
        return letters.toString();
    }

    /**
     * The legend's line for the {@code index}th class: its letter and its full name, followed by the code of each
     * character outside Unicode's basic plane ("📱 U+1F4F1"). Those are mostly emoji, which the desktop's fonts often
     * lack (JavaFX 21 draws colour emoji only on macOS) and draw as a box: two names that differ only in an emoji would read
     * alike.
     */
    static String legendLine(int index, String name) {
        StringBuilder line = new StringBuilder(key(index)).append(KEY_SEPARATOR).append(name);
        name.codePoints().filter(Character::isSupplementaryCodePoint).distinct().forEach(character -> line
                .append("  ").appendCodePoint(character).append(String.format(" U+%04X", character)));
        return line.toString();
    }
}
