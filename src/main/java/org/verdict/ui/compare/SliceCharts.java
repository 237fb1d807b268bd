package org.verdict.ui.compare;

import java.awt.BasicStroke;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.MetricFormat;
import org.verdict.ui.compare.SliceChartData.Point;
import org.verdict.ui.theme.Palette;

/**
 * Builds the two Compare charts from {@link SliceChartData}. Both list slices top to bottom in the data's order with
 * 95% intervals as whiskers. Plain JFreeChart objects: built on a worker thread, shown on the FX thread.
 * <ul>
 *   <li>forest plot (default): Δ = candidate − production per slice, a zero line, marks by verdict
 *       (▼ worse, ▲ better, ● otherwise) so worse slices stand out by shape, colour and their label;</li>
 *   <li>per model: production and candidate side by side per slice, in the palette's colours.</li>
 * </ul>
 */
public final class SliceCharts {
    private static final double MODEL_OFFSET = 0.17;
    /** Drawn at the axis edge where an interval runs past it. */
    static final String CLIPPED_LOW = "◀";
    static final String CLIPPED_HIGH = "▶";

    private final ResourceBundle text;

    public SliceCharts(ResourceBundle text) {
        this.text = text;
    }

    public JFreeChart forestPlot(SliceChartData data) {
        YIntervalSeries worse = new YIntervalSeries(text.getString("verdict.worse"));
        YIntervalSeries better = new YIntervalSeries(text.getString("verdict.better"));
        YIntervalSeries other = new YIntervalSeries(text.getString("chart.otherVerdicts"));
        YIntervalSeries noInterval = new YIntervalSeries(text.getString("chart.noInterval"));
        List<Point> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (Double.isNaN(p.delta())) {
                continue;
            }
            YIntervalSeries series = !p.hasInterval() ? noInterval
                    : p.verdict() == Verdict.WORSE ? worse : p.verdict() == Verdict.BETTER ? better : other;
            series.add(i, p.delta(), p.deltaLow(), p.deltaHigh());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(worse);
        dataset.addSeries(better);
        dataset.addSeries(other);

        XYErrorRenderer renderer = renderer();
        renderer.setSeriesPaint(0, Palette.awt(Palette.WORSE));
        renderer.setSeriesShape(0, triangle(false));
        renderer.setSeriesPaint(1, Palette.awt(Palette.BETTER));
        renderer.setSeriesShape(1, triangle(true));
        renderer.setSeriesPaint(2, Palette.awt(Palette.NEUTRAL));
        renderer.setSeriesShape(2, circle());
        MessageFormat tooltip = new MessageFormat(text.getString("chart.deltaTooltip"));
        MetricFormat numbers = MetricFormat.of(data.metric());
        List<String> tooltips = points.stream().map(p -> tooltip.format(new Object[] {p.label(),
                MetricFormat.count(p.n()), p.hasInterval() ? numbers.delta(p.delta(), p.deltaLow(), p.deltaHigh())
                        : Double.isNaN(p.delta()) ? "–" : numbers.signed(p.delta()),
                p.hasInterval() ? p.verdict().label() : p.note()})).toList();
        renderer.setDefaultToolTipGenerator(byPoint(tooltips, tooltips));

        XYPlot plot = plot(dataset, renderer, points, MessageFormat.format(text.getString("chart.deltaAxis"),
                data.metric().wireName()));
        // points without an interval: hollow, and without the zero-length whisker an error renderer would draw
        XYLineAndShapeRenderer hollow = new XYLineAndShapeRenderer(false, true);
        hollow.setSeriesPaint(0, Palette.awt(Palette.NEUTRAL));
        hollow.setSeriesShape(0, circle());
        hollow.setSeriesShapesFilled(0, false);
        hollow.setDefaultToolTipGenerator(byPoint(tooltips, tooltips));
        plot.setDataset(1, new YIntervalSeriesCollection());
        ((YIntervalSeriesCollection) plot.getDataset(1)).addSeries(noInterval);
        plot.setRenderer(1, hollow);
        ValueMarker zero = new ValueMarker(0, Palette.awt(Palette.NEUTRAL), new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.addRangeMarker(zero);
        org.verdict.core.compare.AxisRange range = data.deltaRange();
        plot.getRangeAxis().setRange(range.lower(), range.upper());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.hasInterval()) {
                markClipped(plot, range, i, p.deltaLow(), p.deltaHigh());
            } else {
                plot.addAnnotation(note(p, range, i));
            }
        }
        return chart(plot, MessageFormat.format(text.getString(data.unadjusted() ? "chart.forestTitleUnadjusted"
                : "chart.forestTitle"), data.metric().wireName()));
    }

    public JFreeChart perModel(SliceChartData data) {
        YIntervalSeries production = new YIntervalSeries(text.getString("model.production"));
        YIntervalSeries candidate = new YIntervalSeries(text.getString("model.candidate"));
        List<Point> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            // a model whose metric is undefined in this slice has no mark; the row and its label stay
            if (!Double.isNaN(p.production())) {
                production.add(i - MODEL_OFFSET, p.production(), p.productionLow(), p.productionHigh());
            }
            if (!Double.isNaN(p.candidate())) {
                candidate.add(i + MODEL_OFFSET, p.candidate(), p.candidateLow(), p.candidateHigh());
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(production);
        dataset.addSeries(candidate);

        XYErrorRenderer renderer = renderer();
        renderer.setSeriesPaint(0, Palette.awt(Palette.PRODUCTION));
        renderer.setSeriesShape(0, circle());
        renderer.setSeriesPaint(1, Palette.awt(Palette.CANDIDATE));
        renderer.setSeriesShape(1, square());
        MessageFormat tooltip = new MessageFormat(text.getString("chart.valueTooltip"));
        MetricFormat numbers = MetricFormat.of(data.metric());
        List<String> productionTooltips = points.stream().map(p -> tooltip.format(new Object[] {p.label(),
                MetricFormat.count(p.n()), production.getKey(),
                numbers.estimate(p.production(), p.productionLow(), p.productionHigh())})).toList();
        List<String> candidateTooltips = points.stream().map(p -> tooltip.format(new Object[] {p.label(),
                MetricFormat.count(p.n()), candidate.getKey(),
                numbers.estimate(p.candidate(), p.candidateLow(), p.candidateHigh())})).toList();
        renderer.setDefaultToolTipGenerator(byPoint(productionTooltips, candidateTooltips));
        XYPlot plot = plot(dataset, renderer, points, data.metric().wireName());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        org.verdict.core.compare.AxisRange range = data.valueRange();
        plot.getRangeAxis().setRange(range.lower(), range.upper());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            // an undefined (NaN) value is neither below nor above the axis
            markClipped(plot, range, i,
                    java.util.stream.DoubleStream.of(p.productionLow(), p.candidateLow()).filter(v -> !Double.isNaN(v))
                            .min().orElse(Double.NaN),
                    java.util.stream.DoubleStream.of(p.productionHigh(), p.candidateHigh())
                            .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN));
        }
        return chart(plot, MessageFormat.format(text.getString("chart.perModelTitle"), data.metric().wireName()));
    }

    /**
     * The words beside a slice drawn without an interval ("too few examples, Δ −10,253"), on the side of its point
     * with more room; a point past the axis's edge is not drawn, and the words stand at the edge with an arrow.
     */
    private static XYTextAnnotation note(Point p, org.verdict.core.compare.AxisRange range, int row) {
        // the verdict's first words fit a row ("unstable"); the tooltip and the table give the reason and Δ
        int reason = p.note().indexOf(':');
        String text = reason < 0 ? p.note() : p.note().substring(0, reason);
        double at = Double.isNaN(p.delta()) ? range.lower() : Math.max(range.lower(), Math.min(range.upper(), p.delta()));
        if (p.delta() < range.lower()) {
            text = CLIPPED_LOW + " " + text;
        } else if (p.delta() > range.upper()) {
            text = text + " " + CLIPPED_HIGH;
        }
        boolean leftOfPoint = at > (range.lower() + range.upper()) / 2;
        // clear of the point's marker by about a marker's width
        double gap = (range.upper() - range.lower()) * 0.02;
        XYTextAnnotation note = new XYTextAnnotation(text, row, leftOfPoint ? at - gap : at + gap);
        note.setTextAnchor(leftOfPoint ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        note.setPaint(Palette.awt(Palette.NEUTRAL));
        note.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.ITALIC, 11));
        return note;
    }

    /**
     * Tooltips made once with the chart: JFreeChart asks for every item's tooltip on every draw, and formatting
     * them there cost a quarter of a second per redraw of a 68-slice chart.
     *
     * @param firstSeries tooltips of series 0 by point; {@code otherSeries} of the others
     */
    private static XYToolTipGenerator byPoint(List<String> firstSeries, List<String> otherSeries) {
        return (dataset, series, item) -> (series == 0 ? firstSeries : otherSeries)
                .get((int) Math.round(dataset.getXValue(series, item)));
    }

    private static XYErrorRenderer renderer() {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(6);
        return renderer;
    }

    private XYPlot plot(YIntervalSeriesCollection dataset, XYErrorRenderer renderer, List<Point> points,
                        String valueAxisLabel) {
        SymbolAxis slices = new SymbolAxis(null, points.stream().map(SliceCharts::axisLabel).toArray(String[]::new));
        slices.setInverted(true);
        // One label per slice, always: an automatic tick unit would silently skip every other slice when crowded.
        slices.setAutoTickUnitSelection(false);
        slices.setTickUnit(new NumberTickUnit(1), false, false);
        slices.setGridBandsVisible(false);
        slices.setRange(-0.6, Math.max(points.size(), 1) - 0.4);
        NumberAxis values = new NumberAxis(valueAxisLabel);
        values.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset, slices, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /**
     * An interval that runs past the axis (a slice with too few examples, which does not set the scale) ends in an
     * arrow at the edge, so a clipped whisker is never mistaken for a short one; its tooltip has the numbers.
     */
    private static void markClipped(XYPlot plot, org.verdict.core.compare.AxisRange range, int row, double low, double high) {
        if (low < range.lower()) {
            plot.addAnnotation(arrow(CLIPPED_LOW, row, range.lower(), TextAnchor.CENTER_LEFT));
        }
        if (high > range.upper()) {
            plot.addAnnotation(arrow(CLIPPED_HIGH, row, range.upper(), TextAnchor.CENTER_RIGHT));
        }
    }

    private static XYTextAnnotation arrow(String mark, int row, double at, TextAnchor anchor) {
        XYTextAnnotation arrow = new XYTextAnnotation(mark, row, at);
        arrow.setTextAnchor(anchor);
        arrow.setPaint(Palette.awt(Palette.NEUTRAL));
        arrow.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14));
        return arrow;
    }

    /** A worse slice carries the ▼ in its axis label too, readable in grayscale print. */
    private static String axisLabel(Point p) {
        String mark = p.verdict() == Verdict.WORSE ? " " + Palette.WORSE_MARK
                : p.verdict() == Verdict.BETTER ? " " + Palette.BETTER_MARK : "";
        return p.label() + " (n=" + MetricFormat.count(p.n()) + ")" + mark;
    }

    private static JFreeChart chart(XYPlot plot, String title) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(8, 8, 8, 16));
        return chart;
    }

    private static Shape triangle(boolean up) {
        int s = 6;
        return up ? new Polygon(new int[] {-s, s, 0}, new int[] {s, s, -s}, 3)
                : new Polygon(new int[] {-s, s, 0}, new int[] {-s, -s, s}, 3);
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-5, -5, 10, 10);
    }

    private static Shape square() {
        return new Rectangle2D.Double(-4.5, -4.5, 9, 9);
    }
}
