package org.verdict.cli.log;

import java.nio.file.Path;
import org.verdict.core.ledger.Checkpoint;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.TrustedSigners;
import org.verdict.core.ledger.VerificationOptions;
import org.verdict.core.ledger.VerificationOptions.Endorsements;
import picocli.CommandLine.Option;

/**
 * {@code --trusted-signers}, {@code --require-endorsement} and {@code --allow-unendorsed}: the organisation's signing
 * policy, which {@code log verify} and {@code log list} check a log against in the same words (POLICY NOT MET, never
 * TAMPERED). Endorsements are required unless the organisation says it does not use them.
 */
public final class SigningPolicyOptions {
    @Option(names = "--trusted-signers", paramLabel = "FILE",
            description = "The organisation's list of signers' key ids and roles (format: docs/decision-log.md);"
                    + " every signature by a key not in it, or under another role, is reported and does not count.")
    Path trustedSigners;

    @Option(names = "--require-endorsement",
            description = "Report every registration after the first that no signer in force endorsed, and its"
                    + " signatures, which then count towards no quorum. The default; kept for scripts that give it.")
    boolean requireEndorsement;

    @Option(names = "--allow-unendorsed",
            description = "For an organisation that does not endorse registrations: accept them unendorsed, except a"
                    + " second key under the name and role of a signer whose key is in force, which is still"
                    + " reported.")
    boolean allowUnendorsed;

    /** The options to verify with, and {@code kept} (null: none) as the checkpoint kept outside the log. */
    VerificationOptions with(Checkpoint kept) throws LedgerException {
        if (requireEndorsement && allowUnendorsed) {
            throw new LedgerException("--require-endorsement and --allow-unendorsed contradict each other: give one");
        }
        return new VerificationOptions(trustedSigners == null ? null : TrustedSigners.read(trustedSigners), kept,
                allowUnendorsed ? Endorsements.SECOND_KEYS : Endorsements.REQUIRED);
    }
}
