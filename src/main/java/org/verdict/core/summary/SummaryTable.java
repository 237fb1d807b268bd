package org.verdict.core.summary;

import java.util.List;

/** One table an engine returned for a summary pack: its column names and rows of text values. */
public record SummaryTable(List<String> columns, List<String[]> rows) {
    public SummaryTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The sum of the count column {@code n}: the source rows a cells table summarises. */
    public long countTotal() {
        int count = columns.indexOf(SummaryLayout.COUNT);
        long total = 0;
        for (String[] row : rows) {
            total += Long.parseLong(row[count]);
        }
        return total;
    }
}
