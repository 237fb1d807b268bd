package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;

import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.AgreementBound;
import org.verdict.core.stats.HashedBlocks;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.SeparatedAucDifference;
import org.verdict.core.stats.SeparationBound;
import org.verdict.core.task.Progress;

/**
 * A row pack and its summary pack give the same verdict on every slice for every metric but the ranked ones (roc_auc
 * and pr_auc, which a summary pack computes from binned scores): count metrics from the same cells, and the means
 * resampled over the same hashed blocks with the same random streams, so their intervals agree up to the order of
 * summation — on slices of every size, from 3 rows to thousands.
 */
class RowAndSummaryVerdictsTest {
    /** Countries from a few rows to a few hundred, as a real pack's long tail of small slices. */
    private static final int COUNTRIES = 40;
    private static final String[] CHANNELS = {"web", "app", "phone"};
    private static final String[] GENDERS = {"female", "male", "undisclosed"};

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = Task.class, names = {"BINARY", "REGRESSION"})
    void everySliceAndMetricGetsTheSameVerdictFromRowsAndFromTheirSummary(Task task) throws Exception {
        BothWays both = compareBothWays(writePack(folder.resolve("rows"), task, 2026),
                ComparisonOptions.DEFAULTS.withCrosses(List.of(List.of("country", "channel"))));
        ComparisonReport fromRows = both.fromRows();
        Map<String, SliceResult> bySummary = both.bySummary();
        assertEquals(fromRows.results().size(), bySummary.size(), "the same slices and metrics");
        List<Metric> means = task == Task.BINARY
                ? List.of(Metric.LOG_LOSS, Metric.BRIER, Metric.SQ_CALIBRATION_ERROR)
                : List.of(Metric.MAE, Metric.RMSE, Metric.MAPE, Metric.R2);
        List<String> differences = new ArrayList<>();
        int meansCompared = 0;
        int meansTestedOnSmallSlices = 0;
        // binary slices of 30 rows or more with under 5 positives: the rule that withholds their intervals, said alike
        int meansWithARareClass = 0;
        for (SliceResult row : fromRows.results()) {
            SliceResult sum = bySummary.get(key(row));
            assertEquals(row.n(), sum.n(), key(row));
            if (row.metric() == Metric.ROC_AUC || row.metric() == Metric.PR_AUC) {
                // ranked from 0.001-logit bins in a summary pack (another method, named in its test): see
                // SummaryAgreement for their tolerances
                continue;
            }
            if (row.verdict() != sum.verdict()) {
                differences.add(key(row) + ": " + row.verdict() + " from rows, " + sum.verdict() + " from the summary");
            }
            if (!means.contains(row.metric())) {
                continue;
            }
            meansCompared++;
            meansTestedOnSmallSlices += row.n() <= 300 && row.pValue() != null ? 1 : 0;
            meansWithARareClass += row.unstableReason() != null
                    && row.unstableReason().contains(" here, fewer than 5: ") ? 1 : 0;
            if (!java.util.Objects.equals(row.test(), sum.test())
                    || !java.util.Objects.equals(row.unavailableReason(), sum.unavailableReason())
                    || !java.util.Objects.equals(row.unstableReason(), sum.unstableReason())
                    || !close(row.delta(), sum.delta()) || !close(row.deltaCi(), sum.deltaCi())
                    || !close(row.unadjustedCi(), sum.unadjustedCi()) || !close(row.pValue(), sum.pValue())
                    || !close(row.adjustedP(), sum.adjustedP()) || !close(row.production(), sum.production())
                    || !close(row.candidate(), sum.candidate())) {
                differences.add(key(row) + ": rows " + row + "\n   summary " + sum);
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " differ:\n" + String.join("\n", differences));
        assertTrue(meansCompared > 300, "compared " + meansCompared + " mean-type results");
        assertTrue(meansTestedOnSmallSlices > 50, meansTestedOnSmallSlices + " tested on slices of at most 300 rows");
        assertTrue(task != Task.BINARY || meansWithARareClass > 0, meansWithARareClass + " with a rare class");
    }

    /**
     * Ranked metrics on slices of a few positives that both models separate perfectly: every resample of the rows
     * gives the same Δ, and the summary's binned influence variances are 0 up to rounding, so neither path may test Δ
     * or give a model an interval of no width. Every slice's verdict, and whether Δ and each model have an interval,
     * agree between the rows and their summary, for every metric; so does how many slices each metric tests.
     */
    @Test
    void perfectlySeparatedSlicesOfFewPositivesGetTheSameVerdictFromRowsAndFromTheirSummary() throws Exception {
        BothWays both = compareBothWays(writeSeparatedPack(folder.resolve("rows")), ComparisonOptions.DEFAULTS);
        ComparisonReport fromRows = both.fromRows();
        ComparisonReport fromSummary = both.fromSummary();
        Map<String, SliceResult> bySummary = both.bySummary();
        List<String> differences = new ArrayList<>();
        int separatedPrAuc = 0;
        for (SliceResult row : fromRows.results()) {
            SliceResult sum = bySummary.get(key(row));
            if (row.verdict() != sum.verdict() || (row.deltaCi() == null) != (sum.deltaCi() == null)
                    || hasInterval(row.production()) != hasInterval(sum.production())
                    || hasInterval(row.candidate()) != hasInterval(sum.candidate())) {
                differences.add(key(row) + ": rows " + row + "\n   summary " + sum);
            }
            if (row.metric() == Metric.ROC_AUC && row.slice().label().contains("separated")) {
                // both models order every pair alike there, yet not every example: the rows' separation bound, not
                // the bound for two models that rank alike
                assertEquals(row.test(), sum.test(), key(row));
                assertTrue(close(row.deltaCi(), sum.deltaCi()), key(row) + ": rows " + row.deltaCi() + ", summary "
                        + sum.deltaCi());
            }
            if (row.metric() == Metric.PR_AUC && row.slice().label().contains("separated")) {
                separatedPrAuc++;
                assertEquals(1.0, sum.production().value(), key(row));
                assertTrue(sum.deltaCi() == null && !hasInterval(sum.production())
                        && !hasInterval(sum.candidate()), "no interval of no width: " + sum);
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " differ:\n" + String.join("\n", differences));
        assertEquals(4, separatedPrAuc);
        for (Metric metric : List.of(Metric.ROC_AUC, Metric.PR_AUC)) {
            assertEquals(tested(fromRows, metric), tested(fromSummary, metric), metric.wireName() + " slices tested");
        }
    }

    /**
     * A candidate that is production again (the same scores) is no change within a bound, from its summary as from its
     * rows: roc_auc's Δ = 0 with DeLong's variance 0 is not left without an interval (inconclusive) but takes the
     * agreement bound ±(1 − α^(1/m)), m the smaller class (docs/statistics.md), with the rows' test, interval and verdict
     * on every slice.
     */
    @Test
    void aCandidateIdenticalToProductionTakesTheRowsRocAucBoundFromItsSummary() throws Exception {
        Path rowPack = writePack(folder.resolve("rows"), Task.BINARY, 2026);
        List<String> lines = Files.readAllLines(rowPack.resolve("primary.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int production = header.indexOf("score_1");
        int candidate = header.indexOf("score_2");
        StringBuilder same = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            fields[candidate] = fields[production];
            same.append(String.join(",", fields)).append('\n');
        }
        Files.writeString(rowPack.resolve("primary.csv"), same);

        BothWays both = compareBothWays(rowPack, ComparisonOptions.DEFAULTS);
        int bounded = 0;
        for (SliceResult row : both.fromRows().results()) {
            if (row.metric() != Metric.ROC_AUC) {
                continue;
            }
            SliceResult sum = both.bySummary().get(key(row));
            assertEquals(row.verdict(), sum.verdict(), key(row));
            if (SeparatedAucDifference.TEST.equals(sum.test())) {
                // where both models separate the classes, the sums cannot tell the same ranking within a class from
                // another: the wider separation bound, which holds either way
                assertTrue(SeparationBound.separates(row.production().value()), key(row) + ": " + row);
                assertTrue(row.deltaCi().lower() >= sum.deltaCi().lower()
                        && row.deltaCi().upper() <= sum.deltaCi().upper(), key(row) + ": rows " + row.deltaCi()
                        + " within the summary's " + sum.deltaCi());
                continue;
            }
            assertEquals(row.test(), sum.test(), key(row));
            assertTrue(close(row.deltaCi(), sum.deltaCi()), key(row) + ": rows " + row.deltaCi() + ", summary "
                    + sum.deltaCi());
            if (AgreementBound.SAME_RANKING_TEST.equals(sum.test())) {
                bounded++;
                assertEquals(0.0, sum.delta(), 1e-12, key(row));
                assertTrue(sum.deltaCi().lower() < 0 && sum.deltaCi().upper() > 0, "no zero-width interval: " + sum);
            }
            if (row.slice().isOverall()) {
                long m = Math.min(sum.counts().positives(), sum.counts().negatives());
                double halfWidth = 1 - Math.pow(0.05, 1.0 / m);
                assertEquals(halfWidth, sum.deltaCi().upper(), 1e-12, "overall, m = " + m);
                assertEquals(-halfWidth, sum.deltaCi().lower(), 1e-12, "overall, m = " + m);
                assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, sum.verdict(), "±" + halfWidth + " within ±0.01");
            }
        }
        assertTrue(bounded > 20, bounded + " slices bounded");
    }

    /** A pack's comparison from its rows and from the summary DuckDB makes of them, the latter by slice and metric. */
    private record BothWays(ComparisonReport fromRows, ComparisonReport fromSummary,
                            Map<String, SliceResult> bySummary) {
    }

    private BothWays compareBothWays(Path rowPack, ComparisonOptions options) throws Exception {
        ReviewPack rows = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("512MB", 1).summarize(rowPack.resolve("primary.csv").toString(), null,
                rows.manifest(), true, true, options.seed(), summaryPack, Progress.NONE);
        SummaryPack summary = new SummaryPackReader().read(summaryPack, Progress.NONE);
        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(rows, null, options, Progress.NONE);
        ComparisonReport fromSummary = new SummaryComparison(engine).compare(summary, null, options, Progress.NONE);
        return new BothWays(fromRows, fromSummary, fromSummary.results().stream()
                .collect(Collectors.toMap(RowAndSummaryVerdictsTest::key, Function.identity())));
    }

    private static boolean hasInterval(MetricEstimate estimate) {
        return estimate != null && estimate.ci() != null;
    }

    private static long tested(ComparisonReport report, Metric metric) {
        return report.results().stream().filter(r -> r.metric() == metric && r.pValue() != null).count();
    }

    /**
     * Eight merchants of 250–400 rows with 5–8 positives each: in four ("separated-…") both models score every
     * positive above every negative; in the others the scores overlap.
     */
    private static Path writeSeparatedPack(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "fraud", "task": "binary", "riskTier": 2, "positiveLabel": "fraud"},
                  "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                  "primaryMetric": "pr_auc",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["merchant"]}}
                }
                """);
        SplittableRandom random = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder("example_id,label,merchant,score_1,score_2\n");
        int id = 0;
        for (int merchant = 0; merchant < 8; merchant++) {
            boolean separated = merchant % 2 == 0;
            int rows = 250 + 20 * merchant;
            int positives = 5 + merchant % 4;
            for (int i = 0; i < rows; i++) {
                boolean fraud = i < positives;
                // separated: positives in [0.6, 1), negatives in [0, 0.5) (candidate: [0.7, 1) and [0, 0.4))
                double production = separated ? (fraud ? 0.6 + 0.4 * random.nextDouble() : 0.5 * random.nextDouble())
                        : logistic((fraud ? 1 : -1) + random.nextGaussian());
                double candidate = separated ? (fraud ? 0.7 + 0.3 * random.nextDouble() : 0.4 * random.nextDouble())
                        : logistic((fraud ? 1.2 : -1) + random.nextGaussian());
                csv.append("e").append(id++).append(',').append(fraud ? "fraud" : "ok").append(',')
                        .append(separated ? "separated-" : "mixed-").append(merchant).append(',')
                        .append(format(production)).append(',').append(format(candidate)).append('\n');
            }
        }
        Files.writeString(folder.resolve("primary.csv"), csv);
        return folder;
    }

    /**
     * The summary names its blocks' hash: one made now says its intervals are the rows'; one made before the manifest
     * named it (no blockHash) says they agree only within the bootstrap's noise; an unknown hash is refused.
     */
    @Test
    void theSummarySaysWhetherItsBlocksAreTheRowEnginesBlocks() throws Exception {
        Path rowPack = writePack(folder.resolve("rows"), Task.REGRESSION, 7);
        Path summaryPack = folder.resolve("summary");
        new DuckDbSummarizer("512MB", 1).summarize(rowPack.resolve("primary.csv").toString(), null,
                new PackLoader().load(rowPack, Progress.NONE).manifest(), true, true, 5L, summaryPack, Progress.NONE);
        assertTrue(methods(summaryPack).contains("mae, rmse, mape and r2 from 300 blocks dealt by a hash of the"
                + " example id (seed 5): the blocks the row engine deals the same rows into, so intervals and verdicts"
                + " are the rows' own when they are compared with seed 5"), methods(summaryPack));

        Path manifest = summaryPack.resolve("manifest.json");
        String made = Files.readString(manifest);
        assertTrue(made.contains("\"blockHash\" : \"md5\""), made);
        Files.writeString(manifest, made.replace("\"blockHash\" : \"md5\",", "").replace(",\n    \"blockHash\" : \"md5\"", ""));
        assertTrue(methods(summaryPack).contains("(seed 5): each engine's own hash (a pack made before Verdict named"
                + " it), so intervals agree with the rows' within the bootstrap's noise, not exactly"),
                methods(summaryPack));

        Files.writeString(manifest, made.replace("\"blockHash\" : \"md5\"", "\"blockHash\" : \"xxhash64\""));
        org.verdict.core.pack.PackException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.verdict.core.pack.PackException.class,
                () -> new SummaryPackReader().read(summaryPack, Progress.NONE));
        assertTrue(refused.getMessage().startsWith("manifest.json, line "), refused.getMessage());
        assertEquals("summary.blockHash must be \"md5\" (the first 15 hex digits of MD5(example_id:seed) modulo "
                + "blockCount), not the string \"xxhash64\"", refused.problem());
    }

    private static String methods(Path summaryPack) throws Exception {
        return String.join("; ", SummaryMethods.methods(new SummaryPackReader().read(summaryPack, Progress.NONE)
                .primary()));
    }

    /** The summary SQL's block, run by DuckDB, is the row engine's block for every id. */
    @Test
    void duckDbDealsEveryExampleIntoTheRowEnginesBlock() throws Exception {
        String sql = "SELECT id, " + SqlDialect.DUCKDB.block("id", 20261122L, 300)
                + " AS block FROM (SELECT 'ex-' || i AS id FROM range(5000) t(i) UNION ALL SELECT 'ünïcode-id')";
        int checked = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                assertEquals(HashedBlocks.blockOf(result.getString(1), 20261122L, 300), result.getInt(2),
                        result.getString(1));
                checked++;
            }
        }
        assertEquals(5001, checked);
    }

    private static boolean close(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean close(Interval a, Interval b) {
        if (a == null || b == null) {
            return a == b;
        }
        return close(a.lower(), b.lower()) && close(a.upper(), b.upper());
    }

    private static boolean close(MetricEstimate a, MetricEstimate b) {
        if (a == null || b == null) {
            return a == b;
        }
        return close(a.value(), b.value()) && close(a.ci(), b.ci());
    }

    private static String key(SliceResult result) {
        return result.slice().label() + " / " + result.metric().wireName();
    }

    /**
     * Country k has about 400·0.88^k rows (400 down to 4); 5 % positives (binary), dollar targets with a long right
     * tail (regression); the candidate is slightly better overall and worse in a few countries.
     */
    private static Path writePack(Path folder, Task task, long seed) throws IOException {
        Files.createDirectories(folder);
        String model = task == Task.BINARY
                ? "{\"name\": \"churn\", \"task\": \"binary\", \"riskTier\": 2, \"positiveLabel\": \"churn\"}"
                : "{\"name\": \"refund\", \"task\": \"regression\", \"riskTier\": 2}";
        Files.writeString(folder.resolve("manifest.json"), """
                {
                  "format": "verdict-pack/1",
                  "model": %s,
                  "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                  "primaryMetric": "%s",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["country", "channel"], "sensitive": ["gender"]}}
                }
                """.formatted(model, task == Task.BINARY ? "log_loss" : "mae"));
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("example_id,label,country,channel,gender,")
                .append(task == Task.BINARY ? "score_1,score_2" : "pred_1,pred_2").append('\n');
        int id = 0;
        for (int country = 0; country < COUNTRIES; country++) {
            int rows = (int) Math.max(4, Math.round(400 * Math.pow(0.88, country)));
            double shift = country % 7 == 3 ? -0.5 : 0.15;
            for (int i = 0; i < rows; i++) {
                csv.append("u").append(Long.toHexString(random.nextLong() >>> 16)).append('-').append(id++)
                        .append(',');
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                String gender = GENDERS[random.nextInt(GENDERS.length)];
                if (task == Task.BINARY) {
                    boolean churn = random.nextDouble() < 0.05;
                    double signal = churn ? 1.2 : -1.2;
                    double production = logistic(-2 + signal + random.nextGaussian());
                    double candidate = logistic(-2 + signal * (1 + shift) + random.nextGaussian());
                    csv.append(churn ? "churn" : "stay").append(',').append("c").append(country).append(',')
                            .append(channel).append(',').append(gender).append(',')
                            .append(format(production)).append(',').append(format(candidate));
                } else {
                    double label = Math.round(Math.exp(3 + 1.2 * random.nextGaussian()) * 100) / 100.0;
                    double production = label + label * 0.3 * random.nextGaussian();
                    double candidate = label + label * 0.3 * (1 - shift) * random.nextGaussian();
                    csv.append(format(label)).append(',').append("c").append(country).append(',').append(channel)
                            .append(',').append(gender).append(',').append(format(production)).append(',')
                            .append(format(candidate));
                }
                csv.append('\n');
            }
        }
        Files.writeString(folder.resolve("primary.csv"), csv);
        return folder;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
