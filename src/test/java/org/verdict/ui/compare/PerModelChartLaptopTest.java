package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.Scene;
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
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.compare.CompareViewModel.ChartKind;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.settings.UserSettings;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.theme.Appearance;

/**
 * The per-model chart of 65 zip codes beside the table at 1366×768 (the view's 1242 × 620): production's and the
 * candidate's marks of a slice stand apart, and apart from the next slice's, as drawn.
 */
@ExtendWith(ApplicationExtension.class)
class PerModelChartLaptopTest {
    private static final int ZIP_CODES = 65;

    @TempDir
    static Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private CompareViewModel model;

    /** Close values with overlapping intervals: the marks of a slice nearly coincide along the value axis. */
    private static List<SliceResult> zipCodes() {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>();
        results.add(ReportFixture.result(SliceKey.OVERALL, 6000, m, 0.821, 0.829, -0.01, 0.03, 0.2, 0.2,
                Verdict.NO_SIGNIFICANT_DIFFERENCE));
        for (int i = 0; i < ZIP_CODES; i++) {
            results.add(ReportFixture.result(ReportFixture.slice("zip", String.format("9%04d", i)), 40 + i, m,
                    0.80, 0.805, -0.15, 0.16, 0.5, 1.0, Verdict.INCONCLUSIVE));
        }
        return results;
    }

    @Start
    void start(Stage stage) throws Exception {
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        Appearance appearance = new Appearance(false, false);
        model = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.report(zipCodes()),
                new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, failure -> { });
        ChartPane chartPane = new ChartPane(appearance, text, extension -> Optional.empty(), executor);
        CompareView view = new CompareView(model, text, executor, chartPane,
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1242, 620);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("zips"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));
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
        int rows = ZIP_CODES + 1;
        double pitch = plotArea.getHeight() / (rows + 0.2);
        double withinSlice = 2 * SliceCharts.MODEL_OFFSET * pitch;
        double toNextSlice = (1 - 2 * SliceCharts.MODEL_OFFSET) * pitch;
        assertTrue(withinSlice >= SliceCharts.MARK_SIZE + 1, "a slice's two marks are " + withinSlice
                + " px apart (rows " + pitch + " px), each mark " + SliceCharts.MARK_SIZE + " px");
        assertTrue(toNextSlice >= SliceCharts.MARK_SIZE + 1, "the next slice's mark is " + toNextSlice + " px away");
    }
}
