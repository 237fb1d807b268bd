package org.verdict.core.summary;

import static org.verdict.core.summary.SqlDialect.DUCKDB;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackManifest;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.ParquetRows;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.pack.Task;
import org.verdict.core.pack.UnicodeForms;
import org.verdict.core.task.Progress;

/**
 * Refuses per-example rows that the row-level loader would refuse, before DuckDB summarises them, with the loader's
 * words and the input file's line (CSV) or row (Parquet) and column: a CSV row that is not strict CSV (an unclosed
 * quote, too few or too many fields, bytes that are not UTF-8), an empty id, label or slice value, a class the
 * manifest does not allow (in a binary pack without model.classes: a value other than the positive label and the
 * most frequent other value among the first 100,000), a number that is not a finite decimal or a score outside [0, 1], a predicted class that is
 * never a label, and a repeated example id.
 *
 * <p>The checks are queries DuckDB runs over the files, so no row comes into the JVM: one scan finds a bad row (and,
 * for CSV, DuckDB's rejects table records the rows its strict reader refused, with their lines), one GROUP BY over the
 * ids finds a repeated one. Only on failure is the bad row placed: Parquet by DuckDB's row number, CSV by reading that
 * one file up to the row, since DuckDB does not number CSV rows. When several rows are bad, the one named is any of
 * them, not necessarily the first.
 */
final class SummaryInputCheck {
    private static final Pattern FIELD_COUNTS = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    /** Values looked at to tell a binary pack's negative class from a third one, when model.classes is not given. */
    private static final int CLASS_SAMPLE = 100_000;
    private static final String FILE = "file__";
    private static final String ROW = "row__";

    /** What the summary reads a column as, and so which of the loader's checks it gets. */
    private enum Role { EXAMPLE_ID, CLASS, SLICE, NUMBER, SCORE }

    /** @param position 1-based, in the header (CSV) or the schema (Parquet) */
    private record Checked(String name, Role role, int position, boolean storedDouble, boolean storedBoolean) {
    }

    private final PackManifest manifest;
    private final SummaryLayout layout;
    private final String input;
    private final boolean parquet;
    /** The relation the checks read; for CSV with DuckDB's rejects table on. */
    private final String relation;
    /** The columns checked, with their roles and positions, once {@link #check} has looked at the rows. */
    private List<Checked> checked = List.of();

    /** @param relation the input as DuckDB reads it, for CSV with its rejects table on */
    SummaryInputCheck(PackManifest manifest, SummaryLayout layout, String input, String relation) {
        this.manifest = manifest;
        this.layout = layout;
        this.input = input;
        this.relation = relation;
        this.parquet = DuckDbSummarizer.isParquet(input);
    }

    /** @throws PackException at the first problem found; nothing has been written then */
    void check(Statement statement, Progress progress) throws PackException, SQLException {
        // DuckDB closes the statement whose query failed
        Connection connection = statement.getConnection();
        try {
            checkRows(statement, progress);
        } catch (SQLException e) {
            PackException located = locatedSyntaxError(connection, e);
            if (located != null) {
                throw located;
            }
            throw e;
        }
    }

    private void checkRows(Statement statement, Progress progress) throws PackException, SQLException {
        progress.update(0.01, "Checking the rows of " + input);
        List<Checked> columns = columns(statement);
        checked = columns;
        Set<String> classes = allowedClasses(statement, columns, progress);
        SummaryTable bad = DuckDbSummarizer.run(statement, badRowQuery(columns, classes), progress);
        if (!parquet) {
            refuseRejectedCsv(statement, progress);
            refuseStrayQuotes(statement, columns, progress);
        }
        // a negative class that is the positive label written otherwise makes every other value a third class: the
        // cause is said, not one of its effects
        if (classes != null && manifest.declaredClasses().isEmpty()) {
            refuseSampledClassInOtherForm(statement, classes, progress);
        }
        if (!bad.rows().isEmpty()) {
            if (classes != null && manifest.declaredClasses().isEmpty()) {
                refuseUnlabelledPositive(statement, columns, progress);
            }
            throw badValue(statement, columns, classes, bad, progress);
        }
        if (layout.task() == Task.MULTICLASS && manifest.declaredClasses().isEmpty()) {
            refusePredictionsNeverLabelled(statement, columns, progress);
        }
        progress.update(0.03, "Checking that the example ids of " + input + " are unique");
        refuseRepeatedIds(statement, columns, progress);
    }

    /** The columns the summary reads, with their roles; a missing one is refused before any row is read. */
    private List<Checked> columns(Statement statement) throws PackException, SQLException {
        List<List<String>> described = described(statement);
        List<String> names = described.get(0);
        List<String> types = described.get(1);
        List<String> required = new ArrayList<>(List.of("example_id"));
        layout.rowColumns().stream().filter(c -> !required.contains(c)).forEach(required::add);
        List<String> missing = required.stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            String problem = RowProblems.lacksColumns(missing, names, parquet);
            throw parquet ? new PackException(input, problem) : PackException.inHeader(input, problem);
        }
        // a prediction or score column of a version the manifest does not list is refused, as the row loader does
        for (int at = 0; at < names.size(); at++) {
            String name = names.get(at);
            if (layout.task() == Task.MULTICLASS && name.startsWith("score_")) {
                String problem = RowProblems.multiclassScoreColumn(name);
                throw parquet ? new PackException(input, problem) : new PackException(input, 1, at + 1, problem);
            }
            String version = name.startsWith("pred_") ? name.substring(5)
                    : name.startsWith("score_") ? name.substring(6) : null;
            if (version != null && !layout.versions().contains(version)) {
                String problem = RowProblems.unlistedVersionColumn(name, version, layout.versions());
                throw parquet ? new PackException(input, problem) : new PackException(input, 1, at + 1, problem);
            }
        }
        List<Checked> checked = new ArrayList<>();
        BiConsumer<String, Role> add = (name, role) -> {
            int at = names.indexOf(name);
            String type = types.get(at).toUpperCase(Locale.ROOT);
            checked.add(new Checked(name, role, at + 1, type.equals("DOUBLE") || type.equals("FLOAT"),
                    type.equals("BOOLEAN")));
        };
        add.accept("example_id", Role.EXAMPLE_ID);
        add.accept(SummaryLayout.LABEL, layout.task().isClassification() ? Role.CLASS : Role.NUMBER);
        layout.sliceColumns().forEach(slice -> add.accept(slice, Role.SLICE));
        for (String version : layout.versions()) {
            if (layout.task() == Task.BINARY && layout.scores()) {
                add.accept("score_" + version, Role.SCORE);
            } else {
                add.accept(SummaryLayout.prediction(version),
                        layout.task().isClassification() ? Role.CLASS : Role.NUMBER);
            }
        }
        // a row's first problem, as the loader meets it: in the order of the file's columns
        checked.sort(Comparator.comparingInt(Checked::position));
        return checked;
    }

    /** The input's column names and their types, in order. */
    private List<List<String>> described(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (var described = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (described.next()) {
                names.add(described.getString("column_name"));
                types.add(described.getString("column_type"));
            }
        }
        return List.of(names, types);
    }

    /**
     * The classes labels and predictions may take: model.classes when the manifest lists them; in a binary pack
     * without them the positive label and the most frequent other value among the first ones met (the loader takes
     * the first one met: the same class unless the file starts with the typo); null when any non-empty value is a class (multiclass without
     * model.classes).
     */
    private Set<String> allowedClasses(Statement statement, List<Checked> columns, Progress progress)
            throws SQLException {
        if (manifest.declaredClasses().isPresent()) {
            return new LinkedHashSet<>(manifest.declaredClasses().get());
        }
        if (layout.task() != Task.BINARY) {
            return null;
        }
        String positive = manifest.model().positiveLabel();
        List<String> parts = new ArrayList<>();
        for (Checked column : columns) {
            if (column.role() == Role.CLASS) {
                parts.add("SELECT " + text(column) + " AS v FROM " + relation);
            }
        }
        // the most frequent other value among the first ones met (no whole scan): a third class is then the rare one,
        // nearly always a typo
        SummaryTable negative = DuckDbSummarizer.run(statement, "SELECT v FROM (SELECT v FROM ("
                + String.join(" UNION ALL ", parts) + ") WHERE v IS NOT NULL AND v <> '' AND v <> " + DUCKDB.literal(positive)
                + " LIMIT " + CLASS_SAMPLE + ") GROUP BY v ORDER BY count(*) DESC, v LIMIT 1", progress);
        Set<String> classes = new LinkedHashSet<>(List.of(positive));
        negative.rows().forEach(row -> classes.add(row[0]));
        return classes;
    }

    /** One row (any) that breaks a check, with its file, row number (Parquet) and every checked value as text. */
    private String badRowQuery(List<Checked> columns, Set<String> classes) {
        List<String> select = new ArrayList<>(List.of("CAST(filename AS VARCHAR) AS " + FILE));
        if (parquet) {
            select.add("CAST(file_row_number + 1 AS VARCHAR) AS " + ROW);
        }
        List<String> bad = new ArrayList<>();
        for (Checked column : columns) {
            select.add(text(column));
            bad.add(badWhen(column, classes));
        }
        return "SELECT " + String.join(", ", select) + "\nFROM " + relation + "\nWHERE " + String.join("\n   OR ", bad)
                + "\nLIMIT 1";
    }

    /** The SQL twin of {@link #problem}: true exactly when that finds a problem in the value. */
    private String badWhen(Checked column, Set<String> classes) {
        String v = text(column);
        String empty = RowChecks.missing(v);
        // a slice value or class with whitespace around it, or over two lines, would print like another one; one of
        // more than RowProblems.MAX_VALUE_CHARS characters is no name
        String misprinted = "(" + empty + " OR " + RowChecks.misprinted(DUCKDB, v) + ")";
        return switch (column.role()) {
            case EXAMPLE_ID -> parquet ? empty
                    : "(" + empty + " OR " + RowChecks.matches(DUCKDB, v, RowChecks.LINE_BREAK) + ")";
            case SLICE -> misprinted;
            case CLASS -> classes == null ? misprinted : "(" + misprinted + " OR " + v + " NOT IN ("
                    + String.join(", ", classes.stream().map(DUCKDB::literal).toList()) + "))";
            case NUMBER, SCORE -> {
                String number;
                String x;
                if (column.storedDouble()) {
                    x = "CAST(" + quote(column.name()) + " AS DOUBLE)";
                    number = x + " IS NULL OR NOT isfinite(" + x + ") OR abs(" + x + ") > " + RowChecks.LARGEST;
                } else {
                    x = RowChecks.number(v);
                    number = v + " IS NULL OR " + RowChecks.notANumber(DUCKDB, v);
                }
                yield "(" + number + (column.role() == Role.SCORE ? " OR " + x + " < 0 OR " + x + " > 1" : "") + ")";
            }
        };
    }

    /** What the row loader says about one value, or null when it takes it. */
    private String problem(Checked column, String value, Set<String> classes) {
        String text = value == null ? "" : value;
        if (!parquet && RowProblems.holdsLineBreak(text)) {
            // the loader refuses a quoted field holding a line break in every column it reads, numbers too
            return RowProblems.lineBreakInValue();
        }
        return switch (column.role()) {
            case EXAMPLE_ID -> text.isEmpty() ? RowProblems.emptyExampleId() : null;
            case SLICE -> text.isEmpty() ? RowProblems.emptySlice() : RowProblems.unfitName(text);
            case CLASS -> {
                if (text.isEmpty()) {
                    yield RowProblems.emptyClass();
                }
                String unfit = RowProblems.unfitName(text);
                if (unfit != null) {
                    yield unfit;
                }
                if (classes == null || classes.contains(text)) {
                    yield null;
                }
                yield column.storedBoolean() ? RowProblems.booleanClasses(text, manifest.model().positiveLabel(),
                        manifest.declaredClasses().orElse(null))
                        : manifest.declaredClasses().isPresent()
                        ? RowProblems.undeclaredClass(text, manifest.declaredClasses().get())
                        : RowProblems.thirdClass(text, classes, manifest.model().positiveLabel());
            }
            case NUMBER, SCORE -> {
                double number;
                try {
                    number = column.storedDouble() && value != null ? PackText.number(storedDouble(value))
                            : PackText.number(text);
                } catch (NumberFormatException e) {
                    yield e.getMessage();
                }
                yield column.role() == Role.SCORE && (number < 0 || number > 1)
                        ? RowProblems.scoreOutsideUnitInterval(number) : null;
            }
        };
    }


    /** A DOUBLE as DuckDB writes it as text ({@code nan}, {@code inf}, {@code 1e-05}). */
    private static double storedDouble(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private PackException badValue(Statement statement, List<Checked> columns, Set<String> classes,
                                   SummaryTable bad, Progress progress) throws PackException, SQLException {
        String[] row = bad.rows().get(0);
        int first = parquet ? 2 : 1;
        String file = row[0];
        for (int c = 0; c < columns.size(); c++) {
            Checked column = columns.get(c);
            String problem = problem(column, row[first + c], classes);
            if (problem == null) {
                continue;
            }
            String id = row[first + columnIndex(columns, "example_id")];
            long where = parquet ? Long.parseLong(row[1])
                    : firstLine(file, List.of("example_id", column.name()), List.of(nonNull(id),
                            nonNull(row[first + c])));
            if (column.role() == Role.CLASS && !problem.equals(RowProblems.emptyClass())) {
                // a class refused as unknown may be a known one written in another Unicode form: say that instead
                UnicodeForms<String> forms = classForms();
                classes.forEach(known -> forms.add(known, null));
                UnicodeForms.Twin<String> twin = forms.add(row[first + c], null);
                if (twin != null) {
                    String earlier = twin.place() != null ? twin.place()
                            : place(firstPlace(statement, classColumns(), twin.value(), progress), file, true);
                    problem = RowProblems.otherUnicodeForm(row[first + c], twin.value(), earlier);
                }
            }
            return located(file, where, column.position(), "(" + column.name() + ") " + problem);
        }
        // DuckDB refused a value the loader's rules take: say which row, rather than summarise it
        return new PackException(file, "DuckDB refuses a value in the row with example_id '"
                + row[first + columnIndex(columns, "example_id")] + "' that the row loader would read");
    }

    /**
     * The class names the manifest gives, by Unicode form, with where the loader names them: a label or prediction
     * written in another form than these is refused as the loader refuses it.
     */
    private UnicodeForms<String> classForms() {
        UnicodeForms<String> forms = new UnicodeForms<>();
        if (layout.task() == Task.BINARY) {
            forms.add(manifest.model().positiveLabel(), "in manifest.json model.positiveLabel");
        }
        manifest.declaredClasses().ifPresent(declared -> declared.forEach(
                name -> forms.add(name, "in manifest.json model.classes")));
        return forms;
    }

    /**
     * A binary pack without model.classes takes the most frequent other value as its negative class: when that is the
     * positive label written in another Unicode form, or as another number ('1.0' for '1'), every positive example so
     * written would count as negative.
     */
    private void refuseSampledClassInOtherForm(Statement statement, Set<String> classes, Progress progress)
            throws SQLException, PackException {
        UnicodeForms<String> forms = classForms();
        String positive = manifest.model().positiveLabel();
        for (String sampled : classes) {
            UnicodeForms.Twin<String> twin = forms.add(sampled, null);
            if (twin != null || RowProblems.sameNumber(sampled, positive)) {
                Place at = firstPlace(statement, classColumns(), sampled, progress);
                throw located(at.file(), at.lineOrRow(), at.column().position(), "(" + at.column().name() + ") "
                        + (twin != null ? RowProblems.otherUnicodeForm(sampled, twin.value(), twin.place())
                        : RowProblems.positiveLabelAsOtherNumber(sampled, positive)));
            }
        }
    }

    /**
     * Refuses a slice value or class name written in two Unicode forms ({@link UnicodeForms}), as the row loader does,
     * once the rows have been summarised: the cells hold every distinct slice value and (multiclass) class name, so no
     * further scan of the rows is needed. Only when two forms are found are both looked for in the rows, and the later
     * one is refused at its line (CSV) or row (Parquet) and column, in the loader's words.
     *
     * @param cells the cells table of the rows {@link #check} looked at
     */
    void refuseOtherUnicodeForms(Statement statement, SummaryTable cells, Progress progress)
            throws SQLException, PackException {
        for (String slice : layout.sliceColumns()) {
            refuseOtherUnicodeForms(statement, cells, List.of(slice), checked.get(columnIndex(checked, slice)),
                    progress);
        }
        if (layout.task() == Task.MULTICLASS && manifest.declaredClasses().isEmpty()) {
            List<String> names = new ArrayList<>(List.of(SummaryLayout.LABEL));
            layout.versions().forEach(version -> names.add(SummaryLayout.prediction(version)));
            refuseOtherUnicodeForms(statement, cells, names, null, progress);
        }
    }

    /** @param slice the slice column whose values {@code names} are, or null for the class columns */
    private void refuseOtherUnicodeForms(Statement statement, SummaryTable cells, List<String> names, Checked slice,
                                         Progress progress) throws SQLException, PackException {
        UnicodeForms<String> forms = new UnicodeForms<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            int at = cells.columns().indexOf(name);
            for (String[] row : cells.rows()) {
                String value = row[at];
                if (value == null || !seen.add(value)) {
                    continue;
                }
                UnicodeForms.Twin<String> twin = forms.add(value, null);
                if (twin == null) {
                    continue;
                }
                List<Checked> columns = slice != null ? List.of(slice) : classColumns();
                Place one = firstPlace(statement, columns, value, progress);
                Place other = firstPlace(statement, columns, twin.value(), progress);
                boolean oneLater = one.compareTo(other) > 0;
                Place later = oneLater ? one : other;
                Place earlier = oneLater ? other : one;
                throw located(later.file(), later.lineOrRow(), later.column().position(), "(" + later.column().name()
                        + ") " + RowProblems.otherUnicodeForm(later.value(), earlier.value(),
                        place(earlier, later.file(), slice == null)));
            }
        }
    }

    /** Where a value was first met in the rows: its file, line (CSV) or row (Parquet), and column. */
    private record Place(String file, long lineOrRow, Checked column, String value) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            int byFile = file.compareTo(other.file);
            if (byFile != 0) {
                return byFile;
            }
            return lineOrRow != other.lineOrRow ? Long.compare(lineOrRow, other.lineOrRow)
                    : Integer.compare(column.position(), other.column.position());
        }
    }

    /**
     * The earlier place as the row loader names it in {@link RowProblems#otherUnicodeForm}: "on line 3" (a slice),
     * "on line 3, column 2" (a class, which may sit in another class column), with its file when that is another one.
     */
    private String place(Place earlier, String laterFile, boolean withColumn) {
        return "on " + (earlier.file().equals(laterFile) ? "" : earlier.file() + ", ") + (parquet ? "row " : "line ")
                + earlier.lineOrRow() + (withColumn ? ", column " + earlier.column().position() : "");
    }

    /** The labels and predictions, which share one set of class names. */
    private List<Checked> classColumns() {
        return checked.stream().filter(c -> c.role() == Role.CLASS).toList();
    }

    /** The first place of a value in any of the columns (in a CSV file the first line; across files, any file). */
    private Place firstPlace(Statement statement, List<Checked> columns, String value, Progress progress)
            throws SQLException, PackException {
        Place first = null;
        for (Checked column : columns) {
            SummaryTable found = DuckDbSummarizer.run(statement, "SELECT CAST(filename AS VARCHAR)"
                    + (parquet ? ", CAST(min(file_row_number) + 1 AS VARCHAR)" : "") + " FROM " + relation + " WHERE "
                    + text(column) + " = " + DUCKDB.literal(value) + (parquet ? " GROUP BY filename" : "")
                    + " ORDER BY 1 LIMIT 1", progress);
            if (found.rows().isEmpty()) {
                continue;
            }
            String file = found.rows().get(0)[0];
            long where = parquet ? Long.parseLong(found.rows().get(0)[1])
                    : firstLine(file, List.of(column.name()), List.of(value));
            Place place = new Place(file, where, column, value);
            if (first == null || place.compareTo(first) < 0) {
                first = place;
            }
        }
        if (first == null) {
            throw new IllegalStateException("'" + value + "' was summarised but is in no row");
        }
        return first;
    }

    /** For CSV, the first row DuckDB's strict reader refused, with its line and column. */
    private void refuseRejectedCsv(Statement statement, Progress progress)
            throws SQLException, PackException {
        SummaryTable rejected = DuckDbSummarizer.run(statement, "SELECT s.file_path, CAST(e.line AS VARCHAR), "
                + "e.column_name, e.error_type, e.error_message, e.csv_line FROM reject_errors e JOIN reject_scans s "
                + "ON e.scan_id = s.scan_id AND e.file_id = s.file_id ORDER BY s.file_path, e.line LIMIT 1", progress);
        if (rejected.rows().isEmpty()) {
            return;
        }
        String[] error = rejected.rows().get(0);
        String file = error[0];
        long line = Long.parseLong(error[1]);
        String column = error[2];
        List<String> header = described(statement).get(0);
        int position = column == null ? 0 : header.indexOf(column) + 1;
        String named = column == null ? "" : "(" + column + ") ";
        Matcher counts = FIELD_COUNTS.matcher(String.valueOf(error[4]));
        throw switch (String.valueOf(error[3])) {
            case "MISSING COLUMNS" -> counts.find()
                    ? new PackException(file, line, position, named + RowProblems.rowEndsEarly(
                            Long.parseLong(counts.group(2)), Long.parseLong(counts.group(1))))
                    : new PackException(file, line, position, named + error[4]);
            case "TOO MANY COLUMNS" -> counts.find()
                    ? new PackException(file, line, header.size() + 1, RowProblems.rowRunsOn(
                            Long.parseLong(counts.group(2)), Long.parseLong(counts.group(1))))
                    : new PackException(file, line, 0, error[4]);
            // DuckDB says "unterminated quote" also for text after a closing quote ("y"z), which stays on one line;
            // its csv_line cannot tell them apart on a long line, so the line itself is read
            case "UNQUOTED VALUE" -> new PackException(file, line, position, named
                    + (String.valueOf(error[5]).strip().contains("\n") || !quoteClosesOnItsLine(file, line, position)
                            ? RowProblems.unclosedQuote() + "; " + RowProblems.unclosedQuoteAdvice()
                            : RowProblems.textAfterClosingQuote()));
            case "INVALID UNICODE", "INVALID ENCODING" -> PackText.notUtf8(Path.of(file), file);
            default -> new PackException(file, line, position, named + "is not valid CSV: " + error[4]);
        };
    }

    /**
     * DuckDB's strict reader stops at some broken quoting (text after a closing quote in a small file) with "The CSV
     * Parser state machine reached an invalid state", no line and no reject: the files are read again as the row
     * loader reads them to place the problem.
     *
     * @return the problem placed at its line and column, or null when DuckDB's own error must stand
     */
    private PackException locatedSyntaxError(Connection connection, SQLException e)
            throws SQLException, PackException {
        if (parquet || !String.valueOf(e.getMessage()).contains("state machine reached an invalid state")) {
            return null;
        }
        List<String> files = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet matched = statement.executeQuery("SELECT file FROM glob("
                + DUCKDB.literal(DuckDbSummarizer.pattern(input)) + ") ORDER BY file")) {
            while (matched.next()) {
                files.add(matched.getString(1));
            }
        }
        for (String file : files) {
            PackException located = StrayQuotes.first(file, List.of());
            if (located != null) {
                return located;
            }
        }
        return null;
    }

    /**
     * A double quote in an unquoted id, class name or slice value, which DuckDB, like FastCSV, takes as text, and
     * spaces between a closing quote and the next comma or line end, which DuckDB skips ({@code "eu" ,} reads as
     * {@code eu}) and the row loader refuses. DuckDB does not say whether a value was quoted, so the files holding any
     * such value with a quote, or a line with a quote followed by spaces and a comma or the line end, are read again
     * as the row loader reads them, to tell a stray quote from one written inside a quoted value; only then.
     */
    private void refuseStrayQuotes(Statement statement, List<Checked> columns, Progress progress)
            throws SQLException, PackException {
        List<String> names = new ArrayList<>();
        List<String> holdsQuote = new ArrayList<>();
        for (Checked column : columns) {
            if (column.role() != Role.NUMBER && column.role() != Role.SCORE) {
                names.add(column.name());
                holdsQuote.add("contains(" + text(column) + ", '\"')");
            }
        }
        String spaceAfterQuote = "SELECT CAST(filename AS VARCHAR) FROM "
                + CsvInput.rawLines(DuckDbSummarizer.pattern(input))
                + " WHERE contains(line, '\"') AND regexp_matches(line, '\" +(,|\\r?$)')";
        SummaryTable files = DuckDbSummarizer.run(statement, "SELECT DISTINCT CAST(filename AS VARCHAR) FROM "
                + relation + " WHERE " + String.join(" OR ", holdsQuote) + " UNION " + spaceAfterQuote
                + " ORDER BY 1", progress);
        for (String[] file : files.rows()) {
            PackException stray = StrayQuotes.first(file[0], names);
            if (stray != null) {
                throw stray;
            }
        }
    }

    /**
     * A binary pack without model.classes whose rows break a class check: when no row is labelled with the positive
     * label, the manifest names a class the rows do not have, and that is said rather than a valid label called a
     * third class, as the loader does. Only a refused input is scanned for it.
     */
    private void refuseUnlabelledPositive(Statement statement, List<Checked> columns, Progress progress)
            throws SQLException, PackException {
        Checked label = columns.get(columnIndex(columns, SummaryLayout.LABEL));
        if (label.storedBoolean()) {
            // true/false where classes are named: the class check says that, as the loader does
            return;
        }
        String positive = manifest.model().positiveLabel();
        // the positive label first where any row has it; else the most frequent labels, as many as the loader holds
        SummaryTable labels = DuckDbSummarizer.run(statement, "SELECT v FROM (SELECT " + text(label) + " AS v FROM "
                + relation + ") WHERE v IS NOT NULL AND v <> '' GROUP BY v ORDER BY v = " + DUCKDB.literal(positive)
                + " DESC, count(*) DESC, v LIMIT 12", progress);
        List<String> found = labels.rows().stream().map(row -> row[0]).toList();
        // the positive label written as another number ('1.0' for '1') is said as that, by the class check
        if (!found.isEmpty() && !found.get(0).equals(positive)
                && found.stream().noneMatch(value -> RowProblems.sameNumber(value, positive))) {
            throw manifest.problemAt("/model/positiveLabel", RowProblems.positiveLabelNeverLabelled(positive, input,
                    label.name(), found));
        }
    }

    /** Multiclass without model.classes: a predicted class that is never a label is nearly always a typo. */
    private void refusePredictionsNeverLabelled(Statement statement, List<Checked> columns, Progress progress)
            throws SQLException, PackException {
        Checked label = columns.stream().filter(c -> c.name().equals(SummaryLayout.LABEL)).findFirst().orElseThrow();
        for (Checked column : columns) {
            if (column.role() != Role.CLASS || column == label) {
                continue;
            }
            // a label written in another Unicode form is no typo: refuseOtherUnicodeForms says what it is, as the loader
            SummaryTable never = DuckDbSummarizer.run(statement, "SELECT v FROM (SELECT DISTINCT " + text(column)
                    + " AS v FROM " + relation + ") WHERE nfc_normalize(v) NOT IN (SELECT nfc_normalize(l) FROM "
                    + "(SELECT DISTINCT " + text(label) + " AS l FROM " + relation + ")) LIMIT 1", progress);
            if (never.rows().isEmpty()) {
                continue;
            }
            String predicted = never.rows().get(0)[0];
            String[] at = firstRowWhere(statement, column, predicted, progress);
            long where = parquet ? Long.parseLong(at[1])
                    : firstLine(at[0], List.of(column.name()), List.of(predicted));
            throw located(at[0], where, column.position(), "(" + column.name() + ") "
                    + RowProblems.predictedNeverLabelled(predicted, at[0]));
        }
    }

    /**
     * A GROUP BY over every id with LIMIT 1: DuckDB's hash aggregate spills to disk beyond its memory limit, so this
     * holds at any size (about 10 s per 10^7 rows on two cores, docs/benchmarks.md).
     */
    private void refuseRepeatedIds(Statement statement, List<Checked> columns, Progress progress)
            throws SQLException, PackException {
        Checked id = columns.get(columnIndex(columns, "example_id"));
        SummaryTable repeated = DuckDbSummarizer.run(statement, "SELECT " + text(id) + " FROM " + relation
                + " GROUP BY 1 HAVING count(*) > 1 LIMIT 1", progress);
        if (repeated.rows().isEmpty()) {
            return;
        }
        String value = repeated.rows().get(0)[0];
        SummaryTable rows = DuckDbSummarizer.run(statement, "SELECT CAST(filename AS VARCHAR)"
                + (parquet ? ", CAST(file_row_number + 1 AS VARCHAR)" : "") + " FROM " + relation + " WHERE "
                + text(id) + " = " + DUCKDB.literal(value) + " LIMIT 2", progress);
        List<String[]> places = new ArrayList<>();
        for (String[] row : rows.rows()) {
            String file = row[0];
            if (parquet) {
                places.add(new String[] {file, row[1]});
            } else if (places.stream().noneMatch(p -> p[0].equals(file))) {
                for (long line : lines(file, List.of(id.name()), List.of(value), 2)) {
                    places.add(new String[] {file, Long.toString(line)});
                }
            }
        }
        places.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparingLong(p -> Long.parseLong(p[1])));
        String[] earlier = places.get(0);
        String[] later = places.get(Math.min(1, places.size() - 1));
        String unit = parquet ? "row " : "line ";
        String earlierPlace = (earlier[0].equals(later[0]) ? "" : earlier[0] + ", ") + unit + earlier[1];
        throw located(later[0], Long.parseLong(later[1]), id.position(),
                RowProblems.repeatedExampleId(value, earlierPlace));
    }

    private String[] firstRowWhere(Statement statement, Checked column, String value, Progress progress)
            throws SQLException {
        return DuckDbSummarizer.run(statement, "SELECT CAST(filename AS VARCHAR)"
                + (parquet ? ", CAST(file_row_number + 1 AS VARCHAR)" : "") + " FROM " + relation + " WHERE "
                + text(column) + " = " + DUCKDB.literal(value) + " LIMIT 1", progress).rows().get(0);
    }

    private PackException located(String file, long lineOrRow, int column, String problem) {
        PackException at = new PackException(file, lineOrRow, column, problem);
        return parquet ? ParquetRows.located(at) : at;
    }

    /** The line of the first record of a CSV file whose named fields hold the given values; 0 if none does. */
    /**
     * Whether the quoted field at 1-based {@code column} of line {@code line} has its closing quote on that line
     * (true too where the line or field is not found, leaving DuckDB's reading as it was); read only after DuckDB
     * refused the line.
     */
    private static boolean quoteClosesOnItsLine(String file, long line, int column) throws PackException {
        String text = null;
        try (BufferedReader lines = new BufferedReader(PackText.utf8Reader(Path.of(file)))) {
            for (long at = 1; at <= line; at++) {
                text = lines.readLine();
                if (text == null) {
                    return true;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PackException(file, "cannot be read again to place its broken quote: " + e.getMessage());
        }
        int field = 1;
        int i = 0;
        while (field < column && i < text.length()) {
            if (text.charAt(i) == '"') {
                int close = closingQuote(text, i);
                if (close < 0) {
                    return true; // an earlier field's quote runs on: not the field DuckDB named
                }
                i = close + 1;
            } else if (text.charAt(i++) == ',') {
                field++;
            }
        }
        return field < column || i >= text.length() || text.charAt(i) != '"' || closingQuote(text, i) >= 0;
    }

    /** The index of the quote closing the one at {@code open} ({@code ""} being a quote inside), or -1. */
    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    static long firstLine(String file, List<String> names, List<String> values) throws PackException {
        List<Long> lines = lines(file, names, values, 1);
        return lines.isEmpty() ? 0 : lines.get(0);
    }

    /**
     * The lines where the first {@code max} records whose named fields hold the given values start. DuckDB does not
     * number CSV rows, so the file is read here, as the row loader reads it, up to the row; only after a check failed.
     */
    private static List<Long> lines(String file, List<String> names, List<String> values, int max)
            throws PackException {
        List<Long> lines = new ArrayList<>();
        try (Reader text = PackText.utf8Reader(Path.of(file));
             CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).skipEmptyLines(true)
                     .ofCsvRecord(text)) {
            int[] at = null;
            for (CsvRecord record : csv) {
                if (at == null) {
                    at = names.stream().mapToInt(name -> record.getFields().stream().map(String::strip).toList()
                            .indexOf(name)).toArray();
                    continue;
                }
                if (matches(record, at, values)) {
                    lines.add(record.getStartingLineNumber());
                    if (lines.size() == max) {
                        break;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PackException(file, "cannot be read again to place the problem: " + e.getMessage());
        }
        return lines;
    }

    private static boolean matches(CsvRecord record, int[] at, List<String> values) {
        for (int i = 0; i < at.length; i++) {
            if (at[i] < 0 || at[i] >= record.getFieldCount() || !record.getField(at[i]).equals(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int columnIndex(List<Checked> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException(name + " is not checked");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String text(Checked column) {
        return "CAST(" + quote(column.name()) + " AS VARCHAR)";
    }

    private static String quote(String identifier) {
        return SqlDialect.DUCKDB.quote(identifier);
    }
}
