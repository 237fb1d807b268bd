package org.verdict.core.ledger;

/**
 * One signature row of a record.
 *
 * @param signature raw 64-byte Ed25519 signature over the record's PAE bytes
 * @param signedAt ISO-8601 instant the signature entered this store
 */
public record RecordSignature(String keyId, byte[] signature, String signedAt) {
}
