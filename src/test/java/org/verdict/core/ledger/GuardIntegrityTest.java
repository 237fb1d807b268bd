package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The append-only guard is judged by what its triggers say, not by their names: every way of keeping the names while
 * making the guard inert (a WHEN 0, a trigger of that name on another table or for another operation) or of working
 * around it (a view, a trigger Verdict never makes) leaves the log SUSPECT, as a dropped trigger does; a store whose
 * triggers are Verdict's, whichever version made them, stays intact.
 */
class GuardIntegrityTest {
    private static final SignerKey LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);

    @TempDir
    Path dir;
    private Path db;
    private Checkpoint kept;

    @BeforeEach
    void threeRecords() throws Exception {
        db = TamperedStore.withRecords(dir.resolve("decisions.db"), LEAD, LedgerFixtures.retraining("first"),
                LedgerFixtures.promotion(2, "second"), LedgerFixtures.promotion(2, "third"));
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            kept = log.latestVerifiedCheckpoint();
        }
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Each trigger's statement, as sqlite_master keeps it, by name. */
    private static List<String[]> triggers(Path db) throws SQLException {
        List<String[]> triggers = new ArrayList<>();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement();
             ResultSet rows = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                triggers.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return triggers;
    }

    /** Recreates every trigger under its name with a {@code WHEN} that never holds: each one inert. */
    private static void makeEveryTriggerInert(Path db) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String[] trigger : triggers(db)) {
            statements.add("DROP TRIGGER " + trigger[0]);
            statements.add(trigger[1].contains(" WHEN ") ? trigger[1].replace(" WHEN ", " WHEN 0 AND ")
                    : trigger[1].replace(" BEGIN ", " WHEN 0 BEGIN "));
        }
        sql(db, statements.toArray(String[]::new));
    }

    /**
     * The log is SUSPECT, headed with what was found ({@code headline}, the words of the line under it), and a write
     * is refused saying the same.
     */
    private VerificationReport assertSuspect(String headline, String fragment) throws Exception {
        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertFalse(report.isTampered(), "no record changed");
        assertTrue(report.summary().startsWith("SUSPECT: " + headline + " — cannot tell whether records were removed"),
                report.summary());
        assertTrue(report.problems().get(0).message().contains(fragment), report.problems().toString());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.promotion(2, "fourth"), LEAD));
            assertTrue(refused.getMessage().startsWith("the append-only guard of the decision log " + db + " was"
                    + " changed by something other than Verdict (" + headline + "), so nothing was appended"),
                    refused.getMessage());
        }
        return report;
    }

    @Test
    void anUntouchedStoreIsIntact() throws Exception {
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
        assertEquals(24, triggers(db).size(), "UPDATE, DELETE and an INSERT over a stored row, on 8 tables");
    }

    @Test
    void everyTriggerMadeInertUnderItsNameIsSuspectAndTheGuardIsGoneIndeed() throws Exception {
        makeEveryTriggerInert(db);
        assertSuspect("24 guard triggers altered", "append-only guard is not as Verdict made it, 24 triggers altered");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> sql(db, "DELETE FROM records WHERE seq = 3"),
                "the guard was inert indeed");
    }

    @Test
    void oneInertTriggerIsNamed() throws Exception {
        TamperedStore.makeDeleteGuardInert(db, "records");
        VerificationReport report = assertSuspect("1 guard trigger altered", "1 trigger altered, so that it may no"
                + " longer refuse a change (records_no_delete: not the statement Verdict creates)");
        assertEquals("SUSPECT", report.heading());
    }

    @Test
    void aTriggerOfTheExpectedNameOnAnotherTableOrForAnotherOperationIsSuspect() throws Exception {
        sql(db, "DROP TRIGGER records_no_delete", "CREATE TRIGGER records_no_delete BEFORE DELETE ON log_info"
                + " BEGIN SELECT RAISE(ABORT, 'the decision log is append-only: DELETE of records is refused'); END",
                "DROP TRIGGER checkpoints_no_update", "CREATE TRIGGER checkpoints_no_update BEFORE INSERT ON checkpoints"
                + " BEGIN SELECT 1; END");
        assertSuspect("2 guard triggers altered", "2 triggers altered, so that they may no longer refuse a change"
                + " (checkpoints_no_update, records_no_delete: not the statement Verdict creates)");
    }

    @Test
    void aViewOrTriggerVerdictNeverMakesIsSuspect() throws Exception {
        sql(db, "CREATE VIEW shadow_records AS SELECT * FROM records",
                "CREATE TRIGGER quiet AFTER INSERT ON signatures BEGIN SELECT 1; END");
        assertSuspect("1 foreign trigger added and 1 view added", "2 triggers or views Verdict never makes added"
                + " (trigger quiet, view shadow_records)");
    }

    /** Each kind of change found is named in the heading, in the order of the line under it. */
    @Test
    void aDroppedAnAlteredAndAForeignTriggerAreAllNamedInTheHeading() throws Exception {
        sql(db, "DROP TRIGGER signatures_no_delete", "DROP TRIGGER records_no_update",
                "CREATE TRIGGER records_no_update BEFORE UPDATE ON records WHEN 0 BEGIN SELECT 1; END",
                "DROP TRIGGER entries_no_replace", "CREATE TRIGGER entries_no_replace BEFORE INSERT ON entries BEGIN"
                + " SELECT 1; END", "CREATE TRIGGER quiet AFTER INSERT ON signatures BEGIN SELECT 1; END");
        assertSuspect("1 guard trigger dropped, 2 altered and 1 foreign trigger added", "not as Verdict made it, 1"
                + " trigger dropped (signatures_no_delete); 2 triggers altered, so that they may no longer refuse a"
                + " change (entries_no_replace, records_no_update: not the statement Verdict creates); 1 trigger or"
                + " view Verdict never makes added (trigger quiet)");
    }

    /** Whitespace and an IF NOT EXISTS are how a statement was typed, not what the trigger does. */
    @Test
    void aTriggerRetypedWithOtherWhitespaceIsStillVerdicts() throws Exception {
        sql(db, "DROP TRIGGER records_no_update", "CREATE TRIGGER IF NOT EXISTS records_no_update\n  BEFORE UPDATE ON"
                + " records\n  BEGIN\n    SELECT RAISE(ABORT, 'the decision log is append-only: UPDATE of records is"
                + " refused');\n  END");
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /** restore-guard makes the triggers anew and drops what Verdict never makes; the guard refuses a change again. */
    @Test
    void restoringTheGuardAgainstAKeptCheckpointRepairsInertTriggersAndDropsForeignOnes() throws Exception {
        makeEveryTriggerInert(db);
        sql(db, "CREATE VIEW shadow_records AS SELECT * FROM records");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            GuardFaults restored = log.restoreGuard(kept, Path.of("kept.json"));
            assertEquals(24, restored.altered().size(), restored.toString());
            assertEquals(List.of("view shadow_records"), restored.foreign());
        }
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
        SQLException refused = assertThrows(SQLException.class, () -> sql(db, "DELETE FROM records WHERE seq = 3"));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }

    /**
     * The first stores made their triggers with CREATE TRIGGER (no IF NOT EXISTS): a format-1 store verifies intact,
     * and so does it once migrated, with the triggers of formats 2 and 3 added.
     */
    @Test
    void storesMadeByEarlierVersionsStayIntact() throws Exception {
        Path old = dir.resolve("format-1.db");
        try (InputStream in = getClass().getResourceAsStream("/ledger/format-1-store/decisions.db")) {
            Files.copy(in, old);
        }
        assertTrue(StoreSurgery.verify(old).isIntact(), StoreSurgery.verify(old).problems().toString());
        try (DecisionLog log = DecisionLog.openForWriting(old)) {
            assertEquals(3, log.snapshot().formatVersion());
        }
        assertEquals(24, triggers(old).size());
        assertTrue(StoreSurgery.verify(old).isIntact(), StoreSurgery.verify(old).problems().toString());
    }
}
