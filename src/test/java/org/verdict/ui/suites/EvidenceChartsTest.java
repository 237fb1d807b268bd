package org.verdict.ui.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.evidence.RateEstimate;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.LatencySuite;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.LatencyBuckets;
import org.verdict.core.stats.PairedTests;
import org.verdict.ui.theme.Palette;

/** The evidence charts speak the palette, name role and version, and plot each interval exactly as given. */
class EvidenceChartsTest {
    private static final Color PRODUCTION = Color.decode(Palette.PRODUCTION);
    private static final Color CANDIDATE = Color.decode(Palette.CANDIDATE);

    /** Production violates on 2 of 100 toxic prompts, the candidate on 6 of 100; self-harm 0 and 1 of 50. */
    private static SafetyEvidence safety() {
        return new SafetyEvidence("42", "43", List.of(
                new SafetyEvidence.Category("toxic", 100, Map.of("42", RateEstimate.of(2, 100, 0.95),
                        "43", RateEstimate.of(6, 100, 0.95)), 4, 0, PairedTests.mcnemar(0, 4), 0.25),
                new SafetyEvidence.Category("self-harm", 50, Map.of("42", RateEstimate.of(0, 50, 0.95),
                        "43", RateEstimate.of(1, 50, 0.95)), 1, 0, PairedTests.mcnemar(0, 1), 1)));
    }

    @Test
    void safetyIsOneChartPerCategoryInThePaletteWithWilsonWhiskers() {
        List<JFreeChart> charts = EvidenceCharts.safety(safety(), GatePolicy.DEFAULTS.safety());
        assertEquals(2, charts.size(), "a chart per category");
        JFreeChart toxic = charts.get(0);
        assertTrue(toxic.getTitle().getText().startsWith("toxic"), toxic.getTitle().getText());
        XYPlot plot = toxic.getXYPlot();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals("production 42", data.getSeriesKey(0));
        assertEquals("candidate 43", data.getSeriesKey(1));
        assertEquals(PRODUCTION, plot.getRenderer().getSeriesPaint(0));
        assertEquals(CANDIDATE, plot.getRenderer().getSeriesPaint(1));
        // 6 of 100 by hand: z = 1.959964, z²/n = 0.0384146; centre = (0.06 + 0.0192073) / 1.0384146 = 0.0762771,
        // half = 1.959964 / 1.0384146 · sqrt(0.06·0.94/100 + 0.0384146/400) = 1.887458 · 0.0256912 = 0.0484910:
        // Wilson [2.78%, 12.48%], plotted in percent
        assertEquals(6.0, data.getYValue(1, 0), 1e-9);
        assertEquals(2.779, data.getStartYValue(1, 0), 1e-3);
        assertEquals(12.477, data.getEndYValue(1, 0), 1e-3);
        // production left of the category, the candidate right, so the whiskers never overlap
        assertTrue(data.getXValue(0, 0) < 0 && data.getXValue(1, 0) > 0);
        // the categories share one scale, and the accepted rate is a labelled line
        assertEquals(plot.getRangeAxis().getUpperBound(), charts.get(1).getXYPlot().getRangeAxis().getUpperBound());
        assertTrue(labels(plot).stream().anyMatch(l -> l.startsWith("accepted ")), labels(plot).toString());
    }

    @Test
    void everyGroupKeepsItsLabelOnALaptopSizedChartTurnedUprightWhenCrowded() {
        List<FairnessEvidence.Group> groups = new java.util.ArrayList<>();
        for (String name : List.of("north-america", "latin-america", "western-europe", "eastern-europe",
                "middle-east", "sub-saharan-africa", "south-asia", "east-asia")) {
            groups.add(new FairnessEvidence.Group(name, 1200, 300,
                    new FairnessEvidence.Rates(0.25, new Interval(0.23, 0.27), 0.8, 0.1),
                    new FairnessEvidence.Rates(0.26, new Interval(0.24, 0.28), 0.8, 0.1)));
        }
        FairnessEvidence.Attribute region = new FairnessEvidence.Attribute("region", groups, List.of(), Map.of());
        JFreeChart chart = EvidenceCharts.selectionRates(region, "42", "43");
        org.jfree.chart.axis.SymbolAxis axis = (org.jfree.chart.axis.SymbolAxis) chart.getXYPlot().getDomainAxis();

        // half of a 1366-pixel window, as in the Evidence page's two charts a row
        java.awt.geom.Rectangle2D dataArea = drawnDataArea(chart, 560, 300);
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        org.jfree.chart.axis.SymbolAxis plain = new org.jfree.chart.axis.SymbolAxis("region", axis.getSymbols());
        plain.setRange(axis.getRange());
        assertTrue(labels(plain.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), dataArea,
                org.jfree.chart.ui.RectangleEdge.BOTTOM)).contains(""), "JFreeChart's own axis drops labels here");
        assertTrue(axis.isVerticalTickLabels(), "crowded labels stand upright");
        List<String> shown = labels(axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), dataArea,
                org.jfree.chart.ui.RectangleEdge.BOTTOM));
        assertEquals(groups.stream().map(g -> g.name() + " (n 1200)").toList(), shown);

        // the page gives the chart the height its upright labels take, so the plot keeps its own
        assertTrue(UprightWhenCrowdedAxis.extraHeightForLabels(chart, 560) > 100, "room for 'sub-saharan-africa (n 1200)'");

        drawnDataArea(chart, 2400, 300);
        assertTrue(!axis.isVerticalTickLabels(), "side by side again when there is room");
        assertEquals(0, UprightWhenCrowdedAxis.extraHeightForLabels(chart, 2400));
    }

    private static java.awt.geom.Rectangle2D drawnDataArea(JFreeChart chart, int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        java.awt.Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height), info);
        g2.dispose();
        return info.getPlotInfo().getDataArea();
    }

    @SuppressWarnings("rawtypes")
    private static List<String> labels(List ticks) {
        return ((List<?>) ticks).stream().map(t -> ((org.jfree.chart.axis.Tick) t).getText()).toList();
    }

    @Test
    void selectionRatesCarryTheirIntervals() {
        FairnessEvidence.Group f = new FairnessEvidence.Group("f", 10, 4,
                new FairnessEvidence.Rates(0.3, new Interval(0.1078, 0.6032), 0.5, 0.2),
                new FairnessEvidence.Rates(0.1, new Interval(0.0179, 0.4042), 0.25, 0.0));
        FairnessEvidence.Attribute gender = new FairnessEvidence.Attribute("gender", List.of(f), List.of(), Map.of());
        XYPlot plot = EvidenceCharts.selectionRates(gender, "42", "43").getXYPlot();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals(30.0, data.getYValue(0, 0), 1e-9);
        assertEquals(10.78, data.getStartYValue(0, 0), 1e-9);
        assertEquals(60.32, data.getEndYValue(0, 0), 1e-9);
        assertEquals(40.42, data.getEndYValue(1, 0), 1e-9);
        assertEquals(CANDIDATE, plot.getRenderer().getSeriesPaint(1));
    }

    @Test
    void latencyPercentilesHaveTheirIntervalsAndTheSloLinesLabelled() {
        LatencyEvidence latency = new LatencyEvidence(Map.of(
                "42", new LatencyEvidence.Summary(500, new LatencyEvidence.Estimate(90, new Interval(88, 93)),
                        new LatencyEvidence.Estimate(180, new Interval(170, 190)),
                        new LatencyEvidence.Estimate(240, new Interval(230, 260))),
                "43", new LatencyEvidence.Summary(500, new LatencyEvidence.Estimate(95, new Interval(92, 99)),
                        new LatencyEvidence.Estimate(200, new Interval(190, 215)),
                        new LatencyEvidence.Estimate(270, new Interval(255, 290)))));
        GatePolicy.Latency slo = new GatePolicy.Latency(250.0, 300.0, 200);
        XYPlot plot = EvidenceCharts.percentiles(latency, "42", "43", slo).getXYPlot();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals("candidate 43", data.getSeriesKey(1));
        assertEquals(270, data.getYValue(1, 2), 1e-9);
        assertEquals(255, data.getStartYValue(1, 2), 1e-9);
        assertEquals(290, data.getEndYValue(1, 2), 1e-9);
        assertEquals(List.of("SLO p95 250.0 ms", "SLO p99 300.0 ms"), labels(plot));
        assertTrue(plot.getRangeAxis().getUpperBound() >= 300, "the SLO lines stay in view");

        JFreeChart histogram = EvidenceCharts.latency(new LatencySuite(Map.of(
                "42", new double[] {80, 90, 100}, "43", new double[] {85, 95, 105})), "42", "43", slo);
        assertEquals("production 42", histogram.getXYPlot().getDataset().getSeriesKey(0));
        assertEquals(PRODUCTION, histogram.getXYPlot().getRenderer().getSeriesPaint(0));
        assertEquals(CANDIDATE, histogram.getXYPlot().getRenderer().getSeriesPaint(1));
    }

    @Test
    void bucketedLatencyDrawsEveryRequestOnceInEqualWidthBins() {
        GatePolicy.Latency slo = new GatePolicy.Latency(250.0, 300.0, 200);
        // 42: 30 requests around 80–100 ms; 43: 30 around 85–105 ms (buckets of 1/100 decade)
        LatencySuite suite = new LatencySuite(Map.of(), Map.of(
                "42", new LatencyBuckets(new int[] {190, 195, 200}, new long[] {10, 10, 10}),
                "43", new LatencyBuckets(new int[] {192, 198, 202}, new long[] {5, 20, 5})));
        XYDataset data = EvidenceCharts.latency(suite, "42", "43", slo).getXYPlot().getDataset();
        assertEquals("production 42", data.getSeriesKey(0));
        assertEquals("candidate 43", data.getSeriesKey(1));
        for (int series = 0; series < 2; series++) {
            double requests = 0;
            for (int item = 0; item < data.getItemCount(series); item++) {
                requests += data.getYValue(series, item);
                assertTrue(data.getXValue(series, item) > 79 && data.getXValue(series, item) < 109);
            }
            assertEquals(30, requests, 1e-9);
        }
    }

    private static List<String> labels(XYPlot plot) {
        Collection<?> markers = plot.getRangeMarkers(Layer.FOREGROUND);
        return markers == null ? List.of() : markers.stream().map(m -> ((Marker) m).getLabel())
                .sorted().toList();
    }
}
