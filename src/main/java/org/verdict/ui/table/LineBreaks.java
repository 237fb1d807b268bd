package org.verdict.ui.table;

/**
 * Breaking a cell's text into lines by characters, apart from {@link WrappingCell} (a node) so that the texts of a
 * view-model are made, and tested, without a toolkit.
 */
public final class LineBreaks {
    /** A space a wrapped line never breaks at. */
    public static final char NO_BREAK_SPACE = '\u00A0';

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

    /**
     * {@code text} with no-break spaces where a wrapped line must not break: inside an interval ("[0.826, 0.838]" is
     * one word; a lone value may still go over it, "0.832" / "[0.826, 0.838]"), and in a cell of several values each
     * with its interval ("0.412 [0.398, 0.426] / 0.383 [0.369, 0.397]", a fairness group's rates of both models)
     * between each value, its interval and the "/" after it, so the line breaks after a "/" only: the candidate's
     * rate had gone to the end of production's line and its interval under it, to be read as one number.
     */
    public static String keepIntervalsWhole(String text) {
        boolean severalValues = text.contains(" / ") && text.indexOf('[') >= 0;
        StringBuilder shown = new StringBuilder(text.length());
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
            boolean beforeInterval = i + 1 < text.length() && text.charAt(i + 1) == '[';
            boolean beforeSlash = text.startsWith(" / ", i);
            shown.append(c == ' ' && (depth > 0 || severalValues && (beforeInterval || beforeSlash))
                    ? NO_BREAK_SPACE : c);
        }
        return shown.toString();
    }
}
