package org.verdict.core.gates;

import java.util.List;

/**
 * Who must approve a promotion, set by the model's risk tier: tier 1 is automatic when every gate passes, tier 2
 * needs an ML lead, tier 3 needs AI Safety, Product and the ML lead.
 *
 * @param automatic true when the promotion needs no signature (tier 1 with every gate passing)
 * @param blocked true when some gate fails or lacks evidence: no approval can promote the candidate as it stands
 */
public record ApprovalRequirement(int riskTier, List<String> approvers, boolean automatic, boolean blocked,
                                  String text) {
    public static final String ML_LEAD = "ML Lead";
    public static final String AI_SAFETY = "AI Safety";
    public static final String PRODUCT = "Product";

    public ApprovalRequirement {
        approvers = List.copyOf(approvers);
    }

    public static ApprovalRequirement forTier(int riskTier, boolean everyGatePasses) {
        return forTier(riskTier, everyGatePasses, List.of());
    }

    /**
     * @param wantingOptionalEvidence the titles of the gates that lack evidence only because the pack lacks an
     *                                optional suite or column; a blocked text says how to unblock them
     */
    public static ApprovalRequirement forTier(int riskTier, boolean everyGatePasses,
                                              List<String> wantingOptionalEvidence) {
        List<String> approvers = switch (riskTier) {
            case 1 -> List.of();
            case 2 -> List.of(ML_LEAD);
            case 3 -> List.of(AI_SAFETY, PRODUCT, ML_LEAD);
            default -> throw new IllegalArgumentException("risk tier must be 1, 2 or 3, got " + riskTier);
        };
        boolean automatic = approvers.isEmpty() && everyGatePasses;
        String who = approvers.isEmpty() ? "no signature (automatic)" : String.join(", ", approvers);
        String optional = wantingOptionalEvidence.isEmpty() ? ""
                : " " + (wantingOptionalEvidence.size() == 1 ? "1 gate lacks" : wantingOptionalEvidence.size()
                        + " gates lack") + " evidence for want of an optional suite or column ("
                        + String.join(", ", wantingOptionalEvidence) + "): add it, or declare the gate not applicable "
                        + "in the policy with a reason; see "
                        + (wantingOptionalEvidence.size() == 1 ? "its line." : "their lines.");
        String text = !everyGatePasses
                ? "Blocked: not every gate passes." + optional + " Risk tier " + riskTier + " would need " + who
                        + " once they do."
                : automatic ? "Risk tier 1: promotion is automatic because every gate passes."
                : "Risk tier " + riskTier + ": every gate passes; promotion needs the approval of " + who + ".";
        return new ApprovalRequirement(riskTier, approvers, automatic, !everyGatePasses, text);
    }
}
