package org.verdict.ui.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.settings.UserSettings;
import org.verdict.ui.chart.ChartPane;
import org.verdict.ui.settings.DividerMemory;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.theme.Appearance;

/**
 * The Compare view as the composition root builds it, comparing by a fixed report, shown on TestFX's shared stage at
 * the content size of a maximised window on a 1366×768 laptop (1242×620), with a pack written under a test's folder
 * opened in it.
 */
record LaptopCompareView(CompareViewModel model, TableView<ComparisonRow> table) {
    /**
     * The Compare view comparing {@code pack} for real (the engine, not a fixed report), in a scene of {@code width}
     * × {@code height} on TestFX's shared stage, light theme, normal text.
     */
    @SuppressWarnings("unchecked")
    static LaptopCompareView comparing(Stage stage, Path folder, ResourceBundle text, double width, double height,
                                       ReviewPack pack) {
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        Appearance appearance = new Appearance(false, false);
        ComparisonEngine engine = new ComparisonEngine();
        CompareViewModel model = new CompareViewModel(engine::compare, engine::confusionMatrix, executor,
                new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        CompareView view = new CompareView(model, text, executor,
                new ChartPane(appearance, text, extension -> Optional.empty(), executor),
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        Scene scene = new Scene((Parent) view.node(), width, height);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
        model.showPack(pack);
        return new LaptopCompareView(model, (TableView<ComparisonRow>) scene.lookup("#compareTable"));
    }

    /** A comparison of one metric over {@code slices}, its slices adjusted as one family of that size. */
    static ComparisonReport oneMetric(String model, String production, String candidate, Metric metric,
                                      ComparisonOptions options, List<SliceResult> slices) {
        return new ComparisonReport(model, production, candidate, metric, options, slices, slices.size(),
                Map.of(metric, slices.size()));
    }

    static LaptopCompareView show(Stage stage, Path folder, ResourceBundle text, Appearance appearance,
                                  Supplier<ComparisonReport> report, String packName, String manifest, String csv)
            throws Exception {
        return show(stage, folder, text, appearance, report, packName, manifest, csv, 1242, 620);
    }

    /** As above, in a scene of {@code width} × {@code height}. */
    static LaptopCompareView show(Stage stage, Path folder, ResourceBundle text, Appearance appearance,
                                  Supplier<ComparisonReport> report, String packName, String manifest, String csv,
                                  double width, double height) throws Exception {
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        CompareViewModel model = new CompareViewModel((pack, candidate, options, progress) -> report.get(),
                new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        ChartPane chartPane = new ChartPane(appearance, text, extension -> Optional.empty(), executor);
        CompareView view = new CompareView(model, text, executor, chartPane,
                new DividerMemory(UserSettings.load(folder.resolve("settings.json"))));
        Scene scene = new Scene((Parent) view.node(), width, height);
        appearance.applyTo(scene.getRoot());
        stage.setScene(scene);
        // the stage is shared by every test class: a window another test resized keeps its size unless told
        stage.sizeToScene();
        stage.show();
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve(packName), manifest, csv),
                Progress.NONE));
        @SuppressWarnings("unchecked")
        TableView<ComparisonRow> table = (TableView<ComparisonRow>) scene.lookup("#compareTable");
        return new LaptopCompareView(model, table);
    }
}
