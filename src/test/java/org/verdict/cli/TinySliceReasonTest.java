package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binary roc_auc pack with a 4-row language (1 positive, 3 negatives): the slice is both under the comparison's
 * minimum of 30 and one where DeLong's interval is undefined. The first reason, too few examples, is the one said.
 */
class TinySliceReasonTest {
    @TempDir
    Path pack;

    private void write() throws IOException {
        write(1);
    }

    /** 300 rows of "en" and 4 of "tiny", the first {@code tinyPositives} of them positive. */
    private void write(int tinyPositives) throws IOException {
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "tiny-slice", "task": "binary", "riskTier": 2, "positiveLabel": "1"},
                 "models": [
                   {"version": "3", "role": "production", "dataSnapshot": "s1", "codeVersion": "g1",
                    "trainedAt": "2026-09-01T00:00:00Z", "hyperparameters": {}},
                   {"version": "4", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "g2",
                    "trainedAt": "2026-10-01T00:00:00Z", "hyperparameters": {}}],
                 "primaryMetric": "roc_auc",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["language"], "sensitive": []}}}
                """);
        StringBuilder csv = new StringBuilder("example_id,label,language,score_3,score_4\n");
        Random random = new Random(7);
        for (int row = 0; row < 304; row++) {
            boolean tiny = row >= 300;
            int label = tiny ? (row - 300 < tinyPositives ? 1 : 0) : row % 3 == 0 ? 1 : 0;
            csv.append("e").append(row).append(',').append(label).append(',').append(tiny ? "tiny" : "en")
                    .append(',').append(score(random, label)).append(',').append(score(random, label)).append('\n');
        }
        Files.writeString(pack.resolve("primary.csv"), csv);
    }

    private static String score(Random random, int label) {
        return String.format(Locale.ROOT, "%.4f", Math.min(0.999, Math.max(0.001, 0.35 + 0.3 * label
                + 0.25 * random.nextGaussian())));
    }

    @Test
    void compareGivesTooFewExamplesAndNoUnavailableFootnoteForATinySlice() throws IOException {
        write();
        CliRun run = CliRun.verdict("compare", pack.toString());
        assertEquals(0, run.exitCode(), run.err());
        String tinyRow = run.out().lines().filter(l -> l.startsWith("language=tiny")).findFirst().orElseThrow();
        // its values are defined (one positive ranks against every negative), so the row says why they have no
        // interval: roc_auc's own interval would stand under the minimum (Newcombe's), but not on a single positive
        assertTrue(tinyRow.endsWith("too few examples: DeLong's interval needs at least 2 positive and 2 negative"
                + " examples; this slice has 1 and 3, so neither model's roc_auc nor Δ gets one"), tinyRow);
    }

    @Test
    void compareSaysWhyATinySliceHasNoValuesWhenItHasNoPositive() throws IOException {
        write(0);
        CliRun run = CliRun.verdict("compare", pack.toString());
        assertEquals(0, run.exitCode(), run.err());
        String tinyRow = run.out().lines().filter(l -> l.startsWith("language=tiny")).findFirst().orElseThrow();
        // both models' roc_auc are dashes: the row says that the slice holds no positive, not only that it is small
        assertTrue(tinyRow.endsWith("too few examples: only negative examples in this slice (0 positive, 4 negative), "
                + "so roc_auc is undefined"), tinyRow);
    }

    @Test
    void languageParitySaysTooFewExamplesForATinyLanguage() throws IOException {
        write();
        CliRun run = CliRun.verdict("gate", pack.toString(), "--json");
        JsonNode parity = null;
        for (JsonNode gate : new ObjectMapper().readTree(run.out()).get("gates")) {
            if (gate.get("gate").asText().equals("language_parity")) {
                parity = gate;
            }
        }
        JsonNode tiny = null;
        for (JsonNode finding : parity.get("findings")) {
            if (finding.get("subject").asText().equals("language=tiny")) {
                tiny = finding;
            }
        }
        assertEquals("insufficient evidence", tiny.get("outcome").asText());
        // n with the count its metric rests on, as every gate line gives it
        assertEquals("tiny: too few examples (n=4, 1 positive, minimum 30)", tiny.get("detail").asText());
    }

    /**
     * The JSON of the 4-row slice: Δ without any interval or test; accuracy keeps Wilson's intervals, log_loss's
     * bootstrap intervals are null with the reason in {@code unstable}, the shape an unstable slice already has.
     */
    @Test
    void compareJsonWithholdsTheBootstrapIntervalsOfATinySliceAndSaysWhy() throws IOException {
        write();
        CliRun run = CliRun.verdict("compare", pack.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode accuracy = null;
        JsonNode logLoss = null;
        for (JsonNode result : new ObjectMapper().readTree(run.out()).get("results")) {
            if (result.get("values").toString().equals("[\"tiny\"]")) {
                switch (result.get("metric").asText()) {
                    case "accuracy" -> accuracy = result;
                    case "log_loss" -> logLoss = result;
                    default -> { }
                }
            }
        }
        for (JsonNode result : new JsonNode[] {accuracy, logLoss}) {
            assertEquals("too few examples", result.get("verdict").asText());
            for (String field : new String[] {"ci", "unadjustedCi", "pValue", "adjustedP", "test", "method"}) {
                assertTrue(result.get(field).isNull(), field + " of " + result);
            }
            assertTrue(result.get("delta").isNumber(), result.toString());
        }
        assertTrue(accuracy.get("productionCi").isArray() && accuracy.get("candidateCi").isArray(), accuracy.toString());
        assertFalse(accuracy.has("unstable"), accuracy.toString());
        assertTrue(logLoss.get("productionCi").isNull() && logLoss.get("candidateCi").isNull(), logLoss.toString());
        assertFalse(logLoss.has("productionCiFallback"), logLoss.toString());
        assertEquals("4 rows (1 positive), under the minimum of 30, are too few for the bootstrap's studentized or "
                + "percentile interval of either model or a test of Δ", logLoss.get("unstable").asText());
    }
}
