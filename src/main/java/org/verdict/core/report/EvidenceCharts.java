package org.verdict.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.verdict.core.compare.AxisRange;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceChart.DeltaForest;
import org.verdict.core.evidence.EvidenceChart.DeltaRow;
import org.verdict.core.evidence.EvidenceChart.Distribution;
import org.verdict.core.evidence.EvidenceChart.Limit;
import org.verdict.core.evidence.EvidenceChart.PairedEstimates;
import org.verdict.core.evidence.EvidenceChart.PairedRow;
import org.verdict.core.evidence.EvidenceChart.Sample;
import org.verdict.core.evidence.EvidenceChart.Series;
import org.verdict.core.evidence.EvidenceChart.SeriesRole;
import org.verdict.core.evidence.EvidenceChart.TimePoint;
import org.verdict.core.evidence.EvidenceChart.TimeSeries;
import org.verdict.core.stats.Interval;

/**
 * Turns chart descriptions into JFreeChart charts in the report's visual language, for every medium: the same chart
 * object is drawn as SVG into the HTML and as vectors into the PDF, and the app's Evidence view shows it in its
 * theme. Every number and date is formatted without the machine's locale or time zone, so the output is the same
 * everywhere.
 */
public final class EvidenceCharts {
    static final double WIDTH = 640;
    /** The most of a chart's width its rows' labels take. */
    static final double LABEL_SHARE = 0.4;
    /** A row label's sample size, kept whole when the label is shortened: " (n=1,204)". */
    private static final Pattern TRAILING_COUNT = Pattern.compile(" \\([^()]*\\)$");
    /** Measures labels in the chart's fonts. */
    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    private static final double ROW_HEIGHT = 24;
    private static final double FRAME_HEIGHT = 110;
    private static final double PAIRED_ROW_HEIGHT = 1.5 * ROW_HEIGHT;
    /** Bins of a distribution: enough to show its shape and tail at chart width. */
    private static final int DISTRIBUTION_BINS = 60;
    /** How far apart (ms) series with intervals stand around their day. */
    private static final long DAY_DODGE = 3 * 3_600_000L;
    /** How far the words beside a point without an interval stand from it, as a share of the axis. */
    static final double NOTE_GAP = 0.02;
    /** The size of the words beside a point without an interval, and the smallest they shrink to to fit clear. */
    private static final float NOTE_TEXT = 9f;
    private static final float SMALLEST_NOTE_TEXT = 7f;
    /** The size of an arrow at the axis's edge and of the value it writes. */
    private static final float EDGE_TEXT = 11f;
    /** How far a value written at the axis's edge stays from its row's point: half a marker and a little air, px. */
    private static final double EDGE_VALUE_CLEARANCE = 8;
    /** The legend of a forest plot's points without an interval; the words beside each say why. */
    static final String NO_INTERVAL_LEGEND = "no interval (reason beside it)";
    /** Vertical room for one limit's label. */
    private static final double LIMIT_LANE = 13;
    /** How far a limit of one row reaches above and below the row's centre, in rows: past both models' points. */
    private static final double ROW_LIMIT_REACH = 0.4;
    /** A policy's limit: a dashed line, which the app gives its theme's text colour. */
    public static final BasicStroke LIMIT_STROKE =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f);
    /** A measured reference's interval behind its line: a translucent grey that reads on a light or dark theme. */
    private static final Color LIMIT_BAND = new Color(0x80, 0x80, 0x80, 0x38);

    private final ReportFonts fonts;

    public EvidenceCharts() {
        this(new ReportFonts());
    }

    EvidenceCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** Height that gives every row of the chart room for its label. */
    public static double heightOf(EvidenceChart chart) {
        return heightOf(chart, rowCount(chart));
    }

    /**
     * The plot's part of {@link #heightOf(EvidenceChart)} at the report's text size: its rows and the limits' lanes,
     * without the titles, value axis and legend (a view that wraps its titles at another width adds its own).
     */
    public static double plotHeightOf(EvidenceChart chart) {
        return heightOf(chart) - FRAME_HEIGHT;
    }

    /** Height of a chart, or of a part of a row chart ({@link #buildRows}), that shows this many rows. */
    public static double heightOf(EvidenceChart chart, int rows) {
        if (chart instanceof DeltaForest) {
            return FRAME_HEIGHT + ROW_HEIGHT * Math.max(2, rows);
        }
        if (chart instanceof PairedEstimates paired) {
            return FRAME_HEIGHT + PAIRED_ROW_HEIGHT * Math.max(2, rows) + LIMIT_LANE * limitLanes(paired);
        }
        return 300;
    }

    /** The rows a chart lists top to bottom (forest plots, paired estimates); 0 for a chart that cannot be split. */
    public static int rowCount(EvidenceChart chart) {
        if (chart instanceof DeltaForest forest) {
            return forest.rows().size();
        }
        if (chart instanceof PairedEstimates paired) {
            return paired.rows().size();
        }
        return 0;
    }

    /**
     * How a chart of both models (paired estimates) names them in its legend: by role alone in the approval pack,
     * whose charts stay as they are, or by role and version in the app, e.g. "production 42".
     */
    public record ModelNames(String production, String candidate) {
        public static final ModelNames ROLES = new ModelNames("production", "candidate");

        public static ModelNames withVersions(String productionVersion, String candidateVersion) {
            return new ModelNames(ROLES.production() + " " + productionVersion,
                    ROLES.candidate() + " " + candidateVersion);
        }
    }

    public JFreeChart build(EvidenceChart chart) {
        return build(chart, ModelNames.ROLES);
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) of a row chart too tall for one page, on the whole
     * chart's value axis (every part has the same scale, so parts compare at a glance), titled as a part,
     * e.g. "… (rows 26–50 of 69)".
     */
    public JFreeChart buildRows(EvidenceChart chart, int from, int to) {
        int rows = rowCount(chart);
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException("rows " + from + "–" + to + " of a chart of " + rows);
        }
        JFreeChart built = build(chart, ModelNames.ROLES);
        if (from == 0 && to == rows) {
            return built;
        }
        ValueAxis rowAxis = built.getXYPlot().getRangeAxis();
        double lanes = rowAxis.getLowerBound() + 0.6;
        rowAxis.setRange(from - 0.6 + lanes, to - 0.4);
        built.getTitle().setText(chart.title() + " (rows " + (from + 1) + "–" + to + " of " + rows + ")");
        return built;
    }

    public JFreeChart build(EvidenceChart chart, ModelNames names) {
        XYPlot plot;
        if (chart instanceof DeltaForest forest) {
            plot = forestPlot(forest);
        } else if (chart instanceof PairedEstimates paired) {
            plot = pairedPlot(paired, names);
        } else if (chart instanceof Distribution distribution) {
            plot = distributionPlot(distribution);
        } else {
            plot = timePlot((TimeSeries) chart);
        }
        JFreeChart built = new JFreeChart(chart.title(), fonts.bold(13f), plot, true);
        theme().apply(built);
        built.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(new Color(0x999999));
        LegendTitle legend = built.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(fonts.sans(10f));
        styleRenderer(chart, (XYLineAndShapeRenderer) plot.getRenderer());
        if (plot.getRenderer(1) instanceof XYLineAndShapeRenderer pointsWithoutInterval) {
            // after the theme, which gives every renderer its own default colours
            styleHollow(pointsWithoutInterval);
        }
        if (chart instanceof DeltaForest forest) {
            addNotes(built, forest);
        }
        if (chart instanceof PairedEstimates paired) {
            addNotes(built, paired);
        }
        if (chart instanceof TimeSeries) {
            roomForTheLastDate(built);
            placeNotes(built, WIDTH, heightOf(chart));
        }
        return built;
    }

    /**
     * A date's label is centred on its tick, and the axis may end just after one: half a date's width of padding on
     * the right keeps that label whole ("2026-12-01", not "2026-12-" cut at the chart's edge).
     */
    private static void roomForTheLastDate(JFreeChart built) {
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            double halfDate = g2.getFontMetrics(built.getXYPlot().getDomainAxis().getTickLabelFont())
                    .stringWidth("0000-00-00") / 2.0;
            RectangleInsets padding = built.getPadding();
            built.setPadding(new RectangleInsets(padding.getTop(), padding.getLeft(), padding.getBottom(),
                    padding.getRight() + halfDate));
        } finally {
            g2.dispose();
        }
    }

    /**
     * The words beside each row without an interval, placed at the report's width with the values by the arrows
     * ({@link #placeNotes}): only once the plot's width is known does a text's length say how much of the Δ axis it
     * covers.
     */
    private void addNotes(JFreeChart built, DeltaForest forest) {
        XYPlot plot = built.getXYPlot();
        AxisRange range = forestRange(forest);
        List<DeltaRow> rows = forest.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ci() == null) {
                plot.addAnnotation(new ForestNote(rows.get(i), range, i, fonts.sans(NOTE_TEXT)), false);
            }
        }
        placeNotes(built, WIDTH, heightOf(forest));
    }

    /**
     * The words beside each row of both models without an interval ("too few examples (no interval)"), clear of both
     * its points, placed as a forest's are: points without whiskers beside a title naming intervals read as exactly
     * known.
     */
    private void addNotes(JFreeChart built, PairedEstimates paired) {
        List<PairedRow> rows = paired.rows();
        for (int i = 0; i < rows.size(); i++) {
            PairedRow row = rows.get(i);
            if (row.noIntervalNote() != null) {
                built.getXYPlot().addAnnotation(new ForestNote(row.noIntervalNote(),
                        Math.min(row.production(), row.candidate()), Math.max(row.production(), row.candidate()), i,
                        fonts.sans(NOTE_TEXT)), false);
            }
        }
        placeNotes(built, WIDTH, heightOf(paired));
    }

    private StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("verdict-report", false);
        theme.setExtraLargeFont(fonts.bold(13f));
        theme.setLargeFont(fonts.sans(11f));
        theme.setRegularFont(fonts.sans(10f));
        theme.setSmallFont(fonts.sans(9f));
        return theme;
    }

    private XYPlot forestPlot(DeltaForest forest) {
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        List<DeltaRow> rows = forest.rows();
        for (ForestMark mark : ForestMark.values()) {
            XIntervalSeries series = new XIntervalSeries(mark.legend, false, true);
            for (int i = 0; i < rows.size(); i++) {
                DeltaRow row = rows.get(i);
                if (row.delta() != null && row.ci() != null && ForestMark.of(row) == mark) {
                    Interval ci = row.ci() == null ? new Interval(row.delta(), row.delta()) : row.ci();
                    series.add(row.delta(), ci.lower(), ci.upper(), i);
                }
            }
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        // Δ's ticks as the app's Compare forest writes them: with the target's unit ("−$200"), in short from 1,000
        NumberAxis deltaAxis = valueAxis(forest.axisLabel(), new AxisTickFormat(forest.numbers()));
        AxisRange range = forestRange(forest);
        deltaAxis.setRange(range.lower(), range.upper());
        XYPlot plot = new XYPlot(data, deltaAxis, rowAxis(rows.stream().map(DeltaRow::label).toList()),
                errorRenderer(false));
        ValueMarker zero = new ValueMarker(0.0, ReportPalette.LIMIT, new BasicStroke(1.0f));
        plot.addDomainMarker(zero);
        addPointsWithoutInterval(plot, rows);
        for (int i = 0; i < rows.size(); i++) {
            DeltaRow row = rows.get(i);
            if (row.ci() != null) {
                // an estimate past the edge (its interval is too wide to set the scale) is written by its arrow, on
                // the plot's background so the whisker does not strike it through, as a row without an interval's
                // note is; an estimate on the axis whose whisker runs past has that end written instead
                double delta = row.delta() == null ? Double.NaN : row.delta();
                for (AxisRange.EdgeMark mark : range.edgeMarks(delta, row.ci(), forest.numbers())) {
                    XYTextAnnotation arrow = mark.writesValue()
                            ? new EdgeValue(mark, mark.atLower() ? range.lower() : range.upper(), i, delta,
                                    fonts.bold(EDGE_TEXT))
                            : clippedArrow(mark, range, i);
                    arrow.setPaint(ReportPalette.NO_DIFFERENCE);
                    if (mark.writesValue()) {
                        arrow.setBackgroundPaint(Color.WHITE);
                    }
                    plot.addAnnotation(arrow);
                }
            }
        }
        return plot;
    }

    /**
     * Rows without an interval are drawn as hollow points of their own series, by a renderer that draws no whiskers
     * (an error renderer would draw a zero-length one, a bar through the point), never as a decided row.
     */
    private static void addPointsWithoutInterval(XYPlot plot, List<DeltaRow> rows) {
        XYSeries points = new XYSeries(NO_INTERVAL_LEGEND, false, true);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ci() == null && rows.get(i).delta() != null) {
                points.add(rows.get(i).delta().doubleValue(), i);
            }
        }
        if (points.isEmpty()) {
            return;
        }
        plot.setDataset(1, new XYSeriesCollection(points));
        plot.setRenderer(1, new XYLineAndShapeRenderer(false, true));
    }

    private static void styleHollow(XYLineAndShapeRenderer renderer) {
        renderer.setSeriesPaint(0, Style.NO_INTERVAL.paint);
        renderer.setSeriesShape(0, Style.NO_INTERVAL.shape);
        renderer.setSeriesShapesFilled(0, false);
    }

    /**
     * The Δ axis, by the rule the app's Compare forest shares ({@link AxisRange#ofForest}): a row with too few examples
     * or an interval marked "no information" sets no scale; past the edge its whisker ends in an arrow.
     */
    static AxisRange forestRange(DeltaForest forest) {
        return AxisRange.ofForest(forest.rows().stream().map(r -> new AxisRange.ForestRow(
                r.delta() == null ? Double.NaN : r.delta(), r.ci(), r.verdict() == Verdict.TOO_FEW_EXAMPLES,
                r.noInformation())).toList());
    }

    /**
     * Places the words beside each point without an interval ({@link ForestNote}) for the chart drawn {@code width} by
     * {@code height}: the approval pack at its width, the app's pane at its own, which is often narrower (a note placed
     * for 640 px ran past the plot's left edge of a 520-px pane and was cut to "able, Δ −0.034 (no interval)"). Each
     * note stands beside its point where it crosses neither the 0 line nor the point, else on the far side of the 0
     * line, at a smaller size when it fits nowhere at the usual one (a point near 0 leaves little room either side);
     * failing that, across the 0 line on the plot's background, beside its point; it is never cut at the plot's edge
     * where the plot is wide enough for it. The values written by arrows at the axis's edge ({@link EdgeValue}) are
     * checked at the same width, and the labels of limits over time ({@link LineLimitLabel}) stand along their lines
     * clear of every point and whisker. Call it again after anything that changes the plot's width or text size.
     */
    public static void placeNotes(JFreeChart chart, double width, double height) {
        XYPlot plot = chart.getXYPlot();
        List<ForestNote> notes = plot.getAnnotations().stream().filter(ForestNote.class::isInstance)
                .map(ForestNote.class::cast).toList();
        List<EdgeValue> edgeValues = plot.getAnnotations().stream().filter(EdgeValue.class::isInstance)
                .map(EdgeValue.class::cast).toList();
        List<LineLimitLabel> lineLabels = plot.getAnnotations().stream().filter(LineLimitLabel.class::isInstance)
                .map(LineLimitLabel.class::cast).toList();
        if (notes.isEmpty() && edgeValues.isEmpty() && lineLabels.isEmpty() || width <= 0 || height <= 0) {
            return;
        }
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
            // the value axis runs across the plot: the domain axis of the report's forests, the range axis of the
            // app's Compare forest, whose rows are its domain
            org.jfree.data.Range axis = (plot.getOrientation() == PlotOrientation.VERTICAL ? plot.getDomainAxis()
                    : plot.getRangeAxis()).getRange();
            AxisRange range = new AxisRange(axis.getLowerBound(), axis.getUpperBound());
            double unitsPerPixel = axis.getLength() / info.getPlotInfo().getDataArea().getWidth();
            for (ForestNote note : notes) {
                note.place(range, g2, unitsPerPixel, plot.getBackgroundPaint());
            }
            for (EdgeValue value : edgeValues) {
                value.fit(range, g2, unitsPerPixel);
            }
            placeLineLabels(plot, lineLabels, info.getPlotInfo().getDataArea(), g2);
        } finally {
            g2.dispose();
        }
    }

    /**
     * Stands each limit's label along its line clear of every point and whisker of the plot's series and of the labels
     * placed before it, by the rule of {@link LineLabelPlacement}.
     */
    private static void placeLineLabels(XYPlot plot, List<LineLimitLabel> labels, Rectangle2D area, Graphics2D g2) {
        if (labels.isEmpty()) {
            return;
        }
        List<Rectangle2D> marks = new java.util.ArrayList<>(marksOf(plot, area));
        for (LineLimitLabel label : labels) {
            FontMetrics metrics = g2.getFontMetrics(label.getFont());
            double lineY = plot.getRangeAxis().valueToJava2D(label.value, area, plot.getRangeAxisEdge());
            Rectangle2D box = LineLabelPlacement.place(lineY, metrics.stringWidth(label.getText()),
                    metrics.getHeight(), area, marks);
            label.standOn(box, plot, area);
            marks.add(box);
        }
    }

    /** Each point's marker and each whisker of a plot over time, in its pixels. */
    static List<Rectangle2D> marksOf(XYPlot plot, Rectangle2D area) {
        List<Rectangle2D> marks = new java.util.ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int series = 0; data != null && series < data.getSeriesCount(); series++) {
                for (int item = 0; item < data.getItemCount(series); item++) {
                    double x = plot.getDomainAxis().valueToJava2D(data.getXValue(series, item), area,
                            plot.getDomainAxisEdge());
                    double y = plot.getRangeAxis().valueToJava2D(data.getYValue(series, item), area,
                            plot.getRangeAxisEdge());
                    // the marker as the renderer draws it (the app's may be larger), and a pixel of air
                    Rectangle2D shape = plot.getRendererForDataset(data).getItemShape(series, item).getBounds2D();
                    marks.add(new Rectangle2D.Double(x + shape.getMinX() - 1, y + shape.getMinY() - 1,
                            shape.getWidth() + 2, shape.getHeight() + 2));
                    if (data instanceof YIntervalSeriesCollection intervals) {
                        double low = plot.getRangeAxis().valueToJava2D(intervals.getStartYValue(series, item), area,
                                plot.getRangeAxisEdge());
                        double high = plot.getRangeAxis().valueToJava2D(intervals.getEndYValue(series, item), area,
                                plot.getRangeAxisEdge());
                        double cap = ReportPalette.WHISKER_CAP + ReportPalette.WHISKER_STROKE;
                        marks.add(new Rectangle2D.Double(x - cap / 2, Math.min(low, high) - 1, cap,
                                Math.abs(high - low) + 2));
                    }
                }
            }
        }
        return marks;
    }

    /**
     * The value an arrow at the axis's edge writes beside it ("◀ −$28,013†", "+$35,792 ▶": an end of the row's
     * interval, or "Δ +$1,281 ▶", its estimate past the edge), on the plot's background, always at its one size.
     * {@link #placeNotes} checks it at the width the chart is drawn at: an end's value that would not end clear of its
     * row's point is left out, the bare arrow saying that the whisker runs on (the row's tooltip and the table give the
     * end). Shrunk to fit, p13's "+$1,357" was half the size of the rows below it and still under its ○.
     */
    public static final class EdgeValue extends XYTextAnnotation {
        /** Its size, set again where it is checked: a chart theme applied after it was made sets its own. */
        private final Font font;
        private final String written;
        private final boolean atLower;
        /** The row's point on the value axis; NaN where it has none or it is past the edge (this writes it). */
        private final double point;

        /**
         * @param x     where the text stands: the edge on a value axis across the plot, the row on a row axis
         * @param y     the row, or the edge where the rows run across the plot
         * @param point the row's estimate on the value axis
         */
        public EdgeValue(AxisRange.EdgeMark mark, double x, double y, double point, Font font) {
            super(mark.text(), x, y);
            this.font = font;
            this.written = mark.text();
            this.atLower = mark.atLower();
            this.point = point;
            setFont(font);
            setTextAnchor(atLower ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        }

        private void fit(AxisRange range, Graphics2D g2, double unitsPerPixel) {
            setFont(font);
            boolean clear = Double.isNaN(point) || !range.contains(point)
                    || g2.getFontMetrics(getFont()).stringWidth(written)
                    <= (atLower ? point - range.lower() : range.upper() - point) / unitsPerPixel - EDGE_VALUE_CLEARANCE;
            setText(clear ? written : atLower ? AxisRange.PAST_LOWER : AxisRange.PAST_UPPER);
        }
    }

    /**
     * The words beside a row without an interval ("too few examples", "unstable: …", "unavailable: …"), on the row's
     * line; {@link #placeNotes} sets where along it, and their size. A point past the axis's edge is not drawn: the
     * words stand at the edge with an arrow (they carry Δ's value).
     */
    public static final class ForestNote extends XYTextAnnotation {
        /** The point's Δ, or NaN for none (its words stand at the lower edge). */
        private final double delta;
        /** Where the row's points are on the axis, or the edge they are past: one point, or both models' apart. */
        private final double at;
        private final double upTo;

        ForestNote(DeltaRow row, AxisRange range, int rowIndex, Font font) {
            this(text(row, range), row.delta() == null ? Double.NaN : row.delta(), at(row, range), at(row, range),
                    rowIndex, font);
        }

        /** The words beside a row of both models, whose points at {@code lowest} and {@code highest} they keep clear of. */
        ForestNote(String text, double lowest, double highest, int rowIndex, Font font) {
            this(text, lowest, lowest, highest, rowIndex, font);
        }

        private ForestNote(String text, double delta, double at, double upTo, int rowIndex, Font font) {
            super(text, at, rowIndex);
            this.delta = delta;
            this.at = at;
            this.upTo = upTo;
            setFont(font);
            setTextAnchor(TextAnchor.CENTER_LEFT);
        }

        private static String text(DeltaRow row, AxisRange range) {
            if (row.delta() == null || range.contains(row.delta())) {
                return row.note();
            }
            return range.edgeMarks(row.delta(), row.delta(), row.delta(), row.note()).get(0).text();
        }

        private static double at(DeltaRow row, AxisRange range) {
            if (row.delta() == null) {
                return range.lower();
            }
            return range.contains(row.delta()) ? row.delta() : row.delta() < range.lower() ? range.lower()
                    : range.upper();
        }

        private void place(AxisRange range, Graphics2D g2, double unitsPerPixel, Paint background) {
            // clear of the point's marker (and of the 0 line) by about a marker's width
            double gap = (range.upper() - range.lower()) * NOTE_GAP;
            boolean roomierLeft = (at + upTo) / 2 > (range.lower() + range.upper()) / 2;
            NotePlace besidePoint = new NotePlace(roomierLeft ? at - gap : upTo + gap, !roomierLeft);
            NotePlace otherSide = new NotePlace(roomierLeft ? upTo + gap : at - gap, roomierLeft);
            // nearest the point first, on its roomier side; then across the 0 line from it
            List<NotePlace> clear = List.of(besidePoint, otherSide, new NotePlace(gap, true), new NotePlace(-gap, false));
            for (float size = NOTE_TEXT; size >= SMALLEST_NOTE_TEXT; size -= 0.5f) {
                for (NotePlace place : clear) {
                    if (fits(place, size, range, g2, unitsPerPixel, gap, false)) {
                        show(place, size, null);
                        return;
                    }
                }
            }
            // nowhere clear of the 0 line: beside the point, across the line, on the plot's background so that the
            // line does not strike the words through
            for (NotePlace place : List.of(besidePoint, otherSide)) {
                if (fits(place, SMALLEST_NOTE_TEXT, range, g2, unitsPerPixel, gap, true)) {
                    show(place, SMALLEST_NOTE_TEXT, background);
                    return;
                }
            }
            // a plot too narrow for the words on either side of the point: whole inside it, from its roomier edge
            show(roomierLeft ? new NotePlace(range.lower(), true) : new NotePlace(range.upper(), false),
                    SMALLEST_NOTE_TEXT, background);
        }

        private boolean fits(NotePlace place, float size, AxisRange range, Graphics2D g2, double unitsPerPixel,
                             double gap, boolean acrossZero) {
            double width = g2.getFontMetrics(getFont().deriveFont(size)).stringWidth(getText()) * unitsPerPixel;
            double from = place.rightward() ? place.anchor() : place.anchor() - width;
            double to = from + width;
            boolean crossesZero = from < gap && to > -gap;
            boolean crossesPoint = !Double.isNaN(delta) && from < upTo + gap && to > at - gap;
            return from >= range.lower() && to <= range.upper() && (acrossZero || !crossesZero) && !crossesPoint;
        }

        private void show(NotePlace place, float size, Paint background) {
            setX(place.anchor());
            setTextAnchor(place.rightward() ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
            setFont(getFont().deriveFont(size));
            setBackgroundPaint(background);
        }
    }

    /** Where a note's text starts ({@code rightward}) or ends, on the Δ axis. */
    private record NotePlace(double anchor, boolean rightward) {
    }

    private XYTextAnnotation clippedArrow(AxisRange.EdgeMark mark, AxisRange range, double row) {
        XYTextAnnotation arrow = new XYTextAnnotation(mark.text(), mark.atLower() ? range.lower() : range.upper(),
                row);
        arrow.setTextAnchor(mark.atLower() ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        arrow.setFont(fonts.bold(EDGE_TEXT));
        arrow.setPaint(ReportPalette.NO_DIFFERENCE);
        return arrow;
    }

    private XYPlot pairedPlot(PairedEstimates paired, ModelNames names) {
        XIntervalSeries production = new XIntervalSeries(names.production(), false, true);
        XIntervalSeries candidate = new XIntervalSeries(names.candidate(), false, true);
        List<PairedRow> rows = paired.rows();
        for (int i = 0; i < rows.size(); i++) {
            PairedRow row = rows.get(i);
            addWithInterval(production, row.production(), row.productionCi(), i - 0.17);
            addWithInterval(candidate, row.candidate(), row.candidateCi(), i + 0.17);
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(production);
        data.addSeries(candidate);
        ValueAxis rowAxis = rowAxis(rows.stream().map(PairedRow::label).toList());
        // room above the first row for the limits' labels, one lane each
        rowAxis.setRange(rowAxis.getLowerBound() - LIMIT_LANE * limitLanes(paired) / PAIRED_ROW_HEIGHT,
                rowAxis.getUpperBound());
        XYPlot plot = new XYPlot(data, valueAxis(paired.axisLabel()), rowAxis, pairedRenderer(rows));
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        // with intervals, zoom in on the values (the whiskers show how much a gap means); without, keep zero in
        // view so that a tiny gap does not look large
        boolean withZero = rows.stream().anyMatch(r -> r.productionCi() == null || r.candidateCi() == null);
        axis.setAutoRangeIncludesZero(withZero);
        scaleToJudgedRows(plot, axis, rows, withZero);
        addLimits(plot, axis, paired.limits().stream().filter(limit -> !limit.ofOneRow()).toList(), true);
        addRowLimits(plot, axis, paired);
        return plot;
    }

    /**
     * With rows set aside (a fairness group too small to judge, whose modified Wilson interval spans much of [0, 1]), the axis
     * spans the judged rows' values and intervals and only the set-aside rows' values: a group of 15 rows with an
     * interval [0, 0.204] had squashed the judged groups' rates of 0.014 ± 0.003 into a few pixels. A set-aside
     * whisker that runs past the edge ends in an arrow there.
     */
    private void scaleToJudgedRows(XYPlot plot, NumberAxis axis, List<PairedRow> rows, boolean withZero) {
        if (rows.stream().noneMatch(PairedRow::setAside) || rows.stream().allMatch(PairedRow::setAside)) {
            return;
        }
        DoubleStream.Builder values = DoubleStream.builder();
        for (PairedRow row : rows) {
            values.add(row.production()).add(row.candidate());
            if (!row.setAside()) {
                for (Interval ci : new Interval[] {row.productionCi(), row.candidateCi()}) {
                    if (ci != null) {
                        values.add(ci.lower()).add(ci.upper());
                    }
                }
            }
        }
        AxisRange range = AxisRange.covering(values.build(), withZero);
        axis.setRange(range.lower(), range.upper());
        for (int i = 0; i < rows.size(); i++) {
            PairedRow row = rows.get(i);
            if (!row.setAside()) {
                continue;
            }
            clipped(plot, row.productionCi(), range, i - 0.17);
            clipped(plot, row.candidateCi(), range, i + 0.17);
        }
    }

    private void clipped(XYPlot plot, Interval ci, AxisRange range, double y) {
        if (ci == null) {
            return;
        }
        for (AxisRange.EdgeMark mark : range.edgeMarks(Double.NaN, ci.lower(), ci.upper(), null)) {
            plot.addAnnotation(clippedArrow(mark, range, y));
        }
    }

    /**
     * Lanes above the first row: one per limit of the whole chart, and one for the label of the first row's own
     * limit, which stands above its row like every row's.
     */
    private static int limitLanes(PairedEstimates paired) {
        long wholeChart = paired.limits().stream().filter(limit -> !limit.ofOneRow()).count();
        boolean firstRowHasOne = !paired.rows().isEmpty() && paired.limits().stream()
                .anyMatch(limit -> paired.rows().get(0).label().equals(limit.row()));
        return (int) wholeChart + (firstRowHasOne ? 1 : 0);
    }

    /**
     * A limit of one row (a harm category's own accepted rate) is a dashed segment across that row only, labelled
     * in the gap above the row, so that no reader takes another category's limit for it. The label reads away from
     * the nearer edge of the plot, as the whole-chart limits' labels do.
     */
    private void addRowLimits(XYPlot plot, NumberAxis axis, PairedEstimates paired) {
        List<String> labels = paired.rows().stream().map(PairedRow::label).toList();
        List<Limit> ofRows = paired.limits().stream().filter(Limit::ofOneRow).toList();
        for (Limit limit : ofRows) {
            includeInRange(axis, limit.value());
        }
        org.jfree.data.Range range = axis.getRange();
        for (Limit limit : ofRows) {
            int row = labels.indexOf(limit.row());
            if (row < 0) {
                throw new IllegalArgumentException("limit " + limit.label() + " of row " + limit.row()
                        + ", which the chart does not have");
            }
            plot.addAnnotation(new RowLimitSegment(limit.value(), row - ROW_LIMIT_REACH, limit.value(),
                    row + ROW_LIMIT_REACH, LIMIT_STROKE, ReportPalette.LIMIT));
            RowLimitLabel label = new RowLimitLabel(limit.label(), limit.value(), row - ROW_LIMIT_REACH);
            label.setFont(fonts.sans(9f));
            label.setPaint(ReportPalette.LIMIT);
            boolean nearLeft = (limit.value() - range.getLowerBound()) < range.getLength() * 0.3;
            label.setTextAnchor(nearLeft ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
            plot.addAnnotation(label);
        }
    }

    /** The dashed segment of a limit of one row; the app gives it its theme's colour. */
    public static final class RowLimitSegment extends XYLineAnnotation {
        public RowLimitSegment(double x1, double y1, double x2, double y2, Stroke stroke, Paint paint) {
            super(x1, y1, x2, y2, stroke, paint);
        }
    }

    /**
     * The label of a limit drawn across a plot over time, placed along its line by {@link #placeNotes} clear of the
     * points, whiskers and the other labels ({@link LineLabelPlacement}); the app gives it its theme's colours and
     * text size.
     */
    public static final class LineLimitLabel extends XYTextAnnotation {
        private final double value;

        LineLimitLabel(String text, double value) {
            super(text, 0, value);
            this.value = value;
            setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        }

        /** Stands the label on {@code box}, a place in the plot's pixels, at the axes' scale of {@code area}. */
        private void standOn(Rectangle2D box, XYPlot plot, Rectangle2D area) {
            setX(plot.getDomainAxis().java2DToValue(box.getMaxX(), area, plot.getDomainAxisEdge()));
            boolean above = box.getMaxY() <= plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge());
            setY(plot.getRangeAxis().java2DToValue(above ? box.getMaxY() : box.getMinY(), area,
                    plot.getRangeAxisEdge()));
            setTextAnchor(above ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        }
    }

    /** The label of a limit of one row, above the row; the app gives it its theme's colour and text size. */
    public static final class RowLimitLabel extends XYTextAnnotation {
        public RowLimitLabel(String text, double x, double y) {
            super(text, x, y);
        }
    }

    /**
     * Draws the policy's limits as labelled dashed lines. Vertical lines (paired estimates) put each label in its own
     * lane above the first row, so that close limits (accepted rates of 0.010 and 0.015) neither overlap each other
     * nor hide a whisker; a label near the left edge reads to the right of its line.
     */
    private void addLimits(XYPlot plot, NumberAxis axis, List<Limit> limits, boolean vertical) {
        for (Limit limit : limits) {
            includeInRange(axis, limit.value());
            if (limit.ci() != null) {
                // a measured reference's interval is whole on the axis, a band behind its line (the human
                // reviewers' 0.920 [0.884, 0.946] was a bare line on an axis from 0.915)
                includeInRange(axis, limit.ci().lower());
                includeInRange(axis, limit.ci().upper());
                IntervalMarker band = new IntervalMarker(limit.ci().lower(), limit.ci().upper(), LIMIT_BAND);
                if (vertical) {
                    plot.addDomainMarker(band, Layer.BACKGROUND);
                } else {
                    plot.addRangeMarker(band, Layer.BACKGROUND);
                }
            }
        }
        List<Limit> byValue = limits.stream().sorted(Comparator.comparingDouble(Limit::value)).toList();
        org.jfree.data.Range range = axis.getRange();
        for (int lane = 0; lane < byValue.size(); lane++) {
            Limit limit = byValue.get(lane);
            ValueMarker line = new ValueMarker(limit.value(), ReportPalette.LIMIT, LIMIT_STROKE);
            line.setLabel(limit.label());
            line.setLabelFont(fonts.sans(9f));
            line.setLabelBackgroundColor(Color.WHITE);
            if (vertical) {
                boolean nearLeft = (limit.value() - range.getLowerBound()) < range.getLength() * 0.3;
                line.setLabelAnchor(nearLeft ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
                line.setLabelTextAnchor(nearLeft ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
                line.setLabelOffset(new RectangleInsets(2 + LIMIT_LANE * lane, 3, 2, 3));
                plot.addDomainMarker(line);
            } else {
                // the label stands along the line where it covers no point, whisker or other label, placed for the
                // width the chart is drawn at (placeNotes)
                line.setLabel(null);
                LineLimitLabel label = new LineLimitLabel(limit.label(), limit.value());
                label.setFont(fonts.sans(9f));
                label.setPaint(ReportPalette.LIMIT);
                label.setBackgroundPaint(Color.WHITE);
                plot.addAnnotation(label, false);
                plot.addRangeMarker(line);
            }
        }
    }

    private static void addWithInterval(XIntervalSeries series, double value, Interval ci, double y) {
        Interval bounds = ci == null ? new Interval(value, value) : ci;
        series.add(value, bounds.lower(), bounds.upper(), y);
    }

    /** Keeps a policy limit visible even when every value lies far from it. */
    private static void includeInRange(NumberAxis axis, double value) {
        axis.configure();
        org.jfree.data.Range range = axis.getRange();
        double span = Math.max(range.getLength(), Math.abs(value) * 0.1);
        double lower = Math.min(range.getLowerBound(), value - span * 0.05);
        double upper = Math.max(range.getUpperBound(), value + span * 0.05);
        axis.setRange(lower, upper);
    }

    private XYPlot timePlot(TimeSeries timeSeries) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        // several series with intervals on the same days stand a little apart, so that no whisker hides another
        List<Series> withIntervals = timeSeries.series().stream()
                .filter(series -> series.points().stream().anyMatch(p -> p.ci() != null)).toList();
        for (Series series : timeSeries.series()) {
            YIntervalSeries points = new YIntervalSeries(series.name(), false, true);
            long dodge = withIntervals.size() < 2 || !withIntervals.contains(series) ? 0
                    : Math.round((withIntervals.indexOf(series) - (withIntervals.size() - 1) / 2.0) * 2 * DAY_DODGE);
            for (TimePoint point : series.points()) {
                Interval ci = point.ci() == null ? new Interval(point.value(), point.value()) : point.ci();
                long millis = point.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + dodge;
                points.add(millis, point.value(), ci.lower(), ci.upper());
            }
            data.addSeries(points);
        }
        TimeZone utc = TimeZone.getTimeZone("UTC");
        DateAxis dates = new DateAxis(null, utc, Locale.ROOT);
        // tick units aligned to UTC calendar days and months, not to the machine's zone
        dates.setStandardTickUnits(DateAxis.createStandardDateTickUnits(utc, Locale.ROOT));
        SimpleDateFormat isoDate = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        isoDate.setTimeZone(utc);
        dates.setDateFormatOverride(isoDate);
        NumberAxis values = valueAxis(timeSeries.axisLabel());
        values.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = errorRenderer(true);
        XYPlot plot = new XYPlot(data, dates, values, renderer);
        addLimits(plot, values, timeSeries.limits(), false);
        return plot;
    }

    /** Frequency polygons over shared bins: lines, so that two models never blend into a third colour. */
    private XYPlot distributionPlot(Distribution distribution) {
        HistogramDataset data = new HistogramDataset();
        for (Sample sample : distribution.samples()) {
            if (sample.values().length > 0) {
                data.addSeries(sample.name(), sample.values(), DISTRIBUTION_BINS);
            }
        }
        NumberAxis values = valueAxis(distribution.axisLabel());
        values.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, values, valueAxis("count"), lines);
        addLimits(plot, values, distribution.limits(), true);
        return plot;
    }

    NumberAxis valueAxis(String label) {
        return valueAxis(label, tickFormat());
    }

    private static NumberAxis valueAxis(String label, NumberFormat ticks) {
        // spaced by the labels of the ticks it draws ("0.001"), not of its ends ("0", "0.01"): those ran together
        NumberAxis axis = new RoundTickAxis(label);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        axis.setNumberFormatOverride(ticks);
        return axis;
    }

    /**
     * Tick labels as the tables write numbers: thousands separators (a count axis reads 1,200, dollars 20,000) and
     * a true minus sign, whatever the machine's locale.
     */
    static DecimalFormat tickFormat() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setMinusSign('−');
        return new DecimalFormat("#,##0.###", symbols);
    }

    private ValueAxis rowAxis(List<String> labels) {
        SymbolAxis axis = new SymbolAxis(null, fittedRowLabels(labels).toArray(String[]::new));
        axis.setInverted(true);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.6, Math.max(labels.size(), 1) - 0.4);
        axis.setAutoRange(false);
        return axis;
    }

    /**
     * The rows' labels in at most {@link #LABEL_SHARE} of the chart's width, so the plot keeps its ticks, the words
     * beside its points and its axis title whole: labels too long lose the words their column's slices all share,
     * then the middles of their values, never their columns' names or their n (the full names are in the table beside
     * the chart).
     */
    List<String> fittedRowLabels(List<String> labels) {
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            FontMetrics metrics = g2.getFontMetrics(fonts.sans(10f));
            double room = LABEL_SHARE * WIDTH;
            if (labels.stream().allMatch(label -> metrics.stringWidth(label) <= room)) {
                return labels;
            }
            return RowLabels.sharedWordsElided(labels, true).stream().map(label -> {
                Matcher count = TRAILING_COUNT.matcher(label);
                return count.find()
                        ? RowLabels.cutValues(label.substring(0, count.start()), count.group(), metrics::stringWidth, room)
                        : RowLabels.cutValues(label, "", metrics::stringWidth, room);
            }).toList();
        } finally {
            g2.dispose();
        }
    }

    private static XYErrorRenderer errorRenderer(boolean overTime) {
        return configured(new XYErrorRenderer(), overTime);
    }

    /** Both models' points and whiskers per row; a row set aside (not judged) in grey for both. */
    private static XYErrorRenderer pairedRenderer(List<PairedRow> rows) {
        XYErrorRenderer renderer = new XYErrorRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                // item i of either series is row i (addWithInterval adds one item per row)
                return rows.get(item).setAside() ? ReportPalette.SET_ASIDE : super.getItemPaint(series, item);
            }

            @Override
            public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
                                 PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                                 XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
                // pass 0 draws the whiskers (and lines, which these rows have none of): a point without an interval
                // gets none, where a zero-width one would put a cap through it
                PairedRow row = rows.get(item);
                if (pass == 0 && (series == 0 ? row.productionCi() : row.candidateCi()) == null) {
                    return;
                }
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                        crosshairState, pass);
            }
        };
        return configured(renderer, false);
    }

    private static XYErrorRenderer configured(XYErrorRenderer renderer, boolean overTime) {
        renderer.setDrawXError(!overTime);
        renderer.setDrawYError(overTime);
        renderer.setDefaultLinesVisible(overTime);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(ReportPalette.WHISKER_CAP);
        renderer.setErrorStroke(new BasicStroke(ReportPalette.WHISKER_STROKE));
        return renderer;
    }

    private static void styleRenderer(EvidenceChart chart, XYLineAndShapeRenderer renderer) {
        XYPlot plot = (XYPlot) renderer.getPlot();
        int seriesCount = plot.getDataset().getSeriesCount();
        for (int s = 0; s < seriesCount; s++) {
            String key = String.valueOf(plot.getDataset().getSeriesKey(s));
            Style style;
            if (chart instanceof DeltaForest) {
                style = ForestMark.ofLegend(key).style;
            } else if (chart instanceof TimeSeries series) {
                style = series.series().get(s).role() == SeriesRole.PRODUCTION ? Style.PRODUCTION : Style.CANDIDATE;
            } else if (chart instanceof Distribution distribution) {
                style = distribution.samples().get(s).role() == SeriesRole.PRODUCTION ? Style.PRODUCTION
                        : Style.CANDIDATE;
            } else {
                style = s == 0 ? Style.PRODUCTION : Style.CANDIDATE;
            }
            renderer.setSeriesPaint(s, style.paint);
            renderer.setSeriesShape(s, style.shape);
            renderer.setSeriesShapesFilled(s, style.filled);
            renderer.setSeriesStroke(s, style.line);
        }
    }

    /** Colour, marker and line of one kind of series; shapes differ so that grayscale prints stay readable. */
    private enum Style {
        PRODUCTION(ReportPalette.PRODUCTION, circle(), true, new BasicStroke(2f)),
        CANDIDATE(ReportPalette.CANDIDATE, square(), true,
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f)),
        WORSE(ReportPalette.WORSE, triangle(false), true, new BasicStroke(1f)),
        BETTER(ReportPalette.BETTER, triangle(true), true, new BasicStroke(1f)),
        NO_DIFFERENCE(ReportPalette.NO_DIFFERENCE, circle(), true, new BasicStroke(1f)),
        UNDECIDED(ReportPalette.NO_DIFFERENCE, circle(), false, new BasicStroke(1f)),
        /** An interval spanning every Δ the candidate could have: undecided by construction, not by closeness. */
        NO_INFORMATION(ReportPalette.NO_DIFFERENCE, square(), false, new BasicStroke(1f)),
        /** A point without an interval: a shape of its own, never read as an undecided interval's point. */
        NO_INTERVAL(ReportPalette.NO_DIFFERENCE, diamond(), false, new BasicStroke(1f));

        final Paint paint;
        final Shape shape;
        final boolean filled;
        final BasicStroke line;

        Style(Paint paint, Shape shape, boolean filled, BasicStroke line) {
            this.paint = paint;
            this.shape = shape;
            this.filled = filled;
            this.line = line;
        }
    }

    /** The forest plot's legend entries, one per kind of verdict; the legend shows each marker next to its word. */
    private enum ForestMark {
        WORSE("worse", Style.WORSE),
        BETTER("better", Style.BETTER),
        NO_DIFFERENCE("no significant difference", Style.NO_DIFFERENCE),
        // a slice with too few examples has no interval and is drawn as the ◇ of NO_INTERVAL_LEGEND, never here;
        // the app's forest plot names this mark with the same word
        UNDECIDED(Verdict.INCONCLUSIVE.label(), Style.UNDECIDED),
        // the table's Verdict word for such a slice, so that chart and table never call it two things
        NO_INFORMATION(SliceResult.NO_INFORMATION_WORD, Style.NO_INFORMATION);

        final String legend;
        final Style style;

        ForestMark(String legend, Style style) {
            this.legend = legend;
            this.style = style;
        }

        static ForestMark of(DeltaRow row) {
            if (row.noInformation()) {
                return NO_INFORMATION;
            }
            return switch (row.verdict()) {
                case WORSE -> WORSE;
                case BETTER -> BETTER;
                case NO_SIGNIFICANT_DIFFERENCE -> NO_DIFFERENCE;
                default -> UNDECIDED;
            };
        }

        static ForestMark ofLegend(String legend) {
            for (ForestMark mark : values()) {
                if (mark.legend.equals(legend)) {
                    return mark;
                }
            }
            throw new IllegalArgumentException("not a forest plot series: " + legend);
        }
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    }

    private static Shape diamond() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -5.5);
        path.lineTo(5.5, 0);
        path.lineTo(0, 5.5);
        path.lineTo(-5.5, 0);
        path.closePath();
        return path;
    }

    private static Shape square() {
        return new Rectangle2D.Double(-4, -4, 8, 8);
    }

    private static Shape triangle(boolean up) {
        double tip = up ? -5.5 : 5.5;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, tip);
        path.lineTo(5.5, -tip);
        path.lineTo(-5.5, -tip);
        path.closePath();
        return path;
    }
}
