package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.HashedBlocks;
import org.verdict.core.task.Progress;

/**
 * A slice's block bootstrap makes its replicates in chunks that its own thread and a helper take in turn: the slice's
 * comparison must not depend on which thread made which replicate.
 */
class SharedReplicatesTest {

    /**
     * The same slice with the helper never run (the slice makes every chunk), run at once (it makes every chunk
     * before the slice takes one) and on a pool of two (either, as they come). Binary below the closed forms' size
     * exercises the calibration error's early stop; regression bootstraps every slice, r2 by the jackknife.
     */
    @Test
    void aSlicesComparisonDoesNotDependOnWhichThreadMadeItsReplicates() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (EvaluationTable table : List.of(binaryTable(3000), regressionTable(2000))) {
                List<String> never = described(table, task -> { });
                assertTrue(never.stream().anyMatch(line -> line.contains("hashed-block")), never.toString());
                assertEquals(never, described(table, Runnable::run));
                assertEquals(never, described(table, pool));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The overall slice's comparison of every metric, each as text with every number of its inference. */
    private static List<String> described(EvaluationTable table, Executor helpers) {
        PairedModels models = new PairedModels(table, "1", "2", true, new ScoreOrders(), new HashedBlocks(), 42,
                ComparisonEngine.BOOTSTRAP_BLOCKS);
        SliceGrouping overall = SliceGrouping.overall();
        int[] sizes = overall.sliceSizes(table.rowCount());
        int[] production = models.productionAscending == null ? null
                : overall.partitionMarked(models.productionAscending, models.productionNewScores, null, sizes)[0];
        int[] candidate = models.candidateAscending == null ? null
                : overall.partitionMarked(models.candidateAscending, models.candidateNewScores, null, sizes)[0];
        SliceAnalysis analysis = new SliceAnalysis(models, ComparisonOptions.DEFAULTS, Progress.NONE, helpers);
        SliceAnalysis.Outcome outcome = analysis.analyze(Metric.forTask(table.task()), models.tableOrder, production,
                candidate, new SplittableRandom(5));
        List<String> lines = new ArrayList<>();
        for (MetricComparison c : outcome.metrics()) {
            lines.add(c.metric() + " " + c.production() + " " + c.candidate() + " " + c.delta() + " " + c.test() + " "
                    + (c.inference() == null ? "-" : c.inference().estimate() + " " + c.inference().pValue() + " "
                    + c.inference().interval(0.95)) + " " + c.unavailableReason() + " " + c.unstableReason() + " "
                    + c.note());
        }
        return lines;
    }

    private static EvaluationTable binaryTable(int n) {
        return TestTables.noisyBinary(n, new SplittableRandom(11), random -> TestTables.columns());
    }

    private static EvaluationTable regressionTable(int n) {
        return TestTables.noisyRegression(n, new SplittableRandom(13), 0.02, random -> TestTables.columns());
    }
}
