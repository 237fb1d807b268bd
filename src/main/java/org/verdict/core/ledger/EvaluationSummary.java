package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The gate table and key metrics a promotion decision was made on, as the board saw them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSummary(List<GateOutcome> gates, List<KeyMetric> keyMetrics) {

    public EvaluationSummary {
        gates = gates == null ? List.of() : List.copyOf(gates);
        keyMetrics = keyMetrics == null ? List.of() : List.copyOf(keyMetrics);
    }

    /** @param result {@code pass}, {@code fail} or {@code insufficient evidence} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateOutcome(String gate, String result, String detail) {
    }

    /** A metric of production and candidate, with the difference and its confidence interval when known. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyMetric(String metric, Double production, Double candidate, Double delta, Double deltaLower,
                            Double deltaUpper) {
    }
}
