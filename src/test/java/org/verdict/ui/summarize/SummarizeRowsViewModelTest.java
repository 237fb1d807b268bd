package org.verdict.ui.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.summary.SummaryPack;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.task.Progress;
import org.verdict.ui.task.ActivityMonitor;
import org.verdict.ui.task.BackgroundExecutor;
import org.verdict.ui.task.CurrentThreadExecutor;
import org.verdict.ui.task.HeldExecutor;
import org.verdict.ui.task.SampledProgress;

/** File → Summarise rows…: suggestions, the reasons it cannot start, a real DuckDB summary, and Cancel. */
class SummarizeRowsViewModelTest {
    static final String MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "fraud-screen", "task": "binary", "riskTier": 2, "positiveLabel": "fraud"},
              "models": [
                {"version": "1", "role": "production"},
                {"version": "2", "role": "candidate", "threshold": 0.3}
              ],
              "primaryMetric": "recall",
              "suites": {"primary": {"file": "primary.csv", "slices": ["region"], "sensitive": ["gender"]}}
            }
            """;

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    private final ResourceBundle text = ResourceBundle.getBundle("org.verdict.ui.messages");
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    /** A lake folder: evals.parquet of {@code rows} paired binary predictions made by DuckDB, manifest.json beside. */
    static Path lake(Path folder, long rows) throws Exception {
        Path lake = folder.resolve("lake");
        Files.createDirectories(lake);
        Files.writeString(lake.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        Path parquet = lake.resolve("evals.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 'ex-' || i AS example_id,"
                    + " CASE WHEN hash(i, 1) % 20 = 0 THEN 'fraud' ELSE 'ok' END AS label,"
                    + " ['eu', 'us', 'apac', 'lab'][1 + CAST(hash(i, 2) % 4 AS INTEGER)] AS region,"
                    + " ['female', 'male'][1 + CAST(hash(i, 3) % 2 AS INTEGER)] AS gender,"
                    + " (hash(i, 4) % 1000) / 1000.0 AS score_1, (hash(i, 5) % 1000) / 1000.0 AS score_2"
                    + " FROM range(" + rows + ") t(i)) TO '" + parquet + "' (FORMAT parquet)");
        }
        return parquet;
    }

    private SummarizeRowsViewModel model(BackgroundExecutor executor, SummarizeRowsViewModel.Summarizer summarizer) {
        return new SummarizeRowsViewModel(summarizer, executor, new ActivityMonitor(System::currentTimeMillis),
                folder.resolve("home/summaries"), NOON, opened::add, text);
    }

    @Test
    void theManifestBesideTheRowsAndAFolderUnderTheVerdictHomeAreSuggested() throws Exception {
        Path parquet = lake(folder, 10);
        SummarizeRowsViewModel model = model(new CurrentThreadExecutor(), (in, manifest, out, progress) -> { });
        model.inputProperty().set(parquet);
        assertEquals(parquet.resolveSibling("manifest.json"), model.manifestProperty().get());
        assertEquals(folder.resolve("home/summaries/evals-summary-20261205-120000"), model.outputProperty().get());
        assertEquals("", model.problemProperty().get());

        // the whole folder of rows gives the same manifest and the folder's name
        model.inputProperty().set(parquet.getParent());
        assertEquals(parquet.resolveSibling("manifest.json"), model.manifestProperty().get());
        assertEquals("lake-summary-20261205-120000", model.outputProperty().get().getFileName().toString());
    }

    /**
     * Typing a path never touches the disk on the FX thread (a network share that is asleep would freeze the
     * window): the look-up waits for the background, and until it answers the summary cannot start.
     */
    @Test
    void thePathsAreLookedUpInTheBackgroundAndNothingStartsUntilTheyAre() throws Exception {
        Path parquet = lake(folder, 10);
        List<Path> ran = new CopyOnWriteArrayList<>();
        HeldExecutor executor = new HeldExecutor();
        SummarizeRowsViewModel model = model(executor, (in, manifest, out, progress) -> ran.add(in));
        executor.runHeldWork();
        assertEquals(text.getString("summarize.needRows"), model.problemProperty().get());

        model.inputProperty().set(parquet);

        assertTrue(model.checkingProperty().get());
        assertNull(model.manifestProperty().get(), "nothing is suggested before the disk answers");
        assertNull(model.start(), "no summary starts on an out-of-date check");
        executor.runHeldWork(); // the rows' look-up: the manifest beside them and a new folder are suggested
        executor.runHeldWork(); // the look-up of the suggested paths
        assertFalse(model.checkingProperty().get());
        assertEquals(parquet.resolveSibling("manifest.json"), model.manifestProperty().get());
        assertEquals("", model.problemProperty().get());
        assertTrue(ran.isEmpty());

        // the rows change and the output is edited before the disk answers: the rows' suggestions still come
        model.inputProperty().set(parquet.getParent());
        model.outputProperty().set(null);
        executor.runHeldWork();
        executor.runHeldWork();
        assertEquals("lake-summary-20261205-120000", model.outputProperty().get().getFileName().toString());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void whatTheUserChoseIsNotReplacedBySuggestions() throws Exception {
        Path parquet = lake(folder, 10);
        Path elsewhere = Files.writeString(folder.resolve("described.json"), MANIFEST);
        SummarizeRowsViewModel model = model(new CurrentThreadExecutor(), (in, manifest, out, progress) -> { });
        model.manifestProperty().set(elsewhere);
        model.outputProperty().set(folder.resolve("mine"));
        model.inputProperty().set(parquet);
        assertEquals(elsewhere, model.manifestProperty().get());
        assertEquals(folder.resolve("mine"), model.outputProperty().get());
    }

    @Test
    void itSaysWhyItCannotStartAndDoesNotRun() throws Exception {
        List<Path> ran = new CopyOnWriteArrayList<>();
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        SummarizeRowsViewModel model = model(executor, (in, manifest, out, progress) -> ran.add(in));
        assertEquals(text.getString("summarize.needRows"), model.problemProperty().get());

        Path notRows = Files.writeString(folder.resolve("notes.txt"), "hello");
        model.inputProperty().set(notRows);
        assertEquals("notes.txt is neither a Parquet (.parquet) nor a CSV (.csv) file.", model.problemProperty().get());

        Path rows = Files.writeString(folder.resolve("alone.csv"), "example_id,label\n");
        model.inputProperty().set(rows);
        assertTrue(model.problemProperty().get().startsWith("Choose the manifest.json"),
                "no manifest beside the rows: " + model.problemProperty().get());

        model.manifestProperty().set(Files.writeString(folder.resolve("manifest.json"), MANIFEST));
        assertEquals("", model.problemProperty().get());
        model.outputProperty().set(folder);
        assertEquals(folder + " already exists; choose a new folder for the summary pack.",
                model.problemProperty().get());

        assertNull(model.start());
        assertTrue(ran.isEmpty());
        assertEquals(List.of(), executor.unhandledFailures());
        assertTrue(opened.isEmpty());
    }

    @Test
    void duckDbWritesTheSummaryPackAndItIsOpened() throws Exception {
        Path parquet = lake(folder, 20_000);
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        SummarizeRowsViewModel model = model(executor, SummarizeRowsViewModel.Summarizer.duckDb("512MB", 1));
        model.inputProperty().set(parquet);
        Path out = model.outputProperty().get();

        model.start();

        assertNull(model.failureProperty().get());
        assertEquals(List.of(), executor.unhandledFailures());
        assertEquals(List.of(out), opened);
        SummaryPack pack = new SummaryPackReader().read(out, Progress.NONE);
        assertEquals(20_000, pack.primary().rowCount());
        assertEquals(parquet.toString(), pack.provenance().source());
        assertEquals("Summary pack written to " + out, model.outcomeProperty().get());
        assertFalse(model.runningProperty().get());
        // the next summary gets a folder of its own instead of the one just written
        assertFalse(out.equals(model.outputProperty().get()) && model.problemProperty().get().isEmpty());
    }

    @Test
    void aHeldOutSetAndAHumanBaselineBesideTheManifestAreSummarisedNotCopied() throws Exception {
        Path parquet = lake(folder, 2_000);
        Path lake = parquet.getParent();
        // the held-out set as Parquet beside the manifest, as large as it likes; a small human baseline as CSV
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * REPLACE ('hld-' || example_id AS example_id) FROM '" + parquet
                    + "' LIMIT 1500) TO '" + lake.resolve("holdout.parquet") + "' (FORMAT parquet)");
        }
        Files.writeString(lake.resolve("human.csv"), "example_id,label,human,pred_1,pred_2\n"
                + "ex-1,fraud,fraud,ok,fraud\nex-2,ok,ok,ok,ok\nex-3,ok,fraud,ok,ok\nex-4,ok,ok,ok,ok\n");
        Files.writeString(lake.resolve("manifest.json"), MANIFEST.replace("\"sensitive\": [\"gender\"]}}",
                "\"sensitive\": [\"gender\"]}, \"holdout\": {\"file\": \"holdout.parquet\", \"slices\": [\"region\"]}, "
                        + "\"humanBaseline\": {\"file\": \"human.csv\"}}"));
        Path out = folder.resolve("summary");

        SummarizeRowsViewModel.Summarizer.duckDb("256MB", 1).summarize(parquet, lake.resolve("manifest.json"), out,
                Progress.NONE);

        assertFalse(Files.exists(out.resolve("holdout.parquet")));
        assertFalse(Files.exists(out.resolve("human.csv")));
        assertTrue(Files.readString(out.resolve("holdout_cells.csv")).startsWith("region,label,pred_1,pred_2,n\n"));
        // four examples in three cells: (ok, ok, ok, ok) twice
        assertEquals(List.of("label,human,pred_1,pred_2,n", "fraud,fraud,ok,fraud,1", "ok,fraud,ok,ok,1",
                "ok,ok,ok,ok,2"), Files.readAllLines(out.resolve("human_baseline_cells.csv")));
    }

    @Test
    void thePolicyBesideTheManifestIsCarriedIntoThePackSoItsGatesJudgeAsTheRowsWould() throws Exception {
        Path parquet = lake(folder, 2_000);
        Path lake = parquet.getParent();
        Files.writeString(lake.resolve("manifest.json"),
                MANIFEST.replace("\"primaryMetric\"", "\"policy\": \"policy.json\", \"primaryMetric\""));
        String policy = "{\"primary\": {\"margin\": 0.02}}\n";
        Files.writeString(lake.resolve("policy.json"), policy);
        Path out = folder.resolve("summary");

        SummarizeRowsViewModel.Summarizer.duckDb("256MB", 1).summarize(parquet, lake.resolve("manifest.json"), out,
                Progress.NONE);

        assertEquals(policy, Files.readString(out.resolve("policy.json")));
        assertEquals("policy.json", new SummaryPackReader().read(out, Progress.NONE).manifest().policyFile()
                .orElseThrow());
    }

    @Test
    void aFailureIsReportedAndLeavesNothingBehind() throws Exception {
        Path parquet = lake(folder, 100);
        // a manifest whose slice column the rows do not have
        Path manifest = Files.writeString(folder.resolve("other.json"), MANIFEST.replace("\"region\"", "\"country\""));
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        SummarizeRowsViewModel model = model(executor, SummarizeRowsViewModel.Summarizer.duckDb("256MB", 1));
        model.inputProperty().set(parquet);
        model.manifestProperty().set(manifest);
        Path out = model.outputProperty().get();

        model.start();

        String message = model.failureProperty().get().getMessage();
        assertTrue(message.contains("country"), message);
        assertEquals(List.of(), executor.unhandledFailures(), "the user's to fix, shown by the dialog");
        assertTrue(model.outcomeProperty().get().startsWith("The summary failed: "));
        assertFalse(Files.exists(out));
        assertTrue(opened.isEmpty());
    }

    @Test
    void aBrokenRowIsNamedByFileLineAndColumnAndNothingIsWritten() throws Exception {
        Path rows = folder.resolve("evals.csv");
        Files.writeString(rows, """
                example_id,label,region,gender,score_1,score_2
                ex-1,fraud,eu,female,0.9,0.8
                ex-2,ok,us,male,0.1,1.7
                """, StandardCharsets.UTF_8);
        Path manifest = Files.writeString(folder.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        SummarizeRowsViewModel model = model(new CurrentThreadExecutor(),
                SummarizeRowsViewModel.Summarizer.duckDb("256MB", 1));
        model.inputProperty().set(rows);
        model.manifestProperty().set(manifest);
        Path out = model.outputProperty().get();

        model.start();

        String expected = rows + ", line 3, column 6: (score_2) score 1.7 is outside [0, 1]: a score is the model's probability of the positive class;"
                + " rescale it to one (a logit or margin through the logistic function) or fix the export";
        assertEquals(expected, model.failureProperty().get().getMessage());
        assertEquals("The summary failed: " + expected, model.outcomeProperty().get());
        assertFalse(Files.exists(out));
        assertTrue(opened.isEmpty());
    }

    @Test
    void cancelInterruptsDuckDbMidQueryAndWritesNothing() throws Exception {
        Path parquet = lake(folder, 5_000_000);
        ThreadedExecutor executor = new ThreadedExecutor();
        List<String> messages = new CopyOnWriteArrayList<>();
        CountDownLatch counting = new CountDownLatch(1);
        SummarizeRowsViewModel.Summarizer duckDb = SummarizeRowsViewModel.Summarizer.duckDb("512MB", 1);
        SummarizeRowsViewModel model = model(executor, (in, manifest, out, progress) ->
                duckDb.summarize(in, manifest, out, new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        messages.add(message);
                        if (message.startsWith("Counting paired cells")) {
                            counting.countDown();
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                }));
        model.inputProperty().set(parquet);
        Path out = model.outputProperty().get();
        executor.threaded = true; // the paths were looked up at once; the summary runs on a thread of its own

        SampledProgress progress = model.start();
        assertTrue(counting.await(60, TimeUnit.SECONDS), "the cells query started");
        progress.cancel();
        long cancelledAt = System.nanoTime();
        assertTrue(executor.finished.await(60, TimeUnit.SECONDS));
        double stopSeconds = (System.nanoTime() - cancelledAt) / 1e9;

        assertEquals(text.getString("summarize.cancelled"), model.outcomeProperty().get());
        assertNull(model.failureProperty().get(), "a cancellation is no failure");
        assertFalse(Files.exists(out), "nothing written");
        assertTrue(opened.isEmpty());
        // the cells query was interrupted (or, if it was ending as Cancel came, no further step started)
        assertTrue(messages.stream().noneMatch(m -> m.startsWith("Summing hashed blocks")), messages.toString());
        assertTrue(stopSeconds < 5, "stopped " + stopSeconds + " s after Cancel");
    }

    /**
     * Once {@link #threaded}, work on its own thread, callbacks inline (there is no FX thread in a plain test); before,
     * everything inline, as {@link CurrentThreadExecutor} does.
     */
    private static final class ThreadedExecutor implements BackgroundExecutor {
        final CountDownLatch finished = new CountDownLatch(1);
        boolean threaded;

        @Override
        public void runInBackground(Runnable work) {
            if (!threaded) {
                work.run();
                return;
            }
            Thread worker = new Thread(() -> {
                work.run();
                finished.countDown();
            }, "summarize-test-worker");
            worker.setDaemon(true);
            worker.start();
        }

        @Override
        public void runOnFxThread(Runnable action) {
            action.run();
        }

        @Override
        public void reportUnhandled(Throwable failure) {
            throw new AssertionError(failure);
        }
    }
}
