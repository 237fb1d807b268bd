package org.verdict.core.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void aPassingApprovalNamesEveryGateNotEvaluated() {
        List<String> notEvaluated = List.of("Safety (no safety suite)", "Latency (declared: batch scoring, no SLO)");
        assertEquals("Risk tier 2: every applicable gate passes; 2 gates not evaluated: Safety (no safety suite), "
                + "Latency (declared: batch scoring, no SLO); promotion needs the approval of an ML lead.",
                ApprovalRequirement.forTier(2, true, List.of(), notEvaluated).text());
        assertEquals("Risk tier 1: promotion is automatic because every applicable gate passes; 1 gate not "
                + "evaluated: Safety (no safety suite).",
                ApprovalRequirement.forTier(1, true, List.of(), notEvaluated.subList(0, 1)).text());
        assertEquals("Risk tier 2: every gate passes; promotion needs the approval of an ML lead.",
                ApprovalRequirement.forTier(2, true).text());
    }

    @Test
    void aBlockedApprovalNamesTheRequiredEvidenceMissingAndTheGatesNotEvaluated() {
        assertEquals("Blocked: not every gate passes. 1 gate lacks evidence the policy or the risk tier requires "
                + "(Safety): add it; see its line. 1 gate not evaluated: Latency (no latency suite). Risk tier 3 "
                + "would need AI Safety, Product and an ML lead once they do.", ApprovalRequirement.forTier(3, false,
                        List.of("Safety"), List.of("Latency (no latency suite)")).text());
    }
}
