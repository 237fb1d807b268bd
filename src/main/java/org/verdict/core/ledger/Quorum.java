package org.verdict.core.ledger;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who must sign a record before it counts: tier 3 needs AI Safety, Product and an ML lead; tier 2 an ML lead;
 * tier 1 (or no tier) the appender's signature alone.
 *
 * @param required roles that must have signed
 * @param missing required roles with no valid signature yet, in the order the rule names them
 */
public record Quorum(List<String> required, List<String> missing) {
    public static final String SIGNED = "signed";
    public static final String AWAITING = "awaiting signatures";

    public static List<String> requiredRoles(Integer riskTier) {
        if (riskTier == null || riskTier <= 1) {
            return List.of();
        }
        return riskTier == 2 ? List.of(Roles.ML_LEAD) : List.of(Roles.AI_SAFETY, Roles.PRODUCT, Roles.ML_LEAD);
    }

    /** @param validSigners signers whose signatures on the record verify and whose keys were not revoked */
    public static Quorum of(Integer riskTier, Collection<SignerIdentity> validSigners) {
        List<String> required = requiredRoles(riskTier);
        Set<String> missing = new LinkedHashSet<>(required);
        validSigners.forEach(s -> missing.remove(s.role()));
        if (validSigners.isEmpty() && required.isEmpty()) {
            missing.add("any signer");
        }
        return new Quorum(required, List.copyOf(missing));
    }

    public boolean isMet() {
        return missing.isEmpty();
    }

    /** {@code signed}, or {@code awaiting signatures (product, ml-lead)}. */
    public String label() {
        return isMet() ? SIGNED : AWAITING + " (" + String.join(", ", missing) + ")";
    }
}
