package org.verdict.core.ledger;

/**
 * A row of the store's {@code signers} table joined with its {@code revocations} row. Since store format 2 these
 * tables are an index only: the signed log entries decide who may sign, and verification reports any row that
 * disagrees with them (a relabelled name or role, a deleted revocation).
 */
public record StoredSigner(String keyId, String name, String role, String publicKeyPem, String registeredAt,
                           String revokedAt, String revocationReason) {

    @Override
    public String toString() {
        return name + " (" + role + ", " + LogEntry.abbreviated(keyId) + ")";
    }
}
