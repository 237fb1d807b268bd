package org.verdict.core.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.verdict.core.pack.Hashes;

/**
 * Runs the row checks query of a printed script with DuckDB, writing the checks table the way an engine elsewhere
 * would, for {@code --engine import}: the query as the script holds it (split as the docs' recipes split it), so its
 * script id is the script's.
 */
public final class RowCheckTables {
    private RowCheckTables() {
    }

    /**
     * What another Verdict would have printed: {@code script} as {@code change} makes it, with the id that text then
     * has ({@link SummarySql#scriptId}: the SHA-256 of the text with its id written as 64 zeros) in place of the old.
     */
    public static String printedOtherwise(String script, UnaryOperator<String> change) {
        String id = Pattern.compile("'([0-9a-f]{64})'").matcher(script).results().map(m -> m.group(1))
                .filter(candidate -> SummarySql.isPrintedAs(script, candidate)).findFirst()
                .orElseThrow(() -> new AssertionError("not a script as Verdict printed it"));
        String zeroed = change.apply(script.replace(id, "0".repeat(64)));
        return zeroed.replace("0".repeat(64), Hashes.sha256Hex(zeroed));
    }

    /**
     * @param script a script {@link SummarySql#script} printed, whose source DuckDB can read from here (e.g. the
     *               {@code summary.sql} of a pack {@code --engine duckdb} made)
     * @param holdout whether to run the held-out set's checks query rather than the primary rows'
     * @return {@code out}
     */
    public static Path write(Path script, boolean holdout, Path out) throws SQLException, IOException {
        String heading = "-- " + (holdout ? "holdout " : "") + RowChecks.HEADING + " (";
        String query = Arrays.stream(Files.readString(script).split(";\n")).filter(q -> q.contains(heading))
                .findFirst().orElseThrow(() -> new AssertionError(script + " has no query headed " + heading));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query + ") TO " + SqlDialect.DUCKDB.literal(out.toString()) + " (HEADER)");
        }
        return out;
    }
}
