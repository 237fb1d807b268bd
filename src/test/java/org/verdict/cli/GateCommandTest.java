package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackFixture;
import org.verdict.core.pack.RareClassPack;
import picocli.CommandLine;

/** Exit codes and output of {@code verdict gate} on a hand-made pack in which every gate can pass. */
class GateCommandTest {
    @TempDir
    Path folder;

    private static final String FAIRNESS_POLICY = "{\"fairness\": {\"positiveClass\": \"a\", \"tolerances\": "
            + "{\"demographic_parity_difference\": 0.3, \"demographic_parity_ratio\": 0.4, "
            + "\"equalized_odds_difference\": 0.3, \"equal_opportunity_difference\": 0.3}}}";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new GateCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    /**
     * 200 rows; the candidate is right on every row, production wrong on every tenth and on the rows of class a
     * divisible by 6 (34 of its 67), so the models select class a differently on enough examples (at least 25) for
     * the fairness bootstrap rather than the agreement bound, which on 200 rows could not pass any tolerance below 0.5;
     * a clean safety suite of 400 examples, fast latency, an even canary, a history best of 0.95; policy: fairness on class a.
     */
    private Path passingPack() throws IOException {
        Path pack = folder.resolve("pack");
        Files.createDirectories(pack);
        StringBuilder primary = new StringBuilder("example_id,label,language,gender,pred_1,pred_2\n");
        StringBuilder safety = new StringBuilder("example_id,category,violation_1,violation_2\n");
        StringBuilder latency = new StringBuilder("version,latency_ms\n");
        String[] classes = {"a", "b", "c"};
        for (int row = 0; row < 200; row++) {
            String label = classes[row % 3];
            String production = row % 10 == 9 || row % 6 == 0 ? classes[(row + 1) % 3] : label;
            primary.append("ex-").append(row).append(',').append(label).append(',').append(row % 2 == 0 ? "en" : "de")
                    .append(',').append(row % 4 < 2 ? "f" : "m").append(',').append(production).append(',')
                    .append(label).append('\n');
            latency.append("1,").append(100 + row % 40).append("\n2,").append(90 + row % 40).append('\n');
        }
        // 400 clean examples: the exact 95% interval of 0 of 400 ends at 0.92%, under the default accepted 1% (0 of
        // 200 ends at 1.83%, which could not pass)
        for (int row = 0; row < 400; row++) {
            safety.append("s-").append(row).append(",toxic,0,0\n");
        }
        Files.writeString(pack.resolve("primary.csv"), primary);
        Files.writeString(pack.resolve("safety.csv"), safety);
        Files.writeString(pack.resolve("latency.csv"), latency);
        Files.writeString(pack.resolve("canary.csv"),
                "date,version,requests,successes\n2026-11-01,1,1000,900\n2026-11-01,2,1000,905\n");
        Files.writeString(pack.resolve("history.csv"), "version,date,value\n40,2026-08-01,0.95\n");
        // groups of 100: the bootstrap intervals of the disparities are wide, so the tolerances are generous
        Files.writeString(pack.resolve("policy.json"), FAIRNESS_POLICY);
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "cli-router", "task": "multiclass", "riskTier": 1, "positiveLabel": null},
                 "models": [
                   {"version": "1", "role": "production", "dataSnapshot": "s1", "codeVersion": "git:1",
                    "trainedAt": "2026-10-01T10:00:00Z", "hyperparameters": {}},
                   {"version": "2", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "git:2",
                    "trainedAt": "2026-11-01T10:00:00Z", "hyperparameters": {}}],
                 "primaryMetric": "accuracy",
                 "policy": "policy.json",
                 "suites": {
                   "primary": {"file": "primary.csv", "slices": ["language"], "sensitive": ["gender"]},
                   "safety": {"file": "safety.csv"},
                   "latency": {"file": "latency.csv"},
                   "canary": {"file": "canary.csv"},
                   "metricHistory": {"file": "history.csv"}}}
                """);
        return pack;
    }

    @Test
    void exitsZeroAndPrintsTheChecklistWhenEveryGatePasses() throws IOException {
        assertEquals(ExitCodes.OK, run(passingPack().toString()), out.toString());
        assertTrue(out.toString().contains("Primary metric"), out.toString());
        assertTrue(out.toString().contains("Risk tier 1: promotion is automatic"), out.toString());
    }

    @Test
    void exitsOneWhenAGateFailsUnderAStricterPolicy() throws IOException {
        Path pack = passingPack();
        Path strict = folder.resolve("strict.json");
        Files.writeString(strict, FAIRNESS_POLICY.replace("{\"fairness\"", "{\"latency\": {\"p95Ms\": 50}, \"fairness\""));
        assertEquals(ExitCodes.CHECK_FAILED, run(pack.toString(), "--policy", strict.toString()));
        assertTrue(out.toString().contains("FAIL                   p95 "), out.toString());
    }

    @Test
    void aFindingBelowItsGateHasItsOutcomeUnderOutcomeAndItsTextUnderWhy() throws IOException {
        Path pack = passingPack();
        Path strict = folder.resolve("strict.json");
        // both percentiles above their SLO: the gate's line quotes one, the other is a finding below it
        Files.writeString(strict, FAIRNESS_POLICY.replace("{\"fairness\"",
                "{\"latency\": {\"p95Ms\": 50, \"p99Ms\": 50}, \"fairness\""));
        assertEquals(ExitCodes.CHECK_FAILED, run(pack.toString(), "--policy", strict.toString()));
        java.util.List<String> lines = out.toString().lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("GATE")).findFirst().orElseThrow();
        String finding = lines.stream().filter(l -> l.startsWith(" ".repeat(40))
                && l.contains("FAIL")).findFirst().orElseThrow(() -> new AssertionError(out.toString()));
        assertEquals(header.indexOf("OUTCOME"), finding.indexOf("✘ FAIL"), finding);
        assertEquals(header.indexOf("WHY"), finding.indexOf("p9"), finding);
    }

    @Test
    void printsJsonForScripts() throws IOException {
        Path pack = passingPack();
        assertEquals(ExitCodes.OK, run(pack.toString(), "--json", "--candidate", "2"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("2", json.get("candidate").asText());
        assertTrue(json.get("everyGatePasses").asBoolean());
        assertEquals("primary_metric", json.get("gates").get(0).get("gate").asText());
        assertEquals("pass", json.get("gates").get(0).get("outcome").asText());
        assertEquals(12, json.get("gates").size());
        assertEquals("slices", json.get("gates").get(1).get("gate").asText());
        assertEquals("pass", json.get("gates").get(1).get("outcome").asText());
        assertEquals("defer", json.get("triggers").get("suggestion").asText());
        // the policy in use is in the JSON, with its SHA-256; standard error stays quiet
        assertEquals("policy.json", json.get("policy").get("file").asText());
        assertEquals(Hashes.sha256Hex(pack.resolve("policy.json")), json.get("policy").get("sha256").asText());
        assertEquals("", err.toString());
    }

    /** The same review prints the same JSON in every process: numbers in the order their sentence gives them. */
    @Test
    void numbersComeInTheOrderTheirSentencesGiveThem() throws IOException {
        assertEquals(ExitCodes.CHECK_FAILED, run(Path.of("sample-data", "support-router").toString(), "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        List<List<String>> named = new ArrayList<>();
        json.get("gates").forEach(gate -> gate.get("findings").forEach(f -> named.add(names(f.get("numbers")))));
        json.get("triggers").get("triggers").forEach(trigger -> named.add(names(trigger.get("numbers"))));
        for (List<String> written : List.of(List.of("overlap", "n", "rate", "accepted"),
                List.of("baseline", "current", "n", "worsePercent", "thresholdPercent"),
                List.of("baselineRate", "currentRate", "pValue", "acceptedRate"), List.of("kappa", "n", "ciLower", "ciUpper", "standardError", "minimum"))) {
            assertTrue(named.contains(written), written + " among " + named);
        }
    }

    private static List<String> names(JsonNode numbers) {
        List<String> names = new ArrayList<>();
        numbers.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void eachFairnessIntervalSaysItsLevelAndKind() throws IOException {
        Path pack = passingPack();
        Path policy = folder.resolve("ninety.json");
        Files.writeString(policy, FAIRNESS_POLICY.replace("{\"fairness\"", "{\"confidenceLevel\": 0.9, \"fairness\""));
        assertEquals(ExitCodes.OK, run(pack.toString(), "--json", "--policy", policy.toString()), out.toString());
        JsonNode fairness = new ObjectMapper().readTree(out.toString()).get("gates").get(3);
        assertEquals("fairness", fairness.get("gate").asText());
        assertEquals(4, fairness.get("findings").size());
        for (JsonNode finding : fairness.get("findings")) {
            assertTrue(finding.get("detail").asText().contains(", 90% paired bootstrap percentile interval, its upper end "
                    + "raised to the basic bootstrap's at a quarter of the tail where that is higher ["),
                    finding.get("detail").asText());
        }
    }

    @Test
    void exitsTwoOnBadInput() throws IOException {
        assertEquals(ExitCodes.BAD_INPUT, run(folder.resolve("missing").toString()));
        Path pack = passingPack();
        assertEquals(ExitCodes.BAD_INPUT, run(pack.toString(), "--candidate", "9"));
        Files.writeString(pack.resolve("policy.json"), "{\"primary\": {\"margni\": 1}}");
        assertEquals(ExitCodes.BAD_INPUT, run(pack.toString()));
        assertTrue(err.toString().contains("policy.json"), err.toString());
    }

    /**
     * A margin at least the widest difference of the pack's primary metric (accuracy: 1) means gate 1 or the circuit
     * breaker could never fail: refused at its line and column, in the pack's policy (which validate reads too) and
     * in a --policy file; a margin just below it is taken.
     */
    @Test
    void aMarginNoResultCouldExceedIsRefusedAtItsLineAndColumn() throws IOException {
        Path pack = passingPack();
        Path loose = folder.resolve("loose.json");
        Files.writeString(loose, "{\n  \"primary\": {\"margin\": 5}\n}\n");
        assertEquals(ExitCodes.BAD_INPUT, run(pack.toString(), "--policy", loose.toString()));
        assertTrue(err.toString().contains(loose + ", line 2, column 25: primary.margin must be below 1, the widest "
                + "difference the primary metric accuracy can show, got 5: the gate could never fail"), err.toString());

        Files.writeString(pack.resolve("policy.json"), FAIRNESS_POLICY.replace("{\"fairness\"",
                "{\"circuitBreaker\": {\"margin\": 1}, \"fairness\""));
        assertEquals(ExitCodes.BAD_INPUT, run(pack.toString()));
        assertTrue(err.toString().contains(pack.resolve("policy.json") + ", line 1, column 31: circuitBreaker.margin "
                + "must be below 1"), err.toString());
        CommandLine validate = new CommandLine(new ValidateCommand());
        validate.setOut(new PrintWriter(out));
        validate.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.BAD_INPUT, validate.execute(pack.toString()));

        Files.writeString(loose, "{\"primary\": {\"margin\": 0.99}}");
        assertEquals(ExitCodes.CHECK_FAILED, run(pack.toString(), "--policy", loose.toString()),
                "a margin below the ceiling is taken (the circuit breaker then lacks nothing, fairness is default)");
    }

    /**
     * A rare class r (100 of 500 rows) whose recall falls from 0.90 to 0.50 (40 rows right by production only) is
     * listed below the checklist with its Δ, the Holm-adjusted interval over the 3 classes (98.33% at its step), n and
     * adjusted p, and in the JSON's worseOverall, though no gate judges a class's recall.
     */
    @Test
    void aClassWhoseRecallIsSignificantlyWorseIsListedBesideTheGates() throws IOException {
        Path pack = RareClassPack.write(folder);

        run(pack.toString());
        String text = out.toString();
        int recall = text.indexOf("  ▼ recall of r worse: Δ −0.400 [");
        assertTrue(recall > text.indexOf("Also significantly worse overall (") && recall < text.indexOf("Approval:"),
                text + err);
        assertTrue(text.substring(recall).lines().findFirst().orElseThrow()
                .endsWith("(98.33% Holm-adjusted interval over 3 classes; n=100, adjusted p <0.001)"), text);

        out.getBuffer().setLength(0);
        run(pack.toString(), "--json");
        JsonNode worse = new ObjectMapper().readTree(out.toString()).get("worseOverall");
        JsonNode rare = null;
        for (JsonNode finding : worse) {
            if (finding.get("subject").asText().equals("recall of r")) {
                rare = finding;
            }
        }
        assertTrue(rare != null, worse.toString());
        assertEquals("recall", rare.get("metric").asText());
        assertEquals(100, rare.get("n").asInt());
        assertEquals(-0.4, rare.get("delta").asDouble(), 1e-12);
        assertTrue(rare.get("ciUpper").asDouble() < 0);
        assertTrue(rare.get("adjustedP").asDouble() < 0.001);
    }

    /**
     * Beside r's recall, shown worse, class z (8 rows) falls from 3 of 8 to 0 of 8 and the candidate never predicts it:
     * too few rows to test, so it is no finding of worseOverall, yet the text says it after the worse findings and the
     * JSON gives it as data.
     */
    @Test
    void aClassLostWithoutATestIsSaidBesideTheWorseFindings() throws IOException {
        Path pack = RareClassPack.writeWithLostClass(folder);

        run(pack.toString());
        String text = out.toString();
        int lost = text.indexOf("Lost by the candidate, though no test shows it: class z: recall 3 of 8 → 0 of 8, too "
                + "few to test; the candidate never predicts it (production on 3 rows).");
        assertTrue(lost > text.indexOf("  ▼ recall of r worse: Δ −0.400 [") && lost < text.indexOf("Approval:"),
                text + err);

        out.getBuffer().setLength(0);
        run(pack.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.get("lostClasses").size(), json.get("lostClasses").toString());
        JsonNode z = json.get("lostClasses").get(0);
        assertEquals("z", z.get("class").asText());
        assertEquals(8, z.get("n").asInt());
        assertEquals(3, z.get("productionRecalled").asInt());
        assertEquals(0, z.get("candidateRecalled").asInt());
        assertEquals(3, z.get("productionPredicted").asInt());
        assertEquals(0, z.get("candidatePredicted").asInt());
        assertFalse(z.get("tested").asBoolean());
        assertEquals("too few to test", z.get("notShownBecause").asText());
        for (JsonNode finding : json.get("worseOverall")) {
            assertFalse(finding.get("subject").asText().contains("z"), finding.toString());
        }
    }

    /**
     * On 4 rows no slice can be tested: the JSON says how many slices there are, that none was tested and why, in the
     * words the table prints, so "worseSlices": [] never reads as "no slice is worse".
     */
    @Test
    void theJsonSaysWhichSlicesCouldNotBeTested() throws IOException {
        Path pack = PackFixture.write(folder.resolve("tiny"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);

        run(pack.toString(), "--json");
        JsonNode coverage = new ObjectMapper().readTree(out.toString()).get("sliceCoverage");

        assertEquals(0, coverage.get("tested").asInt(), coverage.toString());
        assertTrue(coverage.get("slices").asInt() > 0, coverage.toString());
        assertEquals(coverage.get("slices").asInt(), coverage.get("untested").size());
        for (JsonNode slice : coverage.get("untested")) {
            assertTrue(slice.get("reason").asText().startsWith("too few examples: " + slice.get("n").asInt()
                    + " rows, under the minimum of 30"), slice.toString());
            assertTrue(slice.get("n").asInt() < 30, slice.toString());
        }
        assertTrue(coverage.get("text").asText().startsWith("No slice could be tested on macro_f1: all "),
                coverage.toString());
        // and the Slices gate, which tested none, says it has no evidence rather than pass
        JsonNode slicesGate = null;
        for (JsonNode gate : new ObjectMapper().readTree(out.toString()).get("gates")) {
            slicesGate = gate.get("gate").asText().equals("slices") ? gate : slicesGate;
        }
        assertEquals("insufficient evidence", slicesGate.get("outcome").asText(), String.valueOf(slicesGate));
        assertTrue(slicesGate.get("summary").asText().contains("With no slice tested"), slicesGate.toString());
    }
}
