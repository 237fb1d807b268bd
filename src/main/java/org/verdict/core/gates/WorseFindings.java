package org.verdict.core.gates;

import java.util.List;

/**
 * What is significantly worse beyond the gates' outcomes, one line per finding, as the Gates view, {@code verdict
 * gate} and the Record-decision dialog all show it: a board reads these before it promotes.
 *
 * @param primaryMetric the wire name of the metric the slices are worse on
 * @param slices the slices significantly worse on the primary metric, the largest loss first
 * @param overall what else is significantly worse overall, which no gate judges (other metrics, each class's recall)
 */
public record WorseFindings(String primaryMetric, List<String> slices, List<String> overall) {
    /** Nothing known: the gates have not been judged. */
    public static final WorseFindings NONE = new WorseFindings("", List.of(), List.of());

    public WorseFindings {
        slices = List.copyOf(slices);
        overall = List.copyOf(overall);
    }

    public boolean isEmpty() {
        return slices.isEmpty() && overall.isEmpty();
    }
}
