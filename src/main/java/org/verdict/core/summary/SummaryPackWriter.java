package org.verdict.core.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.stats.BinnedScores;

/**
 * Writes a summary pack folder: the row-level manifest with its primary suite pointed at the cells table and a
 * {@code summary} object (provenance, blocks file), the cells and blocks CSVs and the SQL that made them. The pack is
 * written into a temporary sibling folder and moved into place at the end, so a failure leaves nothing half-written.
 */
public final class SummaryPackWriter {
    public static final String CELLS_FILE = "primary_cells.csv";
    public static final String BLOCKS_FILE = "primary_blocks.csv";
    public static final String SCORES_FILE = "primary_scores.csv";
    public static final String JOINT_FILE = "primary_joint.csv";
    public static final String SQL_FILE = "summary.sql";
    public static final String FORMAT = "verdict-summary/1";

    private final ObjectMapper json = new ObjectMapper();

    /** @param out must not exist yet */
    public void write(Path out, PackManifest rowManifest, SummaryLayout layout, SummaryProvenance provenance,
                      String sql, SummaryTables tables) throws IOException {
        SummaryTable cells = tables.cells();
        SummaryTable blocks = tables.blocks();
        SummaryTable scores = tables.scores();
        SummaryTable joint = tables.joint();
        if (Files.exists(out)) {
            throw new IOException(out + " already exists; choose a new folder for the summary pack");
        }
        require(cells, layout.cellColumns(), CELLS_FILE);
        if (layout.hasBlocks()) {
            require(blocks, layout.blockColumns(), BLOCKS_FILE);
        }
        if (layout.histograms()) {
            require(scores, layout.scoreColumns(), SCORES_FILE);
            require(joint, layout.jointColumns(), JOINT_FILE);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
        try {
            writeCsv(staging.resolve(CELLS_FILE), cells);
            if (layout.hasBlocks()) {
                writeCsv(staging.resolve(BLOCKS_FILE), blocks);
            }
            if (layout.histograms()) {
                writeCsv(staging.resolve(SCORES_FILE), scores);
                writeCsv(staging.resolve(JOINT_FILE), joint);
            }
            Files.writeString(staging.resolve(SQL_FILE), sql, StandardCharsets.UTF_8);
            json.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(PackManifest.FILE_NAME).toFile(),
                    manifest(rowManifest, layout, provenance));
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
        // the optional suites stay row-level evidence; a summary pack carries the primary suite only
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
        }
        if (layout.histograms()) {
            summary.put("scores", SCORES_FILE);
            summary.put("joint", JOINT_FILE);
            ObjectNode bins = summary.putObject("scoreBins");
            bins.put("scale", "logit");
            bins.put("width", BinnedScores.FINE_WIDTH);
            bins.put("jointFactor", BinnedScores.COARSE_FACTOR);
        }
        return manifest;
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
