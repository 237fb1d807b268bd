package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;

class SliceChartDataTest {

    @Test
    void overallFirstThenFromWorstToBestSliceAndUnavailableLeftOut() {
        SliceChartData data = SliceChartData.of(Metric.MACRO_F1, ReportFixture.macroF1Results());

        // Δ: en −0.040, f +0.001, de +0.070; gender=m has too few examples and no numbers
        assertEquals(List.of("overall", "language=en", "gender=f", "language=de"),
                data.points().stream().map(SliceChartData.Point::label).toList());
        assertEquals(-0.055, data.points().get(1).deltaLow());
    }

    @Test
    void forALowerIsBetterMetricThePositiveDeltaIsTheWorstSlice() {
        List<org.verdict.core.compare.SliceResult> errors = List.of(
                ReportFixture.result(ReportFixture.slice("segment", "smb"), 100, Metric.MAE, 2.0, 1.5, -0.7, -0.3,
                        0.01, 0.02, Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("segment", "enterprise"), 100, Metric.MAE, 2.0, 2.6,
                        0.3, 0.9, 0.01, 0.02, Verdict.WORSE),
                ReportFixture.result(SliceKey.OVERALL, 200, Metric.MAE, 2.0, 2.05, -0.1, 0.2, 0.5, 0.5,
                        Verdict.NO_SIGNIFICANT_DIFFERENCE));

        SliceChartData data = SliceChartData.of(Metric.MAE, errors);

        assertEquals(List.of("overall", "segment=enterprise", "segment=smb"),
                data.points().stream().map(SliceChartData.Point::label).toList());
    }
}
