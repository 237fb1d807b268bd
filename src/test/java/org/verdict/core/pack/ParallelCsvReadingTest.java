package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * A large CSV is parsed in parts on several cores; the result must be that of one pass over the whole file: the same
 * table (every column, the codes and their order, the ids), and for a bad file the same message, naming the line and
 * column in the whole file of the first problem in file order — also when the problem only exists across parts (a
 * third class of a binary pack, too many distinct slice values, an id repeated from an earlier part).
 */
class ParallelCsvReadingTest {
    @TempDir
    Path temp;

    private static final String BINARY_MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "fraud", "task": "binary", "riskTier": 1, "positiveLabel": "fraud"},
              "models": [{"version": "7", "role": "production"}, {"version": "8", "role": "candidate", "threshold": 0.3}],
              "primaryMetric": "roc_auc",
              "suites": {"primary": {"file": "primary.csv", "slices": ["merchant", "region"], "sensitive": ["age"]}}
            }
            """;

    private static final String MULTICLASS_MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "router", "task": "multiclass", "riskTier": 2, "positiveLabel": null},
              "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
              "primaryMetric": "macro_f1",
              "suites": {"primary": {"file": "primary.csv", "slices": ["language", "label"]}}
            }
            """;

    private static final String REGRESSION_MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "prices", "task": "regression", "riskTier": 2, "positiveLabel": null},
              "models": [{"version": "a", "role": "production"}, {"version": "b", "role": "candidate"}],
              "primaryMetric": "mae",
              "suites": {"primary": {"file": "primary.csv", "slices": ["city"]}}
            }
            """;

    private static final int ROWS = 20_000;

    /** A CSV and the line each data row starts on (quoted notes hold line breaks, so lines are not rows + 2). */
    private record Csv(String text, long[] lineOfRow) {
    }

    /**
     * Writes {@code ROWS} rows from {@code row}, CRLF line ends and a byte-order mark, a blank line in the middle, and
     * a column no one reads with quoted notes that hold commas, doubled quotes and line breaks.
     */
    private static Csv csv(String header, IntFunction<String> row) {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder text = new StringBuilder("\uFEFF").append(header).append(",note\r\n");
        long[] lineOfRow = new long[ROWS];
        long line = 2;
        for (int r = 0; r < ROWS; r++) {
            if (r == ROWS / 2 + 7) {
                text.append("\r\n");
                line++;
            }
            lineOfRow[r] = line;
            String note = switch (random.nextInt(6)) {
                case 0 -> "\"said \"\"no\"\",\r\nthen yes\"";
                case 1 -> "\"two\nline breaks\n\"";
                case 2 -> "\"a, b\"";
                default -> "plain";
            };
            line += note.chars().filter(c -> c == '\n').count() + 1;
            text.append(row.apply(r)).append(',').append(note).append("\r\n");
        }
        return new Csv(text.toString(), lineOfRow);
    }

    private static String binaryRow(int r) {
        SplittableRandom random = new SplittableRandom(r);
        int merchant = (int) Math.sqrt(random.nextInt(300 * 300)); // slices of a few rows to hundreds
        String merchantName = merchant % 5 == 0 ? "\"shop, \"\"" + merchant + "\"\"\"" : "shop-" + merchant;
        return String.format(Locale.ROOT, "id-%d,%s,%s,%s,%d,%.4f,%s", r, random.nextInt(100) < 4 ? "fraud" : "ok",
                merchantName, r == ROWS - 3 ? "antarctica" : random.nextBoolean() ? "eu" : "us",
                18 + random.nextInt(60), random.nextDouble(), Double.toString(random.nextDouble()));
    }

    private static final String BINARY_HEADER = "example_id,label,merchant,region,age,score_7,score_8";

    private static String multiclassRow(int r) {
        SplittableRandom random = new SplittableRandom(r);
        // a rare class that only the last part has, and one that only the first part has
        String[] classes = {"billing", "technical", "account"};
        String label = r == ROWS - 40 ? "legal" : r == 3 ? "abuse" : classes[random.nextInt(3)];
        String predicted = r == ROWS - 40 || r == ROWS - 41 ? "legal" : classes[random.nextInt(3)];
        String language = r > ROWS * 3 / 4 && r % 50 == 0 ? "zulu" : "lang-" + random.nextInt(40);
        return "m" + r + "," + label + "," + language + "," + predicted + "," + (r == 3 ? "abuse" : label);
    }

    private static String regressionRow(int r) {
        SplittableRandom random = new SplittableRandom(r);
        return String.format(Locale.ROOT, "h%d,%.2f,city-%d,%.2f,%s", r, 50_000 + random.nextDouble() * 900_000,
                random.nextInt(250), 50_000 + random.nextDouble() * 900_000, 1e5 * random.nextDouble());
    }

    private Path pack(String name, String manifest, String text) {
        return PackFixture.write(temp.resolve(name), manifest, text);
    }

    private static EvaluationTable read(Path pack, int parts, PackLimits limits, Progress progress)
            throws PackException {
        PackManifest manifest = new ManifestReader().read(PackFiles.open(pack));
        SuiteSpec suite = manifest.primarySuite();
        // from 0 bytes on, so that a test-sized file is cut as a large one is
        return new EvaluationTableReader(limits, parts, 0)
                .read(pack.resolve(suite.file()), suite.file(), manifest, suite, progress);
    }

    private static EvaluationTable read(Path pack, int parts) throws PackException {
        return read(pack, parts, PackLimits.DEFAULTS, Progress.NONE);
    }

    /** The message of reading the pack, which must fail. */
    private static PackException problem(Path pack, int parts, PackLimits limits) {
        return assertThrows(PackException.class, () -> read(pack, parts, limits, Progress.NONE));
    }

    private static void assertSameTable(EvaluationTable expected, EvaluationTable actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertEquals(expected.task(), actual.task());
        assertEquals(expected.exampleIds().asList(), actual.exampleIds().asList());
        assertEquals(expected.classes(), actual.classes());
        assertArrayEquals(expected.labelCodes(), actual.labelCodes());
        assertArrayEquals(expected.labelValues(), actual.labelValues());
        assertEquals(expected.sliceColumns().keySet(), actual.sliceColumns().keySet());
        for (Map.Entry<String, CategoricalColumn> column : expected.sliceColumns().entrySet()) {
            CategoricalColumn other = actual.sliceColumns().get(column.getKey());
            assertEquals(column.getValue().levels(), other.levels(), column.getKey());
            assertArrayEquals(column.getValue().codes(), other.codes(), column.getKey());
        }
        assertEquals(expected.sensitiveColumns(), actual.sensitiveColumns());
        assertEquals(expected.predictions().keySet(), actual.predictions().keySet());
        for (ModelPredictions predictions : expected.predictions().values()) {
            ModelPredictions other = actual.predictionsOf(predictions.version());
            assertArrayEquals(predictions.classCodes(), other.classCodes());
            assertArrayEquals(predictions.values(), other.values());
            assertArrayEquals(predictions.scores(), other.scores());
        }
    }

    @Test
    void binaryMulticlassAndRegressionPacksReadInPartsEqualOnePass() throws Exception {
        Path binary = pack("binary", BINARY_MANIFEST, csv(BINARY_HEADER, ParallelCsvReadingTest::binaryRow).text());
        Path multiclass = pack("multiclass", MULTICLASS_MANIFEST, csv("example_id,label,language,pred_1,pred_2",
                ParallelCsvReadingTest::multiclassRow).text());
        Path regression = pack("regression", REGRESSION_MANIFEST, csv("example_id,label,city,pred_a,pred_b",
                ParallelCsvReadingTest::regressionRow).text());
        for (Path pack : List.of(binary, multiclass, regression)) {
            EvaluationTable onePass = read(pack, 1);
            assertEquals(ROWS, onePass.rowCount());
            for (int parts = 2; parts <= 5; parts++) {
                assertSameTable(onePass, read(pack, parts));
            }
        }
        EvaluationTable classes = read(multiclass, 3);
        assertEquals(List.of("abuse", "account", "billing", "legal", "technical"), classes.classes(),
                "a class only the first part has and one only the last has, sorted with the rest");
        assertTrue(classes.column("language").orElseThrow().levels().contains("zulu"));
        assertTrue(read(binary, 2).column("merchant").orElseThrow().levelCount() > 250, "many slices");
    }

    @Test
    void aBadValueInALaterPartIsReportedAtItsLineAndColumnInTheWholeFile() {
        Csv csv = csv(BINARY_HEADER, r -> r == 15_000 ? binaryRow(r).replaceFirst(",0\\.\\d{4},", ",1.5,")
                : binaryRow(r));
        Path pack = pack("bad-score", BINARY_MANIFEST, csv.text());
        PackException sequential = problem(pack, 1, PackLimits.DEFAULTS);
        assertEquals(csv.lineOfRow()[15_000], sequential.line());
        assertEquals(6, sequential.column());
        for (int parts = 2; parts <= 4; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, PackLimits.DEFAULTS).getMessage());
        }
    }

    @Test
    void whenSeveralPartsHaveProblemsTheFirstInTheFileIsReported() {
        // with 4 parts, rows 7,000 and 12,000 and 18,000 fall in the second, third and fourth
        Csv csv = csv(BINARY_HEADER, r -> switch (r) {
            case 7_000 -> binaryRow(r).replaceFirst(",\\d+,0\\.", ",,0."); // an empty age (a slice value)
            case 12_000 -> binaryRow(r).replaceFirst(",0\\.\\d{4},", ",1.5,");
            case 18_000 -> binaryRow(r) + ",one too many";
            default -> binaryRow(r);
        });
        Path pack = pack("three-problems", BINARY_MANIFEST, csv.text());
        PackException sequential = problem(pack, 1, PackLimits.DEFAULTS);
        assertEquals(csv.lineOfRow()[7_000], sequential.line());
        assertEquals(5, sequential.column());
        for (int parts = 2; parts <= 5; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, PackLimits.DEFAULTS).getMessage(),
                    parts + " parts");
        }
    }

    @Test
    void aThirdClassIntroducedByALaterPartIsRefusedWhereItFirstAppears() {
        Csv csv = csv(BINARY_HEADER, r -> r >= 16_000 && r % 100 == 0 ? binaryRow(r).replaceFirst(",(ok|fraud),",
                ",legit,") : binaryRow(r));
        Path pack = pack("third-class", BINARY_MANIFEST, csv.text());
        PackException sequential = problem(pack, 1, PackLimits.DEFAULTS);
        assertEquals(csv.lineOfRow()[16_000], sequential.line());
        assertTrue(sequential.problem().contains("legit"), sequential.getMessage());
        for (int parts = 2; parts <= 4; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, PackLimits.DEFAULTS).getMessage());
        }
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReportedBeforeANewClassInIt() {
        // the record's field count is judged before its values, also when one of its values is new to the file
        Csv csv = csv(BINARY_HEADER, r -> r == 16_000 ? binaryRow(r).replaceFirst(",(ok|fraud),", ",legit,") + ",x"
                : r == 17_000 ? binaryRow(r).replaceFirst(",(ok|fraud),", ",legit,") : binaryRow(r));
        Path pack = pack("runs-on", BINARY_MANIFEST, csv.text());
        PackException sequential = problem(pack, 1, PackLimits.DEFAULTS);
        assertEquals(csv.lineOfRow()[16_000], sequential.line());
        assertTrue(sequential.problem().contains("field"), sequential.getMessage());
        for (int parts = 2; parts <= 4; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, PackLimits.DEFAULTS).getMessage());
        }
    }

    @Test
    void tooManyDistinctSliceValuesAcrossPartsAreRefusedAtTheValueThatCrossesTheLimit() {
        // each half has 80 languages of its own: within a limit of 100 alone, beyond it together
        Csv csv = csv("example_id,label,language,pred_1,pred_2", r -> multiclassRow(r)
                .replaceFirst(",(lang-\\d+|zulu),", "," + (r < ROWS / 2 ? "first-" : "second-") + (r % 80) + ","));
        Path pack = pack("limit", MULTICLASS_MANIFEST, csv.text());
        PackLimits limits = new PackLimits(100, 10_000, 5_000_000);
        PackException sequential = problem(pack, 1, limits);
        assertEquals(csv.lineOfRow()[ROWS / 2 + 20], sequential.line(), "the 101st language");
        assertTrue(sequential.problem().contains("more than 100 distinct values"), sequential.getMessage());
        PackLimits total = new PackLimits(1_000, 150, 5_000_000);
        PackException sequentialTotal = problem(pack, 1, total);
        for (int parts = 2; parts <= 4; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, limits).getMessage());
            assertEquals(sequentialTotal.getMessage(), problem(pack, parts, total).getMessage());
        }
    }

    @Test
    void anIdRepeatedFromAnEarlierPartNamesBothLines() {
        Csv csv = csv(BINARY_HEADER, r -> r == 19_000 ? binaryRow(r).replaceFirst("^id-\\d+,", "id-100,")
                : binaryRow(r));
        Path pack = pack("repeated", BINARY_MANIFEST, csv.text());
        PackException sequential = problem(pack, 1, PackLimits.DEFAULTS);
        assertEquals(csv.lineOfRow()[19_000], sequential.line());
        assertTrue(sequential.problem().contains("line " + csv.lineOfRow()[100]), sequential.getMessage());
        for (int parts = 2; parts <= 4; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, PackLimits.DEFAULTS).getMessage());
        }
    }

    @Test
    void aClassPredictedInOnePartAndNeverLabelledIsReportedWhereFirstPredicted() {
        Csv csv = csv("example_id,label,language,pred_1,pred_2", r -> r == 14_000 || r == 15_000
                ? multiclassRow(r).replaceFirst("^(m\\d+,\\w+,[\\w-]+),\\w+,", "$1,acount,") : multiclassRow(r));
        Path pack = pack("never-labelled", MULTICLASS_MANIFEST, csv.text());
        PackException sequential = problem(pack, 1, PackLimits.DEFAULTS);
        assertEquals(csv.lineOfRow()[14_000], sequential.line());
        for (int parts = 2; parts <= 4; parts++) {
            assertEquals(sequential.getMessage(), problem(pack, parts, PackLimits.DEFAULTS).getMessage());
        }
    }

    @Test
    void progressRisesAndCancelStopsEveryPart() throws Exception {
        StringBuilder text = new StringBuilder(BINARY_HEADER).append('\n');
        for (int r = 0; r < 300_000; r++) {
            text.append(binaryRow(r)).append('\n');
        }
        Path pack = pack("long", BINARY_MANIFEST, text.toString());
        List<Double> fractions = new ArrayList<>();
        EvaluationTable table = read(pack, 2, PackLimits.DEFAULTS, new Progress() {
            @Override
            public synchronized void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(300_000, table.rowCount());
        assertTrue(fractions.size() >= 2, fractions.toString());
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1) && fractions.get(i) <= 1, fractions.toString());
        }

        AtomicInteger updates = new AtomicInteger();
        assertThrows(CancelledException.class, () -> read(pack, 2, PackLimits.DEFAULTS, new Progress() {
            @Override
            public void update(double fraction, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() > 0;
            }
        }));
        assertEquals(1, updates.get(), "the read stops at the first check after Cancel");
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("csv-part-")) {
                thread.join(1_000); // its task has ended; the thread itself may take a moment to exit
                assertFalse(thread.isAlive(), "every part has stopped when the read ends: " + thread.getName());
            }
        }
    }
}
