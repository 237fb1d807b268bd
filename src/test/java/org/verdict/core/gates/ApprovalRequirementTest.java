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
}
