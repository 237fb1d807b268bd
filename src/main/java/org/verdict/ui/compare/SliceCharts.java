package org.verdict.ui.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.report.AxisTickFormat;
import org.verdict.core.report.DecadeLogAxis;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.core.report.RoundTickAxis;
import org.verdict.core.report.RowLabels;
import org.verdict.core.stats.MetricFormat;
import org.verdict.ui.chart.RowAxis;
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
    /** Production's mark stands this share of a row above the slice's line, the candidate's as far below. */
    static final double MODEL_OFFSET = 0.22;
    /** The largest mark's size in pixels (the circle; the square is 9). */
    static final double MARK_SIZE = 10;
    /**
     * A row of the per-model chart holds both models' marks apart, and apart from the next row's: the offset leaves
     * 0.44 of it between a slice's two marks and 0.56 to the next slice's; 65 slices at a laptop's label pitch
     * (15 px) drew them over each other.
     */
    public static final double PER_MODEL_ROW_HEIGHT = Math.ceil((MARK_SIZE + 2) / (2 * MODEL_OFFSET));

    /** A bare arrow where a whisker runs past the axis's edge. */
    private static final Font ARROW = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /**
     * A value written by its arrow at the edge: the size of the chart's text, so that with many slices it stays on its
     * row's line; left out, the arrow bare, where the pane is too narrow for it to end clear of the row's point.
     */
    private static final Font VALUE_BY_ARROW = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private final ResourceBundle text;

    public SliceCharts(ResourceBundle text) {
        this.text = text;
    }

    public JFreeChart forestPlot(SliceChartData data) {
        YIntervalSeries worse = new YIntervalSeries(text.getString("verdict.worse"));
        YIntervalSeries better = new YIntervalSeries(text.getString("verdict.better"));
        YIntervalSeries noDifference = new YIntervalSeries(text.getString("chart.noDifference"));
        YIntervalSeries inconclusive = new YIntervalSeries(text.getString("chart.inconclusive"));
        // named with the table's Verdict word for such a slice, so chart and table never call it two things
        YIntervalSeries noInformation = new YIntervalSeries(SliceResult.NO_INFORMATION_WORD);
        YIntervalSeries noInterval = new YIntervalSeries(text.getString("chart.noInterval"));
        List<Point> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (Double.isNaN(p.delta())) {
                continue;
            }
            YIntervalSeries series = !p.hasInterval() ? noInterval
                    : p.verdict() == Verdict.WORSE ? worse : p.verdict() == Verdict.BETTER ? better
                    : p.verdict() == Verdict.NO_SIGNIFICANT_DIFFERENCE ? noDifference
                    : p.noInformation() ? noInformation : inconclusive;
            series.add(i, p.delta(), p.deltaLow(), p.deltaHigh());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(worse);
        dataset.addSeries(better);
        dataset.addSeries(noDifference);
        dataset.addSeries(inconclusive);
        dataset.addSeries(noInformation);

        // the approval pack's marks: a filled grey dot has an interval within the equivalence band, a hollow one
        // with whiskers an interval too wide to say, a hollow square with whiskers one spanning every value the
        // candidate could have (no information at its level), and a hollow diamond no interval at all
        XYErrorRenderer renderer = renderer();
        renderer.setSeriesPaint(0, Palette.awt(Palette.WORSE));
        renderer.setSeriesShape(0, triangle(false));
        renderer.setSeriesPaint(1, Palette.awt(Palette.BETTER));
        renderer.setSeriesShape(1, triangle(true));
        renderer.setSeriesPaint(2, Palette.awt(Palette.NEUTRAL));
        renderer.setSeriesShape(2, circle());
        renderer.setSeriesPaint(3, Palette.awt(Palette.NEUTRAL));
        renderer.setSeriesShape(3, circle());
        renderer.setSeriesShapesFilled(3, false);
        renderer.setSeriesPaint(4, Palette.awt(Palette.NEUTRAL));
        renderer.setSeriesShape(4, square());
        renderer.setSeriesShapesFilled(4, false);
        MessageFormat tooltip = new MessageFormat(text.getString("chart.deltaTooltip"));
        MetricFormat numbers = data.numbers();
        List<String> tooltips = points.stream().map(p -> tooltip.format(new Object[] {p.label(),
                p.sampleSize(), p.hasInterval() ? numbers.delta(p.delta(), p.deltaLow(), p.deltaHigh())
                        : Double.isNaN(p.delta()) ? "–" : pointDelta(numbers, p),
                p.hasInterval() ? p.verdictWord() : p.note()})).toList();
        renderer.setDefaultToolTipGenerator(byPoint(series -> tooltips));

        XYPlot plot = plot(dataset, renderer, points, MessageFormat.format(text.getString("chart.deltaAxis"),
                numbers.inUnit(data.metric().wireName())), numbers);
        // points without an interval: hollow diamonds, without the zero-length whisker an error renderer would draw
        XYLineAndShapeRenderer hollow = new XYLineAndShapeRenderer(false, true);
        hollow.setSeriesPaint(0, Palette.awt(Palette.NEUTRAL));
        hollow.setSeriesShape(0, diamond());
        hollow.setSeriesShapesFilled(0, false);
        hollow.setDefaultToolTipGenerator(byPoint(series -> tooltips));
        plot.setDataset(1, new YIntervalSeriesCollection());
        ((YIntervalSeriesCollection) plot.getDataset(1)).addSeries(noInterval);
        plot.setRenderer(1, hollow);
        ValueMarker zero = new ValueMarker(0, Palette.awt(Palette.NEUTRAL), new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.addRangeMarker(zero);
        AxisRange range = data.deltaRange();
        plot.getRangeAxis().setRange(range.lower(), range.upper());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.hasInterval()) {
                // a whisker past the edge has its end written by the arrow, as the Evidence forests and the approval
                // pack write it ("◀ −$28,013†"), so the reader sees how far it runs
                markEdges(plot, range, i, p.delta(), range.edgeMarks(p.delta(), p.deltaInterval(), numbers),
                        tooltips.get(i));
            } else if (Double.isNaN(p.delta())) {
                plot.addAnnotation(withoutPoint(p, range, i));
            } else {
                // a diamond past the axis is not drawn: the arrow at the edge stands for it, with its Δ (p5's 6-row
                // team22, Δ −0.333 beside an overall interval of ±0.08, was a bare ◀)
                markEdges(plot, range, i, p.delta(), range.edgeMarks(p.delta(), p.delta(), p.delta(),
                        AxisRange.pointPastTheEdge(pointDelta(numbers, p))), tooltips.get(i));
            }
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem(worse, triangle(false), Palette.WORSE, true));
        legend.add(legendItem(better, triangle(true), Palette.BETTER, true));
        legend.add(legendItem(noDifference, circle(), Palette.NEUTRAL, true));
        legend.add(legendItem(inconclusive, circle(), Palette.NEUTRAL, false));
        legend.add(legendItem(noInformation, square(), Palette.NEUTRAL, false));
        legend.add(legendItem(noInterval, diamond(), Palette.NEUTRAL, false));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = chart(plot, MessageFormat.format(text.getString(data.unadjusted()
                ? "chart.forestTitleUnadjusted" : "chart.forestTitle"), data.metric().wireName()));
        // what Δ is and what the arrows mean: a subtitle wraps in a narrow pane, where an axis label would be cut
        // (under the title, above the legend)
        chart.addSubtitle(0, new TextTitle(text.getString("chart.deltaSubtitle")));
        return chart;
    }

    /**
     * Every kind of mark, whether or not this chart has one: the legend reads the same on every chart (and as the
     * approval pack's), and an empty kind says that no slice is of it.
     */
    private static LegendItem legendItem(YIntervalSeries series, Shape shape, String colour, boolean filled) {
        Color paint = Palette.awt(colour);
        LegendItem item = new LegendItem(series.getKey().toString(), null, null, null, true, shape, filled, paint,
                !filled, paint, new BasicStroke(1.2f), false, new Line2D.Double(), new BasicStroke(1f),
                paint);
        return item;
    }

    public JFreeChart perModel(SliceChartData data) {
        YIntervalSeries production = new YIntervalSeries(text.getString("model.production"));
        YIntervalSeries candidate = new YIntervalSeries(text.getString("model.candidate"));
        // a slice without Δ's interval (too few examples, unstable, unavailable) is not measured: hollow marks, as the
        // forest plot's ◇, so its values are not read as a tested slice's
        YIntervalSeries productionUnmeasured = new YIntervalSeries(text.getString("model.production") + " ");
        YIntervalSeries candidateUnmeasured = new YIntervalSeries(text.getString("model.candidate") + " ");
        List<Point> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            // a model whose metric is undefined in this slice has no mark; the row and its label stay
            if (!Double.isNaN(p.production())) {
                (p.hasInterval() ? production : productionUnmeasured)
                        .add(i - MODEL_OFFSET, p.production(), p.productionLow(), p.productionHigh());
            }
            if (!Double.isNaN(p.candidate())) {
                (p.hasInterval() ? candidate : candidateUnmeasured)
                        .add(i + MODEL_OFFSET, p.candidate(), p.candidateLow(), p.candidateHigh());
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(production);
        dataset.addSeries(candidate);
        dataset.addSeries(productionUnmeasured);
        dataset.addSeries(candidateUnmeasured);

        XYErrorRenderer renderer = renderer();
        for (int series = 0; series < 4; series++) {
            renderer.setSeriesPaint(series, Palette.awt(series % 2 == 0 ? Palette.PRODUCTION : Palette.CANDIDATE));
            renderer.setSeriesShape(series, series % 2 == 0 ? circle() : square());
            renderer.setSeriesShapesFilled(series, series < 2);
        }
        MessageFormat tooltip = new MessageFormat(text.getString("chart.valueTooltip"));
        MetricFormat numbers = data.numbers();
        List<String> productionTooltips = points.stream().map(p -> valueTooltip(tooltip, p, production.getKey(),
                modelText(numbers, p.production(), p.productionLow(), p.productionHigh()))).toList();
        List<String> candidateTooltips = points.stream().map(p -> valueTooltip(tooltip, p, candidate.getKey(),
                modelText(numbers, p.candidate(), p.candidateLow(), p.candidateHigh()))).toList();
        renderer.setDefaultToolTipGenerator(byPoint(series -> series % 2 == 0 ? productionTooltips : candidateTooltips));
        XYPlot plot = plot(dataset, renderer, points, numbers.inUnit(data.metric().wireName()), numbers);
        Optional<AxisRange> logRange = data.logValueRange();
        AxisRange range = logRange.orElseGet(data::valueRange);
        if (logRange.isPresent()) {
            plot.setRangeAxis(new DecadeLogAxis(numbers.inUnit(data.metric().wireName()), new AxisTickFormat(numbers)));
            plot.setRangeMinorGridlinesVisible(true);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        }
        plot.getRangeAxis().setRange(range.lower(), range.upper());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            // each model's whisker and point on its own line of the row, its tooltip on its arrows; an undefined
            // (NaN) value has no mark
            if (!Double.isNaN(p.production())) {
                markEdges(plot, range, i - MODEL_OFFSET, p.production(), range.edgeMarks(p.production(),
                        p.productionLow(), p.productionHigh(), numbers.value(p.production())), productionTooltips.get(i));
            }
            if (!Double.isNaN(p.candidate())) {
                markEdges(plot, range, i + MODEL_OFFSET, p.candidate(), range.edgeMarks(p.candidate(),
                        p.candidateLow(), p.candidateHigh(), numbers.value(p.candidate())), candidateTooltips.get(i));
            }
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem(production, circle(), Palette.PRODUCTION, true));
        legend.add(legendItem(candidate, square(), Palette.CANDIDATE, true));
        legend.add(legendItem(new YIntervalSeries(text.getString("chart.notMeasured")), circle(), Palette.NEUTRAL,
                false));
        plot.setFixedLegendItems(legend);
        return chart(plot, MessageFormat.format(text.getString(logRange.isPresent() ? "chart.perModelTitleLog"
                : "chart.perModelTitle"), data.metric().wireName()));
    }


    /** A model's value in a slice; for a slice without Δ's interval, why it has none (its note). */
    private static String valueTooltip(MessageFormat tooltip, Point p, Comparable<?> model, String value) {
        String shown = tooltip.format(new Object[] {p.label(), p.sampleSize(), model, value});
        return p.hasInterval() ? shown : shown + " — " + p.note();
    }

    /**
     * A slice whose Δ is undefined has no point: its verdict stands in its row, at the axis's left edge, in the
     * table's words ("too few examples" for a 5-row slice without a positive, "unavailable" for a larger one).
     */
    private static XYTextAnnotation withoutPoint(Point p, AxisRange range, int row) {
        XYTextAnnotation note = new XYTextAnnotation(p.verdictWord(), row, range.lower());
        note.setTextAnchor(TextAnchor.CENTER_LEFT);
        note.setPaint(Palette.awt(Palette.NEUTRAL));
        note.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        return note;
    }

    /**
     * Tooltips made once with the chart: JFreeChart asks for every item's tooltip on every draw, and formatting
     * them there cost a quarter of a second per redraw of a 68-slice chart.
     *
     * @param bySeries a series' tooltips by point
     */
    private static XYToolTipGenerator byPoint(IntFunction<List<String>> bySeries) {
        return (dataset, series, item) -> bySeries.apply(series).get((int) Math.round(dataset.getXValue(series, item)));
    }

    private static XYErrorRenderer renderer() {
        XYErrorRenderer renderer = new XYErrorRenderer() {
            private static final long serialVersionUID = 1L;

            /** A value without an interval has no whisker: a zero-length one is a bar through a hollow mark. */
            @Override
            public void drawItem(Graphics2D g2, XYItemRendererState state,
                                 Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
                                 ValueAxis domainAxis, ValueAxis rangeAxis,
                                 XYDataset dataset, int series, int item,
                                 CrosshairState crosshairState, int pass) {
                if (pass == 0 && dataset instanceof IntervalXYDataset intervals
                        && intervals.getStartYValue(series, item) == intervals.getEndYValue(series, item)) {
                    return;
                }
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                        crosshairState, pass);
                if (pass == 0 && state.getEntityCollection() != null && dataset instanceof IntervalXYDataset intervals) {
                    // the whole whisker gives the row's tooltip, not its mark alone: a reviewer hovering an interval
                    // of a long cross learnt nothing
                    double row = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea,
                            plot.getDomainAxisEdge());
                    double low = rangeAxis.valueToJava2D(intervals.getStartYValue(series, item), dataArea,
                            plot.getRangeAxisEdge());
                    double high = rangeAxis.valueToJava2D(intervals.getEndYValue(series, item), dataArea,
                            plot.getRangeAxisEdge());
                    Rectangle2D whisker = new Rectangle2D.Double(Math.min(low, high), row - getCapLength() / 2,
                            Math.abs(high - low), getCapLength()).createIntersection(dataArea);
                    if (!whisker.isEmpty()) {
                        addEntity(state.getEntityCollection(), whisker, dataset, series, item, 0, 0);
                    }
                }
            }
        };
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(6);
        return renderer;
    }

    private XYPlot plot(YIntervalSeriesCollection dataset, XYErrorRenderer renderer, List<Point> points,
                        String valueAxisLabel, MetricFormat numbers) {
        SymbolAxis slices = new RowAxis(axisLabels(points));
        slices.setInverted(true);
        // One label per slice, always: an automatic tick unit would silently skip every other slice when crowded.
        slices.setAutoTickUnitSelection(false);
        slices.setTickUnit(new NumberTickUnit(1), false, false);
        slices.setGridBandsVisible(false);
        slices.setRange(-0.6, Math.max(points.size(), 1) - 0.4);
        NumberAxis values = new RoundTickAxis(valueAxisLabel);
        values.setAutoRangeIncludesZero(true);
        // "−0.06" with a true minus as in the table, and "−$20k" rather than "−$20,000" in the target's units
        values.setNumberFormatOverride(new AxisTickFormat(numbers));
        XYPlot plot = new XYPlot(dataset, slices, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /**
     * The arrows where a row runs past the axis ({@link AxisRange#edgeMarks}): a whisker that runs on, so it is never
     * mistaken for a short one, and a value written by its arrow ("◀ −0.333", "+$8,199 ▶": a point past the edge, or
     * the end of a forest's whisker), on the theme's background ({@link org.verdict.ui.chart.ChartLook}) so the
     * whisker does not strike it through, where it ends clear of the row's point at the pane's width
     * ({@link EvidenceCharts#placeNotes}). Hovered, each gives the row's tooltip, as its point does.
     */
    private static void markEdges(XYPlot plot, AxisRange range, double row, double estimate,
                                  List<AxisRange.EdgeMark> marks, String tooltip) {
        for (AxisRange.EdgeMark mark : marks) {
            double edge = mark.atLower() ? range.lower() : range.upper();
            XYTextAnnotation arrow = mark.writesValue()
                    ? new EvidenceCharts.EdgeValue(mark, row, edge, estimate, VALUE_BY_ARROW)
                    : new XYTextAnnotation(mark.text(), row, edge);
            arrow.setTextAnchor(mark.atLower() ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
            arrow.setPaint(Palette.awt(Palette.NEUTRAL));
            if (mark.writesValue()) {
                arrow.setBackgroundPaint(Color.WHITE);
            } else {
                arrow.setFont(ARROW);
            }
            arrow.setToolTipText(tooltip);
            plot.addAnnotation(arrow);
        }
    }

    /** Δ of a point without an interval, with the decimals of the two models' values it is the difference of. */
    private static String pointDelta(MetricFormat numbers, Point p) {
        return numbers.signedAmong(p.delta(), p.production(), p.productionLow(), p.productionHigh(), p.candidate(),
                p.candidateLow(), p.candidateHigh());
    }

    /**
     * A worse slice carries the ▼ in its axis label too, readable in grayscale print. Every row keeps its n and names
     * its column as the table and the gates do ("language=ko", never "lan=ko"): where the chart has no room for the
     * labels, a value loses its middle first ({@link RowAxis}); only a chart of one column's slices (whose picker names
     * it) names its rows by their values alone ("one_year", "two_year"), and not where two rows would then read alike.
     */
    static List<RowAxis.Row> axisLabels(List<Point> points) {
        List<String> slices = points.stream().map(Point::label).toList();
        boolean valuesNameTheRows = slices.stream().map(SliceCharts::valuesOnly).distinct().count() == slices.size()
                && points.stream().filter(p -> p.label().contains("=")).map(p -> columnsOf(p.label())).distinct()
                .count() <= 1;
        List<List<String>> forms = points.stream().map(p -> {
            List<String> rowForms = new ArrayList<>();
            rowForms.add(rowLabel(p.label()));
            if (valuesNameTheRows) {
                rowForms.add(valuesOnly(p.label()));
            }
            return rowForms;
        }).toList();
        // the shortest form drops the words a column's slices all share, so what tells a row apart stays in view
        List<String> shortest = forms.stream().map(f -> f.get(f.size() - 1)).toList();
        List<String> named = RowLabels.sharedWordsElided(shortest, true);
        List<String> bare = RowLabels.sharedWordsElided(shortest, false);
        List<RowAxis.Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            String mark = p.verdict() == Verdict.WORSE ? " " + Palette.WORSE_MARK
                    : p.verdict() == Verdict.BETTER ? " " + Palette.BETTER_MARK : "";
            List<String> rowForms = new ArrayList<>(forms.get(i));
            rowForms.add(named.get(i));
            rowForms.add(bare.get(i));
            rows.add(new RowAxis.Row(rowForms.stream().distinct().toList(), " (" + p.sampleSize() + ")",
                    mark));
        }
        return rows;
    }

    /** The columns a slice label names, in order: "segment=ent × language=en" → [segment, language]. */
    private static List<String> columnsOf(String sliceLabel) {
        return Arrays.stream(sliceLabel.split(" × ", -1)).filter(part -> part.contains("="))
                .map(part -> part.substring(0, part.indexOf('='))).toList();
    }

    /** "contract=one_year × tenure_band=25-60" as "one_year × 25-60". */
    static String valuesOnly(String sliceLabel) {
        return Arrays.stream(sliceLabel.split(" × ", -1))
                .map(part -> part.substring(part.indexOf('=') + 1))
                .collect(Collectors.joining(" × "));
    }

    /**
     * A slice's label without the column's name where its value already says it ("country=country_07" reads
     * "country_07", "plan=plan_pro" "plan_pro", not "region=regional"), so a chart of many such slices leaves its plot the room; a value
     * that does not name its column keeps it ("neighborhood=N23"). Each part of a cross is judged on its own.
     */
    static String rowLabel(String sliceLabel) {
        return Arrays.stream(sliceLabel.split(" × ", -1)).map(part -> {
            int equals = part.indexOf('=');
            String column = equals < 0 ? "" : part.substring(0, equals);
            String value = equals < 0 ? part : part.substring(equals + 1);
            boolean namesItsColumn = !column.isEmpty() && value.length() > column.length()
                    && value.regionMatches(true, 0, column, 0, column.length())
                    && !Character.isLetter(value.charAt(column.length()));
            return namesItsColumn ? value : part;
        }).collect(Collectors.joining(" × "));
    }

    private static JFreeChart chart(XYPlot plot, String title) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        return chart;
    }

    private static Shape triangle(boolean up) {
        int s = 6;
        return up ? new Polygon(new int[] {-s, s, 0}, new int[] {s, s, -s}, 3)
                : new Polygon(new int[] {-s, s, 0}, new int[] {-s, -s, s}, 3);
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-MARK_SIZE / 2, -MARK_SIZE / 2, MARK_SIZE, MARK_SIZE);
    }

    private static Shape diamond() {
        return new Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4);
    }

    private static Shape square() {
        return new Rectangle2D.Double(-4.5, -4.5, 9, 9);
    }

    /**
     * A model's value with its interval; one without (its bounds are its value) says so, "0.750 (no interval)" (the
     * tooltip adds the slice's reason), never a zero-width "[0.750, 0.750]".
     */
    static String modelText(MetricFormat numbers, double value, double low, double high) {
        return low == value && high == value ? numbers.value(value) + " (no interval)"
                : numbers.estimate(value, low, high);
    }
}
