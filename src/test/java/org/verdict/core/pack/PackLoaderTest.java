package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

class PackLoaderTest {
    @TempDir
    Path temp;

    private final PackLoader loader = new PackLoader();

    private ReviewPack load(Path pack) throws PackException {
        return loader.load(pack, Progress.NONE);
    }

    @Test
    void readsMulticlassPackColumnWise() throws Exception {
        ReviewPack pack = load(PackFixture.write(temp.resolve("p"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV));
        EvaluationTable table = pack.primary();

        assertEquals(4, table.rowCount());
        assertEquals(List.of("account", "billing", "technical"), table.classes());
        // labels billing, technical, account, billing -> codes in the sorted class list
        assertArrayEquals(new int[] {1, 2, 0, 1}, table.labelCodes());
        assertArrayEquals(new int[] {1, 0, 0, 1}, table.predictionsOf("42").classCodes());
        assertArrayEquals(new int[] {1, 2, 1, 1}, table.predictionsOf("43").classCodes());
        CategoricalColumn language = table.column("language").orElseThrow();
        assertEquals(List.of("de", "en"), language.levels());
        assertEquals("de", language.valueAt(2));
        assertTrue(table.column("gender").isPresent(), "sensitive columns are sliced too");
        assertEquals("42", pack.manifest().production().version());
        assertEquals(3, pack.manifest().production().hyperparameters().get("epochs"));
    }

    @Test
    void binaryPredictionIsScoreAtOrAboveEachModelsThreshold() throws Exception {
        ReviewPack pack = load(PackFixture.write(temp.resolve("b"), PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV));
        EvaluationTable table = pack.primary();

        assertEquals(List.of("ok", "fraud"), table.classes());
        assertArrayEquals(new int[] {1, 0, 0, 1}, table.labelCodes());
        // production threshold 0.5: 0.9 0.2 0.6 0.4
        assertArrayEquals(new int[] {1, 0, 1, 0}, table.predictionsOf("7").classCodes());
        // candidate threshold 0.3: 0.4 0.35 0.1 0.25
        assertArrayEquals(new int[] {1, 1, 0, 0}, table.predictionsOf("8").classCodes());
        assertEquals(0.35, table.predictionsOf("8").scores()[1]);
    }

    @Test
    void hashesEveryFileWithSha256() throws Exception {
        Path folder = PackFixture.write(temp.resolve("h"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        Files.createDirectories(folder.resolve("extra"));
        Files.writeString(folder.resolve("extra/notes.txt"), "abc");
        ReviewPack pack = load(folder);

        assertEquals(List.of("extra/notes.txt", "manifest.json", "primary.csv"), List.copyOf(pack.fileHashes().keySet()));
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                pack.fileHashes().get("extra/notes.txt"));
        byte[] csv = PackFixture.MULTICLASS_CSV.getBytes(StandardCharsets.UTF_8);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)),
                pack.fileHashes().get("primary.csv"));
    }

    @Test
    void zipLoadsLikeTheFolderItWasMadeFrom() throws Exception {
        Path zip = temp.resolve("pack.zip");
        zip(zip, "router/manifest.json", PackFixture.MULTICLASS_MANIFEST, "router/primary.csv", PackFixture.MULTICLASS_CSV);
        ReviewPack pack = load(zip);

        assertEquals(4, pack.primary().rowCount());
        assertEquals(zip, pack.source());
        assertTrue(pack.fileHashes().containsKey("primary.csv"));
    }

    @Test
    void zipEntryClimbingOutOfThePackIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path zip = temp.resolve("evil.zip");
        zip(zip, "manifest.json", PackFixture.MULTICLASS_MANIFEST, "../../escaped.txt", "gotcha");
        PackException error = assertThrows(PackException.class, () -> load(zip));

        assertEquals("evil.zip", error.file());
        assertTrue(error.problem().contains("outside the pack"), error.getMessage());
        assertTrue(Files.notExists(temp.getParent().resolve("escaped.txt")));
    }

    @Test
    void manifestSyntaxErrorNamesLineAndColumn() {
        String broken = PackFixture.MULTICLASS_MANIFEST.replace("\"riskTier\": 2,", "\"riskTier\": 2,,");
        PackException error = assertThrows(PackException.class,
                () -> load(PackFixture.write(temp.resolve("s"), broken, PackFixture.MULTICLASS_CSV)));

        assertEquals("manifest.json", error.file());
        assertEquals(3, error.line());
        assertTrue(error.column() > 0);
    }

    @Test
    void manifestValueErrorsPointAtTheValue() {
        String twoProductions = PackFixture.MULTICLASS_MANIFEST.replace("\"role\": \"candidate\"", "\"role\": \"production\"");
        assertEquals("models: exactly one model must have role 'production', found 2",
                refusal(twoProductions, PackFixture.MULTICLASS_CSV, "manifest.json").problem());

        String wrongType = PackFixture.MULTICLASS_MANIFEST.replace("\"riskTier\": 2", "\"riskTier\": \"high\"");
        PackException error = refusal(wrongType, PackFixture.MULTICLASS_CSV, "manifest.json");
        assertEquals("model.riskTier must be a whole number 1, 2 or 3, not the string \"high\"", error.problem());
        assertEquals(3, error.line());
        assertEquals(65, error.column(), "the quote opening \"high\" is the 65th character of line 3");

        String unknownMetric = PackFixture.MULTICLASS_MANIFEST.replace("macro_f1", "macro_f2");
        assertEquals("primaryMetric: unknown metric 'macro_f2'",
                refusal(unknownMetric, PackFixture.MULTICLASS_CSV, "manifest.json").problem());

        String retiredMetric = PackFixture.MULTICLASS_MANIFEST.replace("macro_f1", "ece");
        assertEquals("primaryMetric: unknown metric 'ece'; the plug-in ece was replaced by sq_calibration_error, the "
                + "debiased squared calibration error",
                refusal(retiredMetric, PackFixture.MULTICLASS_CSV, "manifest.json").problem());

        String wrongMetricForTask = PackFixture.MULTICLASS_MANIFEST.replace("macro_f1", "rmse");
        assertEquals("primaryMetric 'rmse' does not apply to a multiclass task; use one of "
                + "[accuracy, balanced_accuracy, macro_f1, micro_f1, weighted_f1, cohen_kappa]",
                refusal(wrongMetricForTask, PackFixture.MULTICLASS_CSV, "manifest.json").problem());

        // selection_rate has no better side: gate 1 could only judge it in a direction made up for it
        String directionless = PackFixture.BINARY_MANIFEST.replaceFirst("\"primaryMetric\": \"[a-z_]+\"",
                "\"primaryMetric\": \"selection_rate\"");
        PackException noDirection = refusal(directionless, PackFixture.BINARY_CSV, "manifest.json");
        assertEquals("primaryMetric 'selection_rate' is neither better nor worse when it moves (it is shown for "
                + "fairness), so the gates could not tell a loss; use one of [accuracy, balanced_accuracy, precision, "
                + "recall, f1, roc_auc, pr_auc, log_loss, brier, sq_calibration_error, tpr, fpr]", noDirection.problem());
        assertTrue(noDirection.line() > 0, "at the key's line");

        String binaryWithoutPositive = PackFixture.BINARY_MANIFEST.replace("\"positiveLabel\": \"fraud\"", "\"positiveLabel\": null");
        assertEquals("model.positiveLabel is required for a binary task",
                refusal(binaryWithoutPositive, PackFixture.BINARY_CSV, "manifest.json").problem());

        String newerFormat = PackFixture.MULTICLASS_MANIFEST.replace("verdict-pack/1", "verdict-pack/9");
        assertProblem(newerFormat, PackFixture.MULTICLASS_CSV, "manifest.json", "is not supported");
    }

    @Test
    void fileReferencesMustStayInsideThePack() throws IOException {
        String parent = PackFixture.MULTICLASS_MANIFEST.replace("\"file\": \"primary.csv\"", "\"file\": \"../primary.csv\"");
        assertProblem(parent, PackFixture.MULTICLASS_CSV, "manifest.json", "leaves the pack");

        String absolute = PackFixture.MULTICLASS_MANIFEST.replace("\"file\": \"primary.csv\"", "\"file\": \"/etc/passwd\"");
        assertProblem(absolute, PackFixture.MULTICLASS_CSV, "manifest.json", "absolute path");

        String missing = PackFixture.MULTICLASS_MANIFEST.replace("\"file\": \"primary.csv\"", "\"file\": \"nope.csv\"");
        assertEquals("suites.primary.file: 'nope.csv' is missing from the pack",
                refusal(missing, PackFixture.MULTICLASS_CSV, "manifest.json").problem());

        Path outside = Files.writeString(temp.resolve("outside.csv"), PackFixture.MULTICLASS_CSV);
        Path pack = PackFixture.write(temp.resolve("link"), PackFixture.MULTICLASS_MANIFEST
                .replace("\"file\": \"primary.csv\"", "\"file\": \"linked.csv\""), PackFixture.MULTICLASS_CSV);
        Files.createSymbolicLink(pack.resolve("linked.csv"), outside);
        PackException error = assertThrows(PackException.class, () -> load(pack));
        assertTrue(error.problem().contains("leads outside the pack"), error.getMessage());
    }

    @Test
    void badCsvValuesNameLineColumnAndColumnName() {
        PackException nan = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace("t3,ok,us,0.6,0.1", "t3,ok,us,NaN,0.1"), "primary.csv", "(score_7)");
        assertEquals(4, nan.line());
        assertEquals(4, nan.column());
        assertTrue(nan.problem().contains("not a finite number"));

        PackException outOfRange = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace("0.35", "1.35"), "primary.csv", "outside [0, 1]");
        assertEquals(3, outOfRange.line());
        assertEquals(5, outOfRange.column());

        PackException text = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace("0.25", "high"), "primary.csv", "'high' is not a number");
        assertEquals(5, text.line());

        PackException duplicate = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e4,", "e2,"), "primary.csv", "'e2' was already used on line 3");
        assertEquals(5, duplicate.line());
        assertEquals(1, duplicate.column());

        // the rows' lines are kept only where they jump: after blank lines, every later row sits lower
        PackException afterBlankLines = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e4,", "e2,").replace("\ne3,", "\n\n\ne3,"), "primary.csv",
                "'e2' was already used on line 3");
        assertEquals(7, afterBlankLines.line());

        PackException shortRow = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e3,account,de,f,account,billing", "e3,account,de,f,account"),
                "primary.csv", "(pred_43) the row ends before this column: it has 5 fields but the header has 6");
        assertEquals(4, shortRow.line());
        assertEquals(6, shortRow.column(), "the first column the row lacks");
        PackException longRow = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e3,account,de,f,account,billing", "e3,account,de,f,account,billing,x"),
                "primary.csv", "the row has 7 fields but the header has 6");
        assertEquals(4, longRow.line());
        assertEquals(7, longRow.column(), "the first column beyond the header");
        // a column the header lacks is the header's fault as a whole: line 1, no column (none it has is wrong)
        PackException missing = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace(",pred_43", ",pred_44"), "primary.csv", "needs column pred_43");
        assertEquals("primary.csv, line 1 (the header)", missing.location());
        assertTrue(missing.getMessage().startsWith("primary.csv, line 1 (the header): needs column pred_43"),
                missing.getMessage());
        assertEquals(0, missing.column());
        PackException noScore = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace(",score_8", ",other"), "primary.csv", "needs score_8 or pred_8");
        assertEquals("primary.csv, line 1 (the header)", noScore.location());
        // a column that is itself wrong is named by its place
        PackException twice = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("gender", "language"), "primary.csv",
                "column 'language' appears twice in the header, first as column 3; rename or remove one of them");
        assertEquals("primary.csv, line 1, column 4", twice.location());
        assertProblem(PackFixture.BINARY_MANIFEST.replace("score_", "x").replace("\"roc_auc\"", "\"accuracy\""),
                "example_id,label,region,pred_7,pred_8\nt1,fraud,eu,fraud,ok\nt2,ok,eu,maybe,ok\n",
                "primary.csv", "'maybe' is a third class in a binary pack");
        assertProblem(PackFixture.BINARY_MANIFEST.replace("score_", "x").replace("\"roc_auc\"", "\"accuracy\""),
                "example_id,label,region,pred_7,pred_8\nt1,fraud,eu,fraud,ok\nt2,ok,eu,Fraud,ok\n",
                "primary.csv", "'Fraud' is a third class in a binary pack (classes so far: [fraud, ok], positive label"
                + " 'fraud'); it differs from the class 'fraud' only in case, and classes are matched exactly: write each"
                + " class one way");
        // the negative class written as two numbers: two classes as text, one as a number, so the fix is named
        PackException twoZeros = assertProblem(PackFixture.BINARY_MANIFEST.replace("\"fraud\"}", "\"1\"}"),
                "example_id,label,region,score_7,score_8\nt1,1,eu,0.9,0.8\nt2,0,eu,0.1,0.2\nt3,0.0,eu,0.2,0.3\n",
                "primary.csv", "");
        assertEquals("primary.csv, line 4, column 2: (label) '0.0' is a third class in a binary pack (classes so far:"
                + " [1, 0], positive label '1'); it is the class '0' written as another number: write each class one"
                + " way", twoZeros.getMessage());
        assertProblem(PackFixture.MULTICLASS_MANIFEST, "example_id,label,language,gender,pred_42,pred_43\n",
                "primary.csv", "has a header but no examples");
    }

    /** The two header mistakes spreadsheets and notebooks make most: another separator, another spelling. */
    @Test
    void aMissingColumnSaysWhatTheHeaderMostLikelyGotWrong() {
        PackException semicolons = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace(',', ';'), "primary.csv", "needs column 'example_id'");
        assertEquals("primary.csv, line 1 (the header): needs column 'example_id' (the example id); the header is one "
                + "field, 'example_id;label;region;score_7;score_8': is the file separated by ';'? Verdict reads "
                + "comma-separated values only (RFC 4180), with '.' as decimal point", semicolons.getMessage());
        PackException tabs = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace(',', '\t'), "primary.csv", "is the file separated by tabs?");
        assertTrue(tabs.getMessage().contains("'example_id\\tlabel\\tregion"), tabs.getMessage());
        PackException capital = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace(",label,", ",Label,"), "primary.csv", "needs column 'label'");
        assertTrue(capital.getMessage().endsWith("needs column 'label' (the true label); the header has 'Label': "
                + "column names are matched exactly, so rename it 'label'"), capital.getMessage());
        PackException spaced = assertProblem(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace(",score_8", ",Score 8").replace("score_7", "score 7"),
                "primary.csv", "needs score_7 or pred_7");
        assertTrue(spaced.getMessage().endsWith("the header has 'score 7': column names are matched exactly, so "
                + "rename it 'score_7'"), spaced.getMessage());
    }

    @Test
    void predictedClassThatIsNeverALabelIsRefusedAsALikelyTypo() {
        // line 4 (e3): the candidate predicts "acount", which no example has as its label
        PackException typo = assertProblem(PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e3,account,de,f,account,billing", "e3,account,de,f,account,acount"),
                "primary.csv", "'acount' is predicted but is never a label");
        assertEquals(4, typo.line());
        assertEquals(6, typo.column());
    }

    /**
     * model.classes gives the classes in its own order and keeps one no row uses ("refunds": neither a label nor a
     * prediction), so every view can name it as never labelled instead of dropping it unseen.
     */
    @Test
    void declaredClassesAllowPredictionsOfClassesAbsentFromTheLabelsAndRefuseOthers() throws Exception {
        String declared = PackFixture.MULTICLASS_MANIFEST.replace("\"positiveLabel\": null", "\"positiveLabel\": null, "
                + "\"classes\": [\"account\", \"billing\", \"technical\", \"sales\", \"refunds\"]");
        String predictsSales = PackFixture.MULTICLASS_CSV.replace("e4,billing,de,m,billing,billing", "e4,billing,de,m,billing,sales");
        ReviewPack pack = load(PackFixture.write(temp.resolve("declared"), declared, predictsSales));
        assertEquals(List.of("account", "billing", "technical", "sales", "refunds"), pack.primary().classes());
        int sales = pack.primary().classes().indexOf("sales");
        int[] candidate = pack.primary().predictionsOf("43").classCodes();
        assertEquals(1, Arrays.stream(candidate).filter(code -> code == sales).count());

        PackException undeclared = assertProblem(declared,
                PackFixture.MULTICLASS_CSV.replace("e2,technical,en,m,account,technical", "e2,technical,en,m,acount,technical"),
                "primary.csv", "'acount' is not one of the classes listed in manifest.json model.classes");
        assertEquals(3, undeclared.line());
        assertEquals(5, undeclared.column());
        // a class in other capitals than model.classes writes it would be a class of its own: the one it means is named
        PackException otherCase = assertProblem(declared,
                PackFixture.MULTICLASS_CSV.replace("e2,technical,en,m,account,technical", "e2,Technical,en,m,account,technical"),
                "primary.csv", "");
        assertEquals("primary.csv, line 3, column 2: (label) 'Technical' is not one of the classes listed in"
                + " manifest.json model.classes [account, billing, technical, sales, refunds]; it differs from the"
                + " class 'technical' only in case, and classes are matched exactly: write every label and prediction"
                + " as model.classes names it", otherCase.getMessage());
        // several tags exported into one quoted label: the class it holds is named
        PackException tags = assertProblem(declared,
                PackFixture.MULTICLASS_CSV.replace("e2,technical,en,m,account,technical",
                        "e2,\"technical, urgent\",en,m,account,technical"), "primary.csv", "");
        assertEquals("primary.csv, line 3, column 2: (label) 'technical, urgent' is not one of the classes listed in"
                + " manifest.json model.classes [account, billing, technical, sales, refunds]; it holds the class"
                + " 'technical' and more, but a label or prediction names one class: write the one class, or list the"
                + " whole value in model.classes if it is a class of its own", tags.getMessage());
    }

    /**
     * A multiclass comparison reads the predicted classes alone: per-class probabilities (score_43_billing) are
     * refused as columns the task takes none of, not as a model missing from the manifest, and a score_V column of a
     * listed version is refused too rather than read by nobody.
     */
    @Test
    void multiclassScoreColumnsAreRefusedAsColumnsTheTaskTakesNone() {
        String perClass = PackFixture.MULTICLASS_CSV.replace("pred_43\n", "pred_43,score_43_billing\n")
                .replaceAll("(?m)^(e\\d+,.*)$", "$1,0.5");
        PackException error = refusal(PackFixture.MULTICLASS_MANIFEST, perClass, "primary.csv");
        assertEquals("primary.csv, line 1, column 7: a multiclass pack takes no score columns (scores are read for"
                + " binary tasks only; its metrics are computed from the pred_V columns); remove score_43_billing",
                error.getMessage());
        String perVersion = PackFixture.MULTICLASS_CSV.replace("language,gender,", "language,gender,score_42,")
                .replaceAll("(?m)^(e\\d+,[^,]*,[^,]*,[^,]*),", "$1,0.5,");
        assertEquals("primary.csv, line 1, column 5: a multiclass pack takes no score columns (scores are read for"
                + " binary tasks only; its metrics are computed from the pred_V columns); remove score_42",
                refusal(PackFixture.MULTICLASS_MANIFEST, perVersion, "primary.csv").getMessage());
    }

    @Test
    void binaryPackWithoutScoresUsesPredictedLabels() throws Exception {
        String csv = "example_id,label,region,pred_7,pred_8\nt1,fraud,eu,fraud,ok\nt2,ok,eu,ok,ok\n";
        ReviewPack pack = load(PackFixture.write(temp.resolve("noscore"),
                PackFixture.BINARY_MANIFEST.replace("\"roc_auc\"", "\"accuracy\""), csv));

        assertNull(pack.primary().predictionsOf("7").scores());
        assertArrayEquals(new int[] {1, 0}, pack.primary().predictionsOf("7").classCodes());
        assertArrayEquals(new int[] {0, 0}, pack.primary().predictionsOf("8").classCodes());
    }

    /**
     * Loading for a comparison reads the same table without hashing the files, and refuses what loading refuses, with
     * the same message: a link out of the pack among files no table reads, and a bad value before that link.
     */
    @Test
    void loadingForAComparisonReadsTheSameTableUnhashedAndRefusesTheSame() throws Exception {
        Path folder = PackFixture.write(temp.resolve("cmp"), PackFixture.BINARY_MANIFEST, PackFixture.BINARY_CSV);
        ReviewPack hashed = load(folder);
        ReviewPack unhashed = loader.loadForComparison(folder, Progress.NONE);
        assertEquals(2, hashed.fileHashes().size());
        assertEquals(java.util.Map.of(), unhashed.fileHashes());
        assertEquals(hashed.primary().exampleIds().asList(), unhashed.primary().exampleIds().asList());
        assertArrayEquals(hashed.primary().predictionsOf("8").scores(), unhashed.primary().predictionsOf("8").scores());

        Path outside = Files.writeString(temp.resolve("elsewhere.txt"), "notes");
        Files.createSymbolicLink(folder.resolve("notes.txt"), outside);
        PackException byLoad = assertThrows(PackException.class, () -> load(folder));
        PackException forComparison = assertThrows(PackException.class,
                () -> loader.loadForComparison(folder, Progress.NONE));
        assertTrue(byLoad.problem().contains("leads outside the pack"), byLoad.getMessage());
        assertEquals(byLoad.getMessage(), forComparison.getMessage());

        Files.writeString(folder.resolve("primary.csv"), PackFixture.BINARY_CSV.replace("0.35", "1.35"));
        PackException badValue = assertThrows(PackException.class,
                () -> loader.loadForComparison(folder, Progress.NONE));
        assertEquals(assertThrows(PackException.class, () -> load(folder)).getMessage(), badValue.getMessage());
        assertTrue(badValue.getMessage().contains("outside [0, 1]"), badValue.getMessage());
    }

    /**
     * The loader tells its listener of the table once the rows are read (so the comparison's hashing can start on
     * another core), and a repeated id is refused after that with the same message as without a listener.
     */
    @Test
    void theRowsReadListenerHearsOfTheTableBeforeARepeatedIdIsRefused() throws Exception {
        List<EvaluationTable> heard = new java.util.ArrayList<>();
        PackLoader listening = new PackLoader(PackLimits.DEFAULTS, null, (task, scored) -> heard::add);
        ReviewPack pack = listening.load(PackFixture.write(temp.resolve("heard"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV), Progress.NONE);
        assertEquals(List.of(pack.primary()), heard);

        Path repeated = PackFixture.write(temp.resolve("repeated"), PackFixture.MULTICLASS_MANIFEST,
                PackFixture.MULTICLASS_CSV.replace("e4,", "e2,"));
        PackException refused = assertThrows(PackException.class, () -> listening.load(repeated, Progress.NONE));
        assertEquals(2, heard.size());
        assertEquals(assertThrows(PackException.class, () -> load(repeated)).getMessage(), refused.getMessage());
        assertTrue(refused.getMessage().contains("'e2' was already used on line 3"), refused.getMessage());
    }

    private PackException assertProblem(String manifest, String csv, String file, String problemPart) {
        PackException error = refusal(manifest, csv, file);
        assertTrue(error.getMessage().contains(problemPart), "expected '" + problemPart + "' in: " + error.getMessage());
        return error;
    }

    /** The refusal of the pack with this manifest and primary table, which must be about {@code file}. */
    private PackException refusal(String manifest, String csv, String file) {
        Path folder = temp.resolve("case" + System.nanoTime());
        PackException error = assertThrows(PackException.class, () -> load(PackFixture.write(folder, manifest, csv)));
        assertEquals(file, error.file(), error.getMessage());
        return error;
    }

    private static void zip(Path zip, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zipOut.putNextEntry(new ZipEntry(namesAndContents[i]));
                zipOut.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
    }
}
