package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.compare.CompareViewModel.ChartKind;
import org.verdict.ui.theme.Appearance;

/**
 * A rent pack of 65 zip codes and 4 unit types, rmse in dollars, some models' intervals the percentile fallback, in
 * the Compare view of a 1366×768 laptop (the view's 1242 × 620) with the chart beside the table: the table keeps the
 * adjusted p beside both models' values, and the per-model chart keeps each slice's two marks apart.
 */
@ExtendWith(ApplicationExtension.class)
class CompareZipCodesLaptopTest {
    private static final int ZIP_CODES = 65;

    private static final String MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "rent", "task": "regression", "riskTier": 2, "positiveLabel": null},
             "models": [{"version": "3.1", "role": "production"}, {"version": "3.2", "role": "candidate"}],
             "primaryMetric": "rmse",
             "suites": {"primary": {"file": "primary.csv", "slices": ["zip", "unit"]}}}
            """;
    private static final String CSV = """
            example_id,label,zip,unit,pred_3.1,pred_3.2
            r0,1900,Z00,studio,2100,1950
            r1,2400,Z01,2br,2000,2350
            r2,1750,Z02,1br,1800,1700
            """;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private CompareViewModel model;
    private TableView<ComparisonRow> table;

    /**
     * Dollar errors as the rent pack's: close values with overlapping intervals (a slice's two marks nearly coincide
     * along the value axis), a third of each model's intervals the percentile fallback.
     */
    private static List<SliceResult> zipCodes() {
        List<SliceResult> results = new ArrayList<>();
        results.add(rent(SliceKey.OVERALL, 13_808, 1_224, 472.7, -791.8, -491.4, false, false, Verdict.BETTER));
        for (int i = 0; i < ZIP_CODES; i++) {
            results.add(rent(ReportFixture.slice("zip", String.format("Z%02d", i)), 30 + 5 * i, 1_321 + i, 562.1,
                    -1_321, 524, i % 3 == 0, i % 3 == 1, Verdict.INCONCLUSIVE));
        }
        for (String unit : List.of("studio", "1br", "2br", "3br+")) {
            results.add(rent(ReportFixture.slice("unit", unit), 3_452, 1_180, 470.3, -760.2, -480.5, false, false,
                    Verdict.BETTER));
        }
        return results;
    }

    private static SliceResult rent(SliceKey slice, int n, double production, double candidate, double deltaLow,
                                    double deltaHigh, boolean productionFallback, boolean candidateFallback,
                                    Verdict verdict) {
        String why = "1 of 30 rows holds 70% of the squared error";
        return new SliceResult(slice, n, Metric.RMSE, false,
                new MetricEstimate(production, new Interval(production - 673.4, production + 657.2),
                        productionFallback ? why : null),
                new MetricEstimate(candidate, new Interval(candidate - 176.7, candidate + 218.8),
                        candidateFallback ? why : null),
                candidate - production, new Interval(deltaLow, deltaHigh), 0.2, 1.0, "paired-bootstrap", verdict,
                null, null);
    }

    private static ComparisonReport report() {
        return LaptopCompareView.oneMetric("rent", "3.1", "3.2", Metric.RMSE, ComparisonOptions.DEFAULTS,
                zipCodes());
    }

    @Start
    void start(Stage stage) throws Exception {
        LaptopCompareView shown = LaptopCompareView.show(stage, folder, text, new Appearance(false, false),
                CompareZipCodesLaptopTest::report, "rent", MANIFEST, CSV);
        model = shown.model();
        table = shown.table();
    }

    /** A percentile fallback's mark made both models' columns wider than their intervals; the adjusted p had to go. */
    @Test
    void theAdjustedPStaysBesideBothModelsValues(FxRobot robot) {
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertTrue(robot.lookup("#compareChart").query().getLayoutBounds().getWidth() > 0, "the chart is beside");
        CompareHeaders.assertMainColumnsInView(robot, table);
        assertFalse(CompareHeaders.scrollsSideways(table),
                "no sideways scrolling");
    }

    @Test
    void bothModelsMarksOfEverySliceStandApart(FxRobot robot) {
        robot.interact(() -> model.chartKindProperty().set(ChartKind.PER_MODEL));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });

        ChartViewer viewer = robot.lookup(".chart-pane").queryAs(ChartPane.class).lookupAll("*").stream()
                .filter(ChartViewer.class::isInstance).map(ChartViewer.class::cast).findFirst().orElseThrow();
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        Rectangle2D plotArea = info.getPlotInfo().getDataArea();
        // the slice axis runs from −0.6 to rows − 0.4: one row more than its slices, less 0.2
        int rows = zipCodes().size();
        double pitch = plotArea.getHeight() / (rows + 0.2);
        double withinSlice = 2 * SliceCharts.MODEL_OFFSET * pitch;
        double toNextSlice = (1 - 2 * SliceCharts.MODEL_OFFSET) * pitch;
        assertTrue(withinSlice >= SliceCharts.MARK_SIZE + 1, "a slice's two marks are " + withinSlice
                + " px apart (rows " + pitch + " px), each mark " + SliceCharts.MARK_SIZE + " px");
        assertTrue(toNextSlice >= SliceCharts.MARK_SIZE + 1, "the next slice's mark is " + toNextSlice + " px away");
    }
}
