package org.verdict.core.report;

/**
 * The decision log's signed checkpoint at the time of the export: anyone can later prove with
 * {@code log consistency} that the log extends it.
 *
 * @param treeSize number of records in the log
 * @param rootHash RFC 9162 Merkle tree root, hex
 * @param text the checkpoint's fields as JSON, which {@code log verify --checkpoint} reads, printed so they can be
 *             copied into a file; the note they sign is apart, in {@code note}: inside the JSON it is one string too
 *             long for a line of the PDF, which may break JSON only between its fields
 * @param note the signed note ({@code checkpoint.note}), a few short lines
 * @param signed the checkpoint itself, written next to the pack as files an auditor keeps (null: print only)
 * @param signer who signed it, as {@code name (role)}
 * @param signerPublicKeyPem the signer's public key, written next to the checkpoint for openssl
 * @param trustedSigners the file name of the trusted signers list the log's signatures were checked against, or null
 *                       when none was given (the pack then says its signers were not checked against one)
 * @param policyNotMet when the log shows no change but breaks the signing policy it was checked against: {@code log
 *                     verify}'s summary line and its first problem, which the pack stamps on its summary and decision
 *                     record; null when the whole log verifies
 */
public record LogCheckpoint(long treeSize, String rootHash, String signatureStatus, String text, String note,
                            org.verdict.core.ledger.Checkpoint signed, String signer, String signerPublicKeyPem,
                            String trustedSigners, String policyNotMet) {
}
