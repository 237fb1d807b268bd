package org.verdict.core.ledger;

import java.nio.charset.StandardCharsets;

/**
 * What a signer states about themselves when registering: name, role and key. The claim's bytes are fixed text, so
 * anyone can rebuild and check them with openssl; the registrant signs them with the key they name (proof of
 * possession), which makes a relabelled name or role fail verification.
 *
 * <pre>
 * verdict-signer/1
 * name: Ada Lovelace
 * role: ml-lead
 * key: &lt;key id&gt;
 * </pre>
 */
public final class SignerClaim {
    public static final String PAYLOAD_TYPE = "application/vnd.verdict.signer+txt";

    private SignerClaim() {
    }

    public static byte[] bytes(String name, String role, String keyId) {
        return ("verdict-signer/1\nname: " + name + "\nrole: " + role + "\nkey: " + keyId + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes a self-signature covers: the DSSE encoding of the claim. */
    public static byte[] pae(String name, String role, String keyId) {
        return Dsse.pae(PAYLOAD_TYPE, bytes(name, role, keyId));
    }

    public static byte[] selfSign(SignerKey key) {
        SignerIdentity identity = key.identity();
        return key.sign(pae(identity.name(), identity.role(), identity.keyId()));
    }

    public static boolean isSelfSigned(SignerIdentity identity, byte[] selfSignature) {
        return selfSignature != null
                && identity.verifies(pae(identity.name(), identity.role(), identity.keyId()), selfSignature);
    }

    /** Names and roles are single lines without control characters, so the claim's text stays unambiguous. */
    public static void checkLabels(String name, String role) throws LedgerException {
        for (String label : new String[] {name, role}) {
            if (label.chars().anyMatch(Character::isISOControl)) {
                throw new LedgerException("a signer's name and role may not contain line breaks or control characters");
            }
        }
    }
}
