package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.DecisionLog;
import org.verdict.core.ledger.DecisionRecord;
import org.verdict.core.ledger.Evidence;
import org.verdict.core.ledger.LedgerFixtures;
import org.verdict.core.ledger.LogNotIntactException;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.SignerKey;
import org.verdict.core.ledger.TamperedStore;
import org.verdict.core.report.DecisionEvidence.SignatureEvidence;
import org.verdict.core.task.Progress;

class DecisionLogEvidenceTest {
    @TempDir
    Path folder;

    @Test
    void includesTheRecordsMadeFromThisPackWithTheirSignersAndTheLatestCheckpoint() throws Exception {
        Path db = folder.resolve("decisions.db");
        SignerKey lead = LedgerFixtures.signer("Ada Lovelace", "ml-lead");
        LoggedRecord promotion;
        Checkpoint latest;
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.register(lead);
            promotion = log.append(LedgerFixtures.promotion(2, "beats production"), lead);
            log.append(otherPack(LedgerFixtures.promotion(2, "another pack")), lead);
            log.append(otherModel(LedgerFixtures.promotion(2, "this pack's evidence, another model")), lead);
            log.append(LedgerFixtures.amendment(promotion.recordId()), lead);
            latest = log.snapshot().latestCheckpoint().orElseThrow();
        }
        ApprovalPackContent content = ApprovalPackFixture.content(LedgerFixtures.packHashes())
                .withDecisions(List.of(), null);

        ApprovalPackContent withLog = DecisionLogEvidence.addTo(content, db, null, Progress.NONE);

        assertEquals(List.of("promotion", "amendment"), withLog.decisions().stream().filter(d -> d.otherEvidence() == null)
                .map(DecisionEvidence::kind).toList(),
                "the records about another pack or another model are not this pack's; the amendment of ours is");
        assertEquals(List.of("made on other evidence: pack hash eeeeeeeeeeee…, not this pack's files"),
                withLog.decisions().stream().map(DecisionEvidence::otherEvidence).filter(java.util.Objects::nonNull)
                        .toList(), "the same model and candidate decided on another pack is mentioned as such");
        DecisionEvidence first = withLog.decisions().get(0);
        assertEquals("support-router", first.model());
        assertEquals(promotion.recordId(), first.payloadSha256());
        assertEquals("promote candidate 43 over production 42", first.decision());
        assertEquals(List.of(new SignatureEvidence("Ada Lovelace", "ml-lead", lead.identity().keyId(), "valid",
                        null)),
                first.signatures());
        assertEquals("signed", first.quorum());
        DecisionEvidence amendment = withLog.decisions().get(1);
        assertEquals("amends record " + promotion.recordId() + ": actualDeploymentDate 2026-12-02", amendment.decision(),
                "an amendment says what it adds, never 'null'");
        assertEquals("deployed a day late", amendment.rationale());
        assertEquals(4, withLog.checkpoint().treeSize());
        assertEquals(latest.rootHashHex(), withLog.checkpoint().rootHash());
        // printed as log verify --checkpoint reads it: the fields, saved in a file, are the same signed checkpoint
        Path printed = Files.writeString(db.resolveSibling("printed-checkpoint.json"), withLog.checkpoint().text());
        Checkpoint read = Checkpoint.readJson(printed);
        assertEquals(latest.keyId(), read.keyId());
        assertArrayEquals(latest.signature(), read.signature());
        assertArrayEquals(latest.note(), read.note(), "every field the note is made of is printed");
        assertEquals(new String(latest.note(), StandardCharsets.UTF_8), withLog.checkpoint().note());
        assertFalse(withLog.checkpoint().text().contains("\"note\""),
                "the note, one string longer than a line of the PDF, is printed apart, line by line");
        assertTrue(withLog.checkpoint().signatureStatus().startsWith("✔ valid"));

        String html = new ApprovalPackWriter().html(withLog);
        assertTrue(html.contains("<th>Date</th><th>Model</th><th>Kind</th><th>Decision</th>"), "the table names the model");
        assertTrue(html.contains("<dt>Model</dt><dd>support-router</dd>"), "each record says which model it decides on");
        assertFalse(html.contains("another model"), "the other model's record appears nowhere");
    }

    /**
     * A log changed after signing gives no approval pack, as {@code log checkpoint} gives out no checkpoint of it: the
     * pack would hand on the checkpoint as proof of a changed history.
     */
    @Test
    void aRecordChangedAfterSigningRefusesThePackInTheWordsOfLogCheckpoint() throws Exception {
        Path db = TamperedStore.withRecords(folder.resolve("decisions.db"),
                LedgerFixtures.signer("Ada Lovelace", "ml-lead"), LedgerFixtures.promotion(2, "beats production"));
        TamperedStore.changeRecord(db, 1, "beats", "Beats");
        ApprovalPackContent content = ApprovalPackFixture.content(LedgerFixtures.packHashes())
                .withDecisions(List.of(), null);

        LogNotIntactException refused = assertThrows(LogNotIntactException.class,
                () -> DecisionLogEvidence.addTo(content, db, null, Progress.NONE));

        assertTrue(refused.getMessage().startsWith("the decision log " + db + " does not verify, so no approval pack"
                + " was written and no checkpoint is given out (whoever keeps it would hold a changed history as"
                + " proof):\nTAMPERED: first bad record is #1"), refused.getMessage());
    }

    /**
     * A log written before contradictions were refused holds promote and then hold on the same evidence: the approval
     * pack says which one stands, in the summary table and beside each record.
     */
    @Test
    void contradictingDecisionsSayWhichStands() throws Exception {
        Path db = folder.resolve("decisions.db");
        try (java.io.InputStream in = getClass().getResourceAsStream("/ledger/contradicting-decisions/decisions.db")) {
            Files.copy(in, db);
        }
        ApprovalPackContent withLog = DecisionLogEvidence.addTo(ApprovalPackFixture.content(LedgerFixtures.packHashes())
                .withDecisions(List.of(), null), db, null, Progress.NONE);

        assertEquals(List.of("promote candidate 43 over production 42", "hold production 42; do not promote candidate 43"),
                withLog.decisions().stream().map(DecisionEvidence::decision).toList());
        assertTrue(withLog.decisions().get(0).standing().startsWith("replaced by #2, which stands (hold production 42;"
                + " do not promote candidate 43)"),
                withLog.decisions().get(0).standing());
        assertTrue(withLog.decisions().get(1).standing().startsWith("stands: the latest of 2 decisions"),
                withLog.decisions().get(1).standing());
        String html = new ApprovalPackWriter().html(withLog);
        assertTrue(html.contains("<dt>Standing</dt><dd>replaced by #2, which stands"), "beside the record");
        assertTrue(html.contains("hold production 42; do not promote candidate 43 — stands: the latest of 2"),
                "in the summary table");
    }

    /** An edited copy of the pack has other hashes: no decision is its own, but the log's decisions are mentioned. */
    @Test
    void aPackWithOtherHashesMentionsTheDecisionsMadeOnOtherEvidence() throws Exception {
        Path db = folder.resolve("decisions.db");
        SignerKey lead = LedgerFixtures.signer("Ada Lovelace", "ml-lead");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            log.append(LedgerFixtures.promotion(2, "beats production"), lead);
        }
        java.util.Map<String, String> edited = new java.util.TreeMap<>(LedgerFixtures.packHashes());
        edited.put("primary.csv", "9".repeat(64));
        ApprovalPackContent withLog = DecisionLogEvidence.addTo(ApprovalPackFixture.content(edited)
                .withDecisions(List.of(), null), db, null, Progress.NONE);

        String html = new ApprovalPackWriter().html(withLog);
        assertTrue(html.contains("No decision is recorded for this pack in the decision log given."));
        assertTrue(html.contains("The log holds 1 decision about support-router candidate 43 made on other evidence"
                + " (files whose hashes are not this pack's), so it is not this pack's decision: #1"), html);
        assertTrue(html.contains("promote candidate 43 over production 42 (made on other evidence: pack hash"
                + " ffffffffffff…"), html);
        assertFalse(html.contains("Decisions recorded"), "the summary table lists only this pack's decisions");
    }

    /** A record holding this pack's evidence hashes while naming another model, as a record appended without a pack. */
    private static DecisionRecord otherModel(DecisionRecord record) {
        return new DecisionRecord(record.kind(), "fraud-screen", record.decisionDate(), record.decision(),
                record.rationale(), record.dataSnapshot(), record.triggers(), record.approver(),
                record.candidateVersion(), record.productionVersion(), record.riskTier(), record.evaluationSummary(),
                record.approvers(), record.plannedDeploymentDate(), record.amends(), record.facts(), record.evidence());
    }

    private static DecisionRecord otherPack(DecisionRecord record) {
        return new DecisionRecord(record.kind(), record.model(), record.decisionDate(), record.decision(),
                record.rationale(), record.dataSnapshot(), record.triggers(), record.approver(),
                record.candidateVersion(), record.productionVersion(), record.riskTier(), record.evaluationSummary(),
                record.approvers(), record.plannedDeploymentDate(), record.amends(), record.facts(),
                new Evidence("e".repeat(64), Map.of("manifest.json", "d".repeat(64)), null));
    }
}
