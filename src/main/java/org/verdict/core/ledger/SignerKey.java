package org.verdict.core.ledger;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/** A signer's decrypted private key, held in memory only for as long as one signing takes. */
public final class SignerKey {
    private final SignerIdentity identity;
    private final PrivateKey privateKey;

    SignerKey(SignerIdentity identity, PrivateKey privateKey) {
        this.identity = identity;
        this.privateKey = privateKey;
    }

    public SignerIdentity identity() {
        return identity;
    }

    /** Ed25519 signature (64 raw bytes) over {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }
}
