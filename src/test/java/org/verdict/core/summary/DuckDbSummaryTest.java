package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
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

    @Test
    void cancelStopsDuckDbMidQueryAndWritesNothing() throws Exception {
        Path rows = folder.resolve("big.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 'ex-' || i AS example_id, CAST(i % 7 AS VARCHAR) AS region,"
                    + " 'web' AS channel, 'female' AS gender, random() * 100 AS label, random() * 100 AS pred_7,"
                    + " random() * 100 AS pred_8 FROM range(4000000) t(i)) TO '" + rows + "' (FORMAT parquet)");
        }
        Path rowPack = RowPacks.write(folder.resolve("rows"), Task.REGRESSION, 10, 1);
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress cancelSoon = new Progress() {
            @Override
            public void update(double fraction, String message) {
                // Cancel 200 ms into the blocks query, while DuckDB is scanning
                if (message.startsWith("Summing hashed blocks")) {
                    Thread canceller = new Thread(() -> {
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        cancelled.set(true);
                    });
                    canceller.setDaemon(true);
                    canceller.start();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        Path out = folder.resolve("summary");
        assertThrows(CancelledException.class, () -> new DuckDbSummarizer("512MB", 1).summarize(rows.toString(), null,
                RowManifest.read(rowPack.resolve("manifest.json")), true, true, 1L, out, cancelSoon));
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
}
