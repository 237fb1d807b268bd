package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                rows.manifest(), true, 20261122L, summaryPack, Progress.NONE);

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

    @ParameterizedTest
    @EnumSource(Task.class)
    void theSummaryPackIsSmallAndNamesNoRows(Task task) throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), task, 5_000, 3);
        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("1GB", 1).summarize(rowPack.resolve("primary.csv").toString(), null, rows.manifest(),
                true, 1L, summaryPack, Progress.NONE);
        String cells = Files.readString(summaryPack.resolve(SummaryPackWriter.CELLS_FILE));
        assertTrue(!cells.contains("ex-"), "no example ids leave the data");
        assertTrue(Files.size(summaryPack.resolve(SummaryPackWriter.CELLS_FILE))
                < Files.size(rowPack.resolve("primary.csv")) / 5);
    }
}
