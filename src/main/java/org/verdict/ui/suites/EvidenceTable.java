package org.verdict.ui.suites;

import java.util.List;

/** One table of an evidence page: a caption, column headers and rows of already formatted cells. */
public record EvidenceTable(String caption, List<String> columns, List<List<String>> rows) {
    public EvidenceTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
