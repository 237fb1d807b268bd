package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;

class ComparisonRowTest {

    @Test
    void aWorseSliceSaysSoWithItsMarkAndNotByColourAlone() {
        ComparisonRow row = new ComparisonRow(ReportFixture.result(ReportFixture.slice("language", "en"), 2000,
                Metric.MACRO_F1, 0.810, 0.770, -0.055, -0.025, 0.0001, 0.0004, Verdict.WORSE));

        assertEquals("▼ worse", row.verdictText());
        assertEquals("language=en", row.slice());
        // 0.770 − 0.810 = −0.040, shown with a real minus sign and its interval
        assertEquals("−0.040 [−0.055, −0.025]", row.deltaText());
        assertEquals("0.810 [0.790, 0.830]", row.productionText());
        assertEquals("<0.001 / <0.001", row.pValueText());
    }

    @Test
    void unavailableAndTooFewShowTheirReasonAndNoNumbers() {
        ComparisonRow unavailable = new ComparisonRow(ReportFixture.unavailable(SliceKey.OVERALL, 50,
                Metric.ROC_AUC, "only one class in the slice"));
        assertEquals("unavailable: only one class in the slice", unavailable.verdictText());
        assertEquals("—", unavailable.deltaText());
        assertEquals("—", unavailable.productionText());

        ComparisonRow tooFew = new ComparisonRow(ReportFixture.macroF1Results().get(4));
        assertEquals("too few examples", tooFew.verdictText());
    }

    @Test
    void tsvKeepsRawNumbersForSpreadsheets() {
        ComparisonRow row = new ComparisonRow(ReportFixture.result(SliceKey.OVERALL, 4000, Metric.MACRO_F1,
                0.8, 0.82, 0.01, 0.03, 0.02, 0.05, Verdict.BETTER));

        String[] cells = row.toTsv().split("\t", -1);
        assertEquals(ComparisonRow.tsvHeader().split("\t").length, cells.length);
        assertEquals("overall", cells[0]);
        assertEquals("4000", cells[1]);
        assertEquals("0.8", cells[2]);
        assertEquals("0.01", cells[9]);
        assertEquals("better", cells[14]);
    }
}
