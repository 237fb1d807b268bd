package org.verdict.core.ledger;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who must sign a record before it counts: tier 3 needs AI Safety, Product and an ML lead; tier 2 an ML lead;
 * tier 1 (or no tier) the appender's signature alone.
 *
 * A record whose signatures no longer verify over its bytes is never shown as signed or as awaiting signatures, as
 * if what was signed still stood: its label says the signature is invalid, and why when the record was altered.
 *
 * @param required roles that must have signed
 * @param missing required roles with no valid signature yet, in the order the rule names them
 * @param invalid signers whose stored signature does not verify over the record's bytes
 * @param altered whether the record's bytes no longer match its id: it was changed after it was signed
 */
public record Quorum(List<String> required, List<String> missing, List<String> invalid, boolean altered) {
    public static final String SIGNED = "signed";
    public static final String AWAITING = "awaiting signatures";
    public static final String INVALID = "signature invalid";
    public static final String ALTERED = "record altered after signing";

    public static List<String> requiredRoles(Integer riskTier) {
        if (riskTier == null || riskTier <= 1) {
            return List.of();
        }
        return riskTier == 2 ? List.of(Roles.ML_LEAD) : List.of(Roles.AI_SAFETY, Roles.PRODUCT, Roles.ML_LEAD);
    }

    /** @param validSigners signers whose signatures on the record verify and whose keys were not revoked */
    public static Quorum of(Integer riskTier, Collection<SignerIdentity> validSigners) {
        return of(riskTier, validSigners, List.of(), false);
    }

    /**
     * @param invalidSigners who signed the record with a signature that does not verify over its bytes
     * @param altered whether the record's bytes no longer match its id
     */
    public static Quorum of(Integer riskTier, Collection<SignerIdentity> validSigners, List<String> invalidSigners,
                            boolean altered) {
        List<String> required = requiredRoles(riskTier);
        Set<String> missing = new LinkedHashSet<>(required);
        validSigners.forEach(s -> missing.remove(s.role()));
        if (validSigners.isEmpty() && required.isEmpty()) {
            missing.add("any signer");
        }
        return new Quorum(required, List.copyOf(missing), List.copyOf(invalidSigners), altered);
    }

    public boolean isMet() {
        return missing.isEmpty() && !altered;
    }

    /**
     * {@code signed}, {@code awaiting signatures (product, ml-lead)}, {@code signature invalid: record altered after
     * signing}, or for a signature that does not verify on a record that still matches its id, {@code signature
     * invalid (Ada Lovelace); awaiting signatures (ml-lead)}.
     */
    public String label() {
        if (altered) {
            return (invalid.isEmpty() ? "no valid signature" : INVALID) + ": " + ALTERED;
        }
        String standing = isMet() ? SIGNED : AWAITING + " (" + String.join(", ", missing) + ")";
        return invalid.isEmpty() ? standing : INVALID + " (" + String.join(", ", invalid) + "); " + standing;
    }
}
