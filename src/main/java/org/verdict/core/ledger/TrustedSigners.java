package org.verdict.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation's own list of who may sign, kept outside the store (so nobody who can write the store can change
 * it): each key id with its holder's name and role. Verification against it reports every signature by a key not in
 * the list, or registered under another role, and counts only listed keys (with the listed role) towards a quorum.
 *
 * <pre>
 * {"format": "verdict-trusted-signers/1",
 *  "signers": [{"name": "Ada Lovelace", "role": "ml-lead", "keyId": "7ce8…(64 hex digits)",
 *               "publicKey": "-----BEGIN PUBLIC KEY-----…"}]}
 * </pre>
 * {@code publicKey} is optional; when given, it must be the key with that id.
 */
public record TrustedSigners(Path source, Map<String, Trusted> byKeyId) {
    public static final String FORMAT = "verdict-trusted-signers/1";
    private static final Set<String> TOP_FIELDS = Set.of("format", "signers");
    private static final Set<String> SIGNER_FIELDS = Set.of("name", "role", "keyId", "publicKey");

    public record Trusted(String name, String role, String keyId) {
        @Override
        public String toString() {
            return name + " (" + role + ", " + LogEntry.abbreviated(keyId) + ")";
        }
    }

    public TrustedSigners {
        byKeyId = Map.copyOf(byKeyId);
    }

    public Optional<Trusted> find(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    public static TrustedSigners read(Path file) throws LedgerException {
        JsonNode root = JsonFiles.read(file, "trusted signer list");
        refuseUnknown(file, root, TOP_FIELDS, "the list");
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new LedgerException(file + ": not a trusted signer list (\"format\": \"" + FORMAT + "\")");
        }
        JsonNode signers = root.get("signers");
        if (signers == null || !signers.isArray()) {
            throw new LedgerException(file + ": \"signers\" must be a list of {name, role, keyId}");
        }
        Map<String, Trusted> byKeyId = new LinkedHashMap<>();
        for (int i = 0; i < signers.size(); i++) {
            JsonNode node = signers.get(i);
            String where = file + ": signer " + (i + 1);
            if (!node.isObject()) {
                throw new LedgerException(where + " is not an object");
            }
            refuseUnknown(file, node, SIGNER_FIELDS, "signer " + (i + 1));
            String name = node.path("name").asText("");
            String role = node.path("role").asText("");
            String keyId = node.path("keyId").asText("").toLowerCase();
            if (name.isBlank() || role.isBlank() || !keyId.matches("[0-9a-f]{64}")) {
                throw new LedgerException(where + " needs a name, a role and a keyId of 64 hex digits");
            }
            if (node.hasNonNull("publicKey")
                    && !SignerIdentity.keyIdOf(SignerIdentity.parsePublicKey(node.get("publicKey").asText())).equals(keyId)) {
                throw new LedgerException(where + ": the publicKey is not the key with id " + keyId);
            }
            if (byKeyId.put(keyId, new Trusted(name, role, keyId)) != null) {
                throw new LedgerException(where + ": key " + keyId + " is listed twice");
            }
        }
        return new TrustedSigners(file, byKeyId);
    }

    private static void refuseUnknown(Path file, JsonNode node, Set<String> known, String what) throws LedgerException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new LedgerException(file + ": " + what + " has an unknown field \"" + name + "\" (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
