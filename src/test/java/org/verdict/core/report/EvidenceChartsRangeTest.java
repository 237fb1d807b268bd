package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.stats.Interval;

/** The approval pack's forest plot scales its Δ axis as the app's does: every tested row's Δ is on it. */
class EvidenceChartsRangeTest {

    @Test
    void everyTestedDeltaIsOnTheAxisAndAnUninformativeIntervalIsClipped() {
        // h_tiny's roc_auc rows, and an uninformative interval around +0.4
        List<DeltaRow> rows = List.of(
                new DeltaRow("overall", 0.013, new Interval(-0.001, 0.027), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=big", 0.016, new Interval(-0.003, 0.034), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s40", 0.139, new Interval(-0.032, 0.309), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s400", -0.018, new Interval(-0.068, 0.031), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s50", 0.4, new Interval(-0.6, 1.0), Verdict.INCONCLUSIVE, null),
                new DeltaRow("site=s12", 0.333, null, Verdict.TOO_FEW_EXAMPLES, null));

        AxisRange range = EvidenceCharts.forestRange(new DeltaForest("Δ roc_auc", "Δ roc_auc", true, rows));

        for (DeltaRow row : rows.subList(0, 5)) {
            assertTrue(range.contains(row.delta()), row.label() + " Δ " + row.delta() + " on " + range);
        }
        assertFalse(range.contains(1.0), "the uninformative interval's end is clipped: " + range);
        assertFalse(range.contains(-0.6), range.toString());
    }

    @Test
    void anUntestedDeltaOfASliceLargeEnoughToTestIsOnTheAxisOneWithTooFewExamplesIsNot() {
        // mc_rare's macro_f1: store_12 (366 rows) has no interval because class rare has 4 examples there
        List<DeltaRow> rows = List.of(
                new DeltaRow("overall", -0.002, new Interval(-0.034, 0.031), Verdict.INCONCLUSIVE, null),
                new DeltaRow("lang=en", -0.004, new Interval(-0.041, 0.033), Verdict.INCONCLUSIVE, null),
                new DeltaRow("store=store_12", -0.214, null, Verdict.INCONCLUSIVE,
                        "unstable: class rare has 4 examples here"),
                new DeltaRow("store=store_02", -0.317, null, Verdict.TOO_FEW_EXAMPLES, null));

        AxisRange range = EvidenceCharts.forestRange(new DeltaForest("Δ macro_f1", "Δ macro_f1", true, rows));

        assertTrue(range.contains(-0.214), "the unstable slice's point: " + range);
        assertFalse(range.contains(-0.317), "the slice with too few examples sets nothing: " + range);
    }
}
