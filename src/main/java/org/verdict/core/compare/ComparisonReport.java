package org.verdict.core.compare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.pack.Metric;

/**
 * Candidate vs production over every slice and metric of one evaluation table.
 *
 * @param results the overall slice first, then each dimension's slices, then intersectional slices
 * @param correctedTests how many p-values the correction adjusted together for the primary metric (its slices and
 *                       crosses; the overall slice is tested alone and not counted)
 * @param correctedTestsByMetric the size of each metric's adjusted family (a metric without tested slices is absent)
 */
public record ComparisonReport(
        String packName,
        String productionVersion,
        String candidateVersion,
        Metric primaryMetric,
        ComparisonOptions options,
        List<SliceResult> results,
        int correctedTests,
        Map<Metric, Integer> correctedTestsByMetric) {

    public ComparisonReport {
        results = List.copyOf(results);
        Map<Metric, Integer> sizes = new EnumMap<>(Metric.class);
        sizes.putAll(correctedTestsByMetric);
        correctedTestsByMetric = Collections.unmodifiableMap(sizes);
    }

    public List<SliceResult> resultsFor(Metric metric) {
        return results.stream().filter(r -> r.metric() == metric).toList();
    }
}
