package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store's chain records its format, so a store set back to format 2 by hand (its schema_version lowered and
 * format 3's REPLACE guards dropped, as the sqlite3 shell would) is SUSPECT whether it was migrated to format 3 or
 * created at it: a new store states its format in its first entry; a store created at format 3 before entries stated
 * it (kept in {@code ledger/format-3-store}) verifies as it did and gets an entry stating it at its next write.
 */
class StoreFormatRecordTest {
    private static final SignerKey LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final String FIXTURE = "/ledger/format-3-store/";

    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        return TamperedStore.copyOfResource(FIXTURE + name, dir.resolve(name));
    }

    private static List<EntryStatement> statements(Path db) throws LedgerException {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return log.snapshot().entries().stream().map(entry -> entry.statement().orElseThrow()).toList();
        }
    }

    @Test
    void aNewStoreStatesItsFormatInItsFirstEntryOnly() throws Exception {
        Path db = TamperedStore.withRecords(dir.resolve("new.db"), LEAD, LedgerFixtures.retraining("first"));
        SignerKey grace = LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerFixtures.registerEndorsed(log, grace, LEAD);
        }
        List<EntryStatement> entries = statements(db);
        assertEquals(2, entries.size(), "no entry of its own: the registration states it");
        assertEquals(EntryStatement.REGISTER, entries.get(0).kind());
        assertEquals(StoreSchema.CURRENT_VERSION, entries.get(0).storeFormat());
        assertNull(entries.get(1).storeFormat(), "stated once");
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /**
     * The attack on a store created now: SUSPECT, naming the entry that states the format; every write refused
     * without a byte changed; restore-guard against a kept checkpoint puts format 3 back.
     */
    @Test
    void aNewStoreSetBackToFormat2IsSuspect() throws Exception {
        Path db = TamperedStore.withRecords(dir.resolve("new.db"), LEAD, LedgerFixtures.retraining("first"));
        Checkpoint kept;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            kept = log.latestVerifiedCheckpoint();
        }
        TamperedStore.lowerToFormat2(db, false);

        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertTrue(report.summary().startsWith("SUSPECT: store format set back from 3 to 2 and 8 guard triggers"
                + " dropped — "), report.summary());
        assertTrue(report.problems().get(0).message().startsWith("the store's append-only guard is set back to format"
                + " 2, though log entry #1 (registration of Ada Lovelace, ml-lead) records it as a store of format 3"
                + " (its schema_version was lowered"), report.problems().get(0).message());

        byte[] stored = Files.readAllBytes(db);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertThrows(LogNotIntactException.class, () -> log.append(LedgerFixtures.retraining("after"), LEAD));
        }
        assertArrayEquals(stored, Files.readAllBytes(db), "the file was not changed");

        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            GuardFaults restored = log.restoreGuard(kept, dir.resolve("kept.json"));
            assertEquals(3, restored.setBack().recorded());
        }
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /**
     * schema_version lowered to 1 with every trigger left: the store still has format 3's tables, so it is read by
     * them and said to be set back, not misread as a format-1 store whose checkpoints are badly signed and whose own
     * triggers are foreign; restore-guard against a kept checkpoint brings it back.
     */
    @Test
    void aStoreSetBackToFormat1IsSuspectAndSaidToBeSetBack() throws Exception {
        Path db = TamperedStore.withRecords(dir.resolve("new.db"), LEAD, LedgerFixtures.retraining("first"),
                LedgerFixtures.retraining("second"));
        Checkpoint kept;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            kept = log.latestVerifiedCheckpoint();
        }
        StoreSurgery.execute(db, "UPDATE schema_version SET version = 1");

        VerificationReport report = StoreSurgery.verify(db);
        assertTrue(report.isSuspect(), report.problems().toString());
        assertTrue(report.summary().startsWith("SUSPECT: store format set back from 3 to 1 — "), report.summary());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).message().startsWith("the store's append-only guard is set back to format"
                + " 1, though log entry #1 (registration of Ada Lovelace, ml-lead) records it as a store of format 3"
                + " (its schema_version was lowered, so that it reads as a store of the earlier format)"),
                report.problems().get(0).message());

        byte[] stored = Files.readAllBytes(db);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertThrows(LogNotIntactException.class, () -> log.append(LedgerFixtures.retraining("after"), LEAD));
        }
        assertArrayEquals(stored, Files.readAllBytes(db), "the file was not changed");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(1, log.restoreGuard(kept, dir.resolve("kept.json")).setBack().stored());
        }
        assertTrue(StoreSurgery.verify(db).isIntact(), StoreSurgery.verify(db).problems().toString());
    }

    /** Taking the format out of the entry that states it breaks the chain the checkpoints sign. */
    @Test
    void theStatedFormatCannotBeRemovedUnseen() throws Exception {
        Path db = TamperedStore.withRecords(dir.resolve("new.db"), LEAD, LedgerFixtures.retraining("first"));
        byte[] payload = StoreSurgery.bytes(db, "SELECT payload FROM entries WHERE seq = 1");
        String entry = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(entry.endsWith(",\"storeFormat\":3}"), entry);
        byte[] without = (entry.substring(0, entry.length() - ",\"storeFormat\":3}".length()) + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StoreSurgery.withTriggersDropped(db, sql -> {
            try (var update = sql.prepareStatement("UPDATE entries SET payload = ?, entry_id = ? WHERE seq = 1")) {
                update.setBytes(1, without);
                update.setString(2, Hashes.sha256Hex(without));
                update.executeUpdate();
            }
        });
        TamperedStore.lowerToFormat2(db, false);
        VerificationReport report = StoreSurgery.verify(db);
        assertFalse(report.isIntact());
        assertTrue(report.summary().startsWith("TAMPERED"), report.summary());
    }

    /**
     * A store created at format 3 before entries stated it: read-only, it verifies as it did and not one byte
     * changes; its next write adds one entry stating the format, before its own, and changes no stored row; the
     * write's checkpoint covers it and the kept checkpoint is still extended; set back after that, it is SUSPECT.
     */
    @Test
    void aStoreCreatedAtFormat3BeforeItsFormatWasStatedGetsItAtItsNextWrite() throws Exception {
        Path db = fixture("decisions.db");
        Path keptFile = fixture("checkpoint.json");
        byte[] asMade = Files.readAllBytes(db);
        List<EntryStatement> before = statements(db);
        assertTrue(before.stream().allMatch(s -> s.storeFormat() == null && !EntryStatement.MIGRATE.equals(s.kind())),
                "made before the chain stated the format");
        VerificationReport asItWas = StoreSurgery.verify(db);
        assertTrue(asItWas.isIntact(), asItWas.problems().toString());
        assertArrayEquals(asMade, Files.readAllBytes(db), "verifying changed nothing");

        String rows = StoreSurgery.rows(db);
        SignerKey ada = KeyFile.read(fixture("ada-lovelace.key.json")).unlock(Files.readAllLines(
                fixture("passphrase.txt")).get(0).toCharArray());
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("second"), ada);
        }
        List<String> added = new ArrayList<>(StoreSurgery.rows(db).lines().toList());
        for (String row : rows.lines().toList()) {
            assertTrue(added.remove(row), "still stored as it was: " + row);
        }
        List<EntryStatement> after = statements(db);
        assertEquals(before.size() + 1, after.size());
        EntryStatement stated = after.get(before.size());
        assertEquals(EntryStatement.STORE_FORMAT, stated.kind());
        assertEquals(StoreSchema.CURRENT_VERSION, stated.storeFormat());
        assertEquals(1, stated.recordsBefore(), "placed before the record the write appended");
        VerificationReport written = StoreSurgery.verify(db,
                new VerificationOptions(null, Checkpoint.readJson(keptFile), VerificationOptions.Endorsements.REQUIRED));
        assertTrue(written.isIntact(), written.problems().toString());
        assertTrue(written.notes().isEmpty(), "the write's checkpoint covers the entry: " + written.notes());

        TamperedStore.lowerToFormat2(db, false);
        VerificationReport setBack = StoreSurgery.verify(db);
        assertTrue(setBack.isSuspect(), setBack.problems().toString());
        assertTrue(setBack.problems().get(0).message().contains("though log entry #2 (store format 3) records it as a"
                + " store of format 3"), setBack.problems().get(0).message());
    }
}
