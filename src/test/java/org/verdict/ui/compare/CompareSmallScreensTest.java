package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.pack.PackFixture;
import org.verdict.ui.theme.Appearance;

/**
 * A reviewer's card-fraud comparison (many merchants too few to test, slice names of 10 to 14 characters) in the
 * Compare view of small screens: a 1024×700 window, and 1366×768 under a desktop without a task bar, in normal text
 * and in large (projector) text. The view sizes are the window's less the navigation, menu and status bars.
 */
@ExtendWith(ApplicationExtension.class)
class CompareSmallScreensTest {
    /** A 1024×700 window: the chart stacks over the table. */
    private static final double[] SMALL_WINDOW = {900, 628};
    /** A 1366×768 screen in normal text: the chart beside the table. */
    private static final double[] WIDE_SCREEN = {1242, 696};
    /** The same screen in large text, whose navigation is wider and whose menu bar is taller. */
    private static final double[] WIDE_SCREEN_LARGE_TEXT = {1186, 688};
    /** The least rows of plot a chart shows under its titles, legend and scale, for a reviewer to read it. */
    private static final int USEFUL_ROWS = 8;
    /** The room a header keeps for its sort arrow, in large text (half an em). */
    private static final double SORT_ARROW = 8;
    /** Pixels of slack a column keeps so that JavaFX never ends its text in "…", and rounding. */
    private static final double ROUNDING = 4;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private TableView<ComparisonRow> show(FxRobot robot, Appearance appearance, double[] size) {
        TableView<ComparisonRow>[] table = new TableView[1];
        robot.interact(() -> {
            try {
                table[0] = LaptopCompareView.show(stage, folder, text, appearance,
                        CardFraudReport::report, "card-fraud", PackFixture.BINARY_MANIFEST.replace("roc_auc", "f1"),
                        PackFixture.BINARY_CSV, size[0], size[1]).table();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.interact(() -> { });
        robot.interact(() -> { });
        return table[0];
    }

    @Test
    void aSmallWindowsChartShowsEightRowsOfPlot(FxRobot robot) throws Exception {
        show(robot, new Appearance(false, false), SMALL_WINDOW);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compareChart").query().lookupAll("*")
                .stream().anyMatch(ChartViewer.class::isInstance));
        ChartViewer viewer = robot.lookup("#compareChart").query().lookupAll("*").stream()
                .filter(ChartViewer.class::isInstance).map(ChartViewer.class::cast).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea().getHeight() > 0);
        robot.interact(() -> { });
        double[] rows = new double[1];
        robot.interact(() -> rows[0] = plotRowsInView(robot, viewer));
        assertTrue(rows[0] >= USEFUL_ROWS, rows[0] + " rows of plot in view at 1024×700, want at least " + USEFUL_ROWS);
        // the table keeps its header and rows below it
        assertTrue(robot.lookup("#compareTable .table-row-cell").queryAll().stream()
                .filter(row -> row.isVisible() && row.localToScene(row.getBoundsInLocal()).getMaxY()
                        <= robot.lookup("#compareTable").query().localToScene(
                                robot.lookup("#compareTable").query().getBoundsInLocal()).getMaxY()).count() >= 5,
                "the table shows at least its overall row and four slices");
    }

    /**
     * How many rows of the forest plot a reviewer sees: the plot's height between the chart's header (its titles,
     * legend and scale, which stand over the rows of a chart that scrolls) and the pane's bottom, in rows.
     */
    private static double plotRowsInView(FxRobot robot, ChartViewer viewer) {
        XYPlot plot = (XYPlot) viewer.getChart().getPlot();
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        double rowPitch = area.getHeight() / plot.getDomainAxis().getRange().getLength();
        Bounds canvas = viewer.getCanvas().localToScene(viewer.getCanvas().getBoundsInLocal());
        Node pane = robot.lookup("#compareChart").query();
        Bounds paneBounds = pane.localToScene(pane.getBoundsInLocal());
        double top = Math.max(canvas.getMinY() + area.getMinY(), paneBounds.getMinY());
        Node header = pane.lookup("#chartHeader");
        if (header != null && header.isVisible()) {
            top = Math.max(top, header.localToScene(header.getBoundsInLocal()).getMaxY());
        }
        double bottom = Math.min(canvas.getMinY() + area.getMaxY(), paneBounds.getMaxY());
        return (bottom - top) / rowPitch;
    }

    /**
     * In large text no column keeps room to spare that a slice's name or a verdict broken onto two lines could have
     * had for one: whatever room the other columns have beyond their widest text and padding is less than what such a
     * cell lacks for its one line (at 1366×768 the Verdict column of a reviewer's pack was 433 px wide and its n
     * column had about 100 px empty while "too few" / "examples" and "merchant" / "=m000" broke).
     */
    @Test
    void inLargeTextNoColumnKeepsRoomThatABrokenCellCouldUse(FxRobot robot) {
        // switched to large text as a reviewer does (Ctrl+Shift+L), from normal text
        Appearance appearance = new Appearance(false, false);
        TableView<ComparisonRow> table = show(robot, appearance, WIDE_SCREEN_LARGE_TEXT);
        robot.interact(() -> appearance.largeTextProperty().set(true));
        robot.interact(() -> { });
        robot.interact(() -> { });
        Map<Object, Double> widest = new LinkedHashMap<>();
        Map<String, Double> broken = new LinkedHashMap<>();
        for (int first = 0; first < table.getItems().size(); first += 5) {
            int row = first;
            robot.interact(() -> table.scrollTo(row));
            robot.interact(() -> { });
            robot.interact(() -> {
                for (Node node : table.lookupAll(".table-cell")) {
                    if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null
                            && !cell.getText().isEmpty() && cell.getTableColumn() != null) {
                        double padding = cell.snappedLeftInset() + cell.snappedRightInset();
                        widest.merge(cell.getTableColumn(), widestLine(cell.getText(), cell.getFont()) + padding,
                                Math::max);
                        String id = cell.getTableColumn().getId();
                        String[] lines = cell.getText().split("\n");
                        if (lines.length == 2 && !lines[0].endsWith(" ×")
                                && (id.equals("compare.col.slice") || id.equals("compare.col.verdict"))) {
                            // "merchant" / "=m000" is merchant=m000 on one line, "too few" / "examples" has a space
                            String oneLine = lines[0] + (lines[1].startsWith("=") ? "" : " ") + lines[1];
                            broken.merge(cell.getText().replace("\n", " / "), widestLine(oneLine, cell.getFont())
                                    + padding - cell.getTableColumn().getWidth(), Math::max);
                        }
                    }
                }
            });
        }
        robot.interact(() -> {
            for (Node node : table.lookupAll(".column-header")) {
                if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                        && header.getTableColumn().isVisible()) {
                    Labeled label = (Labeled) header.getTableColumn().getGraphic();
                    widest.merge(header.getTableColumn(), widestLine(label.getText(), label.getFont())
                            + header.snappedLeftInset() + header.snappedRightInset() + SORT_ARROW, Math::max);
                }
            }
        });
        Map<String, Long> spare = new LinkedHashMap<>();
        for (TableColumn<ComparisonRow, ?> column : table.getVisibleLeafColumns()) {
            spare.put(column.getId(), Math.round(Math.max(0, column.getWidth() - widest.getOrDefault(column, 0.0))));
        }
        long spareInAll = spare.values().stream().mapToLong(Long::longValue).sum();
        broken.forEach((cell, lacking) -> assertTrue(lacking > spareInAll - ROUNDING, "\"" + cell + "\" lacks "
                + Math.round(lacking) + " px for one line while the columns keep " + spare));
        for (String id : List.of("compare.col.slice", "compare.col.verdict", "compare.col.n", "compare.col.delta",
                "compare.col.adjustedP")) {
            assertTrue(CompareHeaders.inView(robot, table, id), id + " in view: " + spare);
        }
        assertFalse(CompareHeaders.scrollsSideways(table), "no sideways scrolling: " + spare);
    }

    private static double widestLine(String text, Font font) {
        Text measure = new Text();
        measure.setFont(font);
        double widest = 0;
        for (String line : text.split("\n")) {
            measure.setText(line);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    @Test
    void aSliceNameTakesOneLineWhereItsColumnHasRoom(FxRobot robot) {
        TableView<ComparisonRow> table = show(robot, new Appearance(false, false), WIDE_SCREEN);
        assertTrue(robot.lookup("#compareChart").query().getLayoutBounds().getWidth() > 0, "the chart is beside");
        List<String> slices = robot.lookup("#compareTable .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && "compare.col.slice".equals(cell.getTableColumn().getId()) && cell.isVisible()
                        && cell.getText() != null && !cell.getText().isEmpty())
                .map(node -> ((TableCell<?, ?>) node).getText()).toList();
        assertTrue(slices.contains("merchant=m000"), "merchant=m000 on one line: " + slices);
        assertFalse(slices.stream().anyMatch(slice -> slice.contains("\n")), "every slice on one line: " + slices);
        CompareHeaders.assertMainColumnsInView(robot, table);
        assertFalse(CompareHeaders.scrollsSideways(table), "no sideways scrolling");
    }
}
