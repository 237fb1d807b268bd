package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.RealStylePack;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelInfo;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.ModelRole;
import org.verdict.core.pack.ModelVersion;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;

class CompareCommandTest {

    private static CliRun run(CompareCommand.PackReader reader, String... args) {
        return CliRun.of(new CompareCommand(reader, new ComparisonEngine()), args);
    }

    /**
     * 40 rows, multiclass a/b; language de (rows 0-19) / en (20-39). Production is right on every row; the candidate
     * is wrong on rows 0-9 (all de). Accuracy: de 1.0 vs 0.5, en 1.0 vs 1.0, overall 1.0 vs 0.75.
     */
    static ReviewPack pack() {
        return pack(false);
    }

    /** The same pack, with a second slice column {@code channel} (web on rows 0-1 of every 4, else phone) if asked. */
    static ReviewPack pack(boolean withChannel) {
        int n = 40;
        int[] labels = new int[n];
        int[] cand = new int[n];
        int[] language = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            cand[i] = i < 10 ? 1 - labels[i] : labels[i];
            language[i] = i < 20 ? 0 : 1;
        }
        Map<String, CategoricalColumn> slices = new LinkedHashMap<>();
        slices.put("language", new CategoricalColumn("language", List.of("de", "en"), language));
        if (withChannel) {
            int[] channel = new int[n];
            for (int i = 0; i < n; i++) {
                channel[i] = i % 4 < 2 ? 0 : 1;
            }
            slices.put("channel", new CategoricalColumn("channel", List.of("web", "phone"), channel));
        }
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        predictions.put("42", new ModelPredictions("42", labels.clone(), null, null));
        predictions.put("43", new ModelPredictions("43", cand, null, null));
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "t" + i;
        }
        EvaluationTable table = new EvaluationTable("primary.csv", Task.MULTICLASS, n, ExampleIds.of(ids), List.of("a", "b"), labels,
                null, slices, List.of(), predictions);
        List<ModelVersion> models = List.of(
                new ModelVersion("42", ModelRole.PRODUCTION, "s1", "git:1", Instant.parse("2026-10-02T10:00:00Z"), Map.of(), 0.5),
                new ModelVersion("43", ModelRole.CANDIDATE, "s2", "git:2", Instant.parse("2026-11-02T10:00:00Z"), Map.of(), 0.5));
        PackManifest manifest = new PackManifest("verdict-pack/1",
                new ModelInfo("router", Task.MULTICLASS, 2, null, TargetUnit.NONE), models, "accuracy", Map.of("primary",
                        new SuiteSpec("primary", "primary.csv", List.copyOf(slices.keySet()), List.of())),
                new ObjectMapper().createObjectNode()); // a manifest naming no policy: the default policy applies
        return new ReviewPack(Path.of("router"), Path.of("router"), manifest, table, Map.of());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliRun run = run((path, progress) -> pack(), "router", "--json", "--min-n", "10");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("router", json.get("pack").asText());
        assertEquals("42", json.get("production").asText());
        assertEquals("43", json.get("candidate").asText());
        assertEquals("accuracy", json.get("primaryMetric").asText());
        assertEquals("holm", json.get("correction").get("method").asText());
        // de and en; the overall slice is tested alone
        assertEquals(2, json.get("correction").get("tests").asInt());
        JsonNode overall = json.get("results").get(0);
        assertEquals(0, overall.get("dimensions").size());
        assertEquals("accuracy", overall.get("metric").asText());
        assertTrue(overall.get("primary").asBoolean());
        assertEquals(40, overall.get("n").asInt());
        assertEquals(1.0, overall.get("production").asDouble(), 1e-12);
        assertEquals(0.75, overall.get("candidate").asDouble(), 1e-12);
        assertEquals(-0.25, overall.get("delta").asDouble(), 1e-12);
        assertEquals(2, overall.get("ci").size());
        // 10 discordant rows, all only-production-correct: McNemar's z = 10/√10 = 3.1623, two-sided p = 0.0015654
        // (the inversion at 0 of Tango's score interval)
        assertEquals(0.0015654022580025, overall.get("pValue").asDouble(), 1e-12);
        assertEquals("tango-score", overall.get("test").asText());
        assertEquals("worse", overall.get("verdict").asText());
        assertEquals(overall.get("pValue").asDouble(), overall.get("adjustedP").asDouble());
        assertEquals("overall", overall.get("family").asText());
        assertEquals(0.95, overall.get("ciLevel").asDouble());
        assertEquals("none", overall.get("ciAdjustment").asText());
        assertEquals(overall.get("ci"), overall.get("unadjustedCi"));
        JsonNode german = findResult(json, "accuracy", "de");
        assertEquals(List.of("language"), List.of(german.get("dimensions").get(0).asText()));
        assertEquals("worse", german.get("verdict").asText());
        assertEquals("slices", german.get("family").asText());
        assertEquals("holm", german.get("ciAdjustment").asText());
        // de is Holm's first step of 2: its interval is at 1 − 0.05/2
        assertEquals(0.975, german.get("ciLevel").asDouble(), 1e-15);
        assertTrue(german.get("ci").get(0).asDouble() < german.get("unadjustedCi").get(0).asDouble());

        // per-class precision and recall: 2 classes × 3 slices (overall, de, en); production predicts every label
        assertEquals(6, json.get("perClass").size());
        JsonNode overallA = json.get("perClass").get(0);
        assertEquals("a", overallA.get("class").asText());
        assertEquals(0, overallA.get("dimensions").size());
        JsonNode productionRecall = overallA.get("production").get("recall");
        assertEquals(1.0, productionRecall.get("value").asDouble());
        assertEquals(overallA.get("support").asLong(), productionRecall.get("n").asLong());
        assertEquals(2, overallA.get("candidate").get("precision").get("ci").size());
    }

    @Test
    void metricOptionKeepsOneMetricAndRefusesMetricsOfAnotherTask() throws Exception {
        CliRun run = run((path, progress) -> pack(), "router", "--json", "--metric", "macro_f1");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(3, json.get("results").size());
        for (JsonNode result : json.get("results")) {
            assertEquals("macro_f1", result.get("metric").asText());
        }
        CliRun auc = run((path, progress) -> pack(), "router", "--json", "--metric", "roc_auc");
        assertEquals(2, auc.exitCode());
        assertTrue(auc.err().contains("roc_auc does not apply"), auc.err());
    }

    @Test
    void tableNamesTheMetricAndFlagsWorseSlicesInText() {
        CliRun run = run((path, progress) -> pack(), "router", "--min-n", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("accuracy (primary metric)"), run.out());
        String german = run.out().lines().filter(l -> l.startsWith("language=de")).findFirst().orElseThrow();
        // the verdict's word, as README and the docs name it
        assertTrue(german.strip().endsWith(" worse"), german);
        String english = run.out().lines().filter(l -> l.startsWith("language=en")).findFirst().orElseThrow();
        assertFalse(english.contains("worse"), english);
        // McNemar's p 0.0015654 (jsonHasTheDocumentedShape) with three decimals, as Compare and the gates write it
        String overall = run.out().lines().filter(l -> l.startsWith("overall")).findFirst().orElseThrow();
        assertTrue(overall.contains(" 0.002 "), overall);
    }

    /**
     * Each class has 20 rows, 5 of which (all de) only production gets right: recall 1.0 vs 0.75, McNemar's p =
     * 2·(1 − Φ(5/√5)) = 0.02535 per class, 0.0507 after Holm. Unadjusted, both classes read worse; with Holm over the 2 classes neither does
     * (0.0253 ≥ 0.05/2), and the block says which adjustment it used.
     */
    @Test
    void aPerClassBlockFollowsTheTableWithEachClassRecallCompared() {
        CliRun unadjusted = run((path, progress) -> pack(), "router", "--min-n", "10", "--correction", "none");
        assertEquals(0, unadjusted.exitCode(), unadjusted.err());
        List<String> lines = unadjusted.out().lines().toList();
        int block = lines.indexOf(lines.stream().filter(l -> l.startsWith("Per class, overall slice")).findFirst()
                .orElseThrow());
        assertTrue(lines.get(block).contains("unadjusted (2 classes tested)"), lines.get(block));
        assertTrue(lines.get(block + 2).startsWith("class"), lines.get(block + 2));
        for (String row : lines.subList(block + 3, block + 5)) {
            assertTrue(row.contains("1.000 [") && row.contains("0.750 [") && row.strip().endsWith(" worse"), row);
        }
        CliRun holm = run((path, progress) -> pack(), "router", "--min-n", "10");
        String classA = holm.out().lines().filter(l -> l.startsWith("a ")).findFirst().orElseThrow();
        // 0.0507 with the three decimals of every p-value a person reads
        assertTrue(classA.contains("inconclusive") && classA.contains(" 0.051 "), classA);
        assertTrue(holm.out().contains("adjusted with holm over 2 classes"), holm.out());
    }

    @Test
    void theHeaderSaysWhichBandTellsNoSignificantDifferenceFromInconclusive() {
        CliRun run = run((path, progress) -> pack(), "router", "--min-n", "10", "--effect", "0.02");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("'no significant difference' when its interval lies within ±0.02 (--effect), "
                + "else 'inconclusive'"), run.out());
    }

    /**
     * Compare's band for the primary metric is the gate policy's primary margin, so Compare and gate 1 read the
     * overall interval alike: an overall Δ interval that reaches 0 and lies within ±0.05 but not within ±0.01 is
     * "inconclusive" under the default policy's margin of 0.01 (not "no significant difference", as with E = 0.05),
     * "no significant difference" under a policy whose margin is 0.05, and --effect still chooses the band.
     */
    @Test
    void theBandOfThePrimaryMetricIsThePolicysPrimaryMargin(@TempDir Path dir) throws Exception {
        Path pack = balancedSwapPack(dir.resolve("swap"), null);
        CliRun byDefault = CliRun.verdict("compare", pack.toString());
        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertTrue(byDefault.out().contains("within ±0.01, the default policy's primary margin "
                + "(--effect to choose another)"), byDefault.out());
        JsonNode overall = overallOf(CliRun.verdict("compare", pack.toString(), "--json", "--metric", "accuracy"));
        double lower = overall.get("ci").get(0).asDouble();
        double upper = overall.get("ci").get(1).asDouble();
        assertTrue(lower < -0.01 && lower > -0.05 && upper > 0.01 && upper < 0.05, overall.toString());
        assertEquals("inconclusive", overall.get("verdict").asText());

        CliRun chosen = CliRun.verdict("compare", pack.toString(), "--effect", "0.05");
        assertTrue(chosen.out().contains("within ±0.05 (--effect)"), chosen.out());
        assertEquals("no significant difference", overallOf(CliRun.verdict("compare", pack.toString(), "--json",
                "--effect", "0.05")).get("verdict").asText());

        Path wide = balancedSwapPack(dir.resolve("wide"), "{\"primary\": {\"margin\": 0.05}}");
        CliRun policy = CliRun.verdict("compare", wide.toString());
        assertTrue(policy.out().contains("within ±0.05, the policy's primary margin"), policy.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.verdict("compare", wide.toString(), "--json").out());
        assertEquals(0.05, json.get("primaryBand").get("margin").asDouble());
        assertEquals("no significant difference", overallOf(CliRun.verdict("compare", wide.toString(), "--json",
                "--metric", "accuracy")).get("verdict").asText());
    }

    /** An unknown --metric lists the metrics of the pack's task, not those of every task. */
    @Test
    void anUnknownMetricListsTheMetricsOfThePacksTask(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.verdict("compare", balancedSwapPack(dir.resolve("churn"), null).toString(), "--metric",
                "f2");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown metric 'f2'; metrics of a binary task: ["), run.err());
        assertTrue(run.err().contains("roc_auc"), run.err());
        for (String otherTask : new String[] {"macro_f1", "cohen_kappa", "mae", "r2"}) {
            assertFalse(run.err().contains(otherTask), otherTask + ": " + run.err());
        }
    }

    /** A metric of another task is refused with the metrics of the pack's task, as an unknown name is. */
    @Test
    void aMetricOfAnotherTaskListsTheMetricsOfThePacksTask(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.verdict("compare", balancedSwapPack(dir.resolve("churn"), null).toString(), "--metric",
                "macro_f1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("metric macro_f1 does not apply to a binary task; metrics of a binary task: ["),
                run.err());
        assertTrue(run.err().contains("roc_auc"), run.err());
    }

    private static JsonNode overallOf(CliRun run) throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        for (JsonNode result : new ObjectMapper().readTree(run.out()).get("results")) {
            if (result.get("dimensions").isEmpty()) {
                return result;
            }
        }
        throw new AssertionError("no overall result: " + run.out());
    }

    /**
     * 2,000 binary rows, accuracy primary: each model is wrong on 100 rows the other gets right, so Δ is 0 and its
     * 95% interval about ±0.014: beyond ±0.01, within ±0.05. {@code policy}, when given, is the pack's policy.json.
     */
    private static Path balancedSwapPack(Path dir, String policy) throws IOException {
        writeBinaryManifest(dir, "accuracy", policy == null ? "" : " \"policy\": \"policy.json\",");
        if (policy != null) {
            Files.writeString(dir.resolve("policy.json"), policy);
        }
        StringBuilder csv = new StringBuilder("example_id,label,region,score_1,score_2\n");
        for (int row = 0; row < 2000; row++) {
            int label = row % 2;
            boolean productionWrong = row < 100;
            boolean candidateWrong = row >= 100 && row < 200;
            csv.append("e").append(row).append(',').append(label).append(',').append(row % 4 < 2 ? "eu" : "us")
                    .append(',').append(score(label, productionWrong)).append(',')
                    .append(score(label, candidateWrong)).append('\n');
        }
        Files.writeString(dir.resolve("primary.csv"), csv);
        return dir;
    }

    private static String score(int label, boolean wrong) {
        return (label == 1) != wrong ? "0.8" : "0.2";
    }

    @Test
    void badPackIsExitCodeTwoWithTheProblemOnStderr() {
        CliRun run = run((path, progress) -> {
            throw new PackException("primary.csv", 3, 2, "label 'x' is not a class");
        }, "broken");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(Path.of("broken", "primary.csv") + ", line 3, column 2: label 'x' is not a class"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badOptionsAreExitCodeTwo() {
        assertEquals(2, run((path, progress) -> pack(), "router", "--correction", "bonferroni").exitCode());
        assertEquals(2, run((path, progress) -> pack(), "router", "--metric", "nope").exitCode());
        assertEquals(2, run((path, progress) -> pack(), "router", "--candidate", "99").exitCode());
        assertEquals(2, run((path, progress) -> pack(), "router", "--cross", "language").exitCode());
        assertEquals(2, run((path, progress) -> pack(), "router", "--confidence", "1.5").exitCode());
        assertEquals(2, run((path, progress) -> pack()).exitCode());
    }

    /**
     * E ≤ 0 makes "no significant difference" impossible and E at least a bounded metric's whole range of Δ makes
     * "inconclusive" impossible: both refused, as --confidence is. The ceiling is the metric's own: a multiclass
     * comparison shows accuracy and F1s (Δ within ±1), so 1 is refused there, but Cohen's kappa alone (±2) takes it.
     */
    @Test
    void aMinimumSliceSizeUnderOneIsRefusedNamingTheOptionAndTheValue() {
        for (String minimum : new String[] {"0", "-3"}) {
            CliRun run = run((path, progress) -> pack(), "router", "--min-n", minimum);
            assertEquals(2, run.exitCode(), minimum);
            assertTrue(run.err().contains("--min-n must be at least 1, not " + minimum), minimum + ": " + run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void anEffectThatRulesOutAVerdictIsRefused() {
        for (String effect : new String[] {"0", "-1"}) {
            CliRun run = run((path, progress) -> pack(), "router", "--effect", effect);
            assertEquals(2, run.exitCode(), effect);
            assertTrue(run.err().contains("minimum detectable effect must be above 0, got"), effect + ": " + run.err());
            assertEquals("", run.out());
        }
        for (String effect : new String[] {"NaN", "Infinity", "-Infinity"}) {
            CliRun run = run((path, progress) -> pack(), "router", "--effect", effect);
            assertEquals(2, run.exitCode(), effect);
            assertTrue(run.err().contains("minimum detectable effect must be a finite number, got " + effect),
                    effect + ": " + run.err());
            assertFalse(run.err().contains("above 0"), "Infinity is above 0: " + run.err());
            assertEquals("", run.out());
        }
        CliRun wholeRange = run((path, progress) -> pack(), "router", "--effect", "1");
        assertEquals(2, wholeRange.exitCode());
        assertTrue(wholeRange.err().contains("minimum detectable effect 1 is not below the widest difference accuracy "
                + "can show (1, from 0 to 1)"), wholeRange.err());
        assertEquals(2, run((path, progress) -> pack(), "router", "--effect", "5", "--metric", "macro_f1").exitCode());
        assertEquals(0, run((path, progress) -> pack(), "router", "--effect", "0.99", "--min-n", "10").exitCode());
        CliRun kappa = run((path, progress) -> pack(), "router", "--effect", "1", "--metric", "cohen_kappa");
        assertEquals(0, kappa.exitCode(), kappa.err());
    }

    /**
     * The refusal names the metric the user is looking at: the primary roc_auc, or the one asked for with --metric;
     * a bounded metric compared beside an unbounded primary (log_loss) is named as such.
     */
    @Test
    void anEffectCeilingNamesTheMetricLookedAt(@TempDir Path dir) throws Exception {
        CliRun auc = CliRun.verdict("compare", binaryPack(dir.resolve("auc"), "roc_auc").toString(), "--effect", "1");
        assertEquals(2, auc.exitCode());
        assertTrue(auc.err().contains("is not below the widest difference roc_auc can show (1, from 0 to 1)"),
                auc.err());
        CliRun f1 = CliRun.verdict("compare", dir.resolve("auc").toString(), "--effect", "1", "--metric", "f1");
        assertEquals(2, f1.exitCode());
        assertTrue(f1.err().contains("the widest difference f1 can show"), f1.err());
        // brier's band is a share of production's brier (E = 1: ±100 % of it), so it has no ceiling
        CliRun brier = CliRun.verdict("compare", dir.resolve("auc").toString(), "--effect", "1",
                "--metric", "brier");
        assertEquals(0, brier.exitCode(), brier.err());
        assertTrue(brier.out().contains("±100% of production's value"), brier.out());
        CliRun logLoss = CliRun.verdict("compare", binaryPack(dir.resolve("log"), "log_loss").toString(),
                "--effect", "1");
        assertEquals(2, logLoss.exitCode());
        assertTrue(logLoss.err().contains("(compared beside log_loss) can show (1, from 0 to 1)"), logLoss.err());
    }

    /** A slice whose roc_auc is undefined says why in the table's verdict column, not only in the section below. */
    @Test
    void anUnavailableSliceSaysWhyInItsRow(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("auc");
        writeBinaryManifest(pack, "roc_auc", "");
        StringBuilder csv = new StringBuilder("example_id,label,region,score_1,score_2\n");
        for (int row = 0; row < 80; row++) {
            // every positive is in eu: us has 40 negatives only
            int label = row < 40 && row % 3 == 0 ? 1 : 0;
            csv.append("e").append(row).append(',').append(label).append(',').append(row < 40 ? "eu" : "us")
                    .append(',').append(0.3 + 0.3 * label + (row % 7) * 0.05).append(',')
                    .append(0.25 + 0.4 * label + (row % 5) * 0.04).append('\n');
        }
        Files.writeString(pack.resolve("primary.csv"), csv);
        CliRun run = CliRun.verdict("compare", pack.toString());
        assertEquals(0, run.exitCode(), run.err());
        String us = run.out().lines().filter(l -> l.startsWith("region=us")).findFirst().orElseThrow();
        assertTrue(us.strip().endsWith("unavailable: only negative examples in this slice (0 positive, 40 negative)"),
                us);
        assertTrue(run.out().contains("  region=us: only negative examples in this slice (0 positive, 40 negative), so "
                + "roc_auc is undefined"), "the section under the table gives the reason whole: " + run.out());
    }

    /**
     * A candidate predicting $0 for every claim wins mae on claims mostly $0; compare, read alone, says above its
     * numbers (and in the JSON's warnings) that the candidate is a constant, which the gates fail.
     */
    @Test
    void aConstantCandidateIsWarnedOfInTheTableAndTheJson(@TempDir Path dir) throws Exception {
        writeClaimsManifest(dir);
        StringBuilder csv = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        for (int row = 0; row < 60; row++) {
            double claim = row % 4 == 0 ? 500 + 10 * row : 0;
            csv.append("c").append(row).append(',').append(claim).append(',').append(row < 30 ? "eu" : "us")
                    .append(',').append(claim * 0.8 + 150).append(",0.0\n");
        }
        Files.writeString(dir.resolve("primary.csv"), csv);
        String warning = "⚠ candidate 2 predicts one value, $0, for every one of the 60 rows of primary.csv: a "
                + "constant, not a model (or predictions lost in the export); verdict gate fails its Schema gate";
        CliRun text = CliRun.verdict("compare", dir.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(warning, text.out().lines().findFirst().orElseThrow(), text.out());
        CliRun json = CliRun.verdict("compare", dir.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(warning.substring(2), new ObjectMapper().readTree(json.out()).get("warnings").get(0).asText());
        CliRun gate = CliRun.verdict("gate", dir.toString());
        assertEquals(1, gate.exitCode(), gate.out());
        assertTrue(gate.out().contains("candidate 2 predicts one value, $0, for every one of the 60 rows"), gate.out());
        assertFalse(text.out().contains("One output for a whole slice"),
                "a candidate constant everywhere is said once, not once per slice: " + text.out());
    }

    /**
     * A candidate answering $0 for every claim of one region, and varying elsewhere: compare marks that region's row
     * and says under the table, and in each of its JSON results, what the candidate answers there and that production
     * varies; the gates do not fail it for that.
     */
    @Test
    void aCandidateConstantWithinOneSliceIsNotedBesideThatSlice(@TempDir Path dir) throws Exception {
        writeClaimsManifest(dir);
        StringBuilder csv = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        for (int row = 0; row < 80; row++) {
            double claim = row % 4 == 0 ? 500 + 10 * row : 0;
            boolean us = row >= 40;
            csv.append("c").append(row).append(',').append(claim).append(',').append(us ? "us" : "eu")
                    .append(',').append(claim * 0.8 + 150 + row % 3).append(',')
                    .append(us ? 0 : claim * 0.9 + 40 + row % 5).append('\n');
        }
        Files.writeString(dir.resolve("primary.csv"), csv);
        String note = "candidate 2 predicts one value, $0, for all 40 rows of this slice; production 1's predictions "
                + "vary here";
        CliRun text = CliRun.verdict("compare", dir.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("region=us ⚠ ")), text.out());
        assertTrue(text.out().lines().noneMatch(l -> l.startsWith("region=eu ⚠")), text.out());
        assertTrue(text.out().contains("One output for a whole slice (a note, not a verdict):\n  ⚠ region=us: "
                + note + "\n"), text.out());
        assertFalse(text.out().startsWith("⚠"), "no pack-level warning: the candidate varies overall");
        CliRun json = CliRun.verdict("compare", dir.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        for (JsonNode result : new ObjectMapper().readTree(json.out()).get("results")) {
            boolean us = result.get("values").toString().equals("[\"us\"]");
            assertEquals(us ? note : null, result.has("constantPredictions")
                    ? result.get("constantPredictions").asText() : null, result.toString());
        }
        CliRun gate = CliRun.verdict("gate", dir.toString());
        assertFalse(gate.out().contains("predicts one value"), "a note, not a gate's finding: " + gate.out());
    }

    /** A regression pack's manifest of claims in dollars in {@code dir}, sliced by region, its primary metric mae. */
    private static void writeClaimsManifest(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "claims", "task": "regression", "riskTier": 2, "targetUnit": "USD"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "mae",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"], "sensitive": []}}}
                """);
    }

    /** A binary pack's manifest in {@code dir}, sliced by region; {@code extraEntries} go after primaryMetric. */
    private static void writeBinaryManifest(Path dir, String primaryMetric, String extraEntries) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "churn", "task": "binary", "riskTier": 2, "positiveLabel": "1"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "%s",%s
                 "suites": {"primary": {"file": "primary.csv", "slices": ["region"], "sensitive": []}}}
                """.formatted(primaryMetric, extraEntries));
    }

    /** A binary pack of 60 rows whose candidate ranks a little better than production. */
    private static Path binaryPack(Path dir, String primaryMetric) throws IOException {
        writeBinaryManifest(dir, primaryMetric, "");
        StringBuilder csv = new StringBuilder("example_id,label,region,score_1,score_2\n");
        for (int row = 0; row < 60; row++) {
            int label = row % 3 == 0 ? 1 : 0;
            double production = 0.3 + 0.3 * label + (row % 7) * 0.05;
            double candidate = 0.25 + 0.4 * label + (row % 5) * 0.04;
            csv.append("e").append(row).append(',').append(label).append(',').append(row < 30 ? "eu" : "us")
                    .append(',').append(production).append(',').append(candidate).append('\n');
        }
        Files.writeString(dir.resolve("primary.csv"), csv);
        return dir;
    }

    /**
     * A column crossed with itself, or the same columns crossed twice, would put copies of slices into the Holm
     * family and move every other slice's adjusted p-value and interval: refused, while a real cross is tested once.
     */
    @Test
    void aCrossThatRepeatsSlicesIsRefused() throws Exception {
        CliRun itself = run((path, progress) -> pack(true), "router", "--cross", "language,language");
        assertEquals(2, itself.exitCode());
        assertTrue(itself.err().contains("--cross language,language crosses a column with itself"), itself.err());
        assertEquals("", itself.out());
        for (String[] twice : new String[][] {{"--cross", "language,channel", "--cross", "channel,language"},
            {"--cross", "language,channel;language,channel"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("router", "--json"));
            args.addAll(List.of(twice));
            CliRun run = run((path, progress) -> pack(true), args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), String.join(" ", twice));
            assertTrue(run.err().contains("is given twice (in some order)"), run.err());
        }
        assertEquals(2, run((path, progress) -> pack(true), "router", "--cross", "language").exitCode());

        CliRun once = run((path, progress) -> pack(true), "router", "--json", "--min-n", "5", "--cross",
                "language,channel");
        assertEquals(0, once.exitCode(), once.err());
        // de, en, web, phone and the four language × channel cells, each tested once
        assertEquals(8, new ObjectMapper().readTree(once.out()).get("correction").get("tests").asInt());
    }

    /**
     * For mae, rmse and mape E is a share of production's error, which may well exceed 1; r2 has no ceiling either.
     * mape's default band is 5 % of production's mape, as mae's is, not ±0.05.
     */
    @Test
    void aRelativeEffectOnRegressionErrorsIsNotCapped(@TempDir Path dir) throws Exception {
        Path dollars = new RealStylePack(dir.resolve("prices"), RealStylePack.Kind.REGRESSION).write();
        CliRun run = CliRun.verdict("compare", dollars.toString(), "--effect", "1.5", "--metric", "mae");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("within ±150% of production's value"), run.out());
        CliRun mape = CliRun.verdict("compare", dollars.toString(), "--metric", "mape");
        assertEquals(0, mape.exitCode(), mape.err());
        assertTrue(mape.out().contains("within ±5% of production's value, the default (--effect)"), mape.out());
        assertEquals(0, CliRun.verdict("compare", dollars.toString(), "--effect", "3", "--json").exitCode());
    }

    /**
     * Under a policy of seed 7 at 90 %, compare takes the level and seed the gates judge with, so both show the same
     * overall interval of the primary metric (macro_f1: a seeded bootstrap); --confidence and --seed override the
     * policy, and the output says where each came from.
     */
    @Test
    void compareAndGateShowTheSameNumbersUnderThePacksPolicy(@TempDir Path dir) throws Exception {
        Path pack = new RealStylePack(dir.resolve("router"), RealStylePack.Kind.MULTICLASS).worseInTheWest()
                .policy("{\"seed\": 7, \"confidenceLevel\": 0.9}").write();
        ObjectMapper mapper = new ObjectMapper();
        CliRun compare = CliRun.verdict("compare", pack.toString(), "--json", "--metric", "macro_f1");
        assertEquals(0, compare.exitCode(), compare.err());
        JsonNode json = mapper.readTree(compare.out());
        assertEquals(0.9, json.get("confidenceLevel").asDouble());
        assertEquals(7, json.get("seed").asLong());
        assertEquals("the policy's confidenceLevel", json.get("origins").get("confidenceLevel").asText());
        assertEquals("the policy's seed", json.get("origins").get("seed").asText());
        JsonNode overall = json.get("results").get(0);
        assertEquals(0, overall.get("dimensions").size());
        assertEquals(0.9, overall.get("ciLevel").asDouble());

        CliRun gate = CliRun.verdict("gate", pack.toString(), "--json");
        JsonNode primaryGate = mapper.readTree(gate.out()).get("gates").get(0);
        assertEquals("primary_metric", primaryGate.get("gate").asText());
        JsonNode numbers = primaryGate.get("findings").get(0).get("numbers");
        assertEquals(numbers.get("ciLower").asDouble(), overall.get("ci").get(0).asDouble(), 1e-12);
        assertEquals(numbers.get("ciUpper").asDouble(), overall.get("ci").get(1).asDouble(), 1e-12);
        assertTrue(primaryGate.get("summary").asText().contains("90% interval"), primaryGate.toString());

        CliRun table = CliRun.verdict("compare", pack.toString());
        assertTrue(table.out().contains("Confidence level 0.9 (the policy's confidenceLevel), bootstrap seed 7 (the "
                + "policy's seed)."), table.out());

        CliRun given = CliRun.verdict("compare", pack.toString(), "--json", "--metric", "macro_f1", "--confidence",
                "0.95", "--seed", "20261122");
        JsonNode overridden = mapper.readTree(given.out());
        assertEquals(0.95, overridden.get("confidenceLevel").asDouble());
        assertEquals(20261122, overridden.get("seed").asLong());
        assertEquals("--confidence", overridden.get("origins").get("confidenceLevel").asText());
        assertEquals("--seed", overridden.get("origins").get("seed").asText());
    }

    /** One range of confidence levels for --confidence and the policy's confidenceLevel, said in the refusal. */
    @Test
    void aConfidenceLevelOutsideTheRangeIsRefused(@TempDir Path dir) {
        Path pack = new RealStylePack(dir.resolve("router"), RealStylePack.Kind.BINARY).write();
        CliRun low = CliRun.verdict("compare", pack.toString(), "--confidence", "0.2");
        assertEquals(2, low.exitCode());
        assertEquals("error: --confidence must be between 0.5 and 0.9999, got 0.2", low.err().strip());
        CliRun high = CliRun.verdict("compare", pack.toString(), "--confidence", "0.99995");
        assertEquals(2, high.exitCode());
        assertTrue(high.err().contains("--confidence must be between 0.5 and 0.9999, got 0.99995"), high.err());
        assertEquals(0, CliRun.verdict("compare", pack.toString(), "--confidence", "0.5").exitCode());
        CliRun percent = CliRun.verdict("compare", pack.toString(), "--confidence", "95");
        assertEquals("error: --confidence must be between 0.5 and 0.9999, got 95: a level is a fraction; for 95% give"
                + " --confidence 0.95", percent.err().strip());
    }

    /** An unknown --candidate names the manifest that lists the candidates, as gate does. */
    @Test
    void anUnknownCandidateNamesTheManifestAsGateDoes(@TempDir Path dir) {
        Path pack = new RealStylePack(dir.resolve("router"), RealStylePack.Kind.BINARY).write();
        String expected = "error: " + pack.resolve("manifest.json") + ": no candidate version '99' in the pack; "
                + "candidates: 2";
        assertEquals(expected, CliRun.verdict("compare", pack.toString(), "--candidate", "99").err().strip());
        assertEquals(expected, CliRun.verdict("gate", pack.toString(), "--candidate", "99").err().strip());
    }

    /** A level with a fraction is printed as given (97.5%), in the table's header and the per-class block alike. */
    @Test
    void aLevelWithAFractionIsShownWhole() {
        CliRun run = run((path, progress) -> pack(), "router", "--min-n", "10", "--confidence", "0.975");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Intervals of delta: overall 97.5%, tested alone"), run.out());
        assertTrue(run.out().contains("Each model's value with its 97.5% interval"), run.out());
        assertTrue(run.out().contains("each model with its 97.5% interval; delta with the paired interval"), run.out());
        assertFalse(run.out().contains("98%"), run.out());
    }

    @Test
    void helpWorks() {
        CliRun run = run((path, progress) -> pack(), "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--cross"));
    }

    private static JsonNode findResult(JsonNode json, String metric, String value) {
        for (JsonNode result : json.get("results")) {
            if (result.get("metric").asText().equals(metric) && result.get("values").size() == 1
                    && result.get("values").get(0).asText().equals(value)) {
                return result;
            }
        }
        throw new AssertionError("no " + metric + " for " + value);
    }
}
