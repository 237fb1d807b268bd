package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.ui.theme.Appearance;

/**
 * A house-price pack (mae in US dollars, its unit named, 25 neighbourhoods and 3 styles) in the Compare view of a 1366×768 laptop
 * (the view's 1242 × 620, as in {@link CompareLaptopTest}): both models' values with their intervals stay in view
 * beside Δ, in normal and large text, light and dark; and in normal text the adjusted p too, there and on the
 * smaller windows of a first start (the chart gives it room).
 */
@ExtendWith(ApplicationExtension.class)
class CompareDollarsLaptopTest {
    private static final String MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "houses", "task": "regression", "riskTier": 2, "positiveLabel": null,
                       "targetUnit": "USD"},
             "models": [{"version": "7", "role": "production"}, {"version": "8", "role": "candidate"}],
             "primaryMetric": "mae",
             "suites": {"primary": {"file": "primary.csv", "slices": ["neighborhood", "style"]}}}
            """;
    private static final String CSV = """
            example_id,label,neighborhood,style,pred_7,pred_8
            h0,129354,N01,2story,91990.08,123350.41
            h1,225752,N03,2story,209672.46,207092.66
            h2,180000,N02,split,170000,185000
            """;

    private static final TargetUnit USD = TargetUnit.of("USD");

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private TableView<ComparisonRow> table;
    private Appearance appearance;
    private Stage stage;

    /** Five-digit dollar errors with wide intervals, as the house-price pack's. */
    static List<SliceResult> housePrices() {
        Metric m = Metric.MAE;
        List<SliceResult> results = new ArrayList<>();
        results.add(dollars(SliceKey.OVERALL, 1460, 20_477, 18_428, -3_374, -723, Verdict.BETTER));
        for (int i = 0; i < 25; i++) {
            double production = 14_000 + 391 * i;
            results.add(dollars(ReportFixture.slice("neighborhood", String.format("N%02d", i)), 30 + 7 * i,
                    production, production - 2_000 + 150 * i, -12_172 + 100 * i, 17_227 - 90 * i,
                    Verdict.INCONCLUSIVE));
        }
        for (String style : List.of("1story", "2story", "split")) {
            results.add(dollars(ReportFixture.slice("style", style), 480, 20_100, 19_950, -1_200, 900,
                    Verdict.NO_SIGNIFICANT_DIFFERENCE));
        }
        return results;
    }

    private static SliceResult dollars(SliceKey slice, int n, double production, double candidate, double deltaLow,
                                       double deltaHigh, Verdict verdict) {
        return new SliceResult(slice, n, Metric.MAE, false,
                new MetricEstimate(production, new Interval(production - 10_012.3, production + 14_937.4)),
                new MetricEstimate(candidate, new Interval(candidate - 10_145.6, candidate + 15_299.1)),
                candidate - production, new Interval(deltaLow, deltaHigh), 0.2, 1.0, "paired-bootstrap", verdict,
                null, null);
    }

    private static SliceResult inDollars(SliceResult r) {
        return new SliceResult(r.slice(), r.n(), r.metric(), r.primary(), r.production(), r.candidate(), r.delta(),
                r.deltaCi(), r.unadjustedCi(), r.pValue(), r.adjustedP(), r.test(), r.verdict(), r.shownInterval(),
                r.unavailableReason(), r.unstableReason(), r.note(), r.equivalenceBand(), USD);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        appearance = new Appearance(false, false);
        table = LaptopCompareView.show(stage, folder, text, appearance,
                () -> new ComparisonReport("houses", "7", "8", Metric.MAE, ComparisonOptions.DEFAULTS.withTargetUnit(USD),
                        housePrices().stream().map(CompareDollarsLaptopTest::inDollars).toList(), 26,
                        Map.of(Metric.MAE, 26)), "houses", MANIFEST, CSV).table();
    }

    /** The texts of the cells of a column that show a value, e.g. "204,770" / "[104,600, 354,100]". */
    private List<String> cellTexts(FxRobot robot, String columnId) {
        return robot.lookup("#compareTable .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && columnId.equals(cell.getTableColumn().getId()) && cell.getText() != null
                        && !cell.getText().isEmpty())
                .map(node -> ((TableCell<?, ?>) node).getText()).toList();
    }

    private void assertBothModelsInView(FxRobot robot, String mode) {
        assertBothModelsInView(robot, mode, true);
    }

    /** @param withAdjustedP whether the adjusted p stays in view too (in normal text) */
    private void assertBothModelsInView(FxRobot robot, String mode, boolean withAdjustedP) {
        robot.interact(() -> { });
        robot.interact(() -> { });
        List<String> needed = new ArrayList<>(List.of("compare.col.slice", "compare.col.verdict", "compare.col.n",
                "compare.col.delta", "compare.col.production", "compare.col.candidate"));
        if (withAdjustedP && !appearance.largeTextProperty().get()) {
            // in normal text the adjusted p stays too: every column a reviewer reads, none scrolled to
            needed.add("compare.col.adjustedP");
        }
        for (String id : needed) {
            assertTrue(CompareHeaders.inView(robot, table, id), mode + ": " + id + " in view; columns "
                    + table.getColumns().stream().map(c -> c.getId() + (c.isVisible() ? " " : " hidden ")
                    + c.getWidth()).toList());
        }
        assertTrue(cellTexts(robot, "compare.col.production").stream().anyMatch(t -> t.contains("[10,465, 35,414]")),
                mode + ": production's value with its interval " + cellTexts(robot, "compare.col.production"));
        // the unit is named once in each value column's header, not beside the table's every number
        for (String id : List.of("compare.col.delta", "compare.col.production", "compare.col.candidate")) {
            TableColumn<ComparisonRow, ?> column = table.getColumns().stream().filter(c -> id.equals(c.getId()))
                    .findFirst().orElseThrow();
            assertTrue(column.getText().endsWith(" ($)"), mode + ": " + column.getText());
            assertTrue(cellTexts(robot, id).stream().noneMatch(t -> t.contains("$")), mode + ": " + cellTexts(robot, id));
        }
        assertFalse(CompareHeaders.scrollsSideways(table),
                mode + ": no sideways scrolling");
    }

    /**
     * The Compare view of a window of {@code windowWidth} × {@code windowHeight} without a window manager's frame: the
     * window less the navigation list (124 px) and the menu and status bars (63 px).
     */
    private void showInWindowOf(FxRobot robot, double windowWidth, double windowHeight) {
        robot.interact(() -> {
            stage.setWidth(windowWidth - 124);
            stage.setHeight(windowHeight - 63);
        });
    }

    /**
     * A window of 1285 × 707 (94% of a 1366 × 768 screen, the first start's size before it took the whole screen) and
     * a maximised one on a 1280 × 720 screen are 80–90 px narrower than the laptop's: there both models' values may
     * yield to the chart's scale, never a decision column (slice, verdict, n, Δ, adjusted p); at 1366 × 768 every one
     * of them stays.
     */
    @Test
    void theModelsYieldToTheChartsScaleInSmallerWindowsNeverTheAdjustedP(FxRobot robot) {
        for (double[] window : new double[][] {{1285, 707}, {1280, 720}, {1366, 768}}) {
            showInWindowOf(robot, window[0], window[1]);
            String mode = (int) window[0] + "×" + (int) window[1];
            if (window[0] >= 1366) {
                assertBothModelsInView(robot, mode, true);
            } else {
                robot.interact(() -> { });
                robot.interact(() -> { });
                for (String id : List.of("compare.col.slice", "compare.col.verdict", "compare.col.n",
                        "compare.col.delta", "compare.col.adjustedP")) {
                    assertTrue(CompareHeaders.inView(robot, table, id), mode + ": " + id + " in view");
                }
                assertFalse(CompareHeaders.scrollsSideways(table), mode + ": no sideways scrolling");
            }
            double chartWidth = robot.lookup("#compareChart").query().getLayoutBounds().getWidth();
            assertTrue(chartWidth >= 250, mode + ": the chart beside the table is " + chartWidth + " px wide");
        }
    }

    @Test
    void bothModelsValuesWithTheirIntervalsStayInViewAtAnyTextSizeAndTheme(FxRobot robot) {
        assertBothModelsInView(robot, "light");
        // 29 slices scroll beside the table with full-size labels: the chart gets room for its plot (it got 375 px,
        // a plot of 110-130 px beside the labels of 65 zip codes)
        double chartWidth = robot.lookup("#compareChart").query().getLayoutBounds().getWidth();
        assertTrue(chartWidth >= 400, "a chart of many slices beside the table is " + chartWidth + " px wide");
        robot.interact(() -> appearance.darkProperty().set(true));
        assertBothModelsInView(robot, "dark");
        robot.interact(() -> appearance.largeTextProperty().set(true));
        assertBothModelsInView(robot, "dark, large text");
        robot.interact(() -> appearance.darkProperty().set(false));
        assertBothModelsInView(robot, "light, large text");
    }
}
