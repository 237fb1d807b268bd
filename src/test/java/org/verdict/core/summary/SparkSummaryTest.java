package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.HashedBlocks;
import org.verdict.core.task.Progress;

/**
 * The summary SQL in the Spark dialect, run by Apache Spark for real (local mode, one session, two cores): the summary
 * pack it yields must compare like the row-level pack it summarises (see {@link SummaryAgreement} for the
 * tolerances). This is what a cluster job does, minus the cluster: docs/summary-packs.md shows the spark-submit form.
 */
class SparkSummaryTest {
    private static SparkSession spark;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .appName("verdict-summary-test")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Task.class, names = {"BINARY", "REGRESSION"})
    void sparkSummaryComparesLikeTheRows(Task task) throws Exception {
        // a held-out set of its own and (binary) a human baseline, summarised by the same script
        Path rowPack = RowPacks.writeWithHoldoutAndHumanBaseline(folder.resolve("rows"), task, 20_000, 3_000, 300, 29);
        ReviewPack rows = SummaryPacks.loader().load(rowPack, Progress.NONE);
        PackManifest manifest = rows.manifest();

        // every column as text, as a lake table of strings would be; the SQL casts what it needs
        view(rowPack.resolve("primary.csv"), "evals");
        view(rowPack.resolve("holdout.csv"), "holdout");
        long seed = 20261122L;
        SummaryLayout layout = SummaryLayout.of(manifest, true, task == Task.BINARY);
        SummarySql sql = new SummarySql(SqlDialect.SPARK, layout, manifest, "evals", seed, SummarySql.DEFAULT_BLOCKS);
        SummarySql holdoutSql = sql.forHoldout("holdout");
        Path summaryPack = folder.resolve("summary");
        SummaryPack summary;
        if (task == Task.BINARY) {
            // a driver program: collect the small tables and write the pack
            view(rowPack.resolve("human_baseline.csv"), "human");
            String script = sql.script(new SummarySql.Sources(null, null, "holdout", "human"));
            SummaryTables holdout = new SummaryTables(collect(spark.sql(holdoutSql.cellsQuery())),
                    collect(spark.sql(holdoutSql.blocksQuery())), collect(spark.sql(holdoutSql.rankingQuery())));
            new SummaryPackWriter().write(summaryPack, manifest, layout, new SummaryProvenance("spark",
                    spark.version(), Hashes.sha256Hex(script), "evals", null, rows.primary().rowCount(), seed,
                    SummarySql.DEFAULT_BLOCKS), script, new SummaryTables(collect(spark.sql(sql.cellsQuery())),
                    collect(spark.sql(sql.blocksQuery())), collect(spark.sql(sql.rankingQuery())), null, null,
                    new SummaryTables.HeldOut("holdout", holdoutSql.layout(), holdout),
                    collect(spark.sql(sql.humanBaselineQuery("human")))));
            summary = new SummaryPackReader().read(summaryPack, Progress.NONE);
        } else {
            // the cluster way (docs/pack-format.md): Spark writes CSV part files, `summarize --engine import` packs them
            SummarySql.Sources sources = new SummarySql.Sources(null, null, "holdout", null);
            String scriptId = sql.scriptId(sources);
            spark.sql(sql.checksQuery(scriptId)).write().option("header", "true")
                    .csv(folder.resolve("checks").toString());
            spark.sql(holdoutSql.checksQuery(scriptId)).write().option("header", "true")
                    .csv(folder.resolve("holdout_checks").toString());
            spark.sql(sql.cellsQuery()).write().option("header", "true").csv(folder.resolve("cells").toString());
            spark.sql(sql.blocksQuery()).write().option("header", "true").csv(folder.resolve("blocks").toString());
            spark.sql(holdoutSql.cellsQuery()).write().option("header", "true")
                    .csv(folder.resolve("holdout_cells").toString());
            spark.sql(holdoutSql.blocksQuery()).write().option("header", "true")
                    .csv(folder.resolve("holdout_blocks").toString());
            Path script = Files.writeString(folder.resolve("summary.sql"), sql.script(sources));
            summary = SummaryImport.assemble(manifest, true, folder.resolve("checks"), folder.resolve("cells"), folder.resolve("blocks"), null,
                    new SummaryImport.OptionalTables(null, null, new SummaryImport.Holdout("holdout",
                            folder.resolve("holdout_checks"), folder.resolve("holdout_cells"), folder.resolve("holdout_blocks"), null), null),
                    script, "spark", spark.version(), "evals", "snapshot-7", seed, SummarySql.DEFAULT_BLOCKS,
                    summaryPack, new SummaryPackWriter());
            assertEquals("snapshot-7", summary.provenance().snapshot());
            // the version Spark's version() wrote into the checks table: the release, then the build's revision
            assertTrue(summary.provenance().engineVersion().startsWith(spark.version() + " "),
                    summary.provenance().engineVersion());
        }
        assertEquals(rows.primary().rowCount(), summary.primary().rowCount(), "counts equal");
        assertEquals("spark", summary.provenance().engine());
        ComparisonOptions options = ComparisonOptions.DEFAULTS.withCrosses(List.of(List.of("region", "gender")));
        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(rows, null, options, Progress.NONE);
        ComparisonReport fromSpark = new SummaryComparison(engine).compare(summary, null, options, Progress.NONE);
        assertTrue(SummaryAgreement.assertAgree(fromRows, fromSpark) > 100);
        // the means are resampled over the rows' very blocks, with the same random streams: their verdicts are the rows'
        Map<String, SliceResult> bySummary = new HashMap<>();
        fromSpark.results().forEach(result -> bySummary.put(result.slice().label() + " " + result.metric(), result));
        for (SliceResult row : fromRows.results()) {
            SliceResult fromSummary = bySummary.get(row.slice().label() + " " + row.metric());
            if (row.metric().appliesTo(Task.REGRESSION) || row.metric() == Metric.LOG_LOSS
                    || row.metric() == Metric.BRIER || row.metric() == Metric.SQ_CALIBRATION_ERROR) {
                assertEquals(row.verdict(), fromSummary.verdict(), row.slice().label() + " " + row.metric());
                assertEquals(row.test(), fromSummary.test(), row.slice().label() + " " + row.metric());
            }
        }

        try (ReviewPack opened = SummaryPacks.loader().load(summaryPack, Progress.NONE)) {
            HeldOutSet rowsHoldout = HeldOutSet.read(rows, SummaryPacks.loader(), Progress.NONE).orElseThrow();
            HeldOutSet sparkHoldout = HeldOutSet.read(opened, SummaryPacks.loader(), Progress.NONE).orElseThrow();
            assertEquals(rowsHoldout.rowCount(), sparkHoldout.rowCount(), "held-out counts equal");
            assertTrue(SummaryAgreement.assertAgree(
                    rowsHoldout.compare(engine, manifest, "8", ComparisonOptions.DEFAULTS, Progress.NONE).report(),
                    sparkHoldout.compare(engine, manifest, "8", ComparisonOptions.DEFAULTS, Progress.NONE).report())
                    > 20);
            if (task == Task.BINARY) {
                HumanBaselineEvidence human = HumanBaselineEvidence.of(new SuiteReader().read(rows.root(), manifest,
                        Progress.NONE).humanBaseline().orElseThrow(), "8", 0.95);
                HumanBaselineEvidence fromCells = HumanBaselineEvidence.of(new SuiteReader().read(opened.root(),
                        opened.manifest(), Progress.NONE).humanBaseline().orElseThrow(), "8", 0.95);
                assertEquals(human.humanAccuracy(), fromCells.humanAccuracy());
                assertEquals(human.modelAccuracy(), fromCells.modelAccuracy());
                assertEquals(human.kappaWithHuman().get("8").kappa(), fromCells.kappaWithHuman().get("8").kappa(), 1e-12);
            }
        } finally {
            rows.close();
        }
    }

    /**
     * Spark without ANSI mode reads '0.4x' as NULL, which the summary would sum as a predicted negative; the row checks
     * count it, and a misspelt label, which the summary would count as a negative, with the other checks.
     */
    @Test
    void sparkRowChecksCountWhatTheSummaryWouldSumSilently() throws Exception {
        Path rowPack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 200, 3);
        PackManifest manifest = RowManifest.read(rowPack.resolve("manifest.json"));
        List<String> lines = new ArrayList<>(Files.readAllLines(rowPack.resolve("primary.csv")));
        String[] third = lines.get(3).split(",");
        third[5] = "0.4x";
        lines.set(3, String.join(",", third));
        String[] fourth = lines.get(4).split(",");
        fourth[1] = "fruad";
        lines.set(4, String.join(",", fourth));
        Path edited = Files.write(folder.resolve("edited.csv"), lines);
        view(edited, "edited");
        String ansi = spark.conf().get("spark.sql.ansi.enabled");
        spark.conf().set("spark.sql.ansi.enabled", "false");
        try {
            SummarySql sql = new SummarySql(SqlDialect.SPARK, SummaryLayout.of(manifest, true, true), manifest,
                    "edited", 1L, SummarySql.DEFAULT_BLOCKS);
            Map<String, String[]> failed = new HashMap<>();
            for (String[] row : collect(spark.sql(sql.checksQuery())).rows()) {
                if (!row[2].equals("0")) {
                    failed.put(row[0] + " " + row[1], row);
                }
            }
            assertEquals(Set.of("not_a_number score_7", "third_class label"), failed.keySet());
            assertEquals(List.of("1", third[0], "0.4x"), List.of(failed.get("not_a_number score_7")).subList(2, 5));
            assertEquals(List.of("2", "null", "fruad"), List.of(failed.get("third_class label")).subList(2, 5));
        } finally {
            spark.conf().set("spark.sql.ansi.enabled", ansi);
        }
    }

    /** The summary SQL's block, run by Spark, is the row engine's block for every id. */
    @Test
    void sparkDealsEveryExampleIntoTheRowEnginesBlock() {
        List<Row> blocks = spark.sql("SELECT id, " + SqlDialect.SPARK.block("id", 20261122L, 300) + " AS block FROM "
                + "(SELECT concat('ex-', CAST(id AS STRING)) AS id FROM range(5000) UNION ALL SELECT 'ünïcode-id')")
                .collectAsList();
        assertEquals(5001, blocks.size());
        for (Row row : blocks) {
            assertEquals(HashedBlocks.blockOf(row.getString(0), 20261122L, 300), ((Number) row.get(1)).intValue(),
                    row.getString(0));
        }
    }

    /** Every value written into the Spark SQL comes back as itself: quotes and backslashes in labels or slices. */
    @Test
    void sparkReadsEveryLiteralAsTheValueItHolds() {
        for (String value : SqlLiteralsTest.AWKWARD) {
            assertEquals(value, spark.sql("SELECT " + SqlDialect.SPARK.literal(value)).collectAsList().get(0)
                    .getString(0), value);
        }
    }

    private static void view(Path csv, String name) {
        spark.read().option("header", "true").csv(csv.toString()).createOrReplaceTempView(name);
    }

    private static SummaryTable collect(Dataset<Row> result) {
        List<String> columns = List.of(result.columns());
        List<String[]> rows = new ArrayList<>();
        for (Row row : result.collectAsList()) {
            String[] values = new String[columns.size()];
            for (int c = 0; c < values.length; c++) {
                // Long and String print as themselves; Double.toString round-trips exactly
                values[c] = String.valueOf(row.get(c));
            }
            rows.add(values);
        }
        return new SummaryTable(columns, rows);
    }
}
