package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

/**
 * Every way an insider with write access could alter the log (change a byte, delete, swap, forge or re-sign, alter a
 * checkpoint), done the way they would with the sqlite3 shell: plain JDBC, after dropping the append-only
 * triggers. The log is only tamper-evident if verification fails and names the first bad record in each case.
 */
class TamperDetectionTest {
    private static final SignerKey ML_LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);
    private static final SignerKey INTRUDER = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);

    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void threeRecords() throws Exception {
        db = TamperedStore.withRecords(dir.resolve("decisions.db"), ML_LEAD, LedgerFixtures.retraining("first"),
                LedgerFixtures.promotion(2, "second"), LedgerFixtures.promotion(1, "third"));
        assertTrue(verify().isIntact());
    }

    /** Capitalizes {@code word} (which record {@code seq}'s payload holds once) in that payload: one changed byte. */
    private void changeFirstLetterOf(int seq, String word) throws Exception {
        TamperedStore.changeRecord(db, seq, word, Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }

    @Test
    void aChangedPayloadByteIsFound() throws Exception {
        changeFirstLetterOf(2, "second");
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("no longer match its id")));
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().equals("the signature of "
                + ML_LEAD.identity() + " is invalid: the record was altered after it was signed (its bytes no longer"
                + " match its id)")), report.problems().toString());
        assertTrue(report.problemsOf(3).stream().anyMatch(p -> p.message().contains("hash chain broken")));
        assertTrue(report.isRecordIntact(1));
    }

    /**
     * One changed byte in record #1 breaks the hash chain of #2 and the checkpoints over #2 and #3, records whose own
     * bytes and signatures still verify: they read "chain broken after #1", never "tampered", so that an auditor
     * counts the one record that was changed; every problem is listed in record order, #1's first.
     */
    @Test
    void recordsAfterAChangedOneAreMarkedAsFollowingItNotAsChanged() throws Exception {
        changeFirstLetterOf(1, "first");
        VerificationReport report = verify();
        assertTrue(report.isTampered());
        assertEquals(Optional.of(1L), report.firstBadRecord());
        assertEquals(Integrity.TAMPERED, Integrity.of(report.problemsOf(1)));
        assertEquals("✖ tampered", Integrity.badgeOf(report.problemsOf(1)));
        assertEquals(Integrity.CHAIN_BROKEN, Integrity.of(report.problemsOf(2)), report.problems().toString());
        assertEquals("⚠ chain broken after #1", Integrity.badgeOf(report.problemsOf(2)));
        assertEquals(List.of("does not follow record #1, which was changed (hash chain broken after #1); this record's"
                + " own bytes and signatures verify", "the Merkle root of the first 2 records differs from the signed"
                + " checkpoint because record #1, among them, was changed; this record's own bytes and signatures verify"),
                report.problemsOf(2).stream().map(VerificationReport.Problem::message).toList());
        // #3 follows #2, which is whole: only the checkpoint over all three shows #1's change
        assertEquals("⚠ chain broken after #1", Integrity.badgeOf(report.problemsOf(3)), report.problems().toString());
        assertEquals(Integrity.TAMPERED, Integrity.of(report.problems()), "the log is tampered all the same");
        List<Long> order = report.problems().stream().map(VerificationReport.Problem::sequence).toList();
        assertEquals(order.stream().sorted(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).toList(), order,
                report.problems().toString());
    }

    /** After two changed records, the chain of the next breaks after the nearer one. */
    @Test
    void aBrokenChainNamesTheNearestChangedRecordBeforeIt() throws Exception {
        changeFirstLetterOf(1, "first");
        changeFirstLetterOf(2, "second");
        VerificationReport report = verify();
        assertEquals(Integrity.TAMPERED, Integrity.of(report.problemsOf(2)), "a record changed itself is no follower");
        assertEquals("⚠ chain broken after #2", Integrity.badgeOf(report.problemsOf(3)), report.problems().toString());
    }

    /**
     * A record rewritten and signed again with its signer's own key verifies on its own, but the checkpoint made
     * after it still holds the root over it as it was: with no changed record before it, that is its own change.
     */
    @Test
    void aRecordResignedByItsOwnSignerIsChangedThroughItsCheckpoint() throws Exception {
        byte[] rewritten = new String(payloadOf(1), java.nio.charset.StandardCharsets.UTF_8).replace("first", "First")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        withTriggersDropped(sql -> {
            try (PreparedStatement record = sql.prepareStatement("UPDATE records SET payload = ?, record_id = ? WHERE seq = 1");
                 PreparedStatement signature = sql.prepareStatement("UPDATE signatures SET signature = ? WHERE record_seq = 1")) {
                record.setBytes(1, rewritten);
                record.setString(2, org.verdict.core.pack.Hashes.sha256Hex(rewritten));
                record.executeUpdate();
                signature.setBytes(1, ML_LEAD.sign(Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, rewritten)));
                signature.executeUpdate();
            }
        });
        VerificationReport report = verify();
        assertEquals(List.of("the Merkle root of the first 1 records differs from the signed checkpoint (a record up to"
                + " #1 changed)"), report.problemsOf(1).stream().map(VerificationReport.Problem::message).toList());
        assertEquals(Integrity.TAMPERED, Integrity.of(report.problemsOf(1)));
        assertEquals("⚠ chain broken after #1", Integrity.badgeOf(report.problemsOf(2)), report.problems().toString());
    }

    /**
     * Dropping the triggers changes no record, but it is how records are removed from the end unseen: the log is
     * SUSPECT, never intact, and takes no write; the guard is not put back in passing, only by
     * {@link DecisionLog#restoreGuard} once the log extends a checkpoint kept outside it.
     */
    @Test
    void droppedAppendOnlyTriggersMakeTheLogSuspectUntilRestoredAgainstAKeptCheckpoint() throws Exception {
        Checkpoint kept;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            kept = log.latestVerifiedCheckpoint();
        }
        dropEveryTrigger();
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertFalse(report.isTampered(), "no record changed");
        assertTrue(report.isSuspect());
        assertEquals("SUSPECT", report.heading());
        assertEquals(Integrity.SUSPECT, Integrity.of(report.problems()));
        assertTrue(report.problems().get(0).message().startsWith("the store's append-only guard is missing, 24"
                + " triggers dropped (log_info_no_update, log_info_no_delete, log_info_no_replace, signers_no_update"),
                report.problems().toString());
        assertTrue(report.isRecordIntact(1), "no record is marked for it");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LogNotIntactException refused = org.junit.jupiter.api.Assertions.assertThrows(LogNotIntactException.class,
                    () -> log.append(LedgerFixtures.promotion(2, "fourth"), ML_LEAD));
            assertTrue(refused.getMessage().contains("was changed by something other than Verdict (24 guard triggers dropped)"), refused.getMessage());
        }
        assertTrue(verify().isSuspect(), "the refused write did not restore the guard");

        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            assertEquals(24, log.restoreGuard(kept, Path.of("kept.json")).dropped().size());
            log.append(LedgerFixtures.promotion(2, "fourth"), ML_LEAD);
        }
        assertTrue(verify().isIntact(), verify().problems().toString());
        assertTrue(verify().notes().isEmpty(), verify().notes().toString());
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = sql.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE records SET appended_at = 'x' WHERE seq = 1"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    /** Checked against a kept checkpoint the log extends, a dropped guard is a note, not a finding. */
    @Test
    void aDroppedGuardIsANoteWhenTheLogExtendsAKeptCheckpoint() throws Exception {
        Checkpoint kept;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            kept = log.latestVerifiedCheckpoint();
        }
        dropEveryTrigger();
        VerificationReport report = StoreSurgery.verify(db, new VerificationOptions(null, kept, false));
        assertTrue(report.isIntact(), report.problems().toString());
        assertTrue(report.notes().get(0).contains("the log still extends the checkpoint kept outside it"),
                report.notes().toString());
    }

    private void dropEveryTrigger() throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            StoreSurgery.dropTriggers(sql);
        }
    }

    /** The status bar shows the verifier's last step until the result is shown: "verified" only of an intact log. */
    @Test
    void theLastProgressStepSaysVerifiedOnlyOfAnIntactLog() throws Exception {
        assertEquals("verified", lastProgressMessage());
        changeFirstLetterOf(2, "second");
        String last = lastProgressMessage();
        assertFalse(last.contains("verified"), last);
        assertTrue(last.startsWith("TAMPERED: "), last);
    }

    private String lastProgressMessage() throws LedgerException {
        List<String> messages = new ArrayList<>();
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            new LogVerifier().verify(log.snapshot(), VerificationOptions.STORE_ONLY, new Progress() {
                @Override
                public void update(double fraction, String message) {
                    messages.add(message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
        return messages.get(messages.size() - 1);
    }

    /**
     * A record changed after it was signed was signed (tier 2, by its ML lead): its status says the signature is
     * invalid, never "awaiting signatures" as if it were merely pending, nor "signed".
     */
    @Test
    void aChangedRecordsStatusSaysItsSignatureIsInvalidNotAwaiting() throws Exception {
        assertEquals(Quorum.SIGNED, verify().quorums().get(2L).label());
        changeFirstLetterOf(2, "second");
        Quorum status = verify().quorums().get(2L);
        assertEquals("signature invalid: record altered after signing", status.label());
        assertFalse(status.isMet());
        assertEquals(Quorum.SIGNED, verify().quorums().get(1L).label(), "the records before it keep theirs");
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            assertEquals(status.label(), LogVerifier.quorumOf(snapshot, snapshot.records().get(1)).label(),
                    "the signing commands' status says the same");
        }
    }

    @Test
    void aChangeSeenByEveryCheckpointOfOneSizeIsReportedOnce() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            // each co-signature adds a checkpoint over the same three records
            log.cosign("2", LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT));
            log.cosign("2", LedgerFixtures.signer("Joan Clarke", Roles.AI_SAFETY));
        }
        changeFirstLetterOf(3, "third");
        List<String> problems = verify().problemsOf(3).stream().map(VerificationReport.Problem::message).toList();
        assertEquals(1, problems.stream().filter(m -> m.startsWith("the Merkle root of the first 3 records differs")).count(),
                problems.toString());
        assertEquals(problems.size(), problems.stream().distinct().count(), problems.toString());
    }

    // The stored times are the store's clock and signed by nobody: an edit breaks no signature, but it cannot tell an
    // impossible story unnoticed.
    @Test
    void aSignatureTimeBeforeItsRecordsSignedAppendTimeIsFound() throws Exception {
        execute("UPDATE signatures SET signed_at = '2020-11-01T09:00:00Z' WHERE record_seq = 2");
        VerificationReport report = verify();
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("is stored as made at "
                + "2020-11-01T09:00:00Z, before the record's signed append time")), report.problems().toString());
        assertTrue(report.isRecordIntact(1));
        assertTrue(report.isRecordIntact(3) || report.problemsOf(3).stream()
                .allMatch(p -> p.message().contains("signed_at")), report.problems().toString());
    }

    @Test
    void aStoredAppendTimeThatIsNotTheSignedOneIsFound() throws Exception {
        String signed = signedAppendTime(2);
        execute("UPDATE records SET appended_at = '2020-11-01T09:00:00Z' WHERE seq = 2");
        VerificationReport report = verify();
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().equals("its stored append time "
                + "2020-11-01T09:00:00Z is not the signed one, " + signed
                + " (records.appended_at was changed)")), report.problems().toString());
    }

    @Test
    void signatureTimesRunningBackwardsAgainstTheirOrderAreFound() throws Exception {
        // signature #2 moved into the future: #3, which entered the store after it, now seems to come first; both
        // times stay after their records' signed append times
        execute("UPDATE signatures SET signed_at = '2999-01-01T00:00:00Z' WHERE sig_seq = 2");
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertTrue(report.problemsOf(3).stream().anyMatch(p -> p.message().contains("signature #3 (by Ada Lovelace "
                + "(ml-lead) ") && p.message().contains("before signature #2 (2999-01-01T00:00:00Z)")),
                report.problems().toString());
    }

    private String signedAppendTime(int seq) throws Exception {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return log.snapshot().records().get(seq - 1).statement().orElseThrow().appendedAt();
        }
    }

    private void execute(String update) throws Exception {
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate(update);
            }
        });
    }

    @Test
    void swappedRecordsAreFound() throws Exception {
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                // move whole rows, signatures included, so every signature still verifies on its own
                s.executeUpdate("UPDATE signatures SET record_seq = -2 WHERE record_seq = 2");
                s.executeUpdate("UPDATE signatures SET record_seq = 2 WHERE record_seq = 3");
                s.executeUpdate("UPDATE records SET seq = -2 WHERE seq = 2");
                s.executeUpdate("UPDATE records SET seq = 2 WHERE seq = 3");
                s.executeUpdate("UPDATE records SET seq = 3 WHERE seq = -2");
                s.executeUpdate("UPDATE signatures SET record_seq = 3 WHERE record_seq = -2");
            }
        });
        VerificationReport report = verify();
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("swapped or moved")), report.problems().toString());
    }

    @Test
    void aDeletedRecordIsFound() throws Exception {
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2");
                s.executeUpdate("DELETE FROM records WHERE seq = 2");
            }
        });
        VerificationReport report = verify();
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("was deleted")), report.problems().toString());
    }

    @Test
    void aDeletedLastRecordIsFoundThroughTheCheckpoint() throws Exception {
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM signatures WHERE record_seq = 3");
                s.executeUpdate("DELETE FROM records WHERE seq = 3");
            }
        });
        VerificationReport report = verify();
        assertEquals(Optional.of(3L), report.firstBadRecord());
        assertTrue(report.problemsOf(3).stream().anyMatch(p -> p.message().contains("records were deleted")));
    }

    @Test
    void aForgedSignatureIsFound() throws Exception {
        byte[] forged = INTRUDER.sign(Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, payloadOf(2)));
        withTriggersDropped(sql -> {
            try (PreparedStatement update = sql.prepareStatement("UPDATE signatures SET signature = ? WHERE record_seq = 2")) {
                update.setBytes(1, forged);
                update.executeUpdate();
            }
        });
        VerificationReport report = verify();
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("does not verify")));
        // the record still matches its id, so the status names whose signature fails, beside what is still missing
        assertEquals("signature invalid (Ada Lovelace); awaiting signatures (ml-lead)",
                report.quorums().get(2L).label());
    }

    @Test
    void recordsDeletedWithoutTheirSignaturesAndCheckpointsAreNamedByTheSignaturesLeftBehind() throws Exception {
        // what the sqlite3 shell allows (foreign keys are off there): the newest records and every checkpoint go,
        // their signatures stay
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM records WHERE seq >= 2");
                s.executeUpdate("DELETE FROM checkpoints WHERE tree_size >= 2");
            }
        });
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertEquals(Optional.of(2L), report.firstBadRecord());
        assertTrue(report.problems().stream().anyMatch(p -> p.toString().equals("record #2: signature #2 (by "
                + "Ada Lovelace (ml-lead) " + LogEntry.abbreviated(ML_LEAD.identity().keyId()) + ") is stored for"
                + " record #2, which the log does not hold (the record was deleted)")), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().startsWith("signature #3 ")),
                report.problems().toString());
        assertTrue(report.problems().stream().noneMatch(p -> p.message().contains("of the store is missing")),
                "a signature left behind is there: " + report.problems());
    }

    @Test
    void aRevocationWhoseCheckpointWasDeletedIsFound() throws Exception {
        SignerKey grace = LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.cosign("2", grace);
            log.revoke(grace.identity().keyId(), "laptop lost", grace);
        }
        assertTrue(verify().isIntact());
        // the revocation is written with its own checkpoint: deleting that checkpoint leaves the entry uncovered
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM checkpoints WHERE id = (SELECT max(id) FROM checkpoints)");
            }
        });
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().startsWith("log entry #3 (revocation of ")
                && p.message().endsWith(" is covered by no checkpoint, though it was signed by Grace Hopper (product) "
                + LogEntry.abbreviated(grace.identity().keyId()) + " and such an entry is written together with that"
                + " signer's checkpoint (checkpoints were deleted)")), report.problems().toString());
    }

    /**
     * Deleting every record, signature and checkpoint leaves only the register's entries: that store cannot be told
     * from one where a signer was registered from a signer file and nothing appended yet, so it verifies, but its
     * summary says what the store alone cannot show and a note names the entries no checkpoint covers.
     */
    @Test
    void aWipedLogIsNeverCalledIntactWithoutSayingWhatItCannotSee() throws Exception {
        assertTrue(verify().summary().endsWith("; " + VerificationReport.UNDETECTABLE_REMOVAL), verify().summary());
        assertEquals(List.of(), verify().notes(), "every entry of an untouched log is covered by a checkpoint");
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM signatures");
                s.executeUpdate("DELETE FROM records");
                s.executeUpdate("DELETE FROM checkpoints");
            }
        });
        VerificationReport report = verify();
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals("intact: 0 records, every signature, the hash chain, the Merkle tree and every checkpoint verify; "
                + "records removed from the end cannot be detected without a checkpoint kept outside the log",
                report.summary());
        assertEquals(1, report.notes().size(), report.notes().toString());
        // Ada was registered by her own append, not from a signer file: the note claims neither origin
        assertEquals("log entry #1 (registration of Ada Lovelace, ml-lead) is covered by no checkpoint: it came either"
                + " from a signer file (log register --signer), a migration or a record of the store's format, which wait for the"
                + " next append's checkpoint, or with an append, co-signature or key registration whose records, signatures and checkpoint were deleted"
                + " since; the store holds nothing that tells the two apart, only a checkpoint kept outside the log does",
                report.notes().get(0));
    }

    @Test
    void anEntryWrittenAfterRecordsTheStoreNoLongerHoldsNamesWhatIsMissing() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.cosign("3", LedgerFixtures.signer("Grace Hopper", Roles.PRODUCT));
        }
        // Grace was registered after 3 records and 3 signatures; the newest record, both its signatures and every
        // checkpoint are deleted
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM signatures WHERE record_seq = 3");
                s.executeUpdate("DELETE FROM records WHERE seq = 3");
                s.executeUpdate("DELETE FROM checkpoints");
            }
        });
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().equals("log entry #2 (registration of Grace"
                + " Hopper, product): was written after 3 records and 3 signatures, but the store holds 2 records and 2"
                + " signatures (1 record and 1 signature were removed)")), report.problems().toString());
    }

    @Test
    void aRewrittenRecordResignedWithASubstitutedKeyIsFound() throws Exception {
        // the insider changes record 2 and re-signs it with a key of their own, put in place of Ada's
        byte[] payload = payloadOf(2);
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8).replace("second", "SECOND");
        byte[] rewritten = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        withTriggersDropped(sql -> {
            try (PreparedStatement key = sql.prepareStatement("UPDATE signers SET public_key = ?");
                 PreparedStatement record = sql.prepareStatement("UPDATE records SET payload = ?, record_id = ? WHERE seq = 2");
                 PreparedStatement signature = sql.prepareStatement("UPDATE signatures SET signature = ? WHERE record_seq = 2")) {
                key.setString(1, INTRUDER.identity().publicKeyPem());
                key.executeUpdate();
                record.setBytes(1, rewritten);
                record.setString(2, org.verdict.core.pack.Hashes.sha256Hex(rewritten));
                record.executeUpdate();
                signature.setBytes(1, INTRUDER.sign(Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, rewritten)));
                signature.executeUpdate();
            }
        });
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        // the signed registration still holds Ada's own key: the edited table is named, the forged signature fails
        assertTrue(report.problems().stream().anyMatch(p -> p.message().contains("with another public key: the register"
                + " was edited")), report.problems().toString());
        // every record Ada's key signed is suspect once her row was edited; the forged one also fails to verify
        assertEquals(Optional.of(1L), report.firstBadRecord());
        assertTrue(report.problemsOf(1).stream().anyMatch(p -> p.message().contains("signer register was edited")));
        assertTrue(report.problemsOf(2).stream().anyMatch(p -> p.message().contains("does not verify")));
        assertTrue(report.problemsOf(3).stream().anyMatch(p -> p.message().contains("hash chain broken")));
    }

    @Test
    void aDeletedCoSignatureIsFoundThroughTheCheckpointThatCoveredIt() throws Exception {
        SignerKey grace = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.cosign("2", grace);
            log.append(LedgerFixtures.retraining("fourth, after the co-signature"), ML_LEAD);
        }
        assertTrue(verify().isIntact());
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM signatures WHERE record_seq = 2 AND key_id <> '" + ML_LEAD.identity().keyId() + "'");
            }
        });
        VerificationReport report = verify();
        assertFalse(report.isIntact());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().contains("signatures were deleted")), report.problems().toString());
        // who signed it is knowable from the checkpoint made with it; which of the three records Grace had not signed
        // is not (none of them waits for ai-safety, records of tier 1 and 2 need an ML lead alone), so each is listed
        // and none is marked
        assertTrue(report.problems().stream().anyMatch(p -> p.message().equals("signature #4 of the store is missing"
                + " (a signature was deleted): a co-signature by Grace Hopper (ai-safety) " + grace.identity().shortKeyId()
                + " (the checkpoint made with it is signed by that key; records it may have signed: #1, #2, #3)")),
                report.problems().toString());
        assertTrue(report.isRecordIntact(2), report.problems().toString());
    }

    @Test
    void aDeletedCoSignatureThatCompletedAQuorumMarksTheRecordLeftAwaitingIt() throws Exception {
        // a tier-3 promotion needs AI Safety, Product and an ML lead; the product signature is deleted, so the record
        // awaits product again and a new product signature could bury the deletion, unless the record is marked
        SignerKey safety = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);
        SignerKey product = LedgerFixtures.signer("Pat Product", Roles.PRODUCT);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(3, "fourth, tier 3"), ML_LEAD);
            log.cosign("4", safety);
            log.cosign("4", product);
        }
        assertTrue(verify().isIntact());
        assertEquals(Quorum.SIGNED, verify().quorums().get(4L).label());
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("DELETE FROM signatures WHERE record_seq = 4 AND key_id = '"
                        + product.identity().keyId() + "'");
            }
        });
        VerificationReport report = verify();
        // records #1 – #3 lack Pat's signature too, but only #4 waits for a product signature
        assertEquals(Optional.of(4L), report.firstBadRecord(), report.problems().toString());
        assertTrue(report.problemsOf(4).stream().anyMatch(p -> p.message().startsWith("signature #6 of the store is"
                + " missing (a signature was deleted): a co-signature by Pat Product (product) "
                + product.identity().shortKeyId() + " of record #4")), report.problems().toString());
        assertTrue(report.isRecordIntact(1) && report.isRecordIntact(2) && report.isRecordIntact(3),
                report.problems().toString());
    }

    @Test
    void aDeletedSignatureNamesItsRecordAndSignerWhereTheStoreStillTellsThem() throws Exception {
        SignerKey grace = LedgerFixtures.signer("Grace Hopper", Roles.AI_SAFETY);
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.cosign("1", grace);
            log.cosign("2", grace);
            log.cosign("3", grace);
        }
        Path appenders = StoreSurgery.copyOf(db, dir, "appenders.db");
        Path coSigners = StoreSurgery.copyOf(db, dir, "co-signers.db");
        String delete = "DELETE FROM signatures WHERE record_seq = 2 AND key_id = '%s'";
        StoreSurgery.execute(appenders, delete.formatted(ML_LEAD.identity().keyId()));
        StoreSurgery.execute(coSigners, delete.formatted(grace.identity().keyId()));
        assertTrue(StoreSurgery.anyProblem(StoreSurgery.verify(appenders), "signature #2 of the store is missing (a"
                + " signature was deleted): the appender's signature of record #2, by Ada Lovelace (ml-lead) "
                + ML_LEAD.identity().shortKeyId() + " (the checkpoint made with it is signed by that key)"),
                StoreSurgery.verify(appenders).problems().toString());
        // Grace still signs records #1 and #3: the one she no longer signs is #2
        assertTrue(StoreSurgery.anyProblem(StoreSurgery.verify(coSigners), "signature #5 of the store is missing (a"
                + " signature was deleted): a co-signature by Grace Hopper (ai-safety) " + grace.identity().shortKeyId()
                + " of record #2 (the checkpoint made with it is signed by that key, and #2 is the only record it"
                + " could then sign that lacks its signature)"), StoreSurgery.verify(coSigners).problems().toString());
        assertFalse(StoreSurgery.verify(coSigners).isRecordIntact(2));
    }

    @Test
    void aChangedCheckpointIsFound() throws Exception {
        withTriggersDropped(sql -> {
            try (Statement s = sql.createStatement()) {
                s.executeUpdate("UPDATE checkpoints SET root_hash = zeroblob(32) WHERE id = (SELECT max(id) FROM checkpoints)");
            }
        });
        VerificationReport report = verify();
        assertEquals(Optional.of(3L), report.firstBadRecord());
        assertTrue(report.problemsOf(3).stream().anyMatch(p -> p.message().contains("not validly signed")),
                report.problems().toString());
    }

    @Test
    void storeWithoutTheTamperingStillVerifiesAfterReopening() throws Exception {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            assertEquals(3, log.snapshot().records().size());
        }
        assertTrue(verify().isIntact());
    }

    private VerificationReport verify() throws LedgerException {
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            return new LogVerifier().verify(log.snapshot(), Progress.NONE);
        }
    }

    private byte[] payloadOf(int seq) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement query = sql.prepareStatement("SELECT payload FROM records WHERE seq = ?")) {
            query.setInt(1, seq);
            try (ResultSet row = query.executeQuery()) {
                return row.getBytes(1);
            }
        }
    }

    private void withTriggersDropped(StoreSurgery.Change tampering) throws SQLException {
        StoreSurgery.withTriggersDropped(db, tampering);
    }
}
