package org.verdict.core.ledger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.verdict.core.pack.Hashes;

/**
 * A record as stored: the exact payload bytes that were signed, and the signatures collected so far.
 * Nothing here is trusted until {@link LogVerifier} has checked it.
 *
 * @param recordId the stored id; for an intact record, the SHA-256 (hex) of {@code payload}
 */
public record LoggedRecord(long sequence, String recordId, String payloadType, byte[] payload, String appendedAt,
                           List<RecordSignature> signatures) {

    public LoggedRecord {
        signatures = List.copyOf(signatures);
    }

    /** The bytes every signature covers. */
    public byte[] pae() {
        return Dsse.pae(payloadType, payload);
    }

    /** Whether the bytes are no longer those its id was made from: the record was changed after it was signed. */
    public boolean isAltered() {
        return !Hashes.sha256Hex(payload).equals(recordId);
    }

    /** The parsed statement, or empty when the payload is not one (it was damaged). */
    public Optional<DecisionStatement> statement() {
        try {
            return Optional.ofNullable(RecordJson.statement(payload));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String shortId() {
        return recordId.length() > 12 ? recordId.substring(0, 12) : recordId;
    }
}
