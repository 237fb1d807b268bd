package org.verdict.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.Interval;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.task.Progress;
import org.verdict.ui.overview.OverviewViewModel.VersionRow;

class OverviewViewModelTest {
    @TempDir
    Path folder;

    private final OverviewViewModel model = new OverviewViewModel(ResourceBundle.getBundle("org.verdict.ui.messages"));

    @Test
    void showsTheModelItsTierWhoApprovesAndEachVersionsLineage() throws Exception {
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("p"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE));

        assertEquals("router", model.modelNameProperty().get());
        assertEquals("multiclass", model.taskProperty().get());
        assertEquals("2 of 3", model.riskTierProperty().get());
        assertEquals("An ML lead (tier 2)", model.approversProperty().get());
        assertEquals("", model.thresholdProperty().get(), "a multiclass model has no decision threshold");
        assertEquals(List.of(
                new VersionRow("42", "production", "s1", "git:1", "2026-10-02 10:00 UTC", "epochs = 3\nlr = 0.001"),
                new VersionRow("43", "candidate", "s2", "git:2", "2026-11-02 10:00 UTC", "lr = 0.0005")),
                model.versions());
    }

    @Test
    void everyTierNamesItsApprovers() {
        assertEquals("Automatic, when every gate passes (tier 1)", model.approversFor(1));
        assertEquals("AI Safety, Product and an ML lead, all three (tier 3)", model.approversFor(3));
    }

    @Test
    void aBinaryTaskNamesItsPositiveLabelAndMissingLineageShowsADash() throws Exception {
        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("b"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), Progress.NONE));

        assertEquals("binary (positive label: fraud)", model.taskProperty().get());
        // production sets none (the default 0.5), the candidate 0.3
        assertEquals("0.500 (production 7), 0.300 (candidate 8)", model.thresholdProperty().get());
        assertEquals(new VersionRow("7", "production", "—", "—", "—", "—"), model.versions().get(0));
    }

    @Test
    void showsTheCurrentVerdictAsTheGatesWordIt() {
        javafx.beans.property.StringProperty headline = new javafx.beans.property.SimpleStringProperty("Judging the gates…");
        model.showVerdictOf(headline);
        assertEquals("Judging the gates…", model.verdictProperty().get());
        headline.set("Candidate 2 passes every gate against production 1.");
        assertEquals("Candidate 2 passes every gate against production 1.", model.verdictProperty().get());
    }

    /**
     * The verdict judges the primary metric (mae) only; rmse significantly worse overall is named with its Δ, the
     * interval its verdict reads and n. A worse slice and the primary are not; with
     * none, it says so.
     */
    @Test
    void namesTheOtherMetricsSignificantlyWorseOverall() {
        SliceResult maeOverall = result(SliceKey.OVERALL, Metric.MAE, true, 1200.4, new Interval(800.2, 1600.9));
        SliceResult rmseOverall = result(SliceKey.OVERALL, Metric.RMSE, false, 240642.3,
                new Interval(63269.1, 349670.4));
        SliceResult mapeSlice = result(new SliceKey(List.of("city"), List.of("Oslo")), Metric.MAPE, false, 0.4,
                new Interval(0.1, 0.7));
        SimpleObjectProperty<ComparisonReport> report = new SimpleObjectProperty<>();
        model.showOtherMetricsOf(report);
        assertEquals("—", model.alsoWorseProperty().get());

        report.set(report(List.of(maeOverall, rmseOverall, mapeSlice)));
        assertEquals("rmse +240,642 [+63,269, +349,670] (n=1,500)", model.alsoWorseProperty().get());

        report.set(report(List.of(maeOverall, mapeSlice)));
        assertEquals("No other metric", model.alsoWorseProperty().get());
    }

    private static SliceResult result(SliceKey slice, Metric metric, boolean primary, double delta, Interval ci) {
        return new SliceResult(slice, 1500, metric, primary, new MetricEstimate(1000, new Interval(900, 1100)),
                new MetricEstimate(1000 + delta, new Interval(900 + delta, 1100 + delta)), delta, ci, 0.001, 0.001,
                "paired-bootstrap", Verdict.WORSE, null, null);
    }

    private static ComparisonReport report(List<SliceResult> results) {
        return new ComparisonReport("houses", "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS, results, 1,
                java.util.Map.of(Metric.MAE, 1));
    }
}
