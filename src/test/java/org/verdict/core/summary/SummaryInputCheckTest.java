package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * DuckDB summarises only rows the row loader would read: each broken row is refused with the input file, its line
 * (CSV) or row (Parquet) and column, in the loader's words, and no summary pack (nor a half-written one) is left.
 */
class SummaryInputCheckTest {
    /** RowPacks' binary columns: example_id, label, region, channel, gender, score_7, score_8. */
    private static final int LABEL = 1;
    private static final int REGION = 2;
    private static final int SCORE_7 = 5;
    private static final int SCORE_8 = 6;

    @TempDir
    Path folder;

    static Stream<Arguments> brokenBinaryRows() {
        return Stream.of(
                Arguments.of("score above 1", 101, field(SCORE_7, "1.7"), 6, "(score_7) score 1.7 is outside [0, 1]: a score is the model's probability of the positive class;"
                + " rescale it to one (a logit or margin through the logistic function) or fix the export"),
                Arguments.of("NaN score", 202, field(SCORE_8, "NaN"), 7, "(score_8) 'NaN' is not a finite number"),
                Arguments.of("empty score", 303, field(SCORE_7, ""), 6,
                        "(score_7) has no value: the number is missing (pandas writes NaN, a missing value, as an"
                        + " empty field); fill it in, or drop the row if the model gave no output for it"),
                Arguments.of("number with a suffix", 404, field(SCORE_8, "0.5x"), 7,
                        "(score_8) '0.5x' is not a number written in digits, such as 12, -0.5 or 1.5e-07"),
                Arguments.of("third label", 505, field(LABEL, "maybe"), 2, "(label) 'maybe' is a third class in a "
                        + "binary pack (classes so far: [fraud, ok], positive label 'fraud')"),
                Arguments.of("empty slice value", 606, field(REGION, ""), 3,
                        "(region) slice value is empty; write a value such as 'unknown'"),
                Arguments.of("short row", 707, (UnaryOperator<String>) l -> l.substring(0, l.lastIndexOf(',')), 7,
                        "(score_8) the row ends before this column: it has 6 fields but the header has 7"),
                Arguments.of("long row", 808, (UnaryOperator<String>) l -> l + ",extra", 8,
                        "the row has 8 fields but the header has 7; a value holding a comma must be enclosed in "
                                + "quotes"),
                Arguments.of("stray quote in a slice value", 909, field(REGION, "e\"u"), 3,
                        "(region) 'e\"u' holds a double quote (\") in a field that is not enclosed in quotes; it is "
                                + "most often a stray quote, so remove it, or enclose the value in quotes and write the "
                                + "quote twice (\"\")"),
                Arguments.of("stray quote in an id", 913, field(0, "ex\"913"), 1,
                        "(example_id) 'ex\"913' holds a double quote (\") in a field that is not enclosed in quotes; "
                                + "it is most often a stray quote, so remove it, or enclose the value in quotes and "
                                + "write the quote twice (\"\")"),
                Arguments.of("stray quote in a label", 915, field(LABEL, "fr\"aud"), 2,
                        "(label) 'fr\"aud' holds a double quote (\") in a field that is not enclosed in quotes; it "
                                + "is most often a stray quote, so remove it, or enclose the value in quotes and write "
                                + "the quote twice (\"\")"),
                // DuckDB reads "eu" followed by a space as eu, with no trace of the space; the row loader refuses it
                Arguments.of("space after a closing quote", 1_111, field(REGION, "\"eu\" "), 3,
                        "(region) text follows the closing quote of this quoted field; close the quote, or write a "
                                + "quote that is part of the value as two quotes (\"\")"),
                // a tab there DuckDB's strict reader refuses itself
                Arguments.of("tab after a closing quote at the line end", 1_222, field(SCORE_8, "\"0.5\"\t"), 7,
                        "(score_8) text follows the closing quote of this quoted field; close the quote, or write a "
                                + "quote that is part of the value as two quotes (\"\")"),
                // a value that would print like another one: whitespace around a slice value or class, a line break
                Arguments.of("slice value with a space after it", 1_333, field(REGION, "latam "), 3,
                        "(region) 'latam ' has a space after it, so it prints like 'latam' but is another value; "
                                + "remove the whitespace (Verdict neither takes it as part of the value nor removes it)"),
                Arguments.of("label with a space before it", 1_344, field(LABEL, " ok"), 2,
                        "(label) ' ok' has a space before it, so it prints like 'ok' but is another value; remove the "
                                + "whitespace (Verdict neither takes it as part of the value nor removes it)"),
                Arguments.of("slice value of spaces only", 1_355, field(REGION, "  "), 3,
                        "(region) value is only whitespace (a space, …), which prints as nothing; write a value (for "
                                + "an unknown group, such as 'unknown')"),
                Arguments.of("quoted slice value over a line break", 1_366, field(REGION, "\"lat\nam\""), 3,
                        "(region) " + RowProblems.lineBreakInValue()),
                Arguments.of("quoted id over a line break", 1_377, field(0, "\"ex-\r\n1377\""), 1,
                        "(example_id) " + RowProblems.lineBreakInValue()),
                // one of more than 1,000 characters names no group: a column of free text or a broken row
                Arguments.of("slice value of 1,001 characters", 1_455, field(REGION, "e".repeat(1_001)), 3,
                        "(region) value is 1,001 characters long, more than the 1,000 a value Verdict reads may have"
                                + " (it names a group or class in every table and chart): is it the right column?"),
                Arguments.of("label of 1,001 characters", 1_466, field(LABEL, "o".repeat(1_001)), 2,
                        "(label) value is 1,001 characters long, more than the 1,000 a value Verdict reads may have"
                                + " (it names a group or class in every table and chart): is it the right column?"),
                Arguments.of("number with a space before it", 1_388, field(SCORE_7, " 0.25"), 6,
                        "(score_7) ' 0.25' has a space before it; write the number without whitespace around it"),
                Arguments.of("number with a tab after it", 1_399, field(SCORE_8, "0.5\t"), 7,
                        "(score_8) '0.5\\u0009' has a tab after it; write the number without whitespace around it"),
                Arguments.of("repeated id", 1_001, field(0, "ex-9"), 1,
                        "(example_id) 'ex-9' was already used on line 11; example ids must be unique"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBinaryRows")
    void aBrokenCsvRowIsRefusedAsTheRowLoaderRefusesIt(String what, int line, UnaryOperator<String> edit, int column,
                                                       String problem) throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 3);
        editLine(pack.resolve("primary.csv"), line, edit);

        PackException summarised = refusedBySummary(pack.resolve("primary.csv"), pack);
        assertEquals(pack.resolve("primary.csv").toString(), summarised.file());
        assertEquals(line, summarised.line());
        assertEquals(column, summarised.column());
        assertEquals(problem, summarised.problem());

        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(List.of((long) line, (long) column, problem),
                List.of(loaded.line(), loaded.column(), loaded.problem()), "the row loader says the same");
    }

    /** A quote written twice inside a quoted value is part of it, for the summary as for the row loader. */
    @Test
    void aQuoteInsideAQuotedSliceValueIsTaken() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 500, 4);
        editLine(pack.resolve("primary.csv"), 77, field(REGION, "\"e\"\"u\""));
        assertTrue(new PackLoader().load(pack, Progress.NONE).primary().column("region").orElseThrow().levels()
                .contains("e\"u"));
        Path out = folder.resolve("out");
        new DuckDbSummarizer("256MB", 2).summarize(pack.resolve("primary.csv").toString(), null,
                RowManifest.read(pack.resolve("manifest.json")), true, true, 1L, out, Progress.NONE);
        assertTrue(Files.exists(out.resolve("manifest.json")), "the summary pack is written");
    }

    @Test
    void anUnclosedQuoteIsRefusedWhereItOpensNotTakenForASliceValue() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 4);
        editLine(pack.resolve("primary.csv"), 1_234, field(REGION, "\"eu"));

        PackException summarised = refusedBySummary(pack.resolve("primary.csv"), pack);
        assertEquals(List.of(1_234L, 3L), List.of(summarised.line(), summarised.column()));
        assertEquals("(region) a quoted field opens here and is never closed on its line; close the quote, or write "
                + "a quote that is part of the value as two quotes (\"\")", summarised.problem());

        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(List.of(1_234L, 3L), List.of(loaded.line(), loaded.column()));
        // no later quote closes it, so the field runs to the file's last line, 2,001
        assertEquals("(region) a quoted field opens here and is never closed on its line (it runs on to line 2001, "
                + "so the row has 3 fields but the header has 7); close the quote, or write a quote that is part of "
                + "the value as two quotes (\"\")", loaded.problem());
    }

    /** Beyond DuckDB's default 2,000,000-byte line the quote must still be found unclosed, not text after it. */
    @Test
    void anUnclosedQuoteOnAVeryLongLineIsStillAnUnclosedQuote() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 4);
        editLine(pack.resolve("primary.csv"), 12, field(REGION, "\"" + "y".repeat(3_000_000)));
        PackException summarised = refusedBySummary(pack.resolve("primary.csv"), pack);
        assertEquals(List.of(12L, 3L), List.of(summarised.line(), summarised.column()));
        assertTrue(summarised.problem().startsWith("(region) " + RowProblems.unclosedQuote()), summarised.problem());
        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertTrue(loaded.problem().startsWith("(region) " + RowProblems.unclosedQuote()), loaded.problem());
    }

    @Test
    void textAfterAClosingQuoteIsRefusedRatherThanCut() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 500, 4);
        editLine(pack.resolve("primary.csv"), 99, field(REGION, "\"eu\"rope"));
        PackException e = refusedBySummary(pack.resolve("primary.csv"), pack);
        assertEquals(List.of(99L, 3L), List.of(e.line(), e.column()));
        assertEquals("(region) text follows the closing quote of this quoted field; close the quote, or write a quote "
                + "that is part of the value as two quotes (\"\")", e.problem());
    }

    /**
     * Where DuckDB's strict reader stops at text after a closing quote with "the CSV Parser state machine reached an
     * invalid state" (no line, no reject; the reviewer's 7-column file through the CLI), the file is read again by
     * {@link StrayQuotes}, which must place it.
     */
    @Test
    void theFileReadAgainPlacesTextAfterAClosingQuoteAtItsLineAndColumn() throws Exception {
        Path csv = Files.writeString(folder.resolve("short.csv"), "example_id,label,store,channel,age_band\n"
                + "t8,legit,st07,web,18-25\n\"t\n9\",fraud,\"st07\"x,web,18-25\n", StandardCharsets.UTF_8);
        PackException e = StrayQuotes.first(csv.toString(), List.of());
        assertEquals(csv.toString(), e.file());
        assertEquals(List.of(3L, 3L), List.of(e.line(), e.column()), "the record starts on line 3");
        assertEquals("(store) text follows the closing quote of this quoted field; close the quote, or write a quote "
                + "that is part of the value as two quotes (\"\")", e.problem());
    }

    @Test
    void aClassOutsideModelClassesAndAPredictionThatIsNeverALabelAreRefused() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.MULTICLASS, 1_000, 5);
        Path csv = pack.resolve("primary.csv");
        editLine(csv, 321, field(6, "acount"));
        PackException typo = refusedBySummary(csv, pack);
        assertEquals(List.of(321L, 7L), List.of(typo.line(), typo.column()));
        assertEquals("(pred_8) 'acount' is predicted but is never a label in " + csv
                + "; if it is a real class, list every class in manifest.json model.classes", typo.problem());

        String declared = RowPacks.manifest(Task.MULTICLASS).replace("\"riskTier\": 2}",
                "\"riskTier\": 2, \"classes\": [\"account\", \"billing\", \"sales\", \"technical\", \"abuse\"]}");
        Files.writeString(pack.resolve("manifest.json"), declared, StandardCharsets.UTF_8);
        PackException undeclared = refusedBySummary(csv, pack);
        assertEquals(List.of(321L, 7L), List.of(undeclared.line(), undeclared.column()));
        assertEquals("(pred_8) 'acount' is not one of the classes listed in manifest.json model.classes [account, "
                + "billing, sales, technical, abuse]; write one of these classes, or list 'acount' in model.classes if "
                + "it is a class of its own", undeclared.problem());
    }

    private static final String NFC = "Z\u00fcrich";
    private static final String NFD = "Zu\u0308rich";

    /** The row loader's words for {@code value} written in another Unicode form than at {@code earlier}. */
    private static String otherForm(String column, String value, String earlier, String earlierForm) {
        return "(" + column + ") this value is '" + value + "' written in another Unicode form (NFD) than " + earlier
                + " (" + earlierForm + "); write one form (NFC is what most tools write): the two print alike but would"
                + " be counted as two different values";
    }

    /** Summarised and loaded as rows, the pack is refused at the same line and column with the same words. */
    private void assertRefusedAlikeAt(Path pack, long line, long column, String problem) throws Exception {
        Path csv = pack.resolve("primary.csv");
        PackException summarised = refusedBySummary(csv, pack);
        assertEquals(List.of(csv.toString(), line, column, problem),
                List.of(summarised.file(), summarised.line(), summarised.column(), summarised.problem()));
        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(pack, Progress.NONE));
        assertEquals(List.of(line, column, problem), List.of(loaded.line(), loaded.column(), loaded.problem()),
                "the row loader says the same");
    }

    @Test
    void aSliceValueWrittenInTwoUnicodeFormsIsRefusedNotSplitIntoTwoSlicesThatPrintAlike() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 8);
        editLine(pack.resolve("primary.csv"), 40, field(REGION, NFC));
        editLine(pack.resolve("primary.csv"), 1_500, field(REGION, NFD));
        assertRefusedAlikeAt(pack, 1_500, 3, otherForm("region", NFD, "on line 40", "NFC"));
    }

    @Test
    void aPredictedClassWrittenInAnotherFormThanItsLabelIsSaidToBeThatNotAnUnlabelledClass() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.MULTICLASS, 1_000, 9);
        editLine(pack.resolve("primary.csv"), 30, field(LABEL, NFC));
        editLine(pack.resolve("primary.csv"), 700, field(6, NFD));
        assertRefusedAlikeAt(pack, 700, 7, otherForm("pred_8", NFD, "on line 30, column 2", "NFC"));
    }

    @Test
    void aBinaryLabelInAnotherFormThanThePositiveLabelIsRefusedAsTheLoaderRefusesIt() throws Exception {
        String positive = "fraud\u00e9";
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 1_000, 10);
        Files.writeString(pack.resolve("manifest.json"), RowPacks.manifest(Task.BINARY)
                .replace("\"fraud\"", "\"" + positive + "\""), StandardCharsets.UTF_8);
        Path csv = pack.resolve("primary.csv");
        Files.writeString(csv, Files.readString(csv).replace(",fraud,", "," + positive + ","));
        String decomposed = "fraude\u0301";
        int line = Files.readAllLines(csv).indexOf(Files.readAllLines(csv).stream()
                .filter(l -> l.contains(positive)).skip(5).findFirst().orElseThrow()) + 1;
        editLine(csv, line, field(LABEL, decomposed));
        assertRefusedAlikeAt(pack, line, 2, otherForm("label", decomposed, "in manifest.json model.positiveLabel",
                "NFC"));
    }

    /**
     * Labels written as decimals ('1.0', as pandas writes a column of floats) while the manifest names '1': the
     * positive label written as another number is refused wherever it is met, with what was found, what the manifest
     * says and the two ways out, by the summary as by the row loader.
     */
    @Test
    void aPositiveLabelWrittenAsAnotherNumberIsRefusedSayingSo() throws Exception {
        // the positive class rare: the other value is the negative class, every '1.0' is refused
        Path rare = numberLabels("rare", "1", "1.0", "0.0");
        String rareCsv = Files.readString(rare.resolve("primary.csv"));
        PackException summarised = refusedBySummary(rare.resolve("primary.csv"), rare);
        String problem = "(label) '1.0' is the positive label '1' (manifest.json model.positiveLabel) written as "
                + "another number, so it would be counted as another class; the labels look like whole numbers written"
                + " as decimals: write every label and prediction as the manifest names the positive label, or set "
                + "model.positiveLabel to \"1.0\" if that is how the rows write it";
        assertEquals(List.of(2L, problem), List.of(summarised.column(), summarised.problem()));
        assertTrue(rareCsv.lines().skip(summarised.line() - 1).findFirst().orElseThrow().contains(",1.0,"),
                "the line named holds the label");
        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(rare, Progress.NONE));
        assertEquals(List.of(firstLineHolding(rareCsv, ",1.0,"), 2L, problem),
                List.of(loaded.line(), loaded.column(), loaded.problem()), "the row loader says the same");

        // the positive class the most frequent: taken as the negative class, it would have turned every positive
        // example into a negative one had no third value followed
        Path common = numberLabels("common", "1", "0.0", "1.0");
        assertRefusedAlikeAt(common, firstLineHolding(Files.readString(common.resolve("primary.csv")), ",1.0,"), 2,
                problem);

        // the other way round: the manifest names '1.0', the rows write whole numbers
        Path whole = numberLabels("whole", "1.0", "0", "1");
        assertRefusedAlikeAt(whole, firstLineHolding(Files.readString(whole.resolve("primary.csv")), ",1,"), 2,
                "(label) '1' is the positive label '1.0' (manifest.json model.positiveLabel) written as another "
                        + "number, so it would be counted as another class; the manifest writes it as a decimal, the"
                        + " labels as a whole number: write every label and prediction as the manifest names the positive label, "
                        + "or set model.positiveLabel to \"1\" if that is how the rows write it");
    }

    /**
     * A positive label no row has ("cancer" where the rows say fraud and ok): the manifest is named at the positive
     * label's line and column, with the labels found, not the second class of the rows called a third one; by the
     * summary as by the row loader. A positive label that is only late in the file is taken, and a real third class
     * met before it is still refused where it stands.
     */
    @Test
    void aPositiveLabelNoRowHasIsRefusedAtTheManifest() throws Exception {
        Path absent = numberLabels("absent", "cancer", "fraud", "ok");
        long positiveLine = Files.readString(absent.resolve("manifest.json")).lines().toList()
                .indexOf(Files.readString(absent.resolve("manifest.json")).lines()
                        .filter(l -> l.contains("\"cancer\"")).findFirst().orElseThrow()) + 1;
        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(absent, Progress.NONE));
        assertEquals(List.of("manifest.json", positiveLine), List.of(loaded.file(), loaded.line()));
        assertTrue(loaded.column() > 0, loaded.getMessage());
        String csv = Files.readString(absent.resolve("primary.csv"));
        List<String> firstMet = csv.indexOf(",ok,") < csv.indexOf(",fraud,") ? List.of("ok", "fraud")
                : List.of("fraud", "ok");
        assertEquals("model.positiveLabel 'cancer' is not a value of 'label' in primary.csv (the labels found: "
                + String.join(", ", firstMet) + "): set model.positiveLabel to the class the rows call positive,"
                + " written as they write it", loaded.problem());
        PackException summarised = refusedBySummary(absent.resolve("primary.csv"), absent);
        assertEquals(List.of("manifest.json", positiveLine, loaded.column()),
                List.of(summarised.file(), summarised.line(), summarised.column()));
        assertTrue(summarised.problem().startsWith("model.positiveLabel 'cancer' is not a value of 'label' in "
                + absent.resolve("primary.csv") + " (the labels found: "), summarised.problem());

        // every positive example at the end of the file: still the same two classes
        Path late = RowPacks.write(folder.resolve("late"), Task.BINARY, 1_000, 11);
        List<String> lines = Files.readAllLines(late.resolve("primary.csv"));
        List<String> reordered = new java.util.ArrayList<>(lines.subList(0, 1));
        lines.stream().skip(1).filter(l -> !l.contains(",fraud,")).forEach(reordered::add);
        lines.stream().skip(1).filter(l -> l.contains(",fraud,")).forEach(reordered::add);
        Files.write(late.resolve("primary.csv"), reordered);
        try (ReviewPack taken = new PackLoader().load(late, Progress.NONE)) {
            assertEquals(List.of("ok", "fraud"), taken.primary().classes());
        }

        // a third class before the first positive example: refused where it stands, as before
        reordered.set(5, reordered.get(5).replace(",ok,", ",maybe,"));
        Files.write(late.resolve("primary.csv"), reordered);
        PackException third = assertThrows(PackException.class, () -> new PackLoader().load(late, Progress.NONE));
        assertEquals(List.of("primary.csv", 6L, 2L, "(label) 'maybe' is a third class in a binary pack (classes so"
                + " far: [fraud, ok], positive label 'fraud')"),
                List.of(third.file(), third.line(), third.column(), third.problem()));
    }

    /** A binary pack whose manifest names {@code positive}, its rows' fraud and ok labels written as given. */
    private Path numberLabels(String name, String positive, String fraud, String ok) throws IOException {
        Path pack = RowPacks.write(folder.resolve(name), Task.BINARY, 1_000, 11);
        Files.writeString(pack.resolve("manifest.json"), RowPacks.manifest(Task.BINARY)
                .replace("\"fraud\"}", "\"" + positive + "\"}"));
        Path csv = pack.resolve("primary.csv");
        Files.writeString(csv, Files.readString(csv).replace(",fraud,", "," + fraud + ",").replace(",ok,",
                "," + ok + ","));
        return pack;
    }

    private static long firstLineHolding(String csv, String text) {
        return csv.lines().toList().indexOf(csv.lines().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void aRegressionTargetThatIsNoNumberIsRefused() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.REGRESSION, 1_000, 6);
        editLine(pack.resolve("primary.csv"), 77, field(LABEL, "$12.50"));
        PackException e = refusedBySummary(pack.resolve("primary.csv"), pack);
        assertEquals(List.of(77L, 2L), List.of(e.line(), e.column()));
        // the message the row reader gives, naming the currency sign and the number to write
        assertEquals("(label) '$12.50' is not a number written in digits, such as 12, -0.5 or 1.5e-07: it holds '$'"
                + " (U+0024 DOLLAR SIGN), a currency sign: the column holds the amount alone; write '12.50'", e.problem());
    }

    @Test
    void anIdRepeatedInAnotherFileNamesBothFiles() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 7);
        List<String> lines = Files.readAllLines(pack.resolve("primary.csv"));
        Path lake = Files.createDirectories(folder.resolve("lake"));
        Files.write(lake.resolve("part-0.csv"), lines.subList(0, 1_001));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(1_001, lines.size()));
        // part-1's line 6 repeats part-0's line 4 (ex-2)
        rest.set(5, field(0, "ex-2").apply(rest.get(5)));
        Files.write(lake.resolve("part-1.csv"), rest);

        PackException e = refusedBySummary(lake, pack);
        assertEquals(lake.resolve("part-1.csv").toString(), e.file());
        assertEquals(List.of(6L, 1L), List.of(e.line(), e.column()));
        assertEquals("(example_id) 'ex-2' was already used on " + lake.resolve("part-0.csv") + ", line 4; "
                + "example ids must be unique", e.problem());
    }

    @Test
    void filesWhoseHeadersDifferAreRefusedRatherThanReadByPosition() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 100, 12);
        List<String> lines = Files.readAllLines(pack.resolve("primary.csv"));
        Path lake = Files.createDirectories(folder.resolve("lake"));
        Files.write(lake.resolve("a.csv"), lines.subList(0, 50));
        List<String> swapped = new ArrayList<>(List.of("example_id,label,region,channel,gender,score_8,score_7"));
        swapped.addAll(lines.subList(50, lines.size()));
        Files.write(lake.resolve("b.csv"), swapped);

        PackException e = refusedBySummary(lake, pack);
        assertEquals(lake.resolve("b.csv").toString(), e.file());
        assertEquals(1, e.line());
        assertEquals("has the columns example_id,label,region,channel,gender,score_8,score_7 but " + lake.resolve("a.csv")
                + " has example_id,label,region,channel,gender,score_7,score_8; every file of the rows needs the same "
                + "header", e.problem());
    }

    @Test
    void heldOutRowsAreCheckedAsThePrimaryOnesAre() throws Exception {
        Path pack = RowPacks.writeWithHoldoutAndHumanBaseline(folder.resolve("rows"), Task.BINARY, 1_000, 800, 100,
                13);
        Path holdout = pack.resolve("holdout.csv");
        editLine(holdout, 400, field(SCORE_7, "-0.2"));
        Path out = folder.resolve("out");
        PackException e = assertThrows(PackException.class, () -> new DuckDbSummarizer("256MB", 1)
                .withHoldout(holdout.toString()).summarize(pack.resolve("primary.csv").toString(), null,
                        RowManifest.read(pack.resolve("manifest.json")), true, false, 1L, out, Progress.NONE));
        assertEquals(holdout + ", line 400, column 6: (score_7) score -0.2 is outside [0, 1]: a score is the model's probability of the positive class;"
                + " rescale it to one (a logit or margin through the logistic function) or fix the export", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void parquetRowsArePlacedByRowNumberAndSchemaColumn() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 8);
        String rows = "read_csv('" + pack.resolve("primary.csv") + "', header = true, "
                + "types = {'score_7': 'DOUBLE', 'score_8': 'DOUBLE'})";
        Path nan = parquet("nan", "SELECT * REPLACE (CASE WHEN example_id = 'ex-499' THEN 'NaN'::DOUBLE "
                + "ELSE score_8 END AS score_8) FROM " + rows);
        assertEquals(nan + ": row 500, column 7: (score_8) 'NaN' is not a finite number",
                refusedBySummary(nan, pack).getMessage());

        // a boolean label reads as 'true'/'false', neither of which is the positive label 'fraud': said as such
        Path bool = parquet("bool", "SELECT * REPLACE (label = 'fraud' AS label) FROM " + rows);
        String booleans = refusedBySummary(bool, pack).getMessage();
        assertTrue(booleans.matches(bool + ": row \\d+, column 2: \\(label\\) is a boolean column \\(true/false\\), "
                + "so its values read as '(true|false)' and its opposite, but the pack expects class names, one of "
                + "them the positive label 'fraud': store the column as text holding those names, or set "
                + "model.positiveLabel to \"true\" in manifest.json if true is the positive class"), booleans);

        // Parquet has no quotes: a slice value over two lines, or with whitespace around it, is refused all the same
        Path twoLines = parquet("two-lines", "SELECT * REPLACE (CASE WHEN example_id = 'ex-899' THEN 'lat' || chr(10) "
                + "|| 'am' ELSE region END AS region) FROM " + rows);
        assertEquals(twoLines + ": row 900, column 3: (region) " + RowProblems.lineBreakInStoredValue(),
                refusedBySummary(twoLines, pack).getMessage());
        Path parquetPack = Files.createDirectories(folder.resolve("parquet-pack"));
        Files.writeString(parquetPack.resolve("manifest.json"), Files.readString(pack.resolve("manifest.json"))
                .replace("primary.csv", "primary.parquet"));
        Files.copy(twoLines, parquetPack.resolve("primary.parquet"));
        PackException loaded = assertThrows(PackException.class, () -> new PackLoader().load(parquetPack,
                Progress.NONE));
        assertEquals("primary.parquet: row 900, column 3: (region) " + RowProblems.lineBreakInStoredValue(),
                loaded.getMessage(), "the row loader says the same");
        Path padded = parquet("padded", "SELECT * REPLACE (CASE WHEN example_id = 'ex-1199' THEN 'latam' || chr(160) "
                + "ELSE region END AS region) FROM " + rows);
        assertEquals(padded + ": row 1200, column 3: (region) 'latam\\u00A0' has a no-break space (U+00A0) after it, so"
                + " it prints like 'latam' but is another value; remove the whitespace (Verdict neither takes it as"
                + " part of the value nor removes it)", refusedBySummary(padded, pack).getMessage());

        Path repeated = parquet("repeated", "SELECT * REPLACE (CASE WHEN example_id = 'ex-1500' THEN 'ex-20' "
                + "ELSE example_id END AS example_id) FROM " + rows);
        assertEquals(repeated + ": row 1501, column 1: (example_id) 'ex-20' was already used on row 21; example ids "
                + "must be unique", refusedBySummary(repeated, pack).getMessage());
    }

    @Test
    void rowsWithoutAColumnTheManifestNeedsAreRefusedByNameWithTheHeaderAsItIs() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 100, 9);
        Path csv = pack.resolve("primary.csv");
        editLine(csv, 1, header -> header.replace("gender", "sex"));
        PackException e = refusedBySummary(csv, pack);
        assertEquals(List.of(1L, 0L), List.of(e.line(), e.column()));
        assertEquals("lacks column(s) gender that the manifest needs; its header has example_id, label, region, "
                + "channel, sex, score_7, score_8: add the column, or remove gender from the manifest", e.problem());
    }

    @Test
    void aHeaderWithoutRowsIsRefused() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 10, 11);
        Path csv = pack.resolve("primary.csv");
        Files.writeString(csv, Files.readAllLines(csv).get(0) + "\n");
        assertEquals(csv + ": has no rows; a summary needs examples", refusedBySummary(csv, pack).getMessage());
    }

    @Test
    void rowsThatPassTheChecksAreSummarised() throws Exception {
        Path pack = RowPacks.write(folder.resolve("rows"), Task.BINARY, 2_000, 10);
        // a quoted value holding a comma is valid CSV, as for the row loader
        editLine(pack.resolve("primary.csv"), 50, field(REGION, "\"eu, west\""));
        // a quote and a space inside a quoted value look, line by line, like a space after a closing quote
        editLine(pack.resolve("primary.csv"), 70, field(REGION, "\"e\"\" ,u\""));
        Path out = folder.resolve("summary");
        new DuckDbSummarizer("256MB", 1).summarize(pack.resolve("primary.csv").toString(), null,
                RowManifest.read(pack.resolve("manifest.json")), true, false, 1L, out, Progress.NONE);
        assertEquals(2_000, new SummaryPackReader().read(out, Progress.NONE).primary().rowCount());
        new PackLoader().load(pack, Progress.NONE);
    }

    /** Summarises {@code input} with the pack's manifest, expecting a refusal that leaves no folder behind. */
    private PackException refusedBySummary(Path input, Path pack) throws Exception {
        Path out = folder.resolve("out");
        PackException e = assertThrows(PackException.class, () -> new DuckDbSummarizer("256MB", 2).summarize(
                input.toString(), null, RowManifest.read(pack.resolve("manifest.json")), true, true, 1L, out,
                Progress.NONE));
        assertFalse(Files.exists(out), "no summary pack is written");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains("partial")).toList(),
                    "no half-written pack is left");
        }
        return e;
    }

    private Path parquet(String name, String query) throws Exception {
        Path file = folder.resolve(name + ".parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET preserve_insertion_order = true");
            statement.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    private static UnaryOperator<String> field(int index, String value) {
        return line -> {
            String[] fields = line.split(",", -1);
            fields[index] = value;
            return String.join(",", fields);
        };
    }

    /** Replaces line {@code line} (1-based, the header is line 1) of a CSV file. */
    private static void editLine(Path csv, int line, UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.write(csv, lines);
    }
}
