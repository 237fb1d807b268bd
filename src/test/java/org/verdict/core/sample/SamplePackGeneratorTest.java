package org.verdict.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

class SamplePackGeneratorTest {
    private static final Path COMMITTED = Path.of("sample-data");

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateOnce() throws IOException {
        SamplePackGenerator.generate(generated);
    }

    @Test
    void regeneratingWritesTheSameBytes(@TempDir Path again) throws IOException {
        SamplePackGenerator.generate(again);
        assertSameFiles(generated, again);
    }

    @Test
    void committedSampleDataIsWhatTheGeneratorWrites() throws IOException {
        for (String pack : List.of("support-router", "fraud-screen-pass")) {
            assertSameFiles(generated.resolve(pack), COMMITTED.resolve(pack));
        }
    }

    @Test
    void bothPacksLoadWithEverySuiteAndTheirLineage() throws PackException {
        ReviewPack hero = new PackLoader().load(generated.resolve("support-router"), Progress.NONE);
        assertEquals(Task.MULTICLASS, hero.manifest().model().task());
        assertEquals(3, hero.manifest().model().riskTier());
        assertEquals("42", hero.manifest().production().version());
        assertEquals("43", hero.manifest().candidates().get(0).version());
        assertEquals(256, ((Number) hero.manifest().candidates().get(0).hyperparameters().get("max_seq_len")).intValue());
        assertEquals(List.of("abuse", "account", "billing", "sales", "technical"), hero.primary().classes());
        assertEquals(24_000, hero.primary().rowCount());
        assertEquals(List.of("primary", "holdout", "safety", "latency", "canary", "holdoutGroup", "humanBaseline",
                "metricHistory", "feedback", "annotations", "trainingIds", "drift", "monitoring"),
                List.copyOf(hero.manifest().suites().keySet()));

        ReviewPack passing = new PackLoader().load(generated.resolve("fraud-screen-pass"), Progress.NONE);
        assertEquals("fraud", passing.manifest().model().positiveLabel());
        assertEquals(0.45, passing.manifest().candidates().get(0).threshold());
        assertTrue(passing.primary().predictionsOf("18").hasScores());
        assertEquals(hero.manifest().suites().keySet(), passing.manifest().suites().keySet());
    }

    @Test
    void compareViewShowsTheHeroStory() throws PackException {
        ReviewPack hero = new PackLoader().load(generated.resolve("support-router"), Progress.NONE);
        List<SliceResult> macroF1 = new ComparisonEngine()
                .compare(hero, null, ComparisonOptions.DEFAULTS, Progress.NONE).resultsFor(Metric.MACRO_F1);

        assertEquals(Verdict.BETTER, verdictOf(macroF1, List.of(), List.of()));
        assertEquals(Verdict.WORSE, verdictOf(macroF1, List.of("language"), List.of("ja")));
        assertEquals(Verdict.WORSE, verdictOf(macroF1, List.of("segment"), List.of("enterprise")));
        assertTrue(Set.of(Verdict.NO_SIGNIFICANT_DIFFERENCE, Verdict.INCONCLUSIVE)
                .contains(verdictOf(macroF1, List.of("language"), List.of("pt"))));
    }

    private static Verdict verdictOf(List<SliceResult> results, List<String> dimensions, List<String> values) {
        return results.stream().filter(r -> r.slice().equals(new SliceKey(dimensions, values)))
                .findFirst().orElseThrow().verdict();
    }

    @Test
    void heroPackIsLargeAndSpeaksEveryLanguage() throws IOException {
        List<NamedCsvRecord> rows = primaryRows();
        assertTrue(rows.size() >= 20_000, "rows: " + rows.size());
        assertTrue(slice(rows, "language").keySet().containsAll(List.of("en", "de", "fr", "es", "ja", "pt")));
        assertTrue(slice(rows, "segment").keySet().containsAll(List.of("enterprise", "smb", "consumer")));
    }

    @Test
    void candidateIsBetterOverallButWorseInJapaneseAndForEnterprise() throws IOException {
        List<NamedCsvRecord> rows = primaryRows();
        assertTrue(delta(rows) > 0.015, "overall macro F1 delta " + delta(rows));
        assertTrue(delta(slice(rows, "language").get("ja")) < -0.05, "ja delta");
        assertTrue(delta(slice(rows, "segment").get("enterprise")) < -0.04, "enterprise delta");
        for (String language : List.of("en", "de", "fr", "es", "it")) {
            assertTrue(delta(slice(rows, "language").get(language)) > 0.015, language + " delta");
        }
    }

    @Test
    void smallPortugueseSliceCannotTellTheModelsApart() throws IOException {
        List<NamedCsvRecord> portuguese = slice(primaryRows(), "language").get("pt");
        assertTrue(portuguese.size() >= 150 && portuguese.size() <= 300, "pt rows: " + portuguese.size());
        // One paired standard error of the accuracy delta is sqrt(discordant) / n; stay well within two.
        long candidateOnly = portuguese.stream().filter(r -> right(r, "43") && !right(r, "42")).count();
        long productionOnly = portuguese.stream().filter(r -> right(r, "42") && !right(r, "43")).count();
        double standardError = Math.sqrt(candidateOnly + productionOnly) / portuguese.size();
        double accuracyDelta = (double) (candidateOnly - productionOnly) / portuguese.size();
        assertTrue(Math.abs(accuracyDelta) < standardError, "pt accuracy delta " + accuracyDelta + " se " + standardError);
    }

    @Test
    void passingPackCandidateRanksFraudHigherInEverySlice() throws IOException {
        List<NamedCsvRecord> rows = rows("fraud-screen-pass/primary.csv");
        assertTrue(rocAuc(rows, "18") > rocAuc(rows, "17") + 0.01, "overall");
        for (String column : List.of("channel", "language", "age_band")) {
            slice(rows, column).forEach((level, sliceRows) ->
                    assertTrue(rocAuc(sliceRows, "18") > rocAuc(sliceRows, "17"), column + "=" + level));
        }
    }

    @Test
    void passingPackPredictionsFollowScoreAndThreshold() throws IOException {
        // thresholds from the manifest: production 17 at 0.5, candidate 18 at 0.45
        for (NamedCsvRecord row : rows("fraud-screen-pass/primary.csv")) {
            assertEquals(Double.parseDouble(row.getField("score_17")) >= 0.5 ? "fraud" : "legit", row.getField("pred_17"));
            assertEquals(Double.parseDouble(row.getField("score_18")) >= 0.45 ? "fraud" : "legit", row.getField("pred_18"));
        }
    }

    @Test
    void rocAucOfAHandCountedTableMatchesTheTestsOwnCounting() {
        // positives score 0.9 and 0.4, negatives 0.4 and 0.1: of the four pairs, three are ordered right and
        // one is tied (counts half), so AUC = 3.5 / 4.
        List<NamedCsvRecord> rows = parse("""
                label,score_1
                fraud,0.9
                fraud,0.4
                legit,0.4
                legit,0.1
                """);
        assertEquals(3.5 / 4, rocAuc(rows, "1"), 1e-12);
    }

    @Test
    void macroF1OfAHandCountedTableMatchesTheTestsOwnCounting() {
        // labels a a b b c, predictions a b b b a: F1(a) = 2*1/(2+1+1) = 0.5, F1(b) = 2*2/(4+1+0) = 0.8,
        // F1(c) = 0 (one false negative): macro F1 = 1.3 / 3.
        assertEquals(1.3 / 3, macroF1(List.of("a", "a", "b", "b", "c"), List.of("a", "b", "b", "b", "a")), 1e-12);
    }

    private static List<NamedCsvRecord> primaryRows() throws IOException {
        return rows("support-router/primary.csv");
    }

    private static List<NamedCsvRecord> rows(String file) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(generated.resolve(file))) {
            return reader.stream().toList();
        }
    }

    private static List<NamedCsvRecord> parse(String csv) {
        return CsvReader.builder().ofNamedCsvRecord(csv).stream().toList();
    }

    /** Share of (fraud, legit) pairs in which the fraud scores higher, ties half: counted over every pair. */
    private static double rocAuc(List<NamedCsvRecord> rows, String version) {
        double[] fraud = scores(rows, version, true);
        double[] legit = scores(rows, version, false);
        double ordered = 0;
        for (double positive : fraud) {
            for (double negative : legit) {
                ordered += positive > negative ? 1 : positive == negative ? 0.5 : 0;
            }
        }
        return ordered / fraud.length / legit.length;
    }

    private static double[] scores(List<NamedCsvRecord> rows, String version, boolean fraud) {
        return rows.stream().filter(r -> r.getField("label").equals("fraud") == fraud)
                .mapToDouble(r -> Double.parseDouble(r.getField("score_" + version))).toArray();
    }

    private static Map<String, List<NamedCsvRecord>> slice(List<NamedCsvRecord> rows, String column) {
        Map<String, List<NamedCsvRecord>> slices = new TreeMap<>();
        rows.forEach(r -> slices.computeIfAbsent(r.getField(column), k -> new ArrayList<>()).add(r));
        return slices;
    }

    private static boolean right(NamedCsvRecord row, String version) {
        return row.getField("pred_" + version).equals(row.getField("label"));
    }

    /** Macro F1 of candidate 43 minus production 42. */
    private static double delta(List<NamedCsvRecord> rows) {
        List<String> labels = rows.stream().map(r -> r.getField("label")).toList();
        return macroF1(labels, rows.stream().map(r -> r.getField("pred_43")).toList())
                - macroF1(labels, rows.stream().map(r -> r.getField("pred_42")).toList());
    }

    /** Mean over classes seen in labels or predictions of 2TP / (2TP + FP + FN), counted here by hand. */
    private static double macroF1(List<String> labels, List<String> predictions) {
        Map<String, int[]> counts = new TreeMap<>(); // class -> {tp, fp, fn}
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String predicted = predictions.get(i);
            if (label.equals(predicted)) {
                counts.computeIfAbsent(label, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
                counts.computeIfAbsent(label, k -> new int[3])[2]++;
            }
        }
        return counts.values().stream().mapToDouble(c -> 2.0 * c[0] / (2 * c[0] + c[1] + c[2])).average().orElseThrow();
    }

    private static void assertSameFiles(Path expectedRoot, Path actualRoot) throws IOException {
        List<Path> expected = relativeFiles(expectedRoot);
        assertEquals(expected, relativeFiles(actualRoot), "files under " + actualRoot);
        for (Path file : expected) {
            assertArrayEquals(Files.readAllBytes(expectedRoot.resolve(file)), Files.readAllBytes(actualRoot.resolve(file)),
                    "bytes of " + file);
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
