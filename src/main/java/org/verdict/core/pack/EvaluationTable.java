package org.verdict.core.pack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation suite held column-wise in primitive arrays, so a million rows stay small and fast to scan.
 * Every model is scored on the same rows, so any comparison between two models is paired.
 *
 * @param classes class names of a classification task, sorted; for binary tasks exactly
 *                {@code [negative, positive]} so that code 1 is the positive class. Empty for regression.
 * @param labelCodes true class per row (classification), else null
 * @param labelValues true value per row (regression), else null
 * @param sliceColumns every slice and sensitive column, in manifest order (slices first)
 * @param predictions per model version, in manifest order
 */
public record EvaluationTable(
        String fileName,
        Task task,
        int rowCount,
        ExampleIds exampleIds,
        List<String> classes,
        int[] labelCodes,
        double[] labelValues,
        Map<String, CategoricalColumn> sliceColumns,
        List<String> sensitiveColumns,
        Map<String, ModelPredictions> predictions) {

    public EvaluationTable {
        classes = List.copyOf(classes);
        sliceColumns = Collections.unmodifiableMap(new LinkedHashMap<>(sliceColumns));
        sensitiveColumns = List.copyOf(sensitiveColumns);
        predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
    }

    public ModelPredictions predictionsOf(String version) {
        ModelPredictions found = predictions.get(version);
        if (found == null) {
            throw new IllegalArgumentException("no predictions for model version " + version + " in " + fileName);
        }
        return found;
    }

    public Optional<CategoricalColumn> column(String name) {
        return Optional.ofNullable(sliceColumns.get(name));
    }
}
