package org.verdict.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verdict.cli.exit.ErrorLine;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.exit.FileErrorText;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.gates.PackEvidenceCheck;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.summary.DuckDbSummarizer;
import org.verdict.core.summary.RowManifest;
import org.verdict.core.summary.SqlDialect;
import org.verdict.core.summary.SummaryImport;
import org.verdict.core.summary.SummaryLayout;
import org.verdict.core.summary.SummaryPackWriter;
import org.verdict.core.summary.SummarySql;
import org.verdict.core.task.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verdict summarize}: turns per-example rows into a summary pack, either by running the SQL with DuckDB here
 * or by printing the SQL for the engine where the data lives (Spark, DuckDB elsewhere).
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Summarise per-example evaluation rows (the columns of primary.csv) into a summary pack: paired"
                + " cells and hashed-block sums per slice, which Verdict compares like rows.",
            "--engine duckdb runs the SQL here on Parquet or CSV files (globs allowed) and writes --out.",
            "--engine sql prints the SQL for --dialect spark|duckdb, reading the table --input.",
            "--engine import assembles --out from the --checks, --cells and --blocks CSVs that SQL wrote elsewhere;"
                + " the SQL's first query counts the rows Verdict would refuse (repeated or empty ids, empty values,"
                + " scores outside [0, 1] or not numbers, classes not in the manifest, predictions never labelled),"
                + " and the rows and cells it saw, and import refuses rows that fail a check, or checks of other"
                + " rows than the cells', writing nothing.",
            "Exit codes: 0 done, " + ExitCodes.REFUSALS})
public final class SummarizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Where the summary is made; the command line spells each as {@link #toString()} ("import" is a Java keyword). */
    enum Engine {
        DUCKDB, SQL, IMPORT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An engine by its lower-case name; any other value is refused with the names (picocli's own lists both forms). */
    static final class EngineName implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            return Arrays.stream(Engine.values()).filter(engine -> engine.toString().equals(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("expected one of "
                            + Arrays.toString(Engine.values()) + ", not '" + value + "'"));
        }
    }

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", converter = EngineName.class,
            description = "${COMPLETION-CANDIDATES}. duckdb: run it here; sql: print the SQL only; import: assemble a "
                    + "pack from tables the SQL wrote elsewhere (default: ${DEFAULT-VALUE}).")
    private Engine engine;

    @Option(names = "--dialect", paramLabel = "spark|duckdb", defaultValue = "duckdb",
            description = "SQL dialect printed by --engine sql (default: ${DEFAULT-VALUE}).")
    private String dialect;

    @Option(names = "--input", required = true, paramLabel = "FILES|TABLE",
            description = "Parquet or CSV file(s), e.g. 'evals/*.parquet' (duckdb); a table or view name (sql, "
                    + "import: recorded as the source).")
    private String input;

    @Option(names = "--manifest", required = true, paramLabel = "FILE",
            description = "manifest.json describing the rows: models, task, slices (its files need not exist).")
    private Path manifest;

    @Option(names = "--out", paramLabel = "DIR", description = "The summary pack folder to create (duckdb).")
    private Path out;

    /** Binary tasks: whether the summary reads score_V (else pred_V). */
    private boolean scores = true;

    @Option(names = "--no-scores", description = "Binary tasks: use pred_V instead of score_V.")
    private void noScores(boolean given) {
        scores = !given;
    }

    // picocli sets a negatable option to the opposite of its default, so one true by default is named by its
    // negative form: named --ranking with default true, --no-ranking had set it true and --ranking false
    @Option(names = "--no-ranking", negatable = true,
            description = "Binary with scores: add the ranking sums roc_auc and pr_auc need, per slice of the overall "
                    + "slice, each column and each pair of columns (default: on; --no-ranking saves a pass over the "
                    + "rows per grouping of columns; import: makes a pack without --ranking-sums on purpose).")
    private boolean ranking = true;

    @Option(names = "--snapshot", paramLabel = "ID", description = "The source's snapshot id, recorded in the pack.")
    private String snapshot;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the hashed bootstrap blocks (default: "
            + ComparisonOptions.DEFAULT_SEED + ", compare's default seed); with compare's seed and the default block count the means' intervals and "
            + "verdicts are the rows'.")
    private Long seed;

    @Option(names = "--block-count", paramLabel = "N", defaultValue = "" + SummarySql.DEFAULT_BLOCKS,
            description = "Hashed bootstrap blocks per combination of slice values (default: ${DEFAULT-VALUE}): "
                    + "fewer open and compare faster, their intervals' own Monte-Carlo noise is larger and they "
                    + "are no longer the rows' blocks; "
                    + "--engine import must be given the N the SQL was printed with.")
    private int blockCount;

    @Option(names = "--checks", paramLabel = "PATH",
            description = "import: the row checks table (the query headed '-- row checks'), a CSV or a folder; "
                    + "required: a failed check is refused with its column, count and an example.")
    private Path checks;

    @Option(names = "--cells", paramLabel = "PATH", description = "import: the cells table, a CSV or a folder of them.")
    private Path cells;

    @Option(names = "--blocks", paramLabel = "PATH", description = "import: the blocks table, a CSV or a folder of them.")
    private Path blocks;

    @Option(names = "--ranking-sums", paramLabel = "PATH",
            description = "import: the ranking sums table, a CSV or a folder.")
    private Path rankingSums;

    @Option(names = "--latency-input", paramLabel = "FILES|TABLE",
            description = "Latency rows (the columns of latency.csv: version, latency_ms) to bucket into the pack's "
                    + "latency suite, 100 log-spaced buckets per decade: files (duckdb) or a table (sql).")
    private String latencyInput;

    @Option(names = "--latency", paramLabel = "PATH",
            description = "import: the latency buckets table the SQL's latency query wrote, a CSV or a folder.")
    private Path latency;

    @Option(names = "--safety-input", paramLabel = "FILES|TABLE",
            description = "Safety rows (the columns of safety.csv: example_id, category, violation_V…) to count into "
                    + "the pack's safety suite as paired cells: files (duckdb) or a table (sql).")
    private String safetyInput;

    @Option(names = "--safety", paramLabel = "PATH",
            description = "import: the safety cells table the SQL's safety query wrote, a CSV or a folder.")
    private Path safety;

    @Option(names = "--holdout-input", paramLabel = "FILES|TABLE",
            description = "Held-out rows (the columns of primary.csv; the manifest's holdout suite names their slices) "
                    + "to summarise into the pack's holdout suite like the primary rows: files (duckdb) or a table "
                    + "(sql, import: recorded as its source).")
    private String holdoutInput;

    @Option(names = "--holdout-checks", paramLabel = "PATH",
            description = "import: the held-out set's row checks table (as --checks).")
    private Path holdoutChecks;

    @Option(names = "--holdout-cells", paramLabel = "PATH",
            description = "import: the held-out set's cells table, a CSV or a folder (as --cells).")
    private Path holdoutCells;

    @Option(names = "--holdout-blocks", paramLabel = "PATH", description = "import: its blocks table (as --blocks).")
    private Path holdoutBlocks;

    @Option(names = "--holdout-ranking-sums", paramLabel = "PATH",
            description = "import: its ranking sums (as --ranking-sums).")
    private Path holdoutRanking;

    @Option(names = "--human-baseline-input", paramLabel = "FILES|TABLE",
            description = "Human-baseline rows (the columns of human_baseline.csv: label, human, pred_V…) to count "
                    + "into the pack's human-baseline suite as paired cells: files (duckdb) or a table (sql).")
    private String humanBaselineInput;

    @Option(names = "--human-baseline", paramLabel = "PATH",
            description = "import: the human-baseline cells table the SQL's human-baseline query wrote, a CSV or a "
                    + "folder.")
    private Path humanBaseline;

    @Option(names = "--sql", paramLabel = "FILE", description = "import: the SQL script that made the tables.")
    private Path sqlScript;

    @Option(names = "--engine-version", paramLabel = "TEXT",
            description = "import: the engine that ran the SQL and its version, e.g. 'spark 3.5.8' or 'spark-3.5.8': "
                    + "refused unless it is what the engine's version() wrote into the checks table; without it, "
                    + "that is recorded.")
    private String engineVersion;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2GB",
            description = "DuckDB's memory limit; it spills to disk beyond it (default: ${DEFAULT-VALUE}).")
    private String memory;

    @Option(names = "--threads", paramLabel = "N", description = "DuckDB threads (default: all cores).")
    private Integer threads;

    /** The row manifest's folder, whose policy and optional suites the summary pack carries. */
    private Path manifestFolder() {
        Path parent = manifest.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    /** An engine's name followed by its version (starting with a digit), after a space or a hyphen. */
    private static final Pattern ENGINE_VERSION = Pattern.compile("(\\S+?)(?:\\s+|-)(v?\\d.*)");

    /** {@code spark 3.5.8} or {@code spark-3.5.8} as {engine, version}; refuses text without a version. */
    static String[] engineAndVersion(String text) {
        Matcher matcher = ENGINE_VERSION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--engine-version must be the engine's name and its version, e.g. "
                    + "'spark 3.5.8' or 'spark-3.5.8', not '" + text + "'");
        }
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    /** Printed after "wrote summary pack", so it is the last thing a successful run says. */
    private static void warn(PrintWriter err, String warning) {
        if (warning != null) {
            err.println("warning: " + warning);
            err.flush();
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (blockCount < 1) {
                throw new IllegalArgumentException("--block-count must be at least 1, not " + blockCount);
            }
            if (input.equals(holdoutInput)) {
                throw new IllegalArgumentException("--holdout-input " + holdoutInput + " names the --input rows"
                        + " themselves: the held-out set must be examples the evaluation set does not hold, or its"
                        + " results would count the same evidence twice; give the held-out examples' own rows, or"
                        + " leave --holdout-input out");
            }
            PackManifest rows = RowManifest.read(manifest);
            long blockSeed = seed != null ? seed : ComparisonOptions.DEFAULTS.seed();
            switch (engine) {
                case SQL -> {
                    SummarySql sql = new SummarySql(SqlDialect.fromWireName(dialect),
                            SummaryLayout.of(rows, scores, ranking), rows, input, blockSeed, blockCount);
                    out.print(sql.script(new SummarySql.Sources(latencyInput, safetyInput, holdoutInput,
                            humanBaselineInput)));
                }
                case DUCKDB -> {
                    if (this.out == null) {
                        throw new IllegalArgumentException("--engine duckdb needs --out DIR");
                    }
                    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
                    DuckDbSummarizer summarizer = new DuckDbSummarizer(memory, cores)
                            .carrying(manifestFolder(), PackEvidenceCheck.ofStagedSummaryPack())
                            .withBlockCount(blockCount);
                    summarizer = latencyInput == null ? summarizer : summarizer.withLatency(latencyInput);
                    summarizer = safetyInput == null ? summarizer : summarizer.withSafety(safetyInput);
                    summarizer = holdoutInput == null ? summarizer : summarizer.withHoldout(holdoutInput);
                    summarizer = humanBaselineInput == null ? summarizer
                            : summarizer.withHumanBaseline(humanBaselineInput);
                    summarizer.summarize(input, snapshot, rows, scores, ranking, blockSeed, this.out,
                            Progress.NONE);
                    out.println("wrote summary pack " + this.out);
                    warn(err, SummaryImport.missingRankingWarning(rows, scores, ranking,
                            "summarise without --no-ranking"));
                }
                case IMPORT -> {
                    if (this.out == null || cells == null || sqlScript == null) {
                        throw new IllegalArgumentException("--engine import needs --checks, --cells, --sql and --out "
                                + "(--blocks for regression and scored binary tasks, --ranking-sums for the latter)");
                    }
                    if (holdoutCells != null && holdoutInput == null) {
                        throw new IllegalArgumentException("--holdout-cells needs --holdout-input TABLE, the held-out "
                                + "table the SQL read, to record as its source");
                    }
                    SummaryImport.Holdout holdout = holdoutCells == null ? null : new SummaryImport.Holdout(
                            holdoutInput, holdoutChecks, holdoutCells, holdoutBlocks, holdoutRanking);
                    String[] engineAndVersion = engineVersion == null ? new String[2] : engineAndVersion(engineVersion);
                    if (ranking) {
                        // --no-ranking asks for a pack without them, as with duckdb
                        SummaryImport.requireRankingForPrimary(rows, scores, rankingSums);
                    }
                    SummaryImport.assemble(rows, scores, checks, cells, blocks, rankingSums,
                            new SummaryImport.OptionalTables(latency, safety, holdout, humanBaseline), sqlScript,
                            engineAndVersion[0], engineAndVersion[1], input,
                            snapshot, blockSeed, blockCount, this.out,
                            new SummaryPackWriter(manifestFolder(), PackEvidenceCheck.ofStagedSummaryPack()));
                    out.println("wrote summary pack " + this.out);
                    warn(err, SummaryImport.missingRankingWarning(rows, scores, rankingSums != null,
                            SummaryImport.RANKING_ADVICE));
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            return ErrorLine.print(err, FileErrorText.of(e), ExitCodes.BAD_INPUT);
        } catch (PackException | IllegalArgumentException e) {
            return ErrorLine.print(err, e.getMessage(), ExitCodes.BAD_INPUT);
        }
    }
}
