package org.verdict.core.ledger;

import java.util.List;

/**
 * A signer as the log's signed entries establish it (see {@link SignerRegister}). Whether a signature counts is
 * decided by its position in the log, never by a time a row claims: it must come after the key's registration and
 * not after its revocation. The key id is checked against the public key when the identity is taken, so a
 * substituted key is caught instead of trusted.
 *
 * @param registeredAfterSignature how many signatures the store held when the key was registered (0: from the start)
 * @param revokedAfterSignature how many signatures the store held when the key was revoked; null while in use
 * @param registrationEntry the log entry that registered the key (0 in a store of format 1, which had none)
 * @param revocationEntry the log entry that revoked the key, or null
 * @param endorsers signers (as {@code name (role, keyid)}) whose valid endorsement the registration carries
 * @param vouched whether the log itself vouches for the signer: the log's first signer (or one a format-1 store had
 *                before its migration), or one whose registration a vouched signer in force endorsed. Only the key's
 *                own holder or a vouched signer may revoke a key ({@link DecisionLog#revoke})
 * @param revokers the key ids whose signatures on the revocation entry verify by a signer in force (empty while the
 *                 key is in force, and for a format-1 revocation, which nobody signed)
 */
public record RegisteredSigner(String keyId, String name, String role, String publicKeyPem, String registeredAt,
                               String revokedAt, String revocationReason, long registeredAfterSignature,
                               Long revokedAfterSignature, long registrationEntry, Long revocationEntry,
                               List<String> endorsers, boolean vouched, List<String> revokers) {

    public RegisteredSigner {
        endorsers = List.copyOf(endorsers);
        revokers = List.copyOf(revokers);
    }

    /** The verified identity, or a description of why the stored key cannot be trusted. */
    public SignerIdentity identity() throws LedgerException {
        SignerIdentity identity = SignerIdentity.of(name, role, SignerIdentity.parsePublicKey(publicKeyPem));
        if (!identity.keyId().equals(keyId)) {
            throw new LedgerException("the registered public key of " + name + " (" + keyId.substring(0, 12)
                    + ") is not the key with that id: the key was substituted");
        }
        return identity;
    }

    public boolean isRevoked() {
        return revokedAfterSignature != null;
    }

    /** Why a signature at {@code order} does not count, or null when it does. */
    public String outOfForce(long order) {
        if (order <= registeredAfterSignature) {
            return "signature #" + order + " of the store comes before the key's registration"
                    + (registrationEntry > 0 ? " (log entry #" + registrationEntry + ")" : "");
        }
        if (revokedAfterSignature != null && order > revokedAfterSignature) {
            return "signature #" + order + " of the store comes after the key was revoked"
                    + (revocationEntry != null ? " (log entry #" + revocationEntry + ")" : "");
        }
        return null;
    }

    RegisteredSigner revoked(String at, String reason, long afterSignature, Long entry, List<String> by) {
        return new RegisteredSigner(keyId, name, role, publicKeyPem, registeredAt, at, reason, registeredAfterSignature,
                afterSignature, registrationEntry, entry, endorsers, vouched, by);
    }

    /** The signer with the endorsements a later log entry added to its registration. */
    RegisteredSigner endorsed(List<String> by, boolean vouchedNow) {
        return new RegisteredSigner(keyId, name, role, publicKeyPem, registeredAt, revokedAt, revocationReason,
                registeredAfterSignature, revokedAfterSignature, registrationEntry, revocationEntry, by, vouchedNow,
                revokers);
    }

    /** The signer as if its revocation had never been written: a revocation the verification does not accept. */
    RegisteredSigner reinstated() {
        return new RegisteredSigner(keyId, name, role, publicKeyPem, registeredAt, null, null, registeredAfterSignature,
                null, registrationEntry, null, endorsers, vouched, List.of());
    }
}
