package org.verdict.core.ledger;

/**
 * What verification compares the store with beyond the store itself.
 *
 * @param trustedSigners the organisation's list of signers, or null to trust the log's own register
 * @param outsideCheckpoint a checkpoint kept elsewhere that the log must still extend, or null
 * @param requireEndorsement whether every registration after the first must be endorsed by a signer in force
 */
public record VerificationOptions(TrustedSigners trustedSigners, Checkpoint outsideCheckpoint,
                                  boolean requireEndorsement) {
    public static final VerificationOptions STORE_ONLY = new VerificationOptions(null, null, false);
}
