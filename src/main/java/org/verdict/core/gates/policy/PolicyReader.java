package org.verdict.core.gates.policy;

import com.fasterxml.jackson.core.JsonLocation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.StrictJson;

/**
 * Reads {@code policy.json}; a missing key takes its default, a wrong one is refused with its line and column.
 * Strict as every JSON file of a pack: unknown or duplicate keys, fractions where a whole number is meant and numbers
 * written as text are refused. The keys are exactly the components of {@link GatePolicy} and its parts.
 */
public final class PolicyReader {
    /** @param displayName how the file is named in errors (e.g. its path relative to the pack) */
    public GatePolicy read(Path file, String displayName) throws PackException {
        return StrictJson.read(file, displayName, GatePolicy.class);
    }

    /**
     * Refuses, at its line and column, a margin of the primary-metric gate or the circuit breaker at least the widest
     * difference {@code primaryMetric} can show (1 for roc_auc): the gate could never fail. Only a pack's primary
     * metric tells, so this runs once the pack is known; metrics whose margins are shares of a value
     * ({@link Metric#relativeBand()}: mae, rmse, mape, log_loss, brier) have no ceiling.
     */
    public void requireMarginsWithin(GatePolicy policy, Metric primaryMetric, Path file, String displayName)
            throws PackException {
        Map<String, Double> margins = Map.of("/primary/margin", policy.primary().margin(),
                "/circuitBreaker/margin", policy.circuitBreaker().margin());
        for (Map.Entry<String, Double> margin : margins.entrySet()) {
            if (!primaryMetric.relativeBand() && margin.getValue() >= primaryMetric.widestDifference()) {
                String problem = StrictJson.keyPath(margin.getKey()) + " must be below "
                        + plain(primaryMetric.widestDifference()) + ", the widest difference the primary metric "
                        + primaryMetric.wireName() + " can show, got "
                        + plain(margin.getValue()) + ": the gate could never fail";
                // a default never reaches the ceiling, so the margin is written in the file
                JsonLocation at = StrictJson.readTree(file, displayName).locations().get(margin.getKey());
                throw at == null ? new PackException(displayName, problem)
                        : new PackException(displayName, at.getLineNr(), at.getColumnNr(), problem);
            }
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
