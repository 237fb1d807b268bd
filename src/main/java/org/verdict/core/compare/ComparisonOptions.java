package org.verdict.core.compare;

import java.util.List;

/**
 * Settings of one comparison.
 *
 * @param confidenceLevel e.g. 0.95 for 95% intervals
 * @param minSliceSize slices with fewer examples get {@link Verdict#TOO_FEW_EXAMPLES} (default 30)
 * @param minDetectableEffect a slice that is not significant but whose interval of Δ reaches beyond ±E (relative
 *                            to production for mae and rmse) is {@link Verdict#INCONCLUSIVE} rather than "no
 *                            significant difference": it could not have detected an effect of this size
 * @param bootstrapReplicates paired bootstrap replicates (at least 1000)
 * @param seed seed of every random draw, so results are reproducible
 * @param crosses intersectional slices to add, each a list of dimension names (e.g. [segment, language])
 */
public record ComparisonOptions(
        double confidenceLevel,
        int minSliceSize,
        double minDetectableEffect,
        int bootstrapReplicates,
        long seed,
        CorrectionMethod correction,
        List<List<String>> crosses) {

    public static final ComparisonOptions DEFAULTS =
            new ComparisonOptions(0.95, 30, 0.05, 1000, 20261122L, CorrectionMethod.HOLM, List.of());

    public ComparisonOptions {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + confidenceLevel);
        }
        if (minSliceSize < 1) {
            throw new IllegalArgumentException("minimum slice size must be at least 1");
        }
        if (bootstrapReplicates < 1000) {
            throw new IllegalArgumentException("use at least 1000 bootstrap replicates, got " + bootstrapReplicates);
        }
        crosses = crosses.stream().map(List::copyOf).toList();
    }

    public ComparisonOptions withCrosses(List<List<String>> newCrosses) {
        return new ComparisonOptions(confidenceLevel, minSliceSize, minDetectableEffect, bootstrapReplicates, seed,
                correction, newCrosses);
    }
}
