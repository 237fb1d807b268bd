package org.verdict.core.gates.suites;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackText;

/**
 * One optional suite CSV read with FastCSV: checks the header, then hands each row to the caller with typed
 * accessors whose errors name the file, the line and the column.
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
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .ofCsvRecord(PackText.utf8Reader(path))) {
            SuiteCsv csv = null;
            long rowCount = 0;
            for (CsvRecord record : reader) {
                if (csv == null) {
                    csv = fromHeader(file, record, requiredColumns);
                    headerCheck.check(csv);
                    continue;
                }
                if (record.getFieldCount() != csv.columns.size()) {
                    throw new PackException(file, record.getStartingLineNumber(), 0, "expected "
                            + csv.columns.size() + " fields as in the header, found " + record.getFieldCount());
                }
                if (++rowCount > maxRows) {
                    throw new PackException(file, record.getStartingLineNumber(), 0, String.format(Locale.ROOT,
                            "has more than %,d rows, the most an optional suite may have; if the file really is that "
                            + "long, raise the limit with --max-suite-rows on the command line", maxRows));
                }
                rows.read(csv.new Row(record));
            }
            if (csv == null) {
                throw new PackException(file, 1, 0, "the file is empty; expected a header with "
                        + String.join(", ", requiredColumns));
            }
        } catch (CsvParseException | IOException | UncheckedIOException e) {
            throw PackText.readFailure(path, file, e);
        }
    }

    /** Lets a suite refuse header columns it does not know (e.g. a prediction column of an unknown version). */
    interface HeaderCheck {
        HeaderCheck NONE = csv -> { };

        void check(SuiteCsv csv) throws PackException;
    }

    private static SuiteCsv fromHeader(String file, CsvRecord header, List<String> required) throws PackException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (columns.putIfAbsent(name, i) != null) {
                throw new PackException(file, header.getStartingLineNumber(), i + 1, "column '" + name
                        + "' appears twice in the header");
            }
        }
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            throw new PackException(file, header.getStartingLineNumber(), 0, "missing column(s) "
                    + String.join(", ", missing) + "; the header has " + String.join(", ", columns.keySet()));
        }
        return new SuiteCsv(file, Collections.unmodifiableMap(columns));
    }

    /** An error about a header column (line 1). */
    PackException headerError(String column, String problem) {
        return new PackException(file, 1, columns.getOrDefault(column, -1) + 1, problem);
    }

    /** One data row. */
    final class Row {
        private final CsvRecord record;

        private Row(CsvRecord record) {
            this.record = record;
        }

        long line() {
            return record.getStartingLineNumber();
        }

        PackException error(String column, String problem) {
            return new PackException(file, line(), columns.get(column) + 1, problem);
        }

        /** A non-blank text value. */
        String text(String column) throws PackException {
            String value = record.getField(columns.get(column)).strip();
            if (value.isEmpty()) {
                throw error(column, column + " is empty");
            }
            return value;
        }

        /** A finite number. */
        double number(String column) throws PackException {
            String value = text(column);
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
                throw error(column, column + " must not be negative, found " + value);
            }
            return value;
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
                    throw error(column, column + " must not be negative, found " + parsed);
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
                throw error(column, column + " must be a date like 2026-11-02, found '" + value + "'");
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

        /** The raw field, possibly empty. */
        String raw(String column) {
            return record.getField(columns.get(column)).strip();
        }
    }
}
