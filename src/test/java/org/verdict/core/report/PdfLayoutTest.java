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
        org.verdict.core.stats.MetricFormat dollars = org.verdict.core.stats.MetricFormat.of(
                org.verdict.core.pack.Metric.MAE);
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
        EvidenceChart.DeltaForest forest = new EvidenceChart.DeltaForest("macro_f1 by language", "Δ macro_f1", true,
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
                && t.getText().equals("◀")), "the tiny slice's clipped interval ends in an arrow");
    }
}
