package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verdict summarize} and {@code verdict compare} on what it writes, through the root command. */
class SummarizeCommandTest {
    private static final Path SAMPLE = Path.of("sample-data", "fraud-screen-pass");

    @TempDir
    Path folder;

    private static CliRun run(String... args) {
        return CliRun.verdict(args);
    }

    @Test
    void anUnknownEngineIsRefusedWithTheEnginesThereAre() {
        CliRun run = run("summarize", "--engine", "spark", "--input", "lake.evals",
                "--manifest", SAMPLE.resolve("manifest.json").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--engine") && run.err().contains("expected one of [duckdb, sql, import], not"
                + " 'spark'"), run.err());
        assertTrue(run("summarize", "--help").out().contains("duckdb, sql, import."), "the help lists them");
    }

    @Test
    void noScoresSummarisesThePredictionsInsteadOfTheScores() {
        CliRun run = run("summarize", "--engine", "sql", "--dialect", "spark", "--input", "lake.evals", "--no-scores",
                "--manifest", SAMPLE.resolve("manifest.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("`pred_17`"), run.out());
        assertFalse(run.out().contains("score_17"), run.out());
    }

    @Test
    void printsSparkSqlThatHashesBlocksAndQuotesWithBackticks() {
        CliRun run = run("summarize", "--engine", "sql", "--dialect", "spark", "--input", "lake.evals",
                "--manifest", SAMPLE.resolve("manifest.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("FROM lake.evals"), run.out());
        assertTrue(run.out().contains("pmod(CAST(conv(substr(md5(concat("), "blocks from a hash, not rand()");
        assertFalse(run.out().toLowerCase().contains("rand("));
        assertTrue(run.out().contains("`score_17`"), run.out());
    }

    @Test
    void printsTheLatencyAndSafetyQueriesForSparkWhenGivenTheirTables() {
        CliRun run = run("summarize", "--engine", "sql", "--dialect", "spark", "--input", "lake.evals",
                "--latency-input", "lake.latency", "--safety-input", "lake.safety",
                "--manifest", SAMPLE.resolve("manifest.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        String safety = run.out().substring(run.out().indexOf("-- safety cells"));
        assertTrue(safety.contains("CAST(`violation_17` AS BIGINT) AS `violation_17`"), safety);
        assertTrue(safety.contains("FROM lake.safety"), safety);
        String latency = run.out().substring(run.out().indexOf("-- latency buckets"), run.out().indexOf("-- safety"));
        assertTrue(latency.contains("floor(100 * log10(greatest(CAST(`latency_ms` AS DOUBLE), 0.01)))"), latency);
        assertTrue(latency.contains("FROM lake.latency"), latency);
        assertTrue(latency.contains("AS `bucket`"), latency);
    }

    /** The primary rows given as the held-out set would show the same results twice as independent evidence. */
    @Test
    void refusesTheInputRowsAsTheHeldOutSet() {
        CliRun run = run("summarize", "--engine", "sql", "--dialect", "spark", "--input", "lake.evals",
                "--holdout-input", "lake.evals", "--manifest", SAMPLE.resolve("manifest.json").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out(), "no SQL is printed");
        assertTrue(run.err().contains("--holdout-input lake.evals names the --input rows themselves: the held-out set"
                + " must be examples the evaluation set does not hold"), run.err());
    }

    @Test
    void printsTheHeldOutAndHumanBaselineQueriesForSparkWhenGivenTheirTables() {
        CliRun run = run("summarize", "--engine", "sql", "--dialect", "spark", "--input", "lake.evals",
                "--holdout-input", "lake.holdout", "--human-baseline-input", "lake.human",
                "--manifest", SAMPLE.resolve("manifest.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        String holdout = run.out().substring(run.out().indexOf("-- holdout source: lake.holdout"),
                run.out().indexOf("-- human baseline cells"));
        // the primary suite's three queries over the held-out table, blocks hashed as the primary's
        for (String table : new String[] {"-- holdout cells table", "-- holdout blocks table",
                "-- holdout ranking sums"}) {
            assertTrue(holdout.contains(table), table + " in " + holdout);
        }
        assertTrue(holdout.contains("FROM lake.holdout") && !holdout.contains("FROM lake.evals"), holdout);
        assertTrue(holdout.contains("pmod(CAST(conv(substr(md5(concat("), holdout);
        String human = run.out().substring(run.out().indexOf("-- human baseline cells"));
        assertTrue(human.contains("CAST(`human` AS STRING) AS `human`"), human);
        assertTrue(human.contains("CAST(`pred_18` AS STRING) AS `pred_18`"), human);
        assertTrue(human.contains("FROM lake.human"), human);
    }

    @Test
    void aHeldOutTableNeedsAHoldoutSuiteToSliceItBy() throws Exception {
        Path manifest = folder.resolve("no-holdout.json");
        Files.writeString(manifest, Files.readString(SAMPLE.resolve("manifest.json"))
                .replaceAll("\"holdout\": \\{[^}]*},?", ""));
        CliRun run = run("summarize", "--engine", "sql", "--input", "lake.evals", "--holdout-input", "lake.holdout",
                "--manifest", manifest.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("names no holdout suite"), run.err());
    }

    @Test
    void summarisesWithDuckDbAndComparesTheSummaryLikeTheRows() throws Exception {
        Path out = folder.resolve("summary");
        CliRun summarize = run("summarize", "--engine", "duckdb", "--threads", "1", "--input",
                SAMPLE.resolve("primary.csv").toString(), "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--out", out.toString());
        assertEquals(0, summarize.exitCode(), summarize.err());
        assertTrue(Files.isRegularFile(out.resolve("primary_blocks.csv")));

        CliRun fromSummary = run("compare", out.toString(), "--metric", "recall");
        CliRun fromRows = run("compare", SAMPLE.toString(), "--metric", "recall");
        assertEquals(0, fromSummary.exitCode(), fromSummary.err());
        String[] basisAndTable = fromSummary.out().split("\\R", 2);
        assertTrue(basisAndTable[0].startsWith("Summary pack: 20,000 rows summarised by duckdb"), basisAndTable[0]);
        assertEquals(fromRows.out(), basisAndTable[1], "a count metric reads the same from cells as from rows");

        CliRun brier = run("compare", out.toString(), "--metric", "brier");
        assertTrue(brier.out().contains("paired-hashed-block-bootstrap"), brier.out());

        CliRun validate = run("validate", out.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("summary pack of fraud-screen, binary task, 20,000 rows"), validate.out());
        assertTrue(validate.out().contains("made by duckdb v1.4.4"), validate.out());
    }

    @Test
    void blockCountSetsTheHashedBlocksAndAZippedSummaryComparesAsItsFolder() throws Exception {
        Path out = folder.resolve("summary");
        CliRun summarize = run("summarize", "--engine", "duckdb", "--threads", "1", "--block-count", "40", "--input",
                SAMPLE.resolve("primary.csv").toString(), "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--out", out.toString());
        assertEquals(0, summarize.exitCode(), summarize.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"blockCount\" : 40"));
        List<String> blocks = Files.readAllLines(out.resolve("primary_blocks.csv"));
        int block = List.of(blocks.get(0).split(",")).indexOf("block");
        Set<Integer> ids = blocks.stream().skip(1).map(line -> Integer.parseInt(line.split(",")[block]))
                .collect(Collectors.toSet());
        assertEquals(IntStream.range(0, 40).boxed().collect(Collectors.toSet()), ids, "blocks 0..39, each used");
        Path zip = folder.resolve("summary.zip");
        try (var zipOut = new ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                zipOut.putNextEntry(new ZipEntry("summary/" + file.getFileName()));
                Files.copy(file, zipOut);
                zipOut.closeEntry();
            }
        }
        CliRun fromFolder = run("compare", out.toString(), "--metric", "brier");
        CliRun fromZip = run("compare", zip.toString(), "--metric", "brier");
        assertEquals(0, fromZip.exitCode(), fromZip.err());
        assertEquals(fromFolder.out(), fromZip.out());

        CliRun zero = run("summarize", "--engine", "sql", "--block-count", "0", "--input", "t", "--manifest",
                SAMPLE.resolve("manifest.json").toString());
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--block-count must be at least 1"), zero.err());
    }

    @Test
    void noRankingLeavesTheRankingSumsOutAndEndsWithAWarning() throws Exception {
        Path out = folder.resolve("no-ranking");
        CliRun summarize = run("summarize", "--engine", "duckdb", "--threads", "1", "--no-ranking", "--input",
                SAMPLE.resolve("primary.csv").toString(), "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--out", out.toString());
        assertEquals(0, summarize.exitCode(), summarize.err());
        assertFalse(Files.exists(out.resolve("primary_ranking.csv")));
        assertTrue(summarize.err().startsWith("warning: the pack holds no ranking sums, so roc_auc and pr_auc are "
                + "unavailable in compare and the gates; to have them, summarise without --no-ranking"),
                summarize.err());
    }

    @Test
    void anOutFolderThatCannotBeWrittenIsRefusedBeforeAnyRowIsRead() throws Exception {
        // the input does not exist: had it been read first, that would be the error
        String input = folder.resolve("no-such-rows.csv").toString();
        Path existing = Files.createDirectories(folder.resolve("existing"));
        CliRun exists = run("summarize", "--engine", "duckdb", "--threads", "1", "--input", input, "--manifest",
                SAMPLE.resolve("manifest.json").toString(), "--out", existing.toString());
        assertEquals(2, exists.exitCode(), exists.err());
        assertEquals("error: " + existing + " already exists; choose a new folder for the summary pack\n",
                exists.err().replace("\r\n", "\n"));

        Path file = Files.writeString(folder.resolve("a-file"), "");
        Path underFile = file.resolve("summary");
        CliRun notCreatable = run("summarize", "--engine", "import", "--input", "t", "--manifest",
                SAMPLE.resolve("manifest.json").toString(), "--cells", input, "--ranking-sums", input, "--sql", input,
                "--engine-version", "spark 3.5.8", "--out", underFile.toString());
        assertEquals(2, notCreatable.exitCode(), notCreatable.err());
        assertTrue(notCreatable.err().contains("cannot create " + underFile + ": " + file.toAbsolutePath()
                + " is not a writable folder"), notCreatable.err());
        assertFalse(Files.exists(underFile));
    }

    @Test
    void aManifestProblemIsBadInputWithItsLine() throws Exception {
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(SAMPLE.resolve("manifest.json"))
                .replace("\"primaryMetric\": \"", "\"primaryMetric\": \"x"));
        CliRun run = run("summarize", "--engine", "sql", "--input", "t", "--manifest", manifest.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("manifest.json, line "), run.err());
    }
}
