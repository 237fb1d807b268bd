package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TooFewExamplesReason;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.ComparisonEvidence;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.report.ReportDocument.Paragraph;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * A slice with too few examples in the approval pack, shaped like a regression pack in dollars (18 of 20 regions
 * tested, region06 with 18 rows and region14 with 14): its values say they have no interval, and the words beside its
 * point in the forest plot stay clear of the 0 line and of the point.
 */
class UntestedSliceReportTest {

    private static SliceKey region(String name) {
        return new SliceKey(List.of("region"), List.of(name));
    }

    private static MetricEstimate withInterval(double value) {
        return new MetricEstimate(value, new Interval(value * 0.8, value * 1.2));
    }

    /** What the bootstrap of a slice under the minimum is too few for, as the engine words it. */
    private static final String SHORTFALL = "too few for the bootstrap's studentized or percentile interval of either "
            + "model or a test of Δ";

    /** region06 and region14: 18 and 14 rows under the minimum of 30, each model's bootstrap interval withheld. */
    private static ComparisonReport regions() {
        Metric mae = Metric.MAE;
        return new ComparisonReport("claims", "1", "2", mae, ComparisonOptions.DEFAULTS, List.of(
                new SliceResult(SliceKey.OVERALL, 2855, mae, true, withInterval(500.5), withInterval(462.9), -37.52,
                        new Interval(-71.97, -3.07), 0.03, 0.03, "paired-bootstrap", Verdict.BETTER, null, null),
                untested("region06", 18, 484.1, 406.7),
                new SliceResult(region("region07"), 33, mae, true, withInterval(374.7), withInterval(377.3), 2.6,
                        new Interval(-282.7, 287.9), 0.9, 0.9, "paired-bootstrap", Verdict.INCONCLUSIVE, null, null),
                untested("region14", 14, 304.6, 713.8)),
                1, Map.of(mae, 1));
    }

    private static SliceResult untested(String name, int n, double production, double candidate) {
        TooFewExamplesReason reason = new TooFewExamplesReason(n + " rows", 30, false,
                "the bootstrap's studentized or percentile interval");
        return new SliceResult(region(name), n, Metric.MAE, true, new MetricEstimate(production, null),
                new MetricEstimate(candidate, null), candidate - production, null, null, null, null, null,
                Verdict.TOO_FEW_EXAMPLES, null, null, reason.text(), null, null, TargetUnit.NONE, MetricCounts.NONE,
                reason);
    }

    private static ReportDocument sliceTable() {
        return new ReportDocument("Approval pack", "claims 2 vs 1", List.of(new Section("s31", "3.1",
                "Primary metric", 2, List.of(new Table(ComparisonEvidence.table(regions()))))));
    }

    @Test
    void aValueWithoutAnIntervalSaysSoInTheTableAsCompareDoes() throws Exception {
        List<String> untested = ComparisonEvidence.table(regions()).rows().get(1).stream().map(Cell::text).toList();
        assertEquals(List.of("484.1 " + MetricEstimate.NO_INTERVAL, "406.7 " + MetricEstimate.NO_INTERVAL),
                untested.subList(2, 4), untested.toString());
        String tested = ComparisonEvidence.table(regions()).rows().get(0).get(2).text();
        assertFalse(tested.contains(MetricEstimate.NO_INTERVAL), "a value with its interval is not marked: " + tested);

        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(sliceTable());
        assertTrue(html.contains("<td>484.1 (no CI)</td><td>406.7 (no CI)</td>"), html);
        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(sliceTable());
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(loaded);
            assertTrue(text.contains("484.1 (no CI)") && text.contains("406.7 (no CI)"), text);
        }
    }

    /**
     * The Verdict column is narrow: an untested slice's whole reason wrapped there into a row about twelve lines tall,
     * several to a page. Each row keeps what differs (its rows, the minimum) and refers to one note under the table
     * that says the rest, the same in the HTML and the PDF.
     */
    @Test
    void anUntestedSlicesVerdictKeepsWhatDiffersAndTheTableSaysTheRestOnce() throws Exception {
        EvidenceTable table = ComparisonEvidence.table(regions());
        List<String> verdicts = table.rows().stream().map(row -> row.get(row.size() - 1).text()).toList();
        assertEquals(List.of("▲ better", "too few examples: 18 rows, under 30 [a]", "inconclusive",
                "too few examples: 14 rows, under 30 [a]"), verdicts);
        String note = "[a] Rows under the minimum of 30 are " + SHORTFALL + ".";
        assertEquals(List.of(note), table.notes());

        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(sliceTable());
        assertTrue(html.contains("too few examples: 18 rows, under 30 [a]</td>"), html);
        assertTrue(html.contains("too few examples: 14 rows, under 30 [a]</td>"), html);
        assertEquals(1, occurrences(html, SHORTFALL), html);
        assertTrue(html.contains("</table>\n<p class=\"table-note\">" + note + "</p>"), html);

        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(sliceTable());
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            // a cell's lines and a note's lines follow one another in the text, as they are drawn
            String text = new PDFTextStripper().getText(loaded).replaceAll("\\s+", " ");
            assertTrue(text.contains("too few examples: 18 rows, under 30 [a]"), text);
            assertTrue(text.contains("too few examples: 14 rows, under 30 [a]"), text);
            assertEquals(1, occurrences(text, SHORTFALL), text);
            assertTrue(text.contains("[a] Rows under the minimum of 30 are " + SHORTFALL), text);
            assertTrue(text.indexOf(note) > text.indexOf("14 rows, under 30 [a]"), "the note is under the table");
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The p3 pack's axis, about −700 … +990: region14's +409.1 and region06's −77.4 have no interval. */
    private static DeltaForest dollarForest() {
        List<DeltaRow> rows = new ArrayList<>();
        rows.add(new DeltaRow("overall (n=2,855)", -37.52, new Interval(-71.97, -3.07), Verdict.BETTER));
        rows.add(new DeltaRow("region=region03 (n=101)", -128.0, new Interval(-401.2, 145.1), Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=region06 (n=18)", -77.4, null, Verdict.TOO_FEW_EXAMPLES,
                "too few examples, Δ −$77.4 (no interval)", false));
        rows.add(new DeltaRow("region=region08 (n=57)", 149.6, new Interval(-624.1, 912.6), Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=region14 (n=14)", 409.1, null, Verdict.TOO_FEW_EXAMPLES,
                "too few examples, Δ +$409.1 (no interval)", false));
        return new DeltaForest("mae by region", "Δ mae in USD (lower is better)",
                MetricFormat.of(Metric.MAE, TargetUnit.of("USD")), false, rows);
    }

    /**
     * p3's forest named dollars only in its axis title, its ticks bare ("−200") beside the app's "−$200": the approval
     * pack writes Δ's ticks with the unit, by the app's own tick format, in the PDF and the HTML alike.
     */
    @Test
    void theForestsTicksCarryTheDollarSignAsTheAppsDo() throws Exception {
        ReportDocument document = new ReportDocument("Approval pack", "claims 2 vs 1", List.of(new Section("s31",
                "3.1", "Primary metric", 2, List.of(new ReportDocument.Chart("c1", dollarForest())))));
        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(loaded);
            assertTrue(text.contains("−$400") && text.contains("−$200") && text.contains("$400"), text);
            assertFalse(text.matches("(?s).*(^|\\s)−\\d.*"), "no tick without its unit: " + text);
        }
        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
        assertTrue(html.contains(">−$200</text>") && html.contains(">$200</text>"), html);
        assertFalse(html.contains(">−200</text>"), html);
    }

    /**
     * p7's held-out set: region=r04's whisker, Δ −$1,103 [−$28,013†, +$35,792], runs past both edges of an axis of a
     * few thousand dollars. The arrows wrote its ends bare ("+35,790 ▶") beside ticks and a table in dollars: they
     * carry the pack's unit, as the table writes the interval, in the PDF and the HTML alike.
     */
    @Test
    void theValueByAnArrowAtTheEdgeCarriesThePacksUnit() throws Exception {
        List<DeltaRow> rows = new ArrayList<>();
        rows.add(new DeltaRow("overall (n=563)", 642.0, new Interval(-6_610, 5_428, true, false),
                Verdict.INCONCLUSIVE));
        for (int i = 0; i < 6; i++) {
            double delta = -800 + 200 * i;
            rows.add(new DeltaRow("region=r0" + i + " (n=90)", delta, new Interval(delta - 1_500, delta + 1_500),
                    Verdict.INCONCLUSIVE));
        }
        rows.add(new DeltaRow("region=r04 (n=97)", -1_103.0, new Interval(-28_013, 35_792, true, false),
                Verdict.INCONCLUSIVE));
        DeltaForest forest = new DeltaForest("mae by region", "Δ mae in USD (lower is better)",
                MetricFormat.of(Metric.MAE, TargetUnit.of("USD")), false, rows);
        ReportDocument document = new ReportDocument("Approval pack", "p7 2 vs 1", List.of(new Section("s31",
                "3.1", "Held-out set", 2, List.of(new ReportDocument.Chart("c1", forest)))));

        byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
        try (PDDocument loaded = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(loaded);
            assertTrue(text.contains("◀ −$28,013†") && text.contains("+$35,792 ▶"), text);
        }
        String html = new HtmlApprovalPack(new EvidenceCharts(new ReportFonts())).render(document);
        assertTrue(html.contains(">◀ −$28,013†</text>") && html.contains(">+$35,792 ▶</text>"), html);
    }

    @Test
    void theWordsBesideAPointWithoutAnIntervalCrossNeitherTheZeroLineNorThePoint() {
        DeltaForest forest = dollarForest();
        JFreeChart chart = new EvidenceCharts(new ReportFonts()).build(forest);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, EvidenceCharts.WIDTH, EvidenceCharts.heightOf(forest)), info);
            XYPlot plot = chart.getXYPlot();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            List<XYTextAnnotation> notes = plot.getAnnotations().stream()
                    .filter(a -> a instanceof XYTextAnnotation note && note.getText().contains("no interval"))
                    .map(a -> (XYTextAnnotation) a).toList();
            assertEquals(2, notes.size(), notes.toString());
            double zero = plot.getDomainAxis().valueToJava2D(0, area, RectangleEdge.BOTTOM);
            for (XYTextAnnotation note : notes) {
                double point = plot.getDomainAxis().valueToJava2D(forest.rows().get((int) note.getY()).delta(), area,
                        RectangleEdge.BOTTOM);
                double anchor = plot.getDomainAxis().valueToJava2D(note.getX(), area, RectangleEdge.BOTTOM);
                Font font = note.getFont();
                double width = g2.getFontMetrics(font).stringWidth(note.getText());
                double from = note.getTextAnchor() == TextAnchor.CENTER_LEFT ? anchor : anchor - width;
                double to = from + width;
                String box = note.getText() + " drawn over x " + from + " … " + to + ", 0 at " + zero + ", its point at "
                        + point + ", plot " + area.getMinX() + " … " + area.getMaxX();
                assertFalse(from < zero && to > zero, "crosses the 0 line: " + box);
                assertFalse(from < point + 3 && to > point - 3, "crosses its own point: " + box);
                assertTrue(from >= area.getMinX() - 0.5 && to <= area.getMaxX() + 0.5, "inside the plot: " + box);
                assertTrue(note.getText().contains("$"), "the axis's unit, as the table writes the value: " + box);
            }
        } finally {
            g2.dispose();
        }
    }

    /**
     * The "Every gate at a glance" table of a regression pack ran over by one row: its page 3 held that row alone.
     * Behind a paragraph of every length, a table that fits on a page never leaves only one or two rows on the next.
     */
    @Test
    void aShortTableNeverLeavesItsLastRowAloneOnTheNextPage() throws Exception {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(List.of(Cell.plain("Gate " + i), new Cell("– not applicable", Tone.NO_DIFFERENCE),
                    Cell.plain("the pack has no suite " + i + "; list it in the policy's requiredSuites to require one")));
        }
        EvidenceTable glance = new EvidenceTable("Every gate at a glance", List.of("Gate", "Verdict", "Why"), rows);
        for (int lines = 15; lines <= 40; lines++) {
            List<ReportDocument.Block> blocks = new ArrayList<>();
            for (int line = 0; line < lines; line++) {
                blocks.add(new Paragraph("A line of the summary, " + line + ".", Tone.PLAIN));
            }
            blocks.add(new Table(glance));
            byte[] pdf = new PdfApprovalPack(new EvidenceCharts(new ReportFonts())).render(new ReportDocument(
                    "Approval pack", "claims 2 vs 1", List.of(new Section("s1", "1", "Summary", 1, blocks))));
            try (PDDocument loaded = Loader.loadPDF(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(loaded.getNumberOfPages());
                stripper.setEndPage(loaded.getNumberOfPages());
                String last = stripper.getText(loaded);
                long rowsOnLastPage = last.lines().filter(l -> l.matches("Gate \\d.*")).count();
                assertTrue(rowsOnLastPage == 0 || rowsOnLastPage == 8 || rowsOnLastPage > 2,
                        "behind " + lines + " lines, the last page holds " + rowsOnLastPage + " rows:\n" + last);
            }
        }
    }
}
