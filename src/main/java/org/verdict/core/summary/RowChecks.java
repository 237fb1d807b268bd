package org.verdict.core.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.pack.Task;

/**
 * The rules the row loader applies to per-example rows, as SQL predicates in either dialect: {@link SummaryInputCheck}
 * runs them before {@code --engine duckdb} summarises, and the printed SQL's row-checks query counts the rows breaking
 * each one, which {@code --engine import} reads before it writes anything ({@link SummaryImport}).
 */
final class RowChecks {
    /** The heading of the row-checks query in a printed script; a script without it was printed before it existed. */
    static final String HEADING = "row checks";
    /** The checks table: per check and column, the rows failing it, and the smallest such example id and its value. */
    static final List<String> COLUMNS = List.of("check_name", "column_name", "failing", "example_id", "example_value");
    /**
     * What the checks query saw, the same on every row, so that import can tell the checks of these rows from those of
     * another table or another run: the rows it read, a fingerprint of the cells those rows make (see
     * {@link SummarySql#checksQuery(String)}), the id of the printed script holding the query, and the engine that ran
     * it with the version the engine itself reports. A table without them was written by the SQL of an earlier Verdict.
     */
    static final String ROWS_SEEN = "rows_seen";
    static final String CELLS_FINGERPRINT = "cells_fingerprint";
    static final String SCRIPT_ID = "script_id";
    static final String ENGINE = "engine";
    static final String ENGINE_VERSION = "engine_version";
    static final List<String> SEEN_COLUMNS = List.of(ROWS_SEEN, CELLS_FINGERPRINT, SCRIPT_ID, ENGINE, ENGINE_VERSION);

    /** A number as {@link org.verdict.core.pack.PackText#number(String)} reads it: decimal or scientific, no spaces. */
    static final String PLAIN_NUMBER = "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?";
    /** A value {@link RowProblems#holdsLineBreak} finds, in RE2 (DuckDB) and Java (Spark) regular expressions. */
    static final String LINE_BREAK = "[\\r\\n]";
    /**
     * A value {@link RowProblems#isPadded} finds: Java's whitespace and space characters (\p{Z} is the space, line and
     * paragraph separators; the rest are the controls Java also counts as whitespace), in RE2 and Java alike.
     */
    static final String PADDED = "^[\\p{Z}\\t\\n\\x0B\\f\\r\\x1C-\\x1F]|[\\p{Z}\\t\\n\\x0B\\f\\r\\x1C-\\x1F]$";
    /** The largest magnitude the loader reads as a number. */
    static final String LARGEST = "1e100";

    /** What a check finds, as the checks table names it. */
    enum Kind {
        MISSING("missing", "empty or NULL"),
        NOT_A_NUMBER("not_a_number", "not a finite decimal number (within ±" + LARGEST + ")"),
        OUTSIDE_UNIT("outside_0_1", "a score outside [0, 1]"),
        MISPRINTED("misprinted", "a value with whitespace around it or a line break in it, which prints like another,"
                + " or of more than " + String.format(Locale.ROOT, "%,d", RowProblems.MAX_VALUE_CHARS)
                + " characters, which names no group"),
        UNDECLARED_CLASS("undeclared_class", "a class not listed in manifest.json model.classes"),
        THIRD_CLASS("third_class", "more than one class besides the positive label in a binary pack (the rarest named;"
                + " list the classes in manifest.json model.classes if that is intended)"),
        NEVER_LABELLED("never_labelled", "a predicted class that is never a label (if it is a real class, list every"
                + " class in manifest.json model.classes)"),
        REPEATED_ID("repeated_id", "an example id used on more than one row (ids must be unique; the count is of ids)");

        final String wireName;
        final String meaning;

        Kind(String wireName, String meaning) {
            this.wireName = wireName;
            this.meaning = meaning;
        }

        static Optional<Kind> of(String wireName) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(wireName)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** One check of one column (for {@link Kind#THIRD_CLASS}: of the label and every prediction together). */
    record Check(Kind kind, String column) {
    }

    private RowChecks() {
    }

    /** The checks the rows of {@code layout} get, in the order the checks query writes them. */
    static List<Check> of(SummaryLayout layout, PackManifest manifest) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(Kind.MISSING, "example_id"));
        checks.add(new Check(Kind.REPEATED_ID, "example_id"));
        boolean classified = layout.task().isClassification();
        classOrNumber(checks, SummaryLayout.LABEL, classified, manifest);
        for (String slice : layout.sliceColumns()) {
            checks.add(new Check(Kind.MISSING, slice));
            checks.add(new Check(Kind.MISPRINTED, slice));
        }
        for (String version : layout.versions()) {
            if (layout.task() == Task.BINARY && layout.scores()) {
                String score = "score_" + version;
                checks.add(new Check(Kind.MISSING, score));
                checks.add(new Check(Kind.NOT_A_NUMBER, score));
                checks.add(new Check(Kind.OUTSIDE_UNIT, score));
            } else {
                String prediction = SummaryLayout.prediction(version);
                classOrNumber(checks, prediction, classified, manifest);
                if (layout.task() == Task.MULTICLASS && manifest.declaredClasses().isEmpty()) {
                    checks.add(new Check(Kind.NEVER_LABELLED, prediction));
                }
            }
        }
        if (layout.task() == Task.BINARY && manifest.declaredClasses().isEmpty()) {
            checks.add(new Check(Kind.THIRD_CLASS, String.join(" ", classColumns(layout))));
        }
        return checks;
    }

    private static void classOrNumber(List<Check> checks, String column, boolean classified, PackManifest manifest) {
        checks.add(new Check(Kind.MISSING, column));
        if (!classified) {
            checks.add(new Check(Kind.NOT_A_NUMBER, column));
            return;
        }
        checks.add(new Check(Kind.MISPRINTED, column));
        if (manifest.declaredClasses().isPresent()) {
            checks.add(new Check(Kind.UNDECLARED_CLASS, column));
        }
    }

    /** The columns holding class names: the label, and the predictions unless scores stand for them. */
    static List<String> classColumns(SummaryLayout layout) {
        List<String> columns = new ArrayList<>(List.of(SummaryLayout.LABEL));
        if (!(layout.task() == Task.BINARY && layout.scores())) {
            layout.versions().forEach(v -> columns.add(SummaryLayout.prediction(v)));
        }
        return columns;
    }

    /** @param v a text expression */
    static String missing(String v) {
        return "(" + v + " IS NULL OR " + v + " = '')";
    }

    /**
     * A text value that cannot name a group or class ({@link RowProblems#unfitName}): whitespace around it, a line
     * break in it, or more characters than {@link RowProblems#MAX_VALUE_CHARS} (length counts characters, not bytes,
     * in DuckDB and Spark alike).
     */
    static String misprinted(SqlDialect dialect, String v) {
        return "(" + matches(dialect, v, LINE_BREAK) + " OR " + matches(dialect, v, PADDED) + " OR length(" + v + ") > "
                + RowProblems.MAX_VALUE_CHARS + ")";
    }

    /** A non-empty text value the loader does not read as a number: not plain decimal, or beyond ±1e100. */
    static String notANumber(SqlDialect dialect, String v) {
        // \\z, not $: Java's $ (Spark) also matches before a final line break
        return "(NOT " + matches(dialect, v, "^(" + PLAIN_NUMBER + ")\\z") + " OR NOT coalesce(abs(" + number(v) + ") <= "
                + LARGEST + ", false))";
    }

    /** A text value as a double, NULL where it is none (never an error, never a silent 0). */
    static String number(String v) {
        return "TRY_CAST(" + v + " AS DOUBLE)";
    }

    /** Whether text matches a regular expression anywhere (anchor it for a whole match). */
    static String matches(SqlDialect dialect, String v, String regex) {
        return switch (dialect) {
            case DUCKDB -> "regexp_matches(" + v + ", " + dialect.literal(regex) + ")";
            case SPARK -> "(" + v + " RLIKE " + dialect.literal(regex) + ")";
        };
    }

    /** What a failed check says: the column, the problem, how many rows (ids) and the first example. */
    static String failure(Kind kind, String column, long failing, String exampleId, String exampleValue) {
        String example = "";
        if (exampleId != null && !exampleId.isEmpty() && kind != Kind.REPEATED_ID) {
            example = "; e.g. example_id '" + exampleId + "'" + (exampleValue == null ? ""
                    : " has " + quoted(exampleValue));
        } else if (kind == Kind.REPEATED_ID && exampleId != null) {
            example = "; e.g. '" + exampleId + "' is on " + exampleValue + " rows";
        } else if (exampleValue != null && !exampleValue.isEmpty()) {
            example = "; e.g. " + quoted(exampleValue);
        }
        String unit = kind == Kind.REPEATED_ID ? (failing == 1 ? " id" : " ids")
                : kind == Kind.THIRD_CLASS ? (failing == 1 ? " value" : " values") : (failing == 1 ? " row" : " rows");
        return "(" + column + ") " + kind.meaning + ": " + failing + unit + example;
    }

    /** A value in quotes; one too long to be a name cut to its start, with its length, so the message stays short. */
    private static String quoted(String value) {
        int characters = value.codePointCount(0, value.length());
        if (characters <= RowProblems.MAX_VALUE_CHARS) {
            return "'" + value + "'";
        }
        return String.format(Locale.ROOT, "'%s…' (%,d characters)", value.substring(0, value.offsetByCodePoints(0, 40)),
                characters);
    }
}
