package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.verdict.core.stats.Interval;
import org.verdict.core.task.Progress;

/**
 * The circuit breaker's evidence: its limit line labelled with the numbers the gate's line judged, past values as the
 * history gives them.
 */
class MetricHistorySectionTest {
    @TempDir
    Path folder;

    /**
     * Historical best mae $14,800, margin 2 % of it, $296. Written one by one, the margin got a decimal the two amounts
     * beside it lack ("$296.0" against the gate line's "$296").
     */
    @Test
    void theLimitIsLabelledWithOneSetOfDecimalsForItsThreeAmounts() throws Exception {
        EvidenceSection section = MetricHistorySection.of(JUDGED, List.of(new MetricHistoryPoint("p3",
                LocalDate.parse("2026-04-01"), 14_800)), claims(), "6", null);

        EvidenceChart.TimeSeries history = (EvidenceChart.TimeSeries) section.charts().get(0);
        assertEquals("historical best $14,800 + margin $296 = $15,096", history.limits().get(0).label());
    }

    /**
     * A past value is shown with as much as the history gives: its interval as whiskers on the chart and beside the
     * value in the table with its n; a history of point values alone is said to be one, with the columns that would
     * give more.
     */
    @Test
    void aPastValueIsShownWithItsNAndIntervalWhereTheHistoryGivesThemAndSaidToStandAloneOtherwise()
            throws Exception {
        ComparisonReport comparison = claims();
        EvidenceSection measured = MetricHistorySection.of(JUDGED, List.of(
                new MetricHistoryPoint("p2", LocalDate.parse("2026-01-01"), 15_400, null, null),
                new MetricHistoryPoint("p3", LocalDate.parse("2026-04-01"), 14_800, 5_000L,
                        new Interval(13_900, 15_750))), comparison, "6", null);
        EvidenceChart.Series past = ((EvidenceChart.TimeSeries) measured.charts().get(0)).series().get(0);
        assertEquals(new Interval(13_900, 15_750), past.points().get(1).ci());
        assertNull(past.points().get(0).ci());
        EvidenceTable table = measured.tables().get(0);
        assertEquals("$14,800 [$13,900, $15,750] (n=5,000)", table.rows().get(1).get(2).text());
        assertEquals("$15,400", table.rows().get(0).get(2).text());
        assertEquals(List.of(MetricHistorySection.HISTORY_INTERVALS), table.notes());

        EvidenceSection pointsOnly = MetricHistorySection.of(JUDGED, List.of(new MetricHistoryPoint("p3",
                LocalDate.parse("2026-04-01"), 14_800)), comparison, "6", null);
        assertEquals(List.of(MetricHistorySection.POINT_VALUES_ONLY), pointsOnly.tables().get(0).notes());
        assertTrue(((EvidenceChart.TimeSeries) pointsOnly.charts().get(0)).series().get(0).name()
                .contains("point values only"));
    }

    /**
     * Production measured on this pack stands beside the candidate, so that a history of other data shows as a gap
     * between production's past value and this one. The claims pack's production errs by $3,000 on 40 of its 60
     * rows and not at all on the others: mae $2,000 by hand.
     */
    @Test
    void productionOnThisPackStandsBesideTheCandidateWithItsIntervalAndN() throws Exception {
        ComparisonReport comparison = claims();
        EvidenceSection section = MetricHistorySection.of(JUDGED, List.of(new MetricHistoryPoint("p3",
                LocalDate.parse("2026-04-01"), 14_800)), comparison, "6", null);
        List<EvidenceChart.Series> series = ((EvidenceChart.TimeSeries) section.charts().get(0)).series();
        EvidenceChart.Series here = series.stream().filter(s -> s.name().startsWith("production 5 on this pack"))
                .findFirst().orElseThrow(() -> new AssertionError(series.toString()));
        assertEquals(EvidenceChart.SeriesRole.PRODUCTION, here.role());
        assertEquals(2_000.0, here.points().get(0).value(), 1e-9);
        assertTrue(here.points().get(0).ci().contains(2_000.0), "its interval: " + here.points().get(0).ci());
        assertTrue(here.name().contains("(n=60, 95% CI)"), here.name());
        List<String> versions = section.tables().get(0).rows().stream().map(row -> row.get(0).text()).toList();
        assertEquals(List.of("p3", "production 5 on this pack", "candidate 6"), versions);
        assertTrue(section.tables().get(0).rows().get(1).get(2).text().startsWith("$2,000 ["),
                section.tables().get(0).rows().get(1).get(2).text());
    }

    private static final GateResult JUDGED = new GateResult(Gate.CIRCUIT_BREAKER, GateOutcome.PASS,
            "as good or better", List.of(new Finding("historical best", GateOutcome.PASS, "as good or better",
                    Map.of("best", 14_800.0, "margin", 296.0))));

    /** A review's claims-severity pack compared: mae in dollars, 60 rows. */
    private ComparisonReport claims() throws Exception {
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
        return new ComparisonEngine().compare(new PackLoader().load(
                PackFixture.write(folder, manifest, csv.toString()), Progress.NONE), "6", ComparisonOptions.DEFAULTS,
                Progress.NONE);
    }
}
