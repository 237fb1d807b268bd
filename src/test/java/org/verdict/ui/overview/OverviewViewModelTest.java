package org.verdict.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ClassRecall;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
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
        StringProperty headline = new SimpleStringProperty("Judging the gates…");
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
    /** fair_small: "Also worse overall: nothing else" alone read as all-clear beside a worse slice. */
    @Test
    void namesTheWorseSlicesUnderTheHeadingTheGatesViewShows() {
        SimpleObjectProperty<org.verdict.core.gates.WorseFindings> findings = new SimpleObjectProperty<>();
        model.showWorseSlicesOf(findings);
        assertEquals("—", model.worseSlicesProperty().get(), "nothing is said while the gates are judged");
        findings.set(new org.verdict.core.gates.WorseFindings(List.of("gender=nonbinary: Δ −0.151 [−0.212, −0.091]"),
                "Slices significantly worse on roc_auc (1 of the 5 tested), the largest loss first:", List.of(),
                "Nothing else is significantly worse overall: no other metric.", "", List.of()));
        assertEquals("Slices significantly worse on roc_auc (1 of the 5 tested), the largest loss first:\n"
                + "▼ gender=nonbinary: Δ −0.151 [−0.212, −0.091]", model.worseSlicesProperty().get());
        findings.set(new org.verdict.core.gates.WorseFindings(List.of(),
                "None of the 5 slices is significantly worse on roc_auc; every one was tested.", List.of(), "", "",
                List.of()));
        assertEquals("None of the 5 slices is significantly worse on roc_auc; every one was tested.",
                model.worseSlicesProperty().get());
        List<String> seven = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> "s=" + i + ": Δ −0.1").toList();
        findings.set(new org.verdict.core.gates.WorseFindings(seven, "Slices significantly worse on roc_auc:",
                List.of(), "", "", List.of()));
        String said = model.worseSlicesProperty().get();
        assertEquals(OverviewViewModel.WORSE_SLICES_SHOWN + 2, said.lines().count(), said);
        assertEquals("… and 2 more, the smaller losses: the Gates view lists every one.",
                said.lines().reduce((a, b) -> b).orElseThrow());
    }

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
        assertEquals("rmse worse: Δ +240,642 [+63,269, +349,670] (n=1,500, p 0.001)", model.alsoWorseProperty().get());

        report.set(report(List.of(maeOverall, mapeSlice)));
        // a regression has no classes, so no class's recall was looked at
        assertEquals("Nothing else is significantly worse overall: no other metric.", model.alsoWorseProperty().get());
    }

    /**
     * A rare class losing a third of its recall beside an inconclusive macro_f1 is named after the other metrics, with
     * its Δ, the Holm-adjusted interval its verdict reads, n and adjusted p; a class that is not worse is not.
     */
    @Test
    void namesAClassWhoseRecallIsSignificantlyWorseOverall() {
        SliceResult balanced = new SliceResult(SliceKey.OVERALL, 6000, Metric.BALANCED_ACCURACY, false,
                new MetricEstimate(0.768, new Interval(0.755, 0.781)), new MetricEstimate(0.731,
                new Interval(0.717, 0.745)), -0.037, new Interval(-0.063, -0.010), 0.0043, 0.0043,
                "paired-bootstrap", Verdict.WORSE, null, null);
        ShownInterval holm = new ShownInterval(TestFamily.CLASSES, 0.99, ShownInterval.HOLM, 5);
        SliceResult fraud = new SliceResult(SliceKey.OVERALL, 125, Metric.RECALL, false,
                new MetricEstimate(0.632, new Interval(0.545, 0.711)), new MetricEstimate(0.4,
                new Interval(0.318, 0.488)), -0.232, new Interval(-0.3831, -0.0684), new Interval(-0.3482, -0.1087),
                0.000322, 0.00161, "tango-score", Verdict.WORSE, holm, null, null, null);
        SliceResult billing = new SliceResult(SliceKey.OVERALL, 2251, Metric.RECALL, false,
                new MetricEstimate(0.849, null), new MetricEstimate(0.861, null), 0.012, new Interval(-0.015, 0.038),
                new Interval(-0.011, 0.034), 0.2, 0.8, "tango-score", Verdict.NO_SIGNIFICANT_DIFFERENCE,
                new ShownInterval(TestFamily.CLASSES, 0.9875, ShownInterval.HOLM, 5), null, null, null);
        SimpleObjectProperty<ComparisonReport> report = new SimpleObjectProperty<>(new ComparisonReport("router", "1",
                "2", Metric.MACRO_F1, ComparisonOptions.DEFAULTS, List.of(balanced), 0, Map.of(),
                List.of(new ClassRecall("billing", billing, 2_400, 2_380),
                        new ClassRecall("fraud_report", fraud, 120, 95)),
                Map.of(TestFamily.CLASSES, 5)));
        model.showOtherMetricsOf(report);

        assertEquals("balanced_accuracy worse: Δ −0.037 [−0.063, −0.010] (n=6,000, p 0.004)\n"
                + "recall of fraud_report worse: Δ −0.232 [−0.383, −0.068] (99% Holm-adjusted interval over 5 classes; "
                + "n=125, adjusted p 0.002)", model.alsoWorseProperty().get());
    }

    private static SliceResult result(SliceKey slice, Metric metric, boolean primary, double delta, Interval ci) {
        return new SliceResult(slice, 1500, metric, primary, new MetricEstimate(1000, new Interval(900, 1100)),
                new MetricEstimate(1000 + delta, new Interval(900 + delta, 1100 + delta)), delta, ci, 0.001, 0.001,
                "paired-bootstrap", Verdict.WORSE, null, null);
    }

    private static ComparisonReport report(List<SliceResult> results) {
        return new ComparisonReport("houses", "1", "2", Metric.MAE, ComparisonOptions.DEFAULTS, results, 1,
                Map.of(Metric.MAE, 1));
    }
}
