package org.verdict.core.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;

/**
 * The gate table and key metrics a promotion decision was made on, as the board saw them.
 *
 * @param worseSlices the slices significantly worse on the primary metric, the largest loss first, so what is signed
 *                    names where the candidate loses; empty when none is, null in a record that does not state them
 *                    (every record written before they were recorded): left out of the JSON when null, so those
 *                    records' signed bytes are what they always were
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSummary(List<GateOutcome> gates, List<KeyMetric> keyMetrics, List<WorseSlice> worseSlices) {

    public EvaluationSummary {
        gates = gates == null ? List.of() : List.copyOf(gates);
        keyMetrics = keyMetrics == null ? List.of() : List.copyOf(keyMetrics);
        worseSlices = worseSlices == null ? null : List.copyOf(worseSlices);
    }

    /** A summary that states no worse slices (a record written by hand, or before they were recorded). */
    public EvaluationSummary(List<GateOutcome> gates, List<KeyMetric> keyMetrics) {
        this(gates, keyMetrics, null);
    }

    /** This summary with {@code keyMetrics} in place of its own, its other parts as they are. */
    public EvaluationSummary withKeyMetrics(List<KeyMetric> metrics) {
        return new EvaluationSummary(gates, metrics, worseSlices);
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
     * @param n the examples the numbers rest on; null where not stated (as every record written before it was)
     * @param level the confidence level of {@code deltaLower}–{@code deltaUpper}, e.g. 0.95; null where not stated
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyMetric(String metric, Double production, Double candidate, Double delta, Double deltaLower,
                            Double deltaUpper, String unit, Long n, Double level) {

        /** A metric whose numbers have no unit (a rate, a score), without its sample size or level. */
        public KeyMetric(String metric, Double production, Double candidate, Double delta, Double deltaLower,
                         Double deltaUpper) {
            this(metric, production, candidate, delta, deltaLower, deltaUpper, null);
        }

        /** A metric without its sample size or level, as records stated it before they were recorded. */
        public KeyMetric(String metric, Double production, Double candidate, Double delta, Double deltaLower,
                         Double deltaUpper, String unit) {
            this(metric, production, candidate, delta, deltaLower, deltaUpper, unit, null, null);
        }

        /**
         * This metric with {@code targetUnit} when its numbers are in the target's units and it states no unit
         * itself; else as it is.
         */
        public KeyMetric inTargetUnit(TargetUnit targetUnit) {
            boolean inTargetUnits = Metric.fromWireName(metric).map(Metric::inTargetUnits).orElse(false);
            return unit != null || !inTargetUnits ? this
                    : targetUnit.written().map(written -> new KeyMetric(metric, production, candidate, delta,
                            deltaLower, deltaUpper, written, n, level)).orElse(this);
        }
    }

    /**
     * A slice where the candidate is significantly worse on the primary metric: Δ = candidate − production with the
     * multiplicity-adjusted interval its verdict reads, and that interval's level.
     *
     * @param unit as {@link KeyMetric#unit()}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorseSlice(String slice, String metric, Long n, Double delta, Double deltaLower, Double deltaUpper,
                             Double level, String unit) {
    }
}
