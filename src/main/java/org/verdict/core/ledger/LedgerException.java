package org.verdict.core.ledger;

/**
 * Something the decision log refuses or cannot do, said so that the person at the keyboard knows what to
 * fix: a wrong passphrase, an unknown or revoked signer, a busy or newer-format store, a bad record file.
 */
public class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
