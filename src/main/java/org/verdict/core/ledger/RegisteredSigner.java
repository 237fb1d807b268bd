package org.verdict.core.ledger;


/**
 * A row of the store's signer register, as stored. The key id is checked against the public key when the
 * identity is taken, so a substituted key is caught instead of trusted.
 *
 * @param revokedAt ISO-8601 instant of revocation, or null while the key is in use
 */
public record RegisteredSigner(String keyId, String name, String role, String publicKeyPem, String registeredAt,
                               String revokedAt, String revocationReason) {

    /** The verified identity, or a description of why the stored key cannot be trusted. */
    public SignerIdentity identity() throws LedgerException {
        SignerIdentity identity = SignerIdentity.of(name, role, SignerIdentity.parsePublicKey(publicKeyPem));
        if (!identity.keyId().equals(keyId)) {
            throw new LedgerException("the registered public key of " + name + " (" + keyId.substring(0, 12)
                    + ") is not the key with that id: the key was substituted");
        }
        return identity;
    }

    /** Whether a signature stored at {@code signedAt} was made before the key was revoked. */
    public boolean wasValidAt(String signedAt) {
        return revokedAt == null || signedAt.compareTo(revokedAt) < 0;
    }
}
