package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The signed payload of a log entry: a change to who may sign, chained like the records and covered by checkpoints.
 * {@code recordsBefore} and {@code signaturesBefore} place the entry among the records and signatures: a signature
 * counts only when its position is after its key's registration and not after its key's revocation, whatever time
 * any row claims.
 *
 * @param kind {@link #REGISTER}, {@link #REVOKE}, {@link #MIGRATE} or {@link #STORE_FORMAT}
 * @param signer register: the registrant's name, role and key
 * @param selfSignature register: base64 signature of {@link SignerClaim} by the registrant's key
 * @param revokedKeyId revoke: the key that signs nothing from this position on
 * @param reason revoke: why
 * @param fromVersion migrate: the store format before the migration (1: the entry is #1 and adopts the register; 2 or
 *                    later: a step that only adds to the append-only guard, anywhere in the chain, so the chain
 *                    commits to the format and a store set back to an earlier one shows it)
 * @param toVersion migrate: the store format after the migration
 * @param adopted migrate: the signer register found in the older store, taken over as it stood
 * @param legacyCheckpoints migrate: how many checkpoints were made before entries existed (they do not cover entries)
 * @param storeFormat the store's format when the entry was written, so the chain commits to it and a store set back to
 *                    an earlier one shows it: on the first entry of a store, and alone ({@link #STORE_FORMAT}) where a
 *                    store's chain recorded no format before; absent elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "sequence", "previousEntryHash", "kind", "at", "recordsBefore", "signaturesBefore",
        "signer", "selfSignature", "revokedKeyId", "reason", "fromVersion", "toVersion", "legacyCheckpoints", "adopted", "storeFormat"})
public record EntryStatement(String format, long sequence, String previousEntryHash, String kind, String at,
                             long recordsBefore, long signaturesBefore, Claim signer, String selfSignature,
                             String revokedKeyId, String reason, Integer fromVersion, Integer toVersion,
                             Long legacyCheckpoints, List<AdoptedSigner> adopted, Integer storeFormat) {
    public static final String FORMAT = "verdict-log-entry/1";
    public static final String PAYLOAD_TYPE = "application/vnd.verdict.log-entry+json";
    public static final String REGISTER = "register";
    public static final String REVOKE = "revoke";
    public static final String MIGRATE = "migrate";
    /** An entry that only records the store's format ({@code storeFormat}): written by Verdict, unsigned. */
    public static final String STORE_FORMAT = "store-format";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A migration from format 2 or later: it adopts no register and names a later format; the store's schema must be
     * of that format at least ({@code StoreSchema.guardFaults}).
     */
    boolean isFormatStep() {
        return MIGRATE.equals(kind) && fromVersion != null && fromVersion >= 2 && toVersion != null
                && toVersion > fromVersion && adopted == null && legacyCheckpoints == null && signer == null
                && revokedKeyId == null;
    }

    /** An entry of kind {@link #STORE_FORMAT} that states a format and nothing else. */
    boolean isFormatRecord() {
        return STORE_FORMAT.equals(kind) && storeFormat != null && storeFormat >= 1 && fromVersion == null
                && toVersion == null && adopted == null && legacyCheckpoints == null && signer == null
                && selfSignature == null && revokedKeyId == null && reason == null;
    }

    /** The store format the entry commits the chain to: the one a migration brought it to, or the one it states. */
    Optional<Integer> recordedFormat() {
        if (storeFormat != null) {
            return Optional.of(storeFormat);
        }
        return MIGRATE.equals(kind) ? Optional.ofNullable(toVersion) : Optional.empty();
    }

    /** The exact bytes to store and sign. */
    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry statement always serializes", e);
        }
    }

    /** The statement, or empty when the bytes are not one (the entry was damaged). */
    public static Optional<EntryStatement> parse(byte[] payload) {
        try {
            return Optional.ofNullable(JSON.readValue(payload, EntryStatement.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @param publicKey SubjectPublicKeyInfo PEM */
    @JsonPropertyOrder({"name", "role", "keyId", "publicKey"})
    public record Claim(String name, String role, String keyId, String publicKey) {
    }

    /**
     * A signer of a store written before entries existed.
     *
     * @param revokedAfterSignature revoked: how many signatures the store held when the key was revoked (by the
     *                              older store's clock, the only evidence it kept)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "role", "keyId", "publicKey", "registeredAt", "revokedAt", "reason", "revokedAfterSignature"})
    public record AdoptedSigner(String name, String role, String keyId, String publicKey, String registeredAt,
                                String revokedAt, String reason, Long revokedAfterSignature) {
    }
}
