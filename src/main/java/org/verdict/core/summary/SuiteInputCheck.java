package org.verdict.core.summary;

import static org.verdict.core.summary.SqlDialect.DUCKDB;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.ParquetRows;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.task.Progress;

/**
 * Refuses rows of a latency, safety or human-baseline input that the row loader would refuse in {@code latency.csv},
 * {@code safety.csv} or {@code human_baseline.csv}, with the loader's words and the input file's line (CSV) or row
 * (Parquet) and column, before DuckDB counts them. Without it a bad value surfaced only when the staged summary pack
 * was read back, placed in a table the user never wrote (a negative latency as bucket −1000 of
 * {@code latency_buckets.csv}). The evaluation rows (primary and held-out) have {@link SummaryInputCheck}.
 */
final class SuiteInputCheck {
    /** What the loader requires of a column's values. */
    private enum Rule { TEXT, ONE_OF, FLAG, NON_NEGATIVE }

    /** @param allowed the values a ONE_OF column may hold */
    private record Column(String name, Rule rule, List<String> allowed) {
        Column(String name, Rule rule) {
            this(name, rule, List.of());
        }
    }

    private final List<Column> columns;

    private SuiteInputCheck(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** {@code version, latency_ms}: a version of the manifest, a finite latency of zero or more. */
    static SuiteInputCheck latency(List<String> versions) {
        return new SuiteInputCheck(List.of(new Column("version", Rule.ONE_OF, versions),
                new Column("latency_ms", Rule.NON_NEGATIVE)));
    }

    /** {@code category, violation_V…}: a category named, each flag 0 or 1. */
    static SuiteInputCheck safety(List<String> versions) {
        List<Column> columns = new ArrayList<>(List.of(new Column("category", Rule.TEXT)));
        versions.forEach(version -> columns.add(new Column("violation_" + version, Rule.FLAG)));
        return new SuiteInputCheck(columns);
    }

    /** {@code label, human, pred_V…}: every class named. */
    static SuiteInputCheck humanBaseline(List<String> keys) {
        return new SuiteInputCheck(keys.stream().map(key -> new Column(key, Rule.TEXT)).toList());
    }

    /**
     * @param input the input as the user gave it, named when it lacks a column
     * @param relation the input as DuckDB reads it
     * @throws PackException at a row the loader would refuse (any of them when several are); nothing is written then
     */
    void check(Statement statement, String input, String relation, Progress progress)
            throws SQLException, PackException {
        boolean parquet = DuckDbSummarizer.isParquet(input);
        List<String> header = described(statement, relation);
        List<String> missing = columns.stream().map(Column::name).filter(name -> !header.contains(name)).toList();
        if (!missing.isEmpty()) {
            String problem = RowProblems.lacksColumns(missing, header, parquet);
            throw parquet ? new PackException(input, problem) : PackException.inHeader(input, problem);
        }
        List<String> select = new ArrayList<>(List.of("CAST(filename AS VARCHAR)"));
        if (parquet) {
            select.add("CAST(file_row_number + 1 AS VARCHAR)");
        }
        List<String> bad = new ArrayList<>();
        for (Column column : columns) {
            select.add(text(column));
            bad.add(badWhen(column));
        }
        SummaryTable found = DuckDbSummarizer.run(statement, "SELECT " + String.join(", ", select) + "\nFROM "
                + relation + "\nWHERE " + String.join("\n   OR ", bad) + "\nLIMIT 1", progress);
        if (found.rows().isEmpty()) {
            return;
        }
        String[] row = found.rows().get(0);
        int first = parquet ? 2 : 1;
        List<String> names = columns.stream().map(Column::name).toList();
        List<String> values = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            values.add(row[first + c] == null ? "" : row[first + c]);
        }
        for (int c = 0; c < columns.size(); c++) {
            String problem = problem(columns.get(c), row[first + c]);
            if (problem != null) {
                String file = row[0];
                long where = parquet ? Long.parseLong(row[1]) : SummaryInputCheck.firstLine(file, names, values);
                PackException at = new PackException(file, where, header.indexOf(names.get(c)) + 1, problem);
                throw parquet ? ParquetRows.located(at) : at;
            }
        }
        throw new PackException(row[0], "DuckDB refuses a value in the row " + values + " that the row loader would "
                + "read");
    }

    /** The SQL twin of {@link #problem}: true exactly when that finds a problem in the value. */
    private static String badWhen(Column column) {
        String v = text(column);
        return switch (column.rule()) {
            case TEXT -> "(" + RowChecks.missing(v) + " OR " + RowChecks.misprinted(DUCKDB, v) + ")";
            case ONE_OF -> "(" + v + " IS NULL OR " + v + " NOT IN ("
                    + String.join(", ", column.allowed().stream().map(DUCKDB::literal).toList()) + "))";
            case FLAG -> "(" + v + " IS NULL OR " + v + " NOT IN ('0', '1'))";
            case NON_NEGATIVE -> "(" + v + " IS NULL OR " + RowChecks.notANumber(DUCKDB, v) + " OR "
                    + RowChecks.number(v) + " < 0)";
        };
    }

    /** What the row loader says about one value, or null when it takes it. */
    private static String problem(Column column, String value) {
        String name = column.name();
        if (value == null || value.isEmpty()) {
            return name + " is empty";
        }
        return switch (column.rule()) {
            case TEXT -> {
                String unfit = RowProblems.unfitName(value);
                yield unfit == null ? null : name + ": " + unfit;
            }
            case ONE_OF -> column.allowed().contains(value) ? null
                    : name + " must be one of " + String.join(", ", column.allowed()) + ", found '" + value + "'";
            case FLAG -> value.equals("0") || value.equals("1") ? null
                    : name + " must be 0 or 1, found '" + value + "'";
            case NON_NEGATIVE -> {
                double number;
                try {
                    number = PackText.number(value);
                } catch (NumberFormatException e) {
                    yield name + ": " + e.getMessage();
                }
                yield number < 0 ? RowProblems.negative(name, value) : null;
            }
        };
    }

    private static List<String> described(Statement statement, String relation) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (described.next()) {
                names.add(described.getString("column_name"));
            }
        }
        return names;
    }

    private static String text(Column column) {
        return "CAST(" + DUCKDB.quote(column.name()) + " AS VARCHAR)";
    }
}
