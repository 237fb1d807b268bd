package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The words beside a forest's point without an interval are placed for the width the chart is drawn at: the approval
 * pack's, and any pane of the app's, so they are never cut at the plot's edge.
 */
class ForestNotePlacementTest {

    /** The sample pack's held-out forest of languages: language=pt (61 rows) has Δ −0.034 and no interval. */
    private static DeltaForest languages() {
        return new DeltaForest("macro_f1 by language: candidate − production", "Δ macro_f1 (higher is better)",
                MetricFormat.RATE, true, List.of(
                new DeltaRow("overall (n=6,000)", 0.026, new Interval(0.014, 0.037), Verdict.BETTER),
                new DeltaRow("language=de (n=890)", 0.024, new Interval(-0.012, 0.060), Verdict.INCONCLUSIVE),
                new DeltaRow("language=en (n=2,229)", 0.044, new Interval(0.018, 0.071), Verdict.BETTER),
                new DeltaRow("language=es (n=718)", 0.031, new Interval(-0.014, 0.078), Verdict.INCONCLUSIVE),
                new DeltaRow("language=fr (n=740)", 0.060, new Interval(0.002, 0.119), Verdict.BETTER),
                new DeltaRow("language=it (n=620)", 0.041, new Interval(-0.006, 0.089), Verdict.INCONCLUSIVE),
                new DeltaRow("language=ja (n=742)", -0.085, new Interval(-0.136, -0.034), Verdict.WORSE),
                new DeltaRow("language=pt (n=61)", -0.034, null, Verdict.INCONCLUSIVE,
                        "unstable, Δ −0.034 (no interval)")));
    }

    @Test
    void theApprovalPacksNoteStandsBesideItsPointClearOfTheZeroLine() {
        JFreeChart chart = new EvidenceCharts().build(languages());

        NoteBox note = drawn(chart, EvidenceCharts.WIDTH, EvidenceCharts.heightOf(languages()));

        note.assertInsideThePlot();
        assertFalse(note.crossesZero(), note.toString());
        assertTrue(note.to < note.point, "on the point's roomier side, left of it: " + note);
    }

    @Test
    void atEveryWidthTheNoteIsWholeInsideThePlotAndClearOfItsPoint() {
        JFreeChart chart = new EvidenceCharts().build(languages());
        double height = EvidenceCharts.heightOf(languages());
        for (double width = 400; width <= 1600; width += 20) {
            EvidenceCharts.placeNotes(chart, width, height);

            NoteBox note = drawn(chart, width, height);

            note.assertInsideThePlot();
            assertFalse(note.from < note.point + 3 && note.to > note.point - 3, "crosses its own point: " + note);
            if (note.crossesZero()) {
                assertNotNull(note.annotation.getBackgroundPaint(), "across the 0 line on the plot's background, so "
                        + "the line does not strike it through: " + note);
            }
        }
    }

    @Test
    void placedAgainAtTheReportsWidthTheNoteIsWhereTheReportPutsIt() {
        JFreeChart chart = new EvidenceCharts().build(languages());
        EvidenceCharts.ForestNote note = noteOf(chart);
        double x = note.getX();
        TextAnchor anchor = note.getTextAnchor();

        EvidenceCharts.placeNotes(chart, 480, EvidenceCharts.heightOf(languages()));
        EvidenceCharts.placeNotes(chart, EvidenceCharts.WIDTH, EvidenceCharts.heightOf(languages()));

        assertEquals(x, note.getX());
        assertEquals(anchor, note.getTextAnchor());
    }

    /**
     * p7's held-out set by region: region=r00, Δ +$14,772 [−$3,904†, +$63,536], has its point near the upper edge and
     * its whisker past it; the arrow's "+$63,536 ▶" covered half of the point's ○ at the report's width. Where it
     * cannot end clear of the ○ at its size, the arrow is bare.
     */
    @Test
    void theValueByAnArrowEndsClearOfItsRowsPointAtEveryWidth() {
        List<DeltaRow> rows = new java.util.ArrayList<>();
        rows.add(new DeltaRow("overall (n=563)", 642.0, new Interval(-6_610, 5_428, true, false),
                Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=r00 (n=39)", 14_772.0, new Interval(-3_904, 63_536, true, false),
                Verdict.INCONCLUSIVE));
        for (int i = 1; i < 8; i++) {
            double delta = -800 + 200 * i;
            rows.add(new DeltaRow("region=r0" + i + " (n=90)", delta, new Interval(delta - 1_500, delta + 1_500),
                    Verdict.INCONCLUSIVE));
        }
        DeltaForest forest = new DeltaForest("mae by region", "Δ mae in USD (lower is better)",
                MetricFormat.of(org.verdict.core.pack.Metric.MAE, org.verdict.core.pack.TargetUnit.of("USD")), false,
                rows);
        JFreeChart chart = new EvidenceCharts().build(forest);
        double height = EvidenceCharts.heightOf(forest);
        for (double width = EvidenceCharts.WIDTH; width <= 1600; width += 40) {
            if (width > EvidenceCharts.WIDTH) {
                EvidenceCharts.placeNotes(chart, width, height);
            }
            EvidenceCharts.EdgeValue value = chart.getXYPlot().getAnnotations().stream()
                    .filter(EvidenceCharts.EdgeValue.class::isInstance).map(EvidenceCharts.EdgeValue.class::cast)
                    .findFirst().orElseThrow();
            assertTrue(List.of("+$63,536 ▶", "▶").contains(value.getText()), value.getText());
            if (width == 1600) {
                assertEquals("+$63,536 ▶", value.getText(), "written where the plot has room for it");
            }
            ChartRenderingInfo info = new ChartRenderingInfo();
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
                Rectangle2D area = info.getPlotInfo().getDataArea();
                XYPlot plot = chart.getXYPlot();
                double from = area.getMaxX() - g2.getFontMetrics(value.getFont()).getStringBounds(value.getText(), g2)
                        .getWidth();
                double point = plot.getDomainAxis().valueToJava2D(14_772, area, RectangleEdge.BOTTOM);
                assertTrue(from > point + 4.5, "'" + value.getText() + "' in " + value.getFont().getSize2D()
                        + " pt from x " + from + " in a chart " + width + " px wide, its row's ○ at " + point);
                assertEquals(11f, value.getFont().getSize2D(), "at its one size: " + value.getFont());
            } finally {
                g2.dispose();
            }
        }
    }

    /**
     * p13's order values by region and store (USD, four orders of $250,000+ among $20–$500): overall, south and north
     * have their Δ near the upper edge and their whiskers past it, west its Δ past it. Their ends' values had shrunk to
     * half size and still lay under their points; west's "+$1,281 ▶" did not say that it was the point.
     */
    @Test
    void valuesAtTheEdgeAreOfOneSizeNeverUnderAPointAndAPointPastTheEdgeIsNamedAsDelta() {
        List<DeltaRow> rows = new java.util.ArrayList<>();
        rows.add(new DeltaRow("overall (n=8,606)", 911.0, new Interval(-45, 1_357), Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=west (n=2,165)", 1_281.0, new Interval(-215.8, 2_459, true, false),
                Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=south (n=2,057)", 1_009.0, new Interval(-163.4, 2_251, true, false),
                Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=north (n=2,213)", 894.0, new Interval(-211.0, 2_034, true, false),
                Verdict.INCONCLUSIVE));
        rows.add(new DeltaRow("region=east (n=2,171)", -124.0, new Interval(-150.1, -53.9, true, false),
                Verdict.BETTER));
        rows.add(new DeltaRow("store=st28 (n=252)", 3_046.0, new Interval(-303.9, 6_486, true, false),
                Verdict.INCONCLUSIVE));
        for (int i = 0; i < 30; i++) {
            double production = 100 + 3 * i;
            rows.add(new DeltaRow("store=st" + (40 + i) + " (n=150)", -0.8 * production,
                    new Interval(-production, -0.8 * production + 70, true, false),
                    i % 2 == 0 ? Verdict.BETTER : Verdict.INCONCLUSIVE));
        }
        DeltaForest forest = new DeltaForest("rmse by slice", "Δ rmse in USD (lower is better)",
                MetricFormat.of(org.verdict.core.pack.Metric.RMSE, org.verdict.core.pack.TargetUnit.of("USD")), false,
                rows);
        JFreeChart chart = new EvidenceCharts().build(forest);
        double height = EvidenceCharts.heightOf(forest);
        List<EvidenceCharts.EdgeValue> values = chart.getXYPlot().getAnnotations().stream()
                .filter(EvidenceCharts.EdgeValue.class::isInstance).map(EvidenceCharts.EdgeValue.class::cast)
                .toList();
        org.jfree.data.Range axis = chart.getXYPlot().getDomainAxis().getRange();
        assertTrue(axis.getUpperBound() < 1_281, "west's Δ is past the edge in this chart: " + axis);
        assertTrue(values.stream().anyMatch(v -> v.getText().equals("Δ +$1,281 ▶")),
                values.stream().map(EvidenceCharts.EdgeValue::getText).toList().toString());
        for (double width = 420; width <= 1600; width += 60) {
            EvidenceCharts.placeNotes(chart, width, height);
            ChartRenderingInfo info = new ChartRenderingInfo();
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
                Rectangle2D area = info.getPlotInfo().getDataArea();
                assertEquals(List.of(11f), values.stream().map(v -> v.getFont().getSize2D()).distinct().toList(),
                        "one size at " + width + " px");
                for (EvidenceCharts.EdgeValue value : values) {
                    int row = (int) Math.round(value.getY());
                    DeltaRow drawn = rows.get(row);
                    double point = chart.getXYPlot().getDomainAxis().valueToJava2D(drawn.delta(), area,
                            RectangleEdge.BOTTOM);
                    double text = g2.getFontMetrics(value.getFont()).getStringBounds(value.getText(), g2).getWidth();
                    boolean atLower = value.getTextAnchor() == TextAnchor.CENTER_LEFT;
                    if (area.contains(point, area.getCenterY())) {
                        assertTrue(atLower ? area.getMinX() + text < point - 4.5 : area.getMaxX() - text > point + 4.5,
                                "'" + value.getText() + "' of " + drawn.label() + " reaches its point at " + width
                                        + " px");
                    }
                }
            } finally {
                g2.dispose();
            }
        }
    }

    /**
     * p10's languages on the Language parity page, both models' macro_f1: fi (8 rows) is too few for an interval, ja
     * (60) unstable, pt (240) has both. Each row without one says why beside it, whole inside the plot and clear of
     * both its points, at every width; the row with intervals has no words.
     */
    @Test
    void aRowOfBothModelsWithoutAnIntervalSaysWhyBesideItsPoints() {
        PairedEstimates languages = new PairedEstimates("macro_f1 by language: production and candidate",
                "macro_f1 (higher is better)", List.of(
                new PairedRow("fi (n=8)", 0.771, null, 0.731, null, false, "too few examples (no interval)"),
                new PairedRow("ja (n=60)", 0.754, null, 0.853, null, false, "unstable (no interval)"),
                new PairedRow("pt (n=240)", 0.769, new Interval(0.704, 0.830), 0.843, new Interval(0.787, 0.896))),
                List.of());
        JFreeChart chart = new EvidenceCharts().build(languages);
        double height = EvidenceCharts.heightOf(languages);
        List<EvidenceCharts.ForestNote> notes = chart.getXYPlot().getAnnotations().stream()
                .filter(EvidenceCharts.ForestNote.class::isInstance).map(EvidenceCharts.ForestNote.class::cast)
                .toList();
        assertEquals(List.of("too few examples (no interval)", "unstable (no interval)"),
                notes.stream().map(EvidenceCharts.ForestNote::getText).toList());
        for (double width = 400; width <= 1600; width += 40) {
            EvidenceCharts.placeNotes(chart, width, height);
            ChartRenderingInfo info = new ChartRenderingInfo();
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
                Rectangle2D area = info.getPlotInfo().getDataArea();
                for (EvidenceCharts.ForestNote note : notes) {
                    PairedRow row = languages.rows().get((int) note.getY());
                    double anchor = chart.getXYPlot().getDomainAxis().valueToJava2D(note.getX(), area,
                            RectangleEdge.BOTTOM);
                    double text = g2.getFontMetrics(note.getFont()).getStringBounds(note.getText(), g2).getWidth();
                    double from = note.getTextAnchor() == TextAnchor.CENTER_LEFT ? anchor : anchor - text;
                    String where = "'" + note.getText() + "' over x " + from + " … " + (from + text) + " in a chart "
                            + width + " px wide, plot " + area.getMinX() + " … " + area.getMaxX();
                    assertTrue(from >= area.getMinX() - 0.5 && from + text <= area.getMaxX() + 0.5, where);
                    for (double point : new double[] {row.production(), row.candidate()}) {
                        double x = chart.getXYPlot().getDomainAxis().valueToJava2D(point, area, RectangleEdge.BOTTOM);
                        assertFalse(from < x + 3 && from + text > x - 3, "crosses a point at " + x + ": " + where);
                    }
                }
            } finally {
                g2.dispose();
            }
        }
    }

    private static EvidenceCharts.ForestNote noteOf(JFreeChart chart) {
        List<EvidenceCharts.ForestNote> notes = chart.getXYPlot().getAnnotations().stream()
                .filter(EvidenceCharts.ForestNote.class::isInstance).map(EvidenceCharts.ForestNote.class::cast)
                .toList();
        assertEquals(1, notes.size(), notes.toString());
        return notes.get(0);
    }

    /** Where the note is drawn when the chart is drawn {@code width} by {@code height}. */
    private static NoteBox drawn(JFreeChart chart, double width, double height) {
        EvidenceCharts.ForestNote note = noteOf(chart);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            XYPlot plot = chart.getXYPlot();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            double anchor = plot.getDomainAxis().valueToJava2D(note.getX(), area, RectangleEdge.BOTTOM);
            double text = g2.getFontMetrics(note.getFont()).getStringBounds(note.getText(), g2).getWidth();
            double from = note.getTextAnchor() == TextAnchor.CENTER_LEFT ? anchor : anchor - text;
            return new NoteBox(note, width, from, from + text, area,
                    plot.getDomainAxis().valueToJava2D(0, area, RectangleEdge.BOTTOM),
                    plot.getDomainAxis().valueToJava2D(-0.034, area, RectangleEdge.BOTTOM));
        } finally {
            g2.dispose();
        }
    }

    private record NoteBox(EvidenceCharts.ForestNote annotation, double width, double from, double to,
                           Rectangle2D plot, double zero, double point) {
        void assertInsideThePlot() {
            assertTrue(from >= plot.getMinX() - 0.5 && to <= plot.getMaxX() + 0.5, "cut at the plot's edge: " + this);
        }

        boolean crossesZero() {
            return from < zero && to > zero;
        }

        @Override
        public String toString() {
            return "'" + annotation.getText() + "' in " + annotation.getFont().getSize2D() + " pt over x " + from
                    + " … " + to + " in a chart " + width + " px wide, plot " + plot.getMinX() + " … " + plot.getMaxX()
                    + ", 0 at " + zero + ", its point at " + point;
        }
    }
}
