package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;

class CompareViewModelTest {
    @TempDir
    Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final List<ComparisonOptions> requested = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final CompareViewModel model = new CompareViewModel(
            (pack, candidate, options, progress) -> {
                requested.add(options);
                return options.crosses().isEmpty() ? ReportFixture.standard() : ReportFixture.withCross();
            },
            new ComparisonEngine()::confusionMatrix,
            new CurrentThreadExecutor(), new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
            failures::add);

    private ReviewPack multiclassPack() throws Exception {
        return new PackLoader().load(PackFixture.write(folder.resolve("router"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    private List<String> shownSlices() {
        return model.rows().stream().map(ComparisonRow::slice).toList();
    }

    @Test
    void aPackStartsOnItsPrimaryMetricWithEverySingleDimensionSlice() throws Exception {
        model.showPack(multiclassPack());

        assertEquals(Metric.MACRO_F1, model.metricProperty().get());
        assertEquals(List.of("43"), model.candidates());
        assertEquals(List.of("overall", "language=en", "language=de", "gender=f", "gender=m"), shownSlices());
        assertEquals(1, requested.size());
        assertTrue(requested.get(0).crosses().isEmpty(), "crosses are computed only when asked for");
        assertTrue(model.chartDataProperty().get() != null, "chart data built");
    }

    @Test
    void oneDimensionShowsOverallAndThatDimensionsSlices() throws Exception {
        model.showPack(multiclassPack());
        model.dimensionProperty().set(new SliceDimension(List.of("language")));

        assertEquals(List.of("overall", "language=en", "language=de"), shownSlices());
    }

    @Test
    void choosingACrossComputesTheIntersectionalSlicesOnce() throws Exception {
        model.showPack(multiclassPack());
        SliceDimension cross = new SliceDimension(List.of("language", "gender"));
        assertTrue(model.dimensions().contains(cross));

        model.dimensionProperty().set(cross);
        assertEquals(List.of("overall", "language=en × gender=f"), shownSlices());
        assertEquals(List.of(List.of("language", "gender")), requested.get(1).crosses());

        model.dimensionProperty().set(SliceDimension.ALL);
        model.dimensionProperty().set(cross);
        assertEquals(2, requested.size(), "the report with crosses is reused");
    }

    @Test
    void eachCrossIsAdjustedOnlyWithTheOverallAndSingleDimensionSlicesLikeTheCommandLine() throws Exception {
        // three slice columns give three possible crosses; choosing one must not put the other two in its family
        String manifest = PackFixture.MULTICLASS_MANIFEST.replace("\"sensitive\": [\"gender\"]",
                "\"sensitive\": [\"gender\", \"age\"]");
        String csv = PackFixture.MULTICLASS_CSV.replace("gender,pred_42", "gender,age,pred_42")
                .replaceAll("(,[fm]),", "$1,young,");
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("three"), manifest, csv), Progress.NONE));
        SliceDimension languageByAge = new SliceDimension(List.of("language", "age"));
        assertEquals(3, model.dimensions().stream().filter(SliceDimension::isCross).count());

        model.dimensionProperty().set(languageByAge);

        assertEquals(List.of(List.of("language", "age")), requested.get(requested.size() - 1).crosses());
    }

    @Test
    void filterAndOnlyWorseKeepTheOverallRow() throws Exception {
        model.showPack(multiclassPack());

        model.filterProperty().set("DE");
        assertEquals(List.of("overall", "language=de"), shownSlices());

        model.filterProperty().set("");
        model.onlyWorseProperty().set(true);
        assertEquals(List.of("overall", "language=en"), shownSlices());
    }

    @Test
    void anUnavailableMetricSaysWhy() throws Exception {
        model.showPack(multiclassPack());
        model.metricProperty().set(Metric.ACCURACY);

        assertEquals("accuracy is unavailable for this pack: the engine does not compute it here",
                model.noticeProperty().get());
        assertTrue(model.chartDataProperty().get().isEmpty());
    }

    @Test
    void aBinaryPackWithoutScoresSaysScoreMetricsAreUnavailable() throws Exception {
        String labelsOnly = """
                example_id,label,region,pred_7,pred_8
                t1,fraud,eu,fraud,ok
                t2,ok,eu,ok,ok
                t3,ok,us,fraud,ok
                t4,fraud,us,ok,fraud
                """;
        ReviewPack pack = new PackLoader().load(PackFixture.write(folder.resolve("fraud"),
                PackFixture.BINARY_MANIFEST, labelsOnly), Progress.NONE);
        model.showPack(pack);

        assertEquals(Metric.ROC_AUC, model.metricProperty().get());
        assertTrue(model.noticeProperty().get().startsWith("Score-based metrics such as roc_auc are unavailable"),
                model.noticeProperty().get());
    }

    @Test
    void aFailedComparisonIsReportedAndSaidInTheView() throws Exception {
        CompareViewModel failing = new CompareViewModel(
                (pack, candidate, options, progress) -> {
                    throw new IllegalStateException("engine bug");
                },
                new ComparisonEngine()::confusionMatrix,
                new CurrentThreadExecutor(), new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                failures::add);
        failing.showPack(multiclassPack());

        assertEquals("The comparison failed: engine bug", failing.noticeProperty().get());
        assertEquals(1, failures.size());
    }
}
