package org.verdict.core.pack;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.verdict.core.task.Progress;

/**
 * Reads a Parquet file of a pack through DuckDB in-process, row by row as text, so a suite written as Parquet is
 * checked by the same code, with the same messages, as the same suite written as CSV. Numbers come back as plain
 * decimals that read back to the very same double, NULL as an empty value. Parquet has no lines: a problem is placed
 * at "row N, column C", N counting the data rows from 1 in file order and C the column's position in the file's
 * schema (see {@link #located}).
 */
public final class ParquetRows {
    /** Receives the column names of the file's schema, in order. */
    @FunctionalInterface
    public interface Header {
        void read(List<String> names) throws PackException;
    }

    /** Receives one row and its number, counting from 1; the values are read as they are asked for. */
    @FunctionalInterface
    public interface Row {
        void read(Values values, long row) throws PackException;
    }

    /**
     * The current row's values. Each is read from DuckDB when asked for, and a number column's value can be had as
     * the stored double, without a round trip through text (most of the time of reading scores).
     */
    public static final class Values {
        private final ResultSet result;
        private final int[] types;
        private final String fileName;

        private Values(ResultSet result, int[] types, String fileName) {
            this.result = result;
            this.types = types;
            this.fileName = fileName;
        }

        public int count() {
            return types.length;
        }

        /** The value as text: empty for NULL, numbers as plain decimals that read back to the same double. */
        public String text(int column) throws PackException {
            try {
                return ParquetRows.text(result, column + 1, types[column]);
            } catch (SQLException e) {
                throw unreadable(e);
            }
        }

        /** Whether the column holds booleans, whose values read as 'true' and 'false'. */
        public boolean isBoolean(int column) {
            return types[column] == Types.BOOLEAN;
        }

        /** Whether the column holds floating-point numbers, which {@link #number} gives as stored. */
        public boolean isFloatingPoint(int column) {
            return isFloatingPointType(types[column]);
        }

        /** A floating-point column's value as stored; NaN for NULL. */
        public double number(int column) throws PackException {
            try {
                double value = result.getDouble(column + 1);
                return result.wasNull() ? Double.NaN : value;
            } catch (SQLException e) {
                throw unreadable(e);
            }
        }

        private PackException unreadable(SQLException e) {
            return new PackException(fileName, "is not a readable Parquet file: " + e.getMessage());
        }

        /** Every value as text, e.g. for a suite read as a list of fields. */
        public String[] texts() throws PackException {
            String[] all = new String[types.length];
            for (int c = 0; c < all.length; c++) {
                all[c] = text(c);
            }
            return all;
        }
    }

    private ParquetRows() {
    }

    /** Whether a pack file is read as Parquet: by its name, as DuckDB and Spark name them. */
    public static boolean isParquet(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * Reads {@code file} (named {@code fileName} in errors). A problem {@code header} or {@code rows} raise with a line
     * (the row number given them) and column comes out placed as "row N, column C", one about the schema as
     * "column C of the schema"; a file DuckDB cannot read as Parquet is refused with DuckDB's reason.
     */
    public static void read(Path file, String fileName, Progress progress, Header header, Row rows)
            throws PackException {
        String path = file.toAbsolutePath().toString();
        if (path.matches(".*[*?\\[\\]{}].*")) {
            // DuckDB would take these for a glob pattern and could read other files than the one named
            throw new PackException(fileName, "a Parquet file's path may not hold * ? [ ] { }: " + path);
        }
        Properties streaming = new Properties();
        streaming.setProperty("jdbc_stream_results", "true");
        // the path is bound as a parameter, never written into the SQL, so no character of it can change the query
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", streaming);
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM read_parquet(?)")) {
            statement.setString(1, path);
            // DuckDB's default of every core: it decodes the next row groups while this thread checks the rows
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                int columns = meta.getColumnCount();
                List<String> names = new ArrayList<>();
                int[] types = new int[columns];
                for (int c = 0; c < columns; c++) {
                    names.add(meta.getColumnName(c + 1));
                    types[c] = meta.getColumnType(c + 1);
                }
                try {
                    header.read(names);
                } catch (PackException problem) {
                    throw new PackException(fileName, (problem.column() > 0 ? "column " + problem.column()
                            + " of the schema: " : "") + problem.problem());
                }
                Values values = new Values(result, types, fileName);
                long row = 0;
                while (result.next()) {
                    row++;
                    try {
                        rows.read(values, row);
                    } catch (PackException problem) {
                        throw located(problem);
                    }
                    if ((row & 0xFFFF) == 0) {
                        progress.checkCancelled();
                        progress.update(-1, "Reading " + fileName);
                    }
                }
            }
        } catch (SQLException e) {
            // DuckDB's first line says what is wrong; the rest echoes the query, with the path of a temporary copy
            String reason = String.valueOf(e.getMessage()).strip().split("\\R", 2)[0];
            throw new PackException(fileName, "is not a readable Parquet file: " + reason.replace(path, fileName));
        }
    }

    /**
     * A problem raised with a row number in place of a line, as Parquet has no lines: "row N, column C: problem"
     * (the whole location in the text, as line and column stay 0).
     */
    public static PackException located(PackException problem) {
        if (problem.line() <= 0) {
            return problem;
        }
        String where = "row " + problem.line() + (problem.column() > 0 ? ", column " + problem.column() : "");
        return new PackException(problem.file(), where + ": " + problem.problem());
    }

    private static boolean isFloatingPointType(int type) {
        return type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL;
    }

    private static String text(ResultSet result, int column, int type) throws SQLException {
        switch (type) {
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double value = result.getDouble(column);
                if (result.wasNull()) {
                    return "";
                }
                // plain digits that read back to the same double; NaN and infinities as words the readers refuse
                return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal value = result.getBigDecimal(column);
                return value == null ? "" : value.toPlainString();
            }
            default -> {
                String value = result.getString(column);
                return value == null ? "" : value;
            }
        }
    }
}
