package org.verdict.cli.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rows of cells laid out in columns for a terminal, each column as wide as its widest cell. Widths are terminal
 * columns ({@link TerminalWidth}), not characters, so a row holding a Japanese model name, an emoji or a name
 * written with a combining accent stays aligned with the others; every CLI table pads through here.
 */
public final class TerminalTable {
    private static final String GAP = "  ";

    private TerminalTable() {
    }

    /**
     * One line per row, trailing spaces stripped; the cells of {@code rightAligned} columns (numbers, whose digits
     * then line up) are padded on the left, the others on the right. The last column is never padded.
     */
    public static List<String> lines(List<String[]> rows, Set<Integer> rightAligned) {
        int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], TerminalWidth.of(row[column]));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                boolean last = column == row.length - 1;
                int width = last ? 0 : widths[column];
                line.append(rightAligned.contains(column) ? padLeft(row[column], width)
                        : padRight(row[column], width));
                if (!last) {
                    line.append(GAP);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code text} followed by spaces up to {@code columns} terminal columns (none when it is as wide or wider). */
    public static String padRight(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - TerminalWidth.of(text)));
    }

    /** Spaces then {@code text}, {@code columns} terminal columns in all. */
    public static String padLeft(String text, int columns) {
        return " ".repeat(Math.max(0, columns - TerminalWidth.of(text))) + text;
    }
}
