package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;

import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.BinnedAveragePrecision;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/** DuckDB runs the summary SQL on a pack's own rows; the summary pack must compare as the rows do. */
class DuckDbSummaryTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Task.class)
    void summaryPackComparesLikeTheRowsItSummarises(Task task) throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), task, 20_000, 11);
        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("1GB", 1).summarize(rowPack.resolve("primary.csv").toString(), "test-snapshot",
                rows.manifest(), true, true, 20261122L, summaryPack, Progress.NONE);

        SummaryPack summary = new SummaryPackReader().read(summaryPack, Progress.NONE);
        assertEquals(20_000, summary.primary().rowCount());
        assertEquals("duckdb", summary.provenance().engine());
        assertEquals(Hashes.sha256Hex(summaryPack.resolve(SummaryPackWriter.SQL_FILE)),
                summary.provenance().sqlSha256());
        assertEquals("test-snapshot", summary.provenance().snapshot());

        ComparisonOptions options = ComparisonOptions.DEFAULTS.withCrosses(List.of(List.of("region", "channel")));
        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(rows, null, options, Progress.NONE);
        ComparisonReport fromSummary = new SummaryComparison(engine).compare(summary, null, options, Progress.NONE);
        int compared = SummaryAgreement.assertAgree(fromRows, fromSummary);
        assertTrue(compared > 100, "compared " + compared + " slice results");
    }

    /**
     * 70 regions of 30–400 rows whose scores sit at 0.001-logit bin centres (so binning merges no distinct scores):
     * the summary's pr_auc Δ must then be the rows' — t on Δ's effective degrees of freedom up to 2,000 rows, z above —
     * interval to ~1e-6 and verdict for verdict, on every slice.
     */
    @Test
    void prAucDeltaIntervalsAndVerdictsEqualTheRowsOnManySmallSlices() throws Exception {
        SplittableRandom random = new SplittableRandom(2026);
        StringBuilder csv = new StringBuilder("example_id,label,region,channel,gender,score_7,score_8\n");
        int id = 0;
        for (int region = 0; region < 70; region++) {
            int size = 30 + random.nextInt(371);
            // a fixed count of positives (at least 8), so no slice's bootstrap is unstable for lack of them
            int positives = Math.max(8, (int) Math.round(size * (0.05 + 0.25 * random.nextDouble())));
            double shift = (region % 7 - 3) * 0.25;
            for (int i = 0; i < size; i++) {
                boolean fraud = i < positives;
                double prod = (fraud ? 1.2 : -1.2) + random.nextGaussian() * 1.3;
                double cand = (fraud ? 1.2 + shift : -1.2 - shift) + random.nextGaussian() * 1.3;
                csv.append("ex-").append(id++).append(',').append(fraud ? "fraud" : "ok").append(",reg")
                        .append(region).append(",web,").append(GENDERS[random.nextInt(GENDERS.length)]).append(',')
                        .append(binCentre(prod)).append(',').append(binCentre(cand)).append('\n');
            }
        }
        Path rowPack = Files.createDirectories(folder.resolve("rows"));
        Files.writeString(rowPack.resolve("manifest.json"), RowPacks.manifest(Task.BINARY)
                .replace("\"primaryMetric\": \"roc_auc\"", "\"primaryMetric\": \"pr_auc\""));
        Files.writeString(rowPack.resolve("primary.csv"), csv);
        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("1GB", 1).summarize(rowPack.resolve("primary.csv").toString(), null, rows.manifest(),
                true, true, 7L, summaryPack, Progress.NONE);
        SummaryPack summary = new SummaryPackReader().read(summaryPack, Progress.NONE);

        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(rows, null, ComparisonOptions.DEFAULTS, Progress.NONE);
        ComparisonReport fromSummary = new SummaryComparison(engine).compare(summary, null,
                ComparisonOptions.DEFAULTS, Progress.NONE);
        Map<String, SliceResult> bySlice = fromSummary.results().stream()
                .filter(r -> r.metric() == Metric.PR_AUC)
                .collect(Collectors.toMap(r -> r.slice().label(), Function.identity()));
        int small = 0;
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        for (SliceResult row : fromRows.results()) {
            if (row.metric() != Metric.PR_AUC) {
                continue;
            }
            SliceResult sum = bySlice.get(row.slice().label());
            String slice = row.slice().label();
            assertEquals(row.verdict(), sum.verdict(), "verdict of " + slice);
            assertNotNull(row.unadjustedCi(), "rows give Δ an interval on " + slice);
            assertEquals(row.unadjustedCi().lower(), sum.unadjustedCi().lower(), 1e-6, "Δ's lower end on " + slice);
            assertEquals(row.unadjustedCi().upper(), sum.unadjustedCi().upper(), 1e-6, "Δ's upper end on " + slice);
            assertEquals(row.pValue(), sum.pValue(), 1e-6, "p of " + slice);
            assertEquals(row.n() <= 2_000 ? BinnedAveragePrecision.T_TEST : BinnedAveragePrecision.TEST, sum.test(),
                    slice);
            small += row.n() <= 2_000 ? 1 : 0;
            verdicts.add(row.verdict());
        }
        assertTrue(small >= 70, small + " slices of at most 2,000 rows");
        assertTrue(verdicts.contains(Verdict.WORSE) && verdicts.contains(Verdict.BETTER)
                && verdicts.contains(Verdict.INCONCLUSIVE), "the slices span verdicts: " + verdicts);
    }

    /**
     * roc_auc with one example of a class is defined — the share of the other class ranked on the right side of it,
     * ties half — though DeLong's interval is not: rows and summary alike show both values and Δ, no interval, and say
     * why. Slice "one-positive": the positive at logit 0 (production) and 1 (candidate), 40 negatives at logits
     * (i − 20)/10, i = 0 … 39: production 20 below and 1 tied, (20 + ½)/40 = 0.5125; the candidate 30 below and 1
     * tied, (30 + ½)/40 = 0.7625. Slice "one-negative", mirrored: the negative at logit 0 and −1, 40 positives at
     * (i − 20)/10: production 19 above and 1 tied, 19.5/40 = 0.4875; the candidate 29 above and 1 tied, 29.5/40 =
     * 0.7375. Scores sit at bin centres, so the summary's bins tie exactly the rows' ties.
     */
    @Test
    void rocAucWithOneExampleOfAClassShowsBothValuesFromRowsAndSummaryAlike() throws Exception {
        StringBuilder csv = new StringBuilder("example_id,label,region,channel,gender,score_7,score_8\n");
        String[][] slices = {{"one-positive", "fraud", "ok", "0", "1"}, {"one-negative", "ok", "fraud", "0", "-1"}};
        for (String[] slice : slices) {
            csv.append(slice[0]).append("-single,").append(slice[1]).append(',').append(slice[0])
                    .append(",web,female,").append(binCentre(Double.parseDouble(slice[3]))).append(',')
                    .append(binCentre(Double.parseDouble(slice[4]))).append('\n');
            for (int i = 0; i < 40; i++) {
                String score = binCentre((i - 20) / 10.0);
                csv.append(slice[0]).append('-').append(i).append(',').append(slice[2]).append(',').append(slice[0])
                        .append(",web,female,").append(score).append(',').append(score).append('\n');
            }
        }
        Path rowPack = Files.createDirectories(folder.resolve("rows"));
        Files.writeString(rowPack.resolve("manifest.json"), RowPacks.manifest(Task.BINARY));
        Files.writeString(rowPack.resolve("primary.csv"), csv);
        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("1GB", 1).summarize(rowPack.resolve("primary.csv").toString(), null, rows.manifest(),
                true, true, 7L, summaryPack, Progress.NONE);
        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(rows, null, ComparisonOptions.DEFAULTS, Progress.NONE);
        ComparisonReport fromSummary = new SummaryComparison(engine).compare(
                new SummaryPackReader().read(summaryPack, Progress.NONE), null, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        Map<String, double[]> expected = Map.of("region=one-positive", new double[] {0.5125, 0.7625, 1, 40},
                "region=one-negative", new double[] {0.4875, 0.7375, 40, 1});
        for (ComparisonReport report : List.of(fromRows, fromSummary)) {
            expected.forEach((label, values) -> {
                SliceResult result = report.results().stream()
                        .filter(r -> r.metric() == Metric.ROC_AUC && r.slice().label().equals(label))
                        .findFirst().orElseThrow();
                assertTrue(result.isAvailable(), label);
                assertEquals(values[0], result.production().value(), 1e-12, label);
                assertEquals(values[1], result.candidate().value(), 1e-12, label);
                assertEquals(values[1] - values[0], result.delta(), 1e-12, label);
                assertNull(result.production().ci(), label);
                assertNull(result.candidate().ci(), label);
                assertNull(result.deltaCi(), label);
                assertNull(result.pValue(), label);
                assertEquals(Verdict.INCONCLUSIVE, result.verdict(), label);
                assertTrue(result.isUnstable(), label);
                assertEquals("DeLong's interval needs at least 2 positive and 2 negative examples; this slice has "
                        + (int) values[2] + " and " + (int) values[3] + ", so neither model's roc_auc nor Δ gets one",
                        result.unstableReason(), label);
            });
        }
    }

    private static final String[] GENDERS = {"female", "male", "undisclosed"};

    /** The score whose logit is the centre of the 0.001-logit bin of {@code logit}. */
    private static String binCentre(double logit) {
        double centre = (Math.floor(logit * 1000) + 0.5) / 1000;
        return String.format(Locale.ROOT, "%.12f", 1 / (1 + Math.exp(-centre)));
    }

    @Test
    void aFolderOfFilesIsOneEvaluationSet() throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), Task.MULTICLASS, 4_000, 17);
        List<String> lines = Files.readAllLines(rowPack.resolve("primary.csv"));
        Path parts = Files.createDirectories(folder.resolve("lake").resolve("date=2026-12-01"));
        Files.write(parts.resolve("part-0.csv"), lines.subList(0, 1_500));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(1_500, lines.size()));
        Files.write(parts.resolve("part-1.csv"), rest);

        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("512MB", 1).summarize(folder.resolve("lake").toString(), null,
                RowManifest.read(rowPack.resolve("manifest.json")), true, true, 1L, summaryPack, Progress.NONE);
        assertEquals(4_000, new SummaryPackReader().read(summaryPack, Progress.NONE).primary().rowCount());
    }

    /**
     * A quote in the rows' path, the positive label or a slice value reaches DuckDB as a character of a string, never
     * as SQL: from CSV, and from Parquet (which the row loader reads through DuckDB too), the summary compares as the
     * rows do.
     */
    @ParameterizedTest
    @ValueSource(strings = {"primary.csv", "primary.parquet"})
    void quotesInThePathTheLabelAndASliceAreReadAsWritten(String primary) throws Exception {
        Path written = RowPacks.write(folder.resolve("rows"), Task.BINARY, 3_000, 5);
        Path manifest = written.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"positiveLabel\": \"fraud\"", "\"positiveLabel\": \"it's fraud\"")
                .replace("primary.csv", primary));
        Path csv = written.resolve("primary.csv");
        Files.writeString(csv, Files.readString(csv).replace(",fraud,", ",it's fraud,").replace(",eu,", ",l'eu,"));
        if (primary.endsWith(".parquet")) {
            duckDb("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '"
                    + written.resolve(primary) + "' (FORMAT parquet)");
        }
        Path rowPack = Files.move(written, folder.resolve("O'Brien's rows"));

        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("512MB", 1).summarize(rowPack.resolve(primary).toString(), null, rows.manifest(), true,
                true, 5L, summaryPack, Progress.NONE);
        SummaryPack summary = new SummaryPackReader().read(summaryPack, Progress.NONE);
        assertEquals(3_000, summary.primary().rowCount());

        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(rows, null, ComparisonOptions.DEFAULTS, Progress.NONE);
        assertTrue(fromRows.results().stream().anyMatch(r -> r.slice().label().contains("l'eu")),
                "the quoted region is a slice of its own");
        SummaryAgreement.assertAgree(fromRows, new SummaryComparison(engine).compare(summary, null,
                ComparisonOptions.DEFAULTS, Progress.NONE));
    }

    /**
     * The memory limit reaches DuckDB as typed, as a quoted literal: one holding a quote is refused, naming it, where
     * stripping the quote ran silently on a limit nobody gave.
     */
    @Test
    void aMemoryLimitWithAQuoteIsRefusedAsTyped() throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), Task.REGRESSION, 100, 3);
        Path summary = folder.resolve("summary");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> new DuckDbSummarizer("1'GB", 1)
                .summarize(rowPack.resolve("primary.csv").toString(), null,
                        RowManifest.read(rowPack.resolve("manifest.json")), true, true, 1L, summary, Progress.NONE));
        assertTrue(e.getMessage().startsWith("DuckDB refuses the memory limit 1'GB: "), e.getMessage());
        assertFalse(Files.exists(summary), "nothing is written");
    }

    /** An example id holding a quote, used twice in a folder whose name holds one, is placed at its second line. */
    @Test
    void aRepeatedIdWithAQuoteIsPlacedAtItsLine() throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("O'Brien's rows"), Task.REGRESSION, 100, 3);
        Path csv = rowPack.resolve("primary.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(4, lines.get(4).replaceFirst("^ex-3,", "O'Neil,"));
        lines.set(9, lines.get(9).replaceFirst("^ex-8,", "O'Neil,"));
        Files.write(csv, lines);

        PackException e = assertThrows(PackException.class, () -> new DuckDbSummarizer("512MB", 1).summarize(
                csv.toString(), null, RowManifest.read(rowPack.resolve("manifest.json")), true, true, 1L,
                folder.resolve("summary"), Progress.NONE));
        assertEquals(csv.toString(), e.file());
        assertEquals(10, e.line());
        assertEquals(1, e.column());
        assertTrue(e.problem().contains("'O'Neil' was already used on line 5"), e.problem());
    }

    /** Cancel, given once the blocks query is announced, stops DuckDB there: no later step, nothing written. */
    @Test
    void cancelStopsDuckDbMidQueryAndWritesNothing() throws Exception {
        Path rows = folder.resolve("big.parquet");
        duckDb("COPY (SELECT 'ex-' || i AS example_id, CAST(i % 7 AS VARCHAR) AS region, 'web' AS channel,"
                + " 'female' AS gender, random() * 100 AS label, random() * 100 AS pred_7, random() * 100 AS pred_8"
                + " FROM range(4000000) t(i)) TO '" + rows + "' (FORMAT parquet)");
        Path rowPack = RowPacks.write(folder.resolve("rows"), Task.REGRESSION, 10, 1);
        List<String> messages = new CopyOnWriteArrayList<>();
        CountDownLatch summing = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String message) {
                messages.add(message);
                if (message.startsWith("Summing hashed blocks")) {
                    summing.countDown();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        Path out = folder.resolve("summary");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<?> summary = worker.submit(() -> {
                new DuckDbSummarizer("512MB", 1).summarize(rows.toString(), null,
                        RowManifest.read(rowPack.resolve("manifest.json")), true, true, 1L, out, progress);
                return null;
            });
            assertTrue(summing.await(60, TimeUnit.SECONDS), "the blocks query started");
            cancelled.set(true);
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> summary.get(120, TimeUnit.SECONDS));

            assertInstanceOf(CancelledException.class, failure.getCause());
            assertTrue(messages.get(messages.size() - 1).startsWith("Summing hashed blocks"),
                    "no step after the cancelled one: " + messages);
        } finally {
            worker.shutdownNow();
        }
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void theSummaryPackIsSmallAndNamesNoRows(Task task) throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), task, 5_000, 3);
        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("1GB", 1).summarize(rowPack.resolve("primary.csv").toString(), null, rows.manifest(),
                true, true, 1L, summaryPack, Progress.NONE);
        String cells = Files.readString(summaryPack.resolve(SummaryPackWriter.CELLS_FILE));
        assertTrue(!cells.contains("ex-"), "no example ids leave the data");
        assertTrue(Files.size(summaryPack.resolve(SummaryPackWriter.CELLS_FILE))
                < Files.size(rowPack.resolve("primary.csv")) / 5);
    }

    private static void duckDb(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
