package org.verdict.core.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The DSSE pre-authentication encoding (github.com/secure-systems-lab/dsse, protocol.md):
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, LEN in ASCII decimal bytes.
 * Signatures cover exactly these bytes, so the payload never needs JSON canonicalization.
 */
public final class Dsse {
    /** The payload type of a Verdict decision record. */
    public static final String DECISION_PAYLOAD_TYPE = "application/vnd.verdict.decision+json";

    private Dsse() {
    }

    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
