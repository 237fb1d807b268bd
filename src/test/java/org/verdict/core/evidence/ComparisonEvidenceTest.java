package org.verdict.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;

/** The forest plots of a comparison list every slice, the ones without an interval with the reason. */
public class ComparisonEvidenceTest {

    private static SliceKey neighbourhood(String value) {
        return new SliceKey(List.of("neighborhood"), List.of(value));
    }

    private static MetricEstimate dollars(double value) {
        return new MetricEstimate(value, new Interval(value * 0.8, value * 1.2));
    }

    /** Shaped like a house-price pack: tested slices, one of 29 rows with the largest Δ, one undefined. */
    public static ComparisonReport housePrices() {
        Metric mae = Metric.MAE;
        return new ComparisonReport("houses", "7", "8", mae, ComparisonOptions.DEFAULTS, List.of(
                new SliceResult(SliceKey.OVERALL, 1200, mae, true, dollars(24_000), dollars(23_000), -1_000.0,
                        new Interval(-1_800, -200), 0.01, 0.01, "paired-bootstrap", Verdict.BETTER, null, null),
                new SliceResult(neighbourhood("N01"), 300, mae, true, dollars(22_000), dollars(22_500), 500.0,
                        new Interval(-700, 1_700), 0.4, 0.8, "paired-bootstrap", Verdict.INCONCLUSIVE, null, null),
                // too few examples: Δ and an unadjusted interval, but no interval a verdict reads
                new SliceResult(neighbourhood("N18"), 29, mae, true, dollars(28_050), dollars(17_798), -10_252.9,
                        null, new Interval(-22_617, 2_111), 0.1, null, "paired-bootstrap", Verdict.TOO_FEW_EXAMPLES,
                        null, null, null, null),
                new SliceResult(neighbourhood("N30"), 4, mae, true, null, null, null, null, null, null, null,
                        Verdict.UNAVAILABLE, "needs 5 examples", null)),
                2, Map.of(mae, 2));
    }

    @Test
    void everySliceHasARowAndTheOnesWithoutAnIntervalSayWhy() {
        DeltaForest forest = (DeltaForest) ComparisonEvidence.forestsByDimension(housePrices()).get(0);

        assertEquals(List.of("overall (n=1,200)", "neighborhood=N01 (n=300)", "neighborhood=N18 (n=29)",
                "neighborhood=N30 (n=4)"), forest.rows().stream().map(DeltaRow::label).toList());
        DeltaRow tooFew = forest.rows().get(2);
        assertEquals(-10_252.9, tooFew.delta(), 1e-9);
        assertNull(tooFew.ci(), "a slice with too few examples is not drawn with an interval its verdict does not read");
        assertEquals("too few examples, Δ −10,253 (no interval)", tooFew.note());
        DeltaRow undefined = forest.rows().get(3);
        assertNull(undefined.delta());
        assertEquals("unavailable", undefined.note(), "the table beside the chart gives the reason");
        assertNull(forest.rows().get(1).note(), "a row with its interval needs no words");
    }

    /** many_slices' f1: n's cell held "94 (20 positive; predicted positive: production 12, candidate 13)". */
    @Test
    void theCountsBesideNStandInNarrowColumnsOfTheirOwn() {
        Metric f1 = Metric.F1;
        ComparisonReport report = new ComparisonReport("many", "1", "2", f1, ComparisonOptions.DEFAULTS, List.of(
                counted(SliceKey.OVERALL, 4000, new MetricCounts(900L, null, 700L, 720L,
                        null, null)),
                counted(new SliceKey(List.of("store"), List.of("store-005")), 94,
                        new MetricCounts(20L, null, 12L, 13L, null, null))), 1, Map.of(f1, 1));
        EvidenceTable table = ComparisonEvidence.table(report);

        assertEquals(List.of("Slice", "n", "Positive", "Predicted positive, production | candidate", "Production",
                "Candidate", "Δ", "CI of Δ (level)", "Adj. p", "Verdict"), table.headers());
        assertEquals(List.of("store=store-005", "94", "20", "12 | 13"),
                table.rows().get(1).subList(0, 4).stream().map(EvidenceTable.Cell::text).toList());
    }

    @Test
    void aMetricOfTheRowsAloneHasNoCountColumns() {
        assertEquals(List.of("Slice", "n", "Production", "Candidate", "Δ", "CI of Δ (level)", "Adj. p", "Verdict"),
                ComparisonEvidence.table(housePrices()).headers());
    }

    private static SliceResult counted(SliceKey slice, int n, org.verdict.core.compare.MetricCounts counts) {
        return new SliceResult(slice, n, Metric.F1, true, new MetricEstimate(0.7, new Interval(0.6, 0.8)),
                new MetricEstimate(0.71, new Interval(0.61, 0.81)), 0.01, new Interval(-0.05, 0.07),
                new Interval(-0.05, 0.07), 0.5, 0.5, "paired-bootstrap", Verdict.INCONCLUSIVE, null, null, null, null,
                null, org.verdict.core.pack.TargetUnit.NONE, counts);
    }
}
