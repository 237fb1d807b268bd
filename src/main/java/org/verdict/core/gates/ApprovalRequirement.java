package org.verdict.core.gates;

import java.util.List;
import java.util.stream.Collectors;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;

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
        return forTier(riskTier, everyGatePasses, "", List.of(), List.of());
    }

    /**
     * @param blocking the gates that block the promotion (they fail or lack evidence): a blocked text names them, in
     *                 the Gates view's words ("Failing: Slices. Insufficient evidence: Safety."), so the gates not
     *                 applicable said after them are never read as the reason
     * @param wantingRequiredEvidence the titles of the gates that lack evidence only because the pack lacks optional
     *                                evidence the policy or the risk tier requires; a blocked text says how to
     *                                unblock them
     * @param notApplicable the gates not evaluated (not applicable)
     */
    public static ApprovalRequirement forTier(int riskTier, List<GateResult> blocking,
                                              List<String> wantingRequiredEvidence, List<GateResult> notApplicable) {
        return forTier(riskTier, blocking.isEmpty(), " " + named(blocking, GateOutcome.FAIL, "Failing")
                + named(blocking, GateOutcome.INSUFFICIENT_EVIDENCE, "Insufficient evidence"), wantingRequiredEvidence,
                notApplicable);
    }

    /** "Failing: Slices, Safety. " for the gates of {@code outcome}; empty when none has it. */
    private static String named(List<GateResult> gates, GateOutcome outcome, String label) {
        List<String> titles = gates.stream().filter(g -> g.outcome() == outcome).map(g -> g.gate().title()).toList();
        return titles.isEmpty() ? "" : label + ": " + String.join(", ", titles) + ". ";
    }

    /**
     * @param blockedBy the sentences naming the gates that block, each ending ". ", after a leading space; empty
     *                  when they are not known
     * @param wantingRequiredEvidence the titles of the gates that lack evidence only because the pack lacks optional
     *                                evidence the policy or the risk tier requires; a blocked text says how to
     *                                unblock them
     * @param notApplicable the gates not evaluated (not applicable): a passing text never hides them behind "every
     *                      gate passes", and says why in the words the Gates view counts them with: "2 gates not
     *                      applicable (1 declared by the policy, 1 optional evidence absent): Safety (no safety
     *                      suite), Latency (declared: batch scoring)"
     */
    private static ApprovalRequirement forTier(int riskTier, boolean everyGatePasses, String blockedBy,
                                               List<String> wantingRequiredEvidence, List<GateResult> notApplicable) {
        List<String> approvers = switch (riskTier) {
            case 1 -> List.of();
            case 2 -> List.of(ML_LEAD);
            case 3 -> List.of(AI_SAFETY, PRODUCT, ML_LEAD);
            default -> throw new IllegalArgumentException("risk tier must be 1, 2 or 3, got " + riskTier);
        };
        boolean automatic = approvers.isEmpty() && everyGatePasses;
        String who = approvers.isEmpty() ? "no signature (automatic)" : spoken(approvers);
        String required = wantingRequiredEvidence.isEmpty() ? ""
                : " " + gates(wantingRequiredEvidence.size()) + (wantingRequiredEvidence.size() == 1 ? " lacks" : " lack")
                        + " evidence the policy or the risk tier requires (" + String.join(", ", wantingRequiredEvidence)
                        + "): add it; see " + (wantingRequiredEvidence.size() == 1 ? "its line." : "their lines.");
        String unevaluated = notApplicable.isEmpty() ? ""
                : gates(notApplicable.size()) + " " + GateOutcome.NOT_APPLICABLE.label() + " ("
                        + GateResult.NotApplicable.counted(notApplicable) + "): " + notApplicable.stream()
                        .map(g -> g.gate().title() + " (" + g.notEvaluatedBecause() + ")")
                        .collect(Collectors.joining(", "));
        String passing = notApplicable.isEmpty() ? "every gate passes" : "every applicable gate passes; " + unevaluated;
        String text = !everyGatePasses
                ? "Blocked: not every gate passes." + blockedBy.stripTrailing() + required
                        + (unevaluated.isEmpty() ? "" : " Not evaluated, and no reason for the block: " + unevaluated + ".")
                        + " Risk tier " + riskTier + " would need " + who + " once they do."
                : automatic ? "Risk tier 1: promotion is automatic because " + passing + "."
                : "Risk tier " + riskTier + ": " + passing + "; promotion needs the approval of " + who + ".";
        return new ApprovalRequirement(riskTier, approvers, automatic, !everyGatePasses, text);
    }

    /** The approvers as a sentence names them, as the Overview does: "AI Safety, Product and an ML lead". */
    private static String spoken(List<String> approvers) {
        List<String> named = approvers.stream().map(role -> role.equals(ML_LEAD) ? "an ML lead" : role).toList();
        return named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }

    private static String gates(int count) {
        return count == 1 ? "1 gate" : count + " gates";
    }
}
