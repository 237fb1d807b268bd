package org.verdict.core.ledger;

/**
 * One signature row of a record.
 *
 * @param order 1, 2, … in the order signatures entered the store, across all records (what checkpoints cover)
 * @param recordSequence the record signed
 * @param signature raw 64-byte Ed25519 signature over the record's PAE bytes
 * @param signedAt ISO-8601 instant the signature entered this store
 */
public record RecordSignature(long order, long recordSequence, String keyId, byte[] signature, String signedAt) {
}
