package org.verdict.cli.log;

import java.nio.file.Path;
import java.util.Optional;
import org.verdict.core.ledger.LogSnapshot;
import org.verdict.core.ledger.LogVerifier;
import org.verdict.core.ledger.LoggedRecord;
import org.verdict.core.ledger.RegisteredSigner;
import org.verdict.core.ledger.SignerIdentity;
import org.verdict.core.ledger.VerificationOptions;

/**
 * The one line the signing commands print after they are done: signed or awaiting. They write only to a log that
 * verified just before (or refuse), so the record they signed is intact and only its quorum is worth saying.
 */
final class RecordStatus {
    private RecordStatus() {
    }

    /** The status of record #{@code sequence} of {@code log}. */
    static String of(LogSnapshot log, long sequence) {
        return of(log, log.records().stream().filter(r -> r.sequence() == sequence).findFirst().orElseThrow());
    }

    /** The status of {@code record}, as {@code log} (read after the signing) holds it. */
    static String of(LogSnapshot log, LoggedRecord record) {
        return "status: " + LogVerifier.quorumOf(log, record).label();
    }

    /**
     * What a signer whose key the log holds without the endorsement `log verify` wants by default (they signed for the
     * first time with this command) should do next, or empty. Signing first and being endorsed afterwards is allowed
     * (an organisation that does not endorse verifies with --allow-unendorsed), so this is a warning, not a refusal.
     *
     * @param keyFile the signer's key file as given: its signer file is named alike beside it ({@code key new})
     */
    static Optional<String> endorsementWanted(LogSnapshot log, SignerIdentity signer, Path keyFile, Path db) {
        RegisteredSigner registered = log.signers().get(signer.keyId());
        String finding = registered == null ? null
                : LogVerifier.endorsementFinding(log, registered, VerificationOptions.Endorsements.REQUIRED);
        if (finding == null) {
            return Optional.empty();
        }
        String keyName = keyFile.toString();
        String signerFile = keyName.endsWith(".key.json")
                ? keyName.substring(0, keyName.length() - ".key.json".length()) + ".signer.json" : "NAME.signer.json";
        return Optional.of(signer + " is registered in log entry #" + registered.registrationEntry() + finding + ", so `verdict log"
                + " verify` reports POLICY NOT MET and these signatures count towards no quorum until a signer the log"
                + " vouches for endorses the key: verdict log register --db " + db + " --signer " + signerFile
                + " --endorse-key THEIR.key.json (or Endorse… in the app's Audit view); an organisation that does not"
                + " endorse registrations verifies with --allow-unendorsed");
    }
}
