package org.verdict.core.evidence;

import java.util.List;

/**
 * A table of evidence exactly as shown: the numbers are already formatted, so the app, HTML and PDF show the same
 * text.
 *
 * @param rows  each row has one cell per header
 * @param notes printed under the table, each opening with the mark its cells refer to it by ("[a] …"): a clause many
 *              rows share is said once there, so a narrow column does not wrap it into every row
 */
public record EvidenceTable(String caption, List<String> headers, List<List<Cell>> rows, List<String> notes) {
    /**
     * The header of a column of adjusted p-values: the interval and the verdict beside it carry the same decision, so a
     * screen too narrow for every column hides this one first, as the Compare table does.
     */
    public static final String ADJUSTED_P = "Adj. p";

    public EvidenceTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + caption + "' has " + headers.size()
                        + " columns but a row with " + row.size() + " cells");
            }
        }
    }

    /** A table without notes. */
    public EvidenceTable(String caption, List<String> headers, List<List<Cell>> rows) {
        this(caption, headers, rows, List.of());
    }

    /** One printed value and what it means. */
    public record Cell(String text, Tone tone) {
        public static Cell plain(String text) {
            return new Cell(text, Tone.PLAIN);
        }

        public static Cell of(Outcome outcome) {
            return new Cell(outcome.markedLabel(), outcome.tone());
        }
    }
}
