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
 * UPDATE and DELETE, and (from format 3) an INSERT whose row would take the key of a stored one, which
 * {@code INSERT OR REPLACE}, {@code REPLACE INTO} and an UPSERT would otherwise use to delete that row: SQLite fires no
 * delete trigger for a row REPLACE deletes unless the connection has {@code PRAGMA recursive_triggers} on.
 */
final class StoreSchema {
    /**
     * Migration i brings a store from version i to version i + 1. Each is made when it is applied: version 1 draws
     * the store's origin, which must differ between stores created by one process.
     */
    private static final List<Supplier<List<String>>> MIGRATIONS = List.of(StoreSchema::version1,
            StoreSchema::version2, StoreSchema::version3);

    static final int CURRENT_VERSION = MIGRATIONS.size();
    /** The append-only tables each version adds. */
    private static final String[] VERSION1_TABLES = {"log_info", "signers", "revocations", "records", "signatures",
        "checkpoints"};
    private static final String[] VERSION2_TABLES = {"entries", "entry_signatures"};
    private static final List<String> OPERATIONS = List.of("UPDATE", "DELETE");
    /** The operation whose guard (format 3) refuses a row that would take the key of a stored one. */
    private static final String INSERT = "INSERT";
    /**
     * How a new row of each append-only table takes the key of a stored one: its rowid (an INTEGER PRIMARY KEY is
     * that rowid; an INSERT that leaves it to SQLite shows -1 to a BEFORE INSERT trigger, which no stored row has) or
     * any other PRIMARY KEY or UNIQUE column set of the table.
     */
    private static final java.util.Map<String, String> KEY_TAKEN = java.util.Map.of(
            "log_info", "rowid = NEW.rowid OR key = NEW.key",
            "signers", "rowid = NEW.rowid OR key_id = NEW.key_id",
            "revocations", "rowid = NEW.rowid OR key_id = NEW.key_id",
            "records", "rowid = NEW.rowid OR record_id = NEW.record_id",
            "signatures", "rowid = NEW.rowid OR (record_seq = NEW.record_seq AND key_id = NEW.key_id)",
            "checkpoints", "rowid = NEW.rowid",
            "entries", "rowid = NEW.rowid OR entry_id = NEW.entry_id",
            "entry_signatures", "rowid = NEW.rowid OR (entry_seq = NEW.entry_seq AND key_id = NEW.key_id)");

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

    /**
     * The format whose tables the store has: {@code version}, unless that says 1 of a store with an entries table,
     * which only format 2 and later create (its schema_version was lowered by hand; {@link #guardFaults} reports it).
     * Read by its tables, such a store keeps its entries and checkpoints, so verification can name the set-back rather
     * than misread every checkpoint.
     */
    static int layout(Connection connection, int version) throws SQLException {
        return version < 2 && tables(connection).contains("entries") ? 2 : version;
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

    /**
     * Format 3: every append-only table refuses an INSERT whose row would take the key of a stored one. Nothing else
     * changes, so a store of format 2 takes it without any row being touched.
     */
    private static List<String> version3() {
        return guardedTables(3).stream().map(table -> guardSql(table, INSERT)).toList();
    }

    private static List<String> appendOnly(String... tables) {
        List<String> sql = new java.util.ArrayList<>();
        for (String table : tables) {
            for (String operation : OPERATIONS) {
                sql.add(guardSql(table, operation));
            }
        }
        return sql;
    }

    /** Every guard trigger of a store of {@code version} by name, as created. */
    private static java.util.Map<String, String> guards(int version) {
        java.util.Map<String, String> guards = new java.util.LinkedHashMap<>();
        for (String table : guardedTables(version)) {
            for (String operation : OPERATIONS) {
                guards.put(guardName(table, operation), guardSql(table, operation));
            }
            if (version >= 3) {
                guards.put(guardName(table, INSERT), guardSql(table, INSERT));
            }
        }
        return guards;
    }

    /**
     * The one definition of a guard trigger: what the store creates and what {@link #guardFaults} expects to find.
     * SQLite keeps the statement's text, without the IF NOT EXISTS, in {@code sqlite_master.sql}; stores made before
     * the IF NOT EXISTS was added hold the same text.
     */
    private static String guardSql(String table, String operation) {
        if (INSERT.equals(operation)) {
            return "CREATE TRIGGER IF NOT EXISTS " + guardName(table, operation) + " BEFORE INSERT ON " + table
                    + " WHEN EXISTS (SELECT 1 FROM " + table + " WHERE " + KEY_TAKEN.get(table) + ")"
                    + " BEGIN SELECT RAISE(ABORT, 'the decision log is append-only: an INSERT into " + table
                    + " over a stored row is refused'); END";
        }
        return "CREATE TRIGGER IF NOT EXISTS " + guardName(table, operation) + " BEFORE " + operation + " ON " + table
                + " BEGIN SELECT RAISE(ABORT, 'the decision log is append-only: " + operation + " of " + table
                + " is refused'); END";
    }

    /** A trigger's statement as compared: whitespace runs as one space, the IF NOT EXISTS SQLite does not keep. */
    private static String normalised(String sql) {
        return sql.strip().replaceAll("\\s+", " ").replaceFirst("(?i)^CREATE TRIGGER IF NOT EXISTS ", "CREATE TRIGGER ");
    }

    private static String guardName(String table, String operation) {
        return table + (INSERT.equals(operation) ? "_no_replace" : "_no_" + operation.toLowerCase(java.util.Locale.ROOT));
    }

    /** The append-only tables of a store of {@code version}. */
    private static List<String> guardedTables(int version) {
        return version >= 2 ? java.util.stream.Stream.concat(java.util.Arrays.stream(VERSION1_TABLES),
                java.util.Arrays.stream(VERSION2_TABLES)).toList() : List.of(VERSION1_TABLES);
    }

    /** Each guard trigger of a store of {@code version} by name, as its statement normalised. */
    private static java.util.Map<String, String> expectedGuards(int version) {
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        guards(version).forEach((name, sql) -> expected.put(name, normalised(sql)));
        return expected;
    }

    /**
     * How the append-only guard of a store of {@code version} is not as Verdict made it, by something with write
     * access to the file (Verdict never changes it): triggers dropped, triggers whose statement is not the one Verdict
     * creates (a {@code WHEN 0} that makes one inert, one of that name on another table or for another operation),
     * and triggers or views Verdict never makes (which could stand in for a table or act on its rows). A name alone
     * proves nothing. The records stay checked by their hashes and signatures; the store only may no longer refuse a
     * change by itself. {@code PRAGMA recursive_triggers} is a setting of a connection, not of the file, so it is not
     * the store's to keep.
     */
    static GuardFaults guardFaults(Connection connection, int version, List<LogEntry> entries) throws SQLException {
        List<String[]> found = triggersAndViews(connection);
        GuardFaults.FormatSetBack setBack = setBack(version, entries);
        if (setBack == null) {
            setBack = setBackByTables(connection, version, found);
        }
        // a store set back is held to the guard of the format its chain (or its tables) records
        java.util.Map<String, String> expected = expectedGuards(setBack == null ? version : setBack.recorded());
        List<String> altered = new java.util.ArrayList<>();
        List<String> foreign = new java.util.ArrayList<>();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (String[] object : found) {
            String type = object[0];
            String name = object[1];
            String sql = object[2];
            String wanted = "trigger".equals(type) ? expected.get(name) : null;
            if (wanted == null) {
                foreign.add(type + " " + name);
            } else if (sql == null || !wanted.equals(normalised(sql))) {
                altered.add(name);
                present.add(name);
            } else {
                present.add(name);
            }
        }
        List<String> dropped = expected.keySet().stream().filter(name -> !present.contains(name)).toList();
        return new GuardFaults(dropped, altered, foreign, setBack);
    }

    /** The store's triggers and views, each as {type, name, sql}, by name. */
    private static List<String[]> triggersAndViews(Connection connection) throws SQLException {
        List<String[]> found = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name")) {
            while (rows.next()) {
                found.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        return found;
    }

    /**
     * A store whose schema_version says 1 but which has the table of log entries only format 2 and later create, when
     * no entry records its format (a store of format 2, or made by a Verdict before the chain recorded it): its version
     * was lowered all the same, and read as format 1 its guard would leave the entries unguarded. It is held to format
     * 3's guard when it still has a trigger only format 3 creates, else to format 2's. Null when the tables are those
     * of its version.
     */
    private static GuardFaults.FormatSetBack setBackByTables(Connection connection, int version, List<String[]> found)
            throws SQLException {
        int layout = layout(connection, version);
        if (layout <= version) {
            return null;
        }
        java.util.Set<String> formatThreeOnly = new java.util.HashSet<>(expectedGuards(3).values());
        formatThreeOnly.removeAll(expectedGuards(2).values());
        boolean formatThree = found.stream().anyMatch(object -> "trigger".equals(object[0]) && object[2] != null
                && formatThreeOnly.contains(normalised(object[2])));
        return new GuardFaults.FormatSetBack(null, Math.max(layout, formatThree ? 3 : 2), version, false);
    }

    /**
     * The latest format an entry of the chain records (a migration, or a stated format), when it is later than
     * {@code version}; null when none is. Entries that are not intact are left to verification, which says so.
     */
    private static GuardFaults.FormatSetBack setBack(int version, List<LogEntry> entries) {
        GuardFaults.FormatSetBack latest = null;
        for (LogEntry entry : entries) {
            EntryStatement statement = entry.statement().orElse(null);
            Integer recorded = statement == null ? null : statement.recordedFormat().orElse(null);
            if (recorded != null && recorded > version && (latest == null || recorded > latest.recorded())) {
                latest = new GuardFaults.FormatSetBack(entry.label(), recorded, version,
                        EntryStatement.MIGRATE.equals(statement.kind()));
            }
        }
        return latest;
    }

    /** Whether an entry of the chain records the store's format: a migration to it, or the format stated. */
    static boolean recordsFormat(List<LogEntry> entries) {
        return entries.stream().flatMap(entry -> entry.statement().stream())
                .anyMatch(statement -> statement.recordedFormat().isPresent());
    }

    /**
     * Makes the append-only guard of a store of {@code version} as Verdict made it again: triggers and views it never
     * makes are dropped, altered triggers are made anew, dropped ones again. The caller holds the write transaction.
     */
    static void restoreGuards(Connection connection, int version, GuardFaults faults) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String object : faults.foreign()) {
                String[] typeAndName = object.split(" ", 2);
                statement.execute("DROP " + typeAndName[0].toUpperCase(java.util.Locale.ROOT) + " \""
                        + typeAndName[1].replace("\"", "\"\"") + "\"");
            }
            for (String name : faults.altered()) {
                statement.execute("DROP TRIGGER \"" + name + "\"");
            }
            for (String sql : guards(version).values()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * The rows of {@code log_info} other than its origin, key → value in the order they were added: Verdict writes
     * none, of any format so far.
     */
    static java.util.Map<String, String> unknownInfo(Connection connection) throws SQLException {
        java.util.Map<String, String> unknown = new java.util.LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key, value FROM log_info WHERE key <> 'origin'"
                     + " ORDER BY rowid")) {
            while (rows.next()) {
                unknown.put(rows.getString(1), rows.getString(2));
            }
        }
        return unknown;
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
