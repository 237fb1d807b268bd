package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.gates.GateJson;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.task.Progress;

/**
 * Suites written as Parquet read into the same rows as their CSV twins, and a bad Parquet suite is refused with the
 * file, the row and the column (Parquet has no lines).
 */
class ParquetPackTest {
    private static final Path SAMPLE = Path.of("sample-data/support-router");

    @TempDir
    Path folder;

    @Test
    void aPackWithEverySuiteInParquetComparesAndJudgesExactlyAsItsCsvTwin() throws Exception {
        Path parquetPack = sampleAsParquet();
        ReviewPack fromCsv = new PackLoader().load(SAMPLE, Progress.NONE);
        ReviewPack fromParquet = new PackLoader().load(parquetPack, Progress.NONE);
        assertEquals("primary.parquet", fromParquet.primary().fileName());
        assertEquals(fromCsv.primary().rowCount(), fromParquet.primary().rowCount());
        ComparisonEngine engine = new ComparisonEngine();
        assertEquals(engine.compare(fromCsv, null, ComparisonOptions.DEFAULTS, Progress.NONE).results(),
                engine.compare(fromParquet, null, ComparisonOptions.DEFAULTS, Progress.NONE).results());

        GateReview gates = new GateReview(engine, new PackLoader(), new SuiteReader(), new PolicyReader());
        ObjectMapper json = new ObjectMapper();
        String csvGates = json.writeValueAsString(GateJson.of(
                gates.reviewUnderItsPolicy(fromCsv, null, Progress.NONE)).get("gates"));
        String parquetGates = json.writeValueAsString(GateJson.of(
                gates.reviewUnderItsPolicy(fromParquet, null, Progress.NONE)).get("gates"));
        assertEquals(csvGates, parquetGates.replace(".parquet", ".csv"));
    }

    @Test
    void aBadValueInAnOptionalParquetSuiteIsPlacedAtItsRowAndColumn() throws Exception {
        Path pack = sampleAsParquet();
        Path latency = pack.resolve("latency.parquet");
        Path edited = pack.resolve("latency-edited.parquet");
        // the 4th row's latency made negative; the rest as they were, in order
        duckdb("COPY (SELECT version, CASE WHEN row_number() OVER () = 4 THEN -3 ELSE latency_ms END AS latency_ms "
                + "FROM read_parquet('" + latency + "')) TO '" + edited + "' (FORMAT parquet)");
        Files.move(edited, latency, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ReviewPack loaded = new PackLoader().load(pack, Progress.NONE);
        PackException e = assertThrows(PackException.class,
                () -> new SuiteReader().read(loaded.root(), loaded.manifest(), Progress.NONE));
        assertEquals("latency.parquet: row 4, column 2: latency_ms must not be negative, found -3.0: write the value as "
                + "measured (zero or more), or remove the row", e.getMessage());
    }

    @Test
    void typedParquetColumnsReadAsTheirCsvValues() throws Exception {
        Path csvPack = PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST, PackFixture.BINARY_CSV);
        Path parquetPack = parquetTwin(csvPack, """
                SELECT * FROM (VALUES ('t1', 'fraud', 'eu', 0.9::DOUBLE, 0.4::FLOAT),
                                      ('t2', 'ok', 'eu', 0.2::DOUBLE, 0.35::FLOAT),
                                      ('t3', 'ok', 'us', 0.6::DOUBLE, 0.1::FLOAT),
                                      ('t4', 'fraud', 'us', 0.4::DOUBLE, 0.25::FLOAT))
                    t(example_id, label, region, score_7, score_8)""");
        EvaluationTable rows = new PackLoader().load(parquetPack, Progress.NONE).primary();
        EvaluationTable csv = new PackLoader().load(csvPack, Progress.NONE).primary();
        assertEquals(4, rows.rowCount());
        assertEquals(csv.classes(), rows.classes());
        // DOUBLE exactly; a 32-bit FLOAT as the float it is (0.35f is 0.3499999940395355 as a double)
        assertEquals(List.of(0.9, 0.2, 0.6, 0.4), boxed(rows.predictionsOf("7").scores()));
        assertEquals((double) 0.35f, rows.predictionsOf("8").scores()[1]);
    }

    @Test
    void aCorruptParquetFileIsRefusedByName() throws Exception {
        Path pack = PackFixture.write(folder.resolve("corrupt"), parquetManifest(), "");
        Files.write(pack.resolve("primary.parquet"), "PAR1 this is not really parquet".getBytes(StandardCharsets.UTF_8));
        PackException e = refused(pack);
        assertEquals("primary.parquet", e.file());
        assertTrue(e.problem().startsWith("is not a readable Parquet file"), e.problem());
        assertTrue(!e.getMessage().contains(folder.toString()), "no temporary path in " + e.getMessage());
    }

    @Test
    void aMissingColumnIsNamedAsForCsv() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), "SELECT 't1' AS example_id, 'eu' AS region, 0.5 AS score_7, 0.5 AS score_8");
        PackException e = refused(pack);
        assertEquals("primary.parquet: needs column 'label' (the true label)", e.getMessage());
    }

    @Test
    void aBadValueIsPlacedAtItsRowAndColumn() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), """
                SELECT * FROM (VALUES ('t1', 'fraud', 'eu', 0.9, 0.4), ('t2', 'ok', 'eu', 0.2, 0.35),
                                      ('t3', 'ok', 'us', 0.6, 1.5))
                    t(example_id, label, region, score_7, score_8)""");
        PackException e = refused(pack);
        assertEquals("primary.parquet: row 3, column 5: (score_8) score 1.5 is outside [0, 1]: a score is the model's probability of the positive class;"
                + " rescale it to one (a logit or margin through the logistic function) or fix the export", e.getMessage());
        assertEquals(0, e.line(), "Parquet has no lines");
    }

    /** Parquet has rows, not lines: the first form's place is named as a row too. */
    @Test
    void aSliceValueInASecondUnicodeFormIsPlacedByRows() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), """
                SELECT * FROM (VALUES ('t1', 'fraud', 'Zürich', 0.9, 0.4), ('t2', 'ok', 'eu', 0.2, 0.35),
                                      ('t3', 'ok', 'Zürich', 0.6, 0.5))
                    t(example_id, label, region, score_7, score_8)""");
        PackException e = refused(pack);
        assertEquals("primary.parquet: row 3, column 3: (region) this value is 'Zürich' written in another"
                + " Unicode form (NFD) than on row 1 (NFC); write one form (NFC is what most tools write): the two"
                + " print alike but would be counted as two different values", e.getMessage());
    }

    /** A boolean label is named as one, with what the pack expects instead, not as a third class. */
    @Test
    void aBooleanLabelColumnIsSaidToBeBooleanWithTheClassesExpected() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), """
                SELECT * FROM (VALUES ('t1', true, 'eu', 0.9, 0.4), ('t2', false, 'eu', 0.2, 0.35))
                    t(example_id, label, region, score_7, score_8)""");
        assertEquals("primary.parquet: row 2, column 2: (label) is a boolean column (true/false), so its values read"
                + " as 'false' and its opposite, but the pack expects class names, one of them the positive label"
                + " 'fraud': store the column as text holding those names, or set model.positiveLabel to \"true\" in"
                + " manifest.json if true is the positive class", refused(pack).getMessage());

        Path declared = parquetTwin(PackFixture.write(folder.resolve("declared"), PackFixture.MULTICLASS_MANIFEST
                .replace("\"positiveLabel\": null", "\"classes\": [\"account\", \"billing\", \"technical\"]"),
                PackFixture.MULTICLASS_CSV), """
                SELECT * FROM (VALUES ('e1', true, 'en', 'f', 'billing', 'billing'))
                    t(example_id, label, language, gender, pred_42, pred_43)""");
        assertEquals("primary.parquet: row 1, column 2: (label) is a boolean column (true/false), so its values read"
                + " as 'true' and its opposite, but the pack expects the class names manifest.json model.classes lists"
                + " [account, billing, technical]: store the column as text holding those names",
                refused(declared).getMessage());
    }

    @Test
    void aNullSliceValueIsPlacedAtItsRowAndColumn() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), """
                SELECT * FROM (VALUES ('t1', 'fraud', 'eu', 0.9, 0.4), ('t2', 'ok', NULL, 0.2, 0.35))
                    t(example_id, label, region, score_7, score_8)""");
        assertEquals("primary.parquet: row 2, column 3: (region) slice value is empty; write a value such as "
                + "'unknown'", refused(pack).getMessage());
    }

    @Test
    void aDuplicateIdFoundAfterReadingIsPlacedAtItsRow() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), """
                SELECT * FROM (VALUES ('t1', 'fraud', 'eu', 0.9, 0.4), ('t2', 'ok', 'eu', 0.2, 0.35),
                                      ('t1', 'ok', 'us', 0.6, 0.1))
                    t(example_id, label, region, score_7, score_8)""");
        PackException e = refused(pack);
        assertTrue(e.getMessage().startsWith("primary.parquet: row 3, column 1: "), e.getMessage());
        assertTrue(e.problem().contains("t1"), e.problem());
    }

    @Test
    void anEmptyParquetFileIsRefused() throws Exception {
        Path pack = parquetTwin(PackFixture.write(folder.resolve("csv"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV), "SELECT 't1' AS example_id, 'ok' AS label, 'eu' AS region, 0.5 AS score_7, "
                + "0.5 AS score_8 WHERE false");
        assertEquals("primary.parquet: has no rows; a suite needs examples", refused(pack).getMessage());
    }

    /** The bundled sample with every CSV suite converted to Parquet by DuckDB and the manifest pointed at them. */
    private Path sampleAsParquet() throws Exception {
        Path parquetPack = folder.resolve("parquet");
        copy(SAMPLE, parquetPack);
        List<String> converted = new ArrayList<>();
        try (Stream<Path> files = Files.list(parquetPack)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                String name = csv.getFileName().toString();
                // DuckDB's own type detection: ids and slices as text, scores and counts as numbers, dates as DATE
                duckdb("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '"
                        + csv.resolveSibling(name.replace(".csv", ".parquet")) + "' (FORMAT parquet)");
                Files.delete(csv);
                converted.add(name);
            }
        }
        Path manifest = parquetPack.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        for (String name : converted) {
            text = text.replace("\"" + name + "\"", "\"" + name.replace(".csv", ".parquet") + "\"");
        }
        Files.writeString(manifest, text, StandardCharsets.UTF_8);
        assertTrue(converted.size() >= 5, "the sample has the primary and several optional suites: " + converted);
        return parquetPack;
    }

    private Path parquetTwin(Path csvPack, String rowsQuery) throws Exception {
        Path pack = folder.resolve("parquet-" + csvPack.getFileName());
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("manifest.json"), Files.readString(csvPack.resolve("manifest.json"))
                .replace("primary.csv", "primary.parquet"));
        duckdb("COPY (" + rowsQuery + ") TO '" + pack.resolve("primary.parquet") + "' (FORMAT parquet)");
        return pack;
    }

    private static String parquetManifest() {
        return PackFixture.BINARY_MANIFEST.replace("primary.csv", "primary.parquet");
    }

    private static PackException refused(Path pack) {
        return assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static void duckdb(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
