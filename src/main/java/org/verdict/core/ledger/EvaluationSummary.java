package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;

/** The gate table and key metrics a promotion decision was made on, as the board saw them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSummary(List<GateOutcome> gates, List<KeyMetric> keyMetrics) {

    public EvaluationSummary {
        gates = gates == null ? List.of() : List.copyOf(gates);
        keyMetrics = keyMetrics == null ? List.of() : List.copyOf(keyMetrics);
    }

    /** The stated results that stop a promotion unless the board overrides them. */
    public static final List<String> BLOCKING_RESULTS = List.of("fail", "insufficient evidence");

    /** The gates whose stated result blocks a promotion, in the summary's order. */
    @JsonIgnore
    public List<GateOutcome> blockingGates() {
        return gates.stream().filter(GateOutcome::blocksPromotion).toList();
    }

    /**
     * Whether two gate names mean the same gate: case, spaces and underscores aside, so a record may write the
     * checklist's title ("Language parity") or the JSON name ({@code language_parity}).
     */
    public static boolean sameGate(String a, String b) {
        return a != null && b != null && gateKey(a).equals(gateKey(b));
    }

    private static String gateKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
    }

    /**
     * @param result {@code pass}, {@code fail}, {@code insufficient evidence} or {@code not applicable}
     * @param detail the deciding numbers; for a gate the policy declares not applicable, "not applicable — " and
     *               the policy's reason
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateOutcome(String gate, String result, String detail) {
        @JsonIgnore
        public boolean blocksPromotion() {
            return BLOCKING_RESULTS.contains(result);
        }
    }

    /**
     * A metric of production and candidate, with the difference and its confidence interval when known.
     *
     * @param unit the unit of the numbers when they are in the regression target's units (mae, rmse of a pack that
     *             names {@code model.targetUnit}, e.g. {@code USD}); null otherwise, and in every record written
     *             before units were recorded: left out of the JSON when null, so those records' signed bytes are
     *             what they always were
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyMetric(String metric, Double production, Double candidate, Double delta, Double deltaLower,
                            Double deltaUpper, String unit) {

        /** A metric whose numbers have no unit (a rate, a score). */
        public KeyMetric(String metric, Double production, Double candidate, Double delta, Double deltaLower,
                         Double deltaUpper) {
            this(metric, production, candidate, delta, deltaLower, deltaUpper, null);
        }

        /**
         * This metric with {@code targetUnit} when its numbers are in the target's units and it states no unit
         * itself; else as it is.
         */
        public KeyMetric inTargetUnit(TargetUnit targetUnit) {
            boolean inTargetUnits = Metric.fromWireName(metric).map(Metric::inTargetUnits).orElse(false);
            return unit != null || !inTargetUnits ? this
                    : targetUnit.written().map(written -> new KeyMetric(metric, production, candidate, delta,
                            deltaLower, deltaUpper, written)).orElse(this);
        }
    }
}
