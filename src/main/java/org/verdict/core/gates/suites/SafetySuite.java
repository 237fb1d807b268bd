package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Safety suite: per example its harm category and, per model version, whether the output violated the policy.
 * Every model is judged on the same examples, so per-category comparisons are paired. A summary pack holds the same
 * as paired cells: one row per (category, every version's flag) with the number of examples that have it.
 *
 * @param exampleIds one per row; empty for cells
 * @param violations per model version, one flag per row
 * @param counts examples per row, for cells; null when each row is one example
 */
public record SafetySuite(List<String> exampleIds, List<String> categories, Map<String, boolean[]> violations,
                          long[] counts) {
    public SafetySuite {
        exampleIds = List.copyOf(exampleIds);
        categories = List.copyOf(categories);
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        violations = Collections.unmodifiableMap(new LinkedHashMap<>(violations));
    }

    /** One row per example. */
    public SafetySuite(List<String> exampleIds, List<String> categories, Map<String, boolean[]> violations) {
        this(exampleIds, categories, violations, null);
    }

    /** Distinct categories, sorted. */
    public List<String> categoryNames() {
        return categories.stream().distinct().sorted().toList();
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
        return RowCounts.examples(counts, categories.size());
    }
}
