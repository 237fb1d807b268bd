package org.verdict.core.ledger;

/**
 * What verification compares the store with beyond the store itself.
 *
 * @param trustedSigners the organisation's list of signers, or null to trust the log's own register
 * @param outsideCheckpoint a checkpoint kept elsewhere that the log must still extend, or null
 * @param endorsements which registrations must carry an endorsement by a signer the log vouches for
 */
public record VerificationOptions(TrustedSigners trustedSigners, Checkpoint outsideCheckpoint,
                                  Endorsements endorsements) {
    /** The store alone, with no signing policy: what every write requires (a policy finding never refuses one). */
    public static final VerificationOptions STORE_ONLY = new VerificationOptions(null, null, Endorsements.NOT_CHECKED);

    /** What {@code log verify}, {@code log list} and the Audit view check when told nothing else. */
    public static final VerificationOptions DEFAULT = new VerificationOptions(null, null, Endorsements.REQUIRED);

    /** Which registrations need an endorsement; a registration that lacks a needed one is a policy finding. */
    public enum Endorsements {
        /** None: the store alone. */
        NOT_CHECKED,
        /**
         * Only a second key under the name and role of a signer whose key is still in force: anyone with write access
         * can register a key under any name, so a duplicate nobody vouched for is how a signer is impersonated.
         */
        SECOND_KEYS,
        /** Every registration after the log's first signer's (the default; {@code --allow-unendorsed} lowers it). */
        REQUIRED
    }

    public VerificationOptions {
        if (endorsements == null) {
            throw new IllegalArgumentException("endorsements must be given");
        }
    }

    /** With the endorsement rule the organisation states: required, or only for a second key under a signer's name. */
    public VerificationOptions(TrustedSigners trustedSigners, Checkpoint outsideCheckpoint, boolean requireEndorsement) {
        this(trustedSigners, outsideCheckpoint, requireEndorsement ? Endorsements.REQUIRED : Endorsements.SECOND_KEYS);
    }

    public boolean requireEndorsement() {
        return endorsements == Endorsements.REQUIRED;
    }
}
