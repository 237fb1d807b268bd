package org.verdict.core.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What an insider does with the sqlite3 shell, done with sqlite-jdbc: drop the append-only triggers, then change
 * rows at will. Tests work on a copy of a store, as an attacker with a copy would.
 */
final class StoreSurgery {
    interface Change {
        void apply(Connection sql) throws SQLException;
    }

    private StoreSurgery() {
    }

    static Path copyOf(Path store, Path dir, String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(store, copy);
        return copy;
    }

    /** Every row of every table but schema_version, with its rowid, blobs in hex: what a migration must not change. */
    static String rows(Path db) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            List<String> tables = StoreSchema.tables(sql).stream().filter(t -> !t.equals("schema_version")).toList();
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT rowid, * FROM " + table + " ORDER BY rowid")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        dump.append(table);
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            Object value = rows.getObject(c);
                            dump.append(" | ").append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                    : value);
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** Drops the append-only triggers, makes the change and puts them back, as an intruder covering tracks would. */
    static void withTriggersDropped(Path db, Change change) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<String> definitions = dropTriggers(sql);
            change.apply(sql);
            try (Statement s = sql.createStatement()) {
                for (String definition : definitions) {
                    s.execute(definition);
                }
            }
        }
    }

    /** Drops every trigger of the store; returns their definitions. */
    static List<String> dropTriggers(Connection sql) throws SQLException {
        List<String> triggers = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                triggers.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        try (Statement s = sql.createStatement()) {
            for (String trigger : triggers) {
                s.execute("DROP TRIGGER " + trigger);
            }
        }
        return definitions;
    }

    static void execute(Path db, String... statements) throws SQLException {
        withTriggersDropped(db, sql -> {
            try (Statement s = sql.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
        });
    }

    static byte[] bytes(Path db, String query, Object... parameters) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement select = sql.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    static VerificationReport verify(Path db) throws LedgerException {
        return verify(db, VerificationOptions.STORE_ONLY);
    }

    static VerificationReport verify(Path db, VerificationOptions options) throws LedgerException {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return new LogVerifier().verify(log.snapshot(), options, org.verdict.core.task.Progress.NONE);
        }
    }

    static boolean anyProblem(VerificationReport report, String fragment) {
        return report.problems().stream().anyMatch(p -> p.toString().contains(fragment));
    }
}
