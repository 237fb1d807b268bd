package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Interval;

/**
 * Language parity on mape: its tolerance E = 0.05 is 5 % of production's mape, as for mae, so a language whose
 * production mape is 0.16 may be at most 0.008 worse, not 0.05 (31 % of its mape).
 */
class LanguageParityMapeTest {
    @Test
    void aLanguagesToleranceOnMapeIsAShareOfProductionsMape() {
        Finding reaches = judge(0.16, 0.165, new Interval(-0.002, 0.012));
        assertEquals(GateOutcome.INSUFFICIENT_EVIDENCE, reaches.outcome(), reaches.detail());
        assertTrue(reaches.detail().endsWith("worst case +0.012 > +0.008 (tolerance E = 5% of production's "
                + "value)"), reaches.detail());

        Finding within = judge(0.16, 0.158, new Interval(-0.01, 0.006));
        assertEquals(GateOutcome.PASS, within.outcome(), within.detail());
        assertTrue(within.detail().endsWith("worst case +0.006 ≤ +0.008 (tolerance E = 5% of production's value)"),
                within.detail());
    }

    private static Finding judge(double production, double candidate, Interval ci) {
        SliceResult german = new SliceResult(new SliceKey(List.of("language"), List.of("de")), 400, Metric.MAPE, true,
                new MetricEstimate(production, null), new MetricEstimate(candidate, null), candidate - production, ci,
                ci, 0.3, 0.3, "paired-hashed-block-bootstrap", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1), null, null, null);
        ComparisonReport report = new ComparisonReport("houses", "1", "2", Metric.MAPE, ComparisonOptions.DEFAULTS,
                List.of(german), 1, Map.of());
        ReviewEvidence evidence = new ReviewEvidence("houses", Task.REGRESSION, Metric.MAPE, "1", "2", 2, report, null,
                Optional.of(report), Optional.empty(), Optional.empty(), null, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PackSuites.NONE);
        return new LanguageParityGate(GatePolicy.DEFAULTS).judge(evidence).findings().get(0);
    }
}
