package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples labelled by a human reviewer as well as by every model, against the true label. A summary pack holds the
 * same as paired cells: one row per (label, the human's label, every version's prediction) with the number of
 * examples that have it.
 *
 * @param exampleIds one per row; empty for cells
 * @param predictions per model version, one predicted label per row
 * @param counts examples per row, for cells; null when each row is one example
 */
public record HumanBaselineSuite(List<String> exampleIds, List<String> labels, List<String> human,
                                 Map<String, List<String>> predictions, long[] counts) {
    public HumanBaselineSuite {
        exampleIds = List.copyOf(exampleIds);
        labels = List.copyOf(labels);
        human = List.copyOf(human);
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
        counts = counts == null ? null : counts.clone();
    }

    /** One row per example. */
    public HumanBaselineSuite(List<String> exampleIds, List<String> labels, List<String> human,
                              Map<String, List<String>> predictions) {
        this(exampleIds, labels, human, predictions, null);
    }

    /** The rows of the suite: examples, or cells. */
    public int rows() {
        return labels.size();
    }

    /** How many examples row {@code row} stands for: 1, or its cell's count. */
    public long count(int row) {
        return RowCounts.count(counts, row);
    }

    /** Whether the suite holds paired cells rather than one row per example. */
    public boolean isCells() {
        return counts != null;
    }

    /** The number of examples. */
    public long examples() {
        return RowCounts.examples(counts, rows());
    }
}
