package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Area;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;

class SliceChartDataTest {

    @Test
    void overallFirstThenEachDimensionFromWorstToBestSliceThenTheSlicesWithoutDelta() {
        SliceChartData data = SliceChartData.of(Metric.MACRO_F1, ReportFixture.macroF1Results());

        // Δ: en −0.040, de +0.070, f +0.001; two slices a dimension, so language (the first reported) comes first;
        // gender=m has too few examples and no numbers: a row with the reason
        assertEquals(List.of("overall", "language=en", "language=de", "gender=f", "gender=m"),
                data.points().stream().map(SliceChartData.Point::label).toList());
        assertEquals(-0.055, data.points().get(1).deltaLow());
        SliceChartData.Point tooFew = data.points().get(4);
        assertEquals("too few examples", tooFew.note());
        assertEquals(true, Double.isNaN(tooFew.delta()));
    }

    /**
     * r1-usd-220stores in small: stores under 30 rows have the largest Δ of mae but no interval. They once headed the
     * chart and buried the tested stores and the regions; now the tested slices come first, the regions (fewer
     * slices) before the stores, then the untested points, then the undefined Δ.
     */
    @Test
    void testedSlicesComeFirstTheSmallerDimensionFirstAndTheUntestedAfterThem() {
        Metric m = Metric.MAE;
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 30000, m, 656.8, 601.2, -77.3, -33.9, 0.001, 0.001,
                        Verdict.BETTER),
                untested(ReportFixture.slice("store", "st064"), 14, m, 900.0),
                ReportFixture.result(ReportFixture.slice("store", "st002"), 92, m, 681.0, 816.0, -681.0, 1142.0,
                        0.5, 1.0, Verdict.INCONCLUSIVE),
                untested(ReportFixture.slice("store", "st133"), 20, m, -300.0),
                ReportFixture.result(ReportFixture.slice("store", "st008"), 884, m, 692.3, 557.9, -337.8, 69.0,
                        0.2, 1.0, Verdict.INCONCLUSIVE),
                ReportFixture.unavailable(ReportFixture.slice("store", "st099"), 3, m, "no row with a label"),
                ReportFixture.result(ReportFixture.slice("region", "west"), 7549, m, 600.0, 566.0, -115.5, 47.5,
                        0.3, 1.0, Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("region", "north"), 7521, m, 600.0, 527.1, -160.7, 14.9,
                        0.1, 1.0, Verdict.INCONCLUSIVE));

        SliceChartData data = SliceChartData.of(m, results);

        // mae: a positive Δ is worse. Tested: west −34.0, north −72.9; st002 +135, st008 −134.4. Untested: st064
        // +900, st133 −300.
        assertEquals(List.of("overall", "region=west", "region=north", "store=st002", "store=st008",
                        "store=st064", "store=st133", "store=st099"),
                data.points().stream().map(SliceChartData.Point::label).toList());
    }

    private static SliceResult untested(SliceKey slice, int n, Metric m, double delta) {
        return new SliceResult(slice, n, m, false, new MetricEstimate(500.0, null),
                new MetricEstimate(500.0 + delta, null), delta, null, null, null, null,
                Verdict.TOO_FEW_EXAMPLES, null, null);
    }

    /**
     * A 29-row store without a positive example: too few examples to test, and pr_auc undefined. The chart's row
     * says what the table's Verdict cell beside it says (it said "unavailable" beside "too few examples").
     */
    @Test
    void aRowWithoutAPointSaysTheTablesVerdict() {
        Metric m = Metric.PR_AUC;
        SliceResult tooFew = new SliceResult(
                ReportFixture.slice("store", "st14"), 29, m, false, null, null, null, null, null, null, null,
                Verdict.TOO_FEW_EXAMPLES, null, null);
        SliceResult undefined = ReportFixture.unavailable(ReportFixture.slice("store", "st10"),
                50, m, "no positive example");
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 2291, m, 0.114, 0.117, -0.044, 0.050, 0.9, 0.9,
                        Verdict.NO_SIGNIFICANT_DIFFERENCE), tooFew, undefined);

        XYPlot plot = new SliceCharts(ResourceBundle.getBundle(
                "org.verdict.ui.messages")).forestPlot(SliceChartData.of(m, results)).getXYPlot();
        List<String> rowWords = plot.getAnnotations().stream()
                .map(a -> ((XYTextAnnotation) a).getText().strip()).toList();

        assertEquals(List.of(new ComparisonRow(tooFew).verdictText(), new ComparisonRow(undefined).verdictText()),
                rowWords);
        assertEquals(List.of("too few examples", "unavailable"), rowWords);
    }

    /**
     * fraud-rare's store st01: Δ pr_auc −0.204 [−1.000, +1.000] at its Holm level spans every pr_auc the candidate
     * could have. The table's Verdict cell says "no information"; the chart drew the mark its legend calls
     * "inconclusive". Now the point is in a series of the table's word, whose legend entry and shape are its own.
     */
    @Test
    void aPointWhoseIntervalSaysNothingIsNamedAsTheTableNamesIt() {
        Metric m = Metric.PR_AUC;
        SliceResult spanning = new SliceResult(
                ReportFixture.slice("store", "st01"), 43, m, false,
                new MetricEstimate(0.258, null),
                new MetricEstimate(0.054, null), -0.204,
                new Interval(-1, 1), new Interval(-0.5, 0.1), 0.4, 1.0,
                "paired-bootstrap", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 23,
                        ShownInterval.HOLM, 23), null, null, null);
        List<SliceResult> results = List.of(ReportFixture.result(SliceKey.OVERALL, 2291, m,
                0.114, 0.117, -0.044, 0.050, 0.9, 0.9, Verdict.NO_SIGNIFICANT_DIFFERENCE), spanning);

        XYPlot plot = new SliceCharts(ResourceBundle.getBundle(
                "org.verdict.ui.messages")).forestPlot(SliceChartData.of(m, results)).getXYPlot();
        XYDataset withIntervals = plot.getDataset(0);
        String tableWord = new ComparisonRow(spanning).verdictText();
        int series = withIntervals.indexOf(tableWord);

        assertEquals("no information", tableWord);
        assertEquals(1, withIntervals.getItemCount(series), "st01 is drawn in the table's word");
        assertEquals(0, withIntervals.getItemCount(withIntervals.indexOf("inconclusive")));
        String tooltip = plot.getRenderer(0).getToolTipGenerator(series, 0).generateToolTip(withIntervals, series, 0);
        assertEquals(true, tooltip.endsWith(", " + tableWord), tooltip);
        Set<String> legend = new HashSet<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        assertEquals(true, legend.contains(tableWord), "the legend names the mark");
        assertEquals(false, new Area(plot.getRenderer(0).getSeriesShape(series)).equals(
                new Area(plot.getRenderer(0).getSeriesShape(withIntervals.indexOf("inconclusive")))));
    }

    @Test
    void aSliceWithoutTheIntervalItsVerdictReadsIsDrawnAsItsPointWithTheReasonOnTheAxis() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 4000, m, 0.80, 0.82, 0.010, 0.030, 0.001, 0.001,
                        Verdict.BETTER),
                // a class with 3 examples: the bootstrap cannot measure Δ, so there is no interval
                new SliceResult(ReportFixture.slice("region", "north"), 80, m, true,
                        new MetricEstimate(0.7, null),
                        new MetricEstimate(0.2, null), -0.5, null, null, null, null,
                        "paired-bootstrap", Verdict.INCONCLUSIVE, null, null, "class E has 3 examples here", null),
                ReportFixture.unavailable(ReportFixture.slice("region", "south"), 4, m, "no positive example"));

        SliceChartData data = SliceChartData.of(m, results);

        assertEquals(List.of("overall", "region=north", "region=south"),
                data.points().stream().map(SliceChartData.Point::label).toList());
        SliceChartData.Point unstable = data.points().get(1);
        assertEquals("unstable: class E has 3 examples here", unstable.note());
        assertEquals(-0.5, unstable.deltaLow(), "no whiskers: the bounds are the point");
        assertEquals("unavailable: no positive example", data.points().get(2).note());
        // the unstable slice (80 rows, Δ −0.5) is large enough to test: its point is on the axis, its missing
        // interval sets nothing; from −0.5 to the overall interval's +0.030, 5% of that width either side
        assertEquals(-0.5 - 0.0265, data.deltaRange().lower(), 1e-9);
        assertEquals(0.030 + 0.0265, data.deltaRange().upper(), 1e-9);

        XYPlot plot = new SliceCharts(ResourceBundle.getBundle(
                "org.verdict.ui.messages")).forestPlot(data).getXYPlot();
        List<String> notes = plot.getAnnotations().stream()
                .map(a -> ((XYTextAnnotation) a).getText().strip()).toList();
        // no arrow: the unstable slice's diamond is drawn where it is (its tooltip and the table say why); the
        // undefined Δ has no point, so its row says "unavailable"
        assertEquals(List.of("unavailable"), notes);
    }

    @Test
    void forALowerIsBetterMetricThePositiveDeltaIsTheWorstSlice() {
        List<SliceResult> errors = List.of(
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

    /**
     * A 7-row slice with Δ −0.45 [−0.70, −0.20] among slices whose intervals lie within ±0.1: scaled to it, the axis
     * would squeeze every slice a board can judge into a few pixels around zero.
     */
    private static List<SliceResult> withATinySlice() {
        Metric m = Metric.MACRO_F1;
        return List.of(
                ReportFixture.result(SliceKey.OVERALL, 4000, m, 0.80, 0.82, 0.010, 0.030, 0.001, 0.001,
                        Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("language", "en"), 2000, m, 0.81, 0.77, -0.055, -0.025,
                        0.001, 0.002, Verdict.WORSE),
                ReportFixture.result(ReportFixture.slice("language", "de"), 1980, m, 0.79, 0.86, 0.050, 0.090,
                        0.001, 0.002, Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("language", "is"), 7, m, 0.90, 0.45, -0.70, -0.20,
                        0.03, 0.03, Verdict.TOO_FEW_EXAMPLES));
    }

    @Test
    void aSliceWithTooFewExamplesNeverSetsTheDeltaAxis() {
        AxisRange range = SliceChartData.of(Metric.MACRO_F1, withATinySlice()).deltaRange();

        // tested: −0.055 … +0.090, and 0; 5% of the width (0.145) either side
        assertEquals(-0.055 - 0.00725, range.lower(), 1e-9);
        assertEquals(0.090 + 0.00725, range.upper(), 1e-9);
        assertEquals(false, range.contains(-0.70), "the tiny slice's interval is clipped");
    }

    @Test
    void theAxisAlwaysShowsZeroAndFallsBackToEverySliceWhenNoneIsTested() {
        List<SliceResult> allTiny = List.of(ReportFixture.result(
                ReportFixture.slice("language", "is"), 7, Metric.MACRO_F1, 0.5, 0.6, 0.05, 0.15, 0.2, 0.2,
                Verdict.TOO_FEW_EXAMPLES));
        AxisRange range = SliceChartData.of(Metric.MACRO_F1, allTiny).deltaRange();

        assertEquals(0 - 0.0075, range.lower(), 1e-9);
        assertEquals(0.15 + 0.0075, range.upper(), 1e-9);
    }

    @Test
    void aTestedSlicesEstimatePastTheEdgeIsWrittenByItsArrow() {
        // twenty slices with intervals 0.04 wide, and one (n = 61) with Δ +0.45 [−0.30, +1.20], 37× as wide
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 4000, m, 0.80, 0.81, -0.01, 0.03, 0.3, 0.3,
                Verdict.INCONCLUSIVE));
        for (int i = 0; i < 20; i++) {
            double delta = -0.01 + 0.001 * i;
            results.add(ReportFixture.result(ReportFixture.slice("store", "s" + i), 500, m, 0.8, 0.8 + delta,
                    delta - 0.02, delta + 0.02, 0.5, 1.0, Verdict.INCONCLUSIVE));
        }
        results.add(ReportFixture.result(ReportFixture.slice("store", "wide"), 61, m, 0.3, 0.75, -0.30, 1.20,
                0.5, 1.0, Verdict.INCONCLUSIVE));
        SliceChartData data = SliceChartData.of(m, results);
        XYPlot plot = (XYPlot) new SliceCharts(
                ResourceBundle.getBundle("org.verdict.ui.messages")).forestPlot(data).getPlot();

        assertFalse(data.deltaRange().contains(0.45), "its point sets no scale: " + data.deltaRange());
        List<String> marks = plot.getAnnotations().stream().map(a -> ((XYTextAnnotation) a).getText()).toList();
        // its lower end, −0.300, is −production's 0.300: the candidate's macro_f1 cannot be below 0, so it is marked †
        assertEquals(List.of(AxisRange.PAST_LOWER + " −0.300†", "Δ +0.450 " + AxisRange.PAST_UPPER), marks,
                "both ends past the edges: its Δ written by the arrow on its side, its lower end by the other");
    }

    @Test
    void theForestPlotUsesThatRangeAndMarksTheClippedIntervalWithAnArrow() {
        SliceChartData data = SliceChartData.of(Metric.MACRO_F1, withATinySlice());
        XYPlot plot = (XYPlot) new SliceCharts(
                ResourceBundle.getBundle("org.verdict.ui.messages")).forestPlot(data).getPlot();

        assertEquals(data.deltaRange().lower(), plot.getRangeAxis().getLowerBound(), 1e-9);
        assertEquals(data.deltaRange().upper(), plot.getRangeAxis().getUpperBound(), 1e-9);
        List<String> arrows = plot.getAnnotations().stream()
                .map(a -> ((XYTextAnnotation) a).getText()).toList();
        assertEquals(List.of(AxisRange.PAST_LOWER + " Δ −0.450"), arrows,
                "one arrow, at the low edge, for the tiny slice, writing its Δ past the edge");
    }

    /**
     * h_tiny's roc_auc: site=s40 is tested with Δ +0.139 [−0.032, +0.309]; the axis ended near +0.03 and showed only
     * its whisker and ▶. An uninformative interval (site=s50) may run past the edge, never its Δ.
     */
    private static List<SliceResult> tiny() {
        Metric m = Metric.ROC_AUC;
        return List.of(
                ReportFixture.result(SliceKey.OVERALL, 3487, m, 0.912, 0.925, -0.001, 0.027, 0.06, 0.06,
                        Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("site", "big"), 3000, m, 0.909, 0.925, -0.003, 0.034, 0.04,
                        0.118, Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("site", "s40"), 40, m, 0.856, 0.995, -0.032, 0.309, 0.04,
                        0.118, Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("site", "s400"), 400, m, 0.940, 0.922, -0.068, 0.031, 0.37,
                        0.371, Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("site", "s50"), 50, m, 0.5, 0.9, -0.6, 1.0, 0.5, 1.0,
                        Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("site", "s12"), 12, m, 0.667, 1.0, 0.0, 0.6, 0.5, 0.5,
                        Verdict.TOO_FEW_EXAMPLES));
    }

    @Test
    void theDeltaAxisHoldsEveryTestedSlicesEstimate() {
        SliceChartData data = SliceChartData.of(Metric.ROC_AUC, tiny());
        AxisRange range = data.deltaRange();

        List<SliceChartData.Point> tested = data.points().stream()
                .filter(p -> p.verdict() != Verdict.TOO_FEW_EXAMPLES).toList();
        assertEquals(5, tested.size());
        for (SliceChartData.Point p : tested) {
            assertTrue(range.contains(p.delta()), p.label() + " Δ " + p.delta() + " on " + range);
        }
        assertTrue(range.contains(0.309), "site=s40's interval is whole: 5× the median width is not uninformative");
        assertFalse(range.contains(1.0), "site=s50's interval (16× the median) runs past the edge: " + range);

        XYPlot plot = new SliceCharts(ResourceBundle.getBundle(
                "org.verdict.ui.messages")).forestPlot(data).getXYPlot();
        int s50 = data.points().stream().map(SliceChartData.Point::label).toList().indexOf("site=s50");
        assertTrue(plot.getAnnotations().stream().map(XYTextAnnotation.class::cast)
                .anyMatch(a -> a.getText().equals("+1.000 " + AxisRange.PAST_UPPER) && a.getX() == s50),
                "the clipped end is marked with the arrow, which writes it");
    }

    @Test
    void thePerModelAxisIsScaledToTheTestedValuesNotFromZero() {
        Metric m = Metric.MAE;
        List<SliceResult> prices = List.of(
                ReportFixture.result(SliceKey.OVERALL, 5000, m, 54_078, 59_275, -3_267, 13_679, 0.2, 0.2,
                        Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("neighbourhood", "hood_00"), 369, m, 61_899, 45_293,
                        -24_838, -5_242, 0.001, 0.001, Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("neighbourhood", "hood_01"), 100, m, 50_053, 44_504,
                        -18_876, 10_451, 0.5, 1.0, Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("neighbourhood", "hood_09"), 5, m, 74_608, 20_498, -90_000,
                        -10_000, 0.5, 0.5, Verdict.TOO_FEW_EXAMPLES));

        SliceChartData data = SliceChartData.of(m, prices);
        AxisRange range = data.valueRange();

        assertTrue(range.lower() > 40_000, "not from 0: " + range);
        for (SliceChartData.Point p : data.points().subList(0, 3)) {
            assertTrue(range.contains(p.production()) && range.contains(p.candidate()), p.label() + " on " + range);
        }
        assertFalse(range.contains(20_498), "a slice with too few examples never sets the scale");
    }

    /**
     * b_rareclass's unstable and too-few slices were drawn with the same filled ● and ■ as the measured ones: now
     * hollow, named in the legend, and their tooltips say why.
     */
    @Test
    void thePerModelChartDrawsUnmeasuredSlicesHollowAndSaysWhy() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 6000, m, 0.754, 0.739, -0.034, 0.004, 0.1, 0.1,
                        Verdict.INCONCLUSIVE),
                new SliceResult(ReportFixture.slice("region", "r10"), 32, m, true,
                        new MetricEstimate(0.895, null),
                        new MetricEstimate(0.726, null), -0.169, null, null, null, null,
                        "paired-bootstrap", Verdict.INCONCLUSIVE, null, null, "class E has 3 examples here", null));
        ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");

        XYPlot plot = new SliceCharts(text).perModel(SliceChartData.of(m, results)).getXYPlot();
        XYDataset dataset = plot.getDataset();
        XYLineAndShapeRenderer renderer =
                (XYLineAndShapeRenderer) plot.getRenderer();

        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            for (int item = 0; item < dataset.getItemCount(series); item++) {
                boolean unstable = Math.round(dataset.getXValue(series, item)) == 1;
                assertEquals(!unstable, renderer.getSeriesShapesFilled(series).booleanValue(),
                        "series " + series + " item " + item + ": filled only where measured");
                String tooltip = renderer.getToolTipGenerator(series, item).generateToolTip(dataset, series, item);
                assertEquals(unstable, tooltip.contains("unstable: class E has 3 examples here"), tooltip);
            }
        }
        assertEquals(4, IntStream.range(0, dataset.getSeriesCount())
                .map(dataset::getItemCount).sum(), "both models' marks in both slices");
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        assertEquals(List.of(text.getString("model.production"), text.getString("model.candidate"),
                text.getString("chart.notMeasured")), legend);
    }

    /**
     * n1's stores in small: two 40-row stores whose Holm intervals of Δ pr_auc span every value the candidate could
     * have (production 0.582: [−0.582, +0.418]; 0.709: [−0.709, +0.291]) beside 600-row stores with intervals about
     * 0.25 wide. The approval pack's forest set them aside; the app's stretched its Δ axis from −0.8 to them, so the
     * informative intervals took a third of the plot.
     */
    private static List<SliceResult> withIntervalsThatSayNothing() {
        Metric m = Metric.PR_AUC;
        ShownInterval holm = new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 7, ShownInterval.HOLM, 7);
        List<SliceResult> results = new ArrayList<>(List.of(
                ReportFixture.result(SliceKey.OVERALL, 3200, m, 0.674, 0.773, 0.052, 0.145, 0.001, 0.001,
                        Verdict.BETTER),
                spanning("st05", 0.582, 0.517, holm), spanning("st09", 0.709, 0.503, holm)));
        // each store's values with their intervals and Δ's, from `verdict compare` on n1
        double[][] stores = {{0.772, 0.686, 0.829, 0.737, 0.639, 0.802, -0.165, 0.095},
                {0.673, 0.580, 0.741, 0.840, 0.776, 0.888, 0.049, 0.286},
                {0.633, 0.531, 0.714, 0.848, 0.779, 0.895, 0.069, 0.360},
                {0.730, 0.658, 0.794, 0.815, 0.733, 0.866, -0.025, 0.197}};
        for (int i = 0; i < stores.length; i++) {
            double[] s = stores[i];
            results.add(new SliceResult(ReportFixture.slice("store", "st2" + i), 600, m, false,
                    new MetricEstimate(s[0], new Interval(s[1], s[2])),
                    new MetricEstimate(s[3], new Interval(s[4], s[5])), s[3] - s[0], new Interval(s[6], s[7]),
                    new Interval(s[6], s[7]), 0.2, 0.5, "paired-bootstrap", s[6] > 0 ? Verdict.BETTER : Verdict.INCONCLUSIVE, holm, null,
                    null, null));
        }
        return results;
    }

    private static SliceResult spanning(String store, double production, double candidate, ShownInterval holm) {
        return new SliceResult(ReportFixture.slice("store", store), 40, Metric.PR_AUC, false,
                new MetricEstimate(production, new Interval(0.111, 1.0)),
                new MetricEstimate(candidate, new Interval(0.092, 1.0)), candidate - production,
                new Interval(-production, 1 - production), new Interval(-0.4, 0.3), 0.9, 1.0, "paired-bootstrap",
                Verdict.INCONCLUSIVE, holm, null, null, null);
    }

    @Test
    void anIntervalThatSaysNothingSetsNoScaleItsPointIsOnTheAxisAndItsWhiskerEndsInAnArrow() {
        SliceChartData data = SliceChartData.of(Metric.PR_AUC, withIntervalsThatSayNothing());
        List<SliceChartData.Point> spanning = data.points().stream().filter(SliceChartData.Point::noInformation)
                .toList();
        assertEquals(2, spanning.size(), "both stores read 'no information', as the table's Verdict cell");

        AxisRange range = data.deltaRange();

        for (SliceChartData.Point p : data.points()) {
            assertTrue(range.contains(p.delta()), p.label() + " Δ " + p.delta() + " on " + range);
            if (!p.noInformation()) {
                assertTrue(range.contains(p.deltaLow()) && range.contains(p.deltaHigh()), p.label() + " on " + range);
            }
        }
        assertTrue(range.lower() > -0.5, "the intervals spanning every pr_auc run past the edge: " + range);
        assertTrue(range.upper() < 0.418, range.toString());

        XYPlot plot = new SliceCharts(ResourceBundle.getBundle(
                "org.verdict.ui.messages")).forestPlot(data).getXYPlot();
        assertEquals(range.lower(), plot.getRangeAxis().getLowerBound(), 1e-12);
        List<String> labels = data.points().stream().map(SliceChartData.Point::label).toList();
        for (SliceChartData.Point p : spanning) {
            int row = labels.indexOf(p.label());
            assertTrue(plot.getAnnotations().stream().map(XYTextAnnotation.class::cast)
                    .anyMatch(a -> a.getText().startsWith(AxisRange.PAST_LOWER + " −") && a.getX() == row),
                    p.label() + "'s whisker ends in an arrow at the left edge, which writes its end");
        }
    }

    @Test
    void thePerModelAxisHoldsTheValuesOfASliceWhoseDeltaSaysNothingButNotItsIntervals() {
        SliceChartData data = SliceChartData.of(Metric.PR_AUC, withIntervalsThatSayNothing());

        AxisRange range = data.valueRange();

        for (SliceChartData.Point p : data.points()) {
            assertTrue(range.contains(p.production()) && range.contains(p.candidate()), p.label() + " on " + range);
        }
        assertTrue(range.lower() > 0.45, "the 40-row stores' intervals from 0.1 do not set the scale: " + range);
    }

    @Test
    void theAppsForestAndTheApprovalPacksScaleTheSameSlicesAlike() {
        List<SliceResult> results = withIntervalsThatSayNothing();
        org.verdict.core.compare.ComparisonReport report = new org.verdict.core.compare.ComparisonReport("n1", "a",
                "b", Metric.PR_AUC, org.verdict.core.compare.ComparisonOptions.DEFAULTS, results, 6,
                java.util.Map.of(Metric.PR_AUC, 6));
        org.verdict.core.evidence.EvidenceChart.DeltaForest forest =
                (org.verdict.core.evidence.EvidenceChart.DeltaForest) org.verdict.core.evidence.ComparisonEvidence
                        .forestsByDimension(report).get(0);
        XYPlot pack = new org.verdict.core.report.EvidenceCharts().build(forest).getXYPlot();

        AxisRange app = SliceChartData.of(Metric.PR_AUC, results).deltaRange();

        assertEquals(pack.getDomainAxis().getLowerBound(), app.lower(), 1e-12);
        assertEquals(pack.getDomainAxis().getUpperBound(), app.upper(), 1e-12);
    }

    /**
     * p5-tiny-slices: the overall slice tested and every team under the minimum (4–10 rows), with their Wilson
     * intervals and their untested Δ; the overall interval sets both axes.
     */
    private static List<SliceResult> tinyTeams() {
        Metric m = Metric.ACCURACY;
        List<SliceResult> results = new ArrayList<>(List.of(new SliceResult(SliceKey.OVERALL, 177, m, true,
                new MetricEstimate(0.791, new Interval(0.725, 0.844)),
                new MetricEstimate(0.825, new Interval(0.762, 0.874)), 0.034, new Interval(-0.045, 0.113),
                new Interval(-0.045, 0.113), 0.396, 0.396, "score", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1), null, null, null)));
        // team, n, production and candidate with their modified Wilson intervals
        Object[][] teams = {{"team22", 6, 1.0, 0.610, 1.0, 0.667, 0.300, 0.941},
                {"team4", 4, 0.5, 0.089, 0.911, 1.0, 0.510, 1.0}, {"team0", 8, 0.75, 0.409, 0.956, 0.75, 0.409, 0.956},
                {"team6", 10, 1.0, 0.722, 1.0, 0.9, 0.596, 0.995}, {"team3", 5, 0.6, 0.231, 0.929, 0.8, 0.376, 0.990}};
        for (Object[] t : teams) {
            double production = (double) t[2];
            double candidate = (double) t[5];
            results.add(new SliceResult(ReportFixture.slice("team", (String) t[0]), (int) t[1], m, true,
                    new MetricEstimate(production, new Interval((double) t[3], (double) t[4])),
                    new MetricEstimate(candidate, new Interval((double) t[6], (double) t[7])),
                    candidate - production, null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null, null, null,
                    null));
        }
        return results;
    }

    /**
     * The Δ of a slice under the minimum sets no scale; past the edge its diamond is not drawn, so its arrow writes
     * it and, hovered, gives the diamond's tooltip: team22 (Δ −0.333) and team4 (+0.500) were bare arrows without a
     * tooltip beside the overall interval [−0.045, +0.113].
     */
    @Test
    void anUntestedPointPastTheForestsEdgeIsWrittenByItsArrowAndHoveredSaysWhy() {
        SliceChartData data = SliceChartData.of(Metric.ACCURACY, tinyTeams());
        XYPlot plot = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages")).forestPlot(data)
                .getXYPlot();
        List<String> labels = data.points().stream().map(SliceChartData.Point::label).toList();

        List<XYTextAnnotation> marks = plot.getAnnotations().stream().map(XYTextAnnotation.class::cast).toList();
        XYTextAnnotation team22 = marks.stream().filter(a -> a.getX() == labels.indexOf("team=team22"))
                .findFirst().orElseThrow();
        assertEquals(AxisRange.PAST_LOWER + " Δ −0.333", team22.getText());
        assertEquals("team=team22 (n=6): Δ −0.333, too few examples", team22.getToolTipText());
        XYTextAnnotation team4 = marks.stream().filter(a -> a.getX() == labels.indexOf("team=team4"))
                .findFirst().orElseThrow();
        assertEquals("Δ +0.500 " + AxisRange.PAST_UPPER, team4.getText());
        assertEquals(List.of(), marks.stream().filter(a -> a.getX() == labels.indexOf("team=team0")).toList(),
                "team0's Δ 0.000 is on the axis, drawn as its diamond");
        for (XYTextAnnotation mark : marks) {
            assertTrue(mark.getToolTipText() != null && mark.getToolTipText().startsWith(labels.get(
                    (int) mark.getX())), "every arrow gives its row's tooltip: " + mark.getText());
        }
    }

    /**
     * Where most rows' intervals would run past the per-model axis, a rate's whole range is drawn: every value and
     * whisker whole (production 1.000 and candidate 0.667 of team22 were not drawn on an axis of 0.72–0.88).
     */
    @Test
    void onManyTinySlicesThePerModelAxisIsTheRatesWholeRange() {
        SliceChartData data = SliceChartData.of(Metric.ACCURACY, tinyTeams());
        AxisRange range = data.valueRange();

        assertTrue(range.lower() <= 0 && range.upper() >= 1, range.toString());
        assertTrue(range.lower() > -0.1 && range.upper() < 1.1, "no further than a margin: " + range);
        XYPlot plot = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages")).perModel(data)
                .getXYPlot();
        assertEquals(List.of(), plot.getAnnotations(), "no whisker cut, no point past an edge");
    }

    /**
     * A few tiny slices beside tested ones: their values join the per-model axis where near it, their intervals never
     * set it, and a value far off (a 5-row neighbourhood's mae of 20,498 among 44k–62k) is written by its arrow.
     */
    @Test
    void aTinySlicesValueIsOnThePerModelAxisWhenNearElseWrittenAtTheEdge() {
        List<SliceResult> results = new ArrayList<>(tinyTeams().subList(0, 1));
        Metric m = Metric.ACCURACY;
        for (int i = 0; i < 12; i++) {
            results.add(ReportFixture.result(ReportFixture.slice("region", "r" + i), 400, m, 0.79, 0.81 + 0.002 * i,
                    -0.03, 0.07, 0.5, 1.0, Verdict.INCONCLUSIVE));
        }
        results.add(new SliceResult(ReportFixture.slice("team", "team9"), 9, m, true,
                new MetricEstimate(0.889, new Interval(0.565, 0.980)), new MetricEstimate(0.778,
                new Interval(0.453, 0.937)), -0.111, null, null, null, null, null, Verdict.TOO_FEW_EXAMPLES, null,
                null, null, null));
        AxisRange near = SliceChartData.of(m, results).valueRange();
        assertTrue(near.contains(0.889) && near.contains(0.778), "team9's values: " + near);
        assertFalse(near.contains(0.565), "its interval sets no scale: " + near);

        Metric mae = Metric.MAE;
        List<SliceResult> prices = List.of(
                ReportFixture.result(SliceKey.OVERALL, 5000, mae, 54_078, 59_275, -3_267, 13_679, 0.2, 0.2,
                        Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("neighbourhood", "hood_00"), 369, mae, 61_899, 45_293,
                        -24_838, -5_242, 0.001, 0.001, Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("neighbourhood", "hood_09"), 5, mae, 74_608, 20_498, -90_000,
                        -10_000, 0.5, 0.5, Verdict.TOO_FEW_EXAMPLES));
        XYPlot plot = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages"))
                .perModel(SliceChartData.of(mae, prices)).getXYPlot();
        List<String> written = plot.getAnnotations().stream().map(a -> ((XYTextAnnotation) a).getText()).toList();
        assertTrue(written.contains(AxisRange.PAST_LOWER + " 20,498") && written.contains("74,608 "
                + AxisRange.PAST_UPPER), written.toString());
    }

    /**
     * p3-regression-usd's mape: region04 has 207 rows, 83 of them with label 0, which mape leaves out; the chart said
     * "region04 (n=207)" beside a value resting on 124 rows, the table "207" / "83 label 0 out".
     */
    @Test
    void aMapeRowSaysTheRowsItsValueRestsOnAndAllOfThem() {
        Metric m = Metric.MAPE;
        SliceResult region04 = new SliceResult(ReportFixture.slice("region", "region04"), 207, m, true,
                new MetricEstimate(0.508, new Interval(0.446, 0.585)), new MetricEstimate(0.710,
                new Interval(0.551, 1.055)), 0.202, new Interval(-0.101, 0.504), new Interval(-0.05, 0.45), 0.1, 0.686,
                "paired-bootstrap", Verdict.INCONCLUSIVE, null, null, null, null, 0.05,
                org.verdict.core.pack.TargetUnit.NONE,
                new org.verdict.core.compare.MetricCounts(null, null, null, null, null, null, 83L));
        SliceChartData data = SliceChartData.of(m, List.of(region04));

        assertEquals(" (n=124 of 207)", SliceCharts.axisLabels(data.points()).get(0).count());
        XYPlot plot = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages")).perModel(data).getXYPlot();
        String tooltip = plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(plot.getDataset(), 0, 0);
        assertTrue(tooltip.startsWith("region=region04 (n=124 of 207): "), tooltip);
        assertEquals(" (n=98)", SliceCharts.axisLabels(SliceChartData.of(m, List.of(ReportFixture.result(
                ReportFixture.slice("region", "region00"), 98, m, 0.52, 0.59, -0.2, 0.3, 0.5, 1.0,
                Verdict.INCONCLUSIVE))).points()).get(0).count(), "n alone where no row is left out");
    }

    /**
     * A 35-row region whose mae of candidate − production, +$1,706, has the interval [−$1,191†, +$5,744] beside
     * intervals about $120 wide: its lower end is −production's mae (the candidate's mae cannot be below $0), which the
     * table marks †. Past the edge, the arrow writes that end as the table does, its † and its unit included.
     */
    @Test
    void anEndAtTheBoundIsWrittenWithItsMarkByTheArrow() {
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 6_935, Metric.MAE, 321.5, 314.0, -21.89, 6.94, 0.3, 0.3,
                Verdict.INCONCLUSIVE));
        for (int i = 0; i < 20; i++) {
            double delta = -50 + 4 * i;
            results.add(ReportFixture.result(ReportFixture.slice("region", "r" + i), 300, Metric.MAE, 320,
                    320 + delta, delta - 60, delta + 60, 0.5, 1.0, Verdict.INCONCLUSIVE));
        }
        results.add(ReportFixture.result(ReportFixture.slice("region", "r05"), 35, Metric.MAE, 1_191, 2_897,
                -1_191, 5_744, 0.5, 1.0, Verdict.INCONCLUSIVE));
        SliceChartData data = SliceChartData.of(Metric.MAE, TargetUnit.of("USD"), results, false);
        XYPlot plot = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages")).forestPlot(data).getXYPlot();

        List<String> marks = plot.getAnnotations().stream().map(a -> ((XYTextAnnotation) a).getText()).toList();
        assertEquals(List.of(AxisRange.PAST_LOWER + " −$1,191†", "Δ +$1,706 " + AxisRange.PAST_UPPER), marks);
    }
}
