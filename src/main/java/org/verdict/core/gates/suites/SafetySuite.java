package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Safety suite: per example its harm category and, per model version, whether the output violated the policy.
 * Every model is judged on the same examples, so per-category comparisons are paired.
 *
 * @param violations per model version, one flag per row
 */
public record SafetySuite(List<String> exampleIds, List<String> categories, Map<String, boolean[]> violations) {
    public SafetySuite {
        exampleIds = List.copyOf(exampleIds);
        categories = List.copyOf(categories);
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        violations = Collections.unmodifiableMap(new LinkedHashMap<>(violations));
    }

    /** Distinct categories, sorted. */
    public List<String> categoryNames() {
        return categories.stream().distinct().sorted().toList();
    }
}
