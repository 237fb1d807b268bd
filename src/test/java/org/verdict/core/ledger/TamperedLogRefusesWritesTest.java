package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that does not verify takes no more writes and gives out no checkpoint: a signer's key would otherwise vouch
 * for a history someone changed (a new record's checkpoint signs the Merkle root over the altered records). Each
 * tampering is done to a copy of a store with sqlite-jdbc after dropping the triggers, as with the sqlite3 shell.
 */
class TamperedLogRefusesWritesTest {
    private static final SignerKey ADA = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey GRACE = LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT);

    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void threeRecords() throws Exception {
        db = TamperedStore.withRecords(dir.resolve("decisions.db"), ADA, LedgerFixtures.retraining("test record 1"),
                LedgerFixtures.promotion(3, "test record 2"), LedgerFixtures.promotion(1, "test record 3"));
    }

    private void changeRecordTwo() throws Exception {
        TamperedStore.changeRecord(db, 2, "test record 2", "test record X");
    }

    private void deleteRecordTwo() throws Exception {
        StoreSurgery.execute(db, "DELETE FROM signatures WHERE record_seq = 2", "DELETE FROM records WHERE seq = 2");
    }

    /** What is in the store: its records, signatures, checkpoints and entries, to show nothing was added. */
    private List<Integer> contents() throws Exception {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            return List.of(snapshot.records().size(), snapshot.signaturesInOrder().size(),
                    snapshot.checkpoints().size(), snapshot.entries().size());
        }
    }

    @Test
    void anAppendToAChangedLogIsRefusedWithWhatVerifySaysFirstAndWritesNothing() throws Exception {
        changeRecordTwo();
        VerificationReport verified = StoreSurgery.verify(db);
        List<Integer> before = contents();

        LogNotIntactException refused;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            refused = assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.retraining("on top of the change"), ADA));
        }
        String message = refused.getMessage();
        assertTrue(message.startsWith("the decision log " + db + " does not verify, so nothing was appended"), message);
        // the words of `log verify`: its summary and its first problem
        assertTrue(message.contains("\n" + verified.summary() + "\n"), message);
        assertTrue(message.contains("\n  " + verified.problems().get(0) + "\n"), message);
        assertTrue(message.contains("record #2: its bytes no longer match its id"), message);
        assertTrue(message.contains("… and " + (verified.problems().size() - 1) + " more problems"), message);
        assertEquals(before, contents(), "nothing was written");
        assertEquals(verified.problems(), StoreSurgery.verify(db).problems(), "the log is as it was");
    }

    /**
     * The tamperer left the append-only triggers dropped: a refused write must not put them back (that would change
     * the file and take the note on the dropped triggers out of the evidence). Not one byte changes.
     */
    @Test
    void aRefusedWriteLeavesAChangedLogWithoutItsTriggersByteForByte() throws Exception {
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = sql.createStatement()) {
            StoreSurgery.dropTriggers(sql);
            s.executeUpdate("UPDATE records SET appended_at = '2026-01-01T00:00:00Z' WHERE seq = 2");
        }
        byte[] before = Files.readAllBytes(db);
        List<VerificationReport.Problem> found = StoreSurgery.verify(db).problems();
        assertTrue(found.stream().anyMatch(p -> p.message().startsWith("the store's append-only guard is missing, 24"
                + " triggers dropped")), found.toString());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertRefused("nothing was appended", "record #2: its stored append time",
                    () -> log.append(LedgerFixtures.retraining("on top of the change"), ADA));
            assertRefused("no signature was added", "record #2: its stored append time", () -> log.cosign("3", GRACE));
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the refused writes changed the file");
        assertEquals(found, StoreSurgery.verify(db).problems(), "the dropped triggers are still reported");
    }

    /**
     * Opening a log for writing must not change it before it verifies: a log someone took out of WAL mode (as the
     * sqlite3 shell does with PRAGMA journal_mode=DELETE) and changed keeps its header, and no -wal or -shm file is
     * left beside it, when every write is refused. An intact log in that mode enters WAL mode with its first write.
     */
    @Test
    void aRefusedWriteLeavesALogOutsideWalModeAndTheFilesBesideItAsTheyWere() throws Exception {
        Path intact = StoreSurgery.copyOf(db, dir, "intact.db");
        changeRecordTwo();
        for (Path log : List.of(db, intact)) {
            StoreSurgery.execute(log, "PRAGMA journal_mode=DELETE");
            assertEquals("delete", journalMode(log));
        }
        byte[] before = Files.readAllBytes(db);
        List<String> beside = filesIn(dir);
        SignerKey joan = LedgerFixtures.signer("Joan Clarke", Roles.AI_SAFETY);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertRefused("nothing was appended", () -> log.append(LedgerFixtures.retraining("on top"), ADA));
            assertRefused("no signature was added", () -> log.cosign("3", GRACE));
            assertRefused("no signer was registered", () -> log.register(joan));
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the refused writes changed the file");
        assertEquals(beside, filesIn(dir), "files were left beside the log");
        assertEquals("delete", journalMode(db));

        try (DecisionLog log = DecisionLog.openForWriting(intact)) {
            log.append(LedgerFixtures.retraining("test record 4"), ADA);
        }
        assertEquals("wal", journalMode(intact), "a log that verified enters WAL mode with its write");
        assertTrue(StoreSurgery.verify(intact).isIntact());
    }

    private static String journalMode(Path db) throws Exception {
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = sql.createStatement(); java.sql.ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
            return mode.getString(1);
        }
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anAppendAfterADeletedMiddleRecordNamesTheMissingRecordNotASqlError() throws Exception {
        deleteRecordTwo();
        List<Integer> before = contents();
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.retraining("after the deletion"), ADA));
            assertTrue(refused.getMessage().contains("TAMPERED: first bad record is #2"), refused.getMessage());
            assertTrue(refused.getMessage().contains("\n  record #2 is missing (it was deleted)\n"),
                    "named once, as verify names it: " + refused.getMessage());
            assertFalse(refused.getMessage().contains("SQLITE"), refused.getMessage());
        }
        assertEquals(before, contents());
    }

    @Test
    void noOtherWriteTakesAChangedLogEither() throws Exception {
        DsseEnvelope envelope;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.register(GRACE);
            envelope = log.envelope("3");
        }
        DsseEnvelope signedByGrace = new DsseEnvelope(envelope.payloadType(), envelope.payload(), List.of(
                new DsseEnvelope.Signature(GRACE.identity().keyId(),
                        GRACE.sign(Dsse.pae(envelope.payloadType(), envelope.payload())))));
        changeRecordTwo();
        List<Integer> before = contents();
        SignerKey joan = LedgerFixtures.signer("Joan Clarke", Roles.AI_SAFETY);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertRefused("no signature was added", () -> log.cosign("3", GRACE));
            assertRefused("no signer was registered", () -> log.register(joan));
            assertRefused("no key was revoked", () -> log.revoke(GRACE.identity().keyId(), "left", ADA));
            assertRefused("no signature was imported", () -> log.importSignatures(signedByGrace));
        }
        assertEquals(before, contents());
    }

    private static void assertRefused(String what, org.junit.jupiter.api.function.Executable write) {
        assertRefused(what, "record #2: its bytes no longer match its id", write);
    }

    private static void assertRefused(String what, String firstProblem, org.junit.jupiter.api.function.Executable write) {
        LogNotIntactException refused = assertThrows(LogNotIntactException.class, write);
        assertTrue(refused.getMessage().contains("does not verify, so " + what), refused.getMessage());
        assertTrue(refused.getMessage().contains(firstProblem), refused.getMessage());
    }

    @Test
    void theLatestCheckpointIsGivenOutOnlyFromALogThatVerifies() throws Exception {
        Checkpoint latest;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            latest = log.latestVerifiedCheckpoint();
            assertArrayEquals(log.snapshot().latestCheckpoint().orElseThrow().signature(), latest.signature());
        }
        assertEquals(3, latest.treeSize());
        changeRecordTwo();
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogNotIntactException refused = assertThrows(LogNotIntactException.class, log::latestVerifiedCheckpoint);
            assertTrue(refused.getMessage().contains("does not verify, so no checkpoint is given out"),
                    refused.getMessage());
        }
    }

    @Test
    void anIntactLogStillTakesAppendsAndReportsTheVerificationItRan() throws Exception {
        List<String> steps = new java.util.ArrayList<>();
        org.verdict.core.task.Progress progress = new org.verdict.core.task.Progress() {
            @Override
            public void update(double fraction, String message) {
                steps.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(4, log.append(LedgerFixtures.retraining("fourth"), ADA, progress).sequence());
        }
        assertTrue(steps.contains("verifying record 3") && steps.contains("verifying checkpoint 3"), steps.toString());
        assertTrue(StoreSurgery.verify(db).isIntact());
    }

    /** The check runs on the whole log, however long: a change deep inside a large log still stops the append. */
    @Test
    void aLargeLogTakesAnAppendUntilAChangeDeepInsideIt() throws Exception {
        Path large = dir.resolve("large.db");
        LargeLogs.write(large, 200, ADA);
        assertTrue(StoreSurgery.verify(large).isIntact(), "written as append writes: " + StoreSurgery.verify(large)
                .problems());
        try (DecisionLog log = DecisionLog.openForWriting(large)) {
            assertEquals(201, log.append(LedgerFixtures.retraining("after 200"), ADA).sequence());
        }
        StoreSurgery.execute(large, "UPDATE records SET appended_at = '2020-01-01T00:00:00Z' WHERE seq = 150");
        try (DecisionLog log = DecisionLog.openForWriting(large)) {
            LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.retraining("after the change"), ADA));
            assertTrue(refused.getMessage().contains("TAMPERED: first bad record is #150; 1 problem\n"),
                    refused.getMessage());
            assertTrue(refused.getMessage().endsWith("record #150: its stored append time 2020-01-01T00:00:00Z is not"
                    + " the signed one, " + log.snapshot().records().get(149).statement().orElseThrow().appendedAt()
                    + " (records.appended_at was changed)"), refused.getMessage());
        }
    }

    @Test
    void aChangedFormat1StoreIsNotMigrated() throws Exception {
        Path old = dir.resolve("format-1.db");
        try (InputStream in = getClass().getResourceAsStream("/ledger/format-1-store/decisions.db")) {
            Files.copy(in, old);
        }
        StoreSurgery.execute(old, "UPDATE records SET appended_at = '2020-01-01T00:00:00Z' WHERE seq = 2");
        LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                () -> DecisionLog.openForWriting(old).close());
        assertTrue(refused.getMessage().contains("does not verify, so it was not migrated to format " + StoreSchema.CURRENT_VERSION),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("record #2: its stored append time"), refused.getMessage());
        try (DecisionLog log = DecisionLog.openReadOnly(old)) {
            assertEquals(1, log.snapshot().formatVersion(), "still format 1, without a migration entry");
            assertTrue(log.snapshot().entries().isEmpty());
        }
    }
}
