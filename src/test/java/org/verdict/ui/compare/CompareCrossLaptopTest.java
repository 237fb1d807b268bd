package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.ui.chart.RowAxis;
import org.verdict.ui.theme.Appearance;

/**
 * The forest plot of a cross of two columns whose labels are long ("contract=one_year × tenure_band=25-60 (n=538)"),
 * beside the table on 1280×720 and 1366×768 laptops: the labels took the chart's width and left the plot 80 px with
 * a single tick, 0.0.
 */
@ExtendWith(ApplicationExtension.class)
class CompareCrossLaptopTest {
    /** What a maximised window leaves the view on each laptop (see {@link CompareLaptopTest}). */
    private static final double[][] VIEWS = {{1156, 572}, {1242, 620}};
    private static final SliceDimension CROSS = new SliceDimension(List.of("contract", "tenure_band"));
    private static final String MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "churn", "task": "multiclass", "riskTier": 2, "positiveLabel": null},
             "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
             "primaryMetric": "macro_f1",
             "suites": {"primary": {"file": "primary.csv", "slices": ["contract", "tenure_band"]}}}
            """;
    private static final String CSV = """
            example_id,label,contract,tenure_band,pred_1,pred_2
            e1,stay,month,0-6,stay,stay
            e2,leave,one_year,25-60,leave,stay
            e3,stay,two_year,61+,stay,leave
            """;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private CompareViewModel model;
    private Stage stage;
    /** How many values each column of the cross has: 4 × 3 fits the chart, 12 × 4 scrolls it. */
    private int contracts = 4;

    private ComparisonReport report() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 7000, m, 0.898, 0.887, -0.013, -0.010, 0.0001, 0.0001,
                Verdict.WORSE));
        String[] bands = {"0-6", "7-24", "25-60", "61+"};
        for (int c = 0; c < contracts; c++) {
            for (int b = 0; b < bands.length - (contracts > 4 ? 0 : 1); b++) {
                double delta = -0.03 + 0.002 * (c * bands.length + b);
                results.add(ReportFixture.result(new SliceKey(List.of("contract", "tenure_band"),
                                List.of(c == 0 ? "month" : c == 1 ? "one_year" : c == 2 ? "two_year" : "plan_" + c,
                                        bands[b])),
                        100 + 97 * (c * 4 + b), m, 0.88, 0.88 + delta, delta - 0.03, delta + 0.02, 0.1, 1.0,
                        Verdict.INCONCLUSIVE));
            }
        }
        return LaptopCompareView.oneMetric("churn", "1", "2", m, ComparisonOptions.DEFAULTS, results);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = LaptopCompareView.show(stage, folder, text, new Appearance(false, false), this::report, "churn",
                MANIFEST, CSV).model();
    }

    private static ChartViewer viewer(FxRobot robot) {
        return robot.lookup("#compareChart").query().lookupAll("*").stream()
                .filter(ChartViewer.class::isInstance).map(ChartViewer.class::cast).findFirst().orElseThrow();
    }

    private XYPlot shownPlot(FxRobot robot, Rectangle2D[] dataArea) throws Exception {
        ChartViewer viewer = viewer(robot);
        // the chart redraws after the pulse that lays it out (ChartPane#restyle): its plot is measured once drawn
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea().getWidth() > 0);
        dataArea[0] = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        return (XYPlot) viewer.getChart().getPlot();
    }

    private void showCross(FxRobot robot, double[] view) {
        robot.interact(() -> {
            stage.setWidth(view[0]);
            stage.setHeight(view[1]);
            model.dimensionProperty().set(SliceDimension.ALL);
            model.dimensionProperty().set(CROSS);
        });
        WaitForAsyncUtils.waitForFxEvents(10);
    }

    private static long labelledTicks(XYPlot xy, Rectangle2D plot) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB)
                .createGraphics();
        List<?> ticks = ((NumberAxis) xy.getRangeAxis()).refreshTicks(g2, new AxisState(), plot, RectangleEdge.BOTTOM);
        return ticks.stream().map(ValueTick.class::cast).filter(tick -> !tick.getText().isEmpty()).count();
    }

    @Test
    void aCrossOfLongLabelsKeepsAScaleOfThreeTicksOnBothLaptops(FxRobot robot) throws Exception {
        try {
            for (double[] view : VIEWS) {
                showCross(robot, view);
                String mode = (int) view[0] + "×" + (int) view[1];
                Rectangle2D[] area = new Rectangle2D[1];
                XYPlot xy = shownPlot(robot, area);
                long labelled = labelledTicks(xy, area[0]);
                assertTrue(labelled >= 3, mode + ": " + labelled + " labelled ticks on a plot " + area[0].getWidth()
                        + " px wide");
                assertNull(xy.getRangeAxis(1), mode + ": a chart that fits shows its scale once, at the bottom");
                RowAxis rows = (RowAxis) xy.getDomainAxis();
                List<String> shown = rows.shownLabels();
                for (int i = 0; i < shown.size(); i++) {
                    String full = rows.getSymbols()[i];
                    // the n may go (the table and the tooltip give it), the verdict's mark never
                    String mark = full.substring(full.lastIndexOf(')') + 1);
                    assertTrue(shown.get(i).endsWith(mark) && !shown.get(i).contains("…"),
                            mode + ": '" + shown.get(i) + "' keeps its mark and is not cut, as " + full);
                }
                // where the table leaves the chart too little room for a label whole (the models' values take it), the
                // label names the slice by its values
                for (int i = 0; i < shown.size(); i++) {
                    String full = rows.getSymbols()[i];
                    String values = full.replaceAll("[a-z_]+=", "");
                    assertTrue(shown.get(i).equals(full) || values.startsWith(shown.get(i).replaceAll(" \\(.*", "")),
                            mode + ": '" + shown.get(i) + "' is whole or names the slice by its values, as " + full);
                }
            }
        } finally {
            robot.interact(() -> {
                stage.setWidth(VIEWS[1][0]);
                stage.setHeight(VIEWS[1][1]);
            });
        }
    }

    @Test
    void aCrossTallerThanThePaneShowsItsScaleWithItsFirstAndItsLastRows(FxRobot robot) throws Exception {
        contracts = 12;
        try {
            showCross(robot, VIEWS[0]);
            Rectangle2D[] area = new Rectangle2D[1];
            XYPlot xy = shownPlot(robot, area);
            assertTrue(labelledTicks(xy, area[0]) >= 3, "a scale of at least three ticks: " + labelledTicks(xy, area[0])
                    + " on a plot " + area[0].getWidth() + " px wide, labels " + ((RowAxis) xy.getDomainAxis())
                    .shownLabels() + " at " + xy.getDomainAxis().getTickLabelFont().getSize2D() + " px");
            assertEquals(AxisLocation.TOP_OR_LEFT, xy.getRangeAxisLocation(0),
                    "the scale above the first rows");
            assertNotNull(xy.getRangeAxis(1), "and repeated below the last ones");
            assertEquals(AxisLocation.BOTTOM_OR_RIGHT, xy.getRangeAxisLocation(1));
            assertEquals(xy.getRangeAxis(0).getRange(), xy.getRangeAxis(1).getRange(), "the same scale");
        } finally {
            contracts = 4;
            robot.interact(() -> {
                stage.setWidth(VIEWS[1][0]);
                stage.setHeight(VIEWS[1][1]);
            });
        }
    }

    @Test
    void everyRowOfACrossOfMoreThanFiveHundredSlicesIsLabelledWithItsNAndHoveringItsIntervalNamesIt(FxRobot robot)
            throws Exception {
        // 150 × 4 slices and the overall row: past the 500 ticks beyond which JFreeChart draws no tick label at all
        contracts = 150;
        try {
            showCross(robot, VIEWS[1]);
            Rectangle2D[] area = new Rectangle2D[1];
            XYPlot xy = shownPlot(robot, area);
            RowAxis rows = (RowAxis) xy.getDomainAxis();
            assertEquals(601, rows.getSymbols().length);
            Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
            List<?> ticks = rows.refreshTicks(g2, new AxisState(), area[0], RectangleEdge.LEFT);
            List<String> drawn = ticks.stream().map(ValueTick.class::cast).map(ValueTick::getText).toList();
            double pitch = area[0].getHeight() / rows.getSymbols().length;
            double labelHeight = g2.getFontMetrics(rows.getTickLabelFont()).getHeight();
            for (int i = 0; i < drawn.size(); i++) {
                assertEquals(rows.shownLabels().get(i), drawn.get(i), "row " + i + " drawn with its label, rows "
                        + pitch + " px apart, labels " + labelHeight + " px high");
            }
            assertEquals(rows.getSymbols().length, drawn.size(), "a label for every row");
            double widest = 0;
            for (String label : drawn) {
                assertTrue(label.matches(".+ \\(n=[0-9,]+\\).*"), "'" + label + "' names its slice with its n");
                widest = Math.max(widest, g2.getFontMetrics(rows.getTickLabelFont()).stringWidth(label));
            }
            assertTrue(area[0].getMinX() > widest, "the plot starts at " + area[0].getMinX()
                    + " px, right of the labels, " + widest + " px wide");
            // the middle of each whisker, between its mark and its upper end, gives the row's tooltip
            IntervalXYDataset intervals = (IntervalXYDataset) xy.getDataset();
            int hovered = 0;
            for (int series = 0; series < intervals.getSeriesCount(); series++) {
                for (int item = 0; item < intervals.getItemCount(series); item++) {
                    int row = (int) intervals.getXValue(series, item);
                    double x = xy.getRangeAxis().valueToJava2D((intervals.getYValue(series, item)
                            + intervals.getEndYValue(series, item)) / 2, area[0], xy.getRangeAxisEdge());
                    double y = rows.valueToJava2D(row, area[0], xy.getDomainAxisEdge());
                    ChartEntity entity = viewer(robot).getCanvas().getRenderingInfo().getEntityCollection()
                            .getEntity(x, y);
                    assertTrue(entity instanceof XYItemEntity && entity.getToolTipText()
                                    .startsWith(rows.getSymbols()[row].replaceAll(" [▲▼]$", "") + ":"),
                            "row " + row + " (" + rows.getSymbols()[row] + ") at its whisker: " + (entity == null
                                    ? "no tooltip" : entity.getToolTipText()));
                    hovered++;
                }
            }
            assertEquals(601, hovered, "every row has its interval");
        } finally {
            contracts = 4;
        }
    }

    @Test
    void aForestTallerThanThePaneKeepsItsLegendAndScaleInViewWhileItsRowsScroll(FxRobot robot) throws Exception {
        contracts = 12;
        Node pane = robot.lookup("#compareChart").query();
        ScrollPane scroller = pane.lookupAll("*").stream().filter(ScrollPane.class::isInstance)
                .map(ScrollPane.class::cast).findFirst().orElseThrow();
        try {
            showCross(robot, VIEWS[1]);
            Rectangle2D[] area = new Rectangle2D[1];
            shownPlot(robot, area);
            // the titles, the legend and the Δ axis stand above the plot's first row
            int top = (int) Math.floor(area[0].getMinY());
            int width = (int) Math.floor(area[0].getMaxX());
            WritableImage first = snapshot(robot, pane);
            robot.interact(() -> scroller.setVvalue(scroller.getVmax() / 2));
            WaitForAsyncUtils.waitForFxEvents(10);
            WritableImage middle = snapshot(robot, pane);
            assertTrue(firstDifferingLine(first, middle, top, (int) first.getHeight(), width) >= 0,
                    "the rows scrolled");
            assertEquals(-1, firstDifferingLine(first, middle, 0, top, width),
                    "mid-list, the chart's top " + top + " px (title, legend, Δ axis) are as above the first row");
        } finally {
            contracts = 4;
            robot.interact(() -> scroller.setVvalue(0));
        }
    }

    private static WritableImage snapshot(FxRobot robot, Node node) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        return image[0];
    }

    /** The first line from {@code from} to {@code to} where the two images differ within {@code width}; −1 if none. */
    private static int firstDifferingLine(WritableImage a, WritableImage b, int from, int to, int width) {
        PixelReader left = a.getPixelReader();
        PixelReader right = b.getPixelReader();
        for (int y = from; y < to; y++) {
            for (int x = 0; x < width; x++) {
                if (left.getArgb(x, y) != right.getArgb(x, y)) {
                    return y;
                }
            }
        }
        return -1;
    }
}
