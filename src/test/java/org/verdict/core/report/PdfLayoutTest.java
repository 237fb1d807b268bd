package org.verdict.core.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.core.report.ReportDocument.Paragraph;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;
import org.verdict.core.stats.MetricFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The approval PDF's layout: cells break between words only; a blocked verdict is never fainter than a pass. */
class PdfLayoutTest {

    private static String render(ReportDocument document) throws Exception {
        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(loaded);
        }
    }

    @Test
    void aWideTableOfDollarAmountsNeverBreaksANumberOrAWord() throws Exception {
        // the slice table of a house-price pack, numbers written as the composer writes them, plus two long headers
        org.verdict.core.stats.MetricFormat dollars = org.verdict.core.stats.MetricFormat.of(org.verdict.core.pack.Metric.MAE,
                org.verdict.core.pack.TargetUnit.NONE);
        List<String> headers = List.of("Slice", "n", "Production", "Candidate", "Δ", "95% CI of Δ", "Adjusted p",
                "Threshold alpha", "Verdict");
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double value = -27439.877 * (i + 1) * 40;
            rows.add(List.of(Cell.plain("region=capital-district-" + i), Cell.plain("12,345"),
                    Cell.plain(dollars.estimate(value, value - 60_000.123, value + 58_000.9)),
                    Cell.plain(dollars.estimate(value + 1323.3, value - 50_000.5, value + 61_000.4)),
                    Cell.plain(dollars.signed(1_323_298.551)),
                    Cell.plain(dollars.interval(-5_076_487.042, 7_542_548.313, true)),
                    Cell.plain("0.767"), Cell.plain("0.050"),
                    new Cell(i % 2 == 0 ? "no significant difference" : "too few examples", Tone.NO_DIFFERENCE)));
        }
        ReportDocument document = new ReportDocument("Approval pack", "house-price v8 vs v7", List.of(
                new Section("s1", "1", "Primary metric", 1, List.of(new Table(new EvidenceTable("mae by slice",
                        headers, rows))))));

        String text = render(document);

        for (String whole : List.of("−1,097,595", "[−1,157,595,", "−1,039,594]", "−6,585,570", "+1,323,299",
                "[−5,076,487,", "+7,542,548]", "region=capital-district-5", "Adjusted", "Threshold", "alpha",
                "significant", "difference", "examples")) {
            assertTrue(text.contains(whole), whole + " is written whole:\n" + text);
        }
    }

    /** Each line of the PDF as drawn, in reading order, with the baseline it stands on. */
    private static List<String> linesDrawn(byte[] pdf) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> positions) {
                    // a cell's line is one run of glyphs on one baseline; a bound wrapped below is another line
                    float baseline = positions.get(0).getYDirAdj();
                    assertTrue(positions.stream().allMatch(p -> Math.abs(p.getYDirAdj() - baseline) < 0.5f), line);
                    lines.add(line);
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(loaded);
        }
        return lines;
    }

    /**
     * The Disparities table of a fraud pack (five columns, the worsening's interval beside each model's) and a row of
     * the slice table (ten columns): every interval stays on one line, its bounds side by side, however narrow its
     * column; a cell breaks before the interval, or after it, never between its bounds.
     */
    @Test
    void anIntervalIsNeverBrokenBetweenItsBoundsInANarrowColumn() throws Exception {
        List<List<Cell>> disparities = List.of(
                List.of(Cell.plain("demographic_parity_difference"), Cell.plain("0.001 [0.000, 0.004]"),
                        Cell.plain("0.001 [0.000, 0.005]"), Cell.plain("+0.001 [−0.003, +0.005]"),
                        Cell.plain("0.050")),
                List.of(Cell.plain("demographic_parity_ratio"), Cell.plain("0.934 [0.676, 1.000]"),
                        Cell.plain("0.892 [0.642, 1.000]"), Cell.plain("+0.042 [−0.231, +0.373]"),
                        Cell.plain("0.050")),
                List.of(Cell.plain("equal_opportunity_difference"), Cell.plain("0.099 [0.000, 0.207]"),
                        Cell.plain("0.088 [0.000, 0.214]"), Cell.plain("−0.011 [−0.146, +0.153]"),
                        Cell.plain("0.050")));
        List<List<Cell>> slices = List.of(List.of(Cell.plain("merchant=m120"), Cell.plain("120"), Cell.plain("2"),
                Cell.plain("118"), Cell.plain("0.970 [0.948, 0.984]"), Cell.plain("0.992 [0.977, 0.998]"),
                Cell.plain("+0.021"), Cell.plain("[−0.022, +0.030†] at 99.29%"), Cell.plain("0.516"),
                new Cell("inconclusive", Tone.NO_DIFFERENCE)),
                List.of(Cell.plain("state=ca"), Cell.plain("2,035"), Cell.plain("–"), Cell.plain("–"),
                        Cell.plain("$8,512 [$7,929, $9,273]"), Cell.plain("$7,840 [$7,351, $8,446]"),
                        Cell.plain("−$672"), Cell.plain("[−$1,362, +$18] at 98.75%"), Cell.plain("0.060"),
                        new Cell("inconclusive", Tone.NO_DIFFERENCE)));
        ReportDocument document = new ReportDocument("Approval pack", "fraud-screen 8 vs 7", List.of(
                new Section("s1", "1", "Fairness", 1, List.of(
                        new Table(new EvidenceTable("Disparities over age_band: each model's value with its 95% "
                                + "bootstrap intervals", List.of("Disparity", "Production", "Candidate", "Worsening",
                                "Tolerance"), disparities)),
                        new Table(new EvidenceTable("roc_auc by slice", List.of("Slice", "n", "Positive", "Negative",
                                "Production", "Candidate", "Δ", "CI of Δ (level)", "Adj. p", "Verdict"), slices))))));

        List<String> lines = linesDrawn(new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document));

        List<String> intervals = new ArrayList<>();
        for (List<List<Cell>> table : List.of(disparities, slices)) {
            for (List<Cell> row : table) {
                for (Cell cell : row) {
                    java.util.regex.Matcher interval = java.util.regex.Pattern.compile("\\[[^\\]]*\\]")
                            .matcher(cell.text());
                    while (interval.find()) {
                        intervals.add(interval.group());
                    }
                }
            }
        }
        assertEquals(15, intervals.size(), intervals.toString());
        for (String interval : intervals) {
            assertTrue(lines.stream().anyMatch(line -> line.contains(interval)),
                    interval + " on one line:\n" + String.join("\n", lines));
        }
        for (String line : lines) {
            assertTrue(line.lastIndexOf('[') <= line.lastIndexOf(']'), "a bound left alone at a line's end: " + line);
        }
    }

    /**
     * The slice table of a pack of 50 states and 30 products (p9), ten columns in rows as the composer writes them:
     * the widest words are plain text, drawn in the regular face, and the table must be laid out for that face. Laid
     * out for bold, the intervals seemed not to fit side by side even at 6 pt, so every bound was let go to a line of
     * its own ("[0.751," over "0.766]") in text drawn at 7 pt, where regular text kept them whole.
     */
    @Test
    void theTenColumnSliceTableOfAStatesPackKeepsEachIntervalOnOneBaseline() throws Exception {
        List<List<Cell>> slices = List.of(
                List.of(Cell.plain("overall"), Cell.plain("120,000"), Cell.plain("3,697"), Cell.plain("116,303"),
                        Cell.plain("0.729 [0.721, 0.737]"), Cell.plain("0.759 [0.751, 0.766]"), Cell.plain("+0.030"),
                        Cell.plain("[+0.022, +0.038] at 95%"), Cell.plain("<0.001"), new Cell("▲ better", Tone.BETTER)),
                List.of(Cell.plain("state=S27"), Cell.plain("273"), Cell.plain("5"), Cell.plain("268"),
                        Cell.plain("0.702 [0.448, 0.866]"), Cell.plain("0.766 [0.511, 0.905]"), Cell.plain("+0.064"),
                        Cell.plain("[−0.702†, +0.298†] at 99.94%"), Cell.plain("1.000"),
                        new Cell("no information [a]", Tone.NO_DIFFERENCE)),
                List.of(Cell.plain("channel=app"), Cell.plain("23,461"), Cell.plain("741"), Cell.plain("22,720"),
                        Cell.plain("0.735 [0.716, 0.752]"), Cell.plain("0.762 [0.744, 0.778]"), Cell.plain("+0.0269"),
                        Cell.plain("[−0.0049, +0.0587] at 99.94%"), Cell.plain("0.285"),
                        new Cell("inconclusive", Tone.NO_DIFFERENCE)),
                List.of(Cell.plain("tenure_band=10y+"), Cell.plain("3,913"), Cell.plain("125"), Cell.plain("3,788"),
                        Cell.plain("0.794 [0.754, 0.829]"), Cell.plain("0.803 [0.764, 0.837]"), Cell.plain("+0.009"),
                        Cell.plain("[−0.062, +0.080] at 99.94%"), Cell.plain("1.000"),
                        new Cell("inconclusive", Tone.NO_DIFFERENCE)),
                List.of(Cell.plain("state=S08"), Cell.plain("1,677"), Cell.plain("54"), Cell.plain("1,623"),
                        Cell.plain("0.778 [0.712, 0.833]"), Cell.plain("0.616 [0.540, 0.686]"), Cell.plain("−0.162"),
                        Cell.plain("[−0.324, −0.001] at 99.94%"), Cell.plain("0.048"),
                        new Cell("▼ worse", Tone.WORSE)));
        ReportDocument document = new ReportDocument("Approval pack", "card-fraud c42 vs p41", List.of(
                new Section("s1", "3.1", "Primary metric", 1, List.of(new Table(new EvidenceTable("roc_auc by slice",
                        List.of("Slice", "n", "Positive", "Negative", "Production", "Candidate", "Δ",
                                "CI of Δ (level)", "Adj. p", "Verdict"), slices))))));

        List<String> lines = linesDrawn(new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document));

        for (List<Cell> row : slices) {
            for (Cell cell : row) {
                java.util.regex.Matcher interval = java.util.regex.Pattern.compile("\\[[^\\]]*\\]")
                        .matcher(cell.text());
                while (interval.find()) {
                    String whole = interval.group();
                    assertTrue(lines.stream().anyMatch(line -> line.contains(whole)),
                            whole + " with both ends on one baseline:\n" + String.join("\n", lines));
                }
            }
        }
    }

    /**
     * p9's slice table as printed, its rows the slices worse or better: the Verdict column is as narrow as its longest
     * word, and "▲ better" had broken after its mark, the ▲ alone on the row's first line.
     */
    @Test
    void aVerdictKeepsItsMarkOnItsLine() throws Exception {
        List<List<Cell>> slices = new ArrayList<>();
        for (String[] row : new String[][] {{"overall", "120,000", "▲ better"}, {"state=S08", "1,677", "▼ worse"},
                {"tenure_band=3-12m", "22,696", "▲ better"}}) {
            slices.add(List.of(Cell.plain(row[0]), Cell.plain(row[1]), Cell.plain("3,697"), Cell.plain("116,303"),
                    Cell.plain("0.729 [0.721, 0.737]"), Cell.plain("0.759 [0.751, 0.766]"), Cell.plain("+0.030"),
                    Cell.plain("[+0.022, +0.038] at 99.94%"), Cell.plain("<0.001"),
                    new Cell(row[2], row[2].startsWith("▲") ? Tone.BETTER : Tone.WORSE)));
        }
        ReportDocument document = new ReportDocument("Approval pack", "card-fraud c42 vs p41", List.of(
                new Section("s1", "3.1", "Primary metric", 1, List.of(new Table(new EvidenceTable("roc_auc by slice",
                        List.of("Slice", "n", "Positive", "Negative", "Production", "Candidate", "Δ",
                                "CI of Δ (level)", "Adj. p", "Verdict"), slices))))));

        List<String> lines = linesDrawn(new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document));

        for (String verdict : List.of("▲ better", "▼ worse")) {
            assertTrue(lines.stream().anyMatch(line -> line.contains(verdict)),
                    verdict + " on one line:\n" + String.join("\n", lines));
        }
    }

    /** The Fairness page's rates by group, both models' in a cell: groups named at length narrow the rate columns. */
    private static ReportDocument ratesByGroup() {
        List<List<Cell>> rows = new ArrayList<>();
        for (String group : List.of("language=pt-BR × channel=partner-api-escalations", "language=ko × channel=email",
                "undisclosed")) {
            rows.add(List.of(Cell.plain(group), Cell.plain("9,306"), Cell.plain("1,801"),
                    Cell.plain("0.260 [0.251, 0.269] / 0.228 [0.220, 0.237]"),
                    Cell.plain("0.873 [0.857, 0.888] / 0.933 [0.920, 0.943]"),
                    Cell.plain("– / 0.059 [0.054, 0.065]")));
        }
        return new ReportDocument("Approval pack", "credit-risk 2 vs 1", List.of(
                new Section("s1", "3.4", "Fairness", 1, List.of(new Table(new EvidenceTable(
                        "Rates by language × channel, production / candidate, each with its 95% modified Wilson interval",
                        List.of("Group", "n", "Positives", "Selection rate", "TPR", "FPR"), rows))))));
    }

    private static final List<String> RATES_WITH_INTERVALS = List.of("0.260 [0.251, 0.269]", "0.228 [0.220, 0.237]",
            "0.873 [0.857, 0.888]", "0.933 [0.920, 0.943]", "0.059 [0.054, 0.065]");

    @Test
    void aFairnessRateIsNeverOnAnotherLineThanItsIntervalTheCellBreaksAfterTheSlash() throws Exception {
        List<String> lines = linesDrawn(new PdfApprovalPack(new EvidenceCharts(new ReportFonts()))
                .render(ratesByGroup()));

        for (String rate : RATES_WITH_INTERVALS) {
            assertEquals(3, lines.stream().filter(line -> line.contains(rate)).count(),
                    rate + " on one line in each group's row:\n" + String.join("\n", lines));
        }
        // the columns were narrowed: a cell's two rates are on two lines, production's over the candidate's
        assertTrue(lines.stream().noneMatch(line -> line.contains("0.260 [0.251, 0.269] / 0.228")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("0.260 [0.251, 0.269] /")), String.join("\n", lines));
    }

    @Test
    void theHtmlKeepsEachFairnessRateWithItsIntervalInANoWrapSpan() {
        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(ratesByGroup());

        assertTrue(html.contains("<td><span class=\"ci\">0.260 [0.251, 0.269] /</span> "
                + "<span class=\"ci\">0.228 [0.220, 0.237]</span></td>"), html);
        assertTrue(html.contains("<td><span class=\"ci\">– /</span> <span class=\"ci\">0.059 [0.054, 0.065]</span>"
                + "</td>"), html);
        // every rate of the table lies inside one span that does not wrap
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("<span class=\"ci\">([^<]*)</span>")
                .matcher(html);
        List<String> kept = new ArrayList<>();
        while (span.find()) {
            kept.add(span.group(1));
        }
        for (String rate : RATES_WITH_INTERVALS) {
            assertEquals(3, kept.stream().filter(whole -> whole.contains(rate)).count(), rate + " in " + kept);
        }
    }

    @Test
    void theHtmlKeepsEachIntervalOnOneLineAsThePdfDoes() {
        ReportDocument document = new ReportDocument("Approval pack", "fraud-screen 8 vs 7", List.of(
                new Section("s1", "1", "Fairness", 1, List.of(
                        new Paragraph("Measured: change in unfairness +0.042, 95% interval [−0.231, +0.373]; a bracket "
                                + "[of words, not bounds at all] is prose", Tone.PLAIN),
                        new Table(new EvidenceTable("Disparities", List.of("Disparity", "Production"),
                                List.of(List.of(Cell.plain("demographic_parity_ratio"),
                                        Cell.plain("0.934 [0.676, 1.000] & <b>")))))))));

        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);

        // the interval's punctuation goes with it, as with any word
        assertTrue(html.contains("95% interval <span class=\"ci\">[−0.231, +0.373];</span> a bracket [of words, not "
                + "bounds at all] is prose</p>"), html);
        assertTrue(html.contains("<td>0.934 <span class=\"ci\">[0.676, 1.000]</span> &amp; &lt;b&gt;</td>"), html);
        assertTrue(html.contains(".ci { white-space: nowrap; }"), html);
    }

    @Test
    void manyWorseSlicesAreOneALineAndGoOnOverThePageBreakUnderTheirLabel() throws Exception {
        List<String> slices = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            slices.add("region=region-" + i + ": Δ −0.2" + i + " [−0.301, −0.165] at 99.64% (n=500, 162 positive, "
                    + "adjusted p <0.001)");
        }
        ReportDocument document = new ReportDocument("Approval pack", "v18 vs v17", List.of(new Section("s1", "1",
                "Summary", 1, List.of(new ReportDocument.Facts(List.of(new ReportDocument.Fact("Model", "fraud-screen"),
                        ReportDocument.Fact.listed("Worse slices", "Slices significantly worse on roc_auc (30 of the 30 "
                                + "tested), the largest loss first:", "▼", slices)))))));

        String text = render(document);

        for (int i = 1; i <= 30; i++) {
            // each finding starts a line of its own with its mark
            assertTrue(text.contains("\n▼ region=region-" + i + ": Δ") || text.contains("Worse slices ▼ region=region-"
                    + i + ": Δ"), "slice " + i + " on a line of its own:\n" + text);
        }
        // thirty findings of two lines each take more than a page: the label once on each
        assertEquals(3, text.split("Worse slices", -1).length, "the label again on the page the list goes on to:\n"
                + text);
    }

    @Test
    void aBlockedVerdictIsBoldLikeAPassingLine() throws Exception {
        // the layout decides the face from the tone: insufficient evidence blocks, so it is emphasised as fail is
        ReportDocument document = new ReportDocument("Approval pack", "v8 vs v7", List.of(new Section("s1", "1",
                "Summary", 1, List.of(new Paragraph("✘ Not every gate passes: 1 insufficient evidence, of 5 gates.",
                        Tone.INSUFFICIENT), new Paragraph("✔ Every check passes.", Tone.PASS)))));
        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
        List<String> fonts = new ArrayList<>();
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> positions) {
                    if (line.startsWith("✘") || line.startsWith("✔")) {
                        fonts.add(line.charAt(0) + " " + positions.get(2).getFont().getName());
                    }
                }
            };
            stripper.getText(loaded);
        }
        assertTrue(fonts.size() == 2, fonts.toString());
        assertTrue(fonts.get(0).startsWith("✘") && fonts.get(0).contains("Bold"), fonts.toString());
        assertTrue(fonts.get(1).startsWith("✔") && fonts.get(1).contains("Bold"), fonts.toString());
    }

    @Test
    void theApprovalPacksForestPlotIsScaledToTheTestedSlices() {
        EvidenceChart.DeltaForest forest = new EvidenceChart.DeltaForest("macro_f1 by language", "Δ macro_f1",
                MetricFormat.RATE, true,
                List.of(new EvidenceChart.DeltaRow("overall (n 4000)", 0.02,
                                new org.verdict.core.stats.Interval(0.01, 0.03), org.verdict.core.compare.Verdict.BETTER),
                        new EvidenceChart.DeltaRow("language=en (n 2000)", -0.04,
                                new org.verdict.core.stats.Interval(-0.055, -0.025),
                                org.verdict.core.compare.Verdict.WORSE),
                        new EvidenceChart.DeltaRow("language=is (n 7)", -0.45,
                                new org.verdict.core.stats.Interval(-0.70, -0.20),
                                org.verdict.core.compare.Verdict.TOO_FEW_EXAMPLES)));
        org.jfree.chart.plot.XYPlot plot = (org.jfree.chart.plot.XYPlot) new EvidenceCharts(new ReportFonts())
                .build(forest).getPlot();

        // tested: −0.055 … +0.030 with 0; 5% of 0.085 either side
        assertTrue(Math.abs(plot.getDomainAxis().getLowerBound() - (-0.055 - 0.00425)) < 1e-9,
                "lower bound " + plot.getDomainAxis().getLowerBound());
        assertTrue(Math.abs(plot.getDomainAxis().getUpperBound() - (0.030 + 0.00425)) < 1e-9);
        assertTrue(plot.getAnnotations().stream().anyMatch(a -> a instanceof org.jfree.chart.annotations.XYTextAnnotation t
                && t.getText().equals("◀ Δ −0.450")), "the tiny slice's clipped interval ends in an arrow that writes "
                + "its Δ, past the edge too, as the app's forest does");
    }

    @Test
    void aForestPlotDrawsEverySliceTheOnesWithoutAnIntervalAsAHollowPointWithTheReason() {
        EvidenceChart.DeltaForest forest = (EvidenceChart.DeltaForest) org.verdict.core.evidence.ComparisonEvidence
                .forestsByDimension(org.verdict.core.evidence.ComparisonEvidenceTest.housePrices()).get(0);
        org.jfree.chart.plot.XYPlot plot = new EvidenceCharts(new ReportFonts()).build(forest).getXYPlot();

        List<String> drawnRows = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            org.jfree.data.xy.XYDataset data = plot.getDataset(d);
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    drawnRows.add(data.getSeriesKey(s) + " @ " + (int) data.getYValue(s, i));
                }
            }
        }
        // rows 0 overall (better), 1 N01 (inconclusive), 2 N18 (too few: its point alone); 3 N30 has no Δ to draw
        assertEquals(List.of("better @ 0", "inconclusive @ 1",
                EvidenceCharts.NO_INTERVAL_LEGEND + " @ 2"), drawnRows);
        assertTrue(!(plot.getRenderer(1) instanceof org.jfree.chart.renderer.xy.XYErrorRenderer),
                "a point without an interval gets no whisker, not even a zero-length one");
        assertEquals(ReportPalette.NO_DIFFERENCE, plot.getRenderer(1).getSeriesPaint(0), "grey, as undecided rows are");
        // hollow both, but a point without an interval is not the same mark as an undecided interval's point, in the
        // plot or its legend
        java.awt.Shape undecided = plot.getRenderer(0).getSeriesShape(1);
        java.awt.Shape noInterval = plot.getRenderer(1).getSeriesShape(0);
        assertTrue(!new java.awt.geom.Area(undecided).equals(new java.awt.geom.Area(noInterval)),
                "a shape of its own for a point without an interval");
        org.jfree.chart.LegendItemCollection legend = plot.getLegendItems();
        java.util.Map<String, java.awt.Shape> legendShapes = new java.util.HashMap<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            legendShapes.put(legend.get(i).getLabel(), legend.get(i).getShape());
        }
        assertTrue(!new java.awt.geom.Area(legendShapes.get("inconclusive"))
                .equals(new java.awt.geom.Area(legendShapes.get(EvidenceCharts.NO_INTERVAL_LEGEND))),
                "the legend tells the two apart");
        List<String> notes = plot.getAnnotations().stream()
                .map(a -> ((org.jfree.chart.annotations.XYTextAnnotation) a).getText().strip()).toList();
        // N18's Δ (−10,253) lies far left of the tested slices' scale: the words stand at the edge with an arrow
        assertEquals(List.of("◀ too few examples, Δ −10,253 (no interval)", "unavailable"), notes);
        assertTrue(plot.getDomainAxis().getLowerBound() > -2_500, "the untested slice does not set the axis");
    }

    /**
     * Shaped like fraud-rare's stores: st01 (n 43) has Δ pr_auc −0.204 [−1, +1] at its Holm level, an interval that
     * spans every pr_auc the candidate could have beside production's 0.258, and the table says "no information at
     * this level"; st04 is inconclusive with an interval that says something. The chart drew both with the mark its
     * legend calls "inconclusive", contradicting the table beside it.
     */
    @Test
    void aForestPlotNamesASliceWhoseIntervalSaysNothingAsTheTableDoesWithAMarkOfItsOwn() {
        org.verdict.core.pack.Metric prAuc = org.verdict.core.pack.Metric.PR_AUC;
        org.verdict.core.compare.ShownInterval holm = new org.verdict.core.compare.ShownInterval(
                org.verdict.core.compare.TestFamily.SLICES, 1 - 0.05 / 23, org.verdict.core.compare.ShownInterval.HOLM,
                23);
        org.verdict.core.compare.SliceResult st01 = new org.verdict.core.compare.SliceResult(store("st01"), 43, prAuc,
                true, new org.verdict.core.compare.MetricEstimate(0.258, null),
                new org.verdict.core.compare.MetricEstimate(0.054, null), -0.204,
                new org.verdict.core.stats.Interval(-1, 1), new org.verdict.core.stats.Interval(-0.5, 0.1), 0.4, 1.0,
                "paired-bootstrap", org.verdict.core.compare.Verdict.INCONCLUSIVE, holm, null, null, null);
        org.verdict.core.compare.SliceResult st04 = new org.verdict.core.compare.SliceResult(store("st04"), 61, prAuc,
                true, new org.verdict.core.compare.MetricEstimate(0.210, null),
                new org.verdict.core.compare.MetricEstimate(0.160, null), -0.050,
                new org.verdict.core.stats.Interval(-0.30, 0.20), new org.verdict.core.stats.Interval(-0.2, 0.1), 0.5,
                1.0, "paired-bootstrap", org.verdict.core.compare.Verdict.INCONCLUSIVE, holm, null, null, null);
        org.verdict.core.compare.SliceResult overall = new org.verdict.core.compare.SliceResult(
                org.verdict.core.compare.SliceKey.OVERALL, 2291, prAuc, true,
                new org.verdict.core.compare.MetricEstimate(0.114, null),
                new org.verdict.core.compare.MetricEstimate(0.117, null), 0.003,
                new org.verdict.core.stats.Interval(-0.044, 0.050), 0.9, 0.9, "paired-bootstrap",
                org.verdict.core.compare.Verdict.NO_SIGNIFICANT_DIFFERENCE, null, null);
        org.verdict.core.compare.ComparisonReport report = new org.verdict.core.compare.ComparisonReport("fraud-rare",
                "3", "4", prAuc, org.verdict.core.compare.ComparisonOptions.DEFAULTS, List.of(overall, st01, st04), 2,
                java.util.Map.of(prAuc, 2));

        EvidenceChart.DeltaForest forest = (EvidenceChart.DeltaForest) org.verdict.core.evidence.ComparisonEvidence
                .forestsByDimension(report).get(0);
        org.jfree.chart.plot.XYPlot plot = new EvidenceCharts(new ReportFonts()).build(forest).getXYPlot();
        java.util.Map<String, List<Integer>> rowsBySeries = new java.util.LinkedHashMap<>();
        org.jfree.data.xy.XYDataset data = plot.getDataset(0);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                rowsBySeries.computeIfAbsent(String.valueOf(data.getSeriesKey(s)), k -> new ArrayList<>())
                        .add((int) data.getYValue(s, i));
            }
        }
        List<org.verdict.core.evidence.EvidenceTable.Cell> tableRow = org.verdict.core.evidence.ComparisonEvidence
                .table(report).rows().get(1);
        String tableVerdict = tableRow.get(tableRow.size() - 1).text();

        assertEquals(java.util.Map.of("no significant difference", List.of(0), "no information", List.of(1),
                "inconclusive", List.of(2)), rowsBySeries);
        assertEquals(org.verdict.core.compare.SliceResult.NO_INFORMATION_WORD, st01.verdictWord());
        assertTrue(tableVerdict.startsWith(st01.verdictWord() + " ["), tableVerdict);
        // the legend names the mark; hollow and grey like an undecided interval's point, but not the same shape
        java.util.Map<String, org.jfree.chart.LegendItem> legend = new java.util.HashMap<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.put(plot.getLegendItems().get(i).getLabel(), plot.getLegendItems().get(i));
        }
        org.jfree.chart.LegendItem noInformation = legend.get("no information");
        org.jfree.chart.LegendItem undecided = legend.get("inconclusive");
        assertTrue(noInformation != null && undecided != null, legend.keySet().toString());
        assertTrue(!new java.awt.geom.Area(noInformation.getShape()).equals(new java.awt.geom.Area(undecided.getShape())),
                "a shape of its own");
        assertTrue(!noInformation.isShapeFilled(), "hollow, as it decides nothing");
        assertEquals(ReportPalette.NO_DIFFERENCE, noInformation.getFillPaint());
        int series = plot.getDataset(0).indexOf("no information");
        assertTrue(plot.getRenderer(0) instanceof org.jfree.chart.renderer.xy.XYErrorRenderer,
                "drawn with its whiskers, the interval the table gives");
        assertEquals(ReportPalette.NO_DIFFERENCE, plot.getRenderer(0).getSeriesPaint(series));
    }

    private static org.verdict.core.compare.SliceKey store(String value) {
        return new org.verdict.core.compare.SliceKey(List.of("store"), List.of(value));
    }

    /** A dimension with 69 slices, shaped like a country dimension of a fraud pack. */
    private static EvidenceChart.DeltaForest manySlices(int count) {
        List<EvidenceChart.DeltaRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double delta = (i - count / 2.0) / count * 0.1;
            rows.add(new EvidenceChart.DeltaRow("country=country_" + i + " (n " + (40 + i * 37) + ")", delta,
                    new org.verdict.core.stats.Interval(delta - 0.03, delta + 0.03),
                    org.verdict.core.compare.Verdict.NO_SIGNIFICANT_DIFFERENCE));
        }
        return new EvidenceChart.DeltaForest("pr_auc by country", "Δ pr_auc", MetricFormat.RATE, true, rows);
    }

    @Test
    void aTallForestPlotIsSplitIntoPartsThatStayAboveTheFooterWithNoEmptyPageBefore() throws Exception {
        ReportDocument document = new ReportDocument("Approval pack", "wide-fraud", List.of(
                new Section("s3", "3", "Promotion gates", 1, List.of(new Paragraph(
                        "One section per gate.", Tone.PLAIN))),
                new Section("s31", "3.1", "Primary metric", 2, List.of(
                        new Paragraph("✔ pass: overall Δ pr_auc +0.010", Tone.PASS),
                        new ReportDocument.Chart("c1", manySlices(69)))),
                new Section("s32", "3.2", "Lineage", 2, List.of(new ReportDocument.Facts(List.of(
                        new ReportDocument.Fact("depth", "6")))))));
        PdfApprovalPack layout = new PdfApprovalPack(new EvidenceCharts(new ReportFonts()));
        byte[] pdf = layout.render(document);

        List<PdfApprovalPack.ChartBox> boxes = layout.chartBoxes();
        assertTrue(boxes.size() >= 3, "69 rows do not fit one A4 page: " + boxes);
        for (PdfApprovalPack.ChartBox box : boxes) {
            assertTrue(box.bottom() >= PdfApprovalPack.CONTENT_BOTTOM - 0.01, "above the footer: " + box);
            assertTrue(box.bottom() + box.height() <= PdfApprovalPack.CONTENT_TOP + 0.01, "below the top: " + box);
        }
        // page 1 is the contents, page 2 holds chapter 3 and gate 3.1 with the chart's first part: none is left bare
        assertEquals(1, boxes.get(0).page(), "the chart starts on the page of its heading: " + boxes);
        String text;
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(loaded);
        }
        for (int i = 0; i < 69; i++) {
            assertTrue(text.contains("country=country_" + i + " (n "), "row " + i + " is drawn in some part");
        }
        assertTrue(text.contains("(rows 1–"), "a part says which rows it shows");
        assertTrue(text.contains("depth"), "a short label is never broken inside the word:\n" + text);
    }

    /**
     * The HTML splits a forest plot of 141 slices as the PDF does, into figures of whole rows short enough to print on
     * one page, each with its axis and legend, every row in exactly one of them, in order.
     */
    @Test
    void theHtmlSplitsATallForestPlotIntoFiguresOfWholeRowsEachWithItsAxis() {
        EvidenceChart.DeltaForest stores = manySlices(141);
        ReportDocument document = new ReportDocument("Approval pack", "fraud-many", List.of(
                new Section("s31", "3.1", "Primary metric", 2, List.of(new ReportDocument.Chart("c1", stores)))));

        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);

        String[] figures = html.split("<figure>", -1);
        int parts = figures.length - 1;
        assertTrue(parts >= 5, "141 rows of 24 units do not print on fewer than five pages: " + parts);
        int next = 0;
        for (int part = 1; part <= parts; part++) {
            String figure = figures[part].substring(0, figures[part].indexOf("</figure>"));
            double height = Double.parseDouble(figure.replaceAll(
                    "(?s).*?viewBox=[\"']0(?:\\.0)? 0(?:\\.0)? [\\d.]+ ([\\d.]+)[\"'].*", "$1"));
            assertTrue(height <= 780, "part " + part + " prints on one page: " + height);
            assertTrue(figure.matches("(?s).*id=[\"']c1-" + part + "[\"'].*"), "its own id, derived from the chart's");
            assertTrue(figure.contains("Δ pr_auc"), "part " + part + " has its own axis label");
            assertTrue(figure.contains("aria-label=\"pr_auc by country (rows "), "its label names its rows too");
            java.util.regex.Matcher rows = java.util.regex.Pattern.compile("\\(rows (\\d+)–(\\d+) of 141\\)")
                    .matcher(figure);
            assertTrue(rows.find(), "part " + part + " says which rows it shows");
            assertEquals(next + 1, Integer.parseInt(rows.group(1)), "the parts follow each other");
            next = Integer.parseInt(rows.group(2));
        }
        assertEquals(141, next, "the last part ends with the last row");
    }
}
