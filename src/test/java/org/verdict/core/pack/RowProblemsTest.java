package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values a message quotes show what does not print: two labels that read alike are told apart. */
class RowProblemsTest {

    @Test
    void aZeroWidthSpaceInALabelIsWrittenAsItsCode() {
        String message = RowProblems.thirdClass("legit\u200B", List.of("legit", "fraud"), "fraud");

        assertTrue(message.startsWith("'legit\\u200B' is a third class"), message);
        assertTrue(message.contains("[legit, fraud]"), message);
    }

    @Test
    void theLabelsFoundShowTheirInvisibleCharacters() {
        String message = RowProblems.positiveLabelNeverLabelled("fraud", "primary.csv", "label",
                List.of("legit", "legit\u200B", "\uFEFFlegit"));

        assertTrue(message.contains("(the labels found: legit, legit\\u200B, \\uFEFFlegit)"), message);
    }

    /** pandas writes booleans True/False: a manifest's "true" is said to differ only in case, with what to write. */
    @Test
    void aPositiveLabelThatDiffersOnlyInCaseIsNamedWithWhatToWrite() {
        String message = RowProblems.positiveLabelNeverLabelled("true", "primary.csv", "label", List.of("False", "True"));

        assertEquals("model.positiveLabel 'true' is not a value of 'label' in primary.csv (the labels found: False,"
                + " True); the label 'True' in the rows differs from it only in case, and classes are matched exactly:"
                + " set model.positiveLabel to \"True\"", message);
    }

    /** The multiclass rule's words, from the same helper. */
    @Test
    void anUndeclaredClassThatDiffersOnlyInCaseIsNamedAsSuch() {
        String message = RowProblems.undeclaredClass("Billing", List.of("billing", "sales"));

        assertTrue(message.endsWith("; it differs from the class 'billing' only in case, and classes are matched"
                + " exactly: write every label and prediction as model.classes names it"), message);
    }

    @Test
    void onlyCharactersThatPrintAsNothingOrAsASpaceAreEscaped() {
        assertEquals("a b\\u00A0c\\u0007d\\u2028e", RowProblems.shown("a b\u00A0c\u0007d\u2028e"));
        // letters of any script and emoji print: kept as they are
        assertEquals("Ødegård улица 東京 😀", RowProblems.shown("Ødegård улица 東京 😀"));
    }

    @Test
    void aMissingColumnSaysWhatToAddOrWhatToTakeOutOfTheManifest() {
        assertEquals("lacks column(s) score_v8 that the manifest needs; its header has example_id, label, score_v7: "
                + "add the column, or remove version v8 from the manifest",
                RowProblems.lacksColumns(List.of("score_v8"), List.of("example_id", "label", "score_v7"), false));
        // a column every row has can only be added
        assertEquals("lacks column(s) label, gender that the manifest needs; its schema has example_id: add the "
                + "columns, or remove gender from the manifest",
                RowProblems.lacksColumns(List.of("label", "gender"), List.of("example_id"), true));
        assertEquals("lacks column(s) latency_ms that the manifest needs; its header has version: add the column",
                RowProblems.lacksColumns(List.of("latency_ms"), List.of("version"), false));
    }

    @Test
    void aDateReadableBothWaysNamesBothReadingsAndAsksForIso() {
        assertEquals("date must be a date written YYYY-MM-DD, like 2026-11-02, found '11/02/2026', which is "
                + "ambiguous: 2026-02-11 read day first, 2026-11-02 month first; write the one meant as YYYY-MM-DD",
                RowProblems.notIsoDate("date", "11/02/2026"));
        // 25 can only be the day
        assertEquals("date must be a date written YYYY-MM-DD, like 2026-11-02, found '25.11.2026': write it as "
                + "2026-11-25", RowProblems.notIsoDate("date", "25.11.2026"));
        assertEquals("date must be a date written YYYY-MM-DD, like 2026-11-02, found 'yesterday'",
                RowProblems.notIsoDate("date", "yesterday"));
    }

    @Test
    void aNegativeValueSaysWhatToWrite() {
        assertEquals("latency_ms must not be negative, found -3: write the value as measured (zero or more), or "
                + "remove the row", RowProblems.negative("latency_ms", "-3"));
    }
}
