package org.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script can do with {@code compare --json} alone: every verdict of a pack recomputed from its result's fields
 * by the rules docs/compare-json.md and docs/statistics.md ("Verdicts") state, the band of "no significant difference"
 * included. The band expected is worked out here from those rules (E, E² for sq_calibration_error, E or the primary
 * margin times production's value for mae, rmse, mape, log_loss and brier), not read from the code.
 */
class CompareJsonVerdictsTest {
    /** The metrics whose band is a share of production's value (statistics.md, "Verdicts"). */
    private static final Set<String> RELATIVE = Set.of("mae", "rmse", "mape", "log_loss", "brier");

    @TempDir
    Path folder;

    @Test
    void everyVerdictOfTheMulticlassSamplePackFollowsFromItsJson() throws IOException {
        Recomputed checked = recomputeEvery("sample-data/support-router");
        assertTrue(checked.noDifference() > 0 && checked.inconclusive() > 0, checked.toString());
    }

    /** Scores: log_loss and brier (a share of production's value) and sq_calibration_error (E²) among the metrics. */
    @Test
    void everyVerdictOfTheBinarySamplePackFollowsFromItsJson() throws IOException {
        Recomputed checked = recomputeEvery("sample-data/fraud-screen-pass");
        assertTrue(checked.readOtherwiseUnderPlainE() > 0, "no verdict rests on a band other than ±E: "
                + checked);
        // with --effect the primary metric reads ±E too (no primaryBand): every band follows from E alone
        Recomputed effect = recomputeEvery("sample-data/fraud-screen-pass", "--effect", "0.1");
        assertEquals(checked.results(), effect.results());
    }

    /** Order values in dollars with a long tail, stores of 8 to 400 rows: mae, rmse and mape read on a share. */
    @Test
    void everyVerdictOfARegressionPackInDollarsFollowsFromItsJson() throws IOException {
        Path pack = folder.resolve("orders");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("manifest.json"), """
                {"format": "verdict-pack/1",
                 "model": {"name": "orders", "task": "regression", "riskTier": 2, "targetUnit": "USD"},
                 "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                 "primaryMetric": "rmse",
                 "suites": {"primary": {"file": "primary.csv", "slices": ["store"]}}}
                """);
        SplittableRandom random = new SplittableRandom(29);
        int[] sizes = {8, 25, 40, 60, 120, 200, 300, 400, 400, 400};
        StringBuilder csv = new StringBuilder("example_id,label,store,pred_1,pred_2\n");
        int id = 0;
        for (int store = 0; store < sizes.length; store++) {
            for (int i = 0; i < sizes[store]; i++) {
                double value = i % 97 == 5 ? 0 : 20 + random.nextDouble() * 480;
                double production = value + random.nextGaussian() * 60;
                // store s9 carries the same model twice, but for a cent: no difference worth a share of the error
                double candidate = store == 9 ? production + random.nextGaussian() * 0.5
                        : store == 8 ? value + random.nextGaussian() * 75 : value + random.nextGaussian() * 45;
                csv.append(String.format(Locale.ROOT, "o%d,%.2f,s%d,%.2f,%.2f%n", id++, value, store, production,
                        candidate));
            }
        }
        Files.writeString(pack.resolve("primary.csv"), csv);
        Recomputed checked = recomputeEvery(pack.toString());
        assertTrue(checked.readOtherwiseUnderPlainE() > 0, "no verdict rests on a band other than ±E: "
                + checked);
    }

    /** How many verdicts were recomputed, and of which kinds. */
    private record Recomputed(int results, int noDifference, int inconclusive, int readOtherwiseUnderPlainE) {
    }

    /**
     * Runs {@code compare PACK --json} and recomputes every result's verdict (and every per-class recall's) from its
     * fields and the top level's {@code minN}, {@code minDetectableEffect} and {@code primaryBand}.
     */
    private static Recomputed recomputeEvery(String pack, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("compare", pack, "--json"));
        args.addAll(List.of(options));
        CliRun run = CliRun.verdict(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        List<JsonNode> results = new ArrayList<>();
        root.get("results").forEach(results::add);
        if (root.has("perClassRecall")) {
            root.get("perClassRecall").get("results").forEach(results::add);
        }
        int noDifference = 0;
        int inconclusive = 0;
        int readOtherwiseUnderPlainE = 0;
        for (JsonNode result : results) {
            Double band = expectedBand(root, result);
            if (band == null) {
                assertTrue(result.get("band").isNull(), "a band without production's value: " + result);
            } else {
                assertEquals(band, result.get("band").asDouble(), 1e-12 * Math.max(1, band), result.toString());
            }
            String verdict = verdictOf(result, root.get("minN").asInt(), band);
            assertEquals(verdict, result.get("verdict").asText(), result.toString());
            noDifference += verdict.equals("no significant difference") ? 1 : 0;
            inconclusive += verdict.equals("inconclusive") ? 1 : 0;
            // a verdict that an unscaled ±E (the number minDetectableEffect gives) would have read otherwise
            double plainE = root.get("minDetectableEffect").asDouble();
            if (band != null && band != plainE && !result.get("ci").isNull()
                    && !verdict.equals(verdictOf(result, root.get("minN").asInt(), plainE))) {
                readOtherwiseUnderPlainE++;
            }
        }
        return new Recomputed(results.size(), noDifference, inconclusive, readOtherwiseUnderPlainE);
    }

    /**
     * The band by statistics.md, "Verdicts": the primary metric's is the policy's primary margin unless --effect was
     * given (JSON {@code primaryBand}), every other metric's E; a share of production's value for the regression errors
     * and the scoring losses, E² for sq_calibration_error (the primary margin is already in its squared units); null
     * where production has no value to scale.
     */
    private static Double expectedBand(JsonNode root, JsonNode result) {
        String metric = result.get("metric").asText();
        boolean primaryBand = root.has("primaryBand") && result.path("primary").asBoolean(false)
                && root.get("primaryBand").get("metric").asText().equals(metric);
        double effect = primaryBand ? root.get("primaryBand").get("margin").asDouble()
                : root.get("minDetectableEffect").asDouble();
        if (RELATIVE.contains(metric)) {
            return result.get("production").isNull() ? null : effect * Math.abs(result.get("production").asDouble());
        }
        if (result.get("production").isNull()) {
            return null;
        }
        return metric.equals("sq_calibration_error") && !primaryBand ? effect * effect : effect;
    }

    /** docs/statistics.md, "Verdicts", in its order, from the result's fields alone. */
    private static String verdictOf(JsonNode result, int minN, Double band) {
        int n = result.get("n").asInt();
        boolean unavailable = result.has("unavailable");
        if (n == 0 && unavailable) {
            return "unavailable";
        }
        long restsOn = n - result.path("counts").path("labelZeroLeftOut").asLong(0);
        if (restsOn < minN) {
            return "too few examples";
        }
        if (unavailable) {
            return "unavailable";
        }
        JsonNode ci = result.get("ci");
        if (ci.isNull()) {
            return "inconclusive";
        }
        double lower = ci.get(0).asDouble();
        double upper = ci.get(1).asDouble();
        if (lower > 0 || upper < 0) {
            JsonNode higherIsBetter = result.get("higherIsBetter");
            if (higherIsBetter.isNull()) {
                return "significantly different";
            }
            return higherIsBetter.asBoolean() == lower > 0 ? "better" : "worse";
        }
        return lower < -band || upper > band ? "inconclusive" : "no significant difference";
    }
}
