package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language parity on a loss (brier, lower is better): the worse end of Δ's interval is its upper bound. A 40-row
 * language where the candidate moves most scores 0.2 towards the label and every tenth row away from it: Δ is
 * negative (better) with an interval reaching far below −E, and whether parity passes depends only on the upper end.
 * brier's E is a share of production's brier: 5 % of the German slice's 0.1476, ±0.0074.
 */
class LanguageParityDirectionTest {
    @TempDir
    Path pack;

    /** @param away how far the candidate moves every tenth 'de' score away from its label */
    private JsonNode german(double away) throws IOException {
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "brier-parity", "task": "binary", "riskTier": 2, "positiveLabel": "1"},
                 "models": [
                   {"version": "3", "role": "production", "dataSnapshot": "s1", "codeVersion": "g1",
                    "trainedAt": "2026-09-01T00:00:00Z", "hyperparameters": {}},
                   {"version": "4", "role": "candidate", "dataSnapshot": "s2", "codeVersion": "g2",
                    "trainedAt": "2026-10-01T00:00:00Z", "hyperparameters": {}}],
                 "primaryMetric": "brier",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["language"], "sensitive": []}}}
                """);
        StringBuilder csv = new StringBuilder("example_id,label,language,score_3,score_4\n");
        for (int row = 0; row < 340; row++) {
            boolean english = row < 300;
            int label = row % 3 == 0 ? 1 : 0;
            double production = clip(0.35 + 0.3 * label + 0.2 * Math.sin(row * 1.7));
            double candidate = english ? clip(production + 0.03 * Math.sin(row * 2.3))
                    : clip(production + (label == 1 ? 1 : -1) * (row % 10 != 0 ? 0.2 : -away));
            csv.append(String.format(Locale.ROOT, "e%d,%d,%s,%.4f,%.4f%n", row, label, english ? "en" : "de",
                    production, candidate));
        }
        Files.writeString(pack.resolve("primary.csv"), csv);
        CliRun run = CliRun.verdict("gate", pack.toString(), "--json");
        for (JsonNode gate : new ObjectMapper().readTree(run.out()).get("gates")) {
            if (gate.get("gate").asText().equals("language_parity")) {
                for (JsonNode finding : gate.get("findings")) {
                    if (finding.get("subject").asText().equals("language=de")) {
                        return finding;
                    }
                }
            }
        }
        throw new AssertionError(run.out() + run.err());
    }

    @Test
    void aLossMayBeMuchBetterWithoutBlockingWhenItsUpperEndIsWithinE() throws IOException {
        JsonNode de = german(0.47);
        JsonNode numbers = de.get("numbers");
        double tolerance = 0.05 * numbers.get("production").asDouble();
        assertEquals(tolerance, numbers.get("tolerance").asDouble(), 1e-12, de.toString());
        // inconclusive in the comparison (the interval reaches 0 and passes −E on the better side) ...
        assertTrue(numbers.get("ciLower").asDouble() < -tolerance && numbers.get("ciUpper").asDouble() > 0,
                de.toString());
        assertTrue(de.get("detail").asText().contains("inconclusive); worst case +"), de.toString());
        // ... yet a loss beyond E is ruled out: the upper end, the worse one for brier, is within +E
        assertTrue(numbers.get("ciUpper").asDouble() <= tolerance, de.toString());
        assertTrue(de.get("detail").asText().endsWith(" ≤ +0.007 (tolerance E = 5% of production's value)"),
                de.toString());
        assertEquals("pass", de.get("outcome").asText(), de.toString());
    }

    @Test
    void aLossWhoseUpperEndPassesELacksEvidence() throws IOException {
        JsonNode de = german(0.7);
        assertTrue(de.get("numbers").get("ciUpper").asDouble() > 0.05 * de.get("numbers").get("production").asDouble(),
                de.toString());
        assertTrue(de.get("detail").asText().endsWith(" > +0.007 (tolerance E = 5% of production's value)"),
                de.toString());
        assertEquals("insufficient evidence", de.get("outcome").asText(), de.toString());
    }

    private static double clip(double score) {
        return Math.min(0.999, Math.max(0.001, score));
    }
}
