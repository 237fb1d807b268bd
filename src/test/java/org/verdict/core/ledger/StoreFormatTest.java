package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verdict.core.ledger.StoreSurgery.anyProblem;
import static org.verdict.core.ledger.StoreSurgery.verify;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Hashes;

/**
 * Stores as they are found: written by the previous format, by a newer Verdict, by another application, left
 * half-created, on read-only media, on a full disk.
 */
class StoreFormatTest {
    private static final String FIXTURE = "/ledger/format-1-store/";
    private static final String MALLORY = "72b2910d119fa3d1b8d537e22861b73cf632e0f669a8ff00086d89e166873639";
    private static final String ADA = "7ce8ccf8421a46cb84847a22cc78a63bfc30707c432e7d6d1c5e0d44eba4dc92";

    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        Path target = dir.resolve(name);
        try (InputStream in = StoreFormatTest.class.getResourceAsStream(FIXTURE + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static int schemaVersion(Path db) throws Exception {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = sql.createStatement(); ResultSet row = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return row.getInt(1);
        }
    }

    @Test
    void aFormat1StoreVerifiesReadOnlyWithoutBeingChanged() throws Exception {
        Path db = fixture("decisions.db");
        byte[] before = Files.readAllBytes(db);
        VerificationReport report = verify(db);
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(3, report.recordCount());
        assertTrue(report.quorums().get(2L).isMet(), "Grace (in the store) and Joan (imported) complete tier 3");
        assertEquals(1, schemaVersion(db));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "verification writes nothing");
    }

    /**
     * Record #2 of the old store states macro_f1 without a unit, as every record did before units were recorded: it
     * still verifies, reads with no unit, and the current record classes write its statement byte for byte as it was
     * signed (a unit left out is not written as null).
     */
    @Test
    void anOldRecordsKeyMetricWithoutAUnitVerifiesAsSigned() throws Exception {
        Path db = fixture("decisions.db");
        assertTrue(verify(db).isRecordIntact(2));
        byte[] signed = StoreSurgery.bytes(db, "SELECT payload FROM records WHERE seq = 2");
        DecisionStatement statement = RecordJson.statement(signed);
        EvaluationSummary.KeyMetric metric = statement.record().evaluationSummary().keyMetrics().get(0);
        assertEquals("macro_f1", metric.metric());
        assertNull(metric.unit());
        // nor the sample size, the level or the worse slices recorded since
        assertNull(metric.n());
        assertNull(metric.level());
        assertNull(statement.record().evaluationSummary().worseSlices());
        assertEquals(new String(signed, StandardCharsets.UTF_8),
                new String(RecordJson.payload(statement), StandardCharsets.UTF_8));
        assertEquals("production 0.8010, candidate 0.8220, Δ 0.0210 [0.0080, 0.0340]",
                RecordFields.of(statement.record()).get("Metric: macro_f1"), "no unit is shown where none was signed");
        assertTrue(RecordFields.of(statement.record()).keySet().stream().noneMatch(k -> k.startsWith("Worse slice")));
    }

    @Test
    void aFormat1StoreIsMigratedByARecordedEntryAndKeepsVerifying() throws Exception {
        Path db = fixture("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LogSnapshot snapshot = log.snapshot();
            assertEquals(1, snapshot.entries().size());
            EntryStatement migration = snapshot.entries().get(0).statement().orElseThrow();
            assertEquals(EntryStatement.MIGRATE, migration.kind());
            assertEquals(1, migration.fromVersion());
            assertEquals(StoreSchema.CURRENT_VERSION, migration.toVersion());
            assertEquals(5L, migration.legacyCheckpoints());
            assertEquals(List.of("Ada Lovelace", "Grace Hopper", "Joan Clarke", "Mallory Byrne"),
                    migration.adopted().stream().map(EntryStatement.AdoptedSigner::name).toList());
            // Mallory co-signed #1 as the store's 5th signature, then was revoked: her signature stays valid
            assertEquals(5L, snapshot.signers().get(MALLORY).revokedAfterSignature());
            assertNull(snapshot.signers().get(MALLORY).outOfForce(5));
            assertNotNull(snapshot.signers().get(MALLORY).outOfForce(6), "a 6th signature would come after it");
        }
        assertEquals(StoreSchema.CURRENT_VERSION, schemaVersion(db));
        VerificationReport migrated = verify(db);
        assertTrue(migrated.isIntact(), "an uncovered migration entry is no problem: " + migrated.problems());

        SignerKey ada = KeyFile.read(fixture("ada-lovelace.key.json"))
                .unlock(Files.readAllLines(fixture("passphrase.txt"), StandardCharsets.UTF_8).get(0).toCharArray());
        assertEquals(ADA, ada.identity().keyId());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("after the migration"), ada);
            Checkpoint latest = log.snapshot().latestCheckpoint().orElseThrow();
            assertEquals(1L, latest.entryCount(), "the first new checkpoint covers the migration entry");
        }
        VerificationReport report = verify(db);
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(4, report.recordCount());
    }

    @Test
    void aChangedMigrationEntryIsFound() throws Exception {
        Path db = fixture("decisions.db");
        SignerKey newcomer = LedgerFixtures.signer("Katherine Johnson", Roles.ML_LEAD);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("after the migration"), newcomer);
        }
        // relabel Grace as ai-safety inside the adopted register, and in the table, keeping the entry's id right
        byte[] payload = StoreSurgery.bytes(db, "SELECT payload FROM entries WHERE seq = 1");
        byte[] changed = new String(payload, StandardCharsets.UTF_8)
                .replace("\"name\":\"Grace Hopper\",\"role\":\"product\"", "\"name\":\"Grace Hopper\",\"role\":\"ai-safety\"")
                .getBytes(StandardCharsets.UTF_8);
        StoreSurgery.withTriggersDropped(db, sql -> {
            try (var update = sql.prepareStatement("UPDATE entries SET payload = ?, entry_id = ? WHERE seq = 1")) {
                update.setBytes(1, changed);
                update.setString(2, Hashes.sha256Hex(changed));
                update.executeUpdate();
            }
            sql.createStatement().execute("UPDATE signers SET role = 'ai-safety' WHERE name = 'Grace Hopper'");
        });
        VerificationReport report = verify(db);
        // the entry's own id was fixed up, but the next entry (and, through it, the checkpoint) still chains to the old bytes
        assertTrue(anyProblem(report, "log entry #2 (registration of Katherine Johnson, ml-lead): does not follow the entry"
                + " before it"), report.problems().toString());
    }

    /**
     * A field added to log entries without a new store format makes every earlier build of that format read the entry
     * as changed, TAMPERED (as storeFormat did within format 3, docs/decision-log.md "Which Verdict reads which
     * store"); a new format is refused by them as newer. So the fields of an entry are those of the current format.
     */
    @Test
    void theFieldsOfALogEntryChangeOnlyWithTheStoreFormat() {
        java.util.Map<Integer, List<String>> fieldsByFormat = java.util.Map.of(3, List.of("format", "sequence",
                "previousEntryHash", "kind", "at", "recordsBefore", "signaturesBefore", "signer", "selfSignature",
                "revokedKeyId", "reason", "fromVersion", "toVersion", "legacyCheckpoints", "adopted", "storeFormat"));
        List<String> fields = java.util.Arrays.stream(EntryStatement.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        assertEquals(fieldsByFormat.get(StoreSchema.CURRENT_VERSION), fields, "a log entry's fields changed: raise"
                + " the store format (a migration in StoreSchema) so that earlier builds refuse the store as newer"
                + " instead of calling it tampered, and list the new format's fields here");
    }

    @Test
    void aStoreOfANewerFormatIsRefused() throws Exception {
        Path db = fixture("decisions.db");
        StoreSurgery.execute(db, "UPDATE schema_version SET version = " + (StoreSchema.CURRENT_VERSION + 1));
        for (boolean readOnly : new boolean[] {true, false}) {
            LedgerException refused = assertThrows(LedgerException.class,
                    () -> DecisionLog.open(db, readOnly, DecisionLog.DEFAULT_BUSY_TIMEOUT, Clock.systemUTC()).close());
            int newer = StoreSchema.CURRENT_VERSION + 1;
            assertEquals(db + " is a decision log of format version " + newer + ", made by a newer Verdict: this one"
                    + " reads formats 1 to " + StoreSchema.CURRENT_VERSION + " only, so it neither verified nor changed"
                    + " it (a newer format is no sign of tampering); open it with a Verdict that writes format " + newer
                    + " or later", refused.getMessage());
        }
        assertEquals(StoreSchema.CURRENT_VERSION + 1, schemaVersion(db));
    }

    @Test
    void aForeignSqliteFileIsRefusedAndLeftAlone() throws Exception {
        Path other = dir.resolve("crm.sqlite");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = sql.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO customers(name) VALUES ('Ada')");
        }
        byte[] before = Files.readAllBytes(other);
        LedgerException refused = assertThrows(LedgerException.class, () -> DecisionLog.openForWriting(other).close());
        assertTrue(refused.getMessage().contains("is a SQLite database of another application (tables: customers)"),
                refused.getMessage());
        assertThrows(LedgerException.class, () -> DecisionLog.openReadOnly(other).close());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(other)), "not one byte was written");
    }

    @Test
    void aStoreWhoseCreationWasInterruptedIsNamedAndCompletedByTheNextAppend() throws Exception {
        // what a first append killed before its transaction committed leaves: a SQLite file without tables
        Path db = dir.resolve("decisions.db");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        assertTrue(Files.size(db) > 0);
        LedgerException named = assertThrows(LedgerException.class, () -> DecisionLog.openReadOnly(db).close());
        assertTrue(named.getMessage().contains("whose creation was interrupted"), named.getMessage());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("completes the store"), LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD));
        }
        assertTrue(verify(db).isIntact());
    }

    @Test
    void aLoneStoreOnReadOnlyMediaVerifies() throws Exception {
        Path store = dir.resolve("written.db");
        try (DecisionLog log = DecisionLog.openForWriting(store)) {
            log.append(LedgerFixtures.retraining("on a USB stick later"), LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD));
        }
        Path media = Files.createDirectory(dir.resolve("media"));
        Path lone = Files.copy(store, media.resolve("decisions.db"));
        // SQLite cannot create the WAL file next to a store on read-only media; a folder in its place does the same
        // here even for root, whom file permissions do not stop
        Files.createDirectory(media.resolve("decisions.db-wal"));
        media.toFile().setReadOnly();
        try {
            VerificationReport report = verify(lone);
            assertTrue(report.isIntact(), report.problems().toString());
            assertEquals(1, report.recordCount());
        } finally {
            media.toFile().setWritable(true);
        }
    }

    @Test
    void aFullDiskIsReportedAsSuchAndLeavesTheLogAsItWas() throws Exception {
        Path db = dir.resolve("decisions.db");
        SignerKey ada = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("fits"), ada);
        }
        long pages = Files.size(db) / 4096;
        LedgerException full;
        int appended = 0;
        // the page limit stands in for the disk: SQLite reports SQLITE_FULL exactly as on a full disk
        try (DecisionLog log = DecisionLog.open(db, false, DecisionLog.DEFAULT_BUSY_TIMEOUT, Clock.systemUTC(),
                (int) pages + 2)) {
            full = assertThrows(LedgerException.class, () -> {
                for (int i = 0; i < 200; i++) {
                    log.append(LedgerFixtures.retraining("r".repeat(3000) + i), ada);
                }
            });
            appended = log.snapshot().records().size() - 1;
        }
        assertTrue(full.getMessage().contains("is full: nothing was written"), full.getMessage());
        assertFalse(full.getMessage().contains("no transaction is active"), full.getMessage());
        VerificationReport report = verify(db);
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(1 + appended, report.recordCount(), "every append is whole or absent");
    }

    @Test
    void verifyNamesExactlyTheRecordsThatAreMissing() throws Exception {
        Path db = dir.resolve("decisions.db");
        SignerKey ada = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            for (int i = 1; i <= 6; i++) {
                log.append(LedgerFixtures.retraining("record " + i), ada);
            }
        }
        StoreSurgery.execute(db, "DELETE FROM signatures WHERE record_seq IN (2, 4, 5)", "DELETE FROM records WHERE seq IN (2, 4, 5)");
        VerificationReport report = verify(db);
        List<String> missing = report.problems().stream().map(VerificationReport.Problem::message)
                .filter(m -> m.contains("is missing") || m.contains("are missing"))
                .filter(m -> m.startsWith("record")).toList();
        assertEquals(List.of("record #2 is missing (it was deleted)", "records #4 to #5 are missing (they were deleted)"),
                missing);
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.isRecordIntact(1));
        assertTrue(report.problemsOf(6).stream().noneMatch(p -> p.message().contains("records were deleted")),
                "#6 is there: the checkpoints over six records are a problem of the log, not of #6: " + report.problems());
        assertNull(report.problemsOf(3).stream().filter(p -> p.message().contains("missing (it was")).findAny().orElse(null),
                "#3 is there: it is not reported missing");
    }
}
