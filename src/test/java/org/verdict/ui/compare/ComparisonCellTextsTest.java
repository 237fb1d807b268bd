package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;

/** The Compare table's cell and tooltip texts, without a view: what a reviewer reads for three kinds of slice. */
class ComparisonCellTextsTest {
    private final ComparisonCellTexts texts =
            new ComparisonCellTexts(ResourceBundle.getBundle("org.verdict.ui.messages"));
    private static final ComparisonCellTexts.Layout LAPTOP = new ComparisonCellTexts.Layout(true);
    private static final int MIN_SLICE_SIZE = 30;
    private static final ComparisonCellTexts.Layout WIDE = new ComparisonCellTexts.Layout(false);

    /** A slice of 400 rows with 6 positives: its AUC's interval is wide for want of positives, and n says so. */
    @Test
    void aRareClassSliceShowsItsPositivesBesideN() {
        ShownInterval holm = new ShownInterval(TestFamily.SLICES, 0.99, ShownInterval.HOLM, 5);
        SliceResult auc = new SliceResult(ReportFixture.slice("region", "r05"), 400, Metric.ROC_AUC, true,
                new MetricEstimate(0.81, new Interval(0.62, 0.92)), new MetricEstimate(0.84, new Interval(0.66, 0.94)),
                0.03, new Interval(-0.21, 0.27), new Interval(-0.14, 0.20), 0.6, 1.0, "delong", Verdict.INCONCLUSIVE,
                holm, null, null, null, 0.01, TargetUnit.NONE, new MetricCounts(6L, 394L, null, null, null, null));
        ComparisonRow row = new ComparisonRow(auc, false, texts, MIN_SLICE_SIZE);

        assertEquals("400\n6 positive", texts.n(row, LAPTOP), "under n where values stand over intervals");
        assertEquals("400 (6 positive)", texts.n(row, WIDE));
        assertEquals("n = 400 (6 positive, 394 negative)\nThe intervals of roc_auc rest on these counts, not on n "
                + "alone: the fewer they are, the wider the intervals.", row.nTooltip());
        assertEquals("region=r05, n = 400 (6 positive, 394 negative): inconclusive\nProduction 0.810 [0.620, 0.920]"
                + "\nCandidate 0.840 [0.660, 0.940]\nΔ +0.030 [−0.210, +0.270] at 99%\np / adjusted p 0.600 / 1.000\n"
                + "Test: DeLong", texts.details(row));
        assertEquals("Shown: 99% Holm-adjusted interval over 5 slices; the verdict is better or worse exactly when it "
                + "excludes 0. Unadjusted interval: [−0.140, +0.200].", row.deltaTooltip());

        // precision rests on each model's predicted positives
        SliceResult precision = new SliceResult(ReportFixture.slice("region", "r05"), 400, Metric.PRECISION, false,
                new MetricEstimate(0.5, new Interval(0.19, 0.81)), new MetricEstimate(0.6, new Interval(0.31, 0.83)),
                0.1, null, null, null, null, "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, null, null,
                0.01, TargetUnit.NONE, new MetricCounts(null, null, 8L, 10L, null, null));
        ComparisonRow flagged = new ComparisonRow(precision, false, texts, MIN_SLICE_SIZE);
        assertEquals("400\n8 | 10 predicted +", texts.n(flagged, LAPTOP));
        assertEquals("n = 400 (predicted positive: production 8, candidate 10)", flagged.nTooltip().lines()
                .findFirst().orElseThrow());
    }

    /** A regression slice in dollars rests on its rows alone: n stands alone, the numbers keep their unit. */
    @Test
    void aRegressionSliceInDollarsShowsNAlone() {
        ShownInterval overall = new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1);
        SliceResult rmse = new SliceResult(ReportFixture.slice("zip", "Z01"), 1_500, Metric.RMSE, false,
                new MetricEstimate(41_704, new Interval(22_856, 61_685)),
                new MetricEstimate(40_100, new Interval(21_900, 60_200)), -1_604.0, new Interval(-3_900, 700),
                new Interval(-3_900, 700), 0.17, 0.17, "paired-bootstrap", Verdict.INCONCLUSIVE, overall, null, null,
                null, 417.04, TargetUnit.of("USD"), MetricCounts.NONE);
        ComparisonRow row = new ComparisonRow(rmse, false, texts, MIN_SLICE_SIZE);

        assertEquals("1,500", texts.n(row, LAPTOP));
        assertEquals("n = 1,500", row.nTooltip());
        assertEquals("41,704\n[22,856, 61,685]", texts.production(row, LAPTOP), "the header names the unit");
        assertEquals("−1,604 at 95%\n[−3,900, +700]", texts.delta(row, LAPTOP),
                "the interval's level on Δ's line, which is shorter than the interval's");
        assertEquals("−1,604 [−3,900, +700] at 95%", texts.delta(row, WIDE));
        assertEquals("Shown: 95% interval, overall slice tested alone; the verdict is better or worse exactly when it "
                + "excludes 0. Unadjusted interval: [−$3,900, +$700].", row.deltaTooltip(),
                "a tooltip stands alone, so it writes the unit");
    }

    /** A multiclass macro average rests on its smallest class: four examples of it leave Δ without an interval. */
    @Test
    void aMulticlassSliceShowsItsSmallestClass() {
        String reason = "class fraud_report has 4 examples here; the bootstrap cannot measure macro_f1's uncertainty";
        SliceResult macro = new SliceResult(ReportFixture.slice("region", "r06"), 183, Metric.MACRO_F1, true,
                new MetricEstimate(0.735, null), new MetricEstimate(0.690, null), -0.045, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, reason, null, 0.01, TargetUnit.NONE,
                new MetricCounts(null, null, null, null, "fraud_report", 4L));
        ComparisonRow row = new ComparisonRow(macro, false, texts, MIN_SLICE_SIZE);

        // the verdict says why in short, the class and its count; too long for one line of the laptop's column, it
        // takes two, and n then has room for its count under it
        assertEquals("unstable:\nfraud_report\u00a0n=4", texts.verdict(row, LAPTOP));
        assertEquals("183\nmin class 4", texts.n(row, LAPTOP));
        assertEquals("unstable: fraud_report\u00a0n=4", texts.verdict(row, WIDE));
        assertEquals("183 (min class 4)", texts.n(row, WIDE));
        assertEquals("n = 183 (smallest class fraud_report: 4)\nThe intervals of macro_f1 rest on these counts, not "
                + "on n alone: the fewer they are, the wider the intervals.", row.nTooltip());
        assertEquals("unstable: " + reason + ".\n", texts.verdictTooltip(row).lines().findFirst().orElseThrow()
                + "\n", "the whole reason on hover");
        assertEquals("W" + macro.rareClassWaysForward().substring(1) + ".", texts.verdictTooltip(row).lines()
                .skip(1).findFirst().orElseThrow(), "then the ways forward, in the gate's and the CLI's words");
        assertEquals("No interval: " + reason + ".", row.deltaTooltip());
    }

    /**
     * mc_rare at 1366×768: 35 stores of 4 to 399 rows with a class of 1 %. A store without intervals (unstable, or too
     * few examples) takes one line beside the chart, its reason and counts in short: three lines a row ("store" /
     * "=store_07", "unstable:" / "class rare has 2" / "examples here", "93" / "min class 2") left ten rows in view.
     */
    @Test
    void aStoreWithoutIntervalsTakesOneLineWithItsReasonAndCountsInShort() {
        MetricCounts rare = new MetricCounts(null, null, null, null, "rare", 2L);
        SliceResult unstable = new SliceResult(ReportFixture.slice("store", "store_07"), 93, Metric.MACRO_F1, true,
                new MetricEstimate(0.795, null), new MetricEstimate(0.644, null), -0.150, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null,
                "class rare has 2 examples here; the bootstrap cannot measure macro_f1's uncertainty", null, 0.01,
                TargetUnit.NONE, rare);
        ComparisonRow row = new ComparisonRow(unstable, false, texts, MIN_SLICE_SIZE);

        assertEquals("store_07", texts.slice(row.slice(), LAPTOP), "the value names its column, as in the chart");
        assertEquals("unstable: rare\u00a0n=2", texts.verdict(row, LAPTOP));
        assertEquals("93", texts.n(row, LAPTOP), "the verdict beside it gives the smallest class's count");
        assertEquals(1, texts.lines(row, LAPTOP), "a compact row");
        assertEquals("store=store_07", texts.slice(row.slice(), WIDE));
        assertEquals("93 (min class 2)", texts.n(row, WIDE));

        SliceResult tooFew = new SliceResult(ReportFixture.slice("store", "store_00"), 4, Metric.MACRO_F1, true,
                new MetricEstimate(0.429, null), new MetricEstimate(0.500, null), 0.071, null, null, null, null,
                null, Verdict.TOO_FEW_EXAMPLES, null, null, null, null, 0.01, TargetUnit.NONE,
                new MetricCounts(null, null, null, null, "rare", 0L));
        ComparisonRow small = new ComparisonRow(tooFew, false, texts, MIN_SLICE_SIZE);
        assertEquals("too few examples", texts.verdict(small, LAPTOP));
        assertEquals("4 (min class 0)", texts.n(small, LAPTOP));
        assertEquals("not tested: n\u00a0<\u00a030", texts.delta(small, LAPTOP),
                "why, where the untested Δ would stand: no bare number as if measured");
        assertEquals(1, texts.lines(small, LAPTOP), "a compact row");

        // a reason that is not the smallest class keeps its first clause, wrapped as the column allows
        SliceResult undefined = new SliceResult(ReportFixture.slice("lang", "ja"), 341, Metric.MACRO_F1, true,
                new MetricEstimate(0.7, null), new MetricEstimate(0.71, null), 0.01, null, null, null, null,
                "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null,
                "macro_f1 is undefined in 12% of resamples; the bootstrap cannot measure its uncertainty", null, 0.01,
                TargetUnit.NONE, rare);
        assertEquals("unstable: macro_f1 is\nundefined in 12% of\nresamples",
                texts.verdict(new ComparisonRow(undefined, false, texts, MIN_SLICE_SIZE), LAPTOP));
        assertEquals("341\nmin class 2", texts.n(new ComparisonRow(undefined, false, texts, MIN_SLICE_SIZE), LAPTOP));
    }

    /**
     * Where the Slice and Verdict columns have room, a slice's name and a verdict take one line each, and no other
     * cell changes (so no other column's width): a card-fraud merchant too few to test, whose production value has
     * its interval, read "merchant" / "=m000" and "too few" / "examples" beside columns with room to spare.
     */
    @Test
    void slicesAndVerdictsWithRoomTakeOneLineAndLeaveTheOtherCellsAsTheyAre() {
        SliceResult tooFew = new SliceResult(ReportFixture.slice("merchant", "m002"), 4, Metric.F1, true,
                new MetricEstimate(0.0, new Interval(0.0, 0.974)), new MetricEstimate(0.0, null), null, null, null,
                null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null, null, null, 0.01, TargetUnit.NONE,
                new MetricCounts(0L, 4L, null, null, null, null));
        ComparisonRow row = new ComparisonRow(tooFew, false, texts, MIN_SLICE_SIZE);
        ComparisonCellTexts.Layout roomy = new ComparisonCellTexts.Layout(true, true, true);

        assertEquals("merchant\n=m002", texts.slice(row.slice(), LAPTOP));
        assertEquals("too few\nexamples", texts.verdict(row, LAPTOP));
        assertEquals("merchant=m002", texts.slice(row.slice(), roomy));
        assertEquals("too few examples", texts.verdict(row, roomy));
        assertEquals(texts.n(row, LAPTOP), texts.n(row, roomy), "n keeps its form: " + texts.n(row, LAPTOP));
        assertEquals(texts.production(row, LAPTOP), texts.production(row, roomy));
        assertEquals(2, texts.lines(row, roomy), "production's value over its interval still takes two lines");
        assertEquals("segment=enterprise ×\nlanguage=pt",
                texts.slice("segment=enterprise × language=pt", roomy), "a cross keeps a line per part");
        assertEquals("merchant=m002", texts.slice(row.slice(), new ComparisonCellTexts.Layout(true, true, false)));
        assertEquals("too few\nexamples", texts.verdict(row, new ComparisonCellTexts.Layout(true, true, false)));
    }

    /** A row whose values stand over their intervals takes two lines: the verdict wraps narrow, n's count goes under. */
    @Test
    void aRowWithIntervalsKeepsItsNarrowTwoLineCells() {
        SliceResult overall = new SliceResult(ReportFixture.slice("lang", "en"), 4_843, Metric.MACRO_F1, true,
                new MetricEstimate(0.776, new Interval(0.752, 0.800)), new MetricEstimate(0.774, new Interval(0.750,
                0.801)), -0.002, new Interval(-0.034, 0.031), new Interval(-0.03, 0.03), 0.9, 0.9,
                "paired-bootstrap-cells", Verdict.NO_SIGNIFICANT_DIFFERENCE, null, null, null, null, 0.05,
                TargetUnit.NONE, new MetricCounts(null, null, null, null, "rare", 47L));
        ComparisonRow row = new ComparisonRow(overall, false, texts, MIN_SLICE_SIZE);

        assertEquals("no significant\ndifference", texts.verdict(row, LAPTOP));
        assertEquals("4,843\nmin class 47", texts.n(row, LAPTOP));
        assertEquals(2, texts.lines(row, LAPTOP));
        assertEquals("no significant difference", texts.verdict(row, WIDE));
    }

    /** A percentile fallback's sign stands beside its value: the row keeps two lines on a laptop, one when wide. */
    @Test
    void aRowWithAPercentileFallbackKeepsTwoLines() {
        SliceResult store = new SliceResult(ReportFixture.slice("store", "s07"), 64, Metric.MAE, false,
                new MetricEstimate(8928, new Interval(1082, 24408), "1 of 64 rows holds 55% of production's absolute "
                        + "error, which makes the studentized interval unstable"),
                new MetricEstimate(5886, new Interval(1031, 15109)), -3042.0, new Interval(-8928, 6392), 0.5, 1.0,
                "paired-bootstrap", Verdict.INCONCLUSIVE, null, null);
        ComparisonRow row = new ComparisonRow(store, false, texts, MIN_SLICE_SIZE);

        assertEquals("8,928 ‡\n[1,082, 24,408]", texts.production(row, LAPTOP));
        assertEquals(2, texts.lines(row, LAPTOP));
        assertEquals("8,928 ‡ [1,082, 24,408]", texts.production(row, WIDE));
        assertEquals("5,886 [1,031, 15,109]", texts.candidate(row, WIDE));
    }
}
