package org.verdict.core.summary;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.verdict.core.pack.PackManifest;

/**
 * Runs the printed SQL's row checks query with DuckDB over a CSV of rows read as text (as a lake table of strings),
 * writing the checks table the way an engine elsewhere would, for {@code --engine import}.
 */
public final class RowCheckTables {
    private RowCheckTables() {
    }

    /**
     * @param holdout whether the rows are the held-out set (sliced by the manifest's holdout suite)
     * @return {@code out}
     */
    public static Path write(PackManifest manifest, boolean scores, Path rowsCsv, boolean holdout, Path out)
            throws SQLException {
        SummarySql sql = new SummarySql(SqlDialect.DUCKDB, SummaryLayout.of(manifest, scores, true), manifest,
                "evals", 1L, SummarySql.DEFAULT_BLOCKS);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW evals AS SELECT * FROM read_csv(" + SqlDialect.DUCKDB.literal(
                    rowsCsv.toString()) + ", header = true, all_varchar = true)");
            String query = holdout ? sql.forHoldout("evals").checksQuery() : sql.checksQuery();
            statement.execute("COPY (" + query + ") TO " + SqlDialect.DUCKDB.literal(out.toString()) + " (HEADER)");
        }
        return out;
    }
}
