package org.verdict.core.pack;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words for a bad value in a suite's rows, shared by the row-level loader and the checks DuckDB runs before it
 * summarises the same rows, so a file refused by one is refused by the other with the same message. The caller puts
 * the file, line (or row) and column in front, and the column's name in brackets.
 */
public final class RowProblems {
    private RowProblems() {
    }

    /**
     * {@code value} as a message quotes it: a character that prints as nothing or as a plain space (a zero-width
     * space, a byte order mark, a no-break space, a control character: Unicode categories Cf, Cc, Zl, Zp and Zs other
     * than the space) is written as its code, {@code \\u200B}, so 'legit\\u200B' does not read as 'legit'.
     */
    public static String shown(String value) {
        if (value == null || value.codePoints().noneMatch(RowProblems::printsInvisibly)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 12);
        value.codePoints().forEach(c -> {
            if (printsInvisibly(c)) {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", (int) unit));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** {@link #shown} of each name, as a list prints: [legit, legit\\u200B]. */
    public static String shown(Collection<String> values) {
        return values.stream().map(RowProblems::shown).toList().toString();
    }

    private static boolean printsInvisibly(int c) {
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.SPACE_SEPARATOR -> c != ' ';
            default -> false;
        };
    }

    /**
     * A number the loader requires to be zero or more (a latency, a count), as written: "-3", not "-3.0".
     */
    public static String negative(String column, String written) {
        return column + " must not be negative, found " + written + ": write the value as measured (zero or more), "
                + "or remove the row";
    }

    /** Columns every row of a suite has whatever the manifest says: they can only be added. */
    private static final Set<String> CORE_COLUMNS = Set.of("example_id", "label", "human", "category", "version",
            "latency_ms");
    /** Per-version columns (pred_V, score_V, violation_V): the manifest asks for them by listing version V. */
    private static final Pattern VERSION_COLUMN = Pattern.compile("(?:pred|score|violation)_(.+)");

    /**
     * An input without columns the manifest needs, with the columns it has and what to do: add them, or take out of
     * the manifest what asks for them (a version, a slice or sensitive column).
     */
    public static String lacksColumns(Collection<String> missing, Collection<String> present, boolean parquet) {
        List<String> removable = missing.stream().filter(column -> !CORE_COLUMNS.contains(column)).map(column -> {
            Matcher version = VERSION_COLUMN.matcher(column);
            return version.matches() ? "version " + version.group(1) : column;
        }).distinct().toList();
        String add = missing.size() == 1 ? "add the column" : "add the columns";
        return "lacks column(s) " + String.join(", ", missing) + " that the manifest needs; its "
                + (parquet ? "schema has " : "header has ") + String.join(", ", present) + ": " + add
                + (removable.isEmpty() ? "" : ", or remove " + String.join(" and ", removable) + " from the manifest");
    }

    /** Day and month in either order, with a four-digit year: 11/02/2026, 2.11.2026, 11-02-2026. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    /**
     * A date not written as ISO 8601's YYYY-MM-DD. Where it reads both day first and month first (11/02/2026), both
     * readings are named, since only the writer knows which is meant.
     */
    public static String notIsoDate(String column, String value) {
        String problem = column + " must be a date written YYYY-MM-DD, like 2026-11-02, found '" + shown(value) + "'";
        Matcher parts = DAY_MONTH_YEAR.matcher(value);
        if (!parts.matches()) {
            return problem;
        }
        String dayFirst = isoDate(parts.group(3), parts.group(2), parts.group(1));
        String monthFirst = isoDate(parts.group(3), parts.group(1), parts.group(2));
        if (dayFirst != null && monthFirst != null && !dayFirst.equals(monthFirst)) {
            return problem + ", which is ambiguous: " + dayFirst + " read day first, " + monthFirst
                    + " month first; write the one meant as YYYY-MM-DD";
        }
        String only = dayFirst != null ? dayFirst : monthFirst;
        return only == null ? problem : problem + ": write it as " + only;
    }

    /** The ISO date of year, month and day, or null when there is no such date. */
    private static String isoDate(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
        } catch (DateTimeException e) {
            return null;
        }
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
        return "'" + shown(value) + "' holds a double quote (\") in a field that is not enclosed in quotes; it is most often a"
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
     * Whether a value starts or ends with whitespace (a space, a tab, a no-break space, ...), or is nothing else: it
     * prints like the value without it, so it would be counted as another slice or class under the same printed name.
     * Readers look only at a value met for the first time, as for {@link UnicodeForms}.
     */
    public static boolean isPadded(String value) {
        return !value.isEmpty() && (isWhitespace(value.charAt(0)) || isWhitespace(value.charAt(value.length() - 1)));
    }

    /** A value for which {@link #isPadded} holds: a slice value or class, or any value of an optional suite. */
    public static String paddedValue(String value) {
        String inner = stripWhitespace(value);
        if (inner.isEmpty()) {
            return "value is only whitespace (" + whitespaceName(value.charAt(0))
                    + (value.length() > 1 ? ", …" : "") + "), which prints as nothing; write a value (for an unknown"
                    + " group, such as 'unknown')";
        }
        return "'" + shown(value) + "' has " + whereWhitespace(value) + ", so it prints like '" + shown(inner) + "' but is"
                + " another value; remove the whitespace (Verdict neither takes it as part of the value nor removes it)";
    }

    /** A number for which {@link #isPadded} holds, and which would be one without the whitespace. */
    public static String paddedNumber(String value) {
        return "'" + shown(value) + "' has " + whereWhitespace(value) + "; write the number without whitespace around it";
    }

    /** The value without the whitespace {@link #isPadded} looks for at its ends. */
    public static String stripWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * Most characters a slice value, class or value of an optional suite may have: such a value names a group in every
     * table, chart and the approval pack, and one of thousands of characters is a broken row, not a name.
     */
    public static final int MAX_VALUE_CHARS = 1_000;

    /**
     * Why a value met for the first time is too long to be a name, or null: more than {@link #MAX_VALUE_CHARS}
     * characters. (A control character in a value is kept, and escaped wherever it is printed.)
     */
    public static String overlong(String value) {
        int characters = value.codePointCount(0, value.length());
        if (characters > MAX_VALUE_CHARS) {
            return String.format(Locale.ROOT, "value is %,d characters long, more than the %,d a value Verdict"
                    + " reads may have (it names a group or class in every table and chart): is it the right column?",
                    characters, MAX_VALUE_CHARS);
        }
        return null;
    }

    /**
     * Why a slice value or class met for the first time cannot stand as the name of a group or class, or null: it
     * would print like another one ({@link #isPadded}, a line break in it) or is no name ({@link #overlong}). The row
     * loader and the checks before a summary both ask this, so they refuse the same values in the same words.
     */
    public static String unfitName(String value) {
        if (isPadded(value)) {
            return paddedValue(value);
        }
        if (holdsLineBreak(value)) {
            return lineBreakInStoredValue();
        }
        return overlong(value);
    }

    /** Whether a value holds a line feed or a carriage return ({@link #lineBreakInValue}). */
    public static boolean holdsLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }

    /**
     * Placed at a quoted field holding a line break (a line feed or a carriage return) in a column Verdict reads: legal
     * CSV, but such a value prints over two lines (a slice label, a table row), and a field that runs over a line
     * break is nearly always a quote never closed.
     */
    public static String lineBreakInValue() {
        return "a quoted field opens here and holds a line break; a value Verdict reads may not (it would print over"
                + " two lines), and this is most often a quote never closed: close the quote on its line, or remove the"
                + " line break from the value";
    }

    /** {@link #lineBreakInValue} of a value stored in a Parquet file, which has no quotes. */
    public static String lineBreakInStoredValue() {
        return "value holds a line break; a value Verdict reads may not (it would print over two lines): remove it";
    }

    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** "a space before it", "a tab after it", "a space before and a no-break space (U+00A0) after it". */
    private static String whereWhitespace(String value) {
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (isWhitespace(first) && isWhitespace(last)) {
            return whitespaceName(first) + " before and " + whitespaceName(last) + " after it";
        }
        return isWhitespace(first) ? whitespaceName(first) + " before it" : whitespaceName(last) + " after it";
    }

    private static String whitespaceName(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\u00A0' -> "a no-break space (U+00A0)";
            default -> String.format(Locale.ROOT, "whitespace (U+%04X)", (int) c);
        };
    }

    /**
     * A slice value or class name that is an earlier one written in another Unicode form ({@link UnicodeForms}): the
     * two would be counted apart under one printed name.
     *
     * @param earlierPlace where the earlier form was met: "on line 3", "on other.csv, line 3", "in manifest.json
     *                     model.classes"
     */
    public static String otherUnicodeForm(String value, String earlierValue, String earlierPlace) {
        return "this value is '" + shown(value) + "' written in another Unicode form (" + UnicodeForms.form(value)
                + ") than " + earlierPlace + " (" + UnicodeForms.form(earlierValue) + "); write one form (NFC is what"
                + " most tools write): the two print alike but would be counted as two different values";
    }

    /** A score beyond [0, 1], with what a score is and what to do: a raw margin or logit was exported. */
    public static String scoreOutsideUnitInterval(double score) {
        return "score " + score + " is outside [0, 1]: a score is the model's probability of the positive class;"
                + " rescale it to one (a logit or margin through the logistic function) or fix the export";
    }

    public static String undeclaredClass(String value, Collection<String> declared) {
        String twin = sameNumberAs(value, declared);
        String caseTwin = twin == null ? otherCaseOf(value, declared) : null;
        String within = twin == null && caseTwin == null ? classWithin(value, declared) : null;
        return "'" + shown(value) + "' is not one of the classes listed in manifest.json model.classes "
                + shown(declared) + (twin == null ? "" : "; it is the class '" + shown(twin) + "' written as another number: write every label"
                + " and prediction as model.classes names it, or list the classes as the rows write them")
                + (caseTwin == null ? "" : differsOnlyInCase("it", "the class '" + shown(caseTwin) + "'",
                "write every label and prediction as model.classes names it"))
                + (within == null ? "" : "; it holds the class '" + shown(within) + "' and more, but a label or"
                + " prediction names one class: write the one class, or list the whole value in model.classes if it is"
                + " a class of its own")
                + (twin != null || caseTwin != null || within != null ? "" : "; write one of these classes, or list '"
                + shown(value) + "' in model.classes if it is a class of its own");
    }

    /**
     * The first of the names that is one part of {@code value} split at commas, semicolons, slashes or bars ('billing'
     * in 'billing, urgent'), or null: several tags exported into one label.
     */
    private static String classWithin(String value, Collection<String> names) {
        for (String part : value.split("[,;/|]")) {
            String tag = part.strip();
            if (!tag.equals(value) && names.contains(tag)) {
                return tag;
            }
        }
        return null;
    }

    /**
     * "; it differs from the class 'Approve' only in case, and classes are matched exactly: {@code fix}": why two
     * names that read alike are two classes, and what to write.
     */
    private static String differsOnlyInCase(String subject, String other, String fix) {
        return "; " + subject + " differs from " + other + " only in case, and classes are matched exactly: " + fix;
    }

    /**
     * The first of the names that is {@code value} in other capitals ('Approve' for 'approve'), or null: a label
     * exported by another tool or typed by hand, which as text would be a class of its own.
     */
    private static String otherCaseOf(String value, Collection<String> names) {
        for (String name : names) {
            if (!name.equals(value) && name.equalsIgnoreCase(value)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Why a value met for the first time cannot be a class of a binary pack: it is the positive label written as
     * another number ({@link #positiveLabelAsOtherNumber}), or a class besides the two the pack may have (named as one
     * of them written as another number when it is).
     */
    public static String thirdClass(String value, Collection<String> classesSoFar, String positiveLabel) {
        if (sameNumber(value, positiveLabel)) {
            return positiveLabelAsOtherNumber(value, positiveLabel);
        }
        String twin = sameNumberAs(value, classesSoFar);
        String caseTwin = twin == null ? otherCaseOf(value, classesSoFar) : null;
        return "'" + shown(value) + "' is a third class in a binary pack (classes so far: " + shown(classesSoFar)
                + ", positive label '" + shown(positiveLabel) + "')" + (twin == null ? "" : "; it is the class '" + shown(twin)
                + "' written as another number: write each class one way")
                + (caseTwin == null ? "" : differsOnlyInCase("it", "the class '" + shown(caseTwin) + "'",
                "write each class one way"));
    }

    /**
     * A binary table none of whose rows is labelled with the manifest's positive label: the manifest names a class
     * the rows do not have (every other value would otherwise be refused as a third class, blaming a valid label).
     *
     * @param labels the values of the label column, in order of first appearance
     */
    public static String positiveLabelNeverLabelled(String positiveLabel, String fileName, String labelColumn,
                                                    List<String> labels) {
        String caseTwin = otherCaseOf(positiveLabel, labels);
        return "model.positiveLabel '" + shown(positiveLabel) + "' is not a value of '" + labelColumn + "' in "
                + fileName + " (the labels found: " + String.join(", ", labels.stream().map(RowProblems::shown).toList())
                + ")" + (caseTwin == null ? ": set model.positiveLabel to the class the rows call positive, written as"
                + " they write it" : differsOnlyInCase("the label '" + shown(caseTwin) + "' in the rows", "it",
                "set model.positiveLabel to \"" + shown(caseTwin) + "\""));
    }

    /**
     * A label or prediction that is the positive label's number written another way ('1.0' where the manifest names
     * '1', as pandas writes a column of floats): read as text it would be a class of its own, a positive example
     * counted as a negative one.
     */
    public static String positiveLabelAsOtherNumber(String value, String positiveLabel) {
        boolean decimal = value.contains(".");
        String how = decimal && !positiveLabel.contains(".") ? "the labels look like whole numbers written as decimals"
                : !decimal && positiveLabel.contains(".") ? "the manifest writes it as a decimal, the labels as a whole"
                + " number" : "the labels write that number otherwise than the manifest";
        return "'" + shown(value) + "' is the positive label '" + shown(positiveLabel) + "' (manifest.json model.positiveLabel)"
                + " written as another number, so it would be counted as another class; " + how + ": write every"
                + " label and prediction as the manifest names the positive label, or set model.positiveLabel to \""
                + value + "\" if that is how the rows write it";
    }

    /**
     * Whether two different texts are one number ("1" and "1.0", "0" and "0.00"): as class names they are two
     * classes, which is nearly always one column written by two tools, not two classes.
     */
    public static boolean sameNumber(String value, String other) {
        if (value.equals(other)) {
            return false;
        }
        try {
            return new BigDecimal(value).compareTo(new BigDecimal(other)) == 0;
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    /** The first of the names that is {@code value}'s number written another way ({@link #sameNumber}), or null. */
    private static String sameNumberAs(String value, Collection<String> names) {
        for (String name : names) {
            if (sameNumber(value, name)) {
                return name;
            }
        }
        return null;
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
        return "'" + shown(value) + "' is predicted but is never a label in " + fileName
                + "; if it is a real class, list every class in manifest.json model.classes";
    }

    /** @param earlier where the id was first used: "line 3", or "other.csv, line 3" */
    public static String repeatedExampleId(String id, String earlier) {
        return "(example_id) '" + shown(id) + "' was already used on " + earlier + "; example ids must be unique";
    }

    /**
     * Placed at the second of two header columns with one name: which of them a value is read from would be a guess.
     *
     * @param firstColumn where the name was first written, from 1
     */
    public static String repeatedColumnName(String name, int firstColumn) {
        return "column '" + shown(name) + "' appears twice in the header, first as column " + firstColumn + "; rename or"
                + " remove one of them";
    }

    /**
     * Placed at a header name with whitespace at an end: names are matched exactly, so 'score_7 ' is not the column
     * score_7, and taking it as that column would be a guess.
     */
    public static String paddedColumnName(String name) {
        return "column name '" + shown(name) + "' has " + whereWhitespace(name) + "; column names are matched exactly,"
                + " so it is not the column '" + shown(stripWhitespace(name)) + "': remove the whitespace";
    }

    /**
     * Placed at a {@code pred_V} / {@code score_V} column for a version the manifest does not list: nearly always a
     * typo of a listed version (whose column may then be missing) or a model left out of the manifest.
     */
    public static String unlistedVersionColumn(String column, String version, Collection<String> versions) {
        return "column " + shown(column) + " is for model version " + shown(version) + ", which the manifest does not"
                + " list (versions: " + String.join(", ", versions) + "); correct the version in the column name, add"
                + " the model to manifest.json models, or remove the column";
    }

    /**
     * Placed at a {@code score_} column of a multiclass pack, per class ({@code score_m3_approve}) or per version: a
     * multiclass comparison reads the predicted classes alone, so the column would be ignored, or worse taken for a
     * model the manifest lacks.
     */
    public static String multiclassScoreColumn(String column) {
        return "a multiclass pack takes no score columns (scores are read for binary tasks only; its metrics are"
                + " computed from the pred_V columns); remove " + shown(column);
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
