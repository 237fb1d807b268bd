package org.verdict.core.sample;

import java.util.List;

/**
 * One generated evaluation example: its true label, its slice and sensitive values (in the order of
 * {@link ExampleSet#columns()}), and per model version the predicted label and, for binary tasks, the score.
 *
 * @param scores probability of the positive class per model version, or null for multiclass
 */
record Example(String id, String label, List<String> sliceValues, List<String> predictions, double[] scores) {
    Example {
        sliceValues = List.copyOf(sliceValues);
        predictions = List.copyOf(predictions);
    }
}
