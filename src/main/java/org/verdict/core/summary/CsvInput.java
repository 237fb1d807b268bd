package org.verdict.core.summary;

import static org.verdict.core.summary.SqlDialect.DUCKDB;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackText;
import org.verdict.core.pack.RowProblems;

/**
 * CSV rows as DuckDB reads them for a summary: the header of every file matched is read here and must be the same, and
 * DuckDB is given its columns instead of sniffing them. DuckDB's sniffer guesses a dialect from a sample and fails
 * outright on a sample holding a broken row ("could not detect the CSV dialect"), so the broken row could not be named.
 */
final class CsvInput {
    private CsvInput() {
    }

    /** DuckDB's read_csv of the files matching {@code pattern}, strict, every column as text. */
    static String relation(Statement statement, String pattern, String extraOptions)
            throws SQLException, PackException {
        List<String> header = header(statement, pattern);
        List<String> columns = new ArrayList<>();
        for (String name : header) {
            columns.add(DUCKDB.literal(name) + ": 'VARCHAR'");
        }
        return "read_csv(" + DUCKDB.literal(pattern) + ", header = true, auto_detect = false, columns = {"
                + String.join(", ", columns) + "}, delim = ',', quote = '\"', escape = '\"', strict_mode = true, "
                + "skip = 0, comment = ''" + extraOptions + ")";
    }

    /**
     * The lines of the files matching {@code pattern}, each one value in column {@code line}, no quote or delimiter
     * honoured: where the strict reader's values keep no trace of what is written around them.
     */
    static String rawLines(String pattern) {
        return "read_csv(" + DUCKDB.literal(pattern) + ", header = false, auto_detect = false, columns = {'line': 'VARCHAR'}, "
                + "delim = '\\0', quote = '', escape = '', new_line = '\\n', strict_mode = false, skip = 0, "
                + "comment = '')";
    }

    /** The one header of all files the pattern matches, as the row loader reads it (names trimmed, none twice). */
    private static List<String> header(Statement statement, String pattern) throws SQLException, PackException {
        List<String> files = new ArrayList<>();
        try (ResultSet matched = statement.executeQuery("SELECT file FROM glob(" + DUCKDB.literal(pattern)
                + ") ORDER BY file")) {
            while (matched.next()) {
                files.add(matched.getString(1));
            }
        }
        if (files.isEmpty()) {
            throw new PackException(pattern, "matches no file");
        }
        List<String> first = headerOf(files.get(0));
        for (String file : files.subList(1, files.size())) {
            List<String> other = headerOf(file);
            if (!other.equals(first)) {
                throw PackException.inHeader(file, "has the columns " + String.join(",", other) + " but "
                        + files.get(0) + " has " + String.join(",", first)
                        + "; every file of the rows needs the same header");
            }
        }
        return first;
    }

    private static List<String> headerOf(String file) throws PackException {
        try (Reader text = PackText.utf8Reader(Path.of(file));
             CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(text)) {
            for (CsvRecord record : csv) {
                List<String> names = record.getFields().stream().map(String::strip).toList();
                Map<String, Integer> seen = new HashMap<>();
                for (int c = 0; c < names.size(); c++) {
                    Integer first = seen.putIfAbsent(names.get(c), c);
                    if (first != null) {
                        throw new PackException(file, 1, c + 1, RowProblems.repeatedColumnName(names.get(c),
                                first + 1));
                    }
                }
                return names;
            }
            throw new PackException(file, 1, 0, "is empty; a header row is expected");
        } catch (IOException | UncheckedIOException e) {
            throw PackText.readFailure(Path.of(file), file, e);
        }
    }
}
