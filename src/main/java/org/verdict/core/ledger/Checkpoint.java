package org.verdict.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement of the log's size and Merkle root, made after every append and every co-signature. The signed
 * bytes are a C2SP tlog-checkpoint note body with one extension line that covers the signatures collected so far:
 * {@code origin \n size \n base64(root) \n signatures COUNT base64(HASH) \n entries COUNT base64(HASH) \n}.
 *
 * @param origin names the log, so checkpoints of two stores are never confused
 * @param rootHash MTH of the first {@code treeSize} records
 * @param signatureCount how many signatures (in the order they entered the store) the checkpoint covers
 * @param signaturesHash {@link LogSnapshot#signaturesHash} of those signatures
 * @param entryCount how many signer-register entries the checkpoint covers; null in checkpoints made by store format
 *                   1, whose note has no {@code entries} line
 * @param entriesHash the id (SHA-256) of entry {@code entryCount}, which chains all before it; 32 zero bytes for none
 * @param keyId the key id of the signer (who appended or co-signed just before)
 * @param signature raw 64-byte Ed25519 signature over {@link #note()}
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, long signatureCount, byte[] signaturesHash,
                         Long entryCount, byte[] entriesHash, String keyId, byte[] signature) {
    private static final ObjectMapper JSON = JsonFiles.JSON;

    public static Checkpoint sign(String origin, long treeSize, byte[] rootHash, long signatureCount,
                                  byte[] signaturesHash, long entryCount, byte[] entriesHash, SignerKey key) {
        Checkpoint unsigned = new Checkpoint(origin, treeSize, rootHash.clone(), signatureCount, signaturesHash.clone(),
                entryCount, entriesHash.clone(), key.identity().keyId(), new byte[0]);
        return new Checkpoint(origin, treeSize, unsigned.rootHash, signatureCount, unsigned.signaturesHash, entryCount,
                unsigned.entriesHash, unsigned.keyId, key.sign(unsigned.note()));
    }

    public byte[] note() {
        Base64.Encoder base64 = Base64.getEncoder();
        return (origin + "\n" + treeSize + "\n" + base64.encodeToString(rootHash) + "\n"
                + "signatures " + signatureCount + " " + base64.encodeToString(signaturesHash) + "\n"
                + (entryCount == null ? "" : "entries " + entryCount + " " + base64.encodeToString(entriesHash) + "\n"))
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
        node.put("signatureCount", signatureCount);
        node.put("signaturesHash", HexFormat.of().formatHex(signaturesHash));
        if (entryCount != null) {
            node.put("entryCount", entryCount);
            node.put("entriesHash", HexFormat.of().formatHex(entriesHash));
        }
        node.put("keyId", keyId);
        node.put("signature", Base64.getEncoder().encodeToString(signature));
        node.put("note", new String(note(), StandardCharsets.UTF_8));
        return JsonFiles.pretty(node);
    }

    /**
     * Refuses a checkpoint made by another log: its origin (the store's identity, drawn once when the store was
     * created and kept by every copy, truncated or not) differs. That is a wrong file, not evidence of tampering.
     */
    public void requireOf(String logOrigin, Path file) throws LedgerException {
        if (!origin.equals(logOrigin)) {
            throw new LedgerException(file + ": this checkpoint is of another log (" + origin + "), not of this one ("
                    + logOrigin + "): choose the checkpoint kept for this log");
        }
    }

    public static Checkpoint readJson(Path file) throws LedgerException {
        JsonNode node = JsonFiles.read(file, "checkpoint");
        try {
            if (!node.hasNonNull("origin") || !node.hasNonNull("treeSize") || !node.hasNonNull("rootHash")
                    || !node.hasNonNull("signatureCount") || !node.hasNonNull("signaturesHash")
                    || !node.hasNonNull("keyId") || !node.hasNonNull("signature")) {
                throw new LedgerException(file + ": not a checkpoint (needs origin, treeSize, rootHash, signatureCount,"
                        + " signaturesHash, keyId, signature)");
            }
            if (node.hasNonNull("entryCount") != node.hasNonNull("entriesHash")) {
                throw new LedgerException(file + ": a checkpoint has both entryCount and entriesHash or neither");
            }
            return new Checkpoint(node.get("origin").asText(), node.get("treeSize").asLong(),
                    HexFormat.of().parseHex(node.get("rootHash").asText()), node.get("signatureCount").asLong(),
                    HexFormat.of().parseHex(node.get("signaturesHash").asText()),
                    node.hasNonNull("entryCount") ? node.get("entryCount").asLong() : null,
                    node.hasNonNull("entriesHash") ? HexFormat.of().parseHex(node.get("entriesHash").asText()) : null,
                    node.get("keyId").asText(),
                    Base64.getDecoder().decode(node.get("signature").asText()));
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file + ": the root hash or signature is not valid hex / base64", e);
        }
    }
}
