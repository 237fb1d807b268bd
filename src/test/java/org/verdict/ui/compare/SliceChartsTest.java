package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Area;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.MetricFormat;
import org.verdict.ui.chart.RowAxis;
import org.verdict.ui.compare.SliceChartData.Point;

class SliceChartsTest {
    private final SliceCharts charts = new SliceCharts(ResourceBundle.getBundle("org.verdict.ui.messages", Locale.ROOT));
    private final SliceChartData data = new SliceChartData(Metric.MACRO_F1, List.of(
            new Point("language=ja", 900, Verdict.WORSE, -0.1, -0.14, -0.06, 0.85, 0.83, 0.87, 0.75, 0.72, 0.78),
            new Point("overall", 24000, Verdict.BETTER, 0.021, 0.015, 0.026, 0.832, 0.827, 0.837, 0.853, 0.848,
                    0.858)));

    /**
     * Over several columns every row names its column whole, as the table does ("language=en": a multiclass pack's
     * forest read "en" and "ent", later "lan=en"); only a chart of one column's slices may name its rows by their
     * values, and not where two then read alike.
     */
    @Test
    void everyRowNamesItsColumnUnlessTheChartIsOfOneColumn() {
        List<RowAxis.Row> mixed = SliceCharts.axisLabels(List.of(point("overall"), point("segment=ent"),
                point("language=en"), point("segment=smb × language=en")));
        assertEquals(List.of(List.of("overall"), List.of("segment=ent"), List.of("language=en"),
                List.of("segment=smb × language=en")),
                mixed.stream().map(RowAxis.Row::forms).toList());
        assertEquals(" (n=100)", mixed.get(1).count(), "with its n");

        List<RowAxis.Row> oneColumn = SliceCharts.axisLabels(List.of(point("overall"), point("contract=month"),
                point("contract=one_year")));
        assertEquals(List.of(List.of("overall"), List.of("contract=month", "month"),
                List.of("contract=one_year", "one_year")),
                oneColumn.stream().map(RowAxis.Row::forms).toList());
    }

    /**
     * p13's rmse in USD: 56 stores of $20–$500 orders (production about $140, candidate about $27) and four holding a
     * $250,000+ order (candidate $2k–$3.5k). A linear $0–$4k axis drew the 56 stores' two models on one spot at "$0";
     * each model of an ordinary store stands well apart from the other, and every value is on the axis.
     */
    @Test
    void perModelAxisSetsOrdinaryStoresApartBesideFarLargerOnes() {
        List<Point> points = new java.util.ArrayList<>();
        points.add(new Point("overall", 8_606, Verdict.INCONCLUSIVE, 911, -45, 1_357, 187.7, 150.1, 232.0, 1_099, 501,
                1_600));
        for (int i = 0; i < 4; i++) {
            double candidate = 2_300 + 400 * i;
            points.add(new Point("store=st9" + i, 250, Verdict.INCONCLUSIVE, candidate - 300, -300, 2 * candidate,
                    300, 120, 500, candidate, 23, 1.8 * candidate));
        }
        for (int i = 0; i < 56; i++) {
            double production = 104 + i;
            double candidate = 24 + 0.1 * i;
            points.add(new Point("store=st" + (10 + i), 150, Verdict.BETTER, candidate - production, -production,
                    -10, production, 0.8 * production, 1.4 * production, candidate, 0.8 * candidate,
                    1.4 * candidate));
        }
        SliceChartData data = new SliceChartData(Metric.RMSE, TargetUnit.of("USD"), points, false);
        JFreeChart chart = charts.perModel(data);
        XYPlot plot = chart.getXYPlot();
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(0, 0, 300, 2_000);
        org.jfree.chart.axis.ValueAxis axis = plot.getRangeAxis();
        for (Point p : points) {
            assertTrue(axis.getRange().contains(p.production()) && axis.getRange().contains(p.candidate()),
                    p.label() + " on " + axis.getRange());
        }
        for (Point p : points.subList(5, points.size())) {
            double apart = Math.abs(axis.valueToJava2D(p.production(), area, plot.getRangeAxisEdge())
                    - axis.valueToJava2D(p.candidate(), area, plot.getRangeAxisEdge()));
            assertTrue(apart >= 50, p.label() + ": $" + p.production() + " and $" + p.candidate() + " only " + apart
                    + " px apart on a 300-px " + axis.getRange());
        }
        assertTrue(chart.getTitle().getText().contains("log scale"), chart.getTitle().getText());
        // beside the table at 1366×768 the plot is about 190 px: a label at every power of ten it spans, where
        // LogAxis's own choice of spacing labelled p13's $10–$7k axis at $100 alone
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        try {
            java.awt.geom.Rectangle2D plotArea = new java.awt.geom.Rectangle2D.Double(0, 0, 190, 2_000);
            List<String> labels = new java.util.ArrayList<>();
            for (Object tick : axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), plotArea,
                    org.jfree.chart.ui.RectangleEdge.TOP)) {
                // LogAxis gives its labels as attributed strings (for 10^x), not as the tick's text
                java.text.AttributedString attributed = ((org.jfree.chart.axis.LogTick) tick).getAttributedLabel();
                if (attributed != null) {
                    StringBuilder label = new StringBuilder();
                    java.text.AttributedCharacterIterator characters = attributed.getIterator();
                    for (char c = characters.first(); c != java.text.CharacterIterator.DONE; c = characters.next()) {
                        label.append(c);
                    }
                    labels.add(label.toString());
                }
            }
            assertEquals(List.of("$100", "$1k"), labels, "on " + axis.getRange());
        } finally {
            g2.dispose();
        }
    }

    private static Point point(String label) {
        return new Point(label, 100, Verdict.INCONCLUSIVE, 0, -0.1, 0.1, 0.8, 0.7, 0.9, 0.8, 0.7, 0.9);
    }

    /** Each point's tooltip names its own slice and numbers, whichever series the point was drawn in. */
    @Test
    void forestTooltipsDescribeTheirOwnSlice() {
        XYPlot plot = charts.forestPlot(data).getXYPlot();
        List<String> tooltips = tooltipsOf(plot);
        assertEquals(List.of("language=ja (n=900): Δ −0.100 [−0.140, −0.060], " + Verdict.WORSE.label(),
                "overall (n=" + NumberFormat.getInstance().format(24000) + "): Δ +0.021 [+0.015, +0.026], "
                        + Verdict.BETTER.label()), tooltips);
    }

    @Test
    void perModelTooltipsNameTheModel() {
        JFreeChart chart = charts.perModel(data);
        XYPlot plot = chart.getXYPlot();
        XYDataset dataset = plot.getDataset();
        String candidateOfJa = plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(dataset, 1, 0);
        assertEquals("language=ja (n=900): " + dataset.getSeriesKey(1) + " 0.750 [0.720, 0.780]", candidateOfJa);
    }

    /**
     * The legend lists every kind of mark, as the approval pack's does, and a point without an interval has a shape of
     * its own: an inconclusive slice's hollow circle (with whiskers) is never read as "no interval" or the reverse.
     */
    @Test
    void theLegendTellsAnUndecidedIntervalFromAPointWithoutOne() {
        SliceChartData mixed = new SliceChartData(Metric.MACRO_F1, List.of(
                new Point("overall", 2000, Verdict.BETTER, 0.02, 0.01, 0.03, 0.8, 0.79, 0.81, 0.82, 0.81, 0.83),
                new Point("region=north", 300, Verdict.INCONCLUSIVE, 0.01, -0.05, 0.07, 0.8, 0.75, 0.85, 0.81, 0.76,
                        0.86),
                new Point("region=south", 12, Verdict.TOO_FEW_EXAMPLES, 0.005, 0.005, 0.005, 0.8, 0.6, 0.9, 0.805,
                        0.6, 0.9, "too few examples")));
        XYPlot plot = charts.forestPlot(mixed).getXYPlot();

        LegendItemCollection legend = plot.getLegendItems();
        Map<String, LegendItem> items = new LinkedHashMap<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            items.put(legend.get(i).getLabel(), legend.get(i));
        }
        assertEquals(List.of("worse", "better", "no significant difference", "inconclusive", "no information",
                "no interval (hover for why)"), List.copyOf(items.keySet()));
        LegendItem inconclusive = items.get("inconclusive");
        LegendItem noInterval = items.get("no interval (hover for why)");
        assertEquals(false, inconclusive.isShapeFilled());
        assertEquals(false, noInterval.isShapeFilled());
        assertEquals(false, new Area(inconclusive.getShape())
                .equals(new Area(noInterval.getShape())), "different shapes");
        // and the points are drawn with the shapes their legend shows
        XYDataset withIntervals = plot.getDataset(0);
        int inconclusiveSeries = withIntervals.indexOf("inconclusive");
        assertEquals(1, withIntervals.getItemCount(inconclusiveSeries));
        assertEquals(true, new Area(inconclusive.getShape())
                .equals(new Area(plot.getRenderer(0).getSeriesShape(inconclusiveSeries))));
        assertEquals(1, plot.getDataset(1).getItemCount(0), "south's point alone, without whiskers");
        assertEquals(true, new Area(noInterval.getShape())
                .equals(new Area(plot.getRenderer(1).getSeriesShape(0))));
        assertEquals(List.of(), plot.getAnnotations(), "no words over the plot: they overprinted labels and were cut");
    }

    @Test
    void aRowLabelLeavesOutAColumnNameItsValueAlreadySays() {
        assertEquals("country_07", SliceCharts.rowLabel("country=country_07"));
        assertEquals("plan_pro", SliceCharts.rowLabel("plan=plan_pro"));
        assertEquals("neighborhood=N23", SliceCharts.rowLabel("neighborhood=N23"));
        assertEquals("region=regional", SliceCharts.rowLabel("region=regional"), "a value is not its column's name");
        assertEquals("plan=plan", SliceCharts.rowLabel("plan=plan"));
        assertEquals("Country_07 × language=pt", SliceCharts.rowLabel("country=Country_07 × language=pt"),
                "each part on its own, whatever the case");
        assertEquals("overall", SliceCharts.rowLabel("overall"));
    }

    /**
     * House prices: errors in dollars are scaled to their values and intervals, not from 0 (c_houses' mae of
     * 40k–60k on an axis from 0 to 400k clumped every mark), with short ticks.
     */
    @Test
    void thePerModelAxisOfAnErrorInDollarsIsScaledToItsValues() {
        SliceChartData dollars = new SliceChartData(Metric.MAE, List.of(
                new Point("overall", 1460, Verdict.BETTER, -2049, -3374, -723, 20477, 19467, 21647, 18428, 17530,
                        19335),
                new Point("neighborhood=N23", 36, Verdict.INCONCLUSIVE, 4000, -2000, 9000, 14000, 11000, 19000,
                        18000, 15000, 24000)));
        XYPlot plot = charts.perModel(dollars).getXYPlot();

        assertEquals(true, plot.getRangeAxis().getLowerBound() > 10000, "not from 0: " + plot.getRangeAxis().getRange());
        assertEquals(true, plot.getRangeAxis().getLowerBound() <= 11000 && plot.getRangeAxis().getUpperBound() >= 24000,
                "every interval in view");
        assertEquals("−20k", ((NumberAxis) plot.getRangeAxis()).getNumberFormatOverride()
                .format(-20000), "ticks short enough for several on a narrow axis");
        XYPlot rates = charts.perModel(data).getXYPlot();
        assertEquals(true, rates.getRangeAxis().getLowerBound() > 0.5, "a rate's axis zooms in on its intervals");
    }

    /**
     * p7's held-out regions in Compare: region=r04, Δ −$1,103 [−$28,013†, +$35,792], runs past both edges of an axis
     * a few thousand dollars wide. Compare's forest drew two bare arrows where the Evidence forests and the approval
     * pack write each end: it writes them alike, with the unit and the † of an end at the bound.
     */
    @Test
    void aWhiskerPastTheEdgeHasItsEndWrittenByItsArrow() {
        List<Point> points = new java.util.ArrayList<>();
        points.add(new Point("overall", 563, Verdict.INCONCLUSIVE, 642, -6_610, 5_428, 6_610, 1_849, 13_623, 7_252,
                1_571, 15_305, null, "inconclusive", 563, true, false));
        for (int i = 0; i < 6; i++) {
            double delta = -800 + 200 * i;
            points.add(new Point("region=r0" + i, 90, Verdict.INCONCLUSIVE, delta, delta - 1_500, delta + 1_500, 2_000,
                    1_000, 3_000, 2_000 + delta, 1_000, 3_000 + delta));
        }
        points.add(new Point("region=r04", 97, Verdict.INCONCLUSIVE, -1_103, -28_013, 35_792, 28_013, 910, 68_313,
                26_911, 716, 74_427, null, "inconclusive", 97, true, false));
        XYPlot plot = charts.forestPlot(new SliceChartData(Metric.MAE, TargetUnit.of("USD"), points, false))
                .getXYPlot();

        List<String> marks = plot.getAnnotations().stream()
                .filter(a -> a instanceof org.jfree.chart.annotations.XYTextAnnotation)
                .map(a -> ((org.jfree.chart.annotations.XYTextAnnotation) a).getText()).toList();
        assertEquals(List.of("◀ −$28,013†", "+$35,792 ▶"), marks);
    }

    /** Tooltips of every item, ordered by the slice position on the chart. */
    private static List<String> tooltipsOf(XYPlot plot) {
        XYDataset dataset = plot.getDataset();
        TreeMap<Double, String> byPosition = new TreeMap<>();
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            for (int item = 0; item < dataset.getItemCount(series); item++) {
                byPosition.put(dataset.getXValue(series, item),
                        plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(dataset, series, item));
            }
        }
        return List.copyOf(byPosition.values());
    }

    /** A model without an interval (withheld under the minimum) is said so in its tooltip, never as "[0.750, 0.750]". */
    @Test
    void aModelWithoutAnIntervalSaysSoWithTheReason() {
        MetricFormat numbers = MetricFormat.of(Metric.ROC_AUC,
                TargetUnit.NONE);
        assertEquals("0.750 (no interval)", SliceCharts.modelText(numbers, 0.75, 0.75, 0.75));
        assertEquals("0.750 [0.069, 0.992]", SliceCharts.modelText(numbers, 0.75, 0.069, 0.992));
    }
}
