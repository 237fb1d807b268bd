package org.verdict.core.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import org.verdict.core.pack.Hashes;

/**
 * A signer as registered in the log: name, board role and Ed25519 public key.
 *
 * @param keyId SHA-256 (hex) of the public key's SubjectPublicKeyInfo DER, the same for every copy of the key
 * @param role one of {@link Roles}, or any other role the board uses
 */
public record SignerIdentity(String name, String role, String keyId, PublicKey publicKey) {

    public SignerIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!keyId.equals(keyIdOf(publicKey))) {
            throw new IllegalArgumentException("key id " + keyId + " does not belong to the public key");
        }
    }

    public static SignerIdentity of(String name, String role, PublicKey publicKey) {
        return new SignerIdentity(name, role, keyIdOf(publicKey), publicKey);
    }

    public static String keyIdOf(PublicKey publicKey) {
        return Hashes.sha256Hex(publicKey.getEncoded());
    }

    /** Parses an SPKI PEM ("PUBLIC KEY") as written by this class and by {@code openssl pkey -pubout}. */
    public static PublicKey parsePublicKey(String pem) throws LedgerException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Pem.decode("PUBLIC KEY", pem)));
        } catch (GeneralSecurityException e) {
            throw new LedgerException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public String publicKeyPem() {
        return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The first 12 hex digits of the key id: enough to tell signers apart in lists and file names. */
    public String shortKeyId() {
        return keyId.substring(0, 12);
    }

    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // a malformed signature (wrong length) is a failed verification, not an error of the program
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (" + role + ", " + shortKeyId() + ")";
    }
}
