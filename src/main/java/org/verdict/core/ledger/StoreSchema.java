package org.verdict.core.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The store's schema and its migrations. The version lives in {@code schema_version}; a store written by a newer
 * Verdict is refused rather than misread. Every table but {@code schema_version} is append-only: triggers refuse
 * UPDATE and DELETE.
 */
final class StoreSchema {
    /**
     * Migration i brings a store from version i to version i + 1. Each is made when it is applied: version 1 draws
     * the store's origin, which must differ between stores created by one process.
     */
    private static final List<Supplier<List<String>>> MIGRATIONS = List.of(StoreSchema::version1,
            StoreSchema::version2);

    static final int CURRENT_VERSION = MIGRATIONS.size();
    /** The append-only tables each version adds. */
    private static final String[] VERSION1_TABLES = {"log_info", "signers", "revocations", "records", "signatures",
        "checkpoints"};
    private static final String[] VERSION2_TABLES = {"entries", "entry_signatures"};
    private static final List<String> OPERATIONS = List.of("UPDATE", "DELETE");

    private StoreSchema() {
    }

    /** The store's version; 0 for an empty file. */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT max(version) FROM schema_version")) {
            return row.getInt(1);
        }
    }

    /** Tables of the file that SQLite did not make itself: none in a store whose creation was interrupted. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Applies the missing migrations; the caller holds the write transaction. */
    static void migrate(Connection connection, int from) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int version = from; version < CURRENT_VERSION; version++) {
                for (String sql : MIGRATIONS.get(version).get()) {
                    statement.execute(sql);
                }
                statement.execute("DELETE FROM schema_version");
                statement.execute("INSERT INTO schema_version(version) VALUES (" + (version + 1) + ")");
            }
        }
    }

    private static List<String> version1() {
        List<String> sql = new java.util.ArrayList<>(List.of(
                "CREATE TABLE schema_version (version INTEGER NOT NULL)",
                "CREATE TABLE log_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "INSERT INTO log_info(key, value) VALUES ('origin', 'verdict-decision-log/" + UUID.randomUUID() + "')",
                "CREATE TABLE signers (key_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,"
                        + " public_key TEXT NOT NULL, registered_at TEXT NOT NULL)",
                "CREATE TABLE revocations (key_id TEXT PRIMARY KEY REFERENCES signers(key_id),"
                        + " revoked_at TEXT NOT NULL, reason TEXT NOT NULL)",
                "CREATE TABLE records (seq INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE,"
                        + " payload_type TEXT NOT NULL, payload BLOB NOT NULL, appended_at TEXT NOT NULL)",
                "CREATE TABLE signatures (sig_seq INTEGER PRIMARY KEY, record_seq INTEGER NOT NULL REFERENCES records(seq),"
                        + " key_id TEXT NOT NULL REFERENCES signers(key_id), signature BLOB NOT NULL,"
                        + " signed_at TEXT NOT NULL, UNIQUE (record_seq, key_id))",
                "CREATE TABLE checkpoints (id INTEGER PRIMARY KEY, tree_size INTEGER NOT NULL,"
                        + " signature_count INTEGER NOT NULL, signatures_hash BLOB NOT NULL, origin TEXT NOT NULL,"
                        + " root_hash BLOB NOT NULL, key_id TEXT NOT NULL REFERENCES signers(key_id),"
                        + " signature BLOB NOT NULL)"));
        sql.addAll(appendOnly(VERSION1_TABLES));
        return List.copyOf(sql);
    }

    /**
     * Format 2: who may sign becomes signed, chained log entries (registrations, revocations, the migration itself)
     * covered by every later checkpoint; the signers and revocations tables remain as an index verification checks.
     * Checkpoints made before keep no entry count (null), so their signed notes stay as they were.
     */
    private static List<String> version2() {
        List<String> sql = new java.util.ArrayList<>(List.of(
                "CREATE TABLE entries (seq INTEGER PRIMARY KEY, entry_id TEXT NOT NULL UNIQUE, payload BLOB NOT NULL)",
                "CREATE TABLE entry_signatures (entry_seq INTEGER NOT NULL REFERENCES entries(seq),"
                        + " key_id TEXT NOT NULL REFERENCES signers(key_id), signature BLOB NOT NULL,"
                        + " PRIMARY KEY (entry_seq, key_id))",
                "ALTER TABLE checkpoints ADD COLUMN entry_count INTEGER",
                "ALTER TABLE checkpoints ADD COLUMN entries_hash BLOB"));
        sql.addAll(appendOnly(VERSION2_TABLES));
        return List.copyOf(sql);
    }

    private static List<String> appendOnly(String... tables) {
        List<String> sql = new java.util.ArrayList<>();
        for (String table : tables) {
            for (String operation : OPERATIONS) {
                sql.add("CREATE TRIGGER IF NOT EXISTS " + guardName(table, operation) + " BEFORE " + operation + " ON "
                        + table + " BEGIN SELECT RAISE(ABORT, 'the decision log is append-only: " + operation
                        + " of " + table + " is refused'); END");
            }
        }
        return sql;
    }

    private static String guardName(String table, String operation) {
        return table + "_no_" + operation.toLowerCase(java.util.Locale.ROOT);
    }

    /** The append-only tables of a store of {@code version}. */
    private static String[] guardedTables(int version) {
        return version >= 2 ? java.util.stream.Stream.concat(java.util.Arrays.stream(VERSION1_TABLES),
                java.util.Arrays.stream(VERSION2_TABLES)).toArray(String[]::new) : VERSION1_TABLES;
    }

    /**
     * The triggers that keep a store of {@code version} append-only and that it no longer has: dropped by someone
     * with write access to the file (Verdict never drops them). The records stay checked by their hashes and
     * signatures; the store only no longer refuses a change by itself.
     */
    static List<String> missingGuards(Connection connection, int version) throws SQLException {
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                present.add(rows.getString(1));
            }
        }
        List<String> missing = new java.util.ArrayList<>();
        for (String table : guardedTables(version)) {
            for (String operation : OPERATIONS) {
                if (!present.contains(guardName(table, operation))) {
                    missing.add(guardName(table, operation));
                }
            }
        }
        return missing;
    }

    /** Makes the dropped triggers of a store of {@code version} again; the caller holds the write transaction. */
    static void restoreGuards(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : appendOnly(guardedTables(version))) {
                statement.execute(sql);
            }
        }
    }

    /** The store's origin line, made once when the store is created. */
    static String origin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM log_info WHERE key = 'origin'")) {
            if (!row.next()) {
                throw new SQLException("the store has no origin");
            }
            return row.getString(1);
        }
    }
}
