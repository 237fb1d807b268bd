package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verdict.core.task.Progress;

/**
 * The loader converts fields as FastCSV hands them over: on a pack shaped like a real one (many slices of 4 to 400
 * rows, a rare class value, quoted values with commas and quotes, a byte-order mark, a blank last line) every column
 * must equal what FastCSV's ordinary record reader and {@link Double#parseDouble} give, and a long read reports
 * progress and stops when cancelled.
 */
class OnePassReadingTest {
    @TempDir
    Path temp;

    private static final String MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "fraud", "task": "binary", "riskTier": 1, "positiveLabel": "fraud"},
              "models": [{"version": "7", "role": "production"}, {"version": "8", "role": "candidate", "threshold": 0.3}],
              "primaryMetric": "roc_auc",
              "suites": {"primary": {"file": "primary.csv", "slices": ["merchant", "region"], "sensitive": ["age"]}}
            }
            """;

    /** A binary pack of {@code rows} rows; merchant names are quoted and hold commas and quotes. */
    private Path writePack(String name, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("\uFEFFexample_id,label,merchant,region,age,score_7,pred_7,score_8\n");
        for (int row = 0; row < rows; row++) {
            int merchant = (int) Math.sqrt(random.nextInt(400 * 400)); // sizes skewed from a few rows to hundreds
            String merchantName = merchant % 7 == 0 ? "\"shop, \"\"" + merchant + "\"\"\"" : "shop-" + merchant;
            csv.append("id-").append(row).append(random.nextInt(100) < 3 ? ",fraud," : ",ok,").append(merchantName)
                    .append(row == rows / 2 ? ",antarctica," : random.nextBoolean() ? ",eu," : ",us,")
                    .append(18 + random.nextInt(60)).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", random.nextDouble())).append(",ok,")
                    .append(random.nextDouble()).append('\n');
        }
        csv.append('\n');
        return PackFixture.write(temp.resolve(name), MANIFEST, csv.toString());
    }

    /**
     * The primary table as the loader reads it, or, with {@code roomMadeAside}, as it reads a file of two million rows
     * or more: the room for the rows expected made on a thread of its own while the rows go on meanwhile into other
     * columns, and moved into once made.
     */
    private static EvaluationTable readPrimary(Path pack, boolean roomMadeAside) throws PackException {
        if (!roomMadeAside) {
            return new PackLoader().load(pack, Progress.NONE).primary();
        }
        PackManifest manifest = new ManifestReader().read(PackFiles.open(pack));
        SuiteSpec primary = manifest.primarySuite();
        return new EvaluationTableReader(PackLimits.DEFAULTS, RowsListener.NONE, 0)
                .read(pack.resolve(primary.file()), primary.file(), manifest, primary, Progress.NONE);
    }

    @Test
    void everyColumnEqualsWhatTheRecordReaderAndParseDoubleGive() throws Exception {
        assertEveryColumnAsTheRecordReaderAndParseDoubleGive(20_000, false);
    }

    /**
     * Past 65,536 rows the reader makes room for the rows the file's size promises and moves the rows read so far into
     * it: below two million rows expected at once; from there once a thread of its own has made it, the rows going
     * meanwhile into columns of an eighth of the rows expected (at 800,000 rows: more than the 82,944 the columns hold
     * at row 65,536), or into the columns as they are when an eighth is no more (at 300,000). Every column must come
     * through each way.
     */
    @ParameterizedTest(name = "{0} rows, room made aside: {1}")
    @CsvSource({"300000, false", "300000, true", "800000, true"})
    void everyColumnComesThroughTheMoveIntoTheRoomForTheExpectedRows(int rows, boolean roomMadeAside)
            throws Exception {
        assertEveryColumnAsTheRecordReaderAndParseDoubleGive(rows, roomMadeAside);
    }

    /** The same ways for a regression table's columns: numbers for the label and each model's predictions. */
    @ParameterizedTest(name = "{0} rows, room made aside: {1}")
    @CsvSource({"200000, false", "200000, true", "800000, true"})
    void aRegressionTablesNumbersComeThroughTheMoveIntoTheRoom(int rows, boolean roomMadeAside) throws Exception {
        String manifest = """
                {
                  "format": "verdict-pack/1",
                  "model": {"name": "price", "task": "regression", "riskTier": 1},
                  "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
                  "primaryMetric": "rmse",
                  "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}
                }
                """;
        SplittableRandom random = new SplittableRandom(9);
        double[][] numbers = new double[3][rows];
        StringBuilder csv = new StringBuilder("example_id,label,region,pred_1,pred_2\n");
        for (int row = 0; row < rows; row++) {
            csv.append("r").append(row).append(',');
            for (int column = 0; column < 3; column++) {
                numbers[column][row] = Math.round(random.nextDouble() * 1e6) / 100.0;
            }
            csv.append(numbers[0][row]).append(row % 3 == 0 ? ",eu," : ",us,").append(numbers[1][row]).append(',')
                    .append(numbers[2][row]).append('\n');
        }
        EvaluationTable table = readPrimary(PackFixture.write(temp.resolve("regression"), manifest, csv.toString()),
                roomMadeAside);
        assertEquals(rows, table.rowCount());
        assertArrayEquals(numbers[0], table.labelValues());
        assertArrayEquals(numbers[1], table.predictionsOf("1").values());
        assertArrayEquals(numbers[2], table.predictionsOf("2").values());
        for (int row = 0; row < rows; row++) {
            assertEquals(row % 3 == 0 ? "eu" : "us", table.column("region").orElseThrow().valueAt(row));
        }
    }

    private void assertEveryColumnAsTheRecordReaderAndParseDoubleGive(int rows, boolean roomMadeAside)
            throws Exception {
        Path pack = writePack("shaped-" + rows, rows);
        EvaluationTable table = readPrimary(pack, roomMadeAside);

        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(PackText.utf8Reader(pack.resolve("primary.csv")))) {
            reader.forEach(records::add);
        }
        records.remove(0);
        assertEquals(records.size(), table.rowCount());
        for (int row = 0; row < records.size(); row++) {
            CsvRecord record = records.get(row);
            assertEquals(record.getField(0), table.exampleIds().get(row));
            assertEquals(record.getField(1).equals("fraud") ? 1 : 0, table.labelCodes()[row]);
            assertEquals(record.getField(2), table.column("merchant").orElseThrow().valueAt(row));
            assertEquals(record.getField(3), table.column("region").orElseThrow().valueAt(row));
            assertEquals(record.getField(4), table.column("age").orElseThrow().valueAt(row));
            double production = Double.parseDouble(record.getField(5));
            double candidate = Double.parseDouble(record.getField(7));
            assertEquals(Double.doubleToLongBits(production), Double.doubleToLongBits(table.predictionsOf("7").scores()[row]));
            assertEquals(Double.doubleToLongBits(candidate), Double.doubleToLongBits(table.predictionsOf("8").scores()[row]));
            assertEquals(production >= 0.5 ? 1 : 0, table.predictionsOf("7").classCodes()[row], "threshold 0.5");
            assertEquals(candidate >= 0.3 ? 1 : 0, table.predictionsOf("8").classCodes()[row], "threshold 0.3");
        }
        assertEquals(List.of("antarctica", "eu", "us"), table.column("region").orElseThrow().levels(),
                "the value seen once is a slice of its own; levels sorted");
        assertTrue(table.column("merchant").orElseThrow().levels().contains("shop, \"399\""), "quotes undone");
    }

    @Test
    void aColumnWithTwoRolesIsReadForBoth() throws Exception {
        // slicing by the true label: the label column is read as the label and as a slice column
        Path pack = PackFixture.write(temp.resolve("twice"), PackFixture.BINARY_MANIFEST.replace("\"slices\": [\"region\"]",
                "\"slices\": [\"label\", \"region\"]"), PackFixture.BINARY_CSV);
        EvaluationTable table = new PackLoader().load(pack, Progress.NONE).primary();
        assertArrayEquals(new int[] {1, 0, 0, 1}, table.labelCodes());
        CategoricalColumn labels = table.column("label").orElseThrow();
        assertEquals(List.of("fraud", "ok"), labels.levels());
        assertEquals(List.of("fraud", "ok", "ok", "fraud"), List.of(labels.valueAt(0), labels.valueAt(1),
                labels.valueAt(2), labels.valueAt(3)));
    }

    /**
     * A listener hears of the table's task and scores once the header is read, then of the ids read so far every
     * 65,536 rows, each a beginning of the table's ids that stays as it was while the rest is read, then of each model's
     * scores as read, then of the table. (This 8 MB file is read in one pass here; in two parts, TwoPartReadingTest.)
     */
    @Test
    void aListenerHearsTheIdsReadSoFarEvery65536RowsThenTheTable() throws Exception {
        Path pack = writePack("heard", 140_000);
        List<String> headers = new ArrayList<>();
        List<ExampleIds> soFar = new ArrayList<>();
        List<EvaluationTable> tables = new ArrayList<>();
        List<Map.Entry<Integer, Map<String, double[]>>> scoresRead = new ArrayList<>();
        List<ExampleIds> idsWithScores = new ArrayList<>();
        RowsListener listener = (task, everyModelScored) -> {
            headers.add(task + " " + everyModelScored);
            return new RowsListener.TableRows() {
                @Override
                public void idsRead(ExampleIds ids) {
                    assertTrue(tables.isEmpty(), "ids heard after the table");
                    soFar.add(ids);
                }

                @Override
                public void scoresRead(int rows, ExampleIds ids, Map<String, double[]> scoresByVersion) {
                    assertTrue(tables.isEmpty(), "scores heard after the table");
                    scoresRead.add(Map.entry(rows, Map.copyOf(scoresByVersion)));
                    idsWithScores.add(ids);
                }

                @Override
                public void rowsRead(EvaluationTable table) {
                    tables.add(table);
                }
            };
        };
        PackManifest manifest = new ManifestReader().read(PackFiles.open(pack));
        SuiteSpec primary = manifest.primarySuite();
        EvaluationTable table = new EvaluationTableReader(PackLimits.DEFAULTS, listener,
                EvaluationTableReader.ROOM_MADE_ASIDE_FROM, Long.MAX_VALUE)
                .read(pack.resolve(primary.file()), primary.file(), manifest, primary, Progress.NONE);

        // the scores as read, before the table's trimmed copies: the rows first, the same values
        assertEquals(1, scoresRead.size());
        assertEquals(140_000, scoresRead.get(0).getKey());
        assertSame(table.exampleIds(), idsWithScores.get(0));
        assertEquals(table.predictions().keySet(), scoresRead.get(0).getValue().keySet());
        for (ModelPredictions model : table.predictions().values()) {
            double[] read = scoresRead.get(0).getValue().get(model.version());
            assertTrue(read.length >= 140_000);
            assertArrayEquals(model.scores(), Arrays.copyOf(read, 140_000));
        }

        assertEquals(List.of("BINARY true"), headers);
        assertEquals(List.of(table), tables);
        assertEquals(List.of(65_536, 131_072), soFar.stream().map(ExampleIds::size).toList());
        for (ExampleIds ids : soFar) {
            for (int row = 0; row < ids.size(); row++) {
                assertEquals("id-" + row, ids.get(row));
            }
        }
        assertEquals(140_000, table.exampleIds().size());
        assertEquals("id-139999", table.exampleIds().get(139_999));
    }

    @Test
    void aLongReadReportsRisingProgressAndStopsWhenCancelled() throws Exception {
        Path pack = writePack("long", 300_000);
        ReadingProgress.assertRises(pack, 3);
        ReadingProgress.assertStopsWhenCancelled(pack);
    }
}
