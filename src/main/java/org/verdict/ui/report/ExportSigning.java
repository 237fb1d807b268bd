package org.verdict.ui.report;

import java.nio.file.Path;
import java.util.Arrays;
import org.verdict.core.ledger.KeyFile;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerKey;

/**
 * Whether an approval-pack export is signed, and with which key file and passphrase (the passphrase is wiped once the
 * key is unlocked).
 *
 * @param keyFile the signer's NAME.key.json; null for an unsigned export
 */
public record ExportSigning(Path keyFile, char[] passphrase) {
    public static final ExportSigning UNSIGNED = new ExportSigning(null, null);

    /** The signer's key, or null for an unsigned export; the passphrase is wiped either way. */
    SignerKey unlock() throws LedgerException {
        if (keyFile == null) {
            return null;
        }
        try {
            return KeyFile.read(keyFile).unlock(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
