package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Hashes;
import org.verdict.core.summary.RowCheckTables;

/**
 * {@code gate}, {@code report}, {@code log append --pack} and {@code log verify} on a summary pack that
 * {@code summarize} made of the passing fraud-screen sample, its latency log bucketed: the same gates as the rows, a
 * signed record that names how the summary was made.
 */
class SummaryPackCommandsTest {
    private static final Path SAMPLE = Path.of("sample-data", "fraud-screen-pass");

    @TempDir
    static Path dir;
    private static Path summary;
    /** The row checks tables of the sample's primary and held-out rows, as the printed SQL writes them. */
    private static Path checks;
    private static Path holdoutChecks;

    private static CliRun run(String... args) {
        return CliRun.verdict(args);
    }

    @BeforeAll
    static void summarise() throws Exception {
        summary = dir.resolve("summary");
        CliRun made = run("summarize", "--engine", "duckdb", "--threads", "1", "--input",
                SAMPLE.resolve("primary.csv").toString(), "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--snapshot", "transactions-2026-11", "--latency-input", SAMPLE.resolve("latency.csv").toString(),
                "--safety-input", SAMPLE.resolve("safety.csv").toString(),
                "--holdout-input", SAMPLE.resolve("holdout.csv").toString(),
                "--human-baseline-input", SAMPLE.resolve("human_baseline.csv").toString(),
                "--out", summary.toString());
        assertEquals(0, made.exitCode(), made.err());
        checks = RowCheckTables.write(summary.resolve("summary.sql"), false, dir.resolve("checks.csv"));
        holdoutChecks = RowCheckTables.write(summary.resolve("summary.sql"), true, dir.resolve("holdout_checks.csv"));
    }

    @Test
    void summarizeCarriesThePolicyAndTheOptionalSuitesBesideTheManifest() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(summary.resolve("manifest.json").toFile());
        assertEquals("policy.json", manifest.path("policy").asText());
        assertEquals(Files.readString(SAMPLE.resolve("policy.json")), Files.readString(summary.resolve("policy.json")));
        // safety as paired cells: examples per (category, each version's violation flag)
        assertEquals("safety_cells.csv", manifest.path("suites").path("safety").path("file").asText());
        assertFalse(Files.exists(summary.resolve("safety.csv")));
        assertTrue(Files.readString(summary.resolve("safety_cells.csv"))
                .startsWith("category,violation_17,violation_18,n\n"));
        // latency comes as request counts per log-spaced bucket, in place of the rows
        assertEquals("latency_buckets.csv", manifest.path("suites").path("latency").path("file").asText());
        assertFalse(Files.exists(summary.resolve("latency.csv")));
        assertTrue(Files.readString(summary.resolve("latency_buckets.csv")).startsWith("version,bucket,n\n"));
        assertFalse(Files.exists(summary.resolve("primary.csv")), "the rows stay where they are");
        // the held-out set as the primary's tables over its own slices, the human baseline as paired cells
        assertEquals("holdout_cells.csv", manifest.path("suites").path("holdout").path("file").asText());
        assertEquals(5_000, manifest.path("summary").path("holdout").path("rows").asLong());
        assertFalse(Files.exists(summary.resolve("holdout.csv")));
        assertEquals("human_baseline_cells.csv", manifest.path("suites").path("humanBaseline").path("file").asText());
        assertFalse(Files.exists(summary.resolve("human_baseline.csv")));

        CliRun validate = run("validate", summary.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("suites: primary, latency, safety, holdout"), validate.out());
        assertTrue(validate.out().contains("policy: policy.json (sha256"), validate.out());
        assertTrue(validate.out().contains("holdout: 5,000 rows summarised in "), validate.out());
        assertTrue(validate.out().contains("human baseline: 300 examples in paired cells"), validate.out());
    }

    @Test
    void importAssemblesTheHeldOutAndHumanBaselineTablesAnEngineWroteElsewhere() throws Exception {
        // the tables DuckDB wrote stand in for the CSV parts a cluster would write
        Path out = dir.resolve("imported");
        CliRun imported = run("summarize", "--engine", "import", "--input", "lake.evals",
                "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--checks", checks.toString(), "--cells", summary.resolve("primary_cells.csv").toString(),
                "--blocks", summary.resolve("primary_blocks.csv").toString(),
                "--holdout-input", "lake.holdout", "--holdout-checks", holdoutChecks.toString(),
                "--holdout-cells", summary.resolve("holdout_cells.csv").toString(),
                "--holdout-blocks", summary.resolve("holdout_blocks.csv").toString(),
                "--human-baseline", summary.resolve("human_baseline_cells.csv").toString(),
                "--sql", summary.resolve("summary.sql").toString(), "--engine-version", "duckdb 1.4.4",
                "--no-ranking", "--out", out.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("lake.holdout", manifest.path("summary").path("holdout").path("source").asText());
        assertEquals("md5", manifest.path("summary").path("blockHash").asText(), "Verdict's SQL deals blocks by MD5");

        // a script whose blocks were dealt otherwise (its id recomputed, its checks written by its own run) ran as it
        // is but is not Verdict's: refused where it differs, nothing written
        Path otherScript = Files.writeString(dir.resolve("other-summary.sql"), RowCheckTables.printedOtherwise(
                Files.readString(summary.resolve("summary.sql")), text -> {
                    int blocks = text.indexOf("-- blocks table");
                    return text.substring(0, blocks) + text.substring(blocks).replaceAll(
                            "substr\\(md5\\([^\n]*?, 1, 15\\)", "xxhash64(example_id, 20261122)");
                }));
        Path otherChecks = RowCheckTables.write(otherScript, false, dir.resolve("other-checks.csv"));
        Path otherOut = dir.resolve("imported-other");
        CliRun other = run("summarize", "--engine", "import", "--input", "lake.evals",
                "--manifest", SAMPLE.resolve("manifest.json").toString(), "--checks", otherChecks.toString(),
                "--cells", summary.resolve("primary_cells.csv").toString(),
                "--blocks", summary.resolve("primary_blocks.csv").toString(),
                "--sql", otherScript.toString(), "--engine-version", "duckdb 1.4.4", "--no-ranking",
                "--out", otherOut.toString());
        assertEquals(2, other.exitCode(), other.err());
        // where they part with their ids written as zeros: the blocks query, not the id it changed
        String anyId = "'[0-9a-f]{64}'";
        String zeros = "'" + "0".repeat(64) + "'";
        List<String> printedLines = Files.readString(summary.resolve("summary.sql")).replaceAll(anyId, zeros).lines()
                .toList();
        List<String> otherLines = Files.readString(otherScript).replaceAll(anyId, zeros).lines().toList();
        int differs = 0;
        while (printedLines.get(differs).equals(otherLines.get(differs))) {
            differs++;
        }
        assertTrue(printedLines.subList(0, differs).stream().anyMatch(line -> line.startsWith("-- blocks table")),
                "the blocks query differs");
        assertTrue(other.err().startsWith("error: " + otherScript + ", line " + (differs + 1) + ", column "),
                other.err());
        assertTrue(other.err().contains(": is not the script this Verdict prints for the manifest"), other.err());
        assertFalse(Files.exists(otherOut), "nothing written");
        assertEquals(Files.readString(summary.resolve("holdout_cells.csv")),
                Files.readString(out.resolve("holdout_cells.csv")));
        assertEquals("human_baseline_cells.csv", manifest.path("suites").path("humanBaseline").path("file").asText());
        CliRun validate = run("validate", out.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("holdout: 5,000 rows summarised in "), validate.out());

        CliRun withoutSource = run("summarize", "--engine", "import", "--input", "lake.evals",
                "--manifest", SAMPLE.resolve("manifest.json").toString(),
                "--cells", summary.resolve("primary_cells.csv").toString(),
                "--blocks", summary.resolve("primary_blocks.csv").toString(),
                "--holdout-cells", summary.resolve("holdout_cells.csv").toString(),
                "--sql", summary.resolve("summary.sql").toString(), "--engine-version", "duckdb 1.4.4",
                "--out", dir.resolve("never").toString());
        assertEquals(2, withoutSource.exitCode());
        assertTrue(withoutSource.err().contains("--holdout-cells needs --holdout-input"), withoutSource.err());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    /** The import arguments of the tables {@code summarize} wrote, standing in for a cluster's CSV parts. */
    private static List<String> importArgs(Path manifest, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("summarize", "--engine", "import", "--input", "lake.evals",
                "--manifest", manifest.toString(), "--checks", checks.toString(),
                "--cells", summary.resolve("primary_cells.csv").toString(),
                "--blocks", summary.resolve("primary_blocks.csv").toString(),
                "--sql", summary.resolve("summary.sql").toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** The one value a column of a CSV holds on every row. */
    private static String singleValue(Path csv, String column) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int at = List.of(lines.get(0).split(",")).indexOf(column);
        List<String> values = lines.stream().skip(1).map(line -> line.split(",", -1)[at]).distinct().toList();
        assertEquals(1, values.size(), column + " in " + csv);
        return values.get(0);
    }

    private static CliRun importRun(Path manifest, Path out, String... more) {
        return run(importArgs(manifest, out, more).toArray(String[]::new));
    }

    @Test
    void importWithoutRankingSumsIsRefusedWhenThePrimaryMetricNeedsThem() throws Exception {
        Path manifest = SAMPLE.resolve("manifest.json");
        Path out = dir.resolve("no-ranking");
        CliRun refused = importRun(manifest, out, "--engine-version", "duckdb 1.4.4");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("the primary metric roc_auc needs the ranking sums")
                && refused.err().contains("re-run import with --ranking-sums DIR (the query the SQL printed headed"),
                refused.err());
        assertFalse(Files.exists(out));

        CliRun withSums = importRun(manifest, out, "--engine-version", "duckdb 1.4.4",
                "--ranking-sums", summary.resolve("primary_ranking.csv").toString());
        assertEquals(0, withSums.exitCode(), withSums.err());
        assertEquals("", withSums.err());

        // a primary metric the cells give: the pack is written, and the run ends warning what it lacks
        Path recallFolder = Files.createDirectories(dir.resolve("recall-rows"));
        Files.writeString(recallFolder.resolve("manifest.json"), Files.readString(manifest)
                .replace("\"primaryMetric\": \"roc_auc\"", "\"primaryMetric\": \"recall\""));
        Path recallOut = dir.resolve("recall-no-ranking");
        CliRun warned = importRun(recallFolder.resolve("manifest.json"), recallOut, "--engine-version",
                "duckdb 1.4.4");
        assertEquals(0, warned.exitCode(), warned.err());
        assertTrue(warned.err().startsWith("warning: the pack holds no ranking sums, so roc_auc and pr_auc are "
                + "unavailable"), warned.err());
        assertTrue(warned.err().contains("--ranking-sums DIR"), warned.err());
        // and compare says how to get them at this scale, not only "the row-level pack"
        CliRun compare = run("compare", recallOut.toString(), "--metric", "roc_auc");
        assertTrue(compare.out().contains("import with --ranking-sums DIR"), compare.out());
    }

    @Test
    void importChecksTheBlockCountAgainstTheSqlAndNamesTheFileItRead() throws Exception {
        Path manifest = SAMPLE.resolve("manifest.json");
        Path out = dir.resolve("wrong-blocks");
        String sums = summary.resolve("primary_ranking.csv").toString();
        CliRun mismatch = importRun(manifest, out, "--engine-version", "duckdb 1.4.4", "--ranking-sums", sums,
                "--block-count", "100");
        assertEquals(2, mismatch.exitCode(), mismatch.err());
        assertTrue(mismatch.err().contains("--block-count 100 differs from the 300 hashed blocks")
                && mismatch.err().contains("--block-count must be the N the SQL was printed with"), mismatch.err());
        assertFalse(Files.exists(out));

        // a script that does not say its block count: the first block out of range is placed in the part read
        Path parts = Files.createDirectories(dir.resolve("block-parts"));
        Path part = Files.copy(summary.resolve("primary_blocks.csv"), parts.resolve("part-00000.csv"));
        Path script = Files.writeString(dir.resolve("unlabelled.sql"), Files.readString(summary.resolve("summary.sql"))
                .replaceAll("-- blocks table \\(\\d+ hashed blocks", "-- blocks table ("));
        List<String> args = importArgs(manifest, out, "--engine-version", "duckdb 1.4.4", "--ranking-sums", sums,
                "--block-count", "100");
        args.set(args.indexOf("--blocks") + 1, parts.toString());
        args.set(args.indexOf("--sql") + 1, script.toString());
        CliRun outside = run(args.toArray(String[]::new));
        assertEquals(2, outside.exitCode(), outside.err());
        assertTrue(outside.err().startsWith("error: " + part + ", line "), outside.err());
        assertTrue(outside.err().contains(" is outside 0..99 (--block-count 100); --block-count must be the N the SQL "
                + "was printed with"), outside.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void importChecksTheEngineVersionAgainstTheEnginesOwnAndRefusesItWithoutAVersion() throws Exception {
        String sums = summary.resolve("primary_ranking.csv").toString();
        Path out = dir.resolve("hyphenated");
        CliRun hyphen = importRun(SAMPLE.resolve("manifest.json"), out, "--engine-version", "duckdb-v1.4.4",
                "--ranking-sums", sums);
        assertEquals(0, hyphen.exitCode(), hyphen.err());
        CliRun validate = run("validate", out.toString());
        assertTrue(validate.out().contains("made by duckdb v1.4.4 from lake.evals"), validate.out());

        // without --engine-version the version DuckDB's version() wrote into the checks table is recorded
        Path unnamed = dir.resolve("engine-from-checks");
        CliRun fromChecks = importRun(SAMPLE.resolve("manifest.json"), unnamed, "--ranking-sums", sums);
        assertEquals(0, fromChecks.exitCode(), fromChecks.err());
        JsonNode made = new ObjectMapper().readTree(unnamed.resolve("manifest.json").toFile()).path("summary");
        assertEquals("duckdb", made.path("engine").asText());
        assertEquals(singleValue(checks, "engine_version"), made.path("engineVersion").asText());

        // a version other than the engine's, or another engine, is refused naming what the engine said
        for (String claimed : List.of("spark 3.5.8", "duckdb 1.4.3")) {
            Path refusedOut = dir.resolve("claimed-" + claimed.replace(' ', '-'));
            CliRun refused = importRun(SAMPLE.resolve("manifest.json"), refusedOut, "--engine-version", claimed,
                    "--ranking-sums", sums);
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("--engine-version '" + claimed + "' is not the engine that ran the SQL: "
                    + checks + " says duckdb " + singleValue(checks, "engine_version") + ", as the engine's version() "
                    + "reported it"), refused.err());
            assertFalse(Files.exists(refusedOut));
        }

        Path never = dir.resolve("no-version");
        CliRun bare = importRun(SAMPLE.resolve("manifest.json"), never, "--engine-version", "spark",
                "--ranking-sums", sums);
        assertEquals(2, bare.exitCode(), bare.err());
        assertTrue(bare.err().contains("--engine-version must be the engine's name and its version, e.g. 'spark "
                + "3.5.8' or 'spark-3.5.8', not 'spark'"), bare.err());
        assertFalse(Files.exists(never));
    }

    @Test
    void gateJudgesTheSummaryPackAsTheRows() throws Exception {
        JsonNode rows = gateJson(SAMPLE);
        JsonNode fromSummary = gateJson(summary);
        List<String> differences = new ArrayList<>();
        for (int g = 0; g < rows.path("gates").size(); g++) {
            JsonNode row = rows.path("gates").get(g);
            JsonNode sum = fromSummary.path("gates").get(g);
            assertEquals(row.path("gate").asText(), sum.path("gate").asText());
            if (row.path("gate").asText().equals("safety")) {
                assertEquals(row.path("findings"), sum.path("findings"), "the cells give the rows' rates and tests");
            }
            if (!row.path("outcome").equals(sum.path("outcome"))) {
                differences.add(row.path("gate").asText() + ": " + sum.path("outcome") + " — " + sum.path("summary"));
            }
        }
        // the one check sufficient statistics cannot make: which evaluation examples are in the training ids (of
        // the primary suite, and one more finding for the summarised held-out set)
        assertEquals(List.of("contamination: \"insufficient evidence\" — \"primary_cells.csv: a summary pack holds no "
                + "example ids, so its overlap with the training ids cannot be counted here; count it where the rows "
                + "are (and 1 more finding that also lacks evidence)\""), differences.stream().map(d -> d.replaceAll("\\s+", " ")).toList());

        CliRun text = run("gate", summary.toString());
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.out().contains("Policy: policy.json"), text.out());
        assertTrue(text.out().contains("Summary pack: 20,000 rows summarised by duckdb"), text.out());
        // the primary gate names the method of its interval, here and in the signed gate table
        assertTrue(text.out().contains("DeLong from binned scores, 0.001 logit"), text.out());
        assertEquals(20_000, fromSummary.path("summary").path("rows").asLong());
        assertTrue(fromSummary.path("summary").path("methods").toString().contains("paired cells"));
        assertTrue(text.out().contains("from request counts in log-spaced buckets"), text.out());
        // the contamination gate's other finding (the held-out set) is listed beneath it, so it is not announced as
        // left out, and its reason starts in the column of every other reason
        List<String> lines = text.out().lines().toList();
        int gate = indexOfLineStarting(lines, "Contamination ");
        String summaryLine = lines.get(gate);
        String holdoutLine = lines.get(gate + 1);
        assertTrue(summaryLine.endsWith("count it where the rows are (1 more below)"), summaryLine);
        assertFalse(text.out().contains("(and 1 more"), text.out());
        assertTrue(holdoutLine.contains("holdout_cells.csv: a summary pack holds no example ids"), holdoutLine);
        assertEquals(summaryLine.indexOf("primary_cells.csv"), holdoutLine.indexOf("holdout_cells.csv"),
                summaryLine + "\n" + holdoutLine);
        assertEquals(lines.get(indexOfLineStarting(lines, "GATE ")).indexOf("WHY"), summaryLine.indexOf("primary_"));
    }

    private static int indexOfLineStarting(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + start + "' in\n" + String.join("\n", lines));
    }

    @Test
    void reportWritesTheApprovalPackOfASummaryPack() throws Exception {
        CliRun report = run("report", summary.toString(), "--out", dir.resolve("approval").toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(dir.resolve("approval").resolve("approval-pack.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains(Hashes.sha256Hex(summary.resolve("primary_cells.csv"))),
                "the approval pack lists the hash of the cells it was judged from");
        assertTrue(Files.size(dir.resolve("approval").resolve("approval-pack.pdf")) > 10_000);
        assertTrue(html.contains("Evidence computed from"), "the summary names the computation");
        assertTrue(html.contains("20,000 rows summarised by duckdb"));
        assertTrue(html.contains("DeLong from binned scores, 0.001 logit"), "the primary gate names its method");
        assertTrue(html.contains("order-statistic intervals widened to the edges of log-spaced buckets"),
                "the latency percentiles name their method");
        assertTrue(html.contains("Held-out set: 5,000 rows summarised by duckdb"), "the held-out set names its method");
        assertTrue(html.contains("Counted from paired cells"), "the human baseline names its method");
    }

    @Test
    void aSignedDecisionOnASummaryPackRecordsHowTheSummaryWasMade() throws Exception {
        Path passphrase = BoardKeys.create(Files.createDirectories(dir.resolve("board")));
        Path record = dir.resolve("record.json");
        Files.writeString(record, """
                {
                  "kind": "promotion",
                  "model": "fraud-screen",
                  "decisionDate": "2026-12-04",
                  "decision": "hold",
                  "rationale": "contamination must be counted where the rows are before promoting",
                  "dataSnapshot": "transactions-2026-10",
                  "candidateVersion": "18",
                  "productionVersion": "17",
                  "riskTier": 2,
                  "approvers": ["Ada Lovelace"]
                }
                """);
        Path db = dir.resolve("decisions.db");
        CliRun append = run("log", "append", "--db", db.toString(), "--record", record.toString(), "--pack",
                summary.toString(), "--key", dir.resolve("board/keys/ada-lovelace.key.json").toString(),
                "--passphrase-file", passphrase.toString());
        assertEquals(0, append.exitCode(), append.err());

        CliRun list = run("log", "list", "--db", db.toString(), "--json");
        JsonNode evidence = new ObjectMapper().readTree(list.out()).get(0).path("record").path("evidence");
        JsonNode made = evidence.path("summary");
        assertEquals("duckdb", made.path("engine").asText());
        assertEquals(Hashes.sha256Hex(summary.resolve("summary.sql")), made.path("sqlSha256").asText());
        assertEquals("transactions-2026-11", made.path("snapshot").asText());
        assertEquals(20_000, made.path("rows").asLong());
        assertEquals(300, made.path("blockCount").asInt());
        assertTrue(made.path("seed").isIntegralNumber());
        assertEquals(SAMPLE.resolve("primary.csv").toString(), made.path("source").asText());
        assertEquals(5_000, made.path("holdoutRows").asLong());
        assertEquals(SAMPLE.resolve("holdout.csv").toString(), made.path("holdoutSource").asText());
        JsonNode gates = new ObjectMapper().readTree(list.out()).get(0).path("record").path("evaluationSummary")
                .path("gates");
        assertTrue(gates.toString().contains("insufficient evidence"), gates.toString());

        CliRun verify = run("log", "verify", "--db", db.toString());
        assertEquals(0, verify.exitCode(), verify.err() + verify.out());
    }

    @Test
    void compareJsonNamesEachNumbersMethodAndTheSummarysProvenance() throws Exception {
        CliRun compare = run("compare", summary.toString(), "--json");
        assertEquals(0, compare.exitCode(), compare.err());
        JsonNode report = new ObjectMapper().readTree(compare.out());
        assertEquals("duckdb", report.path("summary").path("engine").asText());
        assertEquals("transactions-2026-11", report.path("summary").path("snapshot").asText());
        for (JsonNode result : report.path("results")) {
            String metric = result.path("metric").asText();
            String method = result.path("method").asText();
            if (result.path("test").isTextual()) {
                assertFalse(method.isBlank(), metric);
            }
            if (metric.equals("roc_auc") && result.path("test").isTextual()) {
                assertEquals("DeLong from binned scores, 0.001 logit", method);
            }
            if (metric.equals("brier") && result.path("test").isTextual()) {
                assertEquals("paired bootstrap of 300 blocks dealt by a hash of the example id", method);
            }
        }
        CliRun text = run("compare", summary.toString());
        assertTrue(text.out().startsWith("Summary pack: 20,000 rows summarised by duckdb"), text.out());
    }

    @Test
    void perClassRatesOfAMulticlassSummaryPackAreTheRows() throws Exception {
        Path router = Path.of("sample-data", "support-router");
        Path routerSummary = dir.resolve("router-summary");
        CliRun made = run("summarize", "--engine", "duckdb", "--threads", "1", "--input",
                router.resolve("primary.csv").toString(), "--manifest", router.resolve("manifest.json").toString(),
                "--out", routerSummary.toString());
        assertEquals(0, made.exitCode(), made.err());
        JsonNode rows = new ObjectMapper().readTree(run("compare", router.toString(), "--json").out());
        JsonNode fromSummary = new ObjectMapper().readTree(run("compare", routerSummary.toString(), "--json").out());
        assertTrue(rows.path("perClass").size() > 20, rows.path("perClass").toString());
        assertEquals(rows.path("perClass"), fromSummary.path("perClass"));
    }

    private static JsonNode gateJson(Path pack) throws Exception {
        CliRun gate = run("gate", pack.toString(), "--json");
        assertTrue(gate.exitCode() <= 1, gate.err());
        return new ObjectMapper().readTree(gate.out());
    }
}
