package org.verdict.core.ledger;

/** The board roles the approval rules name. Other roles may sign too; they never complete a quorum. */
public final class Roles {
    public static final String ML_LEAD = "ml-lead";
    public static final String AI_SAFETY = "ai-safety";
    public static final String PRODUCT = "product";

    private Roles() {
    }
}
