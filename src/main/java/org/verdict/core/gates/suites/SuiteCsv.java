package org.verdict.core.gates.suites;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.ParquetRows;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.RowProblems;
import org.verdict.core.task.Progress;

/**
 * One optional suite file read, CSV with FastCSV or Parquet through {@link ParquetRows}: checks the header, then hands
 * each row to the caller with typed accessors whose errors name the file, the line (Parquet: the row) and the column.
 */
final class SuiteCsv {
    /** Receives one data row; may refuse it by throwing. */
    interface RowReader {
        void read(Row row) throws PackException;
    }

    private final String file;
    private final Map<String, Integer> columns;

    private SuiteCsv(String file, Map<String, Integer> columns) {
        this.file = file;
        this.columns = columns;
    }

    /** The header's column names, in file order. */
    List<String> header() {
        return List.copyOf(columns.keySet());
    }

    /**
     * Reads {@code path} (named {@code file} in errors), requiring the given columns in the header, and passes each
     * data row to {@code rows}. The header is handed to {@code headerCheck} first, so a suite can refuse columns it
     * does not expect.
     */
    static void read(Path path, String file, long maxRows, List<String> requiredColumns, HeaderCheck headerCheck,
                     RowReader rows) throws PackException {
        if (ParquetRows.isParquet(file)) {
            readParquet(path, file, maxRows, requiredColumns, headerCheck, rows);
            return;
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).acceptCharsAfterQuotes(false)
                .ofCsvRecord(PackText.utf8Reader(path))) {
            SuiteCsv csv = null;
            long rowCount = 0;
            for (CsvRecord record : reader) {
                if (csv == null) {
                    csv = fromHeader(file, record.getFields(), requiredColumns);
                    headerCheck.check(csv);
                    continue;
                }
                if (record.getFieldCount() != csv.columns.size()) {
                    throw PackText.wrongFieldCount(file, record.getStartingLineNumber(), record.getFieldCount(),
                            csv.header());
                }
                csv.checkRowLimit(++rowCount, record.getStartingLineNumber(), maxRows);
                rows.read(csv.new Row(record.getFields(), record.getStartingLineNumber()));
            }
            if (csv == null) {
                throw new PackException(file, 1, 0, "the file is empty; expected a header with "
                        + String.join(", ", requiredColumns));
            }
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            throw PackText.readFailure(path, file, e);
        }
    }

    private static void readParquet(Path path, String file, long maxRows, List<String> requiredColumns,
                                    HeaderCheck headerCheck, RowReader rows) throws PackException {
        SuiteCsv[] table = new SuiteCsv[1];
        ParquetRows.read(path, file, Progress.NONE, names -> {
            table[0] = fromHeader(file, names, requiredColumns);
            headerCheck.check(table[0]);
        }, (values, row) -> {
            table[0].checkRowLimit(row, row, maxRows);
            rows.read(table[0].new Row(Arrays.asList(values.texts()), row));
        });
    }

    private void checkRowLimit(long rowCount, long line, long maxRows) throws PackException {
        if (rowCount > maxRows) {
            throw new PackException(file, line, 0, String.format(Locale.ROOT,
                    "has more than %,d rows, the most an optional suite may have; if the file really is that "
                    + "long, raise the limit with --max-suite-rows on the command line", maxRows));
        }
    }

    /** Lets a suite refuse header columns it does not know (e.g. a prediction column of an unknown version). */
    interface HeaderCheck {
        HeaderCheck NONE = csv -> { };

        void check(SuiteCsv csv) throws PackException;
    }

    private static SuiteCsv fromHeader(String file, List<String> header, List<String> required)
            throws PackException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            Integer first = columns.putIfAbsent(name, i);
            if (first != null) {
                throw new PackException(file, 1, i + 1, RowProblems.repeatedColumnName(name, first + 1));
            }
        }
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            throw PackException.inHeader(file, "missing column(s) "
                    + String.join(", ", missing) + "; the header has " + String.join(", ", columns.keySet()));
        }
        return new SuiteCsv(file, Collections.unmodifiableMap(columns));
    }

    /** An error about one column of the header (line 1), placed at that column. */
    PackException headerError(String column, String problem) {
        Integer at = columns.get(column);
        return at == null ? headerError(problem) : new PackException(file, 1, at + 1, problem);
    }

    /** An error about the header as a whole (a choice of columns it lacks): line 1, no column. */
    PackException headerError(String problem) {
        return PackException.inHeader(file, problem);
    }

    /** One data row. */
    final class Row {
        private final List<String> fields;
        private final long line;

        private Row(List<String> fields, long line) {
            this.fields = fields;
            this.line = line;
        }

        long line() {
            return line;
        }

        PackException error(String column, String problem) {
            return new PackException(file, line(), columns.get(column) + 1, problem);
        }

        /** A non-empty text value, as written ({@link #raw}). */
        String text(String column) throws PackException {
            String value = raw(column);
            if (value.isEmpty()) {
                throw error(column, column + " is empty");
            }
            return value;
        }

        /** A finite number. */
        double number(String column) throws PackException {
            String value = fields.get(columns.get(column));
            if (value.isEmpty()) {
                throw error(column, column + " is empty");
            }
            try {
                return PackText.number(value);
            } catch (NumberFormatException e) {
                throw error(column, column + ": " + e.getMessage());
            }
        }

        /** A number at least zero. */
        double nonNegative(String column) throws PackException {
            double value = number(column);
            if (value < 0) {
                throw error(column, RowProblems.negative(column, raw(column)));
            }
            return value;
        }

        /**
         * Refuses a rate that is not {@code successes / n} as far as it is written: 0.62 stands for any share that
         * rounds to it at two decimals, so it agrees with 1,169 / 1,887 = 0.6195…, where 62 (a percentage) or 0.63 does
         * not.
         */
        void requireShare(String column, long successes, long n) throws PackException {
            double written = number(column);
            String text = raw(column);
            int decimals;
            try {
                decimals = new BigDecimal(text).scale();
            } catch (NumberFormatException e) {
                decimals = 15; // a form BigDecimal does not read: compare as the numbers they are
            }
            double share = (double) successes / n;
            if (!(Math.abs(written - share) <= 0.5 * Math.pow(10, -decimals) * (1 + 1e-9))) {
                throw error(column, String.format(Locale.ROOT, "%s %s is not successes / n = %d / %d = %.6g as far "
                        + "as it is written; give the share of 1 (not a percentage), or leave the %s column out",
                        column, text, successes, n, share, column));
            }
        }

        /** A whole count at least zero. */
        long count(String column) throws PackException {
            String value = text(column);
            if (!value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
                // Java would also read "+5" and digits of other scripts ("٣"); a count is ASCII digits only
                throw error(column, column + " must be a whole number, found '" + value + "'");
            }
            try {
                long parsed = Long.parseLong(value);
                if (parsed < 0) {
                    throw error(column, RowProblems.negative(column, value));
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(column, column + " must be a whole number, found '" + value + "'");
            }
        }

        /** A whole number, possibly negative, within [min, max]. */
        long integer(String column, long min, long max) throws PackException {
            String value = text(column);
            try {
                long parsed = Long.parseLong(value);
                if (parsed < min || parsed > max) {
                    throw error(column, column + " must be within " + min + " … " + max + ", found " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(column, column + " must be a whole number, found '" + value + "'");
            }
        }

        /** 0 or 1. */
        boolean flag(String column) throws PackException {
            String value = text(column);
            return switch (value) {
                case "0" -> false;
                case "1" -> true;
                default -> throw error(column, column + " must be 0 or 1, found '" + value + "'");
            };
        }

        /** An ISO date (yyyy-mm-dd). */
        LocalDate date(String column) throws PackException {
            String value = text(column);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw error(column, RowProblems.notIsoDate(column, value));
            }
        }

        /** One of the allowed values. */
        String oneOf(String column, List<String> allowed) throws PackException {
            String value = text(column);
            if (!allowed.contains(value)) {
                throw error(column, column + " must be one of " + String.join(", ", allowed) + ", found '"
                        + value + "'");
            }
            return value;
        }

        /** Refuses this row when its key was already seen in the file (a duplicate id, date, ...). */
        void requireFirst(Set<String> seen, String key, String column, String problem) throws PackException {
            if (!seen.add(key)) {
                throw error(column, problem);
            }
        }

        /**
         * The field as written, possibly empty. A value with whitespace around it or a line break in it is refused, not
         * trimmed: stored data is never silently changed, and it would print like another value (a category, an id).
         */
        String raw(String column) throws PackException {
            String value = fields.get(columns.get(column));
            if (RowProblems.holdsLineBreak(value)) {
                throw error(column, column + ": " + RowProblems.lineBreakInValue());
            }
            if (RowProblems.isPadded(value)) {
                throw error(column, column + ": " + RowProblems.paddedValue(value));
            }
            String overlong = RowProblems.overlong(value);
            if (overlong != null) {
                throw error(column, column + ": " + overlong);
            }
            return value;
        }
    }
}
