package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The signed payload of one log entry: the board's record plus its place in the log. Because the previous
 * record's hash is inside the signed bytes, every signature also vouches for the history before it.
 *
 * @param sequence 1-based position in the log
 * @param previousRecordHash the id (SHA-256 of the payload) of record {@code sequence - 1}; 64 zeros for the first
 * @param appendedBy key id of the signer who appended the record
 * @param appendedAt ISO-8601 instant of the append
 */
@JsonPropertyOrder({"format", "sequence", "previousRecordHash", "appendedBy", "appendedAt", "record"})
public record DecisionStatement(String format, long sequence, String previousRecordHash, String appendedBy,
                                String appendedAt, DecisionRecord record) {
    public static final String FORMAT = "verdict-decision/1";
    public static final String NO_PREVIOUS_RECORD = "0".repeat(64);
}
