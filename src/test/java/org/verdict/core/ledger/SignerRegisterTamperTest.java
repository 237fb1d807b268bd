package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verdict.core.ledger.StoreSurgery.anyProblem;
import static org.verdict.core.ledger.StoreSurgery.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.pack.Hashes;

/**
 * The attacks on who may sign, each done to a copy of a store the way an insider with the sqlite3 shell (or with
 * Verdict itself and a key of their own) would. Each is found by verification, naming the record or log entry; the
 * ones only a reference kept outside the store can reveal are found with that reference.
 */
class SignerRegisterTamperTest {
    private static final SignerKey ADA = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey GRACE = LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT);
    private static final SignerKey JOAN = LedgerFixtures.signer("Joan Clarke", Roles.AI_SAFETY);
    private static final SignerKey BOB = LedgerFixtures.signer("Bob Byrne", "observer");
    private static final SignerKey MALLORY = LedgerFixtures.signer("Mallory Byrne", Roles.ML_LEAD);
    private static final SignerKey ATTACKER = LedgerFixtures.signer("Joan Clarke", Roles.AI_SAFETY);

    @TempDir
    Path dir;
    private Path original;
    private Path db;

    /**
     * #1 retraining by Ada, co-signed by Mallory; #2 a tier-3 promotion by Ada, co-signed by Grace (product) and
     * Bob (observer: completes no quorum); then Ada revokes Mallory's key. #2 awaits ai-safety.
     */
    @BeforeEach
    void store() throws Exception {
        original = dir.resolve("original.db");
        try (DecisionLog log = DecisionLog.openForWriting(original)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.cosign("1", MALLORY);
            log.append(LedgerFixtures.promotion(3, "second"), ADA);
            log.cosign("2", GRACE);
            log.cosign("2", BOB);
            log.revoke(MALLORY.identity().keyId(), "laptop stolen", ADA);
        }
        VerificationReport before = verify(original);
        assertTrue(before.isIntact(), before.problems().toString());
        assertEquals(List.of(Roles.AI_SAFETY), before.quorums().get(2L).missing());
        db = StoreSurgery.copyOf(original, dir, "copy.db");
    }

    private static String keyOf(SignerKey key) {
        return key.identity().keyId();
    }

    private long entryOf(SignerKey key) throws Exception {
        try (DecisionLog log = DecisionLog.openReadOnly(original)) {
            return log.snapshot().signers().get(keyOf(key)).registrationEntry();
        }
    }

    @Test
    void relabellingASignersRoleInTheStoreForgesNoQuorum() throws Exception {
        StoreSurgery.execute(db, "UPDATE signers SET role = 'ai-safety' WHERE key_id = '" + keyOf(BOB) + "'");
        VerificationReport report = verify(db);
        assertFalse(report.isIntact());
        assertTrue(anyProblem(report, "is listed as Bob Byrne (ai-safety), but its signed registration (log entry #"
                + entryOf(BOB) + ") says Bob Byrne (observer): the register was edited"), report.problems().toString());
        assertEquals(List.of(Roles.AI_SAFETY), report.quorums().get(2L).missing(), "the relabelled role counts for nothing");
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("was edited to list as Bob Byrne (ai-safety)")),
                "the record it signed is not shown verified: " + report.problems());
    }

    @Test
    void relabellingASignersNameInTheStoreIsFound() throws Exception {
        StoreSurgery.execute(db, "UPDATE signers SET name = 'Joan Clarke' WHERE key_id = '" + keyOf(BOB) + "'");
        VerificationReport report = verify(db);
        assertTrue(anyProblem(report, "is listed as Joan Clarke (observer), but its signed registration (log entry #"
                + entryOf(BOB) + ") says Bob Byrne (observer)"), report.problems().toString());
        assertFalse(report.isRecordIntact(2));
    }

    /** A name rewritten to another Unicode normalisation prints alike: the message names the code points. */
    @Test
    void aNameRewrittenInAnotherUnicodeNormalisationIsFoundAndShown() throws Exception {
        SignerKey zoe = LedgerFixtures.signer("Zo\u00eb \u00d8rsted", Roles.ML_LEAD);
        Path store = TamperedStore.withRecords(dir.resolve("zoe.db"), zoe, LedgerFixtures.retraining("first"));
        StoreSurgery.execute(store, "UPDATE signers SET name = 'Zoe\u0308 \u00d8rsted' WHERE key_id = '" + keyOf(zoe)
                + "'");
        VerificationReport report = verify(store);
        assertFalse(report.isIntact());
        assertTrue(anyProblem(report, "; the listed name has U+0065 U+0308 where the signed one has U+00EB (the same"
                + " text in another Unicode normalisation, so both print alike): the register was edited"),
                report.problems().toString());
    }

    /** The same key in PEM text with CRLF line endings: the register was edited, but not to another key. */
    @Test
    void aPublicKeyRewrittenWithOtherLineEndingsIsNotCalledAnotherKey() throws Exception {
        StoreSurgery.execute(db, "UPDATE signers SET public_key = replace(public_key, char(10), char(13, 10))"
                + " WHERE key_id = '" + keyOf(BOB) + "'");
        VerificationReport report = verify(db);
        assertFalse(report.isIntact());
        assertTrue(anyProblem(report, "says Bob Byrne (observer); the listed public key is the registered one, its PEM"
                + " text's line endings changed from LF to CRLF: the register was edited"), report.problems().toString());
        assertFalse(anyProblem(report, "another public key"), report.problems().toString());

        StoreSurgery.execute(db, "UPDATE signers SET public_key = '" + JOAN.identity().publicKeyPem()
                + "' WHERE key_id = '" + keyOf(BOB) + "'");
        assertTrue(anyProblem(verify(db), "says Bob Byrne (observer) with another public key: the register was edited"),
                verify(db).problems().toString());
    }

    /**
     * A genuine signature put into the store with a plain INSERT, as an insider holding a registered key could, is
     * covered by no checkpoint: the store cannot tell it from an imported one, so "intact" comes with a note naming
     * it, until the next write's checkpoint covers it.
     */
    @Test
    void aSignatureInsertedBesideVerdictIsNotedAsCoveredByNoCheckpoint() throws Exception {
        byte[] pae = Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, StoreSurgery.bytes(db,
                "SELECT payload FROM records WHERE seq = 1"));
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement insert = sql.prepareStatement("INSERT INTO signatures(record_seq, key_id, signature,"
                     + " signed_at) VALUES (1, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")) {
            insert.setString(1, keyOf(GRACE));
            insert.setBytes(2, GRACE.sign(pae));
            insert.executeUpdate();
        }
        VerificationReport report = verify(db);
        assertTrue(report.isIntact(), report.problems().toString());
        String note = "signature #6 (by Grace Hopper (product) " + LogEntry.abbreviated(keyOf(GRACE))
                + ", on record #1) is covered by no checkpoint, though Verdict signs one with every append and"
                + " co-signature: it was either imported from an envelope signed elsewhere (log import-signature)";
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith(note)), report.notes().toString());

        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.retraining("third"), ADA);
        }
        VerificationReport after = verify(db);
        assertTrue(after.isIntact(), after.problems().toString());
        assertTrue(after.notes().stream().noneMatch(n -> n.contains("covered by no checkpoint, though Verdict signs")),
                "the next write's checkpoint covers it: " + after.notes());
    }

    @Test
    void relabellingInsideTheSignedRegistrationIsFound() throws Exception {
        long entry = entryOf(BOB);
        byte[] payload = StoreSurgery.bytes(db, "SELECT payload FROM entries WHERE seq = ?", entry);
        byte[] relabelled = new String(payload, StandardCharsets.UTF_8).replace("\"observer\"", "\"ai-safety\"")
                .getBytes(StandardCharsets.UTF_8);
        StoreSurgery.withTriggersDropped(db, sql -> {
            try (PreparedStatement update = sql.prepareStatement("UPDATE entries SET payload = ?, entry_id = ? WHERE seq = ?")) {
                update.setBytes(1, relabelled);
                update.setString(2, Hashes.sha256Hex(relabelled));
                update.setLong(3, entry);
                update.executeUpdate();
            }
            sql.createStatement().execute("UPDATE signers SET role = 'ai-safety' WHERE key_id = '" + keyOf(BOB) + "'");
        });
        VerificationReport report = verify(db);
        assertTrue(anyProblem(report, "log entry #" + entry + " (registration of Bob Byrne, ai-safety): the self-signature"
                + " of key " + BOB.identity().shortKeyId() + " does not verify"), report.problems().toString());
        assertTrue(anyProblem(report, "log entries differ from those a checkpoint signed"), report.problems().toString());
        assertEquals(List.of(Roles.AI_SAFETY), report.quorums().get(2L).missing());
        assertFalse(report.isRecordIntact(2), "Bob's signature has no valid registration behind it");
    }

    @Test
    void deletingARevocationRowLeavesTheKeyRevoked() throws Exception {
        StoreSurgery.execute(db, "DELETE FROM revocations WHERE key_id = '" + keyOf(MALLORY) + "'");
        VerificationReport report = verify(db);
        assertTrue(anyProblem(report, "the revocation of Mallory Byrne's key " + MALLORY.identity().shortKeyId()
                + " (log entry #"), report.problems().toString());
        assertTrue(anyProblem(report, "is missing from the revocations table (it was deleted); the key stays revoked"));
        // the revoked key cannot sign: the log, which no longer verifies, takes no signature at all
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerException refused = org.junit.jupiter.api.Assertions.assertThrows(LogNotIntactException.class,
                    () -> log.cosign("2", MALLORY));
            assertTrue(refused.getMessage().contains("no signature was added"), refused.getMessage());
            assertTrue(refused.getMessage().contains("the key stays revoked"), refused.getMessage());
        }
    }

    @Test
    void deletingTheRevocationEntryIsFoundThroughTheCheckpointThatCoversIt() throws Exception {
        StoreSurgery.execute(db, "DELETE FROM entry_signatures WHERE entry_seq = (SELECT max(seq) FROM entries)",
                "DELETE FROM entries WHERE seq = (SELECT max(seq) FROM entries)",
                "DELETE FROM revocations WHERE key_id = '" + keyOf(MALLORY) + "'");
        VerificationReport report = verify(db);
        assertTrue(anyProblem(report, "a checkpoint covers 5 log entries but the store holds 4 (log entries were deleted)"),
                report.problems().toString());
    }

    @Test
    void aBackDatedSignatureOfARevokedKeyDoesNotCount() throws Exception {
        // the thief holds Mallory's key: a genuine signature over record #2, stored with a time before the revocation
        byte[] pae = Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, StoreSurgery.bytes(db, "SELECT payload FROM records WHERE seq = 2"));
        StoreSurgery.withTriggersDropped(db, sql -> {
            try (PreparedStatement insert = sql.prepareStatement(
                    "INSERT INTO signatures(record_seq, key_id, signature, signed_at) VALUES (2, ?, ?, '2000-01-01T00:00:00Z')")) {
                insert.setString(1, keyOf(MALLORY));
                insert.setBytes(2, MALLORY.sign(pae));
                insert.executeUpdate();
            }
        });
        VerificationReport report = verify(db);
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("signature #6 of the store comes after"
                + " the key was revoked (log entry #5)")), report.problems().toString());
        assertTrue(report.isRecordIntact(1), "what Mallory signed before the revocation stays valid");
    }

    @Test
    void anAttackerKeyRegisteredLateThatReSignsOldRecordsIsFound() throws Exception {
        // the insider appends a registration of their own key (self-signed: they hold it) claiming to predate every
        // signature, puts their signature in place of Grace's, and replaces every checkpoint by a fresh one of theirs
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            LogEntry last = snapshot.entries().get(snapshot.entries().size() - 1);
            SignerIdentity who = ATTACKER.identity();
            EntryStatement forged = new EntryStatement(EntryStatement.FORMAT, last.sequence() + 1, Hashes.sha256Hex(last.payload()),
                    EntryStatement.REGISTER, "2026-01-01T00:00:00Z", 0, 0,
                    new EntryStatement.Claim(who.name(), who.role(), who.keyId(), who.publicKeyPem()),
                    Base64.getEncoder().encodeToString(SignerClaim.selfSign(ATTACKER)), null, null, null, null, null, null,
                    null);
            byte[] entry = forged.toBytes();
            byte[] pae = snapshot.records().get(1).pae();
            StoreSurgery.withTriggersDropped(db, sql -> {
                try (PreparedStatement insert = sql.prepareStatement("INSERT INTO entries(seq, entry_id, payload) VALUES (?, ?, ?)");
                     PreparedStatement signer = sql.prepareStatement("INSERT INTO signers VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')");
                     PreparedStatement resign = sql.prepareStatement("UPDATE signatures SET key_id = ?, signature = ? WHERE key_id = ?")) {
                    insert.setLong(1, forged.sequence());
                    insert.setString(2, Hashes.sha256Hex(entry));
                    insert.setBytes(3, entry);
                    insert.executeUpdate();
                    signer.setString(1, who.keyId());
                    signer.setString(2, who.name());
                    signer.setString(3, who.role());
                    signer.setString(4, who.publicKeyPem());
                    signer.executeUpdate();
                    resign.setString(1, who.keyId());
                    resign.setBytes(2, ATTACKER.sign(pae));
                    resign.setString(3, keyOf(GRACE));
                    resign.executeUpdate();
                }
                sql.createStatement().execute("DELETE FROM checkpoints");
            });
        }
        insertFreshCheckpoint(db, ATTACKER);
        VerificationReport report = verify(db);
        assertFalse(report.isIntact());
        assertTrue(anyProblem(report, "(registration of Joan Clarke, ai-safety): claims a place (after 0 records and 0"
                + " signatures) out of order with the log"), report.problems().toString());

        TrustedSigners roster = roster(ADA, GRACE, JOAN, BOB, MALLORY);
        VerificationReport withRoster = verify(db, new VerificationOptions(roster, null, false));
        assertTrue(withRoster.problemsOf(2).stream().anyMatch(p -> p.message().contains("a key that is not in the trusted"
                + " signers list")), withRoster.problems().toString());
        assertTrue(anyProblem(withRoster, "checkpoints are signed by Joan Clarke (ai-safety, " + ATTACKER.identity().shortKeyId()
                + "), a key that is not in the trusted signers list"));
        VerificationReport withoutAda = verify(original, new VerificationOptions(roster(GRACE, JOAN, BOB, MALLORY), null, false));
        // a revocation signed by no listed key does not count under the list, and is reported once, as such
        assertTrue(anyProblem(withoutAda, "(revocation of Mallory Byrne's key " + MALLORY.identity().shortKeyId()
                + "): signed only by Ada Lovelace (ml-lead, " + ADA.identity().shortKeyId() + "), a key that is not in"
                + " the trusted signers list, not by the key's own holder: the revocation does not count"),
                withoutAda.problems().toString());
    }

    @Test
    void anAttackerKeyRegisteredThroughVerdictIsFoundOnlyWithTheTrustedSigners() throws Exception {
        // with write access and Verdict itself the insider makes a self-consistent log: their own key, registered as
        // Joan Clarke (ai-safety), completes the tier-3 quorum
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.cosign("2", ATTACKER);
        }
        VerificationReport storeOnly = verify(db);
        assertTrue(storeOnly.isIntact(), "nothing in the store contradicts it: " + storeOnly.problems());
        assertTrue(storeOnly.quorums().get(2L).isMet());

        VerificationReport report = verify(db, new VerificationOptions(roster(ADA, GRACE, JOAN, BOB, MALLORY), null, false));
        assertFalse(report.isIntact());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("signed by Joan Clarke (ai-safety, "
                + ATTACKER.identity().shortKeyId() + "), a key that is not in the trusted signers list")), report.problems().toString());
        assertEquals(List.of(Roles.AI_SAFETY), report.quorums().get(2L).missing(), "an untrusted key completes no quorum");
    }

    @Test
    void aSignerRegisteredUnderAnotherRoleThanTheOrganisationListsIsFound() throws Exception {
        // Bob registered himself as observer; the organisation lists his key as ai-safety (or the reverse): either
        // way his signature does not count until the two agree
        SignerIdentity bob = BOB.identity();
        TrustedSigners roster = new TrustedSigners(Path.of("trusted-signers.json"), java.util.Map.of(
                keyOf(ADA), new TrustedSigners.Trusted("Ada Lovelace", Roles.ML_LEAD, keyOf(ADA)),
                keyOf(GRACE), new TrustedSigners.Trusted("Grace Hopper", Roles.PRODUCT, keyOf(GRACE)),
                bob.keyId(), new TrustedSigners.Trusted("Bob Byrne", Roles.AI_SAFETY, bob.keyId())));
        VerificationReport report = verify(db, new VerificationOptions(roster, null, false));
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("the trusted signers list gives key "
                + bob.shortKeyId() + " the role ai-safety, not observer")), report.problems().toString());
        assertEquals(List.of(Roles.AI_SAFETY), report.quorums().get(2L).missing());
    }

    @Test
    void deletingTheNewestRecordWithItsCheckpointIsFoundAgainstACheckpointKeptElsewhere() throws Exception {
        Checkpoint kept;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(1, "third"), ADA);
            kept = log.snapshot().latestCheckpoint().orElseThrow();
        }
        StoreSurgery.execute(db, "DELETE FROM checkpoints WHERE tree_size = 3", "DELETE FROM signatures WHERE record_seq = 3",
                "DELETE FROM records WHERE seq = 3");
        assertTrue(verify(db).isIntact(), "the store alone cannot tell (the documented limit)");
        VerificationReport report = verify(db, new VerificationOptions(null, kept, false));
        assertTrue(anyProblem(report, "the checkpoint kept outside the store (3 records) is not extended by this log: the"
                + " checkpoint covers 3 records but the log now holds only 2"), report.problems().toString());
        VerificationReport unlisted = verify(original, new VerificationOptions(roster(GRACE), kept, false));
        assertTrue(anyProblem(unlisted, "the checkpoint is signed by Ada Lovelace (" + ADA.identity().shortKeyId()
                + "), a key that is not in the trusted signers list"), "a kept checkpoint is only as good as its signer: "
                + unlisted.problems());
    }

    @Test
    void registrationsWithoutEndorsementAreReportedWhenTheOrganisationRequiresIt() throws Exception {
        VerificationReport required = verify(db, new VerificationOptions(null, null, true));
        assertTrue(anyProblem(required, "registers Grace Hopper (product, " + GRACE.identity().shortKeyId()
                + ") without an endorsement by an existing signer"), required.problems().toString());
        assertFalse(anyProblem(required, "registers Ada Lovelace"), "the first signer needs no endorsement");

        Path endorsed = dir.resolve("endorsed.db");
        try (DecisionLog log = DecisionLog.openForWriting(endorsed)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.register(GRACE.identity(), SignerClaim.selfSign(GRACE), List.of(ADA));
            log.cosign("1", GRACE);
        }
        VerificationReport report = verify(endorsed, new VerificationOptions(null, null, true));
        assertTrue(report.isIntact(), report.problems().toString());
        try (DecisionLog log = DecisionLog.openReadOnly(endorsed)) {
            assertEquals(List.of(ADA.identity().toString()), log.snapshot().signers().get(keyOf(GRACE)).endorsers());
        }
    }

    /**
     * A second key registered under the name and role of a signer in force, with nobody's endorsement, is how someone
     * with write access impersonates that signer: reported by default and even when unendorsed registrations are
     * accepted, on the registration and on every record it signed, whose signature then counts towards no quorum.
     * Endorsed by a signer the log vouches for (a member's second laptop), it stands; the store alone reports nothing.
     */
    @Test
    void aSecondKeyUnderASignersNameAndRoleIsReportedByDefaultAndCountsForNothing() throws Exception {
        SignerKey impostor = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
        Path forged = dir.resolve("forged.db");
        try (DecisionLog log = DecisionLog.openForWriting(forged)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.append(LedgerFixtures.promotion(2, "forged"), impostor);
        }
        String second = "registers Ada Lovelace (ml-lead, " + impostor.identity().shortKeyId() + ") as a second key under"
                + " the name and role of Ada Lovelace (ml-lead, key " + ADA.identity().shortKeyId() + ", log entry #1,"
                + " still in force), without an endorsement by an existing signer";
        for (VerificationOptions options : List.of(VerificationOptions.DEFAULT,
                new VerificationOptions(null, null, false))) {
            VerificationReport report = verify(forged, options);
            assertFalse(report.isTampered(), report.problems().toString());
            assertEquals("POLICY NOT MET", report.heading());
            assertTrue(anyProblem(report, second), report.problems().toString());
            assertEquals(Integrity.POLICY_NOT_MET, Integrity.of(report.problemsOf(2)), report.problemsOf(2).toString());
            assertEquals(List.of(Roles.ML_LEAD), report.quorums().get(2L).missing(), "the impostor completes no quorum");
            assertTrue(report.isRecordIntact(1));
        }
        assertTrue(verify(forged, VerificationOptions.STORE_ONLY).isIntact(), "the store alone shows no change");

        Path laptop = dir.resolve("laptop.db");
        try (DecisionLog log = DecisionLog.openForWriting(laptop)) {
            log.append(LedgerFixtures.retraining("first"), ADA);
            log.register(impostor.identity(), SignerClaim.selfSign(impostor), List.of(ADA));
            log.append(LedgerFixtures.promotion(2, "from the second laptop"), impostor);
        }
        VerificationReport endorsed = verify(laptop, VerificationOptions.DEFAULT);
        assertTrue(endorsed.isIntact(), endorsed.problems().toString());
    }

    /** Unendorsed registrations are reported by default; --allow-unendorsed (SECOND_KEYS) accepts them. */
    @Test
    void registrationsWithoutEndorsementAreReportedByDefault() throws Exception {
        VerificationReport byDefault = verify(db, VerificationOptions.DEFAULT);
        assertEquals("POLICY NOT MET", byDefault.heading(), byDefault.problems().toString());
        assertTrue(anyProblem(byDefault, "registers Grace Hopper (product, " + GRACE.identity().shortKeyId()
                + ") without an endorsement by an existing signer"), byDefault.problems().toString());
        VerificationReport allowed = verify(db, new VerificationOptions(null, null, false));
        assertFalse(anyProblem(allowed, "without an endorsement"), allowed.problems().toString());
    }

    @Test
    void aRegistrationWhoseSelfSignatureIsMissingIsRefused() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LedgerException refused = org.junit.jupiter.api.Assertions.assertThrows(LedgerException.class,
                    () -> log.register(JOAN.identity(), SignerClaim.selfSign(ATTACKER), List.of()));
            assertTrue(refused.getMessage().contains("no valid self-signature"), refused.getMessage());
        }
    }

    private static TrustedSigners roster(SignerKey... keys) {
        java.util.Map<String, TrustedSigners.Trusted> byKey = new java.util.LinkedHashMap<>();
        for (SignerKey key : keys) {
            SignerIdentity who = key.identity();
            byKey.put(who.keyId(), new TrustedSigners.Trusted(who.name(), who.role(), who.keyId()));
        }
        return new TrustedSigners(Path.of("trusted-signers.json"), byKey);
    }

    /** Signs a checkpoint of the store as it stands now with {@code key}, as an attacker with that key would. */
    private static void insertFreshCheckpoint(Path db, SignerKey key) throws Exception {
        LogSnapshot snapshot;
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            snapshot = log.snapshot();
        }
        MerkleTree tree = snapshot.tree();
        List<RecordSignature> signatures = snapshot.signaturesInOrder();
        int entries = snapshot.entries().size();
        Checkpoint fresh = Checkpoint.sign(snapshot.origin(), tree.size(), tree.rootHash(tree.size()), signatures.size(),
                LogSnapshot.signaturesHashes(signatures).get(signatures.size()), entries, snapshot.entriesHead(entries), key);
        StoreSurgery.withTriggersDropped(db, sql -> {
            try (PreparedStatement insert = sql.prepareStatement("INSERT INTO checkpoints(tree_size, signature_count,"
                    + " signatures_hash, origin, root_hash, key_id, signature, entry_count, entries_hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, fresh.treeSize());
                insert.setLong(2, fresh.signatureCount());
                insert.setBytes(3, fresh.signaturesHash());
                insert.setString(4, fresh.origin());
                insert.setBytes(5, fresh.rootHash());
                insert.setString(6, fresh.keyId());
                insert.setBytes(7, fresh.signature());
                insert.setLong(8, fresh.entryCount());
                insert.setBytes(9, fresh.entriesHash());
                insert.executeUpdate();
            }
        });
    }
}
