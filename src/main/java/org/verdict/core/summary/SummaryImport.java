package org.verdict.core.summary;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * Assembles a summary pack from the tables an engine elsewhere wrote (e.g. Spark on a cluster writing CSV part files)
 * and the SQL script it ran, then opens the result with {@link SummaryPackReader}, so a pack that would be refused is
 * never left behind.
 */
public final class SummaryImport {
    /** How to add the ranking sums to an import. */
    public static final String RANKING_ADVICE = "re-run import with --ranking-sums DIR (the query the SQL printed "
            + "headed '-- ranking sums')";
    /** The metrics only ranking sums give. */
    private static final List<String> RANKED = List.of(Metric.ROC_AUC.wireName(), Metric.PR_AUC.wireName());
    /** The block count the SQL script was printed with, from its blocks table's heading comment. */
    private static final Pattern PRINTED_BLOCKS = Pattern.compile("(?m)^-- blocks table \\((\\d+) hashed blocks");

    private SummaryImport() {
    }

    /**
     * The optional suites' tables the SQL wrote elsewhere, each a CSV file or a folder of them; null where that
     * suite was not summarised (then it is carried from the row manifest's folder, if there).
     *
     * @param latency the latency buckets table (version, bucket, n) of the SQL's latency query
     * @param safety the safety cells table of its safety query
     * @param holdout the held-out set's tables
     * @param humanBaseline the human-baseline cells table of its human-baseline query
     */
    public record OptionalTables(Path latency, Path safety, Holdout holdout, Path humanBaseline) {
        public static final OptionalTables NONE = new OptionalTables(null, null, null, null);
    }

    /**
     * The held-out set's tables, as for the primary suite (blocks and ranking sums where its layout has them).
     *
     * @param source the table the held-out rows were read from, recorded in the pack
     */
    public record Holdout(String source, Path checks, Path cells, Path blocks, Path ranking) {
    }

    /**
     * @param checks the row checks table of the SQL's first query, a CSV file or a folder; null is refused, saying how
     *               to make it
     * @param cells a CSV file with a header, or a folder of them (Spark's {@code part-*.csv})
     * @param blocks the same for the blocks table; null when the layout has none
     * @param ranking the ranking sums (binary with scores); null for none
     * @param blockCount the number of hashed blocks the SQL dealt the rows into
     * @param engine the engine that ran the SQL, as the user names it; with {@code engineVersion}, checked against the
     *               version the checks table says the engine reported; both null to record that report as it is
     */
    public static SummaryPack assemble(PackManifest rowManifest, boolean scored, Path checks, Path cells, Path blocks,
                                       Path ranking, Path sqlScript, String engine, String engineVersion, String source,
                                       String snapshot, long seed, int blockCount, Path out)
            throws IOException, PackException {
        return assemble(rowManifest, scored, checks, cells, blocks, ranking, OptionalTables.NONE, sqlScript, engine,
                engineVersion, source, snapshot, seed, blockCount, out, new SummaryPackWriter());
    }

    /**
     * As above, with the optional suites' tables, written by {@code writer} (which may carry the policy and optional
     * suites found in the row manifest's folder: {@link SummaryPackWriter#SummaryPackWriter(Path, StagedPackCheck)}).
     */
    public static SummaryPack assemble(PackManifest rowManifest, boolean scored, Path checks, Path cells,
                                       Path blocks, Path ranking, OptionalTables optional, Path sqlScript, String engine,
                                       String engineVersion, String source, String snapshot, long seed, int blockCount,
                                       Path out, SummaryPackWriter writer)
            throws IOException, PackException {
        SummaryPackWriter.checkOut(out);
        String sql = Files.readString(sqlScript, StandardCharsets.UTF_8);
        requirePrintedBlockCount(sql, sqlScript, blockCount);
        SummaryLayout layout = SummaryLayout.of(rowManifest, scored, ranking != null);
        requireChecks(checks, sql, sqlScript, "");
        if (optional.holdout() != null) {
            requireChecks(optional.holdout().checks(), sql, sqlScript, "holdout-");
        }
        SummaryTables primary = evaluationTables(layout, cells, blocks, ranking, blockCount);
        ChecksTable primaryChecks = checkedAgainst(checks, cells, primary, sql, sqlScript, "");
        List<ChecksTable> checksTables = new ArrayList<>(List.of(primaryChecks));
        SummaryTables.HeldOut holdout = null;
        SummaryLayout holdoutLayout = null;
        if (optional.holdout() != null) {
            Holdout paths = optional.holdout();
            holdoutLayout = SummaryLayout.ofHoldout(rowManifest, layout.scores(), layout.ranking());
            holdout = new SummaryTables.HeldOut(paths.source(), holdoutLayout, evaluationTables(holdoutLayout,
                    paths.cells(), paths.blocks(), paths.ranking(), blockCount));
            checksTables.add(checkedAgainst(paths.checks(), paths.cells(), holdout.tables(), sql, sqlScript,
                    "holdout-"));
        }
        // the checks tie the tables to this text; printing it again ties the text to Verdict's queries
        PrintedScript.require(sql, sqlScript, rowManifest, scored, seed, blockCount);
        String[] engineAndVersion = ChecksTable.engineAndVersion(checksTables,
                engine == null ? null : new String[] {engine, engineVersion});
        primaryChecks.refuseFailures(rowManifest, layout, checksQuery(""), cells);
        if (holdoutLayout != null) {
            checksTables.get(1).refuseFailures(rowManifest, holdoutLayout, checksQuery("holdout-"),
                    optional.holdout().cells());
        }
        long rows = primary.cells().countTotal();
        // the script is Verdict's own (PrintedScript), which deals the rows into blocks as the row engine does
        writer.write(out, rowManifest, layout, new SummaryProvenance(engineAndVersion[0], engineAndVersion[1],
                Hashes.sha256Hex(sql), source, snapshot, rows, seed, blockCount, SummaryProvenance.ROW_ENGINE_HASH), sql,
                new SummaryTables(primary.cells(), primary.blocks(), primary.ranking(),
                        optional.latency() == null ? null
                                : readTable(optional.latency(), SummaryPackWriter.LATENCY_COLUMNS),
                        optional.safety() == null ? null
                                : readTable(optional.safety(), SummaryPackWriter.safetyColumns(layout)),
                        holdout,
                        optional.humanBaseline() == null ? null
                                : readTable(optional.humanBaseline(), SummaryPackWriter.humanBaselineColumns(layout))));
        try {
            return new SummaryPackReader().read(out, Progress.NONE);
        } catch (PackException refused) {
            deleteFolder(out);
            throw refused;
        }
    }

    /**
     * Refuses a scored binary import without ranking sums whose primary metric needs them: the pack could never judge
     * it (compare and the gates would show it unavailable everywhere). Called before anything is read.
     */
    public static void requireRankingForPrimary(PackManifest rowManifest, boolean scored, Path ranking) {
        if (ranking == null && scored && rowManifest.task() == Task.BINARY
                && RANKED.contains(rowManifest.primaryMetric())) {
            throw new IllegalArgumentException("the primary metric " + rowManifest.primaryMetric()
                    + " needs the ranking sums, and no --ranking-sums was given; " + RANKING_ADVICE
                    + " (--no-ranking makes a pack without roc_auc and pr_auc)");
        }
    }

    /**
     * The warning for a scored binary summary without ranking sums: which metrics the pack shows unavailable and how
     * to add them; null when nothing is missing.
     *
     * @param advice how to add them with the engine used
     */
    public static String missingRankingWarning(PackManifest rowManifest, boolean scored, boolean ranking,
                                               String advice) {
        if (ranking || !scored || rowManifest.task() != Task.BINARY) {
            return null;
        }
        return "the pack holds no ranking sums, so " + String.join(" and ", RANKED)
                + " are unavailable in compare and the gates; to have them, " + advice;
    }

    /** How the script heads the row checks query of --checks ({@code option} "") or --holdout-checks ("holdout-"). */
    private static String checksQuery(String option) {
        return "the query headed '-- " + (option.isEmpty() ? "" : "holdout ") + RowChecks.HEADING + "'";
    }

    /**
     * Without the row checks table nothing says the rows are sound, so it is refused, saying how to make it, also for a
     * script printed before the SQL had the query.
     *
     * @param option "" for the primary rows' --checks, "holdout-" for --holdout-checks
     */
    private static void requireChecks(Path checks, String sql, Path sqlScript, String option) {
        if (checks != null) {
            return;
        }
        String query = checksQuery(option);
        boolean printed = sql.contains("-- " + (option.isEmpty() ? "" : "holdout ") + RowChecks.HEADING);
        throw new IllegalArgumentException("--" + option + "checks PATH is needed: the table of " + query
                + ", which counts the rows Verdict would refuse (repeated ids, missing values, scores outside [0, 1]"
                + " or not numbers, unknown classes); without it nothing says the summed rows are sound"
                + (printed ? "; run that query with the others and give its CSV or folder"
                : "; " + sqlScript + " was printed before Verdict's SQL checked rows: print the SQL again with "
                + "summarize --engine sql and the same options, run it on the same table, and import the tables of "
                + "that run with the new script as --sql"));
    }

    /**
     * The row checks table, refused unless it was written by a query of the script and saw the rows that make
     * {@code cells} (the same number of rows, the same cells), so a clean run's checks never vouch for other rows.
     */
    private static ChecksTable checkedAgainst(Path checks, Path cellsPath, SummaryTables tables, String sql,
                                              Path sqlScript, String option) throws IOException, PackException {
        ChecksTable table = ChecksTable.read(checks, sql, sqlScript, checksQuery(option));
        table.requireSameRows(cellsPath, tables.cells(), sqlScript);
        return table;
    }

    /** Refuses a --block-count other than the one the SQL script says it dealt the rows into. */
    private static void requirePrintedBlockCount(String sql, Path sqlScript, int blockCount) {
        Matcher printed = PRINTED_BLOCKS.matcher(sql);
        if (printed.find() && !printed.group(1).equals(String.valueOf(blockCount))) {
            throw new IllegalArgumentException("--block-count " + blockCount + " differs from the " + printed.group(1)
                    + " hashed blocks " + sqlScript + " was printed with; --block-count must be the N the SQL was "
                    + "printed with");
        }
    }

    private static SummaryTables evaluationTables(SummaryLayout layout, Path cells, Path blocks, Path ranking,
                                                  int blockCount) throws IOException, PackException {
        return new SummaryTables(readTable(cells, layout.cellColumns(), 0),
                layout.hasBlocks() ? readTable(blocks, layout.blockColumns(), blockCount) : null,
                layout.ranking() ? readTable(ranking, layout.rankingColumns(), 0) : null);
    }

    static SummaryTable readTable(Path path, List<String> columns) throws IOException, PackException {
        return readTable(path, columns, 0);
    }

    /**
     * Every CSV part, reordered to the layout's columns (engines write columns in their own order).
     *
     * @param blockCount when above 0, each row's block must lie in 0..blockCount-1, checked here so that the part
     *                   file and line the user gave are named (the staged pack's reader could only name its own file)
     */
    private static SummaryTable readTable(Path path, List<String> columns, int blockCount)
            throws IOException, PackException {
        int blockColumn = blockCount > 0 ? columns.indexOf(SummaryLayout.BLOCK) : -1;
        if (path == null) {
            throw new IOException("a table of " + columns + " is needed for this task; give its CSV file or folder");
        }
        List<Path> parts = parts(path);
        List<String[]> rows = new ArrayList<>();
        for (Path part : parts) {
            try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(part)) {
                int[] position = null;
                for (CsvRecord record : reader) {
                    if (position == null) {
                        List<String> header = record.getFields().stream().map(String::strip).toList();
                        position = columns.stream().mapToInt(header::indexOf).toArray();
                        for (int c = 0; c < position.length; c++) {
                            if (position[c] < 0) {
                                throw new IOException(part + ": column " + columns.get(c) + " is missing; the header has "
                                        + header);
                            }
                        }
                        continue;
                    }
                    String[] row = new String[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = record.getField(position[c]);
                    }
                    if (blockColumn >= 0) {
                        requireBlockInRange(row[blockColumn], blockCount, part, record.getStartingLineNumber(),
                                position[blockColumn] + 1);
                    }
                    rows.add(row);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        if (parts.isEmpty()) {
            throw new IOException(path + " holds no .csv file");
        }
        return new SummaryTable(columns, rows);
    }

    /**
     * Where a value of a table was read: its part file, line and column (from 1), with the whole row.
     *
     * @param columnName the column of {@code value}
     */
    record Place(Path part, long line, int column, String columnName, String value, List<String> header,
                 String[] row) {
        /** The row's value in {@code name}, stripped, or null where the part has no such column. */
        String field(String name) {
            int at = header.indexOf(name);
            return at < 0 || at >= row.length ? null : row[at].strip();
        }
    }

    /**
     * The first value in {@code columns} of the table at {@code path} (a CSV file or folder of parts) that {@code
     * wanted} accepts, with where it was read; null where there is none. Reads the table again, for a message only.
     */
    static Place firstValue(Path path, List<String> columns, Predicate<String> wanted) throws IOException {
        for (Path part : parts(path)) {
            try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(part)) {
                List<String> header = null;
                for (CsvRecord record : reader) {
                    if (header == null) {
                        header = record.getFields().stream().map(String::strip).toList();
                        continue;
                    }
                    for (String column : columns) {
                        int at = header.indexOf(column);
                        if (at >= 0 && at < record.getFieldCount() && wanted.test(record.getField(at).strip())) {
                            return new Place(part, record.getStartingLineNumber(), at + 1, column,
                                    record.getField(at).strip(), header, record.getFields().toArray(String[]::new));
                        }
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return null;
    }

    /** A CSV file, or the {@code .csv} files of a folder (an engine's part files) in name order. */
    private static List<Path> parts(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** The column names of a table's first part (every part of one table has the same header). */
    static List<String> header(Path path) throws IOException {
        for (Path part : parts(path)) {
            try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(part)) {
                Iterator<CsvRecord> records = reader.iterator();
                if (records.hasNext()) {
                    return records.next().getFields().stream().map(String::strip).toList();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        throw new IOException(path + " holds no .csv file with a header");
    }

    private static void requireBlockInRange(String text, int blockCount, Path part, long line, int column)
            throws PackException {
        long block;
        try {
            block = Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return; // the reader refuses it in its own words
        }
        if (block < 0 || block >= blockCount) {
            throw new PackException(part.toString(), line, column, "block " + block + " is outside 0.."
                    + (blockCount - 1) + " (--block-count " + blockCount + "); --block-count must be the N the SQL "
                    + "was printed with");
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
