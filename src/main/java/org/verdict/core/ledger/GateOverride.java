package org.verdict.core.ledger;

/**
 * The board's written reason for promoting although a gate fails or lacks evidence: one per overridden gate, so
 * each is accepted on purpose and the record says why.
 *
 * @param gate the gate as the record's {@code evaluationSummary} names it
 * @param justification why the board accepts promoting over it, in its own words
 */
public record GateOverride(String gate, String justification) {
}
