package org.verdict.core.pack;

/**
 * What one model version predicted for every row of an evaluation table, column-wise.
 * Exactly one of {@code classCodes} / {@code values} is set, depending on the task.
 *
 * @param classCodes predicted class per row (classification), indexes {@link EvaluationTable#classes()};
 *                   for binary tasks 1 = positive, 0 = negative
 * @param values predicted value per row (regression)
 * @param scores probability of the positive class per row (binary tasks that provide {@code score_V}), else null
 */
public record ModelPredictions(String version, int[] classCodes, double[] values, double[] scores) {
    public boolean hasScores() {
        return scores != null;
    }
}
