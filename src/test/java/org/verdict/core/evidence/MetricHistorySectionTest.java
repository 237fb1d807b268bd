package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;

/** The circuit breaker's chart: its limit line labelled with the numbers the gate's line judged. */
class MetricHistorySectionTest {
    @TempDir
    Path folder;

    /**
     * A review's claims-severity pack: historical best mae $14,800, margin 2 % of it, $296. Written one by one, the
     * margin got a decimal the two amounts beside it lack ("$296.0" against the gate line's "$296").
     */
    @Test
    void theLimitIsLabelledWithOneSetOfDecimalsForItsThreeAmounts() throws Exception {
        String manifest = """
                {"format": "verdict-pack/1",
                 "model": {"name": "claims", "task": "regression", "riskTier": 1, "targetUnit": "USD"},
                 "models": [{"version": "5", "role": "production"}, {"version": "6", "role": "candidate"}],
                 "primaryMetric": "mae",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}}
                """;
        StringBuilder csv = new StringBuilder("example_id,label,region,pred_5,pred_6\n");
        for (int i = 0; i < 60; i++) {
            csv.append("c").append(i).append(',').append(10_000 + 100 * i).append(',').append(i % 2 == 0 ? "a" : "b")
                    .append(',').append(10_000 + 100 * i + (i % 3 - 1) * 3_000).append(',')
                    .append(10_000 + 100 * i + (i % 3 - 1) * 2_000).append('\n');
        }
        ComparisonReport comparison = new ComparisonEngine().compare(new PackLoader().load(
                PackFixture.write(folder, manifest, csv.toString()), Progress.NONE), "6", ComparisonOptions.DEFAULTS,
                Progress.NONE);
        GateResult judged = new GateResult(Gate.CIRCUIT_BREAKER, GateOutcome.PASS, "as good or better",
                List.of(new Finding("historical best", GateOutcome.PASS, "as good or better",
                        Map.of("best", 14_800.0, "margin", 296.0))));

        EvidenceSection section = MetricHistorySection.of(judged, List.of(new MetricHistoryPoint("p3",
                LocalDate.parse("2026-04-01"), 14_800)), comparison, "6", null);

        EvidenceChart.TimeSeries history = (EvidenceChart.TimeSeries) section.charts().get(0);
        assertEquals("historical best $14,800 + margin $296 = $15,096", history.limits().get(0).label());
    }
}
