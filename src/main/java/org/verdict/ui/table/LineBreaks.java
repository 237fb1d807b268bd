package org.verdict.ui.table;

/**
 * Breaking a cell's text into lines by characters, apart from {@link WrappingCell} (a node) so that the texts of a
 * view-model are made, and tested, without a toolkit. Where a cell's text must not break (an interval, a value with
 * its interval) is the approval pack's rule too: {@link org.verdict.core.report.LineBreaks}.
 */
public final class LineBreaks {
    private LineBreaks() {
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
}
