package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.ledger.EvaluationSummary.GateOutcome;

/** What a promotion record says about the gates it promotes over, for records with and without justifications. */
class GateOverrideRecordTest {
    private static final EvaluationSummary BLOCKED = new EvaluationSummary(List.of(
            new GateOutcome("Primary metric", "pass", "Δ +0.02"),
            new GateOutcome("Safety", "insufficient evidence", "no safety suite"),
            new GateOutcome("Latency", "fail", "p99 412 ms"),
            new GateOutcome("Canary / A-B", "not applicable", "no run")), List.of());

    private static DecisionRecord promote(String decision) {
        DecisionRecord base = LedgerFixtures.promotion(1, "ship it");
        return new DecisionRecord(base.kind(), base.model(), base.decisionDate(), decision, base.rationale(),
                base.dataSnapshot(), null, null, base.candidateVersion(), base.productionVersion(), base.riskTier(),
                BLOCKED, base.approvers(), null, null, null, base.evidence());
    }

    @Test
    void everyBlockedGateNeedsItsJustificationAndNothingElseMayBeOverridden() {
        DecisionRecord bare = promote("promote");
        assertEquals(List.of("Safety", "Latency"), bare.overriddenGates());
        List<String> problems = bare.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("promoting over the gate 'Safety', which the evaluationSummary states as "
                + "insufficient evidence, needs 'overrides'"), problems.get(0));

        DecisionRecord wrong = bare.withOverrides(List.of(new GateOverride("safety", "it scores records only"),
                new GateOverride("latency", " "), new GateOverride("Canary / A-B", "no run"),
                new GateOverride("SAFETY", "again")));
        assertEquals(List.of(
                "promoting over the gate 'Latency', which the evaluationSummary states as fail, needs 'overrides': "
                        + "[{\"gate\": \"Latency\", \"justification\": \"why the board accepts it\"}]",
                "'overrides' names 'Canary / A-B', which the evaluationSummary does not state as failing or lacking "
                        + "evidence (overridable: Safety, Latency)",
                "'overrides' names 'SAFETY' twice"), wrong.problems());

        DecisionRecord justified = bare.withOverrides(List.of(new GateOverride("safety", "it scores records only"),
                new GateOverride("Latency", "nightly batch, nobody waits")));
        assertEquals(List.of(), justified.problems());
        assertEquals("promoted over blocked gates", justified.decisionLabel());
        assertEquals("promoted over blocked gates: Safety (insufficient evidence) — it scores records only; Latency "
                + "(fail) — nightly batch, nobody waits", justified.overrideText());
    }

    @Test
    void aJustificationTooShortToSayWhyIsRefusedSayingWhatItNeeds() {
        DecisionRecord terse = promote("promote").withOverrides(List.of(
                new GateOverride("safety", "X"), new GateOverride("Latency", "latency_is_irrelevant_here")));
        assertEquals(List.of(
                "the justification for promoting over the gate 'Safety' (\"X\") needs at least 20 characters and 3 "
                        + "words, saying why the board accepts it (it has 1 character, 1 word)",
                "the justification for promoting over the gate 'Latency' (\"latency_is_irrelevant_here\") needs at "
                        + "least 20 characters and 3 words, saying why the board accepts it (it has 26 characters, "
                        + "1 word)"), terse.problems());
        assertEquals(null, GateOverride.shortfall("  nightly batch scoring  "), "three words, 21 characters");
        assertEquals("", GateOverride.shortfall(" "), "blank: missing, said as such by the caller");
    }

    @Test
    void aHoldOverridesNothingAndMayNotClaimTo() {
        DecisionRecord hold = promote("hold");
        assertEquals(List.of(), hold.problems());
        assertEquals("hold", hold.decisionLabel());
        assertEquals("", hold.overrideText());
        assertEquals(List.of("'overrides' belong to a promote; a hold overrides no gate"),
                hold.withOverrides(List.of(new GateOverride("Latency", "x"))).problems());
    }

    /** A promote signed before justifications were required still reads, and is still never a plain promote. */
    @Test
    void aStoredRecordWithoutOverridesReadsAndIsMarked() throws Exception {
        DecisionRecord old = promote("promote");
        byte[] payload = RecordJson.payload(new DecisionStatement(DecisionStatement.FORMAT, 1, "0".repeat(64),
                "f".repeat(64), "2026-11-20T10:00:00Z", old));
        String json = new String(payload, StandardCharsets.UTF_8);
        assertTrue(!json.contains("overrides"), "a record without overrides is signed without the field: " + json);
        DecisionRecord read = RecordJson.statement(payload).record();
        assertEquals(old, read);
        assertEquals("promoted over blocked gates: Safety (insufficient evidence) — no justification recorded; "
                + "Latency (fail) — no justification recorded", read.overrideText());
    }
}
