package org.verdict.core.ledger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.StrictJson;

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

    /** Reads the list; every problem is named at its line and column, as in every other JSON file Verdict reads. */
    public static TrustedSigners read(Path file) throws LedgerException {
        StrictJson.Document document;
        try {
            document = StrictJson.readTree(file, file.toString());
        } catch (PackException e) {
            throw new LedgerException(e.getMessage(), e);
        }
        JsonNode root = document.root();
        if (root == null || !root.isObject()) {
            throw new LedgerException(file + ": empty, or not a JSON object; expected a trusted signer list");
        }
        refuseUnknown(file, document, "", root, TOP_FIELDS, "the list");
        if (!FORMAT.equals(root.path("format").asText())) {
            throw at(file, document, "/format", "not a trusted signer list (\"format\": \"" + FORMAT + "\")");
        }
        JsonNode signers = root.get("signers");
        if (signers == null || !signers.isArray()) {
            throw at(file, document, "/signers", "\"signers\" must be a list of {name, role, keyId}");
        }
        Map<String, Trusted> byKeyId = new LinkedHashMap<>();
        for (int i = 0; i < signers.size(); i++) {
            JsonNode node = signers.get(i);
            String pointer = "/signers/" + i;
            String which = "signer " + (i + 1);
            if (!node.isObject()) {
                throw at(file, document, pointer, which + " is not an object");
            }
            refuseUnknown(file, document, pointer, node, SIGNER_FIELDS, which);
            String name = node.path("name").asText("");
            String role = node.path("role").asText("");
            String keyId = node.path("keyId").asText("").toLowerCase();
            if (name.isBlank() || role.isBlank() || !keyId.matches("[0-9a-f]{64}")) {
                throw at(file, document, pointer, which + " needs a name, a role and a keyId of 64 hex digits");
            }
            if (node.hasNonNull("publicKey")
                    && !SignerIdentity.keyIdOf(SignerIdentity.parsePublicKey(node.get("publicKey").asText())).equals(keyId)) {
                throw at(file, document, pointer + "/publicKey", which + ": the publicKey is not the key with id " + keyId);
            }
            if (byKeyId.put(keyId, new Trusted(name, role, keyId)) != null) {
                throw at(file, document, pointer + "/keyId", which + ": key " + keyId + " is listed twice");
            }
        }
        return new TrustedSigners(file, byKeyId);
    }

    private static void refuseUnknown(Path file, StrictJson.Document document, String pointer, JsonNode node,
                                      Set<String> known, String what) throws LedgerException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw at(file, document, pointer + "/" + name, what + " has an unknown field \"" + name + "\" (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** {@code problem} at the line and column of the value at {@code pointer} (or of the file, when it has none). */
    private static LedgerException at(Path file, StrictJson.Document document, String pointer, String problem) {
        JsonLocation where = document.locations().get(pointer);
        return new LedgerException(where == null ? file + ": " + problem
                : new PackException(file.toString(), where.getLineNr(), where.getColumnNr(), problem).getMessage());
    }
}
