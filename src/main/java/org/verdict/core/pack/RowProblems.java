package org.verdict.core.pack;

import java.util.Collection;

/**
 * The words for a bad value in a suite's rows, shared by the row-level loader and the checks DuckDB runs before it
 * summarises the same rows, so a file refused by one is refused by the other with the same message. The caller puts
 * the file, line (or row) and column in front, and the column's name in brackets.
 */
public final class RowProblems {
    private RowProblems() {
    }

    public static String emptyExampleId() {
        return "example_id is empty";
    }

    public static String emptyClass() {
        return "value is empty";
    }

    public static String emptySlice() {
        return "slice value is empty; write a value such as 'unknown'";
    }

    /**
     * A double quote in a field that is not enclosed in quotes (RFC 4180 allows none there), in an id, class name or
     * slice value: FastCSV and DuckDB both take it as text, so a stray quote would make a one-row slice or class of a
     * typo. A quote inside a quoted field, written twice, is part of the value.
     */
    public static String strayQuote(String value) {
        return "'" + value + "' holds a double quote (\") in a field that is not enclosed in quotes; it is most often a"
                + " stray quote, so remove it, or enclose the value in quotes and write the quote twice (\"\")";
    }

    /** Whether a value holds a double quote ({@link #strayQuote}). */
    public static boolean holdsQuote(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '"') {
                return true;
            }
        }
        return false;
    }

    /**
     * A slice value or class name that is an earlier one written in another Unicode form ({@link UnicodeForms}): the
     * two would be counted apart under one printed name.
     *
     * @param earlierPlace where the earlier form was met: "on line 3", "on other.csv, line 3", "in manifest.json
     *                     model.classes"
     */
    public static String otherUnicodeForm(String value, String earlierValue, String earlierPlace) {
        return "this value is '" + value + "' written in another Unicode form (" + UnicodeForms.form(value)
                + ") than " + earlierPlace + " (" + UnicodeForms.form(earlierValue) + "); write one form (NFC is what"
                + " most tools write): the two print alike but would be counted as two different values";
    }

    public static String scoreOutsideUnitInterval(double score) {
        return "score " + score + " is outside [0, 1]";
    }

    public static String undeclaredClass(String value, Collection<String> declared) {
        return "'" + value + "' is not one of the classes listed in manifest.json model.classes " + declared;
    }

    public static String thirdClass(String value, Collection<String> classesSoFar, String positiveLabel) {
        return "'" + value + "' is a third class in a binary pack (classes so far: " + classesSoFar
                + ", positive label '" + positiveLabel + "')";
    }

    /**
     * A Parquet column of booleans where classes are expected: its values read as 'true' and 'false', which are not
     * the pack's classes.
     *
     * @param declared model.classes, or null when the manifest lists none
     */
    public static String booleanClasses(String value, String positiveLabel, Collection<String> declared) {
        String expected = declared != null ? "the class names manifest.json model.classes lists " + declared
                : "class names, one of them the positive label '" + positiveLabel + "'";
        String fix = declared != null ? "" : ", or set model.positiveLabel to \"true\" in manifest.json if true is"
                + " the positive class";
        return "is a boolean column (true/false), so its values read as '" + value + "' and its opposite, but the"
                + " pack expects " + expected + ": store the column as text holding those names" + fix;
    }

    public static String predictedNeverLabelled(String value, String fileName) {
        return "'" + value + "' is predicted but is never a label in " + fileName
                + "; if it is a real class, list every class in manifest.json model.classes";
    }

    /** @param earlier where the id was first used: "line 3", or "other.csv, line 3" */
    public static String repeatedExampleId(String id, String earlier) {
        return "(example_id) '" + id + "' was already used on " + earlier + "; example ids must be unique";
    }

    /** Placed at the first column the row lacks. */
    public static String rowEndsEarly(long fields, long headerFields) {
        return "the row ends before this column: it has " + fields + " field" + (fields == 1 ? "" : "s")
                + " but the header has " + headerFields;
    }

    /** Placed at the first column beyond the header. */
    public static String rowRunsOn(long fields, long headerFields) {
        return "the row has " + fields + " fields but the header has " + headerFields
                + "; a value holding a comma must be enclosed in quotes";
    }

    /** Placed at the field where a carriage return without a line feed cut the row short. */
    public static String carriageReturnEndsRow(long fields, long headerFields) {
        return "a carriage return (CR, \\r) without a line feed ends the row inside this value, so the row has "
                + fields + " field" + (fields == 1 ? "" : "s") + " but the header has " + headerFields
                + "; the file's rows end with a line feed: remove the carriage return from the value, or enclose the "
                + "value in quotes to keep it";
    }

    /** Placed at the field whose opening quote has no closing quote on its line. */
    public static String unclosedQuote() {
        return "a quoted field opens here and is never closed on its line";
    }

    /**
     * Placed at a quoted field with text between its closing quote and the next comma ({@code "st07"x}): RFC 4180
     * allows none, and reading it as text would make a new slice or class of a typo.
     */
    public static String textAfterClosingQuote() {
        return "text follows the closing quote of this quoted field; " + unclosedQuoteAdvice();
    }

    public static String unclosedQuoteAdvice() {
        return "close the quote, or write a quote that is part of the value as two quotes (\"\")";
    }
}
