package org.verdict.core.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.stats.RankingSums;

/**
 * Writes a summary pack folder: the row-level manifest with its primary suite pointed at the cells table and a
 * {@code summary} object (provenance, blocks file), the cells and blocks CSVs and the SQL that made them. The pack is
 * written into a temporary sibling folder and moved into place at the end, so a failure leaves nothing half-written.
 */
public final class SummaryPackWriter {
    /** The row manifest's folder, whose policy and optional suite files are carried into the pack; null: none. */
    private final Path carriedFrom;
    private final StagedPackCheck carriedCheck;

    /** A writer of the primary suite's statistics only: the optional suites and the policy are left out. */
    public SummaryPackWriter() {
        this(null, null);
    }

    /**
     * @param carriedFrom the row manifest's folder: the policy and every optional suite (safety, latency, holdout,
     *                    …) the manifest names that exists there is copied into the pack as it is, so the gates read
     *                    them as in the row-level pack; suites whose file is not there are left out of the manifest
     * @param carriedCheck reads the staged pack with what was carried, before it is moved into place (a policy
     *                     with a misspelt key would otherwise make a pack that {@code validate} and {@code gate}
     *                     refuse)
     */
    public SummaryPackWriter(Path carriedFrom, StagedPackCheck carriedCheck) {
        if (carriedFrom != null && carriedCheck == null) {
            throw new IllegalArgumentException("files carried from " + carriedFrom + " need a check of the pack");
        }
        this.carriedFrom = carriedFrom;
        this.carriedCheck = carriedCheck;
    }

    public static final String CELLS_FILE = "primary_cells.csv";
    public static final String BLOCKS_FILE = "primary_blocks.csv";
    public static final String RANKING_FILE = "primary_ranking.csv";
    public static final String SQL_FILE = "summary.sql";
    /** The latency suite as request counts per log-spaced bucket, when latency rows were summarised too. */
    public static final String LATENCY_FILE = "latency_buckets.csv";
    static final List<String> LATENCY_COLUMNS = List.of("version", "bucket", SummaryLayout.COUNT);
    /** The safety suite as paired cells, when safety rows were summarised too. */
    public static final String SAFETY_FILE = "safety_cells.csv";
    /** The held-out set's tables, when its rows were summarised too: the primary suite's four, over its slices. */
    public static final String HOLDOUT_CELLS_FILE = "holdout_cells.csv";
    public static final String HOLDOUT_BLOCKS_FILE = "holdout_blocks.csv";
    public static final String HOLDOUT_RANKING_FILE = "holdout_ranking.csv";
    /** The human baseline as paired cells, when its rows were summarised too. */
    public static final String HUMAN_BASELINE_FILE = "human_baseline_cells.csv";
    public static final String FORMAT = "verdict-summary/1";

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Refuses an output folder the pack could not be written to, so a summary is refused before its scan (minutes at
     * 10^8 rows) rather than after: {@code out} must not exist, and its nearest existing ancestor must be a writable
     * folder (missing folders in between are created).
     */
    public static void checkOut(Path out) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(out + " already exists; choose a new folder for the summary pack");
        }
        Path ancestor = out.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            throw new IOException("cannot create " + out + ": " + ancestor + " is not a writable folder; choose "
                    + "another folder for the summary pack");
        }
    }

    /** @param out must not exist yet */
    public void write(Path out, PackManifest rowManifest, SummaryLayout layout, SummaryProvenance provenance,
                      String sql, SummaryTables tables) throws IOException, PackException {
        checkOut(out);
        requireEvaluationTables(layout, tables, CELLS_FILE, BLOCKS_FILE, RANKING_FILE);
        if (tables.latency() != null) {
            require(tables.latency(), LATENCY_COLUMNS, LATENCY_FILE);
        }
        if (tables.safety() != null) {
            require(tables.safety(), safetyColumns(layout), SAFETY_FILE);
        }
        SummaryTables.HeldOut holdout = tables.holdout();
        if (holdout != null) {
            requireEvaluationTables(holdout.layout(), holdout.tables(), HOLDOUT_CELLS_FILE, HOLDOUT_BLOCKS_FILE,
                    HOLDOUT_RANKING_FILE);
        }
        if (tables.humanBaseline() != null) {
            require(tables.humanBaseline(), humanBaselineColumns(layout), HUMAN_BASELINE_FILE);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
        try {
            writeEvaluationTables(staging, layout, tables, CELLS_FILE, BLOCKS_FILE, RANKING_FILE);
            Files.writeString(staging.resolve(SQL_FILE), sql, StandardCharsets.UTF_8);
            ObjectNode manifest = manifest(rowManifest, layout, provenance);
            if (tables.latency() != null) {
                writeCsv(staging.resolve(LATENCY_FILE), tables.latency());
                ((ObjectNode) manifest.path("suites")).putObject("latency").put("file", LATENCY_FILE);
            }
            if (tables.safety() != null) {
                writeCsv(staging.resolve(SAFETY_FILE), tables.safety());
                ((ObjectNode) manifest.path("suites")).putObject("safety").put("file", SAFETY_FILE);
            }
            if (holdout != null) {
                writeEvaluationTables(staging, holdout.layout(), holdout.tables(), HOLDOUT_CELLS_FILE,
                        HOLDOUT_BLOCKS_FILE, HOLDOUT_RANKING_FILE);
                describeHoldout(rowManifest, manifest, holdout);
            }
            if (tables.humanBaseline() != null) {
                writeCsv(staging.resolve(HUMAN_BASELINE_FILE), tables.humanBaseline());
                ((ObjectNode) manifest.path("suites")).putObject("humanBaseline").put("file", HUMAN_BASELINE_FILE);
            }
            carry(rowManifest, manifest, staging);
            json.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(PackManifest.FILE_NAME).toFile(),
                    manifest);
            if (carriedFrom != null) {
                checkCarried(staging);
            }
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                try (Stream<Path> files = Files.walk(staging)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private ObjectNode manifest(PackManifest rowManifest, SummaryLayout layout, SummaryProvenance provenance) {
        ObjectNode manifest = rowManifest.raw().deepCopy();
        // the optional suites stay row-level evidence: carried as they are when they are at hand (carry)
        ObjectNode primary = ((ObjectNode) manifest.path("suites").path("primary")).deepCopy();
        primary.put("file", CELLS_FILE);
        ObjectNode suites = manifest.putObject("suites");
        suites.set("primary", primary);
        manifest.remove("policy");
        ObjectNode summary = manifest.putObject("summary");
        summary.put("format", FORMAT);
        summary.put("rows", provenance.rows());
        summary.put("engine", provenance.engine());
        summary.put("engineVersion", provenance.engineVersion());
        summary.put("sql", SQL_FILE);
        summary.put("sqlSha256", provenance.sqlSha256());
        summary.put("source", provenance.source());
        if (provenance.snapshot() != null) {
            summary.put("snapshot", provenance.snapshot());
        }
        summary.put("scored", layout.scores());
        if (layout.hasBlocks()) {
            summary.put("blocks", BLOCKS_FILE);
            summary.put("blockCount", provenance.blocks());
            summary.put("seed", provenance.seed());
            if (provenance.blockHash() != null) {
                summary.put("blockHash", provenance.blockHash());
            }
        }
        if (layout.ranking()) {
            summary.put("ranking", RANKING_FILE);
            ObjectNode bins = summary.putObject("scoreBins");
            bins.put("scale", "logit");
            bins.put("width", RankingSums.FINE_WIDTH);
        }
        return manifest;
    }

    /**
     * Names the held-out set's cells as the holdout suite (its slices as the row manifest gives them) and records
     * under {@code summary.holdout} its row count, source and other tables; the rest of its provenance (engine, SQL,
     * seed, blocks, bins) is the primary suite's.
     */
    private static void describeHoldout(PackManifest rowManifest, ObjectNode manifest, SummaryTables.HeldOut holdout) {
        ObjectNode suite = ((ObjectNode) rowManifest.raw().path("suites").path(SummaryLayout.HOLDOUT_SUITE)).deepCopy();
        suite.put("file", HOLDOUT_CELLS_FILE);
        ((ObjectNode) manifest.path("suites")).set(SummaryLayout.HOLDOUT_SUITE, suite);
        ObjectNode summary = ((ObjectNode) manifest.path("summary")).putObject(SummaryLayout.HOLDOUT_SUITE);
        summary.put("rows", holdout.tables().cells().countTotal());
        summary.put("source", holdout.source());
        if (holdout.layout().hasBlocks()) {
            summary.put("blocks", HOLDOUT_BLOCKS_FILE);
        }
        if (holdout.layout().ranking()) {
            summary.put("ranking", HOLDOUT_RANKING_FILE);
        }
    }

    /** Copies the policy and the optional suites found beside the row manifest, and names them in the manifest. */
    private void carry(PackManifest rowManifest, ObjectNode manifest, Path staging) throws IOException {
        if (carriedFrom == null) {
            return;
        }
        ObjectNode suites = (ObjectNode) manifest.path("suites");
        for (var suite : rowManifest.suites().entrySet()) {
            // a suite the pack already holds in summary form (latency buckets) replaces its rows
            if (!suites.has(suite.getKey()) && copied(suite.getValue().file(), staging)) {
                suites.set(suite.getKey(), rowManifest.raw().path("suites").path(suite.getKey()).deepCopy());
            }
        }
        if (rowManifest.policyFile().isPresent() && copied(rowManifest.policyFile().get(), staging)) {
            manifest.put("policy", rowManifest.policyFile().get());
        }
    }

    /**
     * Refuses a staged pack the check refuses, naming a carried file where the user can fix it: in the row manifest's
     * folder, at the same line and column, since the pack holds a byte copy of it.
     */
    private void checkCarried(Path staging) throws PackException {
        try {
            carriedCheck.check(staging);
        } catch (PackException refused) {
            Path name = Path.of(refused.file());
            boolean carried = !name.isAbsolute() && Files.isRegularFile(carriedFrom.resolve(name))
                    && Files.isRegularFile(staging.resolve(name));
            throw carried ? refused.relocated(carriedFrom.resolve(name).toString()) : refused;
        }
    }

    /** Copies one file the manifest names (inside its folder, as the manifest reader checked) if it is there. */
    private boolean copied(String name, Path staging) throws IOException {
        Path folder = carriedFrom.toAbsolutePath().normalize();
        Path source = folder.resolve(name).normalize();
        if (!source.startsWith(folder) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path target = staging.resolve(name).normalize();
        if (!target.startsWith(staging) || Files.exists(target)) {
            throw new IOException(name + ": cannot be carried into the summary pack (it would replace "
                    + "one of the pack's own files or leave the pack)");
        }
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
        return true;
    }

    /** The safety cells' columns: category, violation_V for every version, n. */
    static List<String> safetyColumns(SummaryLayout layout) {
        List<String> columns = new ArrayList<>(List.of("category"));
        layout.versions().forEach(version -> columns.add("violation_" + version));
        columns.add(SummaryLayout.COUNT);
        return columns;
    }

    /** The human baseline's cells' columns: label, human, pred_V for every version, n. */
    static List<String> humanBaselineColumns(SummaryLayout layout) {
        List<String> columns = new ArrayList<>(SummaryLayout.humanBaselineKeys(layout.versions()));
        columns.add(SummaryLayout.COUNT);
        return columns;
    }

    private static void requireEvaluationTables(SummaryLayout layout, SummaryTables tables, String cellsFile,
                                                String blocksFile, String rankingFile) throws IOException {
        require(tables.cells(), layout.cellColumns(), cellsFile);
        if (layout.hasBlocks()) {
            require(tables.blocks(), layout.blockColumns(), blocksFile);
        }
        if (layout.ranking()) {
            require(tables.ranking(), layout.rankingColumns(), rankingFile);
        }
    }

    private static void writeEvaluationTables(Path staging, SummaryLayout layout, SummaryTables tables,
                                              String cellsFile, String blocksFile, String rankingFile)
            throws IOException {
        writeCsv(staging.resolve(cellsFile), tables.cells());
        if (layout.hasBlocks()) {
            writeCsv(staging.resolve(blocksFile), tables.blocks());
        }
        if (layout.ranking()) {
            writeCsv(staging.resolve(rankingFile), tables.ranking());
        }
    }

    private static void require(SummaryTable table, List<String> columns, String file) throws IOException {
        if (table == null || !table.columns().equals(columns)) {
            throw new IOException(file + ": the engine returned columns "
                    + (table == null ? "none" : table.columns()) + ", expected " + columns);
        }
    }

    private static void writeCsv(Path file, SummaryTable table) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file)) {
            csv.writeRecord(table.columns());
            for (String[] row : table.rows()) {
                csv.writeRecord(row);
            }
        }
    }
}
