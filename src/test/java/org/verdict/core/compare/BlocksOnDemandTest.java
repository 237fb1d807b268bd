package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.RowsListener;
import org.verdict.core.pack.Task;
import org.verdict.core.task.Progress;

/**
 * A comparison's slices take the ids' hashed blocks when their means need them, not before the first slice starts:
 * whether the hashing was started while the table was read ({@link ComparisonEngine#preparing}), is done by the
 * slices that ask (both workers at once), or was done by an earlier comparison of the table, the comparison must be
 * the same.
 */
class BlocksOnDemandTest {

    @Test
    void aComparisonIsTheSameWhoeverHashedTheBlocksAndWhen() {
        for (EvaluationTable table : List.of(binaryTable(6000), regressionTable(4000))) {
            String onDemand = json(new ComparisonEngine(), table);
            assertTrue(onDemand.contains("hashed-block"), "no slice resampled hashed blocks: " + onDemand);

            ComparisonEngine early = new ComparisonEngine();
            read(early.preparing(ComparisonOptions.DEFAULTS), table);
            assertEquals(onDemand, json(early, table));
            assertEquals(onDemand, json(early, table)); // the blocks the first comparison left
        }
    }

    /**
     * Tells a listener of the table as a reader would: its ids so far every 2,500 rows, a binary table's scores in
     * columns longer than its rows, then the table.
     */
    private static void read(RowsListener listener, EvaluationTable table) {
        RowsListener.TableRows rows = listener.reading(table.task(), true);
        ExampleIds.Builder soFar = new ExampleIds.Builder(16);
        for (int row = 0; row < table.rowCount(); row++) {
            soFar.add(table.exampleIds().get(row));
            if ((row + 1) % 2500 == 0) {
                rows.idsRead(soFar.build());
            }
        }
        if (table.task() == Task.BINARY) {
            Map<String, double[]> scores = new LinkedHashMap<>();
            for (ModelPredictions model : table.predictions().values()) {
                scores.put(model.version(), Arrays.copyOf(model.scores(), table.rowCount() + 300));
            }
            rows.scoresRead(table.rowCount(), soFar.build(), scores);
        }
        rows.rowsRead(table);
    }

    private static String json(ComparisonEngine engine, EvaluationTable table) {
        Metric primary = table.task() == Task.REGRESSION ? Metric.MAE : Metric.ROC_AUC;
        ComparisonReport report = engine.compare("test", table, "1", "2", primary, ComparisonOptions.DEFAULTS,
                Progress.NONE);
        return new ComparisonJson().write(report, r -> true, List.of());
    }

    /** Six regions of different sizes, so the slices run on both workers and several ask for the blocks at once. */
    private static CategoricalColumn regions(int n, SplittableRandom random) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = "region-" + (int) Math.floor(6 * Math.pow(random.nextDouble(), 1.5));
        }
        return TestTables.column("region", values);
    }

    private static EvaluationTable binaryTable(int n) {
        return TestTables.noisyBinary(n, new SplittableRandom(17), random -> TestTables.columns(regions(n, random)));
    }

    private static EvaluationTable regressionTable(int n) {
        return TestTables.noisyRegression(n, new SplittableRandom(19), 0, random -> TestTables.columns(regions(n, random)));
    }
}
