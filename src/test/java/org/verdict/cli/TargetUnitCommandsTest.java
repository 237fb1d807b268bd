package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.PackFixture;

/**
 * A house-price pack that names its unit: the command line writes it beside every number of mae and rmse, in the
 * table, the gate sentences and the JSON; a pack without one prints exactly as before.
 */
class TargetUnitCommandsTest {
    private static final String MANIFEST = """
            {"format": "verdict-pack/1",
             "model": {"name": "houses", "task": "regression", "riskTier": 2, "targetUnit": "USD"},
             "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
             "primaryMetric": "mae",
             "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}}
            """;

    @TempDir
    Path folder;

    /**
     * 120 houses in two regions: production is off by $8,000, $10,000 or $12,000 in turn (mae exactly $10,000), the
     * candidate by $15,000, $17,000 or $13,000 (mae $15,000), so Δ mae is exactly +$5,000.
     */
    private Path pack(String manifest) {
        StringBuilder csv = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        int[] production = {8_000, 10_000, 12_000};
        int[] candidate = {15_000, 17_000, 13_000};
        for (int i = 0; i < 120; i++) {
            int label = 200_000 + 1_000 * i;
            csv.append("h").append(i).append(',').append(label).append(',').append(i % 2 == 0 ? "north" : "south")
                    .append(',').append(label + production[i % 3]).append(',').append(label + candidate[i % 3])
                    .append('\n');
        }
        return PackFixture.write(folder.resolve("houses" + manifest.length()), manifest, csv.toString());
    }

    @Test
    void theTableWritesEveryDollarAmountWithItsSignAndR2Without() {
        CliRun mae = CliRun.verdict("compare", pack(MANIFEST).toString());
        assertEquals(0, mae.exitCode(), mae.err());
        assertTrue(mae.out().startsWith("houses: production 1 vs candidate 2, mae in USD (primary metric)"), mae.out());
        String overall = mae.out().lines().filter(line -> line.startsWith("overall")).findFirst().orElseThrow();
        assertTrue(overall.matches("overall +120 +\\$10,000 \\[\\$[0-9,]+, \\$[0-9,]+] +\\$15,000 \\[\\$[0-9,]+, "
                + "\\$[0-9,]+] +\\+\\$5,000 \\[\\+\\$[0-9,]+, \\+\\$[0-9,]+] .*"), overall);
        CliRun r2 = CliRun.verdict("compare", pack(MANIFEST).toString(), "--metric", "r2");
        assertTrue(r2.out().startsWith("houses: production 1 vs candidate 2, r2 (higher is better)"), r2.out());
        assertFalse(r2.out().contains("$"), r2.out());
    }

    /**
     * A signed record's key metrics carry the unit, judged or stated without one, so an auditor reading the record
     * later knows its mae is in dollars.
     */
    @Test
    void aSignedRecordsMaeCarriesItsUnit() throws Exception {
        Path pack = pack(MANIFEST);
        Path passphrase = BoardKeys.create(folder);
        Path db = folder.resolve("decisions.db");
        String record = """
                {"kind": "promotion", "model": "houses", "decisionDate": "2026-11-20", "decision": "hold",
                 "rationale": "the candidate is $5,000 worse", "dataSnapshot": "2026-10",
                 "candidateVersion": "2", "productionVersion": "1", "riskTier": 2,
                 "evaluationSummary": {"gates": []%s}, "approvers": ["Ada Lovelace"]}
                """;
        Files.writeString(folder.resolve("judged.json"), record.formatted(""));
        // stated as a board member would type it: the numbers, no unit
        Files.writeString(folder.resolve("stated.json"), record.formatted(", \"keyMetrics\": [{\"metric\": \"mae\","
                + " \"production\": 10000, \"candidate\": 15000, \"delta\": 5000}]"));
        for (String file : List.of("judged.json", "stated.json")) {
            CliRun append = CliRun.verdict("log", "append", "--db", db.toString(), "--record",
                    folder.resolve(file).toString(), "--pack", pack.toString(), "--key",
                    folder.resolve("keys").resolve("ada-lovelace.key.json").toString(), "--passphrase-file",
                    passphrase.toString());
            assertEquals(0, append.exitCode(), append.err());
        }

        CliRun list = CliRun.verdict("log", "list", "--db", db.toString(), "--json");
        assertEquals(0, list.exitCode(), list.err());
        for (JsonNode listed : new ObjectMapper().readTree(list.out())) {
            JsonNode mae = listed.get("record").get("evaluationSummary").get("keyMetrics").get(0);
            assertEquals("mae", mae.get("metric").asText());
            assertEquals("USD", mae.get("unit").asText(), mae.toString());
            // production is off by $10,000 on average, the candidate by $15,000 (see pack())
            assertEquals(10_000, mae.get("production").asDouble(), 1e-9);
            assertEquals(5_000, mae.get("delta").asDouble(), 1e-9);
        }
    }

    @Test
    void theJsonNamesTheUnitAtTheTopAndOnEachResultInIt() throws Exception {
        CliRun run = CliRun.verdict("compare", pack(MANIFEST).toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("USD", json.get("targetUnit").asText());
        List<JsonNode> overall = StreamSupport.stream(json.get("results").spliterator(), false)
                .filter(r -> r.get("dimensions").isEmpty()).toList();
        assertEquals(List.of("mae USD", "rmse USD", "mape -", "r2 -"), overall.stream()
                .map(r -> r.get("metric").asText() + " " + (r.has("unit") ? r.get("unit").asText() : "-")).toList());
        assertEquals(10_000, overall.get(0).get("production").asDouble(), 1e-9, "numbers stay plain numbers");

        JsonNode gates = new ObjectMapper().readTree(CliRun.verdict("gate", pack(MANIFEST).toString(), "--json")
                .out());
        assertEquals("USD", gates.get("targetUnit").asText());
        String primary = gates.get("gates").get(0).get("summary").asText();
        assertTrue(primary.contains("candidate $15,000 vs production $10,000, Δ +$5,000"), primary);
        assertTrue(primary.matches(".*worst case \\+\\$[0-9,]+ > \\+\\$100 \\(1% of production's \\$10,000\\).*"),
                primary);
    }

    @Test
    void aPackWithoutAUnitPrintsBareNumbersAndNoUnitKey() throws Exception {
        String bare = MANIFEST.replace(", \"targetUnit\": \"USD\"", "");
        CliRun run = CliRun.verdict("compare", pack(bare).toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertFalse(json.has("targetUnit"), run.out());
        assertFalse(run.out().contains("\"unit\""), run.out());
        assertFalse(CliRun.verdict("compare", pack(bare).toString()).out().contains("$"));
    }
}
