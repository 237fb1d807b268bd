package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.VerificationOptions;
import picocli.CommandLine.Option;

/**
 * {@code --trusted-signers} and {@code --require-endorsement}: the organisation's signing policy, which
 * {@code log verify} and {@code log list} check a log against in the same words (POLICY NOT MET, never TAMPERED).
 */
public final class SigningPolicyOptions {
    @Option(names = "--trusted-signers", paramLabel = "FILE",
            description = "The organisation's list of signers' key ids and roles (format: docs/decision-log.md);"
                    + " every signature by a key not in it, or under another role, is reported and does not count.")
    Path trustedSigners;

    @Option(names = "--require-endorsement",
            description = "Report every registration after the first that no signer in force endorsed.")
    boolean requireEndorsement;

    /** The options to verify with, and {@code kept} (null: none) as the checkpoint kept outside the log. */
    VerificationOptions with(Checkpoint kept) throws LedgerException {
        return new VerificationOptions(trustedSigners == null ? null : TrustedSigners.read(trustedSigners), kept,
                requireEndorsement);
    }
}
