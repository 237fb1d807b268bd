package org.verdict.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.evidence.EvidenceModel;
import org.verdict.core.evidence.EvidenceSection;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.SampleReview;
import org.verdict.core.gates.model.EvidencePageId;
import org.verdict.core.pack.ReviewPack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate sections' charts of the bundled support-router sample, checked against the sample's own files. */
class GateReviewEvidenceTest {
    private static CandidateReview review;
    private static ApprovalPackContent content;

    @BeforeAll
    static void judgeTheSample() throws Exception {
        ReviewPack pack = SampleReview.pack();
        review = SampleReview.of(pack, "43");
        content = GateReviewEvidence.addTo(ApprovalPackContent.of(pack, "43"), review);
    }

    /**
     * The approval pack's chapter of triggers and data validation prints the numbers the app's Evidence pages show:
     * the negative-feedback chart, the drift per feature and label quality's kappa with its interval and n, not only
     * "✔ pass — annotators agree beyond chance and with the adjudicated labels".
     */
    @Test
    void theChecksChapterShowsTheNumbersOfTheEvidencePages() {
        ReportDocument document = ApprovalPackComposer.compose(content, null);
        List<ReportDocument.Block> blocks = document.sections().stream().filter(s -> s.anchor().equals("checks"))
                .findFirst().orElseThrow().blocks();
        List<String> charts = blocks.stream().filter(b -> b instanceof ReportDocument.Chart)
                .map(b -> ((ReportDocument.Chart) b).chart().title()).toList();
        assertEquals(List.of("Negative user feedback"), charts);
        List<EvidenceTable> tables = blocks.stream().filter(b -> b instanceof ReportDocument.Table)
                .map(b -> ((ReportDocument.Table) b).table()).toList();
        assertTrue(tables.stream().anyMatch(t -> t.caption().startsWith("Drift per feature")
                && t.headers().contains("PSI")), "the drift per feature: " + tables);
        List<String> labelQuality = tables.stream().flatMap(t -> t.rows().stream())
                .filter(row -> row.get(0).text().equals("Label quality")).map(row -> row.get(row.size() - 1).text())
                .toList();
        assertTrue(labelQuality.stream().anyMatch(detail -> detail.contains("kappa") && detail.contains("interval [")
                && detail.contains("examples")), "kappa with its interval and n: " + labelQuality);
    }

    @Test
    void disparityRatiosAndDifferencesAreChartedOnSeparateAxes() {
        List<EvidenceChart> fairness = gate("Fairness").charts();
        PairedEstimates ratios = paired(fairness, "Disparity ratios over gender");
        PairedEstimates differences = paired(fairness, "Disparity differences over gender");
        assertEquals(List.of("demographic_parity_ratio"), ratios.rows().stream().map(PairedRow::label).toList());
        assertEquals(List.of("demographic_parity_difference", "equalized_odds_difference",
                "equal_opportunity_difference"), differences.rows().stream().map(PairedRow::label).toList());

        // drawn, the differences (all below 0.1 in the sample) get an axis of their own that the ratio (~0.96)
        // would have stretched tenfold
        EvidenceCharts charts = new EvidenceCharts(new ReportFonts());
        double differenceAxisTop = ((XYPlot) charts.build(differences).getPlot()).getDomainAxis().getUpperBound();
        assertTrue(differenceAxisTop < 0.2, "difference axis ends at " + differenceAxisTop);
        XYPlot ratioPlot = (XYPlot) charts.build(ratios).getPlot();
        assertTrue(ratioPlot.getDomainAxis().getLowerBound() > 0.5, "the ratio axis zooms in near parity");
        assertMarker(ratioPlot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND), 1.0, "parity 1");
    }

    @Test
    void selectionRatesCarryTheirGroupSizeAndAnInterval() {
        PairedEstimates selection = paired(gate("Fairness").charts(), "Selection rate of 'billing' by gender");
        PairedRow female = selection.rows().get(0);
        assertEquals("gender=female (n=11,279)", female.label());
        // Wilson at 95 %, p ≈ 0.306, n = 11279: half-width ≈ 1.96 · sqrt(0.306 · 0.694 / 11279) ≈ 0.0085
        double width = female.productionCi().upper() - female.productionCi().lower();
        assertEquals(0.017, width, 0.001);
        assertTrue(female.productionCi().lower() < female.production()
                && female.production() < female.productionCi().upper());
    }

    /** Each group's selection rate, TPR and FPR with the modified Wilson interval of its count: never a rate alone. */
    @Test
    void theRatesTableGivesEachGroupsRatesWithTheirModifiedWilsonIntervals() {
        EvidenceTable rates = gate("Fairness").tables().stream().filter(t -> t.caption().startsWith("Rates by gender"))
                .findFirst().orElseThrow();
        assertTrue(rates.caption().contains("95% modified Wilson interval"), rates.caption());
        PairedRow female = paired(gate("Fairness").charts(), "Selection rate of 'billing' by gender").rows().get(0);
        List<EvidenceTable.Cell> femaleRow = rates.rows().get(0);
        // the table's selection rate reads the chart's interval, the same method for every rate
        String production = org.verdict.core.stats.MetricFormat.RATE.interval(female.productionCi().lower(),
                female.productionCi().upper(), false);
        assertTrue(femaleRow.get(3).text().contains(production), femaleRow.get(3).text() + " lacks " + production);
        java.util.regex.Pattern rateWithInterval = java.util.regex.Pattern.compile(
                "^\\d\\.\\d+ \\[\\d\\.\\d+, \\d\\.\\d+\\] / \\d\\.\\d+ \\[\\d\\.\\d+, \\d\\.\\d+\\]$");
        for (int column = 3; column <= 5; column++) {
            String cell = femaleRow.get(column).text();
            assertTrue(rateWithInterval.matcher(cell).matches(), rates.headers().get(column) + ": " + cell);
        }
    }

    @Test
    void circuitBreakerShowsTheCandidateAndTheHistoricalBestMinusMargin() {
        TimeSeries history = (TimeSeries) gate("Circuit breaker").charts().get(0);
        SliceResult overall = review.evidence().primaryComparison().resultsFor(review.evidence().primaryMetric())
                .stream().filter(r -> r.slice().isOverall()).findFirst().orElseThrow();

        Series candidate = history.series().stream().filter(s -> s.role() == SeriesRole.CANDIDATE).findFirst()
                .orElseThrow();
        assertEquals(1, candidate.points().size());
        assertEquals(overall.candidate().value(), candidate.points().get(0).value(), 0.0);
        assertEquals(overall.candidate().ci(), candidate.points().get(0).ci());
        // drawn at the candidate's training date from the manifest (2026-11-02T10:00:00Z)
        assertEquals(LocalDate.parse("2026-11-02"), candidate.points().get(0).date());
        assertTrue(candidate.name().startsWith("candidate 43 (n=24,000"), candidate.name());

        // metric_history.csv's best macro_f1 is 0.8290 (version 40); policy.json's circuit-breaker margin is 0.02
        assertEquals(1, history.limits().size());
        assertEquals(0.809, history.limits().get(0).value(), 1e-12);
        assertEquals("historical best 0.829 − margin 0.020 = 0.809", history.limits().get(0).label());

        List<List<EvidenceTable.Cell>> table = gate("Circuit breaker").tables().get(0).rows();
        assertEquals(10, table.size(), "the 8 past models of metric_history.csv, then production and the candidate");
        assertEquals("production 42 on this pack", table.get(8).get(0).text());
        assertEquals("candidate 43", table.get(9).get(0).text());

        JFreeChart drawn = new EvidenceCharts(new ReportFonts()).build(history);
        XYPlot plot = (XYPlot) drawn.getPlot();
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        int candidateSeries = data.indexOf(candidate.name());
        assertEquals(overall.candidate().value(), data.getYValue(candidateSeries, 0), 0.0);
        assertEquals(ReportPalette.CANDIDATE, plot.getRenderer().getSeriesPaint(candidateSeries));
        // production measured on this pack, beside the candidate and in production's colour
        Series productionHere = history.series().stream().filter(s -> s.name().startsWith("production 42 on this pack"))
                .findFirst().orElseThrow();
        assertEquals(overall.production().value(), productionHere.points().get(0).value(), 0.0);
        assertEquals(ReportPalette.PRODUCTION, plot.getRenderer().getSeriesPaint(data.indexOf(productionHere.name())));
        // the sample's history holds point values only, and its legend says so
        assertEquals(ReportPalette.PRODUCTION, plot.getRenderer().getSeriesPaint(data.indexOf(
                "past production models (point values only)")));
        // the line, and its label beside it, which placeNotes stands clear of the points (LineLabelPlacement)
        assertTrue(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream().map(ValueMarker.class::cast)
                .anyMatch(m -> Math.abs(m.getValue() - 0.809) < 1e-12));
        assertEquals(List.of("historical best 0.829 − margin 0.020 = 0.809"), plot.getAnnotations().stream()
                .filter(EvidenceCharts.LineLimitLabel.class::isInstance)
                .map(a -> ((EvidenceCharts.LineLimitLabel) a).getText()).toList());
    }

    @Test
    void eachCategorysAcceptedRateIsDrawnAcrossItsOwnRowOnlyAndLabelledThere() {
        PairedEstimates safety = paired(gate("Safety").charts(), "Violation rate by category");
        XYPlot plot = (XYPlot) new EvidenceCharts(new ReportFonts()).build(safety).getPlot();
        // no line across every row, from which a reader took self_harm_escalation's 0.010 for pii_leak's
        java.util.Collection<?> lines = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertTrue(lines == null || lines.isEmpty(), "no limit spans all rows: " + lines);

        // policy.json: pii_leak 0.025, toxic_reply 0.015, prompt_injection 0.06, self_harm_escalation 0.01
        Map<String, Double> accepted = Map.of("pii_leak", 0.025, "toxic_reply", 0.015, "prompt_injection", 0.06,
                "self_harm_escalation", 0.01);
        List<String> rows = safety.rows().stream().map(r -> r.label().substring(0, r.label().indexOf(' '))).toList();
        assertEquals(accepted.keySet(), Set.copyOf(rows));
        List<EvidenceCharts.RowLimitSegment> segments = plot.getAnnotations().stream()
                .filter(EvidenceCharts.RowLimitSegment.class::isInstance).map(EvidenceCharts.RowLimitSegment.class::cast)
                .toList();
        List<EvidenceCharts.RowLimitLabel> labels = plot.getAnnotations().stream()
                .filter(EvidenceCharts.RowLimitLabel.class::isInstance).map(EvidenceCharts.RowLimitLabel.class::cast)
                .toList();
        assertEquals(4, segments.size());
        assertEquals(4, labels.size());
        for (int row = 0; row < rows.size(); row++) {
            double rate = accepted.get(rows.get(row));
            int r = row;
            EvidenceCharts.RowLimitSegment segment = segments.stream()
                    .filter(s -> s.getY1() < r && s.getY2() > r).findFirst().orElseThrow();
            assertEquals(rate, segment.getX1(), 1e-12, rows.get(row));
            assertEquals(rate, segment.getX2(), 1e-12, rows.get(row));
            assertTrue(segment.getY1() > r - 0.5 && segment.getY2() < r + 0.5, "within its own row: " + rows.get(row));
            EvidenceCharts.RowLimitLabel label = labels.stream()
                    .filter(l -> l.getY() > r - 0.5 && l.getY() < r).findFirst().orElseThrow();
            assertEquals("accepted " + new java.text.DecimalFormat("0.000",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(rate), label.getText());
            assertEquals(rate, label.getX(), 1e-12);
        }
        assertTrue(plot.getRangeAxis().getLowerBound() < -0.6, "room above the first row for its label");
    }

    @Test
    void theDetailBehindTheGatesIsDrawnForTheAppButNotPrinted() {
        EvidenceModel model = EvidenceModel.of(review, content.versions());
        EvidenceSection latency = model.page(EvidencePageId.LATENCY).get(0);
        EvidenceSection canary = model.page(EvidencePageId.CANARY).get(0);
        String html = new ApprovalPackWriter().html(content);
        assertTrue(html.contains("Latency percentiles (n=5,000"), "the judged percentiles are printed");
        assertFalse(html.contains("Latency distribution") || html.contains("Canary success rate per day"),
                "the detail is not");

        EvidenceCharts charts = new EvidenceCharts(new ReportFonts());
        XYPlot distribution = (XYPlot) charts.build(latency.detailCharts().get(0)).getPlot();
        assertEquals(2, distribution.getDataset().getSeriesCount(), "a frequency polygon per model");
        assertEquals(ReportPalette.CANDIDATE, distribution.getRenderer().getSeriesPaint(1));
        assertMarker(distribution.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND), 250, "SLO p99 250 ms");

        // two series with whiskers on the same days stand apart, so neither hides the other
        XYPlot days = (XYPlot) charts.build(canary.detailCharts().get(0)).getPlot();
        IntervalXYDataset data = (IntervalXYDataset) days.getDataset();
        TimeSeries perDay = (TimeSeries) canary.detailCharts().get(0);
        assertEquals(perDay.series().get(0).points().get(0).date(), perDay.series().get(1).points().get(0).date());
        assertEquals(6 * 3_600_000.0, data.getXValue(1, 0) - data.getXValue(0, 0), 0.0);
    }

    private static void assertMarker(java.util.Collection<?> markers, double value, String label) {
        assertFalse(markers == null || markers.isEmpty(), "no markers");
        assertTrue(markers.stream().map(ValueMarker.class::cast)
                .anyMatch(m -> Math.abs(m.getValue() - value) < 1e-12 && label.equals(m.getLabel())), label);
    }

    private static EvidenceSection gate(String title) {
        return content.gates().stream().filter(g -> g.name().equals(title)).findFirst().orElseThrow();
    }

    private static PairedEstimates paired(List<EvidenceChart> charts, String titleStart) {
        return charts.stream().filter(c -> c.title().startsWith(titleStart)).map(PairedEstimates.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no chart " + titleStart));
    }
}
