package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite deletes the stored row an {@code INSERT OR REPLACE}, {@code REPLACE INTO} or UPSERT conflicts with without
 * firing its delete trigger (unless the connection turned {@code recursive_triggers} on), so from format 3 every
 * append-only table also refuses an INSERT over a stored row. A store of format 2 (made by the previous Verdict, kept
 * in {@code ledger/format-2-store}) still opens and verifies as it is, and gains that guard in one transaction when it
 * is opened for writing, without any row being changed.
 */
class ReplaceGuardTest {
    private static final SignerKey LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final String FIXTURE = "/ledger/format-2-store/";

    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        return TamperedStore.copyOfResource(FIXTURE + name, dir.resolve(name));
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(Path db, String query) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement();
             ResultSet row = s.executeQuery(query)) {
            return row.getLong(1);
        }
    }

    /** A store of the current format with a row in every append-only table (a revocation too). */
    private Path everyTableFilled() throws Exception {
        Path db = TamperedStore.withRecords(dir.resolve("decisions.db"), LEAD, LedgerFixtures.retraining("first"),
                LedgerFixtures.promotion(2, "second"));
        SignerKey lost = LedgerFixtures.signer("Mallory Byrne", Roles.ML_LEAD);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerFixtures.registerEndorsed(log, lost, LEAD);
            log.revoke(lost.identity().keyId(), "laptop stolen", lost);
        }
        for (String table : List.of("log_info", "signers", "revocations", "records", "signatures", "checkpoints",
                "entries", "entry_signatures")) {
            assertTrue(count(db, "SELECT count(*) FROM " + table) > 0, table + " has a row to replace");
        }
        return db;
    }

    @Test
    void everyWayOfInsertingOverAStoredRowIsRefusedThroughPlainJdbc() throws Exception {
        Path db = everyTableFilled();
        String before = StoreSurgery.rows(db);
        List<String> attempts = List.of(
                "INSERT OR REPLACE INTO records(seq, record_id, payload_type, payload, appended_at)"
                        + " SELECT seq, record_id, payload_type, X'00', appended_at FROM records WHERE seq = 2",
                "REPLACE INTO records SELECT seq, record_id, payload_type, X'00', appended_at FROM records"
                        + " WHERE seq = 2",
                // an UPSERT's DO UPDATE would meet the UPDATE guard too; its INSERT is refused before that
                "INSERT INTO records(seq, record_id, payload_type, payload, appended_at) SELECT seq, record_id,"
                        + " payload_type, payload, appended_at FROM records WHERE seq = 2"
                        + " ON CONFLICT(seq) DO UPDATE SET payload = X'00'",
                "INSERT INTO records(seq, record_id, payload_type, payload, appended_at) SELECT seq, record_id,"
                        + " payload_type, payload, appended_at FROM records WHERE seq = 2 ON CONFLICT DO NOTHING",
                // a new sequence number whose record id is taken: REPLACE would delete record #2 to make room
                "INSERT OR REPLACE INTO records(seq, record_id, payload_type, payload, appended_at)"
                        + " SELECT 99, record_id, payload_type, payload, appended_at FROM records WHERE seq = 2",
                // a new key on a taken rowid: REPLACE would delete the first signer's row
                "INSERT OR REPLACE INTO signers(rowid, key_id, name, role, public_key, registered_at)"
                        + " SELECT rowid, 'ffff', name, role, public_key, registered_at FROM signers LIMIT 1",
                "INSERT OR REPLACE INTO signatures(record_seq, key_id, signature, signed_at)"
                        + " SELECT record_seq, key_id, X'00', signed_at FROM signatures LIMIT 1",
                "INSERT OR REPLACE INTO entry_signatures(entry_seq, key_id, signature)"
                        + " SELECT entry_seq, key_id, X'00' FROM entry_signatures LIMIT 1",
                "REPLACE INTO log_info SELECT * FROM log_info",
                "REPLACE INTO revocations SELECT key_id, revoked_at, 'found again' FROM revocations",
                "REPLACE INTO checkpoints SELECT * FROM checkpoints WHERE id = 1",
                "REPLACE INTO entries SELECT seq, entry_id, X'00' FROM entries WHERE seq = 1");
        for (String attempt : attempts) {
            SQLException refused = assertThrows(SQLException.class, () -> sql(db, attempt), attempt);
            assertTrue(refused.getMessage().contains("the decision log is append-only: an INSERT into "),
                    attempt + ": " + refused.getMessage());
        }
        assertEquals(before, StoreSurgery.rows(db), "no row was deleted or changed");
        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isIntact(), report.problems().toString());
        // the guard refuses only a row over a stored one: a new row is what an append is
        assertDoesNotThrow(() -> sql(db, "INSERT INTO log_info(key, value) VALUES ('note', 'appended')"));
    }

    /** Why the guard grew: the previous format let REPLACE delete and rewrite a record, which only its hash caught. */
    @Test
    void aFormat2StoreLetsReplaceThroughWhichOnlyTheRecordsHashCatches() throws Exception {
        Path db = fixture("decisions.db");
        sql(db, "REPLACE INTO records SELECT seq, record_id, payload_type, X'00', appended_at FROM records"
                + " WHERE seq = 2");
        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isTampered(), report.problems().toString());
        assertEquals(2L, report.firstBadRecord().orElseThrow());
    }

    @Test
    void aFormat2StoreVerifiesAsItIsAndGainsTheGuardWithoutAnyRowChanged() throws Exception {
        Path db = fixture("decisions.db");
        Checkpoint kept = Checkpoint.readJson(fixture("checkpoint.json"));
        String before = StoreSurgery.rows(db);
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals(2, log.snapshot().formatVersion());
        }
        assertEquals(16, count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
        VerificationReport old = StoreSurgery.verify(db);
        assertTrue(old.isIntact(), old.problems().toString());
        assertEquals(4, old.recordCount());

        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(StoreSchema.CURRENT_VERSION, log.snapshot().formatVersion());
        }
        assertEquals(3, count(db, "SELECT max(version) FROM schema_version"), "the schema version records it");
        assertEquals(1, count(db, "SELECT count(*) FROM schema_version"));
        assertEquals(24, count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
        assertMigrationEntryOnlyAdded(db, before);
        VerificationReport migrated = StoreSurgery.verify(db, new VerificationOptions(null, kept,
                VerificationOptions.Endorsements.REQUIRED));
        assertTrue(migrated.isIntact(), migrated.problems().toString());
        assertTrue(migrated.outsideCheckpoint().consistent(), "it still extends the checkpoint kept before");

        SQLException refused = assertThrows(SQLException.class, () -> sql(db, "REPLACE INTO records SELECT seq,"
                + " record_id, payload_type, X'00', appended_at FROM records WHERE seq = 2"));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        SignerKey ada = KeyFile.read(fixture("ada-lovelace.key.json")).unlock(Files.readAllLines(
                fixture("passphrase.txt"), StandardCharsets.UTF_8).get(0).toCharArray());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(5, log.append(LedgerFixtures.retraining("after the migration"), ada).sequence());
        }
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /** The migration is one transaction: a step that fails leaves no trigger made and the version as it was. */
    @Test
    void aMigrationThatFailsPartWayLeavesTheFormat2StoreAsItWas() throws Exception {
        Path db = fixture("decisions.db");
        // schema_version is no append-only table; one that refuses version 3 makes the migration's last step fail
        sql(db, "ALTER TABLE schema_version RENAME TO old_version", "CREATE TABLE schema_version (version INTEGER"
                + " NOT NULL CHECK (version < 3))", "INSERT INTO schema_version SELECT version FROM old_version",
                "DROP TABLE old_version");
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
        String before = StoreSurgery.rows(db);
        LedgerException failed = assertThrows(LedgerException.class, () -> DecisionLog.openForWriting(db).close());
        assertTrue(failed.getMessage().contains("CHECK constraint failed"), failed.getMessage());
        assertEquals(16, count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), "no trigger kept");
        assertEquals(2, count(db, "SELECT max(version) FROM schema_version"));
        assertEquals(before, StoreSurgery.rows(db));
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /**
     * A format-2 store whose guard is not format 2's (here: one of format 3's triggers added by hand) is SUSPECT, as
     * before, and opening it for writing does not migrate it, which would make that trigger look like Verdict's.
     */
    @Test
    void aFormat2StoreWithAnotherGuardSetStaysSuspectAndUnmigrated() throws Exception {
        Path db = fixture("decisions.db");
        sql(db, "CREATE TRIGGER records_no_replace BEFORE INSERT ON records WHEN EXISTS (SELECT 1 FROM records"
                + " WHERE rowid = NEW.rowid OR record_id = NEW.record_id) BEGIN SELECT RAISE(ABORT, 'the decision log"
                + " is append-only: an INSERT into records over a stored row is refused'); END");
        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertTrue(report.summary().startsWith("SUSPECT: 1 foreign trigger added — "), report.summary());
        byte[] stored = Files.readAllBytes(db);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(2, log.snapshot().formatVersion(), "not migrated");
            LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.retraining("after"), LEAD));
            assertTrue(refused.getMessage().startsWith("the append-only guard of the decision log " + db + " was"
                    + " changed by something other than Verdict (1 foreign trigger added), so nothing was appended"),
                    refused.getMessage());
        }
        assertArrayEquals(stored, Files.readAllBytes(db), "the file was not changed");
    }

    /** A current store whose new guard was dropped again is SUSPECT, naming those triggers. */
    @Test
    void theReplaceGuardDroppedFromACurrentStoreIsSuspect() throws Exception {
        Path db = everyTableFilled();
        sql(db, "DROP TRIGGER records_no_replace", "DROP TRIGGER signatures_no_replace");
        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertTrue(report.summary().startsWith("SUSPECT: 2 guard triggers dropped — "), report.summary());
        assertTrue(report.problems().get(0).message().contains("missing, 2 triggers dropped (records_no_replace,"
                + " signatures_no_replace)"), report.problems().toString());
    }

    /**
     * A format-2 store left unmigrated because its guard was changed gets its own format's guard back from
     * restore-guard (checked against the checkpoint kept outside it) and is then migrated in the same transaction.
     */
    @Test
    void restoringTheGuardOfASuspectFormat2StoreAlsoMigratesIt() throws Exception {
        Path db = fixture("decisions.db");
        Path keptFile = fixture("checkpoint.json");
        sql(db, "DROP TRIGGER records_no_delete");
        String before = StoreSurgery.rows(db);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(2, log.snapshot().formatVersion());
            GuardFaults restored = log.restoreGuard(Checkpoint.readJson(keptFile), keptFile);
            assertEquals(List.of("records_no_delete"), restored.dropped());
            assertEquals(StoreSchema.CURRENT_VERSION, log.snapshot().formatVersion());
        }
        assertEquals(24, count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
        assertMigrationEntryOnlyAdded(db, before);
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /**
     * Every row the store held is there byte for byte, and the one row added is an unsigned entry at the end of the
     * chain recording the migration from format 2 to the current one, placed after every record and signature.
     */
    private static void assertMigrationEntryOnlyAdded(Path db, String before) throws Exception {
        List<String> added = new java.util.ArrayList<>(StoreSurgery.rows(db).lines().toList());
        for (String row : before.lines().toList()) {
            assertTrue(added.remove(row), "still stored as it was: " + row);
        }
        assertEquals(1, added.size(), added.toString());
        assertTrue(added.get(0).startsWith("entries | "), added.toString());
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            List<LogEntry> entries = log.snapshot().entries();
            LogEntry last = entries.get(entries.size() - 1);
            EntryStatement migration = last.statement().orElseThrow();
            assertEquals(EntryStatement.MIGRATE, migration.kind());
            assertEquals(2, migration.fromVersion());
            assertEquals(StoreSchema.CURRENT_VERSION, migration.toVersion());
            assertEquals(4, migration.recordsBefore(), "placed after the four records");
            assertEquals(entries.size() > 1 ? entries.get(entries.size() - 2).entryId()
                    : SignerRegister.NO_PREVIOUS_ENTRY, migration.previousEntryHash(), "chained to the entry before");
            assertTrue(last.signatures().isEmpty(), "written by the migration, signed by nobody");
        }
    }

    /**
     * A format-3 store set back to format 2 by hand (the sqlite3 shell's statements, through JDBC): its version lowered
     * and its eight REPLACE guards dropped. Its chain records the migration to format 3, so it is SUSPECT, headed with
     * what was found, not an intact store of format 2; a write is refused without a byte changed; restore-guard,
     * checked against a kept checkpoint, puts format 3 back. Lowering the version alone is found the same way.
     */
    @Test
    void aFormat3StoreSetBackToFormat2IsSuspect() throws Exception {
        Path db = TamperedStore.setBackToFormat2(dir.resolve("set-back.db"), false);
        Path keptFile = fixture("checkpoint.json");
        assertEquals(2, count(db, "SELECT max(version) FROM schema_version"));
        assertEquals(16, count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"),
                "format 2's guard, as in a store that never had format 3");

        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertTrue(report.summary().startsWith("SUSPECT: store format set back from 3 to 2 and 8 guard triggers dropped"
                + " — cannot tell whether records were removed from the end of the log"), report.summary());
        assertTrue(report.problems().get(0).message().startsWith("the store's append-only guard is set back to format"
                + " 2, though log entry #"), report.problems().toString());
        assertTrue(report.problems().get(0).message().contains("(migration from store format 2) records its migration"
                + " to format 3 (its schema_version was lowered, so that it reads as a store of the earlier format);"
                + " missing, 8 triggers dropped (log_info_no_replace, "), report.problems().toString());

        byte[] stored = Files.readAllBytes(db);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(2, log.snapshot().formatVersion(), "not migrated again, which would hide what was done");
            LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.retraining("after"), LEAD));
            assertTrue(refused.getMessage().startsWith("the append-only guard of the decision log " + db + " was"
                    + " changed by something other than Verdict (store format set back from 3 to 2 and 8 guard"
                    + " triggers dropped), so nothing was appended"), refused.getMessage());
        }
        assertArrayEquals(stored, Files.readAllBytes(db), "the file was not changed");

        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            GuardFaults restored = log.restoreGuard(Checkpoint.readJson(keptFile), keptFile);
            assertEquals(3, restored.setBack().recorded());
            assertEquals(StoreSchema.CURRENT_VERSION, log.snapshot().formatVersion());
        }
        assertEquals(24, count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());

        Path versionOnly = TamperedStore.setBackToFormat2(dir.resolve("version-only.db"), true);
        VerificationReport lowered = StoreSurgery.verify(versionOnly);
        assertTrue(lowered.isSuspect(), lowered.problems().toString());
        assertTrue(lowered.summary().startsWith("SUSPECT: store format set back from 3 to 2 — "), lowered.summary());
    }

    /**
     * A store of format 2, whose chain records no format, lowered to 1 by hand: its table of log entries, which format
     * 1 has not, shows it. With format 2's triggers left it is said to be set back (not "4 foreign triggers added");
     * with the entries' four triggers dropped as well, which format 1's guard would not miss, it is not intact but
     * SUSPECT with those triggers named; a write is refused without a byte changed, and restore-guard against the kept
     * checkpoint brings it back and migrates it.
     */
    @Test
    void aFormat2StoreLoweredToFormat1IsSetBackByItsTables() throws Exception {
        Path kept = fixture("checkpoint.json");
        Path lowered = fixture("decisions.db");
        StoreSurgery.execute(lowered, "UPDATE schema_version SET version = 1");
        VerificationReport report = StoreSurgery.verify(lowered);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertTrue(report.summary().startsWith("SUSPECT: store format set back from 2 to 1 — "), report.summary());
        assertEquals(List.of("the store's append-only guard is set back to format 1, though it has the table of log"
                + " entries, which only format 2 and later create, so it is a store of format 2 at least, its chain"
                + " recording no format (its schema_version was lowered, so that it reads as a store of the earlier"
                + " format)"), report.problems().stream().map(p -> p.message().substring(0,
                p.message().indexOf(" by something other than Verdict"))).toList());

        Path unguarded = StoreSurgery.copyOf(lowered, dir, "unguarded.db");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + unguarded);
             Statement statement = sql.createStatement()) {
            for (String trigger : List.of("entries_no_update", "entries_no_delete", "entry_signatures_no_update",
                    "entry_signatures_no_delete")) {
                statement.execute("DROP TRIGGER " + trigger);
            }
        }
        VerificationReport dropped = StoreSurgery.verify(unguarded);
        assertTrue(dropped.isSuspect(), dropped.problems().toString());
        assertTrue(dropped.summary().startsWith("SUSPECT: store format set back from 2 to 1 and 4 guard triggers"
                + " dropped — "), dropped.summary());
        assertTrue(dropped.problems().get(0).message().contains("; missing, 4 triggers dropped (entries_no_update,"
                + " entries_no_delete, entry_signatures_no_update, entry_signatures_no_delete)"),
                dropped.problems().toString());

        byte[] stored = Files.readAllBytes(unguarded);
        try (DecisionLog log = DecisionLog.openForWriting(unguarded)) {
            assertThrows(LogNotIntactException.class, () -> log.append(LedgerFixtures.retraining("after"), LEAD));
        }
        assertArrayEquals(stored, Files.readAllBytes(unguarded), "the file was not changed");
        try (DecisionLog log = DecisionLog.openForWriting(unguarded)) {
            GuardFaults restored = log.restoreGuard(Checkpoint.readJson(kept), kept);
            assertEquals(List.of(2, 1), List.of(restored.setBack().recorded(), restored.setBack().stored()));
            assertEquals(StoreSchema.CURRENT_VERSION, log.snapshot().formatVersion());
        }
        assertTrue(StoreSurgery.verify(unguarded).isIntact(), StoreSurgery.verify(unguarded).problems().toString());

        // a store created at format 3 before its chain recorded the format, lowered to 1: its REPLACE guards show it
        Path formatThree = TamperedStore.copyOfResource("/ledger/format-3-store/decisions.db",
                dir.resolve("format-3.db"));
        StoreSurgery.execute(formatThree, "UPDATE schema_version SET version = 1");
        VerificationReport three = StoreSurgery.verify(formatThree);
        assertTrue(three.summary().startsWith("SUSPECT: store format set back from 3 to 1 — "), three.summary());
        assertTrue(three.problems().get(0).message().startsWith("the store's append-only guard is set back to format"
                + " 1, though it has the table of log entries, which only format 2 and later create, and guard triggers"
                + " only format 3 creates, so it is a store of format 3 (its schema_version was lowered"),
                three.problems().toString());
    }

    /** The fixture's own decisions: a hold amending a promote, then restated, read as an auditor expects. */
    @Test
    void aRestatementInAFormat2StoreReplacesNothing() throws Exception {
        Path db = fixture("decisions.db");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            List<LoggedRecord> records = log.snapshot().records();
            StandingDecisions standing = StandingDecisions.of(records);
            assertEquals("", standing.describe(records.get(0)), "the retraining is another question");
            assertEquals("replaced by #3, which stands (hold production 42; do not promote candidate 43), restated"
                    + " by #4", standing.describe(records.get(1)));
            assertEquals("stands: restated by #4 (3 decisions on this question and evidence)",
                    standing.describe(records.get(2)));
            assertEquals("stands: restates #3, which first decided it (3 decisions on this question and evidence)",
                    standing.describe(records.get(3)));
        }
    }
}
