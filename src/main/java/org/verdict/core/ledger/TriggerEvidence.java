package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One retraining trigger as evaluated: whether it fired and the numbers behind it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerEvidence(String trigger, boolean fired, String evidence) {
}
