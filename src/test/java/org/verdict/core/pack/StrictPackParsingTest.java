package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.verdict.core.task.Progress;

/** Every pack either loads exactly as written or is refused with the file, line and column and a reason in words. */
class StrictPackParsingTest {
    @TempDir
    Path temp;

    private static final String REGRESSION_MANIFEST = """
            {
              "format": "verdict-pack/1",
              "model": {"name": "price", "task": "regression", "riskTier": 1},
              "models": [{"version": "1", "role": "production"}, {"version": "2", "role": "candidate"}],
              "primaryMetric": "rmse",
              "suites": {"primary": {"file": "primary.csv", "slices": ["region"]}}
            }
            """;

    private PackException refused(String manifest, String csv) {
        Path pack = PackFixture.write(Files.exists(temp.resolve("p")) ? temp.resolve("p" + System.nanoTime())
                : temp.resolve("p"), manifest, csv);
        return assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
    }

    private static void assertInWords(PackException error) {
        for (String jargon : List.of("com.fasterxml", "java.lang", "DeserializationFeature", "JsonParser",
                "Exception", "`")) {
            assertFalse(error.getMessage().contains(jargon), "no parser jargon: " + error.getMessage());
        }
    }

    @Test
    void aMisspeltPolicyKeyIsRefusedInsteadOfDroppingThePolicy() {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace("\"primaryMetric\"",
                "\"polcy\": \"policy.json\", \"primaryMetric\""), PackFixture.MULTICLASS_CSV);
        assertEquals("manifest.json", error.file());
        assertEquals(10, error.line());
        assertTrue(error.column() > 0);
        assertEquals("unknown key polcy (a typo?); known keys here: format, model, models, primaryMetric, policy, "
                + "suites, summary", error.problem());
    }

    /** A misspelt key is placed where the key starts, not at its value ("column 19" sent the user to "accuracy"). */
    @Test
    void aMisspeltKeyIsPlacedAtTheKeyNotItsValue() {
        String manifest = PackFixture.MULTICLASS_MANIFEST.replace("\"primaryMetric\"", "\"primaryMetirc\"");
        PackException error = refused(manifest, PackFixture.MULTICLASS_CSV);
        String line = manifest.lines().toList().get((int) error.line() - 1);
        assertEquals(line.indexOf("\"primaryMetirc\"") + 1, error.column(), line);
        assertTrue(error.problem().startsWith("unknown key primaryMetirc (a typo?)"), error.problem());
    }

    @Test
    void aMisspeltOptionalKeyOfAModelVersionIsRefused() {
        PackException error = refused(PackFixture.BINARY_MANIFEST.replace("\"threshold\"", "\"treshold\""),
                PackFixture.BINARY_CSV);
        assertEquals(6, error.line());
        assertEquals("unknown key models[1].treshold (a typo?); known keys here: version, role, dataSnapshot, "
                + "codeVersion, trainedAt, hyperparameters, threshold", error.problem());
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLocation() {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace("\"riskTier\": 2,",
                "\"riskTier\": 3, \"riskTier\": 2,"), PackFixture.MULTICLASS_CSV);
        assertEquals(3, error.line());
        assertTrue(error.problem().contains("key model.riskTier appears twice"), error.problem());
        assertInWords(error);
    }

    /** é is a letter, so the refusal says which letters: the rule is ASCII because the version names CSV columns. */
    @Test
    void aVersionWithANonAsciiLetterIsRefusedNamingTheAsciiRule() {
        PackException error = refused(REGRESSION_MANIFEST.replace("\"version\": \"2\"", "\"version\": \"8\u00e9\""),
                "example_id,label,region,pred_1,pred_8\u00e9\nr1,1.0,eu,1.0,1.0\n");
        assertEquals(4, error.line());
        assertEquals("models[1].version '8\u00e9' may only use ASCII letters (a-z, A-Z), digits (0-9), '.', '_' and '-' (it "
                + "names CSV columns)", error.problem());
    }

    @Test
    void anUnknownSuiteNameIsRefused() {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace("\"suites\": {",
                "\"suites\": {\"safty\": {\"file\": \"primary.csv\"}, "), PackFixture.MULTICLASS_CSV);
        assertEquals("unknown suite suites.safty (a typo?); the suites of verdict-pack/1 are primary, holdout, safety, "
                + "latency, canary, holdoutGroup, humanBaseline, metricHistory, feedback, annotations, trainingIds, "
                + "drift, monitoring", error.problem());
    }

    @Test
    void anUnknownKeyInASuiteEntryIsRefused() {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace("\"sensitive\"", "\"sensitve\""),
                PackFixture.MULTICLASS_CSV);
        assertEquals("unknown key suites.primary.sensitve (a typo?); known keys here: file, slices, sensitive",
                error.problem());
    }

    /**
     * {@code model.targetUnit} of a regression pack: taken as written and placed by one rule (docs/pack-format.md),
     * or refused at its line and column with what is wrong; a classification pack has no target unit.
     */
    @Test
    void aRegressionTargetsUnitIsReadAndPlacedByItsKind() throws Exception {
        String csv = "example_id,label,region,pred_1,pred_2\nr1,1,eu,1,2\nr2,3,us,3,3\n";
        // as written, prefix, suffix, and the short form a table's header names: "Production ($)"
        for (String[] unit : new String[][] {{"USD", "$", "", "$"}, {"CHF", "CHF\u00a0", "", "CHF"},
                {"kg", "", "\u00a0kg", "kg"}, {"\u20b9", "\u20b9", "", "\u20b9"}, {"usd", "", "\u00a0usd", "usd"}}) {
            Path pack = PackFixture.write(temp.resolve("unit-" + unit[2].length() + unit[0].codePointAt(0)),
                    REGRESSION_MANIFEST.replace("\"riskTier\": 1}", "\"riskTier\": 1, \"targetUnit\": \"" + unit[0] + "\"}"),
                    csv);
            TargetUnit read = new PackLoader().load(pack, Progress.NONE).manifest().model().targetUnit();
            assertEquals(List.of(unit[0], unit[1], unit[2], unit[3]),
                    List.of(read.text(), read.prefix(), read.suffix(), read.shortForm()));
        }
        Path bare = PackFixture.write(temp.resolve("bare"), REGRESSION_MANIFEST, csv);
        TargetUnit none = new PackLoader().load(bare, Progress.NONE).manifest().model().targetUnit();
        assertTrue(none.isNone());
        assertEquals("", none.shortForm());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5|31|model.targetUnit must be the target's unit as a string, e.g. \"USD\" or \"kg\", not the number 5",
        "\"\"|31|model.targetUnit is empty; name the target's unit, or leave the key out (a unit is written beside every number in the target's units; e.g. \"USD\", \"kg\", \"min\")",
        "\"US dollars of 2026\"|31|model.targetUnit 'US dollars of 2026' is 18 characters; a unit may have at most 12 (a unit is written beside every number in the target's units; e.g. \"USD\", \"kg\", \"min\")",
        "\"USD \"|31|model.targetUnit 'USD ' has whitespace around it; write the unit without it",
        "\"k\\tg\"|31|model.targetUnit holds a control character (a line break, a tab); write the unit on one line",
        "\"1,000 USD\"|31|model.targetUnit '1,000 USD' holds ',', which would read as part of an interval such as [52,599, 55,536]; write the unit without it",
    })
    void aBadTargetUnitIsRefusedAtItsLineAndColumn(String written, long column, String problem) {
        PackException error = refused(REGRESSION_MANIFEST.replace("\"riskTier\": 1}",
                "\"riskTier\": 1,\n                \"targetUnit\": " + written + "}"), "example_id,label,region,pred_1,pred_2\n");
        assertEquals(List.of("manifest.json", 4L, column, problem),
                List.of(error.file(), error.line(), error.column(), error.problem()));
    }

    @Test
    void aClassificationPackHasNoTargetUnit() {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace("\"riskTier\": 2,",
                "\"riskTier\": 2, \"targetUnit\": \"USD\","), PackFixture.MULTICLASS_CSV);
        assertEquals(List.of("manifest.json", 3L, "model.targetUnit names the unit of a regression target (the unit of "
                + "its mae and rmse); a multiclass model has none: remove the key"),
                List.of(error.file(), error.line(), error.problem()));
        assertTrue(error.column() > 0, error.getMessage());
    }

    /**
     * A value of the wrong kind is refused with its key by its whole path, what is expected and what is written instead,
     * at its line and column: "1" (a string) and 1.0 (a fraction) are no whole numbers, though they print like one.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"riskTier\": 2,|\"riskTier\": \"1\",|3|model.riskTier must be a whole number 1, 2 or 3, not the string \"1\"",
        "\"riskTier\": 2,|\"riskTier\": 1.0,|3|model.riskTier must be a whole number 1, 2 or 3, not the number 1.0",
        "\"riskTier\": 2,|\"riskTier\": 4,|3|model.riskTier must be a whole number 1, 2 or 3, not the number 4",
        "\"riskTier\": 2,|\"riskTier\": null,|3|model.riskTier is required: a whole number 1, 2 or 3",
        "\"slices\": [\"language\"]|\"slices\": \"language\"|11|suites.primary.slices must be a list of column names, not the string \"language\"",
        "\"slices\": [\"language\"]|\"slices\": [7]|11|suites.primary.slices[0] must be a non-empty column name, not the number 7",
        "\"slices\": [\"language\"]|\"slices\": [\"language\", 3]|11|suites.primary.slices[1] must be a non-empty column name, not the number 3",
        "\"sensitive\": [\"gender\"]|\"sensitive\": [\" \"]|11|suites.primary.sensitive[0] must be a non-empty column name, not the string \" \"",
        "\"file\": \"primary.csv\"|\"file\": 7|11|suites.primary.file must be a string, not the number 7",
        "\"version\": \"42\"|\"version\": 42|5|models[0].version must be a string, not the number 42",
        "\"role\": \"candidate\"|\"role\": 5|7|models[1].role must be a string, not the number 5",
        "\"trainedAt\": \"2026-10-02T10:00:00Z\"|\"trainedAt\": \"yesterday\"|6|models[0].trainedAt must be an ISO-8601 instant such as 2026-11-02T10:00:00Z, not the string \"yesterday\"",
        "\"hyperparameters\": {\"lr\": 0.0005}|\"hyperparameters\": [0.0005]|8|models[1].hyperparameters must be a JSON object, not a list",
        "\"positiveLabel\": null|\"positiveLabel\": false|3|model.positiveLabel must be a string (the label value counted as positive), not false",
    })
    void aValueOfTheWrongKindIsNamedWithWhatIsWrittenInstead(String from, String to, long line, String problem) {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace(from, to), PackFixture.MULTICLASS_CSV);
        assertEquals(List.of("manifest.json", line, problem), List.of(error.file(), error.line(), error.problem()));
        assertTrue(error.column() > 0, error.getMessage());
    }

    /**
     * A rule about a key that is not its kind also names the key by its whole path, at the value's line and column; a
     * value that may appear once names where it appeared first.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"version\": \"43\"|\"version\": \"42\"|7|models[1].version '42' appears twice (also models[0].version)",
        "\"slices\": [\"language\"]|\"slices\": [\"language\", \"gender\", \"language\"]|11|suites.primary.slices[2] 'language' appears twice (also suites.primary.slices[0])",
        "\"role\": \"candidate\"|\"role\": \"champion\"|7|models[1].role: unknown role 'champion' (expected production or candidate)",
        "\"file\": \"primary.csv\"|\"file\": \"nope.csv\"|11|suites.primary.file: 'nope.csv' is missing from the pack",
        "{\"primary\": {|{\"holdout\": {|11|suites.primary is required",
        "\"slices\": [\"language\"], \"sensitive\": [\"gender\"]|\"slices\": []|11|suites.primary.slices must name at least one slice column",
        "\"riskTier\": 2,|\"riskTier\": 2, \"a/b\": 1,|3|unknown key model.a/b (a typo?); known keys here: name, task, riskTier, positiveLabel, classes, targetUnit",
    })
    void aRuleOfTheManifestNamesItsKeyByItsWholePath(String from, String to, long line, String problem) {
        PackException error = refused(PackFixture.MULTICLASS_MANIFEST.replace(from, to), PackFixture.MULTICLASS_CSV);
        assertEquals(List.of("manifest.json", line, problem), List.of(error.file(), error.line(), error.problem()));
        assertTrue(error.column() > 0, error.getMessage());
    }

    @Test
    void modelsThatAreNoListAreNamedSo() {
        String manifest = PackFixture.MULTICLASS_MANIFEST.replaceAll("(?s)\"models\": \\[.*?\\],", "\"models\": {},");
        PackException error = refused(manifest, PackFixture.MULTICLASS_CSV);
        assertEquals(List.of(4L, "models must be a non-empty list of the pack's model versions, not a JSON object"),
                List.of(error.line(), error.problem()));
    }

    @Test
    void aThresholdWrittenAsAStringIsNamedSo() {
        PackException error = refused(PackFixture.BINARY_MANIFEST.replace("0.3", "\"0.3\""), PackFixture.BINARY_CSV);
        assertEquals(List.of(6L, "models[1].threshold must be a number between 0 and 1, not the string \"0.3\""),
                List.of(error.line(), error.problem()));
    }

    @Test
    void aNumberBeyondWhatADoubleHoldsIsRefusedInTheManifest() {
        PackException error = refused(PackFixture.BINARY_MANIFEST.replace("0.3", "1e400"), PackFixture.BINARY_CSV);
        assertEquals(6, error.line());
        assertEquals("models[1].threshold is 1e400, not a finite number within ±1e100", error.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p-1", "0.5f", "0.5d", "Infinity", "NaN", "1,5", "1e", ".", "--1", "1e308"})
    void numbersMustBePlainFiniteDecimalsOfReasonableSize(String written) {
        String csv = PackFixture.BINARY_CSV.replace("0.35", written.contains(",") ? "\"" + written + "\"" : written);
        PackException error = refused(PackFixture.BINARY_MANIFEST, csv);
        assertEquals(3, error.line());
        assertEquals(5, error.column());
        assertTrue(error.problem().contains("'" + written + "'"), error.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "-0.5", "+3", "1.5e-07", "2E+10", ".5", "5.", "1e100"})
    void plainNumbersAsCsvWritersWriteThemAreRead(String written) throws Exception {
        String csv = "example_id,label,region,pred_1,pred_2\nr1," + written + ",eu,1,2\nr2,3,us,3,3\n";
        ReviewPack pack = new PackLoader().load(PackFixture.write(temp.resolve("ok"), REGRESSION_MANIFEST, csv),
                Progress.NONE);
        assertEquals(Double.parseDouble(written), pack.primary().labelValues()[0]);
    }

    @Test
    void textAfterAClosingQuoteIsRefusedAtItsFieldInsteadOfBecomingANewSlice() {
        PackException error = refused(REGRESSION_MANIFEST,
                "example_id,label,region,pred_1,pred_2\nr1,1,eu,1,2\nr2,3,\"us\"x,3,3\nr3,2,us,2,2\n");
        assertEquals("primary.csv", error.file());
        assertEquals(List.of(3L, 3L), List.of(error.line(), error.column()));
        assertEquals("(region) text follows the closing quote of this quoted field; close the quote, or write a quote "
                + "that is part of the value as two quotes (\"\")", error.problem());
        assertInWords(error);
    }

    @Test
    void textAfterAClosingQuoteIsPlacedOnTheLineOfItsFieldWhenAnEarlierFieldSpansLines() {
        // the id spans lines 3-4, so the price after it is on line 4; a space after the quote is text too
        PackException error = refused(REGRESSION_MANIFEST, "example_id,label,region,pred_1,pred_2\nr1,1,eu,1,2\n"
                + "\"r\n2\",\"3\" ,us,3,3\n");
        assertEquals(List.of(4L, 2L), List.of(error.line(), error.column()));
        assertTrue(error.problem().startsWith("(label) text follows the closing quote"), error.problem());
    }

    @Test
    void aQuoteWrittenTwiceInsideAQuotedSliceValueIsPartOfTheValue() throws Exception {
        String csv = "example_id,label,region,pred_1,pred_2\nr1,1,\"e\"\"u\",1,2\nr2,3,us,3,3\n";
        ReviewPack pack = new PackLoader().load(PackFixture.write(temp.resolve("ok"), REGRESSION_MANIFEST, csv),
                Progress.NONE);
        assertTrue(pack.primary().column("region").orElseThrow().levels().contains("e\"u"),
                pack.primary().column("region").orElseThrow().levels().toString());
    }

    /** The same characters met again unquoted are a stray quote, though the value is already a known slice. */
    @Test
    void aStrayQuoteIsRefusedAlsoWhereTheSameValueWasWrittenQuotedBefore() {
        PackException error = refused(REGRESSION_MANIFEST, "example_id,label,region,pred_1,pred_2\n"
                + "r1,1,\"e\"\"u\",1,2\nr2,3,us,3,3\nr3,2,e\"u,2,2\n");
        assertEquals(List.of(4L, 3L), List.of(error.line(), error.column()));
        assertTrue(error.problem().startsWith("(region) 'e\"u' holds a double quote (\") in a field that is not "
                + "enclosed in quotes"), error.problem());
    }

    @Test
    void aRegressionTargetWhoseSquareWouldOverflowIsRefused() {
        PackException error = refused(REGRESSION_MANIFEST,
                "example_id,label,region,pred_1,pred_2\nr1,1e308,eu,1,2\nr2,3,us,3,3\n");
        assertEquals(2, error.line());
        assertEquals(2, error.column());
        assertTrue(error.problem().contains("±1e100"), error.problem());
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        Path pack = PackFixture.write(temp.resolve("bom"), PackFixture.MULTICLASS_MANIFEST, PackFixture.MULTICLASS_CSV);
        Files.writeString(pack.resolve("primary.csv"), "\uFEFF" + PackFixture.MULTICLASS_CSV, StandardCharsets.UTF_8);
        Files.writeString(pack.resolve("manifest.json"), "\uFEFF" + PackFixture.MULTICLASS_MANIFEST,
                StandardCharsets.UTF_8);
        assertEquals(4, new PackLoader().load(pack, Progress.NONE).primary().rowCount());
    }

    /** Column means the field in every CSV message, so a byte that is not UTF-8 is placed in its field too. */
    @Test
    void aLatin1CsvIsRefusedAtTheFieldOfTheFirstByteThatIsNotUtf8() throws Exception {
        Path pack = PackFixture.write(temp.resolve("latin1"), PackFixture.MULTICLASS_MANIFEST, "");
        Files.writeString(pack.resolve("primary.csv"), PackFixture.MULTICLASS_CSV.replace("e3,account,de",
                "e3,account,Zürich"), StandardCharsets.ISO_8859_1);
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals("primary.csv", error.file());
        assertEquals(4, error.line());
        assertEquals(3, error.column(), "the third field of e3,account,Zürich, language");
        assertEquals("(language) character 2 of this value, byte 0xFC, is not UTF-8 text; the file is saved in another"
                + " encoding (in Windows-1252 and Latin-1, 0xFC is 'ü'): save it as UTF-8 (a byte-order mark is fine)",
                error.problem());
    }

    /**
     * The field is found past a quoted field holding a comma and a U+FFFD written as UTF-8, which a count of commas or
     * of replacement characters alone would get wrong; a Windows-1252 dash (0x96) is named as that encoding has it.
     */
    @Test
    void aWindows1252ByteIsPlacedInItsFieldPastQuotedCommas() throws Exception {
        Path pack = PackFixture.write(temp.resolve("cp1252"), PackFixture.MULTICLASS_MANIFEST, "");
        byte[] before = (PackFixture.MULTICLASS_CSV.replace("example_id,label,language,gender",
                "example_id,note,label,language,gender").replace("e1,", "e1,\"a, \uFFFD b\",").replace("e2,", "e2,x,")
                .replace("e3,", "e3,x,").replace("e4,", "e4,x,").replace("e3,x,account,de,f",
                "e3,x,account,de,f<")).getBytes(StandardCharsets.UTF_8);
        String text = new String(before, StandardCharsets.UTF_8);
        int dash = text.indexOf('<');
        byte[] csv = before.clone();
        csv[new String(text.substring(0, dash)).getBytes(StandardCharsets.UTF_8).length] = (byte) 0x96;
        Files.write(pack.resolve("primary.csv"), csv);
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(4, error.line());
        assertEquals(5, error.column(), "e3,x,account,de,f–: gender is the fifth field");
        assertTrue(error.problem().startsWith("(gender) character 2 of this value, byte 0x96, is not UTF-8 text; the "
                + "file is saved in another encoding (in Windows-1252, 0x96 is '\u2013')"), error.problem());
    }

    @Test
    void aByteThatIsNotUtf8InTheHeaderIsPlacedInTheHeader() throws Exception {
        Path pack = PackFixture.write(temp.resolve("header"), PackFixture.MULTICLASS_MANIFEST, "");
        Files.writeString(pack.resolve("primary.csv"), PackFixture.MULTICLASS_CSV.replace("pred_43\n", "pred_43,café\n"),
                StandardCharsets.ISO_8859_1);
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(List.of(1L, 7L), List.of(error.line(), error.column()));
        assertTrue(error.problem().startsWith("(the header) character 4 of this value, byte 0xE9"), error.problem());
    }

    @Test
    void aUtf16CsvIsRefusedAtItsByteOrderMark() throws Exception {
        Path pack = PackFixture.write(temp.resolve("utf16csv"), PackFixture.MULTICLASS_MANIFEST, "");
        Files.writeString(pack.resolve("primary.csv"), PackFixture.MULTICLASS_CSV, StandardCharsets.UTF_16);
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(List.of(1L, 1L), List.of(error.line(), error.column()));
        assertEquals("is not UTF-8 text (it begins with the byte-order mark of UTF-16 or UTF-32); save the file as"
                + " UTF-8", error.problem());
    }

    /** Blank lines above the header are skipped as blank lines anywhere are; a header of spaces names no column. */
    @Test
    void blankLinesAboveTheHeaderAreSkippedAndABlankHeaderIsSaidSo() {
        Path pack = PackFixture.write(temp.resolve("above"), PackFixture.MULTICLASS_MANIFEST,
                "\n\n" + PackFixture.MULTICLASS_CSV);
        assertEquals(4, assertDoesNotThrow(() -> new PackLoader().load(pack, Progress.NONE)).primary().rowCount());

        PackException error = refused(PackFixture.MULTICLASS_MANIFEST, "\n\n  \n");
        assertEquals(List.of(3L, 0L), List.of(error.line(), error.column()));
        assertTrue(error.problem().startsWith("the header names no column"), error.problem());
    }

    /** Column names are matched exactly: a space at an end is refused at its column, not trimmed away unseen. */
    @Test
    void aHeaderNameWithATrailingSpaceIsRefusedAtItsColumn() {
        PackException error = refused(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace("score_8\n", "score_8 \n"));
        assertEquals(List.of("primary.csv", 1L, 5L), List.of(error.file(), error.line(), error.column()));
        assertEquals("column name 'score_8 ' has a space after it; column names are matched exactly, so it is not the"
                + " column 'score_8': remove the whitespace", error.problem());

        // 'region ' beside 'region' is the padded one named, as written, not "'region' appears twice"
        PackException twice = refused(PackFixture.BINARY_MANIFEST,
                PackFixture.BINARY_CSV.replace("score_8\n", "score_8,region \n").replace("25\n", "25,us\n"));
        assertEquals(6L, twice.column());
        assertTrue(twice.problem().startsWith("column name 'region ' has a space after it"), twice.problem());
    }

    /** A score or prediction column of a version the manifest does not list is a typo until shown otherwise. */
    @Test
    void aScoreColumnOfAnUnlistedVersionIsRefusedAtItsColumn() {
        String csv = PackFixture.BINARY_CSV.replace("score_8\n", "score_8,score_9\n").replace(",0.4\n", ",0.4,0.5\n")
                .replace(",0.35\n", ",0.35,0.5\n").replace(",0.1\n", ",0.1,0.5\n").replace(",0.25\n", ",0.25,0.5\n");
        PackException error = refused(PackFixture.BINARY_MANIFEST, csv);
        assertEquals(List.of("primary.csv", 1L, 6L), List.of(error.file(), error.line(), error.column()));
        assertTrue(error.problem().startsWith("column score_9 is for model version 9, which the manifest does not list"
                + " (versions: 7, 8)"), error.problem());
    }

    static Stream<Arguments> emptyManifests() {
        return Stream.of(
                Arguments.of("", "is empty (0 bytes); it must hold one JSON object, { … }"),
                Arguments.of("  \n\n\t", "holds only spaces and line breaks, no JSON; it must hold one JSON object, { … }"),
                Arguments.of("\uFEFF", "is empty (only a byte-order mark); it must hold one JSON object, { … }"));
    }

    @ParameterizedTest
    @MethodSource("emptyManifests")
    void anEmptyManifestIsSaidToBeEmptyAtItsStart(String manifest, String problem) {
        PackException error = refused(manifest, PackFixture.MULTICLASS_CSV);
        assertEquals(List.of("manifest.json", 1L, 1L, problem),
                List.of(error.file(), error.line(), error.column(), error.problem()));
    }

    @Test
    void aManifestThatIsNoObjectSaysWhatItIs() {
        PackException error = refused("\n  [1, 2]\n", PackFixture.MULTICLASS_CSV);
        assertEquals(List.of(2L, 3L, "the manifest must be one JSON object, { … }, not a list"),
                List.of(error.line(), error.column(), error.problem()));
    }

    /**
     * Broken JSON, each as it is written in the manifest (what, in place of what), where the parser stops (the '}' or
     * ']' after a trailing comma, else the first character of what is wrong) and the words said.
     */
    static Stream<Arguments> brokenJson() {
        return Stream.of(
                Arguments.of("\"sensitive\": [\"gender\"]}}", "\"sensitive\": [\"gender\"]},}", "},}",
                        "the comma before this } ends the object's last entry; JSON allows no comma after the last"
                        + " entry, so remove it"),
                Arguments.of("\"slices\": [\"language\"]", "\"slices\": [\"language\",]", ",]",
                        "the comma before this ] ends the list's last entry; JSON allows no comma after the last entry,"
                        + " so remove it"),
                Arguments.of("\"primaryMetric\": \"macro_f1\",", "// the gate's metric\n  \"primaryMetric\": \"macro_f1\",",
                        "//", "JSON allows no comments (// or /* … */); remove the comment"),
                Arguments.of("\"riskTier\": 2", "'riskTier': 2", "'r",
                        "a key or string is written in single quotes ('); JSON writes them in double quotes (\"name\")"),
                Arguments.of("\"primaryMetric\": \"macro_f1\",", "\"primaryMetric\": \"macro_f1\"", "\"suites",
                        "a comma (,) is missing before this entry of the object"),
                Arguments.of("\"riskTier\": 2", "\"riskTier\": \"2\u0000\"", "\u0000",
                        "a key or string holds a control character (U+0000, NUL); a string closes its quote on its own"
                        + " line, and a line break in one is written \\n"));
    }

    @ParameterizedTest
    @MethodSource("brokenJson")
    void jsonThatIsNotWellFormedIsRefusedInWordsWhereItBreaks(String written, String broken, String at, String problem) {
        String manifest = PackFixture.MULTICLASS_MANIFEST.replace(written, broken);
        int offset = manifest.indexOf(at) + (at.startsWith("}") || at.startsWith(",") ? at.length() - 1 : 0);
        PackException error = refused(manifest, PackFixture.MULTICLASS_CSV);
        int line = (int) manifest.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = offset - manifest.lastIndexOf('\n', offset - 1);
        assertEquals(List.of(line, column, "is not valid JSON: " + problem),
                List.of((int) error.line(), (int) error.column(), error.problem()));
        assertInWords(error);
    }

    /** A word JSON does not know is placed on its line and within it (the parser stops at its end, or one past it). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NaN|NaN is not a number JSON can hold; write a finite number such as 0.5",
        "Infinity|Infinity is not a number JSON can hold; write a finite number such as 0.5",
        "tru|'tru' is not a JSON value: text is written in double quotes (\"text\"), and the words JSON knows are true, false and null"})
    void aWordJsonDoesNotKnowIsNamed(String word, String problem) {
        String manifest = PackFixture.MULTICLASS_MANIFEST.replace("\"riskTier\": 2", "\"riskTier\": " + word);
        PackException error = refused(manifest, PackFixture.MULTICLASS_CSV);
        assertEquals(List.of(3L, "is not valid JSON: " + problem), List.of(error.line(), error.problem()));
        int start = manifest.split("\n")[2].indexOf(word) + 1;
        assertTrue(error.column() >= start && error.column() <= start + word.length() + 1, "column " + error.column());
        assertInWords(error);
    }

    @Test
    void aUtf16ManifestIsRefused() throws Exception {
        Path pack = PackFixture.write(temp.resolve("utf16"), "", PackFixture.MULTICLASS_CSV);
        Files.writeString(pack.resolve("manifest.json"), PackFixture.MULTICLASS_MANIFEST, StandardCharsets.UTF_16);
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertTrue(error.problem().contains("not UTF-8"), error.problem());
    }

    @Test
    void aSliceColumnOfIdsIsRefusedFastWithTheLimitAndHowToRaiseIt() throws Exception {
        Path pack = PackFixture.write(temp.resolve("ids"), PackFixture.MULTICLASS_MANIFEST, "");
        try (Writer csv = Files.newBufferedWriter(pack.resolve("primary.csv"))) {
            csv.write("example_id,label,language,gender,pred_42,pred_43\n");
            for (int i = 0; i < 100_000; i++) {
                csv.write("e" + i + ",billing,lang-" + i + ",f,billing,billing\n");
            }
        }
        PackException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE)));
        assertEquals(1_002, error.line(), "refused at the first value beyond 1,000");
        assertEquals(3, error.column());
        assertTrue(error.problem().contains("more than 1,000 distinct values in slice column 'language'"),
                error.problem());
        assertTrue(error.problem().contains("--max-slice-values"), error.problem());

        ReviewPack raised = new PackLoader(new PackLimits(200_000, 200_000, 10)).load(pack, Progress.NONE);
        assertEquals(100_000, raised.primary().column("language").orElseThrow().levels().size());
    }

    @Test
    void slicesOfAllColumnsTogetherAreBounded() {
        PackException error = assertThrows(PackException.class, () -> new PackLoader(new PackLimits(1_000, 3, 10))
                .load(PackFixture.write(temp.resolve("total"), PackFixture.MULTICLASS_MANIFEST,
                        PackFixture.MULTICLASS_CSV), Progress.NONE));
        assertTrue(error.problem().contains("more than 3 distinct slice values in all slice and sensitive columns"),
                error.problem());
    }

    @Test
    void aFieldLongerThanTheLimitIsSaidInWords() throws IOException {
        Path pack = PackFixture.write(temp.resolve("long"), PackFixture.MULTICLASS_MANIFEST, "");
        try (Writer csv = Files.newBufferedWriter(pack.resolve("primary.csv"))) {
            csv.write(PackFixture.MULTICLASS_CSV);
            csv.write("e5,billing,en,f,billing,");
            csv.write("x".repeat(20 * 1024 * 1024));
            csv.write("\n");
        }
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(6, error.line());
        assertTrue(error.problem().contains("field longer than 16,777,216 characters"), error.problem());
        assertInWords(error);
    }

    @Test
    void moreColumnsThanTheLimitAreSaidInWords() throws IOException {
        Path pack = PackFixture.write(temp.resolve("wide"), PackFixture.MULTICLASS_MANIFEST, "");
        Files.writeString(pack.resolve("primary.csv"), "example_id,label,language,gender,pred_42,pred_43"
                + ",x".repeat(PackText.MAX_COLUMNS) + "\n");
        PackException error = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(1, error.line());
        assertTrue(error.problem().contains("more than 16,384 columns"), error.problem());
        assertInWords(error);
    }
}
