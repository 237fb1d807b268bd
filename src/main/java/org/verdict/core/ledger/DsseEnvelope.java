package org.verdict.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope (JSON: payloadType, base64 payload, signatures of keyid + base64 sig): how a record travels to
 * another laptop to be co-signed and back.
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {
    private static final ObjectMapper JSON = JsonFiles.JSON;

    public DsseEnvelope {
        signatures = List.copyOf(signatures);
    }

    /** @param sig raw 64-byte Ed25519 signature over the PAE */
    public record Signature(String keyid, byte[] sig) {
    }

    public byte[] pae() {
        return Dsse.pae(payloadType, payload);
    }

    public DsseEnvelope withSignature(String keyId, byte[] signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.removeIf(s -> s.keyid().equals(keyId));
        all.add(new Signature(keyId, signature));
        return new DsseEnvelope(payloadType, payload, all);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("payloadType", payloadType);
        node.put("payload", Base64.getEncoder().encodeToString(payload));
        ArrayNode array = node.putArray("signatures");
        for (Signature s : signatures) {
            array.addObject().put("keyid", s.keyid()).put("sig", Base64.getEncoder().encodeToString(s.sig()));
        }
        return JsonFiles.pretty(node);
    }

    public static DsseEnvelope read(Path file) throws LedgerException {
        JsonNode node = JsonFiles.read(file, "DSSE envelope");
        try {
            if (!node.path("payloadType").isTextual() || !node.path("payload").isTextual()) {
                throw new LedgerException(file + ": not a DSSE envelope (needs payloadType and payload)");
            }
            List<Signature> signatures = new ArrayList<>();
            for (JsonNode s : node.path("signatures")) {
                signatures.add(new Signature(s.path("keyid").asText(), Base64.getDecoder().decode(s.path("sig").asText())));
            }
            return new DsseEnvelope(node.get("payloadType").asText(),
                    Base64.getDecoder().decode(node.get("payload").asText()), signatures);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file + ": the payload or a signature is not valid base64", e);
        }
    }
}
