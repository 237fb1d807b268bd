package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.ComparisonEvidence;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;

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
        // in the table, each value stands over its interval: half the width, so both models fit beside Δ
        assertEquals("0.810\n[0.790, 0.830]", row.productionCell());
        assertEquals("0.770\n[0.750, 0.790]", row.candidateCell());
        assertEquals("−0.040\n[−0.055, −0.025]", row.deltaCell());
        assertEquals("<0.001 / <0.001", row.pValueText());
    }

    /**
     * A slice's interval is Holm-adjusted to its own level (97.5 – 99.29% in a pack of 7 slices): the row says which,
     * without a hover, on Δ's line, which is shorter than the interval's; the unadjusted interval's level is the
     * header's.
     */
    @Test
    void aDeltaSaysTheLevelOfItsInterval() {
        SliceResult holm = new SliceResult(ReportFixture.slice("region", "s30"), 30, Metric.ROC_AUC, true,
                new MetricEstimate(0.926, new Interval(0.761, 0.980)), new MetricEstimate(0.989, new Interval(0.897,
                0.999)), 0.063, new Interval(-0.078, 0.205), new Interval(-0.05, 0.17), 0.2, 0.433, "delong",
                Verdict.INCONCLUSIVE, new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 4, ShownInterval.HOLM, 7), null,
                null, null);
        ComparisonRow row = new ComparisonRow(holm);
        assertEquals("+0.063 [−0.078, +0.205] at 98.75%", row.deltaText());
        assertEquals("+0.063 at 98.75%\n[−0.078, +0.205]", row.deltaCell());
        assertEquals("+0.063 [−0.050, +0.170]", new ComparisonRow(holm, true).deltaText(),
                "the unadjusted interval's level is in the Δ header");
    }

    @Test
    void unavailableAndTooFewShowTheirReasonAndNoNumbers() {
        ComparisonRow unavailable = new ComparisonRow(ReportFixture.unavailable(SliceKey.OVERALL, 50,
                Metric.ROC_AUC, "only one class in the slice"));
        // one word in the cell, so the row stays one line; the reason is on hover and in the clipboard
        assertEquals("unavailable", unavailable.verdictText());
        assertEquals("only one class in the slice", unavailable.verdictReason());
        assertTrue(unavailable.toTsv().endsWith("\tunavailable: only one class in the slice"));
        assertEquals("—", unavailable.deltaText());
        assertEquals("—", unavailable.productionText());
        assertEquals("—", unavailable.productionCell(), "nothing to break without an interval");

        ComparisonRow tooFew = new ComparisonRow(ReportFixture.macroF1Results().get(4));
        assertEquals("too few examples", tooFew.verdictText());
        assertNull(tooFew.verdictReason());
    }

    /** Δ pr_auc [−1, +1] at 1 − 0.05/69 beside production's 0.466: every candidate from 0 to 1 is inside. */
    @Test
    void anIntervalSpanningEveryPossibleCandidateSaysNoInformationWithItsReason() {
        SliceResult spanning = new SliceResult(ReportFixture.slice("country", "C19"), 249, Metric.PR_AUC, false,
                new MetricEstimate(0.466, new Interval(0.100, 0.877)), new MetricEstimate(0.330, null), -0.136,
                new Interval(-1, 1), new Interval(-0.712, 0.439), 0.55, 1.0, "paired-bootstrap", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 69, ShownInterval.HOLM, 69), null, null, null);
        ComparisonRow row = new ComparisonRow(spanning);
        assertNull(row.productionTooltip(), "production has its interval");
        assertEquals("This value has no interval: its method gives none at n\u00a0=\u00a0249.", row.candidateTooltip(),
                "the verdict's reason is not why the candidate's value has none");
        assertEquals("no information", row.verdictText());
        assertEquals("the 99.93% interval of Δ spans every pr_auc the candidate could have (0 to 1) beside "
                + "production's 0.466", row.verdictReason());
        assertTrue(row.toTsv().endsWith("\tno information: " + row.verdictReason()), row.toTsv());
        // the unadjusted interval stays one toggle away
        assertEquals("−0.136 [−0.712, +0.439]", new ComparisonRow(spanning, true).deltaText());
    }

    /** The copied row's cell under {@code header}. */
    private static String tsvCell(ComparisonRow row, String header) {
        List<String> headers = List.of(ComparisonRow.tsvHeader().split("\t"));
        assertTrue(headers.contains(header), headers.toString());
        return row.toTsv().split("\t", -1)[headers.indexOf(header)];
    }

    @Test
    void tsvKeepsRawNumbersForSpreadsheets() {
        ComparisonRow row = new ComparisonRow(ReportFixture.result(SliceKey.OVERALL, 4000, Metric.MACRO_F1,
                0.8, 0.82, 0.01, 0.03, 0.02, 0.05, Verdict.BETTER));

        String[] cells = row.toTsv().split("\t", -1);
        assertEquals(ComparisonRow.tsvHeader().split("\t").length, cells.length);
        assertEquals("overall", tsvCell(row, "slice"));
        assertEquals("4000", tsvCell(row, "n"));
        assertEquals("0.8", tsvCell(row, "production"));
        assertEquals("0.01", tsvCell(row, "delta_ci_low"));
        // the hand-made result shows its unadjusted interval (no family): the same numbers again, level unknown
        assertEquals("", tsvCell(row, "delta_ci_level"));
        assertEquals("0.01", tsvCell(row, "unadjusted_ci_low"));
        assertEquals("better", tsvCell(row, "verdict"));
        // a metric that rests on the rows alone leaves the counts beside n empty
        assertEquals("", tsvCell(row, "positives"));
        assertEquals("", tsvCell(row, "smallest_class"));
    }

    /**
     * The counts shown beside n in the table and its tooltip (an AUC's positives and negatives, precision's predicted
     * positives, a macro average's smallest class) are copied too, a column each beside n.
     */
    @Test
    void tsvCopiesTheCountsTheMetricRestsOnBesideN() {
        SliceResult auc = withCounts(ReportFixture.result(SliceKey.OVERALL, 400, Metric.ROC_AUC, 0.8, 0.82, 0.01, 0.03,
                0.02, 0.05, Verdict.BETTER), new MetricCounts(6L, 394L, null, null, null, null));
        ComparisonRow aucRow = new ComparisonRow(auc);
        assertEquals("6", tsvCell(aucRow, "positives"));
        assertEquals("394", tsvCell(aucRow, "negatives"));
        assertEquals("", tsvCell(aucRow, "production_predicted_positives"));

        ComparisonRow precision = new ComparisonRow(withCounts(ReportFixture.result(SliceKey.OVERALL, 400,
                Metric.PRECISION, 0.8, 0.82, 0.01, 0.03, 0.02, 0.05, Verdict.BETTER),
                new MetricCounts(null, null, 9L, 11L, null, null)));
        assertEquals("9", tsvCell(precision, "production_predicted_positives"));
        assertEquals("11", tsvCell(precision, "candidate_predicted_positives"));

        ComparisonRow macro = new ComparisonRow(withCounts(ReportFixture.result(SliceKey.OVERALL, 360,
                Metric.MACRO_F1, 0.8, 0.82, 0.01, 0.03, 0.02, 0.05, Verdict.BETTER),
                new MetricCounts(null, null, null, null, "rare", 4L)));
        assertEquals("rare", tsvCell(macro, "smallest_class"));
        assertEquals("4", tsvCell(macro, "smallest_class_n"));
        assertEquals("360", tsvCell(macro, "n"));
    }

    private static SliceResult withCounts(SliceResult r, MetricCounts counts) {
        return new SliceResult(r.slice(), r.n(), r.metric(), r.primary(), r.production(), r.candidate(), r.delta(),
                r.deltaCi(), r.unadjustedCi(), r.pValue(), r.adjustedP(), r.test(), r.verdict(), r.shownInterval(),
                r.unavailableReason(), r.unstableReason(), r.note(), r.equivalenceBand(), r.targetUnit(), counts);
    }

    @Test
    void theDeltaCellSaysWhichIntervalItShowsAndAnUnstableSliceSaysWhy() {
        SliceResult adjusted = new SliceResult(ReportFixture.slice("language", "ja"), 2883, Metric.MACRO_F1, true,
                new MetricEstimate(0.80, null), new MetricEstimate(0.70, null), -0.10, new Interval(-0.13, -0.07),
                new Interval(-0.12, -0.08), 1e-20, 1e-19, "paired-bootstrap-cells", Verdict.WORSE,
                new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 17, ShownInterval.HOLM, 17), null, null, null);
        ComparisonRow row = new ComparisonRow(adjusted);
        assertEquals("Shown: 99.71% Holm-adjusted interval over 17 slices; the verdict is better or worse exactly "
                + "when it excludes 0. Unadjusted interval: [−0.120, −0.080].", row.deltaTooltip());

        SliceResult unstable = new SliceResult(ReportFixture.slice("team", "small"), 160, Metric.MACRO_F1, true,
                new MetricEstimate(0.61, null), new MetricEstimate(0.66, null), 0.05, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, "class E has 3 examples here", null);
        ComparisonRow unstableRow = new ComparisonRow(unstable);
        assertEquals("unstable", unstableRow.verdictText());
        assertEquals("class E has 3 examples here", unstableRow.verdictReason());
        assertEquals("+0.050 (no CI)", unstableRow.deltaText(), "never a bare number");
    }

    /** Δ 0.000 with an interval around it, on identical scores: the CLI's note says why, and so does the row. */
    @Test
    void identicalScoresSayHowTheIntervalCameAboutInTheRowTooltipAndTheSummary() {
        String note = "both models give every example here the same score";
        SliceResult identical = new SliceResult(ReportFixture.slice("contract", "one_year"), 1794, Metric.ROC_AUC, true,
                new MetricEstimate(0.881, new Interval(0.862, 0.898)), new MetricEstimate(0.881, new Interval(0.862,
                0.898)), 0.0, new Interval(-0.013, 0.013), new Interval(-0.013, 0.013), 1.0, 1.0,
                "identical-ranking-agreement-bound", Verdict.INCONCLUSIVE, null, null, null, note);
        ComparisonRow row = new ComparisonRow(identical);
        ComparisonCellTexts texts = new ComparisonCellTexts(ResourceBundle.getBundle("org.verdict.ui.messages"));

        assertEquals(note, ComparisonRow.agreementNote(identical), "the summary line counts the slices it holds for");
        assertTrue(texts.details(row).endsWith("\n" + note), texts.details(row));
        assertEquals(null, ComparisonRow.agreementNote(new SliceResult(ReportFixture.slice("contract", "month"), 3869,
                Metric.ROC_AUC, true, new MetricEstimate(0.87, new Interval(0.86, 0.88)), new MetricEstimate(0.87,
                new Interval(0.86, 0.88)), 0.001, new Interval(-0.02, 0.02), new Interval(-0.02, 0.02), 0.9, 0.9,
                "delong", Verdict.INCONCLUSIVE, null, null, null, null)), "a tested slice has no agreement note");
    }

    @Test
    void theRowTooltipGivesAnUnstableVerdictsReasonWithEveryNumber() {
        String reason = "class c11 has 3 examples here; the bootstrap cannot measure macro_f1's uncertainty";
        SliceResult unstable = new SliceResult(ReportFixture.slice("seg", "a"), 526, Metric.MACRO_F1, true,
                new MetricEstimate(0.655, null), new MetricEstimate(0.656, null), 0.0003, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, reason, null);
        ComparisonRow row = new ComparisonRow(unstable);
        ComparisonCellTexts texts = new ComparisonCellTexts(ResourceBundle.getBundle("org.verdict.ui.messages"));

        String details = texts.details(row);

        assertEquals("unstable: " + reason, row.verdictWithReason());
        assertTrue(details.startsWith("seg=a, n = 526: unstable: " + reason + "\n"), details);
        assertTrue(details.contains("Production 0.655") && details.contains("Candidate 0.656")
                && details.contains("Δ +0.0003") && details.contains("Test: bootstrap (cells)"), details);

        ComparisonRow worse = new ComparisonRow(ReportFixture.result(ReportFixture.slice("language", "en"), 2000,
                Metric.MACRO_F1, 0.810, 0.770, -0.055, -0.025, 0.0001, 0.0004, Verdict.WORSE));
        assertTrue(texts.details(worse).startsWith("language=en, n = 2,000: ▼ worse\n"),
                "a verdict without a reason stays one word: " + texts.details(worse));
    }

    @Test
    void aPercentileFallbackIntervalIsMarkedBesideTheValue() {
        String why = "1 of 30 rows holds 70% of production's squared error, which makes the studentized interval "
                + "unstable";
        SliceResult result = new SliceResult(ReportFixture.slice("neighborhood", "N10"), 30, Metric.RMSE, false,
                new MetricEstimate(41704, new Interval(22856, 61685), why),
                new MetricEstimate(35404, new Interval(25000, 52000)), -6300.0, new Interval(-20000, 7400), 0.3,
                0.9, "paired-bootstrap", Verdict.INCONCLUSIVE, null, "unstable studentized interval: " + why);
        ComparisonRow row = new ComparisonRow(result);
        assertEquals("41,704 (percentile) [22,856, 61,685]", row.productionText(),
                "the details and the clipboard spell the fallback out");
        assertEquals("41,704 ‡ [22,856, 61,685]", row.productionLine());
        assertEquals(List.of("41,704 ‡", "[22,856, 61,685]"), row.productionCell().lines().toList(),
                "the table's sign keeps the cell to two lines, no wider than its interval");
        assertEquals(List.of("35,404", "[25,000, 52,000]"), row.candidateCell().lines().toList());
        assertFalse(row.candidateText().contains("percentile"), row.candidateText());
        assertEquals("‡ This interval is the bootstrap percentile interval, not the metric's own: " + why + ".",
                row.productionTooltip(), "the cell's tooltip says why its interval is the fallback");
        assertNull(row.candidateTooltip(), "the metric's own interval needs no tooltip");
    }

    @Test
    void aSliceBelowTheMinimumSizeSaysTooFewExamplesEvenWhenItsBootstrapWasUnstable() {
        SliceResult small = new SliceResult(ReportFixture.slice("region", "r11"), 22, Metric.MACRO_F1, true,
                new MetricEstimate(0.61, null), new MetricEstimate(0.66, null), 0.05, null, null, null, null,
                "paired-bootstrap-cells", Verdict.TOO_FEW_EXAMPLES, null, null, "class E has 1 example here", null);
        ComparisonRow row = new ComparisonRow(small);
        assertEquals("too few examples", row.verdictText());
        assertEquals(small.verdictWord(), row.verdictText(), "the table's word is the CLI's and the report's");
        // the models' intervals are missing: the reason is said, as the CLI and the report say it
        assertEquals("too few examples: class E has 1 example here", small.verdictLabel());
        assertEquals("class E has 1 example here", row.verdictReason());
        assertEquals("not tested: n\u00a0<\u00a030", row.deltaText(), "Δ was not tested");
        assertEquals("Δ +0.050 was not tested, so the cell does not show it: class E has 1 example here.",
                row.deltaTooltip());
        assertTrue(row.toTsv().endsWith("\ttoo few examples: class E has 1 example here"), row.toTsv());
    }

    /**
     * A model's value without an interval (a bootstrap metric under the minimum size) is marked as having none, and
     * its cell's tooltip says why; a value with its Wilson interval has no such mark or tip.
     */
    @Test
    void aValueWithoutItsIntervalIsMarkedAndSaysWhy() {
        SliceResult small = new SliceResult(ReportFixture.slice("region", "r11"), 22, Metric.MACRO_F1, true,
                new MetricEstimate(0.61, null), new MetricEstimate(0.66, null), 0.05, null, null, null, null,
                "paired-bootstrap-cells", Verdict.TOO_FEW_EXAMPLES, null, null, "class E has 1 example here", null);
        ComparisonRow row = new ComparisonRow(small);
        assertTrue(row.productionText().matches("0\\.610? \\(no CI\\)"), row.productionText());
        assertEquals(row.productionText(), row.productionCell(), "on one line where values stand over intervals too");
        assertTrue(row.candidateText().endsWith(" (no CI)"), row.candidateText());
        assertEquals("This value has no interval: class E has 1 example here.", row.productionTooltip());
        assertEquals(row.productionTooltip(), row.candidateTooltip());

        SliceResult wilson = new SliceResult(ReportFixture.slice("region", "r12"), 14, Metric.ACCURACY, false,
                new MetricEstimate(0.79, new Interval(0.52, 0.92)), new MetricEstimate(0.79, new Interval(0.52, 0.92)),
                0.0, null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null, null, null);
        ComparisonRow withIntervals = new ComparisonRow(wilson);
        assertFalse(withIntervals.productionText().contains("no CI"), withIntervals.productionText());
        assertTrue(withIntervals.productionText().contains(" ["), withIntervals.productionText());
        assertNull(withIntervals.productionTooltip());
        assertNull(withIntervals.candidateTooltip());
    }

    /** Under the minimum with every interval a rate's Wilson: nothing is withheld, Δ is simply not tested. */
    @Test
    void aSliceBelowTheMinimumSizeWithItsWilsonIntervalsSaysDeltaIsNotTested() {
        SliceResult small = new SliceResult(ReportFixture.slice("region", "r11"), 14, Metric.ACCURACY, false,
                new MetricEstimate(0.79, new Interval(0.52, 0.92)), new MetricEstimate(0.79, new Interval(0.52, 0.92)),
                0.0, null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null, null, null);
        ComparisonRow row = new ComparisonRow(small);
        assertEquals("too few examples", small.verdictLabel());
        assertNull(row.verdictReason());
        assertEquals("Δ 0.000 was not tested, so the cell does not show it: 14 rows, under the minimum of 30, are "
                + "too few for a test of Δ.", row.deltaTooltip());
        assertEquals("not tested: n\u00a0<\u00a030", row.deltaText());
        assertEquals(row.deltaText(), new ComparisonRow(small, true).deltaText(), "nor with Show unadjusted intervals");
        assertNull(row.rankedDelta(), "an untested Δ is not ranked: its value is noise");

        // roc_auc keeps Newcombe's intervals under the minimum: the reason gives the counts it rests on, as n's does
        SliceResult ranked = new SliceResult(ReportFixture.slice("region", "r12"), 9, Metric.ROC_AUC, true,
                new MetricEstimate(0.667, new Interval(0.2, 0.9)), new MetricEstimate(0.833, new Interval(0.3, 0.97)),
                0.167, null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null, null, null, 0.01,
                TargetUnit.NONE, new MetricCounts(3L, 6L, null, null, null, null));
        assertEquals("Δ +0.167 was not tested, so the cell does not show it: 9 rows (3 positive, 6 negative), under "
                + "the minimum of 30, are too few for a test of Δ.", new ComparisonRow(ranked).deltaTooltip());
    }
    /**
     * One number format for a row: the app and the approval pack write the same Δ (the approval pack said −759.2
     * where the app said −759 [−1,321, +524]), and a Δ without an interval takes the decimals of the models' values
     * it is the difference of (it read −0.00387 beside −0.007 [−0.558, 5.510]).
     */
    @Test
    void aRowsNumbersShareOneFormatInTheAppAndTheApprovalPack() {
        SliceResult zip = new SliceResult(ReportFixture.slice("zip", "Z01"), 384, Metric.RMSE, false,
                new MetricEstimate(1321.4, new Interval(648.2, 1978.3)),
                new MetricEstimate(562.1, new Interval(385.4, 781.4)), -759.2, new Interval(-1321.4, 524.3), 0.3, 1.0,
                "paired-bootstrap", Verdict.INCONCLUSIVE, null, null);
        SliceResult st22 = new SliceResult(ReportFixture.slice("store", "st22"), 4, Metric.SQ_CALIBRATION_ERROR,
                false, new MetricEstimate(-0.00701, new Interval(-0.558, 5.510)),
                new MetricEstimate(-0.01088, new Interval(-0.440, 4.538)), -0.00387, null, null, null,
                "paired-bootstrap", Verdict.TOO_FEW_EXAMPLES, null, null);
        ComparisonReport report = new ComparisonReport("rent", "3.1",
                "3.2", Metric.RMSE, ComparisonOptions.DEFAULTS, List.of(zip), 1,
                Map.of(Metric.RMSE, 1));

        // the lower end is −production's rmse: the candidate at 0, the bound of its range, marked as such
        assertEquals("−759 [−1,321†, +524]", new ComparisonRow(zip).deltaText());
        assertTrue(new ComparisonRow(zip).deltaTooltip().endsWith("† lower end at the bound: the candidate's rmse "
                + "cannot be below 0, so Δ cannot be below −1,321 (−production's rmse)."), new ComparisonRow(zip).deltaTooltip());
        List<EvidenceTable.Cell> pdfRow =
                ComparisonEvidence.table(report).rows().get(0);
        assertEquals(new ComparisonRow(zip).deltaText(), pdfRow.get(4).text() + " " + pdfRow.get(5).text(),
                "the approval pack's Δ and interval cells");

        ComparisonRow tooFew = new ComparisonRow(st22);
        assertEquals("−0.007 [−0.558, 5.510]", tooFew.productionText());
        assertEquals("not tested: n\u00a0<\u00a030", tooFew.deltaText(), "Δ is not shown as a result");
        assertTrue(tooFew.deltaTooltip().startsWith("Δ −0.004 was not tested"), "Δ with its row's decimals: "
                + tooFew.deltaTooltip());
    }
}
