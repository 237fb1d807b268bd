package org.verdict.core.pack;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One trained model in the pack with its lineage.
 *
 * @param threshold decision threshold on {@code score_V} for binary tasks (0.5 unless the manifest sets one)
 * @param hyperparameters in manifest order; values are JSON scalars or nested maps/lists as read
 */
public record ModelVersion(
        String version,
        ModelRole role,
        String dataSnapshot,
        String codeVersion,
        Instant trainedAt,
        Map<String, Object> hyperparameters,
        double threshold) {

    public static final double DEFAULT_THRESHOLD = 0.5;

    public ModelVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(role, "role");
        hyperparameters = Map.copyOf(hyperparameters);
    }
}
