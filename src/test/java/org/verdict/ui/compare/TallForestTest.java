package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYAnnotationEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.chart.RowAxis;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The forest of a cross of 30 × 30 values (p9's state × product is about as long) in a pane of the size Compare gives
 * its chart beside the table at 1366×768: drawn whole, it was a canvas some 14,000 px high inside a scroll pane.
 */
@ExtendWith(ApplicationExtension.class)
class TallForestTest {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.verdict.ui.messages");
    private static final int ROWS = 901;

    @TempDir
    static Path folder;

    private ChartPane pane;
    private JFreeChart chart;

    @Start
    void start(Stage stage) {
        Appearance appearance = new Appearance(false, false);
        pane = new ChartPane(appearance, TEXT, extension -> Optional.of(folder.resolve("forest." + extension)),
                new CurrentThreadExecutor());
        Scene scene = new Scene(pane, 390, 535);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 120_000, Metric.ROC_AUC, 0.729, 0.759, 0.022, 0.038,
                0.0001, 0.0001, Verdict.BETTER));
        for (int state = 0; state < 30; state++) {
            for (int product = 0; product < 30; product++) {
                double delta = 0.001 * (product - state);
                results.add(ReportFixture.result(new SliceKey(List.of("state", "product"),
                                List.of(String.format("S%02d", state), String.format("prod%02d", product))),
                        100 + state * 30 + product, Metric.ROC_AUC, 0.73, 0.73 + delta, delta - 0.1, delta + 0.1,
                        0.5, 1.0, Verdict.INCONCLUSIVE));
            }
        }
        SliceChartData data = SliceChartData.of(Metric.ROC_AUC, results);
        chart = new SliceCharts(TEXT).forestPlot(data);
        pane.showChart(chart, data.points().size(), 0);
    }

    private ChartCanvas canvas() {
        return pane.lookupAll("*").stream().filter(ChartCanvas.class::isInstance).map(ChartCanvas.class::cast)
                .findFirst().orElseThrow();
    }

    private Rectangle2D drawnPlot() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas().getRenderingInfo() != null
                && canvas().getRenderingInfo().getPlotInfo().getDataArea().getHeight() > 0);
        return canvas().getRenderingInfo().getPlotInfo().getDataArea();
    }

    /** The rows labelled on the rows' axis as the pane last drew it, and their labels. */
    private List<ValueTick> drawnRows(Rectangle2D plot) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        List<ValueTick> ticks = new ArrayList<>();
        for (Object tick : chart.getXYPlot().getDomainAxis().refreshTicks(image.createGraphics(), new AxisState(),
                plot, RectangleEdge.LEFT)) {
            ticks.add((ValueTick) tick);
        }
        return ticks;
    }

    private ScrollBar rowScroll(FxRobot robot) {
        return robot.lookup("#chartRows").queryAs(ScrollBar.class);
    }

    @Test
    void noNodeOfTheChartIsTallerThanItsPane(FxRobot robot) throws Exception {
        drawnPlot();
        double tallest = pane.lookupAll("*").stream().mapToDouble(node -> node.getLayoutBounds().getHeight())
                .max().orElseThrow();
        assertTrue(tallest <= 4096, "a GPU's texture holds it: " + tallest + " px");
        assertTrue(tallest <= pane.getHeight() + 0.5, "the pane's " + pane.getHeight() + " px; " + tallest + " drawn");
        assertTrue(rowScroll(robot).isVisible(), "the rows scroll");
    }

    @Test
    void theEndKeyShowsTheLastRowsEachLabelledWithItsN(FxRobot robot) throws Exception {
        Range values = chart.getXYPlot().getRangeAxis().getRange();
        double titleAt = drawnPlot().getMinY();
        robot.clickOn(pane, MouseButton.PRIMARY);
        robot.type(KeyCode.END);
        Rectangle2D plot = drawnPlot();

        List<ValueTick> rows = drawnRows(plot);
        RowAxis axis = (RowAxis) chart.getXYPlot().getDomainAxis();
        assertEquals(ROWS - 1, rows.get(rows.size() - 1).getValue(), "the last row is in view");
        assertTrue(rows.size() >= 20, rows.size() + " rows in view");
        for (ValueTick row : rows) {
            int index = (int) row.getValue();
            assertEquals(axis.shownLabels().get(index), row.getText(), "row " + index + " is labelled");
            assertTrue(row.getText().matches(".*\\(n=[0-9,]+\\).*"), "with its n: " + row.getText());
        }
        assertEquals(values, chart.getXYPlot().getRangeAxis().getRange(), "the Δ scale is as it was");
        assertEquals(titleAt, plot.getMinY(), 0.5, "the titles, legend and Δ axis stand above the rows as before");

        robot.type(KeyCode.HOME);
        assertEquals(0, drawnRows(drawnPlot()).get(0).getValue(), "Home: the first row again");
    }

    @Test
    void theWheelScrollsTheRowsAndNotTheScale(FxRobot robot) throws Exception {
        Range values = chart.getXYPlot().getRangeAxis().getRange();
        double first = drawnRows(drawnPlot()).get(0).getValue();
        ChartCanvas canvas = canvas();
        double x = canvas.getWidth() / 2;
        double y = canvas.getHeight() / 2;
        robot.interact(() -> canvas.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false,
                false, false, false, false, 0, -400, 0, -400, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));

        assertTrue(drawnRows(drawnPlot()).get(0).getValue() > first + 10, "the rows moved on");
        assertEquals(values, chart.getXYPlot().getRangeAxis().getRange(), "the Δ scale is as it was");
    }

    /** The whiskers and arrows of rows out of view give no tooltip over the title, the legend or the Δ axis. */
    @Test
    void onlyTheRowsInViewGiveTooltips(FxRobot robot) throws Exception {
        robot.interact(() -> rowScroll(robot).setValue(rowScroll(robot).getMax() / 2));
        Rectangle2D plot = drawnPlot();
        int rowEntities = 0;
        for (Object entity : canvas().getRenderingInfo().getEntityCollection().getEntities()) {
            if (entity instanceof XYItemEntity || entity instanceof XYAnnotationEntity) {
                Rectangle2D at = ((ChartEntity) entity).getArea().getBounds2D();
                assertTrue(plot.contains(at.getCenterX(), at.getCenterY()),
                        "a tooltip within the plot: " + ((ChartEntity) entity).getToolTipText());
                rowEntities++;
            }
        }
        assertTrue(rowEntities > 20, rowEntities + " tooltips of rows in view");
    }

    /** Copied or exported, the chart is whole, not the rows in view; the pane keeps them. */
    @Test
    void anExportHoldsTheRowsOutOfView(FxRobot robot) throws Exception {
        Path svg = folder.resolve("forest.svg");
        Files.deleteIfExists(svg);
        robot.interact(() -> rowScroll(robot).setValue(rowScroll(robot).getMax()));
        Range inView = chart.getXYPlot().getDomainAxis().getRange();
        robot.interact(() -> pane.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 100, 300,
                pane.localToScreen(100, 300).getX(), pane.localToScreen(100, 300).getY(), false, null)));
        robot.clickOn(TEXT.getString("chart.exportSvg"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(svg));

        String drawn = Files.readString(svg);
        assertTrue(drawn.contains("overall (n=120,000)"), "the first row, scrolled out of the pane's view");
        assertEquals(inView, chart.getXYPlot().getDomainAxis().getRange(), "the pane still shows the last rows");
    }
}
