package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

/**
 * A CSV file of at least {@link CsvParts#MIN_BYTES} is parsed in two parts on two threads and joined: it must give the
 * table one pass gives (every column, the slice values' and class names' codes in the order first met, the lines named
 * in messages), and every refusal one pass gives, word for word. Each case reads the same file both ways: one pass (a
 * reader whose parts start at no size) and in parts (a reader whose parts start at any size, so that small files take
 * that way too); a listener tells whether the parts were joined or the file was read again in one pass.
 */
class TwoPartReadingTest {
    @TempDir
    Path temp;

    @BeforeEach
    void needsTwoCores() {
        // on one core a file is read in one pass, and these tests would compare one pass with itself
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1);
    }

    private static final String BINARY = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "fraud", "task": "binary", "riskTier": 1, "positiveLabel": "fraud"},
              "models": [{"version": "7", "role": "production"}, {"version": "8", "role": "candidate", "threshold": 0.3}],
              "primaryMetric": "roc_auc",
              "suites": {"primary": {"file": "primary.csv", "slices": ["merchant", "region"], "sensitive": ["age"]}}
            }
            """;

    private static final String MULTICLASS = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "router", "task": "multiclass", "riskTier": 2},
              "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
              "primaryMetric": "macro_f1",
              "suites": {"primary": {"file": "primary.csv", "slices": ["language"]}}
            }
            """;

    private static final String REGRESSION = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "price", "task": "regression", "riskTier": 1},
              "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
              "primaryMetric": "rmse",
              "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}
            }
            """;

    /** How a file was read, and what came of it. */
    private record Reading(EvaluationTable table, PackException refusal, int parsesStarted, boolean joined) {
    }

    private Reading read(String manifestJson, String csv, long partsFromBytes, PackLimits limits) throws Exception {
        Path pack = PackFixture.write(temp.resolve("p" + System.nanoTime()), manifestJson, csv);
        PackManifest manifest = new ManifestReader().read(PackFiles.open(pack));
        SuiteSpec primary = manifest.primarySuite();
        int[] parsesStarted = new int[1];
        boolean[] joined = new boolean[1];
        int rows = (int) csv.lines().skip(1).filter(line -> !line.isBlank()).count();
        // each parse of the whole file, or of its first part, tells of its header; the parts, once joined, of every id
        RowsListener listener = (task, everyModelScored) -> {
            parsesStarted[0]++;
            return new RowsListener.TableRows() {
                @Override
                public void idsRead(ExampleIds soFar) {
                    joined[0] |= soFar.size() == rows && rows % 65_536 != 0;
                }

                @Override
                public void rowsRead(EvaluationTable table) {
                }
            };
        };
        EvaluationTableReader reader = new EvaluationTableReader(limits, listener,
                EvaluationTableReader.ROOM_MADE_ASIDE_FROM, partsFromBytes);
        try {
            EvaluationTable table = reader.read(pack.resolve(primary.file()), primary.file(), manifest, primary,
                    Progress.NONE);
            return new Reading(table, null, parsesStarted[0], joined[0]);
        } catch (PackException refusal) {
            return new Reading(null, refusal, parsesStarted[0], joined[0]);
        }
    }

    /** Reads the file in one pass and in parts; asserts both give the same table or refusal, and returns the parts'. */
    private Reading readBothWays(String manifest, String csv, PackLimits limits) throws Exception {
        Reading onePass = read(manifest, csv, Long.MAX_VALUE, limits);
        Reading parts = read(manifest, csv, 1, limits);
        assertEquals(1, onePass.parsesStarted());
        if (onePass.refusal() != null) {
            assertNotNull(parts.refusal(), "one pass refuses the file with " + onePass.refusal().getMessage());
            assertEquals(onePass.refusal().getMessage(), parts.refusal().getMessage());
            assertEquals(List.of(onePass.refusal().line(), onePass.refusal().column()),
                    List.of(parts.refusal().line(), parts.refusal().column()));
        } else {
            assertNull(parts.refusal(), () -> "read in parts, refused: " + parts.refusal().getMessage());
            assertSameTable(onePass.table(), parts.table());
        }
        return parts;
    }

    private Reading readBothWays(String manifest, String csv) throws Exception {
        return readBothWays(manifest, csv, PackLimits.DEFAULTS);
    }

    private static void assertSameTable(EvaluationTable expected, EvaluationTable actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertEquals(expected.exampleIds().asList(), actual.exampleIds().asList());
        assertEquals(expected.classes(), actual.classes());
        assertArrayEquals(expected.labelCodes(), actual.labelCodes());
        assertArrayEquals(expected.labelValues(), actual.labelValues());
        assertEquals(expected.sliceColumns().keySet(), actual.sliceColumns().keySet());
        expected.sliceColumns().forEach((name, column) -> {
            assertEquals(column.levels(), actual.sliceColumns().get(name).levels(), name);
            assertArrayEquals(column.codes(), actual.sliceColumns().get(name).codes(), name);
        });
        assertEquals(expected.predictions().keySet(), actual.predictions().keySet());
        expected.predictions().forEach((version, model) -> {
            ModelPredictions read = actual.predictions().get(version);
            assertArrayEquals(model.classCodes(), read.classCodes(), version);
            assertArrayEquals(model.values(), read.values(), version);
            assertArrayEquals(model.scores(), read.scores(), version);
        });
    }

    /** {@code rows} rows of a binary table, each written by {@code row}, under the header. */
    private static String csv(String header, int rows, IntFunction<String> row) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int r = 0; r < rows; r++) {
            csv.append(row.apply(r)).append('\n');
        }
        return csv.toString();
    }

    /**
     * A binary row: merchants skewed from a few rows to hundreds, those from 300 on only in the last quarter (in the
     * second part, cut near the middle byte), regions met in another order there; the negative class "ok" only there,
     * so its code is given there.
     */
    private static String binaryRow(int row, int rows, SplittableRandom random) {
        boolean lastQuarter = row >= rows * 3 / 4;
        int merchant = (int) Math.sqrt(random.nextInt(lastQuarter ? 400 * 400 : 300 * 300));
        String label = !lastQuarter || random.nextInt(100) < 3 ? "fraud" : "ok";
        String region = lastQuarter ? (random.nextBoolean() ? "us" : "apac") : (random.nextBoolean() ? "eu" : "us");
        return "id-" + row + "," + label + ",shop-" + merchant + "," + region + "," + (18 + random.nextInt(60)) + ","
                + String.format(Locale.ROOT, "%.4f", random.nextDouble()) + "," + random.nextDouble();
    }

    private static final String BINARY_HEADER = "example_id,label,merchant,region,age,score_7,score_8";

    private static String binaryTable(int rows) {
        return binaryTable(rows, -1, null);
    }

    /** A binary table whose row {@code changedRow} is written {@code changed}. */
    private static String binaryTable(int rows, int changedRow, String changed) {
        SplittableRandom random = new SplittableRandom(rows);
        return csv(BINARY_HEADER, rows, row -> {
            String written = binaryRow(row, rows, random);
            return row == changedRow ? changed : written;
        });
    }

    @Test
    void aBinaryTableWithNewValuesAndItsNegativeClassInTheSecondHalfIsJoinedAsOnePassReadsIt() throws Exception {
        Reading parts = readBothWays(BINARY, binaryTable(150_000));
        assertTrue(parts.joined());
        assertEquals(1, parts.parsesStarted());
        assertEquals(List.of("ok", "fraud"), parts.table().classes());
        assertEquals(List.of("apac", "eu", "us"), parts.table().column("region").orElseThrow().levels());
        assertEquals(400, parts.table().column("merchant").orElseThrow().levelCount());
    }

    @Test
    void aMulticlassTableIsJoinedWithTheSecondHalfsClassesCodedInTheOrderMet() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 120_000;
        List<String> firstClasses = List.of("billing", "account");
        List<String> laterClasses = List.of("technical", "refund", "abuse");
        String csv = csv("example_id,label,language,pred_1,pred_2", rows, row -> {
            List<String> classes = new ArrayList<>(firstClasses);
            if (row >= rows * 3 / 4) {
                classes.addAll(laterClasses.subList(0, Math.min(3, (row - rows * 3 / 4) / 1000 + 1)));
            }
            String language = row >= rows * 3 / 4 && random.nextInt(10) == 0 ? "fr" : random.nextBoolean() ? "en" : "de";
            return "m" + row + "," + classes.get(random.nextInt(classes.size())) + "," + language + ","
                    + classes.get(random.nextInt(classes.size())) + "," + classes.get(random.nextInt(classes.size()));
        });
        Reading parts = readBothWays(MULTICLASS, csv);
        assertTrue(parts.joined());
        assertEquals(List.of("abuse", "account", "billing", "refund", "technical"), parts.table().classes());
    }

    @Test
    void aMulticlassClassPredictedButNeverLabelledIsRefusedAtTheLineOnePassNames() throws Exception {
        // "acount" (a typo) is predicted first in the second part, then again; "refund" likewise but also labelled
        int rows = 100_000;
        int first = rows * 3 / 4;
        String csv = csv("example_id,label,language,pred_1,pred_2", rows, row -> {
            String predicted = row == first + 7 || row == rows - 3 ? "acount"
                    : row == first + 5 || row == first + 9 ? "refund" : row % 2 == 0 ? "billing" : "account";
            String label = row == rows - 10 ? "refund" : row % 3 == 0 ? "billing" : "account";
            return "m" + row + "," + label + ",en," + predicted + ",billing";
        });
        Reading parts = readBothWays(MULTICLASS, csv);
        assertEquals(first + 7 + 2, parts.refusal().line());
        assertEquals(4, parts.refusal().column());
        assertTrue(parts.joined());
    }

    @Test
    void aRegressionTableIsJoinedAsOnePassReadsIt() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        String csv = csv("example_id,label,region,pred_1,pred_2", 100_000, row -> "r" + row + ","
                + Math.round(random.nextDouble() * 1e6) / 100.0 + "," + (row % 3 == 0 ? "eu" : "us") + ","
                + random.nextDouble() + "," + random.nextGaussian());
        assertTrue(readBothWays(REGRESSION, csv).joined());
    }

    @Test
    void anIdRepeatedAcrossTheHalvesAfterBlankLinesAtTheCutIsRefusedAtOnePasssLines() throws Exception {
        // blank lines around the middle byte: the cut falls among them, and the lines after it are counted on
        int rows = 60_000;
        String table = binaryTable(rows);
        int middle = table.length() / 2;
        int lineEnd = table.indexOf('\n', middle) + 1;
        String csv = table.substring(0, lineEnd) + "\n".repeat(3) + "\r\n" + table.substring(lineEnd)
                .replace("id-" + (rows - 20) + ",", "id-17,");
        Reading parts = readBothWays(BINARY, csv);
        assertTrue(parts.joined());
        assertTrue(parts.refusal().getMessage().contains("line 19"), parts.refusal().getMessage());
    }

    @Test
    void aBadNumberInTheSecondHalfIsRefusedAsOnePassRefusesIt() throws Exception {
        int rows = 60_000;
        String csv = binaryTable(rows, rows - 100, "id-x,fraud,shop-1,eu,30,0.7x,0.5");
        Reading parts = readBothWays(BINARY, csv);
        assertEquals(rows - 100 + 2, parts.refusal().line());
        assertEquals(2, parts.parsesStarted(), "read again in one pass");
    }

    @Test
    void aThirdClassInTheSecondHalfIsRefusedAsOnePassRefusesIt() throws Exception {
        int rows = 60_000;
        String table = binaryTable(rows);
        // the first half's negative class is named "legit", the second's "ok": one pass refuses "ok" as a third class
        int lineEnd = table.indexOf('\n', table.length() / 2) + 1;
        String csv = table.substring(0, lineEnd).replace("id-5,fraud,", "id-5,legit,") + table.substring(lineEnd);
        Reading parts = readBothWays(BINARY, csv);
        assertNotNull(parts.refusal());
        assertTrue(parts.refusal().line() > rows / 2, parts.refusal().getMessage());
        assertEquals(2, parts.parsesStarted());
    }

    @Test
    void aBinaryPacksHeldClassesAreRefusedAsOnePassRefusesThem() throws Exception {
        // no row of the first part is labelled with the positive label: a third value is held there, then refused
        int rows = 60_000;
        String csv = csv(BINARY_HEADER, rows, row -> "id-" + row + ","
                + (row < rows * 3 / 4 ? (row == 40 ? "maybe" : "ok") : "fraud") + ",shop-1,eu,30,0.5,0.5");
        Reading parts = readBothWays(BINARY, csv);
        assertEquals(42, parts.refusal().line());
        assertEquals(2, parts.parsesStarted());
    }

    @Test
    void aStrayQuoteInTheSecondHalfIsRefusedAsOnePassRefusesIt() throws Exception {
        int rows = 60_000;
        String csv = binaryTable(rows, rows - 50, "id-\"x,fraud,shop-1,eu,30,0.5,0.5");
        Reading parts = readBothWays(BINARY, csv);
        assertEquals(rows - 50 + 2, parts.refusal().line());
        assertEquals(1, parts.refusal().column());
    }

    @Test
    void aQuotedFieldSendsTheFileToOnePass() throws Exception {
        int rows = 60_000;
        String csv = binaryTable(rows).replace("id-10,", "\"id-10\",").replace("shop-7,", "\"shop,7\",");
        Reading parts = readBothWays(BINARY, csv);
        assertEquals(2, parts.parsesStarted());
        assertTrue(parts.table().column("merchant").orElseThrow().levels().contains("shop,7"));
    }

    @Test
    void aSliceValueInTheSecondHalfThatIsAFirstHalfValueInAnotherUnicodeFormIsRefusedAsOnePassRefusesIt()
            throws Exception {
        int rows = 60_000;
        String csv = csv(BINARY_HEADER, rows, row -> "id-" + row + "," + (row % 5 == 0 ? "fraud" : "ok") + ","
                + (row == rows - 30 ? "Zu\u0308rich" : row == 3 ? "Z\u00fcrich" : "Bern") + ",eu,30,0.5,0.25");
        Reading parts = readBothWays(BINARY, csv);
        assertEquals(rows - 30 + 2, parts.refusal().line());
        assertEquals(2, parts.parsesStarted());
    }

    @Test
    void aLimitOfSliceValuesReachedOnlyByBothHalvesTogetherIsRefusedAsOnePassRefusesIt() throws Exception {
        // 30 merchants in each part, 10 of them shared: 50 in all against a limit of 40. Rows of one length, so the cut
        // is a row from the middle one; around it, a merchant of both parts' values
        int rows = 60_000;
        String csv = csv(BINARY_HEADER, rows, row -> String.format(Locale.ROOT, "id-%05d,%s,shop-%02d,eu,30,0.5,0.25",
                row, row % 5 == 0 ? "fraud" : "ok.",
                row < rows / 2 - 10 ? row % 30 : row > rows / 2 + 10 ? 20 + row % 30 : 25));
        Reading parts = readBothWays(BINARY, csv, new PackLimits(40, 10_000, 5_000_000));
        assertNotNull(parts.refusal());
        assertEquals(2, parts.parsesStarted());
    }

    @Test
    void aFileJustAboveTheSizeFromWhichItIsReadInPartsIsJoinedAndOneJustBelowIsNot() throws Exception {
        String table = binaryTable(80_000);
        int bytes = table.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > CsvParts.MIN_BYTES, "the table must be larger than the threshold: " + bytes);
        int[] cuts = {(int) CsvParts.MIN_BYTES + 100, (int) CsvParts.MIN_BYTES - 100};
        for (int cut : cuts) {
            String csv = table.substring(0, table.lastIndexOf('\n', cut) + 1);
            long size = csv.getBytes(StandardCharsets.UTF_8).length;
            Reading onePass = read(BINARY, csv, Long.MAX_VALUE, PackLimits.DEFAULTS);
            Reading byDefault = read(BINARY, csv, CsvParts.MIN_BYTES, PackLimits.DEFAULTS);
            assertSameTable(onePass.table(), byDefault.table());
            assertEquals(size >= CsvParts.MIN_BYTES, byDefault.joined(), size + " bytes");
        }
    }

    @Test
    void rowsAfterAPartOfBlankLinesAndAHeaderWithCrLfKeepTheirLines() throws Exception {
        // the header ends with CRLF; the first part holds blank lines only, the repeated id is in the second part
        int rows = 3_000;
        StringBuilder csv = new StringBuilder(BINARY_HEADER).append("\r\n").append("\n".repeat(200_000));
        for (int row = 0; row < rows; row++) {
            csv.append("id-").append(row == rows - 1 ? 4 : row).append(",fraud,shop-1,eu,30,0.5,0.25\r\n");
        }
        Reading parts = readBothWays(BINARY, csv.toString());
        assertTrue(parts.joined());
        assertTrue(parts.refusal().getMessage().contains("line " + (200_001 + 5)), parts.refusal().getMessage());
    }

    /**
     * Read in parts, a listener hears of the table once, of the first part's ids every 65,536 rows as one pass tells of
     * them, then of all the ids once the parts are joined, then of the table's own score columns, then of the table.
     */
    @Test
    void aListenerHearsOfTheFirstPartsIdsAsReadThenOfAllOnceJoined() throws Exception {
        int rows = 300_000;
        Path pack = PackFixture.write(temp.resolve("heard"), BINARY, binaryTable(rows));
        List<String> headers = new ArrayList<>();
        List<ExampleIds> idsHeard = new ArrayList<>();
        List<Map<String, double[]>> scoresHeard = new ArrayList<>();
        List<EvaluationTable> tables = new ArrayList<>();
        RowsListener listener = (task, everyModelScored) -> {
            headers.add(task + " " + everyModelScored);
            return new RowsListener.TableRows() {
                @Override
                public void idsRead(ExampleIds soFar) {
                    idsHeard.add(soFar);
                }

                @Override
                public void scoresRead(int read, ExampleIds ids, Map<String, double[]> scoresByVersion) {
                    assertEquals(rows, read);
                    scoresHeard.add(Map.copyOf(scoresByVersion));
                }

                @Override
                public void rowsRead(EvaluationTable table) {
                    tables.add(table);
                }
            };
        };
        EvaluationTable table = new PackLoader(PackLimits.DEFAULTS, null, listener).load(pack, Progress.NONE)
                .primary();
        assertEquals(List.of("BINARY true"), headers);
        assertEquals(List.of(table), tables);
        List<Integer> sizes = idsHeard.stream().map(ExampleIds::size).toList();
        assertEquals(List.of(65_536, 131_072, rows), sizes);
        for (ExampleIds ids : idsHeard) {
            for (int row = 0; row < ids.size(); row += 997) {
                assertEquals("id-" + row, ids.get(row));
            }
        }
        assertEquals(1, scoresHeard.size());
        for (ModelPredictions model : table.predictions().values()) {
            assertSame(model.scores(), scoresHeard.get(0).get(model.version()));
        }
    }

    /** Read in parts, a long read reports rising progress, and Cancel stops both parts at their next look. */
    @Test
    void partsReportRisingProgressAndStopWhenCancelled() throws Exception {
        Path pack = PackFixture.write(temp.resolve("long"), BINARY, binaryTable(400_000));
        // the first part tells of its progress
        ReadingProgress.assertRises(pack, 2);
        ReadingProgress.assertStopsWhenCancelled(pack);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("verdict-rows-second-part")), "the second part stopped");
    }

    @Test
    void theCutIsAfterTheLineBreakPastTheMiddle() throws Exception {
        Path file = temp.resolve("t.csv");
        Files.writeString(file, "h1,h2\n" + "a,b\n".repeat(100), StandardCharsets.UTF_8);
        CsvParts parts = CsvParts.of(file, 0);
        assertNotNull(parts);
        long size = Files.size(file);
        // 406 bytes: the middle byte 203 is in the row of bytes 202 – 205, whose line feed is byte 205
        assertEquals(406, size);
        assertEquals(206, parts.firstBytes());
        try (var second = parts.second(file)) {
            String text = new String(second.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("h1,h2\n" + "a,b\n".repeat((int) (size - parts.firstBytes()) / 4), text);
        }
        assertNull(CsvParts.of(file, size + 1));
    }

}
