package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricCounts;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.ui.theme.Appearance;

/**
 * A multiclass pack shaped as a reviewer's mc_rare: 35 stores of 4 to 399 rows and a class of 1 %, so most stores have
 * no interval (too few examples, or unstable for want of the rare class), in the Compare view of a 1366×768 laptop
 * (the view's 1242 × 620) with the chart beside the table. Each such store took three lines ("store" / "=store_07",
 * "unstable:" / "class rare has 2" / "examples here") and ten rows filled the table.
 */
@ExtendWith(ApplicationExtension.class)
class CompareManyStoresLaptopTest {
    private static final int STORES = 35;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private TableView<ComparisonRow> table;

    private static MetricCounts smallest(long rare) {
        return new MetricCounts(null, null, null, null, "rare", rare);
    }

    private static List<SliceResult> stores() {
        Metric m = Metric.MACRO_F1;
        ShownInterval holm = new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 8, ShownInterval.HOLM, 8);
        List<SliceResult> results = new ArrayList<>();
        results.add(new SliceResult(SliceKey.OVERALL, 6_948, m, true, new MetricEstimate(0.776, new Interval(0.752,
                0.800)), new MetricEstimate(0.774, new Interval(0.750, 0.801)), -0.002, new Interval(-0.034, 0.031),
                new Interval(-0.034, 0.031), 0.918, 0.918, "paired-bootstrap-cells", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1), null, null, null, 0.01,
                TargetUnit.NONE, smallest(67)));
        for (int s = 0; s < STORES; s++) {
            SliceKey store = ReportFixture.slice("store", String.format("store_%02d", s));
            int n = s < 3 ? 4 + 4 * s : 60 + (s * 97) % 340;
            double delta = -0.3 + 0.017 * s;
            if (s < 3) {
                results.add(new SliceResult(store, n, m, true, new MetricEstimate(0.7, null),
                        new MetricEstimate(0.7 + delta, null), delta, null, null, null, null, null,
                        Verdict.TOO_FEW_EXAMPLES, null, null, null, null, 0.01, TargetUnit.NONE, smallest(0)));
            } else if (s % 9 == 0) {
                results.add(new SliceResult(store, n, m, true, new MetricEstimate(0.796, new Interval(0.689, 0.879)),
                        new MetricEstimate(0.812, new Interval(0.714, 0.877)), 0.016, new Interval(-0.177, 0.210),
                        new Interval(-0.1, 0.12), 0.8, 1.0, "paired-bootstrap-cells", Verdict.INCONCLUSIVE, holm,
                        null, null, null, 0.01, TargetUnit.NONE, smallest(7)));
            } else {
                long rare = s % 5;
                results.add(new SliceResult(store, n, m, true, new MetricEstimate(0.8, null),
                        new MetricEstimate(0.8 + delta, null), delta, null, null, null, null,
                        "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null, "class rare has " + rare
                        + " examples here; the bootstrap cannot measure macro_f1's uncertainty", null, 0.01,
                        TargetUnit.NONE, smallest(rare)));
            }
        }
        for (String lang : List.of("en", "de", "ja")) {
            results.add(new SliceResult(ReportFixture.slice("lang", lang), 2_000, m, true,
                    new MetricEstimate(0.78, new Interval(0.75, 0.81)), new MetricEstimate(0.77, new Interval(0.74,
                    0.80)), -0.01, new Interval(-0.05, 0.03), new Interval(-0.04, 0.02), 0.5, 1.0,
                    "paired-bootstrap-cells", Verdict.INCONCLUSIVE, holm, null, null, null, 0.01, TargetUnit.NONE,
                    smallest(20)));
        }
        return results;
    }

    private static ComparisonReport report() {
        return LaptopCompareView.oneMetric("ticket-mc", "42", "43", Metric.MACRO_F1, ComparisonOptions.DEFAULTS,
                stores());
    }

    @Start
    void start(Stage stage) throws Exception {
        table = LaptopCompareView.show(stage, folder, text, new Appearance(false, false),
                CompareManyStoresLaptopTest::report, "mc_rare", PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV).table();
    }

    /** Rows whose whole height is inside the table's viewport. */
    private List<TableRow<?>> rowsInView(FxRobot robot) {
        Node viewport = table.lookup(".clipped-container");
        Bounds view = viewport.localToScene(viewport.getBoundsInLocal());
        return robot.lookup("#compareTable .table-row-cell").queryAll().stream()
                .<TableRow<?>>map(node -> (TableRow<?>) node)
                .filter(row -> row.isVisible() && row.getItem() != null)
                .filter(row -> {
                    Bounds bounds = row.localToScene(row.getBoundsInLocal());
                    return bounds.getMinY() >= view.getMinY() - 0.5 && bounds.getMaxY() <= view.getMaxY() + 0.5;
                })
                .toList();
    }

    private static String verdictShown(TableRow<?> row) {
        return row.getChildrenUnmodifiable().stream()
                .filter(cell -> cell instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "compare.col.verdict".equals(c.getTableColumn().getId()))
                .map(cell -> ((Labeled) cell).getText()).findFirst().orElseThrow();
    }

    @Test
    void aStoreWithoutIntervalsTakesOneLineAndStillSaysWhy(FxRobot robot) {
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertTrue(robot.lookup("#compareChart").query().getLayoutBounds().getWidth() > 0, "the chart is beside");
        // the reading order puts the slices with an interval first: look where the stores without one begin
        int firstWithoutInterval = table.getItems().stream().filter(row -> row.result().deltaCi() == null)
                .map(table.getItems()::indexOf).findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(firstWithoutInterval));
        robot.interact(() -> { });
        List<TableRow<?>> inView = rowsInView(robot);
        // 16 here, 19 in the app on mc_rare (11 before): rows of three lines (about 48 px) left about nine
        assertTrue(inView.size() >= 15, inView.size() + " rows in view, want at least 15");
        for (TableRow<?> row : inView) {
            ComparisonRow shown = (ComparisonRow) row.getItem();
            String verdict = verdictShown(row);
            if (shown.result().isUnstable()) {
                assertEquals("unstable: rare\u00a0n=" + shown.result().counts().smallestClassSupport(), verdict,
                        "why it has no interval, in short, on one line");
            }
        }
        CompareHeaders.assertMainColumnsInView(robot, table);
        assertFalse(CompareHeaders.scrollsSideways(table),
                "no sideways scrolling");
    }
}
