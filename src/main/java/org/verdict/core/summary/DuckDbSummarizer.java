package org.verdict.core.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * Summarises Parquet or CSV files of per-example rows into a summary pack with DuckDB in-process: the files are
 * scanned, never loaded into the JVM, and only the summary tables come back. DuckDB spills to disk when a GROUP BY
 * outgrows its memory limit, so the input may be larger than memory.
 */
public final class DuckDbSummarizer {
    /** DuckDB's memory limit: the summary's GROUP BYs are small, but the scan's buffers are not. */
    private final String memoryLimit;
    private final int threads;
    /** Writes the pack, carrying the row manifest's policy and optional suites or not. */
    private final SummaryPackWriter writer;
    /** Optional suites' rows to summarise too, as files the user gave; null: that suite is carried, if at all. */
    private final SummarySql.Sources inputs;
    private final int blockCount;

    public DuckDbSummarizer(String memoryLimit, int threads) {
        this(memoryLimit, threads, new SummaryPackWriter(), SummarySql.Sources.NONE, SummarySql.DEFAULT_BLOCKS);
    }

    private DuckDbSummarizer(String memoryLimit, int threads, SummaryPackWriter writer, SummarySql.Sources inputs,
                             int blockCount) {
        this.memoryLimit = memoryLimit;
        this.threads = threads;
        this.writer = writer;
        this.inputs = inputs;
        this.blockCount = blockCount;
    }

    /**
     * This summariser, also counting safety rows (the columns of {@code safety.csv}) into paired cells for the
     * pack's safety suite, in place of a carried row-level one.
     */
    public DuckDbSummarizer withSafety(String safetyFiles) {
        return with(new SummarySql.Sources(inputs.latency(), safetyFiles, inputs.holdout(), inputs.humanBaseline()));
    }

    /**
     * This summariser, also bucketing latency rows (the columns of {@code latency.csv}: version, latency_ms; files
     * as for the primary input) into the pack's latency suite, in place of a carried row-level one.
     */
    public DuckDbSummarizer withLatency(String latencyFiles) {
        return with(new SummarySql.Sources(latencyFiles, inputs.safety(), inputs.holdout(), inputs.humanBaseline()));
    }

    /**
     * This summariser, also summarising held-out rows (the columns of {@code primary.csv}, sliced by the row
     * manifest's holdout suite) into the primary suite's tables for the pack's holdout suite, in place of carried rows.
     */
    public DuckDbSummarizer withHoldout(String holdoutFiles) {
        return with(new SummarySql.Sources(inputs.latency(), inputs.safety(), holdoutFiles, inputs.humanBaseline()));
    }

    /**
     * This summariser, also counting human-baseline rows (the columns of {@code human_baseline.csv}) into paired
     * cells for the pack's human-baseline suite, in place of carried rows.
     */
    public DuckDbSummarizer withHumanBaseline(String humanBaselineFiles) {
        return with(new SummarySql.Sources(inputs.latency(), inputs.safety(), inputs.holdout(), humanBaselineFiles));
    }

    /**
     * This summariser, also summarising the held-out set and the human baseline that {@code rowManifest} names where
     * their files are in {@code folder} (the row manifest's own folder), in place of carrying them as rows: a
     * held-out set may be as large as the primary rows. What File → Summarise rows does in the app.
     */
    public DuckDbSummarizer summarizingSuitesIn(Path folder, PackManifest rowManifest) {
        DuckDbSummarizer summarizer = this;
        Optional<String> holdout = fileIn(folder, rowManifest, SummaryLayout.HOLDOUT_SUITE);
        if (holdout.isPresent()) {
            summarizer = summarizer.withHoldout(holdout.get());
        }
        Optional<String> humanBaseline = fileIn(folder, rowManifest, "humanBaseline");
        if (humanBaseline.isPresent()) {
            summarizer = summarizer.withHumanBaseline(humanBaseline.get());
        }
        return summarizer;
    }

    private static Optional<String> fileIn(Path folder, PackManifest rowManifest, String suite) {
        Path base = folder.toAbsolutePath().normalize();
        return rowManifest.suite(suite).map(spec -> base.resolve(spec.file()).normalize())
                .filter(file -> file.startsWith(base) && Files.isRegularFile(file))
                .map(Path::toString);
    }

    private DuckDbSummarizer with(SummarySql.Sources newInputs) {
        return new DuckDbSummarizer(memoryLimit, threads, writer, newInputs, blockCount);
    }

    /**
     * This summariser, also carrying the policy and the optional suites the row manifest names from {@code folder}
     * (the row manifest's own folder) into the summary pack, which {@code check} reads before it is moved into place,
     * as {@link SummaryPackWriter#SummaryPackWriter(Path, StagedPackCheck)}.
     */
    public DuckDbSummarizer carrying(Path folder, StagedPackCheck check) {
        return new DuckDbSummarizer(memoryLimit, threads, new SummaryPackWriter(folder, check), inputs, blockCount);
    }

    /** This summariser with {@code blocks} hashed bootstrap blocks per combination of slice values. */
    public DuckDbSummarizer withBlockCount(int blocks) {
        return new DuckDbSummarizer(memoryLimit, threads, writer, inputs, blocks);
    }

    /**
     * The relation DuckDB reads: Parquet for *.parquet inputs (globs allowed), CSV with a header otherwise; a folder
     * means every Parquet file under it (or every CSV file when it holds no Parquet). CSV is read as the row loader
     * reads it (docs/pack-format.md): comma, double quote doubled inside a quoted field, strict, so a broken row fails
     * rather than being guessed into data (an unclosed quote is not a value running to the next quote); its columns are
     * taken from the files' one header ({@link CsvInput}).
     */
    static String source(Statement statement, String input) throws SQLException, PackException {
        return source(statement, input, "");
    }

    /** {@link #source} with DuckDB's rejects table on for CSV: the rows its strict reader refuses, with their lines. */
    static String checkedSource(Statement statement, String input) throws SQLException, PackException {
        return source(statement, input, ", store_rejects = true");
    }

    /** Whether DuckDB reads {@code input} as Parquet (else as CSV). */
    static boolean isParquet(String input) {
        return pattern(input).toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** The file or glob DuckDB reads for {@code input}. */
    static String pattern(String input) {
        if (isFolder(input)) {
            String folder = input.replaceAll("[/\\\\]+$", "");
            return folder + (holdsParquet(Path.of(input)) ? "/**/*.parquet" : "/**/*.csv");
        }
        return input;
    }

    private static String source(Statement statement, String input, String csvOptions)
            throws SQLException, PackException {
        String pattern = pattern(input);
        return isParquet(input)
                ? "read_parquet(" + SqlDialect.DUCKDB.literal(pattern) + ")"
                : CsvInput.relation(statement, pattern, csvOptions);
    }

    private static boolean isFolder(String input) {
        try {
            return Files.isDirectory(Path.of(input));
        } catch (InvalidPathException glob) {
            return false;
        }
    }

    private static boolean holdsParquet(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".parquet"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * @param input file, folder glob or list understood by DuckDB's readers, e.g. {@code evals/*.parquet}
     * @param snapshot the source's snapshot id to record, or null
     * @param ranking binary with scores: add the ranking sums roc_auc and pr_auc need
     * @throws PackException rows the row loader would refuse (see {@link SummaryInputCheck}); nothing is written
     */
    public void summarize(String input, String snapshot, PackManifest rowManifest, boolean scores, boolean ranking,
                          long seed, Path out, Progress progress) throws IOException, PackException {
        SummaryPackWriter.checkOut(out);
        SummaryLayout layout = SummaryLayout.of(rowManifest, scores, ranking);
        // the input whose rows DuckDB reads now, named when it refuses them (the latency rows' own, not the primary's)
        String reading = input;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            // as typed, quoted as a literal: DuckDB refuses a limit it cannot read, never runs on one nobody gave
            try {
                statement.execute("SET memory_limit = " + SqlDialect.DUCKDB.literal(memoryLimit));
            } catch (SQLException e) {
                throw new IOException("DuckDB refuses the memory limit " + memoryLimit + ": " + firstLine(e), e);
            }
            statement.execute("SET threads = " + threads);
            statement.execute("SET preserve_insertion_order = false");
            String version = scalar(statement, "SELECT version()");
            SummaryInputCheck primaryCheck = new SummaryInputCheck(rowManifest, layout, input,
                    checkedSource(statement, input));
            primaryCheck.check(statement, progress);
            SummarySql sql = new SummarySql(SqlDialect.DUCKDB, layout, rowManifest, source(statement, input), seed,
                    blockCount);
            SummarySql.Sources sources = new SummarySql.Sources(sourceOrNull(statement, inputs.latency()),
                    sourceOrNull(statement, inputs.safety()), sourceOrNull(statement, inputs.holdout()),
                    sourceOrNull(statement, inputs.humanBaseline()));
            SummarySql holdoutSql = sources.holdout() == null ? null : sql.forHoldout(sources.holdout());
            String script = sql.script(sources);
            SummaryInputCheck holdoutCheck = null;
            if (holdoutSql != null) {
                // held-out rows are evaluation rows like the primary ones: the row loader's checks hold for them too
                reading = inputs.holdout();
                holdoutCheck = new SummaryInputCheck(rowManifest, holdoutSql.layout(), inputs.holdout(),
                        checkedSource(statement, inputs.holdout()));
                holdoutCheck.check(statement, progress);
            }
            // the suites' rows get the row loader's checks too, so a bad value is named where the user wrote it
            if (sources.latency() != null) {
                reading = inputs.latency();
                SuiteInputCheck.latency(layout.versions()).check(statement, inputs.latency(), sources.latency(), progress);
            }
            if (sources.safety() != null) {
                reading = inputs.safety();
                SuiteInputCheck.safety(layout.versions()).check(statement, inputs.safety(), sources.safety(),
                        progress);
            }
            if (sources.humanBaseline() != null) {
                reading = inputs.humanBaseline();
                SuiteInputCheck.humanBaseline(SummaryLayout.humanBaselineKeys(layout.versions()))
                        .check(statement, inputs.humanBaseline(), sources.humanBaseline(), progress);
            }
            reading = input;
            SummaryTables primary = evaluationTables(statement, sql, input, progress, 0.05, 0.8);
            primaryCheck.refuseOtherUnicodeForms(statement, primary.cells(), progress);
            SummaryTable latency = null;
            if (sources.latency() != null) {
                reading = inputs.latency();
                progress.update(0.8, "Bucketing latencies of " + reading);
                latency = run(statement, sql.latencyQuery(sources.latency()), progress);
            }
            SummaryTable safety = null;
            if (sources.safety() != null) {
                reading = inputs.safety();
                progress.update(0.82, "Counting safety cells of " + reading);
                safety = run(statement, sql.safetyQuery(sources.safety()), progress);
            }
            SummaryTables.HeldOut holdout = null;
            if (holdoutSql != null) {
                reading = inputs.holdout();
                SummaryTables tables = evaluationTables(statement, holdoutSql, inputs.holdout(), progress, 0.84, 0.93);
                holdoutCheck.refuseOtherUnicodeForms(statement, tables.cells(), progress);
                holdout = new SummaryTables.HeldOut(inputs.holdout(), holdoutSql.layout(), tables);
            }
            SummaryTable humanBaseline = null;
            if (sources.humanBaseline() != null) {
                reading = inputs.humanBaseline();
                progress.update(0.93, "Counting human-baseline cells of " + reading);
                humanBaseline = run(statement, sql.humanBaselineQuery(sources.humanBaseline()), progress);
            }
            long rows = primary.cells().countTotal();
            if (rows == 0) {
                throw new PackException(input, "has no rows; a summary needs examples");
            }
            progress.update(0.95, "Writing " + out.getFileName());
            writer.write(out, rowManifest, layout, new SummaryProvenance("duckdb", version,
                    Hashes.sha256Hex(script), input, snapshot, rows, seed, blockCount), script,
                    new SummaryTables(primary.cells(), primary.blocks(), primary.ranking(), latency,
                            safety, holdout, humanBaseline));
            progress.update(1, "Summarised " + rows + " rows");
        } catch (SQLException e) {
            throw new IOException("DuckDB could not summarise " + reading + ": " + firstLine(e), e);
        }
    }

    /** DuckDB's first line says what is wrong; the rest echoes the SQL. */
    private static String firstLine(SQLException e) {
        return String.valueOf(e.getMessage()).strip().split("\\R", 2)[0];
    }

    private static String sourceOrNull(Statement statement, String files) throws SQLException, PackException {
        return files == null ? null : source(statement, files);
    }

    /** Cells, blocks and ranking sums of one suite's rows; progress moves from {@code from} to {@code to}. */
    private static SummaryTables evaluationTables(Statement statement, SummarySql sql, String input, Progress progress,
                                                  double from, double to) throws SQLException {
        nextStep(progress, from, "Counting paired cells of " + input);
        SummaryTable cells = run(statement, sql.cellsQuery(), progress);
        SummaryTable blocks = null;
        if (sql.layout().hasBlocks()) {
            nextStep(progress, from + (to - from) * 0.5, "Summing hashed blocks of " + input);
            blocks = run(statement, sql.blocksQuery(), progress);
        }
        SummaryTable ranking = null;
        if (sql.layout().ranking()) {
            nextStep(progress, from + (to - from) * 0.6, "Ranking binned scores of " + input);
            ranking = run(statement, sql.rankingQuery(), progress);
        }
        return new SummaryTables(cells, blocks, ranking);
    }

    private static String scalar(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Announces the next query, unless Cancel came while the last one was ending: then no step starts after it. */
    private static void nextStep(Progress progress, double fraction, String message) {
        progress.checkCancelled();
        progress.update(fraction, message);
    }

    /** Runs a query; Cancel interrupts DuckDB through JDBC's cancel from the progress check. */
    static SummaryTable run(Statement statement, String query, Progress progress) throws SQLException {
        progress.checkCancelled();
        Thread watcher = new Thread(() -> {
            try {
                while (!progress.isCancelled()) {
                    Thread.sleep(200);
                }
                statement.cancel();
            } catch (InterruptedException | SQLException finished) {
                // the query ended first, or is already gone
            }
        }, "verdict-duckdb-cancel");
        watcher.setDaemon(true);
        watcher.start();
        try (ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnName(c));
            }
            Set<Integer> doubles = new HashSet<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                if (meta.getColumnType(c) == Types.DOUBLE || meta.getColumnType(c) == Types.FLOAT
                        || meta.getColumnType(c) == Types.DECIMAL) {
                    doubles.add(c);
                }
            }
            List<String[]> rows = new ArrayList<>();
            while (result.next()) {
                String[] row = new String[columns.size()];
                for (int c = 1; c <= columns.size(); c++) {
                    // Double.toString round-trips exactly; DuckDB's own text form may not
                    row[c - 1] = doubles.contains(c) ? Double.toString(result.getDouble(c)) : result.getString(c);
                }
                rows.add(row);
                if ((rows.size() & 1023) == 0 && progress.isCancelled()) {
                    throw new CancelledException();
                }
            }
            return new SummaryTable(columns, rows);
        } catch (SQLException e) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            throw e;
        } finally {
            watcher.interrupt();
        }
    }
}
