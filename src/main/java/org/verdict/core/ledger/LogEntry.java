package org.verdict.core.ledger;

import java.util.List;
import java.util.Optional;

/**
 * A signer-register entry as stored: the exact payload bytes and the signatures over them (for a registration, the
 * endorsements of existing signers; for a revocation, the revoker's). Nothing here is trusted until verified.
 *
 * @param entryId the stored id; for an intact entry, the SHA-256 (hex) of {@code payload}
 */
public record LogEntry(long sequence, String entryId, byte[] payload, List<EntrySignature> signatures) {

    public LogEntry {
        signatures = List.copyOf(signatures);
    }

    /** @param signature raw Ed25519 signature over the entry's PAE */
    public record EntrySignature(String keyId, byte[] signature) {
    }

    public byte[] pae() {
        return Dsse.pae(EntryStatement.PAYLOAD_TYPE, payload);
    }

    public Optional<EntryStatement> statement() {
        return EntryStatement.parse(payload);
    }

    /** {@code entry #3 (revocation of 72b2910d119f)}: how problems name an entry. */
    public String label() {
        return "log entry #" + sequence + statement().map(s -> switch (s.kind()) {
            case EntryStatement.REGISTER -> s.signer() == null ? " (registration)"
                    : " (registration of " + s.signer().name() + ", " + s.signer().role() + ")";
            case EntryStatement.REVOKE -> " (revocation of " + abbreviated(s.revokedKeyId()) + ")";
            case EntryStatement.MIGRATE -> " (migration from store format " + s.fromVersion() + ")";
            case EntryStatement.STORE_FORMAT -> " (store format " + s.storeFormat() + ")";
            default -> " (" + s.kind() + ")";
        }).orElse("");
    }

    static String abbreviated(String keyId) {
        return keyId == null ? "?" : keyId.substring(0, Math.min(12, keyId.length()));
    }
}
