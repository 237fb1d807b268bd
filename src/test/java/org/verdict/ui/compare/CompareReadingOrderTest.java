package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.settings.UserSettings;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.theme.Appearance;

/**
 * The Compare table's order before a header is clicked: worse, then better, then the rest, the chart's order too —
 * by name, a fraud pack's 19 better merchants were spread through 300 rows of "too few examples".
 */
@ExtendWith(ApplicationExtension.class)
class CompareReadingOrderTest {
    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private TableView<ComparisonRow> table;
    private CompareViewModel model;

    /**
     * Merchants m000–m004 (five slices) and countries de, fr (two), by name; the worse merchant is m003, the better
     * ones m001 and fr, m000 has too few examples.
     */
    private static ComparisonReport merchants() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 4000, m, 0.80, 0.82, 0.010, 0.030, 0.001, 0.001,
                        Verdict.BETTER),
                new SliceResult(ReportFixture.slice("merchant", "m000"), 12, m, true, null, null, null, null, null,
                        null, null, Verdict.TOO_FEW_EXAMPLES, null, null),
                ReportFixture.result(ReportFixture.slice("merchant", "m001"), 400, m, 0.70, 0.80, 0.050, 0.150,
                        0.001, 0.004, Verdict.BETTER),
                ReportFixture.result(ReportFixture.slice("merchant", "m002"), 300, m, 0.80, 0.78, -0.090, 0.050,
                        0.5, 1.0, Verdict.INCONCLUSIVE),
                ReportFixture.result(ReportFixture.slice("merchant", "m003"), 300, m, 0.80, 0.70, -0.150, -0.050,
                        0.001, 0.003, Verdict.WORSE),
                ReportFixture.result(ReportFixture.slice("merchant", "m004"), 900, m, 0.80, 0.801, -0.010, 0.012,
                        0.8, 1.0, Verdict.NO_SIGNIFICANT_DIFFERENCE),
                ReportFixture.result(ReportFixture.slice("country", "de"), 2000, m, 0.80, 0.805, -0.004, 0.014,
                        0.4, 1.0, Verdict.NO_SIGNIFICANT_DIFFERENCE),
                ReportFixture.result(ReportFixture.slice("country", "fr"), 2000, m, 0.80, 0.84, 0.020, 0.060,
                        0.001, 0.002, Verdict.BETTER));
        return new ComparisonReport("fraud", "42", "43", m, ComparisonOptions.DEFAULTS, results, 6, Map.of(m, 6));
    }

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) throws Exception {
        Appearance appearance = new Appearance(false, false);
        model = new CompareViewModel((pack, candidate, options, progress) -> merchants(),
                new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        ChartPane chartPane = new ChartPane(appearance, text, extension -> Optional.empty(), executor);
        CompareView view = new CompareView(model, text, executor, chartPane,
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        Scene scene = new Scene((Parent) view.node(), 1240, 800);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("router"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));
        table = (TableView<ComparisonRow>) scene.lookup("#compareTable");
    }

    private List<String> slices() {
        TableColumn<ComparisonRow, ?> column = table.getColumns().stream()
                .filter(c -> "compare.col.slice".equals(c.getId())).findFirst().orElseThrow();
        return table.getItems().stream().map(row -> String.valueOf(column.getCellData(row))).toList();
    }

    @Test
    void worseThenBetterThenTheRestInTheTableAndTheChartAlike(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // within a group, the dimension with fewer slices first (country), then from worst to best Δ
        List<String> reading = List.of("overall", "merchant=m003", "country=fr", "merchant=m001", "country=de",
                "merchant=m002", "merchant=m004", "merchant=m000");
        assertEquals(reading, slices());
        assertEquals(reading, model.chartDataProperty().get().points().stream().map(SliceChartData.Point::label)
                .toList(), "the chart reads in the table's order");

        // the header still sorts; a third click on it gives the reading order back
        TableColumn<ComparisonRow, ?> slice = table.getColumns().stream()
                .filter(c -> "compare.col.slice".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            slice.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(slice));
        });
        assertEquals(List.of("overall", "country=de", "country=fr", "merchant=m000", "merchant=m001",
                "merchant=m002", "merchant=m003", "merchant=m004"), slices());
        robot.interact(() -> table.getSortOrder().clear());
        assertEquals(reading, slices());
    }
}
