package org.verdict.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement of the log's size and Merkle root, made after every append. The signed bytes are the
 * checkpoint note body of C2SP tlog-checkpoint: {@code origin \n size \n base64(root) \n}.
 *
 * @param origin names the log, so checkpoints of two stores are never confused
 * @param rootHash MTH of the first {@code treeSize} records
 * @param keyId the key id of the signer (the appender of the last record)
 * @param signature raw 64-byte Ed25519 signature over {@link #note()}
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, String keyId, byte[] signature) {
    private static final ObjectMapper JSON = JsonFiles.JSON;

    public static Checkpoint sign(String origin, long treeSize, byte[] rootHash, SignerKey key) {
        byte[] note = note(origin, treeSize, rootHash);
        return new Checkpoint(origin, treeSize, rootHash.clone(), key.identity().keyId(), key.sign(note));
    }

    public byte[] note() {
        return note(origin, treeSize, rootHash);
    }

    private static byte[] note(String origin, long treeSize, byte[] rootHash) {
        return (origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public String rootHashHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    public boolean isSignedBy(SignerIdentity signer) {
        return signer.keyId().equals(keyId) && signer.verifies(note(), signature);
    }

    /** The JSON form written by {@code log export} and read by {@code log consistency}. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("origin", origin);
        node.put("treeSize", treeSize);
        node.put("rootHash", rootHashHex());
        node.put("keyId", keyId);
        node.put("signature", Base64.getEncoder().encodeToString(signature));
        node.put("note", new String(note(), StandardCharsets.UTF_8));
        return JsonFiles.pretty(node);
    }

    public static Checkpoint readJson(Path file) throws LedgerException {
        JsonNode node = JsonFiles.read(file, "checkpoint");
        try {
            if (!node.hasNonNull("origin") || !node.hasNonNull("treeSize") || !node.hasNonNull("rootHash")
                    || !node.hasNonNull("keyId") || !node.hasNonNull("signature")) {
                throw new LedgerException(file + ": not a checkpoint (needs origin, treeSize, rootHash, keyId, signature)");
            }
            return new Checkpoint(node.get("origin").asText(), node.get("treeSize").asLong(),
                    HexFormat.of().parseHex(node.get("rootHash").asText()), node.get("keyId").asText(),
                    Base64.getDecoder().decode(node.get("signature").asText()));
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file + ": the root hash or signature is not valid hex / base64", e);
        }
    }
}
