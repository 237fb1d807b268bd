package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.settings.UserSettings;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.chart.RowAxis;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.theme.Appearance;

/**
 * The Compare view on a 1366×768 laptop, window maximised: what is left for the view beside the navigation rail,
 * under the menu bar and above the status bar, with a desktop's panel and title bar (1242 × 620), on a pack with
 * as many slices as the sample pack.
 */
@ExtendWith(ApplicationExtension.class)
class CompareLaptopTest {
    private static final double VIEW_WIDTH = 1242;
    /** 768 less a desktop panel and title bar, the menu bar and the status bar (taller in large text). */
    private static final double VIEW_HEIGHT = 620;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private TableView<ComparisonRow> table;
    private Appearance appearance;
    private CompareViewModel model;
    private Stage stage;

    /** 24 slices of three columns (like the sample pack's 18 to 25), macro_f1, with the home=rent slice. */
    static List<SliceResult> manySlices() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 24000, m, 0.832, 0.853, 0.015, 0.026, 0.0001, 0.0001,
                Verdict.BETTER));
        String[][] slices = {{"language", "en"}, {"language", "de"}, {"language", "fr"}, {"language", "es"},
            {"language", "ja"}, {"language", "pt"}, {"language", "it"}, {"segment", "enterprise"},
            {"segment", "consumer"}, {"segment", "smb"}, {"home", "rent"}, {"home", "own"}, {"home", "mortgage"},
            {"age_band", "18-29"}, {"age_band", "30-44"}, {"age_band", "45-64"}, {"age_band", "65+"},
            {"gender", "female"}, {"gender", "male"}, {"gender", "undisclosed"}, {"region", "north"},
            {"region", "south"}, {"region", "island"}, {"region", "renton"}};
        for (int i = 0; i < slices.length; i++) {
            double delta = -0.06 + 0.005 * i;
            results.add(ReportFixture.result(ReportFixture.slice(slices[i][0], slices[i][1]), 1000 * (i + 1), m,
                    0.8, 0.8 + delta, delta - 0.02, delta + 0.02, 0.01 * i, Math.min(1, 0.04 * i),
                    delta < -0.03 ? Verdict.WORSE
                            : i % 3 == 0 ? Verdict.NO_SIGNIFICANT_DIFFERENCE : Verdict.INCONCLUSIVE));
        }
        return results;
    }

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) throws Exception {
        this.stage = stage;
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        appearance = new Appearance(false, false);
        model = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.report(manySlices()),
                new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        ChartPane chartPane = new ChartPane(appearance, text, extension -> Optional.empty(), executor);
        CompareView view = new CompareView(model, text, executor, chartPane,
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        Scene scene = new Scene((Parent) view.node(), VIEW_WIDTH, VIEW_HEIGHT);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("router"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));
        table = (TableView<ComparisonRow>) scene.lookup("#compareTable");
    }

    /** Rows with a slice whose whole height is inside the table's viewport. */
    private long rowsInView(FxRobot robot) {
        Node viewport = table.lookup(".clipped-container");
        Bounds view = viewport.localToScene(viewport.getBoundsInLocal());
        return robot.lookup("#compareTable .table-row-cell").queryAll().stream()
                .map(node -> (TableRow<?>) node)
                .filter(row -> row.isVisible() && row.getItem() != null)
                .map(row -> row.localToScene(row.getBoundsInLocal()))
                .filter(bounds -> bounds.getMinY() >= view.getMinY() - 0.5 && bounds.getMaxY() <= view.getMaxY() + 0.5)
                .count();
    }

    private boolean scrollsSideways() {
        return table.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private void assertReadable(FxRobot robot, long minimumRows, double chartHeight, String mode) {
        robot.interact(() -> { });
        long rows = rowsInView(robot);
        assertTrue(rows >= minimumRows, mode + ": " + rows + " rows in view, want at least " + minimumRows);
        for (String id : CompareHeaders.MAIN_COLUMNS) {
            assertTrue(CompareHeaders.inView(robot, table, id), mode + ": " + id + " in view without scrolling; table "
                    + table.getWidth() + " wide, columns " + table.getColumns().stream()
                    .map(c -> c.getId() + (c.isVisible() ? " " : " hidden ") + c.getMinWidth()).toList());
        }
        assertTrue(!scrollsSideways(), mode + ": no sideways scrolling");
        if (chartHeight > 0) {
            Node chart = robot.lookup("#compareChart").query();
            assertTrue(chart.getScene() != null && chart.getLayoutBounds().getHeight() >= chartHeight
                    && chart.getLayoutBounds().getWidth() >= 370,
                    mode + ": the chart keeps a readable size: " + chart.getLayoutBounds());
        }
        assertTrue(robot.lookup("#compareSummary").query().isVisible(), mode + ": the summary line is shown");
        // the longer slices (segment=enterprise, gender=undisclosed) take two lines: scroll them into view
        robot.interact(() -> table.scrollTo(slices().indexOf("segment=enterprise")));
        List<String> sliceCells = new ArrayList<>();
        for (Node node : robot.lookup("#compareTable .table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && "compare.col.slice".equals(cell.getTableColumn().getId()) && cell.getText() != null) {
                sliceCells.add(cell.getText());
                Node drawn = cell.lookup(".text");
                assertTrue(drawn instanceof Text shown && shown.getText().equals(cell.getText()),
                        mode + ": the slice '" + cell.getText() + "' is drawn whole, not cut");
                assertTrue(!cell.getText().contains("=\n"), mode + ": '" + cell.getText().replace("\n", "/")
                        + "' breaks right after its column's name");
                // measured here, not by the view's own rule: a label well narrower than its room stays on one line
                String label = String.valueOf(cell.getItem());
                Text probe = new Text(label);
                probe.setFont(cell.getFont());
                double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
                assertTrue(!cell.getText().contains("\n") || label.contains(" × ")
                        || probe.getLayoutBounds().getWidth() + 8 > room,
                        mode + ": '" + label + "' takes two lines although its column holds it on one");
            }
        }
        assertTrue(sliceCells.contains("segment\n=enterprise") || sliceCells.contains("segment=enterprise"),
                mode + ": segment=enterprise in view: " + sliceCells);
        robot.interact(() -> table.scrollTo(0));
    }

    /**
     * How many of the forest plot's rows are on screen: the height of its plot area inside the chart pane's viewport,
     * over the height of one row.
     */
    private double plotRowsInView(FxRobot robot) {
        ChartCanvas canvas = robot.lookup("#compareChart").query().lookupAll("*").stream()
                .filter(ChartCanvas.class::isInstance).map(ChartCanvas.class::cast)
                .findFirst().orElseThrow();
        Rectangle2D plot = canvas.getRenderingInfo().getPlotInfo().getDataArea();
        Node viewport = robot.lookup("#compareChart").query().lookup(".viewport");
        Bounds view = viewport.localToScene(viewport.getBoundsInLocal());
        Bounds drawn = canvas.localToScene(new BoundingBox(plot.getX(), plot.getY(), plot.getWidth(),
                plot.getHeight()));
        double visible = Math.min(drawn.getMaxY(), view.getMaxY()) - Math.max(drawn.getMinY(), view.getMinY());
        return Math.max(0, visible) / (plot.getHeight() / table.getItems().size());
    }

    /**
     * On a 1280×720 laptop (the view 1156 × 572) the forest plot beside the table had 70–95 px and a single tick,
     * 0.0: it keeps a scale of at least three labelled ticks and row labels of at least 9 px (three quarters of the text size), one per row, and
     * both models' values yield to it, never the decision columns; at 1366×768 the table keeps every column it had.
     */
    @Test
    void theForestPlotKeepsAScaleAndReadableRowsOnA1280By720Laptop(FxRobot robot) {
        try {
            for (double[] view : new double[][] {{1156, 572}, {VIEW_WIDTH, VIEW_HEIGHT}}) {
                robot.interact(() -> {
                    stage.setWidth(view[0]);
                    stage.setHeight(view[1]);
                });
                WaitForAsyncUtils.waitForFxEvents(5);
                String mode = (int) view[0] + "×" + (int) view[1];
                ChartViewer viewer = robot.lookup("#compareChart").query().lookupAll("*").stream()
                        .filter(ChartViewer.class::isInstance)
                        .map(ChartViewer.class::cast).findFirst().orElseThrow();
                Rectangle2D plot = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
                XYPlot xy = (XYPlot) viewer.getChart().getPlot();
                Graphics2D g2 = new BufferedImage(1, 1,
                        BufferedImage.TYPE_INT_ARGB).createGraphics();
                List<?> ticks = ((NumberAxis) xy.getRangeAxis()).refreshTicks(g2,
                        new AxisState(), plot, RectangleEdge.BOTTOM);
                long labelled = ticks.stream().map(ValueTick.class::cast)
                        .filter(tick -> !tick.getText().isEmpty()).count();
                assertTrue(labelled >= 3, mode + ": " + labelled + " labelled ticks on a plot " + plot.getWidth()
                        + " px wide: " + ticks + " range " + xy.getRangeAxis().getRange() + " unit "
                        + ((NumberAxis) xy.getRangeAxis()).getTickUnit() + " useful "
                        + robot.lookup("#compareChart").queryAs(ChartPane.class).getUsefulWidth() + " chart "
                        + robot.lookup("#compareChart").queryAs(ChartPane.class).getWidth() + " font "
                        + xy.getDomainAxis().getTickLabelFont());
                // one form for every row: a full name never beside a bare value, an n never beside a row without one
                List<String> shown = ((RowAxis) xy.getDomainAxis()).shownLabels();
                long withColumn = shown.stream().skip(1)
                        .filter(label -> label.replaceAll(" \\(n=.*", "").contains("=")).count();
                long withN = shown.stream().skip(1).filter(label -> label.contains("(n=")).count();
                assertTrue(withColumn == 0 || withColumn == shown.size() - 1, mode + ": full names beside bare values: "
                        + shown);
                assertTrue(withN == 0 || withN == shown.size() - 1, mode + ": rows with and without n: " + shown);
                float rowFont = xy.getDomainAxis().getTickLabelFont().getSize2D();
                double rowHeight = plot.getHeight() / (table.getItems().size() + 0.2);
                assertTrue(rowFont >= 9 && rowHeight >= rowFont, mode + ": row labels of " + rowFont + " px in rows "
                        + rowHeight + " px high");
                List<String> needed = new ArrayList<>(CompareHeaders.MAIN_COLUMNS);
                if (view[0] < VIEW_WIDTH) {
                    needed.remove("compare.col.production");
                    needed.remove("compare.col.candidate");
                }
                for (String id : needed) {
                    assertTrue(CompareHeaders.inView(robot, table, id), mode + ": " + id + " in view; columns "
                            + table.getColumns().stream().map(c -> c.getId() + (c.isVisible() ? " " : " hidden ")
                            + c.getWidth()).toList());
                }
                assertTrue(!scrollsSideways(), mode + ": no sideways scrolling");
            }
        } finally {
            robot.interact(() -> {
                stage.setWidth(VIEW_WIDTH);
                stage.setHeight(VIEW_HEIGHT);
            });
        }
    }

    @Test
    void bothModelsBesideDeltaWithEightRowsInLightAndDarkAndInLargeText(FxRobot robot) {
        assertReadable(robot, 8, 400, "light");
        robot.interact(() -> appearance.darkProperty().set(true));
        assertReadable(robot, 8, 400, "dark");
        robot.interact(() -> appearance.largeTextProperty().set(true));
        // the new text size is applied and laid out over a few pulses on a busy machine
        WaitForAsyncUtils.waitForFxEvents(5);
        ToggleButton showChart = robot.lookup("#showChart")
                .queryAs(ToggleButton.class);
        try {
            assertTrue(!showChart.isSelected(), "a short view in large text starts with the chart hidden");
            // rows are two lines in large text (each value over its interval, so both models fit): 8, not 10
            assertReadable(robot, 8, 0, "dark, large text");
            robot.interact(() -> appearance.largeTextProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents(5);
            assertTrue(showChart.isSelected(), "normal text shows the chart again");
            robot.interact(() -> appearance.largeTextProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents(5);
            assertTrue(!showChart.isSelected(), "large text hides the chart again");
            robot.interact(() -> showChart.fire());
            WaitForAsyncUtils.waitForFxEvents(5);
            // the chart asked for shows rows, not only its title, legend and axis, and the table its first rows
            double plotRows = plotRowsInView(robot);
            assertReadable(robot, 2, 120, "dark, large text, chart shown by the user");
            assertTrue(plotRows >= 5, "dark, large text: " + plotRows + " forest plot rows in view, want 5");
            robot.interact(() -> appearance.darkProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents(5);
            assertTrue(plotRowsInView(robot) >= 5, "light, large text: " + plotRowsInView(robot) + " plot rows");
        } finally {
            robot.interact(() -> {
                appearance.darkProperty().set(false);
                appearance.largeTextProperty().set(false);
            });
        }
    }

    private List<String> slices() {
        return table.getItems().stream().map(ComparisonRow::slice).toList();
    }

    private TableColumn<ComparisonRow, ?> column(String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void theSortIsShownAndSurvivesFilteringAndOnlyWorse(FxRobot robot) {
        TableColumn<ComparisonRow, ?> n = column("compare.col.n");
        robot.interact(() -> {
            n.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(n);
        });
        robot.interact(() -> model.filterProperty().set("language"));
        robot.interact(() -> { });
        assertEquals(List.of(n), table.getSortOrder(), "the sort survives typing a filter");
        assertEquals(TableColumn.SortType.DESCENDING, n.getSortType());
        assertTrue(robot.lookup("#compareTable .column-header .arrow").queryAll().stream().anyMatch(Node::isVisible),
                "the sorted column shows its arrow");
        List<ComparisonRow> rows = table.getItems();
        assertEquals("overall", rows.get(0).slice());
        List<Integer> sizes = rows.subList(1, rows.size()).stream().map(ComparisonRow::n).toList();
        assertEquals(sizes.stream().sorted(Comparator.reverseOrder()).toList(), sizes, "largest first");
        assertEquals(8, rows.size(), "overall and the seven languages");

        robot.interact(() -> model.onlyWorseProperty().set(true));
        robot.interact(() -> model.filterProperty().set(""));
        assertEquals(List.of(n), table.getSortOrder(), "and ticking Only worse slices");
        List<Integer> worse = table.getItems().subList(1, table.getItems().size()).stream().map(ComparisonRow::n)
                .toList();
        assertEquals(worse.stream().sorted(Comparator.reverseOrder()).toList(), worse);
        robot.interact(() -> model.onlyWorseProperty().set(false));
    }

    @Test
    void theFilterMatchesWhatAUserTypes(FxRobot robot) {
        robot.interact(() -> model.filterProperty().set("home"));
        assertEquals(List.of("overall", "home=rent", "home=own", "home=mortgage"), slices(), "a column's name");
        robot.interact(() -> model.filterProperty().set("rent"));
        assertEquals(List.of("overall", "home=rent", "region=renton"), slices(), "part of a value");
        robot.interact(() -> model.filterProperty().set("home=rent"));
        assertEquals(List.of("overall", "home=rent"), slices(), "a column and a value");
        robot.interact(() -> model.filterProperty().set("HOME="));
        assertEquals(4, slices().size(), "every value of a column, whatever the case");
        robot.interact(() -> model.filterProperty().set("de"));
        assertEquals(List.of("overall", "language=de"), slices(), "de finds German, not gender");
        robot.interact(() -> model.filterProperty().set(""));
        assertEquals(25, slices().size());
    }
}
