package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Hashes;
import org.verdict.core.task.Progress;

class DecisionLogTest {
    private static final SignerKey ML_LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey SAFETY = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);
    private static final SignerKey PRODUCT = LedgerFixtures.signer("Joan Clarke", Roles.PRODUCT);

    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void setUp() {
        db = dir.resolve("decisions.db");
    }

    /** The origin is the log's identity, which tells a checkpoint of one store from another's. */
    @Test
    void everyStoreGetsItsOwnOriginEvenWhenOneProcessCreatesSeveral() throws Exception {
        try (DecisionLog first = DecisionLog.openForWriting(db);
             DecisionLog second = DecisionLog.openForWriting(dir.resolve("second.db"))) {
            assertTrue(first.origin().startsWith("verdict-decision-log/"), first.origin());
            assertFalse(first.origin().equals(second.origin()), first.origin());
        }
    }

    @Test
    void appendedRecordsChainAndVerify() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LoggedRecord first = log.append(LedgerFixtures.retraining("metric fell"), ML_LEAD);
            LoggedRecord second = log.append(LedgerFixtures.promotion(2, "better on every slice"), ML_LEAD);
            assertEquals(1, first.sequence());
            assertEquals(Hashes.sha256Hex(first.payload()), first.recordId());
            DecisionStatement statement = second.statement().orElseThrow();
            assertEquals(first.recordId(), statement.previousRecordHash());
            assertEquals(DecisionStatement.NO_PREVIOUS_RECORD, first.statement().orElseThrow().previousRecordHash());
            assertEquals("better on every slice", statement.record().rationale());

            LogSnapshot snapshot = log.snapshot();
            assertEquals(2, snapshot.checkpoints().size(), "one checkpoint after every append");
            assertEquals(2, snapshot.latestCheckpoint().orElseThrow().treeSize());
            assertTrue(snapshot.latestCheckpoint().orElseThrow().isSignedBy(ML_LEAD.identity()));
            VerificationReport report = new LogVerifier().verify(snapshot, Progress.NONE);
            assertTrue(report.isIntact(), report.problems().toString());
            assertTrue(report.quorums().get(2L).isMet(), "tier 2 needs an ML lead, who appended it");
        }
    }

    /**
     * The rows of log_info no Verdict writes come in the same snapshot as the records, in the order they were added,
     * and the note names each of them.
     */
    @Test
    void keysNoVerdictWritesInLogInfoComeWithTheSnapshot() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("metric fell"), ML_LEAD);
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            s.executeUpdate("INSERT INTO log_info VALUES ('retention', 'forever')");
            s.executeUpdate("INSERT INTO log_info VALUES ('owner', 'ops')");
        }
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            assertEquals(List.of("retention=forever", "owner=ops"), snapshot.unknownInfo().entrySet().stream()
                    .map(row -> row.getKey() + "=" + row.getValue()).toList());
            String note = snapshot.unknownInfoNote().orElseThrow();
            assertTrue(note.startsWith("log_info holds 2 keys no Verdict writes ('retention' = 'forever', 'owner' ="
                    + " 'ops'): "), note);
            assertTrue(note.contains("with write access to the file added them; "), note);
            assertTrue(new LogVerifier().verify(snapshot, Progress.NONE).isIntact(), "nothing signs log_info");
        }
    }

    @Test
    void tierThreeAwaitsAllThreeRolesThenIsSigned() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "high risk, all must sign"), ML_LEAD);
            assertEquals("awaiting signatures (ai-safety, product)", quorumOf(log, 1).label());
            log.cosign("1", SAFETY);
            assertEquals("awaiting signatures (product)", quorumOf(log, 1).label());
            LedgerException twice = assertThrows(LedgerException.class, () -> log.cosign("1", SAFETY));
            assertTrue(twice.getMessage().contains("already signed"));
            log.cosign(log.snapshot().records().get(0).recordId().substring(0, 10), PRODUCT);
            assertEquals(Quorum.SIGNED, quorumOf(log, 1).label());
        }
    }

    @Test
    void coSignatureMadeElsewhereIsImportedFromAnEnvelopeFile() throws Exception {
        Path envelopeFile = dir.resolve("record-1.dsse.json");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "board meeting"), ML_LEAD);
            java.nio.file.Files.writeString(envelopeFile, log.envelope("1").toJson());
        }
        // on the other laptop: only the envelope file and the signer's own key
        DsseEnvelope received = DsseEnvelope.read(envelopeFile);
        DsseEnvelope signed = received.withSignature(PRODUCT.identity().keyId(), PRODUCT.sign(received.pae()));
        java.nio.file.Files.writeString(envelopeFile, signed.toJson());

        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerException unknown = assertThrows(LedgerException.class,
                    () -> log.importSignatures(DsseEnvelope.read(envelopeFile)));
            assertTrue(unknown.getMessage().startsWith("unknown signer"), unknown.getMessage());
            log.register(PRODUCT);
            assertEquals(1, log.importSignatures(DsseEnvelope.read(envelopeFile)));
            assertEquals(0, log.importSignatures(DsseEnvelope.read(envelopeFile)), "importing twice adds nothing");
            assertEquals(List.of(Roles.AI_SAFETY), quorumOf(log, 1).missing());
            assertTrue(new LogVerifier().verify(log.snapshot(), Progress.NONE).isIntact(),
                    "an imported signature not yet covered by a checkpoint is no problem");
        }
    }

    @Test
    void anEnvelopeWhosePayloadWasChangedIsRefused() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "board meeting"), ML_LEAD);
            log.register(PRODUCT);
            DsseEnvelope original = log.envelope("1");
            byte[] changed = original.payload().clone();
            changed[changed.length - 3] ^= 1;
            DsseEnvelope forged = new DsseEnvelope(original.payloadType(), changed, List.of());
            forged = forged.withSignature(PRODUCT.identity().keyId(), PRODUCT.sign(forged.pae()));
            DsseEnvelope attempt = forged;
            LedgerException e = assertThrows(LedgerException.class, () -> log.importSignatures(attempt));
            assertTrue(e.getMessage().contains("not a record of this log"), e.getMessage());
            DsseEnvelope badSignature = original.withSignature(PRODUCT.identity().keyId(), new byte[64]);
            e = assertThrows(LedgerException.class, () -> log.importSignatures(badSignature));
            assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        }
    }

    @Test
    void revokedKeyCannotSignButItsEarlierSignaturesStand() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("before revocation"), ML_LEAD);
            log.revoke(ML_LEAD.identity().keyId().substring(0, 8), "laptop stolen", ML_LEAD);
            LedgerException e = assertThrows(LedgerException.class,
                    () -> log.append(LedgerFixtures.retraining("after"), ML_LEAD));
            assertTrue(e.getMessage().contains("was revoked") && e.getMessage().contains("laptop stolen"), e.getMessage());
            assertEquals(1, log.snapshot().records().size(), "the refused append left nothing behind");
            assertTrue(new LogVerifier().verify(log.snapshot(), Progress.NONE).isIntact());
        }
    }

    @Test
    void amendmentRefersToAnEarlierRecordByItsId() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LoggedRecord promotion = log.append(LedgerFixtures.promotion(2, "ship it"), ML_LEAD);
            LoggedRecord amendment = log.append(LedgerFixtures.amendment("1"), ML_LEAD);
            assertEquals(promotion.recordId(), amendment.statement().orElseThrow().record().amends());
            assertThrows(LedgerException.class, () -> log.append(LedgerFixtures.amendment("99"), ML_LEAD));
            assertTrue(new LogVerifier().verify(log.snapshot(), Progress.NONE).isIntact());
        }
    }

    @Test
    void incompleteRecordIsRefusedNamingTheFields() {
        DecisionRecord noRationale = LedgerFixtures.promotion(2, "");
        LedgerException e = assertThrows(LedgerException.class, () -> {
            try (DecisionLog log = DecisionLog.openForWriting(db)) {
                log.append(noRationale, ML_LEAD);
            }
        });
        assertTrue(e.getMessage().contains("'rationale' is required"), e.getMessage());
    }

    @Test
    void triggersRefuseUpdateAndDelete() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("keep me"), ML_LEAD);
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = sql.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE records SET payload = x'00'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM records"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM signatures"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE signers SET role = 'ai-safety'"));
        }
    }

    @Test
    void storeFromANewerVerdictIsRefusedClearly() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("v1"), ML_LEAD);
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO schema_version(version) VALUES (" + (StoreSchema.CURRENT_VERSION + 1) + ")");
        }
        LedgerException e = assertThrows(LedgerException.class, () -> DecisionLog.openReadOnly(db));
        assertTrue(e.getMessage().contains("made by a newer Verdict"), e.getMessage());
    }

    @Test
    void missingOrForeignFilesGetClearMessages() throws Exception {
        LedgerException missing = assertThrows(LedgerException.class, () -> DecisionLog.openReadOnly(dir.resolve("none.db")));
        assertTrue(missing.getMessage().startsWith("no decision log at"));
        Path text = dir.resolve("notes.db");
        java.nio.file.Files.writeString(text, "this is not sqlite, just some notes that are long enough to be a header....");
        LedgerException foreign = assertThrows(LedgerException.class, () -> DecisionLog.openForWriting(text));
        assertTrue(foreign.getMessage().startsWith(text + " is not a SQLite database, so it is not a decision log"),
                foreign.getMessage());
    }

    private static Quorum quorumOf(DecisionLog log, long sequence) throws LedgerException {
        return new LogVerifier().verify(log.snapshot(), Progress.NONE).quorums().get(sequence);
    }

    /** A decision cannot be dated after it is signed: refused, naming the field, and nothing is written. */
    @Test
    void aRecordDatedAfterItIsSignedIsRefused() throws Exception {
        java.time.Instant signed = java.time.Instant.parse("2026-12-06T06:57:00Z");
        Path db = dir.resolve("dated.db");
        try (DecisionLog log = DecisionLog.open(db, false, DecisionLog.DEFAULT_BUSY_TIMEOUT,
                java.time.Clock.fixed(signed, java.time.ZoneOffset.UTC))) {
            DecisionRecord late = LedgerFixtures.retraining("dated tomorrow", "2026-12-07");
            LedgerException refused = org.junit.jupiter.api.Assertions.assertThrows(LedgerException.class,
                    () -> log.append(late, ML_LEAD));
            assertEquals("'decisionDate' 2026-12-07 is after the time the record is signed, 2026-12-06T06:57:00Z (a"
                    + " date no time zone had reached yet): a decision cannot be dated after it was signed; give the"
                    + " date the board decided; nothing was appended", refused.getMessage());
            assertEquals(0, log.snapshot().records().size());
            // where the calendar is furthest ahead (UTC+14) it is already the 6th: a board there dates it so
            log.append(LedgerFixtures.retraining("dated today", "2026-12-06"), ML_LEAD);
        }
    }
}
