package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;

class ApprovalRequirementTest {
    @Test
    void tierOneIsAutomaticOnlyWhenEveryGatePasses() {
        assertTrue(ApprovalRequirement.forTier(1, true).automatic());
        ApprovalRequirement blocked = ApprovalRequirement.forTier(1, false);
        assertFalse(blocked.automatic());
        assertTrue(blocked.blocked());
    }

    @Test
    void higherTiersNameTheirApprovers() {
        assertEquals(List.of("ML Lead"), ApprovalRequirement.forTier(2, true).approvers());
        assertEquals(List.of("AI Safety", "Product", "ML Lead"), ApprovalRequirement.forTier(3, true).approvers());
        assertFalse(ApprovalRequirement.forTier(3, true).automatic());
        assertThrows(IllegalArgumentException.class, () -> ApprovalRequirement.forTier(4, true));
    }

    /** Not applicable the policy's way (declared) and the pack's way (optional evidence absent), as the gates end. */
    private static final GateResult NO_SAFETY_SUITE = new GateResult(Gate.SAFETY, GateOutcome.NOT_APPLICABLE,
            "the pack has no safety suite", List.of(), null, "safety suite");
    private static final GateResult BATCH_SCORING = GateResult.declaredNotApplicable(GateResult.without(Gate.LATENCY,
            GateOutcome.PASS, "p95 within its SLO"), "batch scoring, no SLO");
    private static final GateResult NO_LATENCY_SUITE = new GateResult(Gate.LATENCY, GateOutcome.NOT_APPLICABLE,
            "the pack has no latency suite", List.of(), null, "latency suite");

    @Test
    void aPassingApprovalNamesEveryGateNotApplicableAndWhyInTheGatesViewsWords() {
        assertEquals("Risk tier 2: every applicable gate passes; 2 gates not applicable (1 declared by the policy, 1 "
                + "optional evidence absent): Safety (no safety suite), Latency (declared: batch scoring, no SLO); "
                + "promotion needs the approval of an ML lead.",
                ApprovalRequirement.forTier(2, List.of(), List.of(), List.of(NO_SAFETY_SUITE, BATCH_SCORING)).text());
        assertEquals("Risk tier 1: promotion is automatic because every applicable gate passes; 1 gate not "
                + "applicable (optional evidence absent): Safety (no safety suite).",
                ApprovalRequirement.forTier(1, List.of(), List.of(), List.of(NO_SAFETY_SUITE)).text());
        assertEquals("Risk tier 2: every gate passes; promotion needs the approval of an ML lead.",
                ApprovalRequirement.forTier(2, true).text());
    }

    /**
     * A blocked approval names the gates that block, failing first, before what to add and the gates not evaluated,
     * which are said not to be the reason: p17's text listed the 2 not applicable and never its failing gate.
     */
    @Test
    void aBlockedApprovalNamesTheBlockingGatesThenTheRequiredEvidenceMissingAndTheGatesNotApplicable() {
        GateResult slicesFail = GateResult.without(Gate.SLICES, GateOutcome.FAIL, "region=eu worse");
        GateResult noSafety = new GateResult(Gate.SAFETY, GateOutcome.INSUFFICIENT_EVIDENCE,
                "no safety suite, and the policy requires it", List.of(), null, "safety suite");
        assertEquals("Blocked: not every gate passes. Failing: Slices. Insufficient evidence: Safety. 1 gate lacks "
                + "evidence the policy or the risk tier requires (Safety): add it; see its line. Not evaluated, and no "
                + "reason for the block: 1 gate not applicable (optional evidence absent): Latency (no latency suite). "
                + "Risk tier 3 would need AI Safety, Product and an ML lead once they do.",
                ApprovalRequirement.forTier(3, List.of(slicesFail, noSafety), List.of("Safety"),
                        List.of(NO_LATENCY_SUITE)).text());
    }

    @Test
    void theReasonsAreCountedOnlyWhenTheyDiffer() {
        GateResult regression = GateResult.without(Gate.FAIRNESS, GateOutcome.NOT_APPLICABLE,
                "fairness rates need a classification task");
        assertEquals(GateResult.NotApplicable.NOTHING_TO_JUDGE, regression.notApplicable());
        assertEquals(GateResult.NotApplicable.DECLARED, BATCH_SCORING.notApplicable());
        assertEquals(null, GateResult.without(Gate.FAIRNESS, GateOutcome.PASS, "fair").notApplicable());
        assertEquals("declared by the policy", GateResult.NotApplicable.counted(List.of(BATCH_SCORING)));
        assertEquals("1 declared by the policy, 2 optional evidence absent, 1 nothing to judge",
                GateResult.NotApplicable.counted(List.of(NO_SAFETY_SUITE, regression, BATCH_SCORING,
                        NO_LATENCY_SUITE)));
    }
}
