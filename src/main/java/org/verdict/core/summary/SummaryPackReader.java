package org.verdict.core.summary;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.verdict.core.pack.Hashes;
import org.verdict.core.pack.ManifestReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackHashing;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.pack.StrictJson;
import org.verdict.core.pack.SuiteSpec;
import org.verdict.core.pack.Task;
import org.verdict.core.pack.UnicodeForms;
import org.verdict.core.stats.RankingSums;
import org.verdict.core.task.Progress;

/**
 * Opens a summary pack and checks it whole before anything is returned: the manifest as for any pack plus its
 * {@code summary} object; every cell and block a whole, non-negative count; no combination, cell or block listed
 * twice; block ids within [0, blockCount); block counts adding up to the cells of their combination; and the cells
 * adding up to the manifest's row count. Every problem names the file, line and column.
 */
public final class SummaryPackReader {
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Reads a summary pack folder or .zip whole, its held-out set included. A .zip is unpacked into a private
     * temporary folder that is deleted again before this returns: everything a summary pack holds is in memory, its
     * files hashed.
     */
    public SummaryPack read(Path source, Progress progress) throws PackException {
        progress.update(0, "Opening " + source.getFileName());
        try (PackFiles files = PackFiles.open(source)) {
            return read(source, files, progress);
        }
    }

    private SummaryPack read(Path source, PackFiles files, Progress progress) throws PackException {
        PackManifest manifest = new ManifestReader().read(files);
        PackHashing hashing = PackHashing.start(files, true);
        try {
            PrimarySummary primary = readPrimary(files, manifest, progress);
            Optional<PrimarySummary> holdout = readHoldout(files, manifest, progress);
            progress.update(0.99, "Hashing files");
            Map<String, String> fileHashes = hashing.await();
            progress.update(1, "Loaded " + manifest.model().name());
            return new SummaryPack(source, manifest, primary.provenance(), primary, holdout, fileHashes);
        } catch (PackException | RuntimeException refused) {
            hashing.settle();
            throw refused;
        }
    }

    /**
     * Reads and checks the primary suite of a summary pack whose manifest has been read (the {@code PackLoader}'s
     * {@link org.verdict.core.pack.SufficientStatistics.Reader}, so the app, gates and reports open a summary pack
     * through the same loading path as rows).
     */
    public PrimarySummary readPrimary(PackFiles files, PackManifest manifest, Progress progress)
            throws PackException {
        Header header = header(files, manifest);
        JsonNode holdout = header.node.path(SummaryLayout.HOLDOUT_SUITE);
        if (!holdout.isMissingNode() && manifest.suite(SummaryLayout.HOLDOUT_SUITE).isEmpty()) {
            throw header.summary.error("/" + SummaryLayout.HOLDOUT_SUITE, "describes a summarised held-out set, but "
                    + "the manifest's suites have no holdout entry naming its cells and slices");
        }
        SummaryLayout layout = SummaryLayout.of(manifest, header.scored, header.ranking);
        return readTables(files, manifest, manifest.primarySuite().file(), header, "", layout,
                header.shared.source(), progress);
    }

    /**
     * Reads and checks the held-out set of a summary pack whose statistics hold it ({@code summary.holdout}): the
     * primary suite's tables over the holdout suite's slice columns, with every check of the primary's. Empty when
     * the pack's holdout suite is carried as rows, or it has none.
     */
    public Optional<PrimarySummary> readHoldout(PackFiles files, PackManifest manifest, Progress progress)
            throws PackException {
        Optional<SuiteSpec> suite = manifest.suite(SummaryLayout.HOLDOUT_SUITE);
        if (suite.isEmpty() || !manifest.raw().path("summary").path(SummaryLayout.HOLDOUT_SUITE).isObject()) {
            return Optional.empty();
        }
        Header header = header(files, manifest);
        String prefix = "/" + SummaryLayout.HOLDOUT_SUITE;
        SummaryLayout layout = SummaryLayout.of(manifest, suite.get(), header.scored, header.ranking);
        String source = header.summary.text(header.node, prefix + "/source");
        if (source.equals(header.shared.source())) {
            // summarised from the primary rows themselves, its results would count the same evidence twice
            throw header.summary.error(prefix + "/source", "names " + source + ", the primary rows' own source"
                    + " (summary.source): the held-out set must be examples the evaluation set does not hold;"
                    + " summarise the held-out examples' own rows (summarize --holdout-input), or leave the held-out"
                    + " set out");
        }
        return Optional.of(readTables(files, manifest, suite.get().file(), header, prefix, layout, source,
                progress));
    }

    /**
     * The {@code summary} object's table shape and provenance, shared by the primary suite and the held-out set.
     *
     * @param shared engine, SQL, snapshot, seed and blocks of every suite (one script made them all), with the
     *               primary suite's source; each suite's own rows (and the held-out set's source) come from its tables
     */
    private record Header(JsonNode node, Located summary, boolean scored, boolean ranking, int blockCount,
                          SummaryProvenance shared) {
    }

    private Header header(PackFiles files, PackManifest manifest) throws PackException {
        Located summary = new Located(files.root().resolve(PackManifest.FILE_NAME), "/summary");
        if (!manifest.raw().path("summary").isObject()) {
            throw summary.wrongKind("", manifest.raw().path("summary"), "a JSON object in a summary pack");
        }
        JsonNode node = manifest.raw().path("summary");
        if (!SummaryPackWriter.FORMAT.equals(node.path("format").asText())) {
            throw summary.wrongKind("/format", node.path("format"), "\"" + SummaryPackWriter.FORMAT + "\"");
        }
        if (node.has("joint")) {
            throw summary.error("/joint", "holds score and joint histograms, an earlier layout that Verdict no "
                    + "longer reads; summarise the rows again (verdict summarize) for ranking sums");
        }
        boolean scored = node.path("scored").asBoolean(manifest.task() == Task.BINARY);
        SummaryLayout layout = SummaryLayout.of(manifest, scored, node.has("ranking"));
        int blockCount = layout.hasBlocks() ? (int) summary.wholeNumber(node, "/blockCount") : 0;
        if (layout.hasBlocks() && blockCount < 1) {
            throw summary.error("/blockCount", "must be at least 1");
        }
        String sqlFile = summary.text(node, "/sql");
        String sqlHash = summary.text(node, "/sqlSha256");
        Path sqlPath = files.resolve(sqlFile, PackManifest.FILE_NAME, 0, 0);
        try {
            if (!Hashes.sha256Hex(sqlPath).equalsIgnoreCase(sqlHash)) {
                throw summary.error("/sqlSha256", "does not match the SHA-256 of " + sqlFile
                        + "; the SQL stored is not the SQL recorded");
            }
            String sql = java.nio.file.Files.readString(sqlPath, java.nio.charset.StandardCharsets.UTF_8);
            // a script with row checks carries its own id; one from before them has nothing to check it by
            if (sql.contains(RowChecks.SCRIPT_ID) && !SummarySql.holdsItsOwnId(sql)) {
                throw new PackException(sqlFile, "is not a script as Verdict printed it: none of the ids it quotes "
                        + "is the SHA-256 of its text with that id written as 64 zeros, so it was changed after it "
                        + "was printed and is not the script whose checks the pack was imported with; make the pack "
                        + "again (summarize --engine duckdb, or --engine import with the tables of one run of the "
                        + "script as printed)");
            }
        } catch (IOException e) {
            throw new PackException(sqlFile, "cannot be read: " + e.getMessage());
        }
        if (layout.ranking()) {
            JsonNode bins = node.path("scoreBins");
            if (!"logit".equals(bins.path("scale").asText()) || bins.path("width").asDouble() != RankingSums.FINE_WIDTH
                    || bins.size() != 2) {
                throw summary.error("/scoreBins", "must be {\"scale\": \"logit\", \"width\": 0.001}: "
                        + "contiguous, non-overlapping bins ⌊logit · 1000⌋");
            }
        }
        String blockHash = null;
        if (layout.hasBlocks() && !node.path("blockHash").isMissingNode()) {
            blockHash = node.path("blockHash").asText();
            if (!SummaryProvenance.ROW_ENGINE_HASH.equals(blockHash)) {
                throw summary.error("/blockHash", "must be \"" + SummaryProvenance.ROW_ENGINE_HASH
                        + "\" (the first 15 hex digits of MD5(example_id:seed) modulo blockCount), not "
                        + StrictJson.written(node.path("blockHash")));
            }
        }
        SummaryProvenance shared = new SummaryProvenance(summary.text(node, "/engine"),
                summary.text(node, "/engineVersion"), sqlHash, summary.text(node, "/source"),
                node.path("snapshot").isTextual() ? node.path("snapshot").asText() : null, 0,
                layout.hasBlocks() ? node.path("seed").asLong() : 0, blockCount, blockHash);
        return new Header(node, summary, scored, layout.ranking(), blockCount, shared);
    }

    /**
     * One evaluation suite's tables: the cells named by the suite, and the blocks, scores and joint tables named
     * under {@code prefix} of the summary object ("" for the primary suite, "/holdout" for the held-out set), whose
     * {@code rows} the cells must add up to.
     */
    private PrimarySummary readTables(PackFiles files, PackManifest manifest, String cellsFile, Header header,
                                      String prefix, SummaryLayout layout, String source, Progress progress)
            throws PackException {
        Located summary = header.summary;
        JsonNode node = header.node;
        long rows = summary.wholeNumber(node, prefix + "/rows");
        SummaryProvenance made = header.shared;
        SummaryProvenance provenance = new SummaryProvenance(made.engine(), made.engineVersion(), made.sqlSha256(),
                source, made.snapshot(), rows, made.seed(), made.blocks(), made.blockHash());
        Cells cells = readCells(files.resolve(cellsFile, PackManifest.FILE_NAME, 0, 0), cellsFile, layout, manifest);
        progress.update(0.5, "Read " + cellsFile);
        List<Map<Integer, double[]>> blocks = new ArrayList<>();
        for (int c = 0; c < cells.combinations.size(); c++) {
            blocks.add(new TreeMap<>());
        }
        if (layout.hasBlocks()) {
            String blocksFile = summary.text(node, prefix + "/blocks");
            readBlocks(files.resolve(blocksFile, PackManifest.FILE_NAME, 0, 0), blocksFile, layout,
                    header.blockCount, cells, blocks);
        }
        Map<List<String>, PrimarySummary.Ranking[]> ranking = new HashMap<>();
        if (layout.ranking()) {
            String rankingFile = summary.text(node, prefix + "/ranking");
            readRanking(files.resolve(rankingFile, PackManifest.FILE_NAME, 0, 0), rankingFile, layout,
                    manifest.production().version(), cells, ranking);
        }
        long total = 0;
        for (long n : cells.rowsPerCombination()) {
            total += n;
        }
        if (total != rows) {
            throw summary.error(prefix + "/rows", "is " + rows + " but the cells of " + cellsFile + " add up to "
                    + total);
        }
        return new PrimarySummary(layout, cells.classes, cells.combinations, cells.cells, blocks,
                cells.rowsPerCombination(), ranking, provenance);
    }

    /** The cells table, parsed; label and prediction values still as text until the classes are known. */
    private static final class Cells {
        final Map<List<String>, Integer> index = new HashMap<>();
        final List<List<String>> combinations = new ArrayList<>();
        final List<List<long[]>> cells = new ArrayList<>();
        final List<Long> rows = new ArrayList<>();
        List<String> classes = List.of();

        long[] rowsPerCombination() {
            return rows.stream().mapToLong(Long::longValue).toArray();
        }

        int combination(List<String> values) {
            return index.computeIfAbsent(values, v -> {
                combinations.add(v);
                cells.add(new ArrayList<>());
                rows.add(0L);
                return combinations.size() - 1;
            });
        }
    }

    private Cells readCells(Path path, String file, SummaryLayout layout, PackManifest manifest) throws PackException {
        Cells cells = new Cells();
        List<String> columns = layout.cellColumns();
        int slices = layout.sliceColumns().size();
        int versions = layout.versions().size();
        boolean classification = layout.task().isClassification();
        Set<List<String>> seen = new HashSet<>();
        List<String[]> codedRows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        TreeSet<String> labels = new TreeSet<>();
        ValueForms forms = new ValueForms(layout, manifest);
        read(path, file, columns, (record, column) -> {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < columns.size() - 1; i++) {
                key.add(text(record, column[i], file, columns.get(i)));
                forms.refuseOtherForm(i, key.get(i), file, record.getStartingLineNumber(), column[i] + 1,
                        columns.get(i));
            }
            if (!seen.add(key)) {
                throw new PackException(file, record.getStartingLineNumber(), column[0] + 1,
                        "the cell " + key + " is listed twice; each cell may appear once");
            }
            long n = count(record, column[columns.size() - 1], file, SummaryLayout.COUNT);
            int combo = cells.combination(List.copyOf(key.subList(0, slices)));
            cells.rows.set(combo, cells.rows.get(combo) + n);
            if (classification) {
                labels.add(key.get(slices));
                codedRows.add(key.toArray(String[]::new));
                lines.add(record.getStartingLineNumber());
                cells.cells.get(combo).add(new long[versions + 2]);
                cells.cells.get(combo).get(cells.cells.get(combo).size() - 1)[versions + 1] = n;
            }
        });
        if (classification) {
            cells.classes = classes(manifest, labels, file);
            // second pass over the parsed keys: code labels and predictions now that the classes are known
            Map<Integer, Integer> filled = new HashMap<>();
            for (int r = 0; r < codedRows.size(); r++) {
                String[] key = codedRows.get(r);
                int combo = cells.index.get(List.of(key).subList(0, slices));
                int position = filled.merge(combo, 1, Integer::sum) - 1;
                long[] cell = cells.cells.get(combo).get(position);
                cell[0] = cells.classes.indexOf(key[slices]);
                for (int v = 0; v < versions; v++) {
                    cell[1 + v] = predictionCode(layout, cells.classes, key[slices + 1 + v], file, lines.get(r),
                            columns.indexOf(SummaryLayout.prediction(layout.versions().get(v))) + 1);
                }
            }
        }
        return cells;
    }

    /**
     * The slice values and class names of a cells table by Unicode form ({@link UnicodeForms}), so one written in two
     * forms is refused as the row loader refuses it, rather than counted as two slices or classes that print alike.
     * Each distinct value is looked at once.
     */
    private static final class ValueForms {
        private final int slices;
        /** Cells columns holding class names: the label, and in a multiclass pack the predictions (binary: 0/1). */
        private final int classColumns;
        private final List<Set<String>> seen = new ArrayList<>();
        private final List<UnicodeForms<String>> forms = new ArrayList<>();

        ValueForms(SummaryLayout layout, PackManifest manifest) {
            slices = layout.sliceColumns().size();
            classColumns = !layout.task().isClassification() ? 0
                    : layout.task() == Task.MULTICLASS ? 1 + layout.versions().size() : 1;
            for (int i = 0; i <= slices; i++) {
                seen.add(new HashSet<>());
                forms.add(new UnicodeForms<>());
            }
            UnicodeForms<String> classes = forms.get(slices);
            if (layout.task() == Task.BINARY) {
                classes.add(manifest.model().positiveLabel(), "in manifest.json model.positiveLabel");
            }
            manifest.declaredClasses().ifPresent(declared -> declared.forEach(
                    name -> classes.add(name, "in manifest.json model.classes")));
        }

        /** @param i the position of the value in the cells' key (slice columns, then the class columns) */
        void refuseOtherForm(int i, String value, String file, long line, int column, String name)
                throws PackException {
            if (i >= slices + classColumns) {
                return;
            }
            int set = Math.min(i, slices); // the class columns share one set of names
            if (!seen.get(set).add(value)) {
                return;
            }
            String place = "on line " + line + (i < slices ? "" : ", column " + column);
            UnicodeForms.Twin<String> earlier = forms.get(set).add(value, place);
            if (earlier != null) {
                throw new PackException(file, line, column, "(" + name + ") "
                        + RowProblems.otherUnicodeForm(value, earlier.value(), earlier.place()));
            }
        }
    }

    private static List<String> classes(PackManifest manifest, TreeSet<String> labels, String file)
            throws PackException {
        if (manifest.task() == Task.BINARY) {
            String positive = manifest.model().positiveLabel();
            if (labels.size() > 2 || !labels.contains(positive) && labels.size() == 2) {
                throw new PackException(file, "a binary summary needs labels " + positive
                        + " and one other value, found " + labels);
            }
            List<String> classes = new ArrayList<>(labels);
            classes.remove(positive);
            if (classes.isEmpty()) {
                throw new PackException(file, "every label is " + positive + "; a binary comparison needs both classes");
            }
            classes.add(positive);
            return List.copyOf(classes);
        }
        return manifest.multiclassOrder(labels);
    }

    private static int predictionCode(SummaryLayout layout, List<String> classes, String value, String file, long line,
                                      int column) throws PackException {
        if (layout.task() == Task.BINARY) {
            return switch (value) {
                case "0" -> 0;
                case "1" -> 1;
                default -> throw new PackException(file, line, column, "a binary summary's prediction is 1 (positive)"
                        + " or 0, found '" + value + "'");
            };
        }
        int code = classes.indexOf(value);
        if (code < 0) {
            throw new PackException(file, line, column, "predicted class '" + value + "' is not a label of the "
                    + "summary nor in model.classes");
        }
        return code;
    }

    private void readBlocks(Path path, String file, SummaryLayout layout, int blockCount, Cells cells,
                            List<Map<Integer, double[]>> blocks) throws PackException {
        List<String> columns = layout.blockColumns();
        List<String> sums = layout.blockSums();
        boolean[] nonNegative = new boolean[sums.size()];
        for (int s = 0; s < sums.size(); s++) {
            nonNegative[s] = mustBeNonNegative(sums.get(s));
        }
        BlockRows read = BlockRowsReader.read(path, file, columns, layout.sliceColumns().size() + 1, nonNegative,
                () -> new BlockRows(file, columns, sums, layout.sliceColumns().size(), blockCount, cells, nonNegative),
                BlockRows::join);
        for (int combo = 0; combo < cells.combinations.size(); combo++) {
            long expected = cells.rows.get(combo);
            long found = read.rows.getOrDefault(combo, 0L);
            if (expected != found) {
                long[] where = read.lastLine.getOrDefault(combo, new long[] {1, read.countColumn});
                throw new PackException(file, where[0], where[1], "the blocks of " + cells.combinations.get(combo)
                        + " hold " + found + " rows but its cells hold " + expected
                        + "; the blocks must partition exactly the rows of the cells");
            }
            blocks.get(combo).putAll(read.blocks.get(combo));
        }
    }

    /** The rows of a blocks table, or of one of its parts, checked row by row as they are read. */
    private static final class BlockRows implements BlockRowsReader.Part {
        private final String file;
        private final List<String> columns;
        private final List<String> sums;
        private final int slices;
        private final int blockCount;
        private final Cells cells;
        private final boolean[] nonNegative;
        /** Per combination, block id → its sums, then n. */
        final List<Map<Integer, double[]>> blocks = new ArrayList<>();
        /** Per combination, the rows its blocks hold. */
        final Map<Integer, Long> rows = new HashMap<>();
        /** Per combination, the line and count column of its last block (where a wrong total is reported). */
        final Map<Integer, long[]> lastLine = new HashMap<>();
        int countColumn;

        BlockRows(String file, List<String> columns, List<String> sums, int slices, int blockCount, Cells cells,
                  boolean[] nonNegative) {
            this.file = file;
            this.columns = columns;
            this.sums = sums;
            this.slices = slices;
            this.blockCount = blockCount;
            this.cells = cells;
            this.nonNegative = nonNegative;
            for (int c = 0; c < cells.combinations.size(); c++) {
                blocks.add(new TreeMap<>());
            }
        }

        @Override
        public void read(long line, String[] text, double[] converted, int[] column) throws PackException {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < slices; i++) {
                key.add(text(text[i], line, column[i], file, columns.get(i)));
            }
            Integer combo = cells.index.get(key);
            if (combo == null) {
                throw new PackException(file, line, column[0] + 1, "slice values " + key
                        + " have blocks but no cells in the cells table");
            }
            long block = count(text[slices], line, column[slices], file, SummaryLayout.BLOCK);
            if (block >= blockCount) {
                throw new PackException(file, line, column[slices] + 1, "block " + block
                        + " is outside 0.." + (blockCount - 1) + " (blockCount " + blockCount + ")");
            }
            double[] values = new double[sums.size() + 1];
            for (int s = 0; s < sums.size(); s++) {
                String written = text[slices + 1 + s];
                values[s] = written == null ? converted[s]
                        : number(written, line, column[slices + 1 + s], file, sums.get(s), nonNegative[s]);
            }
            long n = count(text[columns.size() - 1], line, column[columns.size() - 1], file, SummaryLayout.COUNT);
            values[sums.size()] = n;
            if (blocks.get(combo).putIfAbsent((int) block, values) != null) {
                throw new PackException(file, line, column[slices] + 1, "block " + block
                        + " of " + key + " is listed twice; blocks may not overlap");
            }
            rows.merge(combo, n, Long::sum);
            lastLine.put(combo, new long[] {line, column[columns.size() - 1] + 1});
            countColumn = column[columns.size() - 1] + 1;
        }

        /** The second part's rows after this part's; false when a block is in both (one pass refuses it). */
        boolean join(BlockRows second, long lineOffset) {
            for (int combo = 0; combo < blocks.size(); combo++) {
                for (Integer block : second.blocks.get(combo).keySet()) {
                    if (blocks.get(combo).containsKey(block)) {
                        return false;
                    }
                }
            }
            for (int combo = 0; combo < blocks.size(); combo++) {
                blocks.get(combo).putAll(second.blocks.get(combo));
            }
            second.rows.forEach((combo, n) -> rows.merge(combo, n, Long::sum));
            second.lastLine.forEach((combo, where) -> lastLine.put(combo, new long[] {where[0] + lineOffset, where[1]}));
            if (!second.rows.isEmpty()) {
                countColumn = second.countColumn;
            }
            return true;
        }
    }

    /**
     * The ranking sums: one row per (slice of the overall slice, each column and each pair of columns, version). Each
     * slice's class counts must be its cells' (the sums add up to their marginals), every such slice must be there
     * for every version, and the sums must be possible: placement values lie in [0, 1], so Σ V ≤ count, Σ V² ≤ Σ V
     * and (Σ V)² ≤ count · Σ V²; Σ V10 / m and Σ V01 / n are both the AUC; production's cross sums with itself are
     * its squares; and no cross sum exceeds what Cauchy–Schwarz allows. Packs summarised before
     * {@link SummaryLayout#INFLUENCE_DELTA_FOURTH} lack that column: its sums read as NaN, and pr_auc's Δ then uses z
     * on every slice, under a test name that says so.
     */
    private void readRanking(Path path, String file, SummaryLayout layout, String production, Cells cells,
                             Map<List<String>, PrimarySummary.Ranking[]> ranking) throws PackException {
        List<String> columns = layout.rankingColumns();
        int slices = layout.sliceColumns().size();
        int versions = layout.versions().size();
        int productionIndex = layout.versions().indexOf(production);
        Map<List<String>, long[]> expected = rankingMarginals(layout, cells);
        Map<List<String>, long[]> lines = new HashMap<>();
        int[][] where = new int[1][];
        read(path, file, columns, Set.of(SummaryLayout.INFLUENCE_DELTA_FOURTH), (record, column) -> {
            where[0] = column;
            long line = record.getStartingLineNumber();
            List<String> key = new ArrayList<>();
            for (int i = 0; i < slices; i++) {
                key.add(stripped(record.getField(column[i]), line, column[i], file, columns.get(i)));
            }
            long[] counts = expected.get(key);
            if (counts == null) {
                throw new PackException(file, line, column[0] + 1, "slice values " + key + " are not a slice of the "
                        + "cells table, or not one the ranking sums cover (the overall slice, each column, each pair "
                        + "of columns; '' for any value)");
            }
            int version = versionIndex(record, column[slices], file, layout.versions(), SummaryLayout.VERSION);
            long positives = count(record, column[slices + 1], file, SummaryLayout.POSITIVES);
            long negatives = count(record, column[slices + 2], file, SummaryLayout.NEGATIVES);
            if (positives != counts[0] || negatives != counts[1]) {
                throw new PackException(file, line, column[positives != counts[0] ? slices + 1 : slices + 2] + 1,
                        "the ranking sums of " + key + " count " + positives + " positive and " + negatives
                                + " negative examples but its cells hold " + counts[0] + " and " + counts[1]);
            }
            double[] sums = new double[SummaryLayout.RANKING_SUMS.size()];
            for (int s = 0; s < sums.length; s++) {
                int at = column[slices + 3 + s];
                sums[s] = at < 0 ? Double.NaN : number(record, at, file, SummaryLayout.RANKING_SUMS.get(s), false);
            }
            PrimarySummary.Ranking[] row = ranking.computeIfAbsent(key, k -> new PrimarySummary.Ranking[versions]);
            if (row[version] != null) {
                throw new PackException(file, line, column[slices] + 1, "version " + layout.versions().get(version)
                        + " of slice " + key + " is listed twice");
            }
            row[version] = new PrimarySummary.Ranking(positives, negatives, sums);
            lines.computeIfAbsent(key, k -> new long[versions])[version] = line;
            String problem = impossible(sums, positives, negatives, version == productionIndex);
            if (problem != null) {
                throw new PackException(file, line, column[slices + 3 + Integer.parseInt(problem.substring(0, 1))] + 1,
                        problem.substring(2));
            }
        });
        for (Map.Entry<List<String>, long[]> slice : expected.entrySet()) {
            PrimarySummary.Ranking[] row = ranking.get(slice.getKey());
            for (int version = 0; version < versions; version++) {
                if (row == null || row[version] == null) {
                    throw new PackException(file, 0, 0, "the ranking sums lack version " + layout.versions().get(version)
                            + " of slice " + slice.getKey() + " ('' for any value), which the cells hold");
                }
            }
            PrimarySummary.Ranking prod = row[productionIndex];
            for (int version = 0; version < versions; version++) {
                double[] sums = row[version].sums();
                for (int cross : new int[] {2, 5, 8}) {
                    double bound = Math.sqrt(Math.max(0, sums[cross - 1]) * Math.max(0, prod.sums()[cross - 1]));
                    if (Math.abs(sums[cross]) > bound * (1 + TOLERANCE) + TOLERANCE) {
                        throw new PackException(file, lines.get(slice.getKey())[version],
                                where[0][slices + 3 + cross] + 1, SummaryLayout.RANKING_SUMS.get(cross) + " of slice "
                                        + slice.getKey() + " is " + sums[cross] + ", beyond √(Σ of its squares · "
                                        + "production's) = " + bound + " (Cauchy–Schwarz)");
                    }
                }
            }
        }
    }

    /** Relative slack for sums an engine added up in floating point. */
    private static final double TOLERANCE = 1e-7;

    /**
     * Why one version's ranking sums cannot be, as "s:message" with s the offending sum's index in
     * {@link SummaryLayout#RANKING_SUMS}; null when they can.
     */
    private static String impossible(double[] sums, long positives, long negatives, boolean production) {
        long[] counts = {positives, negatives};
        for (int part = 0; part < 2; part++) {
            int sum = 3 * part;
            double count = counts[part];
            double slack = TOLERANCE * Math.max(1, count);
            String name = SummaryLayout.RANKING_SUMS.get(sum);
            if (sums[sum] < -slack || sums[sum] > count + slack) {
                return sum + ":" + name + " is " + sums[sum] + "; a sum of " + (long) count
                        + " placement values in [0, 1] lies in [0, " + (long) count + "]";
            }
            if (sums[sum + 1] > sums[sum] + slack || count > 0 && sums[sum + 1] < sums[sum] * sums[sum] / count - slack) {
                return (sum + 1) + ":" + SummaryLayout.RANKING_SUMS.get(sum + 1) + " is " + sums[sum + 1] + "; for "
                        + "values in [0, 1] summing to " + sums[sum] + " it lies in [" + (sums[sum] * sums[sum] / count)
                        + ", " + sums[sum] + "]";
            }
            if (production && Math.abs(sums[sum + 2] - sums[sum + 1]) > slack) {
                return (sum + 2) + ":" + SummaryLayout.RANKING_SUMS.get(sum + 2) + " of production is its cross sum "
                        + "with itself, " + SummaryLayout.RANKING_SUMS.get(sum + 1) + " = " + sums[sum + 1]
                        + ", not " + sums[sum + 2];
            }
        }
        if (positives > 0 && negatives > 0 && Math.abs(sums[0] / positives - sums[3] / negatives) > TOLERANCE) {
            return "3:v01 / negatives = " + sums[3] / negatives + " and v10 / positives = " + sums[0] / positives
                    + " are both the AUC and must be equal";
        }
        if (sums[6] < -TOLERANCE * Math.max(1, positives) || sums[6] > positives * (1 + TOLERANCE)) {
            return "6:precision is " + sums[6] + "; a sum of " + positives + " precisions lies in [0, " + positives + "]";
        }
        if (sums[7] < 0) {
            return "7:influence_sq is a sum of squares and cannot be " + sums[7];
        }
        if (production && Math.abs(sums[8] - sums[7]) > TOLERANCE * sums[7] + Double.MIN_NORMAL) {
            return "8:influence_x_production of production is its cross sum with itself, influence_sq = " + sums[7]
                    + ", not " + sums[8];
        }
        if (sums[9] < 0) {
            return "9:influence_delta_fourth is a sum of fourth powers and cannot be " + sums[9];
        }
        if (production && sums[9] > 0) {
            return "9:influence_delta_fourth of production sums its own influence less itself, so it is 0, not "
                    + sums[9];
        }
        return null;
    }

    /** Per slice the ranking sums must cover ('' for any value): its positive and negative examples in the cells. */
    private static Map<List<String>, long[]> rankingMarginals(SummaryLayout layout, Cells cells) {
        Map<List<String>, long[]> marginals = new HashMap<>();
        for (int combo = 0; combo < cells.combinations.size(); combo++) {
            long positives = 0;
            for (long[] cell : cells.cells.get(combo)) {
                positives += cell[0] == 1 ? cell[cell.length - 1] : 0;
            }
            long negatives = cells.rows.get(combo) - positives;
            if (positives + negatives == 0) {
                continue;
            }
            for (List<Integer> grouping : layout.rankingGroupings()) {
                List<String> key = new ArrayList<>(Collections.nCopies(layout.sliceColumns().size(), ""));
                List<String> values = cells.combinations.get(combo);
                grouping.forEach(column -> key.set(column, values.get(column)));
                long[] counts = marginals.computeIfAbsent(key, k -> new long[2]);
                counts[0] += positives;
                counts[1] += negatives;
            }
        }
        return marginals;
    }

    private static int versionIndex(CsvRecord record, int column, String file, List<String> versions, String name)
            throws PackException {
        String value = text(record, column, file, name);
        int index = versions.indexOf(value);
        if (index < 0) {
            throw new PackException(file, record.getStartingLineNumber(), column + 1, name + " '" + value
                    + "' is not a model version of the manifest");
        }
        return index;
    }

    /** Sums of non-negative per-row values (losses, errors, squares, counts) cannot be negative. */
    private static boolean mustBeNonNegative(String sum) {
        return !sum.equals(SummaryLayout.LABEL_DEVIATION) && !(sum.startsWith("cal_") && sum.endsWith("_gap"));
    }

    @FunctionalInterface
    private interface RowReader {
        void read(CsvRecord record, int[] column) throws PackException;
    }

    /** Reads a CSV whose header must hold exactly {@code columns} (in any order). */
    private static void read(Path path, String file, List<String> columns, RowReader rows) throws PackException {
        read(path, file, columns, Set.of(), rows);
    }

    /** As {@link #read(Path, String, List, RowReader)}, where the {@code optional} columns may be absent (position −1). */
    private static void read(Path path, String file, List<String> columns, Set<String> optional, RowReader rows)
            throws PackException {
        // strictly UTF-8, as every pack file: a reader that replaced what is not UTF-8 would make a slice of "Z�rich"
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .ofCsvRecord(PackText.utf8Reader(path))) {
            int[] position = null;
            List<String> headerNames = List.of();
            for (CsvRecord record : reader) {
                if (position == null) {
                    position = header(record.getFields(), file, columns, optional);
                    headerNames = record.getFields();
                    continue;
                }
                if (record.getFieldCount() != headerNames.size()) {
                    throw PackText.wrongFieldCount(file, record.getStartingLineNumber(), record.getFieldCount(),
                            headerNames);
                }
                rows.read(record, position);
            }
            if (position == null) {
                throw new PackException(file, 1, 0, "the file is empty; expected a header with "
                        + String.join(", ", columns));
            }
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            throw PackText.readFailure(path, file, e);
        }
    }

    /** Where each of {@code columns} is in a header of exactly those names (in any order), else the problem. */
    static int[] header(List<String> header, String file, List<String> columns) throws PackException {
        return header(header, file, columns, Set.of());
    }

    /** As {@link #header(List, String, List)}, where the {@code optional} columns may be absent (position −1). */
    static int[] header(List<String> header, String file, List<String> columns, Set<String> optional)
            throws PackException {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!columns.contains(name)) {
                throw new PackException(file, 1, i + 1, "unexpected column '" + name + "'; a summary table of this "
                        + "pack has exactly " + String.join(", ", columns));
            }
            Integer first = found.putIfAbsent(name, i);
            if (first != null) {
                throw new PackException(file, 1, i + 1, RowProblems.repeatedColumnName(name, first + 1));
            }
        }
        List<String> missing = new ArrayList<>(columns);
        missing.removeAll(found.keySet());
        missing.removeAll(optional);
        if (!missing.isEmpty()) {
            throw PackException.inHeader(file, "missing column(s) " + String.join(", ", missing));
        }
        return columns.stream().mapToInt(name -> found.getOrDefault(name, -1)).toArray();
    }

    private static String text(CsvRecord record, int column, String file, String name) throws PackException {
        return text(record.getField(column), record.getStartingLineNumber(), column, file, name);
    }

    /** A field's text without surrounding white space ({@link #stripped}); refused when that leaves nothing. */
    private static String text(String field, long line, int column, String file, String name) throws PackException {
        String value = stripped(field, line, column, file, name);
        if (value.isEmpty()) {
            throw new PackException(file, line, column + 1, name + " is empty");
        }
        return value;
    }

    /**
     * A field without surrounding white space, possibly empty. Engines write these tables, and every field of every
     * table is read so, so a space cannot split a slice here (a cell written twice is refused). A line break is
     * refused: a slice value or class holding one would print over two lines, as in the rows.
     */
    private static String stripped(String field, long line, int column, String file, String name)
            throws PackException {
        if (RowProblems.holdsLineBreak(field)) {
            throw new PackException(file, line, column + 1, name + ": " + RowProblems.lineBreakInValue());
        }
        return field.strip();
    }

    private static long count(CsvRecord record, int column, String file, String name) throws PackException {
        return count(record.getField(column), record.getStartingLineNumber(), column, file, name);
    }

    private static long count(String field, long line, int column, String file, String name) throws PackException {
        String value = text(field, line, column, file, name);
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PackException(file, line, column + 1, name + " must be a whole number, found '" + value + "'");
        }
        if (parsed < 0) {
            throw new PackException(file, line, column + 1, RowProblems.negative(name, value));
        }
        return parsed;
    }

    private static double number(CsvRecord record, int column, String file, String name, boolean nonNegative)
            throws PackException {
        return number(record.getField(column), record.getStartingLineNumber(), column, file, name, nonNegative);
    }

    private static double number(String field, long line, int column, String file, String name, boolean nonNegative)
            throws PackException {
        String value = text(field, line, column, file, name);
        double parsed;
        try {
            // Jackson's bundled FastDoubleParser: correctly rounded like Double.parseDouble and several times faster
            // on the 17-digit sums engines write, which are most of a summary pack's opening time
            parsed = NumberInput.parseDouble(value, true);
        } catch (NumberFormatException e) {
            throw new PackException(file, line, column + 1, name + " must be a number, found '" + value + "'");
        }
        if (!Double.isFinite(parsed)) {
            throw new PackException(file, line, column + 1, name + " must be a finite number, found '" + value + "'");
        }
        if (nonNegative && parsed < 0) {
            throw new PackException(file, line, column + 1, name + " is a sum of non-negative values and cannot be "
                    + value);
        }
        return parsed;
    }

    /** The summary object of the manifest, with the line and column of each value for errors. */
    private final class Located {
        private final String prefix;
        private final Map<String, JsonLocation> locations = new HashMap<>();

        Located(Path manifest, String prefix) throws PackException {
            this.prefix = prefix;
            try (JsonParser parser = json.getFactory().createParser(manifest.toFile())) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT
                            && token != JsonToken.END_ARRAY) {
                        locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                                parser.currentTokenLocation());
                    }
                }
            } catch (IOException e) {
                throw new PackException(PackManifest.FILE_NAME, "cannot be read: " + e.getMessage());
            }
        }

        /** @param problem what is wrong, said of the key, which the message names first: "must be at least 1" */
        PackException error(String pointer, String problem) {
            return at(pointer, StrictJson.keyPath(prefix + pointer) + " " + problem);
        }

        private PackException at(String pointer, String message) {
            JsonLocation at = locations.getOrDefault(prefix + pointer, locations.get(prefix));
            return new PackException(PackManifest.FILE_NAME, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), message);
        }

        String text(JsonNode summary, String pointer) throws PackException {
            JsonNode value = summary.at(pointer);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw wrongKind(pointer, value, "a non-empty string");
            }
            return value.asText();
        }

        long wholeNumber(JsonNode summary, String pointer) throws PackException {
            JsonNode value = summary.at(pointer);
            if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
                throw wrongKind(pointer, value, "a whole number ≥ 0");
            }
            return value.asLong();
        }

        PackException wrongKind(String pointer, JsonNode value, String expected) {
            return value.isMissingNode() ? error(pointer, "is required: " + expected)
                    : at(pointer, StrictJson.mustBe(prefix + pointer, expected, value));
        }
    }
}
