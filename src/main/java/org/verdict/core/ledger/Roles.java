package org.verdict.core.ledger;

import org.verdict.core.gates.ApprovalRequirement;

/** The board roles the approval rules name. Other roles may sign too; they never complete a quorum. */
public final class Roles {
    public static final String ML_LEAD = "ml-lead";
    public static final String AI_SAFETY = "ai-safety";
    public static final String PRODUCT = "product";

    private Roles() {
    }

    /**
     * A role as people read it, in the approval's and the approval pack's words: "ML Lead" for {@code ml-lead}; a
     * role the rules do not name reads as registered.
     */
    public static String display(String role) {
        return switch (role) {
            case ML_LEAD -> ApprovalRequirement.ML_LEAD;
            case AI_SAFETY -> ApprovalRequirement.AI_SAFETY;
            case PRODUCT -> ApprovalRequirement.PRODUCT;
            default -> role;
        };
    }
}
