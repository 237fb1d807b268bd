package org.verdict.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/** A chart with one row per slice, in a pane of the height the Compare view gives it at 1440×900. */
@ExtendWith(ApplicationExtension.class)
class ChartPaneTest {
    private ChartPane pane;
    private Appearance appearance;

    @Start
    void start(Stage stage) {
        appearance = new Appearance(false, false);
        pane = new ChartPane(appearance, ResourceBundle.getBundle("org.verdict.ui.messages"),
                extension -> Optional.empty(), new CurrentThreadExecutor());
        Scene scene = new Scene(pane, 1100, 350);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
    }

    /** A horizontal forest-plot-like chart: row i at Δ = i / 100. */
    private static JFreeChart rows(int count) {
        XYSeries deltas = new XYSeries("Δ");
        String[] labels = new String[count];
        for (int i = 0; i < count; i++) {
            deltas.add(i, i / 100.0);
            labels[i] = "segment=enterprise × language=" + i;
        }
        SymbolAxis slices = new SymbolAxis(null, labels);
        XYPlot plot = new XYPlot(new XYSeriesCollection(deltas), slices, new NumberAxis("Δ"),
                new XYLineAndShapeRenderer(false, true));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return new JFreeChart("rows", plot);
    }

    private void show(JFreeChart chart, int rows, FxRobot robot) {
        robot.interact(() -> pane.showChart(chart, rows, 0));
        robot.interact(() -> { });
    }

    private ScrollPane scroller(FxRobot robot) {
        return robot.lookup(".chart-pane > .scroll-pane").queryAs(ScrollPane.class);
    }

    /** Rows that fit the pane with labels of the text size (15 here; up to {@link ChartPane#ROWS_THAT_FIT}). */
    @Test
    void rowsThatFitThePaneKeepTheValueAxisInView(FxRobot robot) {
        JFreeChart chart = rows(15);
        show(chart, 15, robot);

        ScrollPane scroller = scroller(robot);
        Bounds viewport = scroller.getViewportBounds();
        assertTrue(scroller.getContent().getLayoutBounds().getHeight() <= viewport.getHeight() + 0.5,
                "the chart is no taller than the pane: nothing (not the axis) below the fold");
        assertEquals(AxisLocation.BOTTOM_OR_RIGHT, ((XYPlot) chart.getPlot()).getRangeAxisLocation());
    }

    @Test
    void aLongerChartScrollsWithItsValueAxisOnTop(FxRobot robot) {
        JFreeChart chart = rows(40);
        show(chart, 40, robot);

        ScrollPane scroller = scroller(robot);
        assertTrue(scroller.getContent().getLayoutBounds().getHeight() > scroller.getViewportBounds().getHeight(),
                "40 rows scroll");
        assertEquals(AxisLocation.TOP_OR_LEFT, ((XYPlot) chart.getPlot()).getRangeAxisLocation(),
                "the value axis is in view with the first rows");
        // Back to a short chart: the axis returns to the bottom.
        JFreeChart shorter = rows(10);
        show(shorter, 10, robot);
        assertEquals(AxisLocation.BOTTOM_OR_RIGHT, ((XYPlot) shorter.getPlot()).getRangeAxisLocation());
    }

    /** A long chart scrolls: its legend stands on top with its value axis, never half cut at the fold. */
    @Test
    void aScrollingChartHasItsLegendOnTop(FxRobot robot) {
        JFreeChart chart = rows(40);
        show(chart, 40, robot);
        assertEquals(RectangleEdge.TOP, chart.getLegend().getPosition());

        JFreeChart shorter = rows(10);
        show(shorter, 10, robot);
        assertEquals(RectangleEdge.BOTTOM, shorter.getLegend().getPosition());
    }

    /** A narrow pane wraps the titles and the legend onto more lines: the rows are given only the room left. */
    @Test
    void titlesAreMeasuredAtThePanesWidth() {
        XYSeriesCollection many = new XYSeriesCollection();
        for (String name : new String[] {"worse", "better", "no significant difference", "inconclusive",
                "no interval (hover for why)"}) {
            XYSeries series = new XYSeries(name);
            series.add(0, 0);
            many.addSeries(series);
        }
        XYPlot plot = new XYPlot(many, new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer(false, true));
        JFreeChart chart = new JFreeChart("Δ mae per slice, the verdict's interval", plot);

        double wide = ChartPane.titlesHeight(chart, 1200);
        double narrow = ChartPane.titlesHeight(chart, 300);
        assertTrue(narrow > wide + 20, "wrapped: " + narrow + " px at 300 px wide, " + wide + " px at 1200");
    }

    /** On a projector, 18 slices in this pane would need 11 px labels: the chart scrolls with 18 px ones instead. */
    @Test
    void inLargeTextRowLabelsStayLargeAndTheChartScrolls(FxRobot robot) {
        robot.interact(() -> appearance.largeTextProperty().set(true));
        JFreeChart chart = rows(18);
        show(chart, 18, robot);

        assertEquals(18f, chart.getXYPlot().getDomainAxis().getTickLabelFont().getSize2D(), "row labels of 18 px");
        assertTrue(scroller(robot).getContent().getLayoutBounds().getHeight()
                > scroller(robot).getViewportBounds().getHeight(), "the chart scrolls");
    }

    @Test
    void theMouseWheelDoesNotChangeTheScale(FxRobot robot) {
        JFreeChart chart = rows(10);
        show(chart, 10, robot);
        XYPlot plot = (XYPlot) chart.getPlot();
        Range values = plot.getRangeAxis().getRange();
        Range slices = plot.getDomainAxis().getRange();

        ChartCanvas canvas = robot.lookup(".chart-pane .scroll-pane").queryAs(ScrollPane.class).getContent()
                .lookupAll("*").stream().filter(ChartCanvas.class::isInstance).map(ChartCanvas.class::cast)
                .findFirst().orElseThrow();
        double x = canvas.getWidth() / 2;
        double y = canvas.getHeight() / 2;
        for (double delta : new double[] {120, -120, 360}) {
            robot.interact(() -> canvas.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false,
                    false, false, false, false, 0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        }

        assertEquals(values, plot.getRangeAxis().getRange(), "the value axis keeps its range");
        assertEquals(slices, plot.getDomainAxis().getRange(), "every slice stays in view");
    }

    @Test
    void largeTextReachesTheChart(FxRobot robot) {
        JFreeChart chart = rows(5);
        show(chart, 5, robot);
        float normal = chart.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D();

        robot.interact(() -> appearance.largeTextProperty().set(true));

        float large = chart.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D();
        // The app's text grows from 13 to 19 px in large text; the chart's from 12 to 18.
        assertEquals(12f, normal);
        assertEquals(18f, large);
    }

    @Test
    void aThemeAndTextSizeSwitchNotifyTheChartOnceAfterTheLayout(FxRobot robot) throws Exception {
        JFreeChart chart = rows(5);
        show(chart, 5, robot);
        AtomicInteger notifications = new AtomicInteger();
        chart.addChangeListener(event -> notifications.incrementAndGet());

        robot.interact(() -> {
            appearance.darkProperty().set(true);
            appearance.largeTextProperty().set(true);
            // Restyled at once (the export and the tests read the chart), not yet redrawn.
            assertEquals(ChartLook.DARK.background(), chart.getBackgroundPaint());
            assertEquals(0, notifications.get());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, chart::isNotify);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, notifications.get(), "two switches, one change event (the canvas redraws on it)");
    }
}
