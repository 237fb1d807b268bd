package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values that a naive literal gets wrong, read back by DuckDB (Spark's reading is checked in
 * {@link SparkSummaryTest}, which has the session).
 */
class SqlLiteralsTest {
    /** Quotes, backslashes and both together, as slice values and labels may hold them. */
    static final List<String> AWKWARD = List.of("it's fraud", "O'Brien's rows", "''", "'", "back\\slash",
            "ends with \\", "\\'", "a\\\\b", "l'eu", "plain", "ünïcode 'quoted'");

    @Test
    void duckDbReadsEveryLiteralAsTheValueItHolds() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (String value : AWKWARD) {
                try (ResultSet read = statement.executeQuery("SELECT " + SqlDialect.DUCKDB.literal(value))) {
                    read.next();
                    assertEquals(value, read.getString(1), value);
                }
            }
        }
    }
}
