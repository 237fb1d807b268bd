package org.verdict.core.gates.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.SliceValueOrder;
import org.verdict.core.pack.Task;

/**
 * What the data-validation gates read of the primary suite: its size, classes and examples per class and per slice
 * value, which rows and a summary pack's cells give alike; and the rows themselves where a check needs example ids.
 *
 * @param versions the model versions with predictions, in manifest order
 * @param perClass examples per class, in {@code classes} order (classification; else empty)
 * @param predictedPerClass per version, the rows it predicts as each class, in {@code classes} order
 *                          (classification; else empty)
 * @param perLevel per slice column, examples per value (values sorted)
 * @param rows the primary table; empty for a summary pack, which holds no example ids
 */
public record PrimaryCounts(String fileName, Task task, long rowCount, List<String> versions, List<String> classes,
                            long[] perClass, Map<String, long[]> predictedPerClass,
                            Map<String, Map<String, Long>> perLevel,
                            Optional<EvaluationTable> rows) {

    public static PrimaryCounts of(EvaluationTable table) {
        long[] perClass = new long[table.classes().size()];
        Map<String, long[]> predictedPerClass = new LinkedHashMap<>();
        if (table.task().isClassification()) {
            for (int code : table.labelCodes()) {
                perClass[code]++;
            }
            for (String version : table.predictions().keySet()) {
                long[] predicted = new long[perClass.length];
                for (int code : table.predictionsOf(version).classCodes()) {
                    predicted[code]++;
                }
                predictedPerClass.put(version, predicted);
            }
        }
        Map<String, Map<String, Long>> perLevel = new LinkedHashMap<>();
        for (CategoricalColumn column : table.sliceColumns().values()) {
            long[] counts = new long[column.levelCount()];
            for (int code : column.codes()) {
                counts[code]++;
            }
            Map<String, Long> levels = new TreeMap<>(SliceValueOrder.INSTANCE);
            for (int level = 0; level < counts.length; level++) {
                levels.put(column.levels().get(level), counts[level]);
            }
            perLevel.put(column.name(), levels);
        }
        return new PrimaryCounts(table.fileName(), table.task(), table.rowCount(),
                List.copyOf(table.predictions().keySet()), table.classes(), perClass, predictedPerClass, perLevel,
                Optional.of(table));
    }
}
