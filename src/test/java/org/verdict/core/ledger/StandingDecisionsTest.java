package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two answers to one question (same model, evidence and versions) are never left side by side without saying which
 * counts: a record that decides otherwise than the decision standing must amend it, and a log written before that
 * rule says, wherever it is read, which one stands.
 */
class StandingDecisionsTest {
    private static final SignerKey LEAD = LedgerFixtures.signer("Ada Lovelace", Roles.ML_LEAD);

    @TempDir
    Path dir;

    private static DecisionRecord decided(String decision, String amends) {
        DecisionRecord promote = LedgerFixtures.promotion(1, "the board's reasons");
        return new DecisionRecord(promote.kind(), promote.model(), promote.decisionDate(), decision,
                promote.rationale(), promote.dataSnapshot(), null, null, promote.candidateVersion(),
                promote.productionVersion(), promote.riskTier(), promote.evaluationSummary(), promote.approvers(),
                null, amends, null, promote.evidence());
    }

    @Test
    void aContradictingDecisionWithoutAmendsIsRefusedSayingHowToAmend() throws Exception {
        Path db = dir.resolve("decisions.db");
        try (DecisionLog log = DecisionLog.openForWriting(db)) {
            LoggedRecord first = log.append(decided("promote", null), LEAD);
            LedgerException refused = assertThrows(LedgerException.class, () -> log.append(decided("hold", null), LEAD));
            assertEquals("record #1 (" + first.shortId() + ", 2026-11-20) already decides this on the same evidence:"
                    + " promote candidate 43 over production 42; a record that decides otherwise must amend the"
                    + " decision standing, so that the log says which one counts: add \"amends\": \"#1\" to the record"
                    + " (it then stands in its place; record #1 stays in the log, marked replaced); nothing was"
                    + " appended", refused.getMessage());
            assertEquals(1, log.snapshot().records().size(), "nothing was appended");

            LoggedRecord hold = log.append(decided("hold", "#1"), LEAD);
            LedgerException stale = assertThrows(LedgerException.class,
                    () -> log.append(decided("promote", "#1"), LEAD));
            assertTrue(stale.getMessage().startsWith("the record amends " + first.shortId() + ", but record #2 ("
                    + hold.shortId() + ", 2026-11-20) already decides this on the same evidence: hold production 42;"
                    + " do not promote candidate 43"), stale.getMessage());
            assertTrue(stale.getMessage().contains("add \"amends\": \"#2\""), stale.getMessage());

            log.append(decided("hold", null), LEAD);
            LogSnapshot snapshot = log.snapshot();
            StandingDecisions standing = StandingDecisions.of(snapshot.records());
            assertEquals("replaced by #2, which stands (hold production 42; do not promote candidate 43), restated by"
                    + " #3", standing.describe(snapshot.records().get(0)));
            assertEquals("stands: restated by #3 (3 decisions on this question and evidence)",
                    standing.describe(snapshot.records().get(1)), "a restatement replaces nothing");
            assertEquals("stands: restates #2, which first decided it (3 decisions on this question and evidence)",
                    standing.describe(snapshot.records().get(2)), "restating the decision standing needs no amends");
            VerificationReport report = new LogVerifier().verify(snapshot, org.verdict.core.task.Progress.NONE);
            assertTrue(report.isIntact(), report.problems().toString());
            assertTrue(report.notes().isEmpty(), "an amended decision is no contradiction: " + report.notes());
        }
    }

    /**
     * Each record says how it stands to the decision that counts: a restatement names the record it restates and is
     * named by it, a replaced one names the record that replaced it and the one standing now, when they differ.
     */
    @Test
    void restatementsAndReplacementsNameEachOther() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(dir.resolve("decisions.db"))) {
            log.append(decided("promote", null), LEAD);
            log.append(decided("promote", null), LEAD);
            List<LoggedRecord> agreeing = log.snapshot().records();
            StandingDecisions twice = StandingDecisions.of(agreeing);
            assertEquals("stands: restated by #2 (2 decisions on this question and evidence)",
                    twice.describe(agreeing.get(0)));
            assertEquals("stands: restates #1, which first decided it (2 decisions on this question and evidence)",
                    twice.describe(agreeing.get(1)));

            log.append(decided("hold", "#2"), LEAD);
            log.append(decided("promote", "#3"), LEAD);
            List<LoggedRecord> records = log.snapshot().records();
            StandingDecisions standing = StandingDecisions.of(records);
            assertEquals("replaced by #3; #4 stands (promote candidate 43 over production 42)",
                    standing.describe(records.get(0)));
            assertEquals("restates #1; replaced by #3; #4 stands (promote candidate 43 over production 42)",
                    standing.describe(records.get(1)));
            assertEquals("replaced by #4, which stands (promote candidate 43 over production 42)",
                    standing.describe(records.get(2)));
            assertEquals("stands: the latest of 4 decisions on this question and evidence",
                    standing.describe(records.get(3)));
        }
    }

    @Test
    void theDecisionStandingOnTheQuestionOfANewRecordIsTheLatestOnIt() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(dir.resolve("decisions.db"))) {
            assertTrue(StandingDecisions.of(log.snapshot().records()).standingOn(decided("hold", null)).isEmpty());
            log.append(decided("promote", null), LEAD);
            LoggedRecord hold = log.append(decided("hold", "#1"), LEAD);
            log.append(LedgerFixtures.retraining("retrain anyway"), LEAD);
            StandingDecisions standing = StandingDecisions.of(log.snapshot().records());
            assertEquals(hold.recordId(), standing.standingOn(decided("promote", null)).orElseThrow().recordId(),
                    "the question, not the answer, finds it");
            DecisionRecord other = decided("hold", null);
            assertTrue(standing.standingOn(new DecisionRecord(other.kind(), other.model(), other.decisionDate(),
                    other.decision(), other.rationale(), other.dataSnapshot(), null, null, "44",
                    other.productionVersion(), other.riskTier(), other.evaluationSummary(), other.approvers(), null,
                    null, null, other.evidence())).isEmpty(), "another candidate is another question");
        }
    }

    @Test
    void anotherCandidateOrAnotherKindIsAnotherQuestion() throws Exception {
        try (DecisionLog log = DecisionLog.openForWriting(dir.resolve("decisions.db"))) {
            LoggedRecord promote = log.append(decided("promote", null), LEAD);
            log.append(LedgerFixtures.retraining("retrain anyway"), LEAD);
            DecisionRecord other = decided("hold", null);
            log.append(new DecisionRecord(other.kind(), other.model(), other.decisionDate(), other.decision(),
                    other.rationale(), other.dataSnapshot(), null, null, "44", other.productionVersion(),
                    other.riskTier(), other.evaluationSummary(), other.approvers(), null, null, null, other.evidence()),
                    LEAD);
            assertEquals("", StandingDecisions.of(log.snapshot().records()).describe(log.snapshot().records().get(0)));
            assertEquals(promote.recordId(), log.snapshot().records().get(0).recordId());
        }
    }

    /** A log written by Verdict before it refused this holds promote and hold, the second amending nothing. */
    @Test
    void aContradictionInALogWrittenBeforeTheRuleIsANoteNamingTheDecisionThatStands() throws Exception {
        Path db = dir.resolve("decisions.db");
        try (InputStream in = getClass().getResourceAsStream("/ledger/contradicting-decisions/decisions.db")) {
            Files.copy(in, db);
        }
        try (DecisionLog log = DecisionLog.openReadOnly(db)) {
            LogSnapshot snapshot = log.snapshot();
            VerificationReport report = new LogVerifier().verify(snapshot, org.verdict.core.task.Progress.NONE);
            assertTrue(report.isIntact(), "a contradiction changes no record: " + report.problems());
            assertEquals(List.of("record #2 stands: the latest of 2 decisions on this question and evidence; it"
                    + " decides otherwise than #1 without amending it (written before Verdict refused that, or around"
                    + " Verdict)"), report.notes());
            StandingDecisions standing = StandingDecisions.of(snapshot.records());
            assertEquals(List.of(snapshot.records().get(0)), standing.contradictedWithoutAmending(
                    snapshot.records().get(1)));
            assertTrue(standing.describe(snapshot.records().get(0)).startsWith("replaced by #2, which stands"));
        }
    }

    @Test
    void eachActionReadsAsASentence() {
        assertEquals("promote candidate 43 over production 42", decided("promote", null).action());
        assertEquals("hold production 42; do not promote candidate 43", decided("hold", null).action());
        assertEquals("roll back candidate 43 to production 42", decided("rollback", null).action());
        assertEquals("retrain support-router", LedgerFixtures.retraining("why").action());
        assertEquals("amends record abc: actualDeploymentDate 2026-12-02", LedgerFixtures.amendment("abc").action());
    }
}
