package org.verdict.core.compare;

import java.util.List;
import org.verdict.core.stats.Metric;

/**
 * Candidate vs production over every slice and metric of one evaluation table.
 *
 * @param results the overall slice first, then each dimension's slices, then intersectional slices
 * @param correctedTests how many p-values the correction adjusted together (per metric)
 */
public record ComparisonReport(
        String packName,
        String productionVersion,
        String candidateVersion,
        Metric primaryMetric,
        ComparisonOptions options,
        List<SliceResult> results,
        int correctedTests) {

    public ComparisonReport {
        results = List.copyOf(results);
    }

    public List<SliceResult> resultsFor(Metric metric) {
        return results.stream().filter(r -> r.metric() == metric).toList();
    }
}
