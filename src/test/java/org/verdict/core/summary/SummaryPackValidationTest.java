package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.BinnedAveragePrecision;
import org.verdict.core.task.Progress;
import org.verdict.core.pack.RowProblems;

/** A damaged summary pack is refused whole, with the file, line and column of the first problem. */
class SummaryPackValidationTest {
    @TempDir
    static Path shared;
    private static Path regression;
    private static Path multiclass;
    private static Path binary;
    /** Binary with scores, a summarised held-out set (blocks, ranking sums) and human-baseline cells. */
    private static Path withHoldout;

    @TempDir
    Path folder;

    @BeforeAll
    static void summarise() throws Exception {
        regression = summaryOf(Task.REGRESSION, "regression");
        multiclass = summaryOf(Task.MULTICLASS, "multiclass");
        binary = summaryOf(Task.BINARY, "binary");
        Path rows = RowPacks.writeWithHoldoutAndHumanBaseline(shared.resolve("holdout-rows"), Task.BINARY, 3_000,
                1_500, 200, 5);
        withHoldout = shared.resolve("holdout-summary");
        new DuckDbSummarizer("512MB", 1).summarizingSuitesIn(rows, RowManifest.read(rows.resolve("manifest.json")))
                .summarize(rows.resolve("primary.csv").toString(), null, RowManifest.read(rows.resolve("manifest.json")),
                        true, true, 9L, withHoldout, Progress.NONE);
    }

    private static Path summaryOf(Task task, String name) throws Exception {
        Path rows = RowPacks.write(shared.resolve(name + "-rows"), task, 3_000, 5);
        Path out = shared.resolve(name + "-summary");
        new DuckDbSummarizer("512MB", 1).summarize(rows.resolve("primary.csv").toString(), null,
                new PackLoader().load(rows, Progress.NONE).manifest(), true, true, 9L, out, Progress.NONE);
        return out;
    }

    @Test
    void anIntactSummaryPackLoads() throws Exception {
        SummaryPack pack = new SummaryPackReader().read(copy(regression), Progress.NONE);
        assertEquals(3_000, pack.primary().rowCount());
    }

    /** The primary suite's tables and a held-out set's are read by the same code: each refusal is tried on both. */
    enum Suite {
        PRIMARY("summary.rows", SummaryPackWriter.CELLS_FILE, SummaryPackWriter.RANKING_FILE),
        HELD_OUT("summary.holdout.rows", SummaryPackWriter.HOLDOUT_CELLS_FILE, SummaryPackWriter.HOLDOUT_RANKING_FILE);

        final String rowsKey;
        final String cells;
        final String ranking;

        Suite(String rowsKey, String cells, String ranking) {
            this.rowsKey = rowsKey;
            this.cells = cells;
            this.ranking = ranking;
        }

        PackException refused(Path pack) {
            return this == PRIMARY ? SummaryPackValidationTest.refused(pack) : heldOutRefused(pack);
        }
    }

    static Stream<Arguments> rowCounts() {
        return Stream.of(Arguments.of(Suite.PRIMARY, regression, 3_000, 3_001),
                Arguments.of(Suite.HELD_OUT, withHoldout, 1_500, 1_499));
    }

    @ParameterizedTest
    @MethodSource("rowCounts")
    void rowsOfTheManifestMustMatchTheCells(Suite suite, Path summarised, int rows, int claimed) throws Exception {
        Path pack = copy(summarised);
        edit(pack.resolve("manifest.json"), text -> text.replace("\"rows\" : " + rows, "\"rows\" : " + claimed));
        PackException e = suite.refused(pack);
        assertEquals("manifest.json", e.file());
        assertEquals(lineOf(pack.resolve("manifest.json"), "\"rows\" : " + claimed), e.line());
        assertTrue(e.column() > 0);
        assertEquals(suite.rowsKey + " is " + claimed + " but the cells of " + suite.cells + " add up to " + rows,
                e.problem());
    }

    static Stream<Arguments> negativeCells() {
        return Stream.of(Arguments.of(Suite.PRIMARY, multiclass, 3), Arguments.of(Suite.HELD_OUT, withHoldout, 4));
    }

    @ParameterizedTest
    @MethodSource("negativeCells")
    void aNegativeCellIsRefusedAtItsLineAndColumn(Suite suite, Path summarised, int line) throws Exception {
        Path cells = copy(summarised).resolve(suite.cells);
        setField(cells, line, "n", "-4");
        PackException e = suite.refused(cells.getParent());
        assertWhere(e, suite.cells, line, columnOf(cells, "n"));
        assertTrue(e.problem().contains("negative"), e.problem());
    }

    static Stream<Arguments> rankingCounts() {
        return Stream.of(Arguments.of(Suite.PRIMARY, binary, 5, "positives", 2),
                Arguments.of(Suite.HELD_OUT, withHoldout, 2, "negatives", 1));
    }

    @ParameterizedTest
    @MethodSource("rankingCounts")
    void rankingSumsThatDoNotAddUpToTheirCellsAreRefused(Suite suite, Path summarised, int line, String count,
                                                          int more) throws Exception {
        Path ranking = copy(summarised).resolve(suite.ranking);
        setField(ranking, line, count, Long.toString(Long.parseLong(field(ranking, line, count)) + more));
        PackException e = suite.refused(ranking.getParent());
        assertWhere(e, suite.ranking, line, columnOf(ranking, count));
        assertTrue(e.problem().contains("but its cells hold"), e.problem());
    }

    /** A slice value written in two Unicode forms would be two slices that print alike: refused at its cell. */
    @Test
    void aSliceValueInTwoUnicodeFormsIsRefusedAtTheCellOfTheSecond() throws Exception {
        Path pack = copy(multiclass);
        Path cells = pack.resolve(SummaryPackWriter.CELLS_FILE);
        edit(cells, text -> text.replaceAll("(?m)^latam,", "Z\u00fcrich,"));
        long first = lineOf(cells, "Z\u00fcrich");
        int region = columnOf(cells, "region");
        long second = first + 2;
        setField(cells, (int) second, "region", "Zu\u0308rich");
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.CELLS_FILE, second, region);
        assertEquals("(region) this value is 'Zu\u0308rich' written in another Unicode form (NFD) than on line "
                + first + " (NFC); write one form (NFC is what most tools write): the two print alike but would be"
                + " counted as two different values", e.problem());
    }

    /** A slice value over two lines would be a two-line label, as in the rows: refused at its cell. */
    @Test
    void aSliceValueHoldingALineBreakIsRefusedAtItsCell() throws Exception {
        Path pack = copy(multiclass);
        Path cells = pack.resolve(SummaryPackWriter.CELLS_FILE);
        long line = lineOf(cells, "latam,");
        setField(cells, (int) line, "region", "\"lat\nam\"");
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.CELLS_FILE, line, columnOf(cells, "region"));
        assertEquals("region: " + RowProblems.lineBreakInValue(), e.problem());
    }

    /**
     * A byte that is not UTF-8 is refused at its line and field, as in a pack of rows: read leniently, "Zürich" saved
     * as Latin-1 would be a slice "Z\uFFFDrich".
     */
    @Test
    void aCellsTableThatIsNotUtf8IsRefusedAtTheFieldOfTheByte() throws Exception {
        Path pack = copy(multiclass);
        Path cells = pack.resolve(SummaryPackWriter.CELLS_FILE);
        long line = lineOf(cells, "latam,");
        int region = columnOf(cells, "region");
        setField(cells, (int) line, "region", "Z\u00fcrich");
        Files.writeString(cells, Files.readString(cells), StandardCharsets.ISO_8859_1);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.CELLS_FILE, line, region);
        assertTrue(e.problem().startsWith("(region) character 2 of this value, byte 0xFC, is not UTF-8 text"),
                e.problem());
    }

    /** The second part of a blocks table read in two is decoded as strictly as the first. */
    @Test
    void aBlocksTableThatIsNotUtf8InItsSecondPartIsRefusedAtItsLine() throws Exception {
        Path pack = copy(regression);
        List<String> lines = readInParts(pack);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        byte[] bytes = Files.readAllBytes(blocks);
        int lastLine = new String(bytes, StandardCharsets.UTF_8).stripTrailing().lastIndexOf('\n') + 1;
        bytes[lastLine] = (byte) 0xE9;
        Files.write(blocks, bytes);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.BLOCKS_FILE, lines.size(), 1);
        assertTrue(e.problem().contains("character 1 of this value, byte 0xE9, is not UTF-8 text"), e.problem());
    }

    /** A short row is placed at the first column it lacks, as in every CSV of a pack. */
    @Test
    void aShortRowOfTheCellsIsPlacedAtTheColumnItLacks() throws Exception {
        Path pack = copy(multiclass);
        Path cells = pack.resolve(SummaryPackWriter.CELLS_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(cells));
        int fields = lines.get(0).split(",").length;
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(',')));
        Files.write(cells, lines);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.CELLS_FILE, 3, fields);
        assertEquals("(" + lines.get(0).split(",")[fields - 1] + ") the row ends before this column: it has "
                + (fields - 1) + " fields but the header has " + fields, e.problem());
    }

    @Test
    void aCellListedTwiceIsRefused() throws Exception {
        Path pack = copy(multiclass);
        Path cells = pack.resolve(SummaryPackWriter.CELLS_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(cells));
        lines.add(5, lines.get(1));
        Files.write(cells, lines);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.CELLS_FILE, 6, 1);
        assertTrue(e.problem().contains("twice"), e.problem());
    }

    @Test
    void overlappingBlocksAreRefused() throws Exception {
        Path pack = copy(regression);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(blocks));
        lines.add(3, lines.get(2));
        Files.write(blocks, lines);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.BLOCKS_FILE, 4, columnOf(blocks, "block"));
        assertTrue(e.problem().contains("overlap"), e.problem());
    }

    /**
     * The blocks table of {@code pack} with over {@link BlockRowsReader#PARTS_MIN_BYTES} of empty lines amid its rows,
     * so it is read in two parts, each holding rows; its lines, as a list.
     */
    private static List<String> readInParts(Path pack) throws IOException {
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        List<String> rows = Files.readAllLines(blocks);
        List<String> lines = new ArrayList<>(rows.subList(0, rows.size() / 2));
        for (long padded = 0; padded <= BlockRowsReader.PARTS_MIN_BYTES; padded++) {
            lines.add("");
        }
        lines.addAll(rows.subList(rows.size() / 2, rows.size()));
        Files.write(blocks, lines);
        return lines;
    }

    @Test
    void aLargeBlocksTableReadInPartsGivesTheBlocksOfOnePass() throws Exception {
        Path pack = copy(binary);
        readInParts(pack);
        PrimarySummary parts = new SummaryPackReader().read(pack, Progress.NONE).primary();
        PrimarySummary onePass = new SummaryPackReader().read(binary, Progress.NONE).primary();
        assertEquals(onePass.blocks().size(), parts.blocks().size());
        for (int combo = 0; combo < onePass.blocks().size(); combo++) {
            assertEquals(onePass.blocks().get(combo).keySet(), parts.blocks().get(combo).keySet());
            for (Integer block : onePass.blocks().get(combo).keySet()) {
                assertArrayEquals(onePass.blocks().get(combo).get(block), parts.blocks().get(combo).get(block));
            }
        }
    }

    @Test
    void aBlockInBothPartsIsRefusedAtItsRepetitionAsInOnePass() throws Exception {
        Path pack = copy(regression);
        List<String> lines = readInParts(pack);
        lines.add(lines.get(1));
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        Files.write(blocks, lines);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.BLOCKS_FILE, lines.size(), columnOf(blocks, "block"));
        assertTrue(e.problem().contains("overlap"), e.problem());
    }

    @Test
    void blocksOfTheSecondPartThatDoNotAddUpAreRefusedAtTheirFileLine() throws Exception {
        Path pack = copy(regression);
        List<String> lines = readInParts(pack);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        setField(blocks, lines.size(), "n", Long.toString(Long.parseLong(field(blocks, lines.size(), "n")) + 1));
        PackException e = refused(pack);
        // the edited row is the last of its combination, so the line its wrong total is reported at
        assertWhere(e, SummaryPackWriter.BLOCKS_FILE, lines.size(), columnOf(blocks, "n"));
        assertTrue(e.problem().contains("must partition exactly the rows of the cells"), e.problem());
    }

    @Test
    void aSymbolicLinkLeadingOutOfThePackIsRefusedByName() throws Exception {
        Path pack = copy(binary);
        assertEquals(3_000, new SummaryPackReader().read(pack, Progress.NONE).primary().rowCount());
        Path outside = folder.resolve("outside.txt");
        Files.writeString(outside, "not part of the pack");
        Files.createSymbolicLink(pack.resolve("notes.txt"), outside);
        PackException e = assertThrows(PackException.class, () -> new SummaryPackReader().read(pack, Progress.NONE));
        assertEquals("notes.txt", e.file());
        assertTrue(e.problem().contains("outside the pack"), e.problem());
    }

    @Test
    void aBlockOutsideTheDeclaredRangeIsRefused() throws Exception {
        Path pack = copy(regression);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        setField(blocks, 2, "block", "300");
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.BLOCKS_FILE, 2, columnOf(blocks, "block"));
        assertTrue(e.problem().contains("outside 0..299"), e.problem());
    }

    @Test
    void blocksThatDoNotAddUpToTheCellsAreRefused() throws Exception {
        Path pack = copy(regression);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        String n = field(blocks, 2, "n");
        setField(blocks, 2, "n", Long.toString(Long.parseLong(n) + 1));
        PackException e = refused(pack);
        assertEquals(SummaryPackWriter.BLOCKS_FILE, e.file());
        assertTrue(e.line() >= 2 && e.column() == columnOf(blocks, "n"), e.getMessage());
        assertTrue(e.problem().contains("must partition exactly the rows of the cells"), e.problem());
    }

    @Test
    void aNegativeSumOfSquaresIsRefused() throws Exception {
        Path pack = copy(regression);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        setField(blocks, 7, "sq_err_8", "-1.5");
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.BLOCKS_FILE, 7, columnOf(blocks, "sq_err_8"));
    }

    @Test
    void aBlockSumThatIsNotAFiniteNumberIsRefusedAtItsFieldInWords() throws Exception {
        Path pack = copy(binary);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        String[][] cases = {{"1,5", "must be a number, found '1'"}, {"abc", "must be a number, found 'abc'"},
            {"NaN", "must be a finite number, found 'NaN'"}, {"  ", "is empty"},
            {"-0.25", "is a sum of non-negative values and cannot be -0.25"}};
        for (String[] bad : cases) {
            Path damaged = copy(binary, Files.createTempDirectory(folder, "case"));
            setField(damaged.resolve(SummaryPackWriter.BLOCKS_FILE), 5, "brier_8", bad[0]);
            PackException e = refused(damaged);
            if (bad[0].contains(",")) {
                // a comma inside a field that is not quoted makes one field more: placed at the first beyond the header
                int headerFields = Files.readAllLines(blocks).get(0).split(",").length;
                assertWhere(e, SummaryPackWriter.BLOCKS_FILE, 5, headerFields + 1);
                assertTrue(e.problem().startsWith("the row has " + (headerFields + 1) + " fields but the header has "
                        + headerFields), e.problem());
                continue;
            }
            assertWhere(e, SummaryPackWriter.BLOCKS_FILE, 5, columnOf(blocks, "brier_8"));
            assertEquals("brier_8 " + bad[1], e.problem(), bad[0]);
        }
    }

    @Test
    void blockSumsReadTheSameHoweverTheCsvIsWritten() throws Exception {
        Path pack = copy(binary);
        Path blocks = pack.resolve(SummaryPackWriter.BLOCKS_FILE);
        SummaryPack before = new SummaryPackReader().read(pack, Progress.NONE);
        // every field quoted and padded with spaces, CRLF line ends, blank lines, and the columns in reverse order
        List<String> lines = Files.readAllLines(blocks);
        StringBuilder rewritten = new StringBuilder();
        for (String line : lines) {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            java.util.Collections.reverse(fields);
            rewritten.append(String.join(",", fields.stream().map(f -> "\" " + f + " \"").toList())).append("\r\n\r\n");
        }
        Files.writeString(blocks, rewritten.toString(), StandardCharsets.UTF_8);
        SummaryPack after = new SummaryPackReader().read(pack, Progress.NONE);
        assertEquals(before.primary().blocks().size(), after.primary().blocks().size());
        for (int combination = 0; combination < before.primary().blocks().size(); combination++) {
            var expected = before.primary().blocks().get(combination);
            var read = after.primary().blocks().get(combination);
            assertEquals(expected.keySet(), read.keySet());
            expected.forEach((block, sums) -> assertArrayEquals(sums, read.get(block), "block " + block));
        }
    }

    @Test
    void sqlThatIsNotTheRecordedSqlIsRefused() throws Exception {
        Path pack = copy(regression);
        edit(pack.resolve(SummaryPackWriter.SQL_FILE), sql -> sql + "-- edited\n");
        PackException e = refused(pack);
        assertEquals("manifest.json", e.file());
        assertEquals(lineOf(pack.resolve("manifest.json"), "\"sqlSha256\""), e.line());
        assertEquals("summary.sqlSha256 does not match the SHA-256 of " + SummaryPackWriter.SQL_FILE
                + "; the SQL stored is not the SQL recorded", e.problem());
    }

    @Test
    void anUnknownPredictedClassIsRefusedAtItsColumn() throws Exception {
        Path pack = copy(multiclass);
        Path cells = pack.resolve(SummaryPackWriter.CELLS_FILE);
        setField(cells, 4, "pred_8", "acount");
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.CELLS_FILE, 4, columnOf(cells, "pred_8"));
        assertTrue(e.problem().contains("acount"), e.problem());
    }

    @Test
    void theRowLevelLoaderSaysWhatASummaryPackIsInsteadOfMisreadingIt() throws Exception {
        PackException e = assertThrows(PackException.class,
                () -> new PackLoader().load(copy(regression), Progress.NONE));
        assertEquals("manifest.json", e.file());
        assertTrue(e.problem().contains("summary pack"), e.problem());
    }

    @Test
    void aRankingRowListedTwiceIsRefused() throws Exception {
        Path pack = copy(binary);
        Path ranking = pack.resolve(SummaryPackWriter.RANKING_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(ranking));
        lines.add(9, lines.get(8));
        Files.write(ranking, lines);
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.RANKING_FILE, 10, columnOf(ranking, "version"));
        assertTrue(e.problem().contains("listed twice"), e.problem());
    }

    @Test
    void aSliceTheCellsHoldButTheRankingSumsLackIsRefused() throws Exception {
        Path pack = copy(binary);
        Path ranking = pack.resolve(SummaryPackWriter.RANKING_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(ranking));
        String dropped = lines.remove(6);
        Files.write(ranking, lines);
        PackException e = refused(pack);
        assertEquals(SummaryPackWriter.RANKING_FILE, e.file());
        String version = dropped.split(",", -1)[columnOf(ranking, "version") - 1];
        assertTrue(e.problem().contains("lack version " + version), e.getMessage());
    }

    @Test
    void squaresOfPlacementValuesCannotAddUpToMoreThanTheValues() throws Exception {
        Path ranking = copy(binary).resolve(SummaryPackWriter.RANKING_FILE);
        // placement values lie in [0, 1], so their squares cannot add up to more than they do
        setField(ranking, 4, "v10_sq", Double.toString(Double.parseDouble(field(ranking, 4, "v10")) + 1));
        assertWhere(refused(ranking.getParent()), SummaryPackWriter.RANKING_FILE, 4, columnOf(ranking, "v10_sq"));
    }

    @Test
    void placementSumsOfBothClassesMustGiveTheSameAuc() throws Exception {
        Path ranking = copy(binary).resolve(SummaryPackWriter.RANKING_FILE);
        setField(ranking, 4, "v01", Double.toString(Double.parseDouble(field(ranking, 4, "v01")) * 0.999));
        PackException e = refused(ranking.getParent());
        assertWhere(e, SummaryPackWriter.RANKING_FILE, 4, columnOf(ranking, "v01"));
        assertTrue(e.problem().contains("both the AUC"), e.problem());
    }

    @Test
    void aCrossSumBeyondCauchySchwarzIsRefused() throws Exception {
        Path pack = copy(binary);
        Path ranking = pack.resolve(SummaryPackWriter.RANKING_FILE);
        String production = RowManifest.read(binary.resolve("manifest.json")).production().version();
        int line = 2;
        while (field(ranking, line, "version").equals(production)) {
            line++;
        }
        setField(ranking, line, "v10_x_production", field(ranking, line, "positives"));
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.RANKING_FILE, line, columnOf(ranking, "v10_x_production"));
        assertTrue(e.problem().contains("Cauchy–Schwarz"), e.problem());
    }

    @Test
    void aNegativeFourthPowerSumIsRefusedAtItsField() throws Exception {
        Path pack = copy(binary);
        Path ranking = pack.resolve(SummaryPackWriter.RANKING_FILE);
        String production = RowManifest.read(binary.resolve("manifest.json")).production().version();
        int line = 2;
        while (field(ranking, line, "version").equals(production)) {
            line++;
        }
        setField(ranking, line, "influence_delta_fourth", "-0.5");
        PackException e = refused(pack);
        assertWhere(e, SummaryPackWriter.RANKING_FILE, line, columnOf(ranking, "influence_delta_fourth"));
        assertTrue(e.problem().contains("fourth powers"), e.problem());
    }

    /**
     * A pack summarised before the ranking sums held Σψ⁴ still opens: pr_auc's Δ then takes z on every slice, under
     * the normal test's name, and the methods say so, while the same pack with the column gets t on small slices.
     */
    @Test
    void aPackWithoutTheFourthPowerSumOpensWithZUnderTheNormalTestsName() throws Exception {
        Path pack = copy(binary);
        Path ranking = pack.resolve(SummaryPackWriter.RANKING_FILE);
        int column = columnOf(ranking, "influence_delta_fourth") - 1;
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(ranking)) {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            fields.remove(column);
            lines.add(String.join(",", fields));
        }
        Files.write(ranking, lines);

        SummaryPack old = new SummaryPackReader().read(pack, Progress.NONE);
        SummaryPack current = new SummaryPackReader().read(binary, Progress.NONE);
        assertFalse(old.primary().hasInfluenceDeltaFourth());
        assertTrue(current.primary().hasInfluenceDeltaFourth());
        assertTrue(SummaryMethods.describe(old.primary()).contains("Δ with z on every slice"),
                SummaryMethods.describe(old.primary()));
        ComparisonEngine engine = new ComparisonEngine();
        List<SliceResult> withZ = prAuc(new SummaryComparison(engine).compare(old, null, ComparisonOptions.DEFAULTS,
                Progress.NONE));
        List<SliceResult> withT = prAuc(new SummaryComparison(engine).compare(current, null,
                ComparisonOptions.DEFAULTS, Progress.NONE));
        int narrower = 0;
        for (int i = 0; i < withZ.size(); i++) {
            SliceResult z = withZ.get(i);
            SliceResult t = withT.get(i);
            assertEquals(t.slice(), z.slice());
            if (z.unadjustedCi() == null) {
                continue;
            }
            assertEquals(BinnedAveragePrecision.TEST, z.test(), z.slice().label());
            assertEquals(t.n() <= 2_000 ? BinnedAveragePrecision.T_TEST : BinnedAveragePrecision.TEST, t.test());
            assertEquals(t.delta(), z.delta(), 1e-12);
            double widthZ = z.unadjustedCi().upper() - z.unadjustedCi().lower();
            double widthT = t.unadjustedCi().upper() - t.unadjustedCi().lower();
            if (t.n() <= 2_000) {
                assertTrue(widthZ < widthT, z.slice().label() + ": z " + widthZ + " against t " + widthT);
                narrower++;
            } else {
                assertEquals(widthT, widthZ, 1e-12);
            }
        }
        assertTrue(narrower > 5, narrower + " small slices compared");
    }

    private static List<SliceResult> prAuc(ComparisonReport report) {
        return report.results().stream().filter(r -> r.metric() == Metric.PR_AUC).toList();
    }

    @Test
    void aPackOfTheEarlierHistogramLayoutIsRefusedWithAdviceRatherThanOpenedWithoutRocAuc() throws Exception {
        Path pack = copy(binary);
        edit(pack.resolve("manifest.json"), text -> text.replace("\"ranking\" :", "\"joint\" : \"primary_joint.csv\",\n    \"ranking\" :"));
        PackException e = refused(pack);
        assertEquals("manifest.json", e.file());
        assertEquals(lineOf(pack.resolve("manifest.json"), "\"joint\""), e.line());
        assertEquals("summary.joint holds score and joint histograms, an earlier layout that Verdict no longer reads; "
                + "summarise the rows again (verdict summarize) for ranking sums", e.problem());
    }

    @Test
    void binsOfAnotherWidthAreRefusedRatherThanMisread() throws Exception {
        Path pack = copy(binary);
        edit(pack.resolve("manifest.json"), text -> text.replace("\"width\" : 0.001", "\"width\" : 0.002"));
        PackException e = refused(pack);
        assertEquals("manifest.json", e.file());
        assertEquals(lineOf(pack.resolve("manifest.json"), "\"scoreBins\""), e.line());
        assertEquals("summary.scoreBins must be {\"scale\": \"logit\", \"width\": 0.001}: contiguous, non-overlapping "
                + "bins ⌊logit · 1000⌋", e.problem());
    }

    @Test
    void aFailedSummaryLeavesNoFolderBehind() {
        Path out = folder.resolve("never");
        assertThrows(IOException.class, () -> new DuckDbSummarizer("256MB", 1).summarize(
                folder.resolve("missing.parquet").toString(), null, RowManifest.read(regression.resolve("manifest.json")),
                true, true, 1L, out, Progress.NONE));
        assertFalse(Files.exists(out));
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "no partial folder either");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void corruptParquetRowsAreRefusedWithDuckDbsReasonAndNoQueryEcho() throws Exception {
        Path rows = Files.writeString(folder.resolve("evals.parquet"), "PAR1 not really parquet");
        IOException e = assertThrows(IOException.class, () -> new DuckDbSummarizer("256MB", 1).summarize(
                rows.toString(), null, RowManifest.read(regression.resolve("manifest.json")), true, true, 1L,
                folder.resolve("out"), Progress.NONE));
        assertTrue(e.getMessage().startsWith("DuckDB could not summarise " + rows + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("No magic bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("LINE"), "the SQL is not echoed: " + e.getMessage());
        assertFalse(Files.exists(folder.resolve("out")));
    }

    @Test
    void rowsWithoutAColumnTheManifestNamesAreRefusedByName() throws Exception {
        Path rows = folder.resolve("evals.parquet");
        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 'e' || i AS example_id, 10.0 * i AS label, 'eu' AS region, "
                    + "'web' AS channel, 1.0 * i AS pred_7, 2.0 * i AS pred_8 FROM range(50) t(i)) TO '" + rows
                    + "' (FORMAT parquet)");
        }
        PackException e = assertThrows(PackException.class, () -> new DuckDbSummarizer("256MB", 1).summarize(
                rows.toString(), null, RowManifest.read(regression.resolve("manifest.json")), true, true, 1L,
                folder.resolve("out"), Progress.NONE));
        assertEquals(rows + ": lacks column(s) gender that the manifest needs; its schema has example_id, label, "
                + "region, channel, pred_7, pred_8: add the column, or remove gender from the manifest", e.getMessage());
        assertFalse(Files.exists(folder.resolve("out")));
    }

    @Test
    void anIntactHeldOutSetAndHumanBaselineLoad() throws Exception {
        Path pack = copy(withHoldout);
        try (ReviewPack loaded = SummaryPacks.loader().load(pack, Progress.NONE)) {
            assertEquals(1_500, HeldOutSet.read(loaded, SummaryPacks.loader(), Progress.NONE).orElseThrow().rowCount());
            assertEquals(200, new SuiteReader().read(loaded.root(), loaded.manifest(), Progress.NONE).humanBaseline()
                    .orElseThrow().examples());
        }
    }

    @Test
    void aSummarisedHeldOutSetWithoutItsSuiteIsRefusedWhenThePackOpens() throws Exception {
        Path pack = copy(withHoldout);
        edit(pack.resolve("manifest.json"), text -> text.replaceFirst(
                "\"holdout\" : \\{\\s*\"file\" : \"holdout_cells.csv\",[^}]*},?", ""));
        PackException e = assertThrows(PackException.class, () -> SummaryPacks.loader().load(pack, Progress.NONE));
        assertEquals("manifest.json", e.file());
        assertEquals(lineOf(pack.resolve("manifest.json"), "\"holdout\" : {"), e.line());
        assertTrue(e.problem().contains("no holdout entry"), e.problem());
    }

    @Test
    void humanBaselineCellsAreCheckedLikeAnyCount() throws Exception {
        Path pack = copy(withHoldout);
        Path cells = pack.resolve(SummaryPackWriter.HUMAN_BASELINE_FILE);
        setField(cells, 3, "n", "-2");
        PackException negative = humanBaselineRefused(pack);
        assertWhere(negative, SummaryPackWriter.HUMAN_BASELINE_FILE, 3, columnOf(cells, "n"));

        Path twice = folder.resolve("twice");
        Files.createDirectories(twice);
        Path again = copy(withHoldout, twice);
        Path againCells = again.resolve(SummaryPackWriter.HUMAN_BASELINE_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(againCells));
        lines.add(lines.get(1));
        Files.write(againCells, lines);
        PackException repeated = humanBaselineRefused(again);
        assertWhere(repeated, SummaryPackWriter.HUMAN_BASELINE_FILE, lines.size(), columnOf(againCells, "label"));
        assertTrue(repeated.problem().contains("listed twice"), repeated.problem());
    }

    @Test
    void anImportWhoseHeldOutTablesWouldBeRefusedLeavesNothingBehind() throws Exception {
        Path tables = copy(withHoldout);
        setField(tables.resolve(SummaryPackWriter.HOLDOUT_CELLS_FILE), 2, "n", "-3");
        Path out = folder.resolve("imported");
        PackManifest manifest = RowManifest.read(shared.resolve("holdout-rows").resolve("manifest.json"));
        Path script = tables.resolve(SummaryPackWriter.SQL_FILE);
        Path checks = RowCheckTables.write(script, false, folder.resolve("checks.csv"));
        Path holdoutChecks = RowCheckTables.write(script, true, folder.resolve("holdout_checks.csv"));
        PackException e = assertThrows(PackException.class, () -> SummaryImport.assemble(manifest, true, checks,
                tables.resolve(SummaryPackWriter.CELLS_FILE), tables.resolve(SummaryPackWriter.BLOCKS_FILE),
                tables.resolve(SummaryPackWriter.RANKING_FILE),
                new SummaryImport.OptionalTables(null, null, new SummaryImport.Holdout("lake.holdout",
                        holdoutChecks, tables.resolve(SummaryPackWriter.HOLDOUT_CELLS_FILE),
                        tables.resolve(SummaryPackWriter.HOLDOUT_BLOCKS_FILE),
                        tables.resolve(SummaryPackWriter.HOLDOUT_RANKING_FILE)), null),
                script, null, null, "lake.evals", null, 9L,
                SummarySql.DEFAULT_BLOCKS, out, new SummaryPackWriter()));
        assertWhere(e, SummaryPackWriter.HOLDOUT_CELLS_FILE, 2,
                columnOf(tables.resolve(SummaryPackWriter.HOLDOUT_CELLS_FILE), "n"));
        assertFalse(Files.exists(out), "a pack that would be refused is not left behind");
    }

    private static PackException heldOutRefused(Path pack) {
        return assertThrows(PackException.class, () -> {
            try (ReviewPack loaded = SummaryPacks.loader().load(pack, Progress.NONE)) {
                HeldOutSet.read(loaded, SummaryPacks.loader(), Progress.NONE);
            }
        });
    }

    private static PackException humanBaselineRefused(Path pack) {
        return assertThrows(PackException.class, () -> {
            try (ReviewPack loaded = SummaryPacks.loader().load(pack, Progress.NONE)) {
                new SuiteReader().read(loaded.root(), loaded.manifest(), Progress.NONE);
            }
        });
    }

    private static PackException refused(Path pack) {
        return assertThrows(PackException.class, () -> new SummaryPackReader().read(pack, Progress.NONE));
    }

    private static void assertWhere(PackException e, String file, long line, long column) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    private Path copy(Path pack) throws IOException {
        return copy(pack, folder);
    }

    private static Path copy(Path pack, Path into) throws IOException {
        Path target = into.resolve(pack.getFileName());
        Files.createDirectories(target);
        try (var files = Files.list(pack)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static void edit(Path file, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertFalse(before.equals(after), "the edit changed nothing in " + file);
        Files.writeString(file, after, StandardCharsets.UTF_8);
    }

    private static long lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** 1-based column of a header name (the summary tables hold no quoted commas). */
    private static int columnOf(Path csv, String name) throws IOException {
        return List.of(Files.readAllLines(csv).get(0).split(",")).indexOf(name) + 1;
    }

    private static String field(Path csv, int line, String name) throws IOException {
        return Files.readAllLines(csv).get(line - 1).split(",")[columnOf(csv, name) - 1];
    }

    private static void setField(Path csv, int line, String name, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[columnOf(csv, name) - 1] = value;
        lines.set(line - 1, String.join(",", fields));
        Files.write(csv, lines);
    }
}
