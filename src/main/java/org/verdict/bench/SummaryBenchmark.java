package org.verdict.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.summary.DuckDbSummarizer;
import org.verdict.core.summary.RowManifest;
import org.verdict.core.summary.SummaryComparison;
import org.verdict.core.summary.SummaryPack;
import org.verdict.core.summary.SummaryPackReader;
import org.verdict.core.task.Progress;

/**
 * The summary-pack benchmark (docs/benchmarks.md), one step per process so each step's peak memory can be measured
 * with {@code /usr/bin/time -v}:
 * <pre>
 * java -cp target/verdict.jar org.verdict.bench.SummaryBenchmark generate DIR ROWS   # DuckDB writes DIR/evals.parquet
 * java -cp target/verdict.jar org.verdict.bench.SummaryBenchmark summarize DIR        # → DIR/summary (DuckDB)
 * java -cp target/verdict.jar org.verdict.bench.SummaryBenchmark review DIR [RUNS]    # open + compare the summary
 * java -cp target/verdict.jar org.verdict.bench.SummaryBenchmark agree DIR ROWS       # rows vs summary on a subset
 * </pre>
 * The evaluation set is a binary fraud screen with scores: 50 slices of skewed sizes (about 0.04 % to 7.8 % of the
 * rows), a sensitive attribute, 4 % positives; the candidate is worse in slice s07 and better in s03. Every value is
 * a hash of the row number, so the same ROWS give the same file.
 */
public final class SummaryBenchmark {
    static final String MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "fraud-screen-bench", "task": "binary", "riskTier": 2, "positiveLabel": "fraud"},
              "models": [
                {"version": "1", "role": "production"},
                {"version": "2", "role": "candidate", "threshold": 0.3}
              ],
              "primaryMetric": "recall",
              "suites": {"primary": {"file": "primary.csv", "slices": ["slice"], "sensitive": ["gender"]}}
            }
            """;

    private SummaryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SummaryBenchmark generate|summarize|review|agree DIR [ROWS]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        long start = System.nanoTime();
        switch (args[0]) {
            case "generate" -> generate(dir, Long.parseLong(args[2]));
            case "summarize" -> summarize(dir.resolve("evals.parquet"), dir.resolve("summary"));
            case "review" -> review(dir.resolve("summary"), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            case "agree" -> agree(dir, Long.parseLong(args[2]));
            default -> {
                System.err.println("unknown step " + args[0]);
                System.exit(2);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %.2f s wall%n", args[0], (System.nanoTime() - start) / 1e9);
    }

    /** The rows as DuckDB SQL over range(n): every value a hash of the row number, so no file is read. */
    static String rowsQuery(long rows) {
        String u = "((hash(i, %d) %% 1000000) + 0.5) / 1000000.0";
        String z1 = "sqrt(-2 * ln(" + u.formatted(4) + ")) * cos(2 * pi() * " + u.formatted(5) + ")";
        String z2 = "sqrt(-2 * ln(" + u.formatted(6) + ")) * cos(2 * pi() * " + u.formatted(7) + ")";
        return """
                SELECT 'ex-' || i AS example_id,
                       CASE WHEN fraud THEN 'fraud' ELSE 'ok' END AS label,
                       's' || lpad(CAST(slice_id AS VARCHAR), 2, '0') AS slice,
                       ['female', 'male', 'undisclosed'][1 + CAST(hash(i, 3) %% 3 AS INTEGER)] AS gender,
                       round(1 / (1 + exp(-((CASE WHEN fraud THEN 1.6 ELSE -1.6 END) + 1.3 * z1 - 1.5))), 4) AS score_1,
                       round(1 / (1 + exp(-((CASE WHEN fraud THEN 1.6 + shift ELSE -1.6 - shift END) + 1.3 * z2 - 1.5))), 4)
                           AS score_2
                FROM (SELECT i, fraud, slice_id, z1, z2,
                             CASE slice_id WHEN 7 THEN -0.6 WHEN 3 THEN 0.4 ELSE 0.1 END AS shift
                      FROM (SELECT i, %s < 0.04 AS fraud,
                                   CAST(floor(50 * pow(%s, 1.6)) AS INTEGER) AS slice_id,
                                   %s AS z1, %s AS z2
                            FROM range(%d) t(i)))
                """.formatted(u.formatted(1), u.formatted(2), z1, z2, rows);
    }

    private static void generate(Path dir, long rows) throws IOException, SQLException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '2GB'");
            statement.execute("SET preserve_insertion_order = false");
            statement.execute("COPY (" + rowsQuery(rows) + ") TO '" + dir.resolve("evals.parquet")
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 1000000)");
        }
        System.out.printf(Locale.ROOT, "wrote %,d rows, %,d bytes%n", rows, Files.size(dir.resolve("evals.parquet")));
    }

    private static void summarize(Path parquet, Path out) throws IOException, PackException {
        PackManifest manifest = RowManifest.read(parquet.resolveSibling("manifest.json"));
        new DuckDbSummarizer("2GB", Runtime.getRuntime().availableProcessors()).summarize(parquet.toString(), null,
                manifest, true, true, ComparisonOptions.DEFAULTS.seed(), out, Progress.NONE);
    }

    /**
     * Opens and compares the summary pack {@code runs} times in this JVM: the first run is what a fresh process
     * pays (classes loaded, code interpreted), the later ones what the app pays for the next pack it opens.
     */
    private static void review(Path summaryPack, int runs) throws PackException {
        double[] totals = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            SummaryPack pack = new SummaryPackReader().read(summaryPack, Progress.NONE);
            long loaded = System.nanoTime();
            ComparisonReport report = new SummaryComparison(new ComparisonEngine()).compare(pack, null,
                    ComparisonOptions.DEFAULTS, Progress.NONE);
            long compared = System.nanoTime();
            totals[run] = (compared - start) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: summary pack of %,d rows: open %.3f s, compare %.3f s (%d results)%n",
                    run + 1, pack.primary().rowCount(), (loaded - start) / 1e9, (compared - loaded) / 1e9,
                    report.results().size());
        }
        if (runs > 1) {
            double[] later = Arrays.copyOfRange(totals, 1, runs);
            Arrays.sort(later);
            System.out.printf(Locale.ROOT, "open + compare, runs 2..%d: min %.3f s, median %.3f s, max %.3f s%n", runs,
                    later[0], later[later.length / 2], later[later.length - 1]);
        }
    }

    /**
     * Writes the first ROWS rows as a row-level pack (CSV) and as a summary pack of the same rows, compares both and
     * prints how they agree.
     */
    private static void agree(Path dir, long rows) throws Exception {
        Path rowPack = dir.resolve("subset-rows");
        Files.createDirectories(rowPack);
        Files.writeString(rowPack.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet('" + dir.resolve("evals.parquet") + "') LIMIT "
                    + rows + ") TO '" + rowPack.resolve("primary.csv") + "' (HEADER, DELIMITER ',')");
        }
        ReviewPack loaded = new PackLoader().load(rowPack, Progress.NONE);
        Path summaryPack = dir.resolve("subset-summary");
        new DuckDbSummarizer("1GB", 2).summarize(rowPack.resolve("primary.csv").toString(), null, loaded.manifest(),
                true, true, ComparisonOptions.DEFAULTS.seed(), summaryPack, Progress.NONE);
        ComparisonEngine engine = new ComparisonEngine();
        ComparisonReport fromRows = engine.compare(loaded, null, ComparisonOptions.DEFAULTS, Progress.NONE);
        ComparisonReport fromSummary = new SummaryComparison(engine).compare(
                new SummaryPackReader().read(summaryPack, Progress.NONE), null, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        Map<String, SliceResult> summary = new HashMap<>();
        fromSummary.results().forEach(r -> summary.put(r.slice().label() + "/" + r.metric().wireName(), r));
        int results = 0;
        int sameN = 0;
        int identical = 0;
        int countMetrics = 0;
        int verdicts = 0;
        int sameVerdict = 0;
        double worstValue = 0;
        double worstWidthRatio = 1;
        double[] worstRanked = new double[2];
        double[] rankedWidth = {1, 1};
        for (SliceResult row : fromRows.results()) {
            SliceResult sum = summary.get(row.slice().label() + "/" + row.metric().wireName());
            results++;
            sameN += sum != null && sum.n() == row.n() ? 1 : 0;
            if (sum == null) {
                continue;
            }
            boolean ranked = row.metric() == Metric.ROC_AUC || row.metric() == Metric.PR_AUC;
            if (ranked && row.isAvailable() && sum.isAvailable()) {
                int m = row.metric() == Metric.ROC_AUC ? 0 : 1;
                worstRanked[m] = Math.max(worstRanked[m], Math.abs(row.production().value() - sum.production().value()));
                worstRanked[m] = Math.max(worstRanked[m], Math.abs(row.candidate().value() - sum.candidate().value()));
                // pr_auc: the rows bootstrap slices up to 2,000 examples, so widths compare above that only
                if (row.unadjustedCi() != null && sum.unadjustedCi() != null && (m == 0 || row.n() > 2_000)) {
                    double ratio = (sum.unadjustedCi().upper() - sum.unadjustedCi().lower())
                            / (row.unadjustedCi().upper() - row.unadjustedCi().lower());
                    rankedWidth[m] = Math.abs(ratio - 1) > Math.abs(rankedWidth[m] - 1) ? ratio : rankedWidth[m];
                }
            }
            verdicts++;
            sameVerdict += row.verdict() == sum.verdict() ? 1 : 0;
            if (row.verdict() != sum.verdict()) {
                System.out.printf(Locale.ROOT, "  differs: %s %s: rows %s (p %.4f, adjusted %.4f), summary %s (p %.4f, "
                                + "adjusted %.4f)%n", row.slice().label(), row.metric().wireName(), row.verdict(),
                        row.pValue(), row.adjustedP(), sum.verdict(), sum.pValue(), sum.adjustedP());
            }
            if (ranked) {
                continue;
            }
            if (!row.metric().needsScores()) {
                countMetrics++;
                identical += row.equals(sum) ? 1 : 0;
                continue;
            }
            if (row.production() != null && sum.production() != null) {
                worstValue = Math.max(worstValue, Math.abs(row.production().value() - sum.production().value()));
                worstValue = Math.max(worstValue, Math.abs(row.candidate().value() - sum.candidate().value()));
            }
            if (row.unadjustedCi() != null && sum.unadjustedCi() != null) {
                double ratio = (sum.unadjustedCi().upper() - sum.unadjustedCi().lower())
                        / (row.unadjustedCi().upper() - row.unadjustedCi().lower());
                worstWidthRatio = Math.abs(ratio - 1) > Math.abs(worstWidthRatio - 1) ? ratio : worstWidthRatio;
            }
        }
        System.out.printf(Locale.ROOT, "%,d rows: %d results, n equal in %d; count metrics identical in %d of %d; "
                        + "log_loss/brier/sq_calibration_error values differ by at most %.2e, interval widths by a factor %.3f; "
                        + "roc_auc values differ by at most %.2e, interval widths by a factor %.5f; "
                        + "pr_auc values by at most %.2e, interval widths (slices over 2,000) by a factor %.5f; "
                        + "verdicts equal in %d of %d%n", loaded.primary().rowCount(), results, sameN, identical,
                countMetrics, worstValue, worstWidthRatio, worstRanked[0], rankedWidth[0], worstRanked[1],
                rankedWidth[1], sameVerdict, verdicts);
    }
}
