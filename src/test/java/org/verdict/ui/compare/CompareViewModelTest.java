package org.verdict.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.stats.AgreementBound;
import org.verdict.core.stats.Interval;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;
import org.verdict.ui.task.QuietPeriod;
import org.verdict.ui.task.RecordingExecutor;
import org.verdict.ui.task.TurnWatch;

class CompareViewModelTest {
    @TempDir
    Path folder;

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final List<ComparisonOptions> requested = new ArrayList<>();
    /** Every executor a test's view-models ran on: what none of them handled fails the test (see {@link #noFailure}). */
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final List<RecordingExecutor> executors = new ArrayList<>(List.of(executor));
    private final CompareViewModel model = new CompareViewModel(
            (pack, candidate, options, progress) -> {
                requested.add(options);
                return options.crosses().isEmpty() ? ReportFixture.standard() : ReportFixture.withCross();
            },
            new ComparisonEngine()::confusionMatrix,
            executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
            QuietPeriod.NONE);

    /** A held executor whose unhandled failures fail the test too. */
    private HeldExecutor held() {
        HeldExecutor held = new HeldExecutor();
        executors.add(held);
        return held;
    }

    /** The view-model's failures reach the executor's one handler: none may go unseen. */
    @AfterEach
    void noFailure() {
        for (RecordingExecutor used : executors) {
            assertEquals(List.of(), used.unhandledFailures());
        }
    }

    private ReviewPack multiclassPack() throws Exception {
        return new PackLoader().load(PackFixture.write(folder.resolve("router"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
    }

    private List<String> shownSlices() {
        return model.rows().stream().map(ComparisonRow::slice).toList();
    }

    /**
     * A Δ interval whose lower end is −production's rmse (the candidate at 0, the bound of its range) is marked †:
     * the Δ cell's tooltip says why, and the summary line says what † means, as the CLI's notes do. Likewise the ‡ of
     * a model's interval that is the percentile fallback.
     */
    @Test
    void theMarksOfABoundEndAndOfAPercentileFallbackAreExplainedInTheSummary() throws Exception {
        SliceResult overall = new SliceResult(SliceKey.OVERALL, 4000, Metric.RMSE, false,
                new MetricEstimate(1224, new Interval(1180, 1270)), new MetricEstimate(472.7, new Interval(450, 495)),
                -751.3, new Interval(-791.8, -491.4), 0.0001, 0.0001, "paired-bootstrap", Verdict.BETTER, null, null);
        SliceResult zip = new SliceResult(ReportFixture.slice("zip", "Z01"), 384, Metric.RMSE, false,
                new MetricEstimate(1321.4, new Interval(648.2, 1978.3), "1 of 384 rows holds 60% of production's "
                        + "squared error, which makes the studentized interval unstable"),
                new MetricEstimate(562.1, new Interval(385.4, 781.4)), -759.2, new Interval(-1321.4, 524.3), 0.3, 1.0,
                "paired-bootstrap", Verdict.INCONCLUSIVE, null, null);
        List<SliceResult> results = new ArrayList<>(List.of(overall, zip));
        CompareViewModel rent = new CompareViewModel((pack, candidate, options, progress) ->
                new ComparisonReport("rent", "3.1", "3.2", Metric.RMSE, ComparisonOptions.DEFAULTS, results, 1,
                        Map.of(Metric.RMSE, 1)),
                new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        ReviewPack pack = new PackLoader().load(PackFixture.write(folder.resolve("rent"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "rent", "task": "regression", "riskTier": 2, "positiveLabel": null},
                 "models": [{"version": "3.1", "role": "production"}, {"version": "3.2", "role": "candidate"}],
                 "primaryMetric": "rmse",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["zip"]}}}
                """, """
                example_id,label,zip,pred_3.1,pred_3.2
                r0,1900,Z01,2100,1950
                r1,2400,Z01,2000,2350
                """), Progress.NONE);

        rent.showPack(pack);

        ComparisonRow marked = rent.rows().stream().filter(row -> row.slice().equals("zip=Z01")).findFirst()
                .orElseThrow();
        assertTrue(marked.deltaText().contains(SliceResult.BOUND_MARK), marked.deltaText());
        assertTrue(marked.deltaTooltip().contains("lower end at the bound: the candidate's rmse cannot be below 0"),
                marked.deltaTooltip());
        assertTrue(rent.summaryProperty().get().endsWith(SliceResult.BOUND_MARK + " an interval end at the bound of "
                + "what the candidate's rmse can be, set by the metric's range, not measured (hover Δ for why). "
                + "‡ a model's interval is the bootstrap percentile interval, where the metric's own was unstable "
                + "(hover the value for why)."), rent.summaryProperty().get());
        assertEquals("1,321 ‡", marked.productionCell().lines().findFirst().orElseThrow(), "the sign beside the value");

        // no row marked, no legend for the marks
        results.remove(zip);
        rent.showPack(pack);
        assertFalse(rent.summaryProperty().get().contains(SliceResult.BOUND_MARK), rent.summaryProperty().get());
        assertFalse(rent.summaryProperty().get().contains(ComparisonRow.FALLBACK_SIGN), rent.summaryProperty().get());
    }

    /**
     * The summary says the overall verdict on its own and counts the other slices, as the Gates view counts the
     * slices significantly worse: an overall row that is worse too once read "2 significantly worse" beside Gates' 1
     * (a pack's 9 beside 8).
     */
    @Test
    void theSummaryCountsTheSlicesBesideTheOverallRowAsTheGatesViewDoes() throws Exception {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = new ArrayList<>(ReportFixture.macroF1Results());
        results.set(0, ReportFixture.result(SliceKey.OVERALL, 4000, m, 0.800, 0.780, -0.030, -0.010, 0.0004, 0.0016,
                Verdict.WORSE));
        CompareViewModel worseOverall = new CompareViewModel((pack, candidate, options, progress) ->
                ReportFixture.report(results), new ComparisonEngine()::confusionMatrix, executor,
                new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, QuietPeriod.NONE);

        worseOverall.showPack(multiclassPack());

        long worseSlicesAsGatesCountThem = results.stream()
                .filter(r -> !r.slice().isOverall() && r.verdict() == Verdict.WORSE).count();
        String summary = worseOverall.summaryProperty().get();
        assertTrue(summary.contains(": overall worse; " + worseSlicesAsGatesCountThem + " slice worse, 1 better."),
                summary);
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
    void whileANewPackIsComparedNothingOfThePreviousPacksSummaryStays() throws Exception {
        HeldExecutor held = held();
        CompareViewModel heldModel = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.standard(),
                new ComparisonEngine()::confusionMatrix, held, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        heldModel.showPack(multiclassPack());
        held.runHeldWork();
        held.runHeldWork();
        assertTrue(heldModel.summaryProperty().get().startsWith("Candidate 43 vs production 42"), heldModel.summaryProperty().get());

        heldModel.showPack(new PackLoader().load(PackFixture.write(folder.resolve("next"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));

        assertEquals("", heldModel.summaryProperty().get(), "the previous pack's rows are not counted over an empty table");
        assertTrue(heldModel.rows().isEmpty());
        assertEquals(text.getString("compare.computing"), heldModel.noticeProperty().get());
        assertEquals("Comparing candidate with production…", heldModel.tablePlaceholderProperty().get(),
                "the empty table says the comparison is running, not that the pack has no slices");
        held.runHeldWork();
        held.runHeldWork();
        assertTrue(heldModel.summaryProperty().get().startsWith("Candidate 43 vs production 42"), "the new pack's summary once compared");
        assertEquals("No slices to show.", heldModel.tablePlaceholderProperty().get());
    }

    @Test
    void thePreviousPacksComparisonEndingLeavesTheNewOneSaidToBeRunning() throws Exception {
        HeldExecutor held = held();
        CompareViewModel heldModel = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.standard(),
                new ComparisonEngine()::confusionMatrix, held, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        heldModel.showPack(multiclassPack());
        heldModel.showPack(new PackLoader().load(PackFixture.write(folder.resolve("next"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));

        held.runOldestHeldWork();

        assertTrue(heldModel.rows().isEmpty(), "the first pack's rows are dropped");
        assertEquals(text.getString("compare.computing"), heldModel.noticeProperty().get());
        assertEquals(text.getString("compare.computing"), heldModel.tablePlaceholderProperty().get(),
                "the table says the new pack is being compared, as the chart does");
        held.runHeldWork();
        assertEquals(text.getString("compare.computing"), heldModel.tablePlaceholderProperty().get(),
                "the new pack's comparison ended; its rows are not shown yet");
        held.runHeldWork();
        assertFalse(heldModel.rows().isEmpty(), "the new pack's rows are shown");
        assertEquals("", heldModel.noticeProperty().get());
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

    /**
     * "Only worse slices" on a pack with no worse slice left the overall row alone with no word: a sentence says that
     * no slice is significantly worse, or that none matches the filter; with a slice shown, nothing.
     */
    @Test
    void whereEverySliceWasTestedTheSentenceSaysSo() throws Exception {
        List<SliceResult> everyOneTested = new ArrayList<>(ReportFixture.macroF1Results().subList(0, 4));
        everyOneTested.set(1, ReportFixture.result(ReportFixture.slice("language", "en"), 2000, Metric.MACRO_F1, 0.810,
                0.812, -0.010, 0.014, 0.7, 1.0, Verdict.NO_SIGNIFICANT_DIFFERENCE));
        CompareViewModel tested = new CompareViewModel((pack, candidate, options, progress) ->
                ReportFixture.report(everyOneTested), new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        tested.showPack(multiclassPack());

        tested.onlyWorseProperty().set(true);
        assertEquals("No slice is significantly worse (all 3 slices compared). Untick Only worse slices to see every "
                + "slice.", tested.filterNoteProperty().get());
    }

    @Test
    void whereTheFilterKeepsOnlyTheOverallRowASentenceSaysWhy() throws Exception {
        List<SliceResult> noneWorse = new ArrayList<>(ReportFixture.macroF1Results());
        noneWorse.set(1, ReportFixture.result(ReportFixture.slice("language", "en"), 2000, Metric.MACRO_F1, 0.810,
                0.812, -0.010, 0.014, 0.7, 1.0, Verdict.NO_SIGNIFICANT_DIFFERENCE));
        CompareViewModel better = new CompareViewModel((pack, candidate, options, progress) ->
                ReportFixture.report(noneWorse), new ComparisonEngine()::confusionMatrix, executor,
                new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        better.showPack(multiclassPack());
        assertEquals("", better.filterNoteProperty().get());

        better.onlyWorseProperty().set(true);
        assertEquals(List.of("overall"), better.rows().stream().map(ComparisonRow::slice).toList());
        // gender=m has too few examples: it was not tested, and the sentence does not speak for it
        assertEquals("No tested slice is significantly worse: 3 of the 4 slices could be tested. Untick Only worse "
                + "slices to see why the others have no interval.", better.filterNoteProperty().get());

        better.filterProperty().set("de");
        assertEquals("No slice matching \u201cde\u201d is significantly worse. Clear the filter or untick Only worse "
                + "slices to see more.", better.filterNoteProperty().get());

        better.onlyWorseProperty().set(false);
        assertEquals("", better.filterNoteProperty().get(), "language=de is shown");
        better.filterProperty().set("xyz");
        assertEquals("No slice matches \u201cxyz\u201d; only the overall row is shown. Clear the filter to see every "
                + "slice.", better.filterNoteProperty().get());

        // the standard pack has a worse slice: it is shown, and nothing is said
        model.showPack(multiclassPack());
        model.onlyWorseProperty().set(true);
        assertEquals(List.of("overall", "language=en"), shownSlices());
        assertEquals("", model.filterNoteProperty().get());
    }

    /** The chart draws the slices the table shows: a filtered table beside a chart of every slice misread both. */
    @Test
    void theChartDrawsTheRowsTheFilterAndOnlyWorseKeep() throws Exception {
        model.showPack(multiclassPack());
        assertEquals(Set.copyOf(shownSlices()), Set.copyOf(chartLabels()));

        model.filterProperty().set("DE");
        assertEquals(Set.of("overall", "language=de"), Set.copyOf(chartLabels()));
        // typing on keeps the same rows: the chart the view draws stays the one shown (an equal copy set over it
        // was never drawn, the view waiting for a change event of an equal value)
        SliceChartData drawn = model.chartDataProperty().get();
        model.filterProperty().set("DE ");
        assertTrue(drawn == model.chartDataProperty().get(), "the same rows keep the same chart");

        model.filterProperty().set("");
        model.onlyWorseProperty().set(true);
        assertEquals(Set.of("overall", "language=en"), Set.copyOf(chartLabels()));

        model.onlyWorseProperty().set(false);
        assertEquals(5, chartLabels().size());
    }

    /** A filter typed for one pack's slices would hide the next pack's rows without saying so: a new pack starts clean. */
    @Test
    void aNewPackStartsWithoutThePreviousPacksFilter() throws Exception {
        model.showPack(multiclassPack());
        model.filterProperty().set("tenure");
        model.onlyWorseProperty().set(true);

        model.showPack(new PackLoader().load(PackFixture.write(folder.resolve("next"),
                PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV), Progress.NONE));

        assertEquals("", model.filterProperty().get());
        assertFalse(model.onlyWorseProperty().get());
        assertEquals(List.of("overall", "language=en", "language=de", "gender=f", "gender=m"), shownSlices());
        assertEquals(5, model.chartDataProperty().get().points().size());
    }

    private List<String> chartLabels() {
        return model.chartDataProperty().get().points().stream().map(SliceChartData.Point::label).toList();
    }

    @Test
    void theFilterPromptTakesItsExamplesFromThePackAtHand() throws Exception {
        assertEquals("Filter slices: column, value or column=value", model.filterPromptProperty().get(),
                "neutral before a pack is shown");

        model.showPack(multiclassPack());
        assertTrue(shownSlices().containsAll(List.of("language=en", "gender=f", "gender=m")), shownSlices().toString());
        assertEquals("Filter, e.g. gender=f", model.filterPromptProperty().get(), "its shortest slice, the first");
        assertTrue(model.filterHelpProperty().get().contains("gender finds every gender=… slice"),
                model.filterHelpProperty().get());

        // packs compared for real, one after the other: each its own column and value, nothing of the one before
        ComparisonEngine engine = new ComparisonEngine();
        CompareViewModel realModel = new CompareViewModel(engine::compare, engine::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        String regions = """
                example_id,label,region,pred_7,score_7,pred_8,score_8
                t1,fraud,coastal,fraud,0.9,fraud,0.8
                t2,ok,coastal,ok,0.2,ok,0.1
                t3,ok,alpine,fraud,0.6,ok,0.4
                t4,fraud,alpine,ok,0.4,fraud,0.7
                """;
        realModel.showPack(multiclassPack());
        assertTrue(realModel.filterPromptProperty().get().startsWith("Filter, e.g. gender="),
                realModel.filterPromptProperty().get());
        realModel.showPack(new PackLoader().load(PackFixture.write(folder.resolve("regions"),
                PackFixture.BINARY_MANIFEST, regions), Progress.NONE));
        String prompt = realModel.filterPromptProperty().get();
        assertEquals("Filter, e.g. region=alpine", prompt, "the shorter of alpine and coastal");
    }

    /**
     * The app compares with the pack's gate policy's primary margin as the primary metric's band, and the summary
     * says which band the verdicts read and where it came from; another metric keeps E.
     */
    @Test
    void theSummaryNamesTheBandOfNoSignificantDifferenceAndWhereItCameFrom() throws Exception {
        ComparisonEngine engine = new ComparisonEngine();
        CompareViewModel app = new CompareViewModel(ComparisonRunner.underPolicy(engine::compare),
                engine::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        app.showPack(multiclassPack());
        assertTrue(app.summaryProperty().get().endsWith("No significant difference: within ±0.01, the default "
                + "policy's primary margin."), app.summaryProperty().get());
        assertEquals(0.01, app.reportProperty().get().options().primaryBand().orElseThrow().margin());
        app.metricProperty().set(Metric.ACCURACY);
        assertTrue(app.summaryProperty().get().endsWith("No significant difference: within ±0.05, the default E."),
                app.summaryProperty().get());

        Path withPolicy = PackFixture.write(folder.resolve("policed"),
                PackFixture.MULTICLASS_MANIFEST.replaceFirst("\\{", "{\"policy\": \"policy.json\", "),
                PackFixture.MULTICLASS_CSV);
        Files.writeString(withPolicy.resolve("policy.json"), "{\"primary\": {\"margin\": 0.03}}");
        app.showPack(new PackLoader().load(withPolicy, Progress.NONE));
        assertTrue(app.summaryProperty().get().endsWith("No significant difference: within ±0.03, the policy's "
                + "primary margin."), app.summaryProperty().get());
    }

    /**
     * A candidate answering $0 for every claim of one region: that row carries the note its slice cell shows on
     * hover, the summary names the slice, and the other rows carry none.
     */
    @Test
    void aSliceOnWhichTheCandidateGivesOneOutputIsNotedOnItsRowAndInTheSummary() throws Exception {
        ComparisonEngine engine = new ComparisonEngine();
        CompareViewModel app = new CompareViewModel(ComparisonRunner.underPolicy(engine::compare),
                engine::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        StringBuilder csv = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        for (int row = 0; row < 80; row++) {
            int claim = row % 4 == 0 ? 500 + 10 * row : 0;
            boolean us = row >= 40;
            csv.append("c").append(row).append(',').append(claim).append(',').append(us ? "us" : "eu").append(',')
                    .append(claim + 150 + row % 3).append(',').append(us ? 0 : claim + 40 + row % 5).append('\n');
        }
        app.showPack(new PackLoader().load(PackFixture.write(folder.resolve("claims"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "claims", "task": "regression", "riskTier": 2, "targetUnit": "USD"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "mae",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}}
                """, csv.toString()), Progress.NONE));

        Map<String, String> notes = new HashMap<>();
        app.rows().forEach(row -> notes.put(row.slice(), row.constantNote()));
        assertEquals(Set.of("overall", "region=eu", "region=us"), notes.keySet());
        assertEquals("candidate 2 predicts one value, $0, for all 40 rows of this slice; production 1's predictions "
                + "vary here", notes.get("region=us"));
        assertNull(notes.get("region=eu"));
        assertNull(notes.get("overall"));
        assertTrue(app.summaryProperty().get().contains("⚠ On 1 slice shown the candidate gives every row one output "
                + "(⚠ in the table; hover the slice): region=us."), app.summaryProperty().get());
    }

    /** The app compares at the pack policy's confidence level and seed, as the Gates view judges with them. */
    @Test
    void theAppComparesAtThePolicysLevelAndSeed() throws Exception {
        ComparisonEngine engine = new ComparisonEngine();
        CompareViewModel app = new CompareViewModel(ComparisonRunner.underPolicy(engine::compare),
                engine::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        Path withPolicy = PackFixture.write(folder.resolve("ninety"),
                PackFixture.MULTICLASS_MANIFEST.replaceFirst("\\{", "{\"policy\": \"policy.json\", "),
                PackFixture.MULTICLASS_CSV);
        Files.writeString(withPolicy.resolve("policy.json"), "{\"seed\": 7, \"confidenceLevel\": 0.9}");
        app.showPack(new PackLoader().load(withPolicy, Progress.NONE));
        ComparisonOptions used = app.reportProperty().get().options();
        assertEquals(0.9, used.confidenceLevel());
        assertEquals(7, used.seed());
        assertEquals(new ComparisonOptions.SettingOrigins("the policy's confidenceLevel", "the policy's seed"),
                used.origins());
        app.showUnadjustedProperty().set(true);
        assertTrue(app.deltaHeaderProperty().get().contains("90"), app.deltaHeaderProperty().get());
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
        CurrentThreadExecutor failingExecutor = new CurrentThreadExecutor();
        CompareViewModel failing = new CompareViewModel(
                (pack, candidate, options, progress) -> {
                    throw new IllegalStateException("engine bug");
                },
                new ComparisonEngine()::confusionMatrix,
                failingExecutor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        failing.showPack(multiclassPack());

        assertEquals("The comparison failed: engine bug", failing.noticeProperty().get());
        assertEquals(List.of("engine bug"), failingExecutor.unhandledFailures().stream().map(Throwable::getMessage)
                .toList(), "an unexpected failure reaches the one handler, once");
        assertEquals(text.getString("compare.table.failed"), failing.tablePlaceholderProperty().get());
    }

    @Test
    void aCancelledComparisonSaysSoInTheEmptyTable() throws Exception {
        CompareViewModel cancelled = new CompareViewModel(
                (pack, candidate, options, progress) -> {
                    throw new CancelledException();
                },
                new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        cancelled.showPack(multiclassPack());

        assertEquals(text.getString("compare.cancelled"), cancelled.noticeProperty().get());
        assertEquals(text.getString("compare.table.cancelled"), cancelled.tablePlaceholderProperty().get());
    }

    /**
     * The comparison's end and its rows being shown are two steps: the rows are prepared on a worker, which may wait
     * behind the gates' judgement on a busy machine (2 s on a 1,000,000-row pack). Between them the empty table said
     * "No slices to show." under the notice "Comparing candidate with production…".
     */
    @Test
    void theEmptyTableSaysComparingUntilTheComparedRowsAreShown() throws Exception {
        HeldExecutor held = held();
        CompareViewModel heldModel = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.standard(),
                new ComparisonEngine()::confusionMatrix, held, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        heldModel.showPack(multiclassPack());

        held.runOldestHeldWork(); // the comparison ends; the rows it gives are prepared by work still held

        assertTrue(heldModel.rows().isEmpty());
        assertEquals(text.getString("compare.computing"), heldModel.tablePlaceholderProperty().get(),
                "comparing until the rows are shown");
        assertEquals(text.getString("compare.computing"), heldModel.noticeProperty().get());
        held.runHeldWork();
        assertFalse(heldModel.rows().isEmpty());
        assertEquals("No slices to show.", heldModel.tablePlaceholderProperty().get());
    }

    /**
     * One engine compares one pack at a time: a comparison asked while the gates are judged waits its turn, and the
     * empty table and the notice say so rather than "Comparing…", then that it compares once it runs.
     */
    @Test
    void aComparisonWaitingForItsTurnSaysSoUntilItStarts() throws Exception {
        List<String> said = new ArrayList<>();
        CompareViewModel waiting = new CompareViewModel((pack, candidate, options, progress) -> {
            progress.waiting("Waiting for another comparison to finish");
            progress.update(0, "Ranking scores");
            return ReportFixture.standard();
        }, new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0), text,
                ComparisonOptions.DEFAULTS, QuietPeriod.NONE);
        List<String> noticed = new ArrayList<>();
        waiting.tablePlaceholderProperty().addListener((obs, old, now) -> said.add(now));
        waiting.noticeProperty().addListener((obs, old, now) -> noticed.add(now));

        waiting.showPack(multiclassPack());

        assertEquals(List.of(text.getString("compare.computing"), TurnWatch.waitingText(),
                text.getString("compare.computing"), "No slices to show."), said);
        assertTrue(noticed.contains(TurnWatch.waitingText()), noticed.toString());
        assertTrue(TurnWatch.waitingText().startsWith("Waiting for another comparison to finish"));
    }

    /** Before a pack has opened the table says which one is loading, or asks for one; not "No slices to show.". */
    @Test
    void beforeAPackHasOpenedTheEmptyTableSaysWhichOneIsLoading() throws Exception {
        StringProperty opening = new SimpleStringProperty("");
        model.followOpening(opening);
        assertEquals("Open a pack to compare its candidates with production.", model.tablePlaceholderProperty().get());

        opening.set("pack-1000000");
        assertEquals("Opening the pack pack-1000000… it is compared once it is open.",
                model.tablePlaceholderProperty().get());

        model.showPack(multiclassPack());
        opening.set("");
        assertEquals("No slices to show.", model.tablePlaceholderProperty().get());
    }

    /**
     * The filter follows each key at once in the table; the chart, rebuilt whole on each change ("enterprise" typed
     * into a 68-slice pack rebuilt its forest plot ten times), once typing pauses: one rebuild for the word.
     */
    @Test
    void typingIntoTheFilterRebuildsTheChartOnceTypingPauses() throws Exception {
        Runnable[] waitingForAPause = {null};
        CompareViewModel typed = new CompareViewModel((pack, candidate, options, progress) -> ReportFixture.standard(),
                new ComparisonEngine()::confusionMatrix, executor, new ActivityMonitor(() -> 0),
                text, ComparisonOptions.DEFAULTS, action -> waitingForAPause[0] = action);
        typed.showPack(multiclassPack());
        int[] rebuilds = {0};
        typed.chartDataProperty().addListener((obs, old, now) -> rebuilds[0]++);

        String word = "language=de";
        for (int typedSoFar = 1; typedSoFar <= word.length(); typedSoFar++) {
            typed.filterProperty().set(word.substring(0, typedSoFar));
            if (typedSoFar == "language=".length()) {
                assertEquals(List.of("overall", "language=en", "language=de"),
                        typed.rows().stream().map(ComparisonRow::slice).toList(), "the table filters at each key");
            }
        }
        assertEquals(List.of("overall", "language=de"), typed.rows().stream().map(ComparisonRow::slice).toList());
        assertEquals(0, rebuilds[0], "no chart rebuilt while typing");

        waitingForAPause[0].run();

        assertEquals(1, rebuilds[0]);
        assertEquals(Set.of("overall", "language=de"), typed.chartDataProperty().get().points().stream()
                .map(SliceChartData.Point::label).collect(Collectors.toSet()));
        // the toggle is a click, not typing: the chart follows it at once
        typed.onlyWorseProperty().set(true);
        assertEquals(2, rebuilds[0]);
    }

    @Test
    void unadjustedIntervalsAreOneToggleAwayAndTheVerdictsKeepReadingTheAdjustedOnes() throws Exception {
        // language=en: the Holm-adjusted interval contains 0 (inconclusive) while the unadjusted one does not, the
        // case where a reviewer must see which interval is on screen.
        SliceResult overall = new SliceResult(SliceKey.OVERALL, 4000, Metric.MACRO_F1, true,
                new MetricEstimate(0.80, null), new MetricEstimate(0.82, null), 0.02, new Interval(0.010, 0.030),
                new Interval(0.010, 0.030), 0.0004, 0.0004, "paired-bootstrap-cells", Verdict.BETTER,
                new ShownInterval(TestFamily.OVERALL, 0.95, ShownInterval.NONE, 1), null, null, null);
        SliceResult english = new SliceResult(ReportFixture.slice("language", "en"), 2000, Metric.MACRO_F1, true,
                new MetricEstimate(0.81, null), new MetricEstimate(0.78, null), -0.03, new Interval(-0.065, 0.005),
                new Interval(-0.055, -0.005), 0.02, 0.08, "paired-bootstrap-cells", Verdict.INCONCLUSIVE,
                new ShownInterval(TestFamily.SLICES, 1 - 0.05 / 4, ShownInterval.HOLM, 4), null, null, null);
        CompareViewModel toggled = new CompareViewModel((pack, candidate, options, progress) ->
                ReportFixture.report(List.of(overall, english)), new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        toggled.showPack(multiclassPack());
        ComparisonRow adjustedRow = toggled.rows().get(1);
        assertEquals("−0.030 [−0.065, +0.005] at 98.75%", adjustedRow.deltaText(), "with its level");
        assertEquals(-0.065, toggled.chartDataProperty().get().points().get(1).deltaLow(), 1e-12);
        assertEquals("Δ [interval]", toggled.deltaHeaderProperty().get());
        assertTrue(toggled.summaryProperty().get().contains("Verdicts read the Δ interval shown"),
                toggled.summaryProperty().get());

        toggled.showUnadjustedProperty().set(true);

        ComparisonRow unadjustedRow = toggled.rows().get(1);
        assertEquals("−0.030 [−0.055, −0.005]", unadjustedRow.deltaText());
        assertEquals(Verdict.INCONCLUSIVE, unadjustedRow.verdict(), "the verdict never follows the toggle");
        SliceChartData chart = toggled.chartDataProperty().get();
        assertTrue(chart.unadjusted());
        assertEquals(-0.055, chart.points().get(1).deltaLow(), 1e-12);
        assertEquals(-0.005, chart.points().get(1).deltaHigh(), 1e-12);
        assertEquals("Δ [unadjusted 95% CI]", toggled.deltaHeaderProperty().get());
        String summary = toggled.summaryProperty().get();
        assertTrue(summary.contains("UNADJUSTED 95%") && summary.contains("verdicts use the adjusted interval"),
                summary);

        toggled.showUnadjustedProperty().set(false);
        assertEquals("−0.030 [−0.065, +0.005] at 98.75%", toggled.rows().get(1).deltaText());
        assertFalse(toggled.chartDataProperty().get().unadjusted());
        assertEquals("Δ [interval]", toggled.deltaHeaderProperty().get());
    }
    /** Every slice unstable or too small (a rare-class pack): the summary says none could be tested, not "0 tests". */
    @Test
    void whenNoSliceCouldBeTestedTheSummarySaysSo() throws Exception {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 1300, m, 0.869, 0.926, -0.039, 0.153, 0.245, 0.245,
                        Verdict.INCONCLUSIVE),
                new SliceResult(ReportFixture.slice("lang", "L12"), 5, m, true, null, null, null, null, null, null,
                        null, Verdict.TOO_FEW_EXAMPLES, null, null));
        CompareViewModel untested = new CompareViewModel((pack, candidate, options, progress) ->
                new ComparisonReport("moderation", "42", "43", m, ComparisonOptions.DEFAULTS,
                        results, 0, Map.of(m, 0)), new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        untested.showPack(multiclassPack());

        String summary = untested.summaryProperty().get();
        assertTrue(summary.contains("tested alone; no other slice could be tested"), summary);
        assertFalse(summary.contains("0 tests") || summary.contains("over 0"), summary);
        untested.showUnadjustedProperty().set(true);
        assertTrue(untested.summaryProperty().get().contains("no other slice could be tested"),
                untested.summaryProperty().get());
    }

    /**
     * A family that holds tested slices this choice does not show says how many (5 adjusted, 2 shown here).
     */
    @Test
    void theSummaryNamesTheFamilyMembersItDoesNotShow() throws Exception {
        Metric m = Metric.MACRO_F1;
        List<SliceResult> results = List.of(
                ReportFixture.result(SliceKey.OVERALL, 1300, m, 0.90, 0.85, -0.07, -0.03, 0.001, 0.001, Verdict.WORSE),
                ReportFixture.result(ReportFixture.slice("lang", "de"), 400, m, 0.90, 0.80, -0.15, -0.05, 0.001, 0.004,
                        Verdict.WORSE),
                ReportFixture.result(ReportFixture.slice("lang", "fr"), 300, m, 0.90, 0.80, -0.16, -0.04, 0.002, 0.008,
                        Verdict.WORSE),
                new SliceResult(ReportFixture.slice("lang", "it"), 5, m, true, null, null, null, null, null, null,
                        null, Verdict.TOO_FEW_EXAMPLES, null, null));
        CompareViewModel counted = new CompareViewModel((pack, candidate, options, progress) ->
                new ComparisonReport("moderation", "42", "43", m, ComparisonOptions.DEFAULTS,
                        results, 5, Map.of(m, 5)), new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        counted.showPack(multiclassPack());

        String summary = counted.summaryProperty().get();
        assertTrue(summary.contains("other slices adjusted with holm over 5 slices (3 of them in slices this Slices "
                + "choice does not show)."), summary);
    }

    /**
     * Models agreeing on every example overall agree on every slice: the summary says so of all of them, not only of
     * the slices that got the agreement bound (9 of 42 on a rare-class pack), and why the others have no interval.
     */
    @Test
    void modelsAgreeingOverallAreSaidToAgreeOnEverySlice() throws Exception {
        Metric m = Metric.MACRO_F1;
        MetricEstimate same = new MetricEstimate(0.776, new Interval(0.751, 0.798));
        Interval bound = new Interval(-0.029, 0.029);
        List<SliceResult> results = List.of(
                new SliceResult(SliceKey.OVERALL, 1300, m, true, same, same, 0.0, bound, bound, 1.0, 1.0,
                        AgreementBound.TEST, Verdict.INCONCLUSIVE, null, null, null,
                        "both models predict the same class for every example here"),
                new SliceResult(ReportFixture.slice("lang", "de"), 400, m, true, same, same, 0.0, null, null, null,
                        null, "paired-bootstrap-cells", Verdict.INCONCLUSIVE, null, null,
                        "class rare has 2 examples here; the bootstrap cannot measure macro_f1's uncertainty", null),
                new SliceResult(ReportFixture.slice("lang", "it"), 5, m, true, null, null, null, null, null, null,
                        null, Verdict.TOO_FEW_EXAMPLES, null, null));
        CompareViewModel agreeing = new CompareViewModel((pack, candidate, options, progress) ->
                new ComparisonReport("moderation", "42", "43", m, ComparisonOptions.DEFAULTS,
                        results, 0, Map.of(m, 0)), new ComparisonEngine()::confusionMatrix,
                executor, new ActivityMonitor(() -> 0), text, ComparisonOptions.DEFAULTS,
                QuietPeriod.NONE);
        agreeing.showPack(multiclassPack());

        String summary = agreeing.summaryProperty().get();
        assertTrue(summary.contains("Both models predict the same class for every example, so on all 2 slices too: Δ "
                + "is 0 throughout; its interval is the agreement bound on the overall slice; 2 have no interval (1 "
                + "unstable, 1 too few examples), each row says why."), summary);
        assertFalse(summary.contains("On 1 slice"), summary);
    }
}
