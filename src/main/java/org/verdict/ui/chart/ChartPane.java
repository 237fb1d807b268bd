package org.verdict.ui.chart;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Transform;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLabelLocation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.event.ChartProgressListener;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.verdict.core.report.EvidenceCharts;
import org.verdict.core.report.RoundTickAxis;
import org.verdict.core.report.TickRoom;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * A chart in a view: follows the theme and text size, and offers Copy image, Export PNG… and Export SVG… in its
 * context menu. Other views (gates, evidence) use it for their charts too, so every chart exports the same way.
 */
public final class ChartPane extends StackPane {
    /** Asks where to save a file of the given extension ("png", "svg"); empty when the user cancels. */
    @FunctionalInterface
    public interface SaveTarget {
        Optional<Path> ask(String extension);
    }

    /** Up to this many rows the chart fits the pane, so its value axis is always in view with every row. */
    public static final int ROWS_THAT_FIT = 25;
    /** A chart of more rows than fit shows at least this many under its titles, legend and scale to be read. */
    public static final int USEFUL_ROWS = 8;
    /**
     * JFreeChart lays the rows' axis out 6 px wider than its labels, insets and tick marks add up to when measured
     * here (a 1280×720 laptop's plot then lost its third tick): room for that, in lines of the text size.
     */
    private static final double FRAME_SLACK_EMS = 0.75;
    /** The most of a chart's width its row labels take when they have to be shortened to leave the plot its room. */
    static final double LABEL_SHARE = 0.5;
    /** Row labels are never shortened to less than this, in lines of the text size: a cut label must still read. */
    private static final double SHORTEST_LABEL_EMS = 6;
    /** A row whose name is at most this wide, in lines of the text size, is never shortened. */
    private static final double SHORT_NAME_EMS = 12;
    /** Height of a row for each pixel of its label's size. */
    private static final double ROW_PITCH = 1.1;
    /** The chart's padding and the plot's insets, top and bottom together. */
    private static final double FRAME_PADDING = 18;
    /** The value axis: its tick marks, tick labels and title, in lines of the chart's text size. */
    private static final double VALUE_AXIS_LINES = 2.2;
    /** The approval pack's chart text size, at which a plot height given to {@link #showChartFitted} is meant. */
    private static final double REPORT_TEXT_SIZE = 10;
    /** Room right of the plot for half of its last tick label ("0.07", "0.015"), in lines of the text size. */
    private static final double TICK_LABEL_OVERHANG_EMS = 1.6;
    /** The size of a limit's label ("accepted 0.010") in the approval pack's charts. */
    private static final double REPORT_LIMIT_LABEL_SIZE = 9;
    /**
     * Between a limit's label and a mark beside it: half a mark (9 px) or a whisker's cap (6 px), and 3 px of air, so
     * the label never touches the data.
     */
    private static final double MARK_CLEARANCE = 7.5;
    /** Text is measured on this image's graphics, as JFreeChart lays it out when it draws. */
    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);

    /** Made with the first chart: JFreeChart's viewer classes then load after the window is on screen. */
    private ChartViewer viewer;
    private final Label placeholder = new Label();
    private final ReadOnlyDoubleWrapper usefulWidth =
            new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper scaleWidth =
            new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper usefulHeight =
            new ReadOnlyDoubleWrapper(0);
    private final ScrollPane scroller = new ScrollPane();
    /**
     * Over a chart that scrolls, its titles, legend and value axis as last drawn, standing at the top while the rows
     * scroll under them: a reviewer reading row 50 of a cross still has its scale and its marks' meaning in view.
     */
    private final ImageView header = new ImageView();
    /** Redraws {@link #header} each time the chart has been drawn (a new theme, width or text size). */
    private final ChartProgressListener headerRedraw = event -> {
        if (event.getType() == ChartProgressEvent.DRAWING_FINISHED) {
            Platform.runLater(this::redrawHeader);
        }
    };
    /** Whether the chart of rows last laid out is taller than the pane and scrolls. */
    private boolean scrolls;
    private int rows;
    /** A row's least height in pixels where it holds more than one mark (both models' values); 0 otherwise. */
    private double minRowHeight;
    /** The plot's height at the report's text size when the pane grows to the chart; 0 when the chart fits the pane. */
    private double plotHeight;
    /** The shown chart's value-axis title, left out while the axis stands at the top under the chart's own title. */
    private String valueAxisLabel;
    /** Restyled but not yet redrawn (see {@link #restyle()}). */
    private boolean redrawPending;
    private final Appearance appearance;
    private final ChartExport export = new ChartExport(1200, 800);
    private final BackgroundExecutor executor;

    /** @param executor writes exported files off the FX thread; a failed export goes to its one handler */
    public ChartPane(Appearance appearance, ResourceBundle text, SaveTarget saveTarget, BackgroundExecutor executor) {
        this.appearance = appearance;
        this.executor = executor;
        getStyleClass().add("chart-pane");
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.setWrapText(true);
        // A chart with many rows (intersectional slices, large text) scrolls rather than dropping labels.
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("edge-to-edge");
        header.setId("chartHeader");
        header.setVisible(false);
        // the header takes the pointer: rows scrolled under it give no tooltip, and the wheel still scrolls them
        header.setPickOnBounds(true);
        header.setOnScroll(e -> {
            if (viewer != null) {
                Event.fireEvent(viewer, e.copyFor(viewer, viewer));
            }
            e.consume();
        });
        StackPane.setAlignment(header, Pos.TOP_LEFT);
        getChildren().addAll(scroller, header, placeholder);
        scroller.setVisible(false);
        scroller.viewportBoundsProperty().addListener((obs, was, now) -> {
            // a narrower pane wraps the titles and the legend onto more lines
            if (was.getHeight() != now.getHeight() || was.getWidth() != now.getWidth()) {
                restyle();
            }
        });

        MenuItem copy = new MenuItem(text.getString("chart.copy"));
        copy.setId("chartCopy");
        copy.setOnAction(e -> copyToClipboard());
        MenuItem png = new MenuItem(text.getString("chart.exportPng"));
        png.setId("chartExportPng");
        png.setOnAction(e -> saveTarget.ask("png").ifPresent(target -> write(target, "png")));
        MenuItem svg = new MenuItem(text.getString("chart.exportSvg"));
        svg.setId("chartExportSvg");
        svg.setOnAction(e -> saveTarget.ask("svg").ifPresent(target -> write(target, "svg")));
        ContextMenu menu = new ContextMenu(copy, png, svg);
        setOnContextMenuRequested(e -> {
            if (chart().isPresent()) {
                menu.show(this, e.getScreenX(), e.getScreenY());
            }
        });

        appearance.darkProperty().addListener((obs, was, now) -> restyle());
        appearance.largeTextProperty().addListener((obs, was, now) -> restyle());
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && redrawPending) {
                redrawAfterNextLayout();
            }
        });
    }

    /**
     * Shows a chart (built off the FX thread; swapped in here on it).
     *
     * @param rows how many category rows the chart lists, so each gets a readable height; 0 when not applicable
     * @param minRowHeight for a chart whose row holds more than one mark (both models' values): each row is at least
     *                     this many pixels high, and the chart scrolls sooner; 0 for no minimum
     */
    public void showChart(JFreeChart chart, int rows, double minRowHeight) {
        show(chart, rows, 0, minRowHeight);
    }

    /**
     * Shows a chart in a pane as tall as the chart needs, which the page around it scrolls: its titles and legend as
     * they wrap at the pane's width, its value axis, and a plot of {@code plotHeight} at the approval pack's text size,
     * grown with the app's (in large text each row keeps room for its label, and a row's markers theirs). The height
     * follows the pane's width and the text size.
     */
    public void showChartFitted(JFreeChart chart, double plotHeight) {
        show(chart, 0, plotHeight, 0);
    }

    private void show(JFreeChart chart, int rows, double plotHeight, double minRowHeight) {
        this.rows = rows;
        this.plotHeight = plotHeight;
        this.minRowHeight = minRowHeight;
        if (rows == 0) {
            usefulWidth.set(0);
            scaleWidth.set(0);
            usefulHeight.set(0);
        }
        Axis valueAxis = valueAxis(chart);
        valueAxisLabel = valueAxis == null ? null : valueAxis.getLabel();
        ChartViewer shown = viewer();
        if (shown.getChart() != null) {
            shown.getChart().removeProgressListener(headerRedraw);
        }
        scrolls = false;
        header.setVisible(false);
        chart.addProgressListener(headerRedraw);
        style(chart);
        shown.setChart(chart);
        scroller.setVisible(true);
        placeholder.setVisible(false);
    }

    /** Shows a sentence instead of a chart, e.g. why a metric is unavailable. */
    public void showMessage(String message) {
        placeholder.setText(message);
        placeholder.setVisible(true);
        scroller.setVisible(false);
        header.setVisible(false);
    }

    private ChartViewer viewer() {
        if (viewer == null) {
            viewer = new ChartViewer(null, false);
            // The wheel scrolls the pane instead of zooming: a review tool must not silently change a chart's scale,
            // and JFreeChart's drag-to-zoom and pan would leave a clipped axis with no visible way back.
            ChartCanvas canvas = viewer.getCanvas();
            for (String handler : List.of("scroll", "zoom", "pan")) {
                MouseHandlerFX found = canvas.getMouseHandler(handler);
                if (found != null) {
                    canvas.removeMouseHandler(found);
                    canvas.removeAuxiliaryMouseHandler(found);
                }
            }
            scroller.setContent(viewer);
        }
        return viewer;
    }

    /**
     * The least width of this pane at which the chart of rows last shown (kept while a message stands in for it, so a
     * view does not reflow while a comparison runs) keeps its row labels whole at the text size and its plot
     * {@link RoundTickAxis#USEFUL_TICKS} labelled ticks; 0 for a chart without rows, or none. A view that places the pane beside others gives it at least this much.
     */
    public ReadOnlyDoubleProperty usefulWidthProperty() {
        return usefulWidth.getReadOnlyProperty();
    }

    public double getUsefulWidth() {
        return usefulWidth.get();
    }

    /**
     * The least width of this pane at which the plot keeps its {@link RoundTickAxis#USEFUL_TICKS} labelled ticks and every row
     * label a whole form with its n (its shortest, if need be), never cut; at most {@link #usefulWidthProperty}.
     * Beside the Compare table, what the table's adjusted p yields to.
     */
    public ReadOnlyDoubleProperty scaleWidthProperty() {
        return scaleWidth.getReadOnlyProperty();
    }

    /**
     * The least height of this pane at which the chart of rows last shown has {@link #USEFUL_ROWS} rows of plot in
     * view (every row, if fewer) under its titles and legend as they wrap at the pane's width and its value axis, at
     * the text size; 0 for a chart without rows. A view that stacks the pane over others gives it at least this much
     * where it can: at 1024×700 a third of the Compare view's split showed three rows of 306 slices.
     */
    public ReadOnlyDoubleProperty usefulHeightProperty() {
        return usefulHeight.getReadOnlyProperty();
    }

    public Optional<JFreeChart> chart() {
        return Optional.ofNullable(viewer).map(ChartViewer::getChart).filter(c -> scroller.isVisible());
    }

    /**
     * A theme, text-size or pane-height change restyles the chart at once but redraws it as an event of its own,
     * after the pulse that lays the change out: drawing a chart of 68 slices takes 50–130 ms on the FX thread, and
     * added to the CSS pass of a theme switch it made one block of 0.3–0.5 s. Several changes in a row redraw once;
     * a chart that is not on screen redraws when it is next shown.
     */
    private void restyle() {
        if (viewer == null || viewer.getChart() == null) {
            return;
        }
        JFreeChart chart = viewer.getChart();
        chart.setNotify(false);
        applyLook(chart);
        if (!redrawPending) {
            redrawPending = true;
            redrawAfterNextLayout();
        }
    }

    private void redrawAfterNextLayout() {
        Scene scene = getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(this::redraw);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private void redraw() {
        redrawPending = false;
        if (viewer != null && viewer.getChart() != null && !viewer.getChart().isNotify()) {
            viewer.getChart().setNotify(true);
        }
    }

    /** Every setter would redraw the canvas on its own; with notification off the chart redraws once. */
    private void style(JFreeChart chart) {
        chart.setNotify(false);
        applyLook(chart);
        chart.setNotify(true);
    }

    private void applyLook(JFreeChart chart) {
        ChartLook look = ChartLook.of(appearance.darkProperty().get(), appearance.largeTextProperty().get());
        look.applyTo(chart);
        if (rows > 0) {
            fitRows(chart, look);
        }
        if (plotHeight > 0) {
            growToChart(chart, look);
        }
    }

    /** The pane's height for the whole chart at its width (see {@link #showChartFitted}). */
    private void growToChart(JFreeChart chart, ChartLook look) {
        double width = scroller.getViewportBounds().getWidth();
        float limitLabelSize = (float) (REPORT_LIMIT_LABEL_SIZE * look.fontSize() / REPORT_TEXT_SIZE);
        double height = snappedTopInset() + snappedBottomInset() + FRAME_PADDING
                + VALUE_AXIS_LINES * look.fontSize() + titlesHeight(chart, width)
                + Math.max(plotHeight * look.fontSize() / REPORT_TEXT_SIZE, plotHeightForRowLimitLabels(chart,
                        limitLabelSize));
        setMinHeight(Math.ceil(height));
        setPrefHeight(Math.ceil(height));
        // the last tick label stands centred on the plot's right end: half of it needs room past the plot
        double overhang = TICK_LABEL_OVERHANG_EMS * look.fontSize();
        keepValueAxisTitleInside(chart, width - overhang);
        RectangleInsets padding = chart.getPadding();
        chart.setPadding(new RectangleInsets(padding.getTop(), padding.getLeft(), padding.getBottom(), overhang));
        // the limits' lanes above the rows grew with them: so do their labels, read across a room in large text
        if (chart.getPlot() instanceof XYPlot xy) {
            for (Collection<?> markers : Arrays.asList(xy.getDomainMarkers(Layer.FOREGROUND),
                    xy.getRangeMarkers(Layer.FOREGROUND))) {
                for (Object marker : markers == null ? List.of() : markers) {
                    if (marker instanceof ValueMarker limit && limit.getLabel() != null) {
                        growLimitLabel(limit, limitLabelSize);
                    }
                }
            }
            for (Object annotation : xy.getAnnotations()) {
                if (annotation instanceof EvidenceCharts.RowLimitLabel label) {
                    label.setFont(label.getFont().deriveFont(limitLabelSize));
                } else if (annotation instanceof EvidenceCharts.LineLimitLabel label) {
                    label.setFont(label.getFont().deriveFont(limitLabelSize));
                }
            }
        }
        // the words beside a forest's points without an interval, placed anew for this width and text size (the
        // approval pack placed them for its own width, and a narrower pane cut them at the plot's edge)
        EvidenceCharts.placeNotes(chart, width, height - snappedTopInset() - snappedBottomInset());
    }

    /**
     * The least plot height at which the label of each row's own limit (a safety category's accepted rate), set in
     * {@code labelSize} in the gap above its row, stands clear of the marks of the row above it: the row pitch that
     * the report's proportions give left Safety's third label touching the whisker above it at 1366×768. 0 for a chart
     * without such labels.
     */
    static double plotHeightForRowLimitLabels(JFreeChart chart, float labelSize) {
        if (!(chart.getPlot() instanceof XYPlot xy) || xy.getDataset() == null) {
            return 0;
        }
        List<Double> rowsOfMarks = new ArrayList<>();
        for (int series = 0; series < xy.getDataset().getSeriesCount(); series++) {
            for (int item = 0; item < xy.getDataset().getItemCount(series); item++) {
                rowsOfMarks.add(xy.getDataset().getYValue(series, item));
            }
        }
        double perRow = 0;
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            for (Object annotation : xy.getAnnotations()) {
                if (!(annotation instanceof EvidenceCharts.RowLimitLabel label)) {
                    continue;
                }
                // the label stands on its anchor and reaches up toward the nearest mark of the row above; the marks of
                // its own row are below the anchor
                double text = g2.getFontMetrics(label.getFont().deriveFont(labelSize)).getHeight();
                double above = rowsOfMarks.stream().mapToDouble(Double::doubleValue)
                        .filter(row -> row < label.getY()).max().orElse(Double.NaN);
                double below = rowsOfMarks.stream().mapToDouble(Double::doubleValue)
                        .filter(row -> row >= label.getY()).min().orElse(Double.NaN);
                if (!Double.isNaN(above)) {
                    perRow = Math.max(perRow, (text + MARK_CLEARANCE) / (label.getY() - above));
                }
                if (!Double.isNaN(below) && below > label.getY()) {
                    perRow = Math.max(perRow, MARK_CLEARANCE / (below - label.getY()));
                }
            }
        } finally {
            g2.dispose();
        }
        return perRow == 0 ? 0
                : perRow * xy.getRangeAxis().getRange().getLength() + xy.getInsets().getTop() + xy.getInsets().getBottom();
    }

    /** The label at its new size, and its offset (which puts it in its lane) in proportion. */
    private static void growLimitLabel(ValueMarker limit, float size) {
        double ratio = size / limit.getLabelFont().getSize2D();
        if (ratio != 1) {
            RectangleInsets offset = limit.getLabelOffset();
            limit.setLabelOffset(new RectangleInsets(offset.getTop() * ratio, offset.getLeft() * ratio,
                    offset.getBottom() * ratio, offset.getRight() * ratio));
            limit.setLabelFont(limit.getLabelFont().deriveFont(size));
        }
    }

    /**
     * A value-axis title centred under a plot narrower than itself (long row labels on its left, two charts a row)
     * would run past the chart's right edge: it ends at the plot's right end instead, reaching under the row labels.
     * One longer than the whole chart (sample sizes of a million written out) is set in a smaller size that fits.
     */
    private static void keepValueAxisTitleInside(JFreeChart chart, double width) {
        if (!(chart.getPlot() instanceof XYPlot xy) || !(xy.getRangeAxis() instanceof SymbolAxis rows)
                || xy.getDomainAxis().getLabel() == null || width <= 0) {
            return;
        }
        Axis values = xy.getDomainAxis();
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            double widestRow = 0;
            for (String row : rows.getSymbols()) {
                widestRow = Math.max(widestRow, g2.getFontMetrics(rows.getTickLabelFont()).stringWidth(row));
            }
            double title = g2.getFontMetrics(values.getLabelFont()).stringWidth(values.getLabel());
            // the frame's padding on both sides of the plot
            double room = width - 2 * FRAME_PADDING;
            if (title > room) {
                Font font = values.getLabelFont();
                values.setLabelFont(font.deriveFont((float) (font.getSize2D() * room / title)));
                title = g2.getFontMetrics(values.getLabelFont()).stringWidth(values.getLabel());
            }
            double plot = room - widestRow;
            values.setLabelLocation(title > plot ? AxisLabelLocation.HIGH_END : AxisLabelLocation.MIDDLE);
        } finally {
            g2.dispose();
        }
    }

    /**
     * Row labels are always of the text size, the size of the table beside the chart: shrunk to the room a row got,
     * 31 slices beside the table at 1366×768 read in 9 px labels. Up to {@link #ROWS_THAT_FIT} rows that fit the pane
     * at that size, the chart fills the pane, so the value axis is in view with every row; more rows (a long cross,
     * large text on a small pane) and the chart scrolls, its value axis and legend moved to the top, where the
     * {@link #header} keeps them in view while the rows scroll under it; the axis is repeated at the bottom, under the
     * last rows.
     */
    private void fitRows(JFreeChart chart, ChartLook look) {
        double available = scroller.getViewportBounds().getHeight();
        double width = scroller.getViewportBounds().getWidth();
        // the titles and the legend wrap in a narrow pane: measured at its width, so the rows never push them out
        double frame = FRAME_PADDING + VALUE_AXIS_LINES * look.fontSize() + titlesHeight(chart, width);
        // A label needs a little more than its size, or JFreeChart hides every other one.
        double rowHeight = Math.max(look.fontSize() * ROW_PITCH, minRowHeight);
        boolean fits = available <= 0 || rows <= ROWS_THAT_FIT && (available - frame) / rows >= rowHeight;
        scrolls = !fits;
        usefulHeight.set(Math.ceil(snappedTopInset() + snappedBottomInset() + frame
                + Math.min(rows, USEFUL_ROWS) * scrollingRowHeight(look)));
        // a chart that scrolls gives each row at least its label's line and a pixel: JFreeChart leaves out a label
        // that would overlap the one above it, and 12 px labels are 15 px high in some fonts (every other row of a
        // long cross was blank)
        viewer.setMinHeight(fits ? 0 : frame + rows * scrollingRowHeight(look));
        AxisLocation valueAxisAt = fits ? AxisLocation.BOTTOM_OR_RIGHT : AxisLocation.TOP_OR_LEFT;
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(fits ? RectangleEdge.BOTTOM : RectangleEdge.TOP);
        }
        // At the top the axis stands right under the title, which names the metric: its own title ("Δ rmse") would
        // only take a line from the rows of a short pane (large text at 1366×768).
        Axis valueAxis = valueAxis(chart);
        if (valueAxis != null) {
            valueAxis.setLabel(fits ? valueAxisLabel : null);
        }
        Axis rowAxis = null;
        if (chart.getPlot() instanceof XYPlot xy) {
            rowAxis = xy.getDomainAxis();
            xy.setRangeAxisLocation(valueAxisAt, false);
            // a chart that scrolls repeats its scale at the bottom, in view with the last rows
            xy.setRangeAxis(1, fits ? null : copyOf(xy.getRangeAxis()), false);
            xy.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT, false);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            rowAxis = category.getDomainAxis();
            category.setRangeAxisLocation(valueAxisAt, false);
        }
        if (rowAxis != null) {
            rowAxis.setTickLabelFont(rowAxis.getTickLabelFont().deriveFont(look.fontSize()));
            giveThePlotItsWidth(chart, look, width);
        }
        // the values written by arrows at the axis's edge, sized for the plot this width leaves
        EvidenceCharts.placeNotes(chart, width, Math.max(available, viewer.getMinHeight()));
    }

    /**
     * Leaves the plot the width its {@link RoundTickAxis#USEFUL_TICKS} labelled ticks need in a pane {@code width} wide: row labels too
     * long for the rest take a shorter form or are cut (the point's tooltip and the table beside the chart name the
     * row whole), never a smaller size; and sets the pane's useful width, at which every label is whole.
     * Beside the Compare table on a 1280×720 laptop, labels of 12 px left a plot of 70–95 px with one tick, 0.0.
     */
    private void giveThePlotItsWidth(JFreeChart chart, ChartLook look, double width) {
        if (!(chart.getPlot() instanceof XYPlot xy) || !(xy.getDomainAxis() instanceof SymbolAxis rows)
                || !(xy.getRangeAxis() instanceof TickRoom values)) {
            usefulWidth.set(0);
            scaleWidth.set(0);
            return;
        }
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            FontMetrics labels = g2.getFontMetrics(rows.getTickLabelFont());
            double widest = 0;
            for (String row : rows.getSymbols()) {
                widest = Math.max(widest, labels.stringWidth(row));
            }
            RectangleInsets padding = chart.getPadding();
            RectangleInsets plotInsets = xy.getInsets();
            RectangleInsets labelInsets = rows.getTickLabelInsets();
            RectangleInsets offset = xy.getAxisOffset();
            double frame = padding.getLeft() + padding.getRight() + plotInsets.getLeft() + plotInsets.getRight()
                    + labelInsets.getLeft() + labelInsets.getRight() + rows.getTickMarkOutsideLength()
                    + offset.getLeft() + offset.getRight() + FRAME_SLACK_EMS * look.fontSize();
            double plot = Math.ceil(values.lengthForTicks(g2, TickRoom.USEFUL_TICKS)) + 1;
            double insets = snappedLeftInset() + snappedRightInset();
            usefulWidth.set(Math.ceil(frame + widest + plot + insets));
            // shortened labels get at most LABEL_SHARE of the width: the shortest whole ones need that much too
            double shortest = rows instanceof RowAxis named ? named.widestShortestForm(labels) : widest;
            scaleWidth.set(Math.min(usefulWidth.get(),
                    Math.ceil(Math.max(frame + shortest + plot, shortest / LABEL_SHARE) + insets)));
            if (rows instanceof RowAxis named) {
                // labels too long are shortened, not the plot: they take at most a share of the chart, so the plot
                // keeps its ticks (crosses of two columns beside the table at 1280×720); rows all of one column take
                // their shorter form first ("hood_23 (n=72)" for "neighbourhood=hood_23 (n=72)")
                double room = width - frame - plot;
                // a short row ("overall", "region=Nordrhein-Westfalen") keeps its whole name even in a narrow chart
                double shortRows = named.widestShortRow(labels, SHORT_NAME_EMS * look.fontSize());
                double labelRoom = width <= 0 || widest <= room ? Double.POSITIVE_INFINITY
                        : Math.max(Math.max(SHORTEST_LABEL_EMS * look.fontSize(), shortRows),
                                Math.min(room, LABEL_SHARE * width));
                named.fitLabels(labels, labelRoom);
            }
        } finally {
            g2.dispose();
        }
    }

    /** A row's height in a chart that scrolls. */
    private double scrollingRowHeight(ChartLook look) {
        return Math.max(Math.max(look.fontSize() * ROW_PITCH * 1.1, labelLineHeight(look) + 1), minRowHeight);
    }

    /** The height of a line of row labels at the look's text size, as JFreeChart measures it when it draws them. */
    private static double labelLineHeight(ChartLook look) {
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            return g2.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(look.fontSize()))).getHeight();
        } finally {
            g2.dispose();
        }
    }

    /**
     * The chart's top, from its title to its value axis above the first row, as drawn on the canvas, shown over the
     * scrolling rows; none while the chart fits the pane.
     */
    private void redrawHeader() {
        // a chart shown since the drawing that asked for this has not been drawn yet: its own drawing asks again
        ChartRenderingInfo drawn = viewer == null || !scrolls || !scroller.isVisible() ? null
                : viewer.getCanvas().getRenderingInfo();
        Rectangle2D dataArea = drawn == null ? null : drawn.getPlotInfo().getDataArea();
        if (dataArea == null || dataArea.getMinY() <= 0) {
            header.setVisible(false);
            header.setImage(null);
            return;
        }
        ChartCanvas canvas = viewer.getCanvas();
        // down to the plot's top edge, which the rows then pass under
        double height = Math.min(Math.ceil(dataArea.getMinY()) + 1, canvas.getHeight());
        double scale = getScene() == null || getScene().getWindow() == null ? 1
                : getScene().getWindow().getOutputScaleX();
        SnapshotParameters top = new SnapshotParameters();
        top.setTransform(Transform.scale(scale, scale));
        top.setViewport(new javafx.geometry.Rectangle2D(0, 0, canvas.getWidth() * scale, height * scale));
        header.setImage(canvas.snapshot(top, null));
        header.setFitWidth(canvas.getWidth());
        header.setFitHeight(height);
        header.setVisible(true);
    }

    private static ValueAxis copyOf(ValueAxis axis) {
        try {
            return (ValueAxis) axis.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JFreeChart's value axes are cloneable", e);
        }
    }

    private static Axis valueAxis(JFreeChart chart) {
        if (chart.getPlot() instanceof XYPlot xy) {
            return xy.getRangeAxis();
        }
        return chart.getPlot() instanceof CategoryPlot category ? category.getRangeAxis() : null;
    }

    /** The height of the chart's title and subtitles (the legend among them) laid out {@code width} wide. */
    static double titlesHeight(JFreeChart chart, double width) {
        if (width <= 0) {
            return 0;
        }
        Graphics2D g2 = MEASURE.createGraphics();
        try {
            // at most the pane's width, any height (the one kind of constraint every title can arrange for)
            RectangleConstraint across = new RectangleConstraint(
                    0, new Range(0, width), LengthConstraintType.RANGE,
                    0, null, LengthConstraintType.NONE);
            double height = 0;
            List<Title> titles = new ArrayList<>();
            if (chart.getTitle() != null) {
                titles.add(chart.getTitle());
            }
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                titles.add(chart.getSubtitle(i));
            }
            for (Title title : titles) {
                if (title.isVisible()) {
                    height += title.arrange(g2, across).getHeight();
                }
            }
            return height;
        } finally {
            g2.dispose();
        }
    }

    private void copyToClipboard() {
        chart().ifPresent(chart -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(SwingFXUtils.toFXImage(export.image(chart), null));
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    /**
     * Draws the chart here, on the FX thread that also redraws it on screen (a JFreeChart is not safe to draw from
     * two threads), and encodes and writes the file in the background.
     */
    private void write(Path target, String format) {
        chart().ifPresent(chart -> {
            if (format.equals("svg")) {
                String svg = export.svg(chart);
                executor.run(progress -> {
                    ChartExport.writeSvg(svg, target);
                    return target;
                }).start();
            } else {
                BufferedImage image = export.image(chart);
                executor.run(progress -> {
                    ChartExport.writePng(image, target);
                    return target;
                }).start();
            }
        });
    }
}
