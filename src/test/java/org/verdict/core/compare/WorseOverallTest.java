package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/** What is worse overall names each quantity once: recall and tpr are one (a_churn listed both, same numbers). */
class WorseOverallTest {

    @Test
    void recallAndTprAreOneFindingUnderRecallsName() {
        ComparisonReport report = report(Metric.ROC_AUC, worse(Metric.ROC_AUC), worse(Metric.RECALL),
                worse(Metric.TPR), worse(Metric.BRIER));

        assertEquals(List.of("recall (= tpr)", "brier"), subjects(report));
        assertEquals(Metric.RECALL, report.worseOverall().get(0).result().metric());
    }

    @Test
    void thePrimaryMetricUnderItsOtherNameIsNotAlsoWorse() {
        assertEquals(List.of("brier"), subjects(report(Metric.TPR, worse(Metric.TPR), worse(Metric.RECALL),
                worse(Metric.BRIER))));
        assertEquals(List.of("brier"), subjects(report(Metric.RECALL, worse(Metric.RECALL), worse(Metric.TPR),
                worse(Metric.BRIER))));
    }

    private static List<String> subjects(ComparisonReport report) {
        return report.worseOverall().stream().map(WorseOverall::subject).toList();
    }

    private static SliceResult worse(Metric metric) {
        double delta = metric.higherIsBetter() ? -0.047 : 0.007;
        Interval ci = metric.higherIsBetter() ? new Interval(-0.057, -0.038) : new Interval(0.006, 0.008);
        return new SliceResult(SliceKey.OVERALL, 7000, metric, false, new MetricEstimate(0.5, new Interval(0.49, 0.51)),
                new MetricEstimate(0.5 + delta, new Interval(0.49 + delta, 0.51 + delta)), delta, ci, 0.0001, 0.0001,
                "tango-score", Verdict.WORSE, null, null);
    }

    private static ComparisonReport report(Metric primary, SliceResult... results) {
        return new ComparisonReport("churn", "1", "2", primary, ComparisonOptions.DEFAULTS, List.of(results), 0,
                Map.of());
    }
}
