package org.verdict.core.compare;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.ScoreOrder;
import org.verdict.core.task.AwaitedWork;

/**
 * Each model's rows in ascending score order with the positions where the score changes ({@link ScoreOrder#sorted}),
 * the first thing a comparison of scores
 * needs. The command line starts sorting a table's score columns on a thread of its own as soon as its rows are read
 * ({@link #startSorting}), the columns as read, while the loader makes the table of trimmed copies of them and checks
 * the ids for repeats; the comparison then takes those orders, and
 * sorts itself any that thread has not begun. Otherwise the two models' orders are sorted at once, one on a helper
 * thread. Either way each order is sorted by one thread, once.
 */
final class ScoreOrders {
    /** The orders started for the last table read, by score column, until a comparison takes them. */
    private final Map<double[], FutureTask<ScoreOrder.Sorted>> started = new IdentityHashMap<>();
    /** The orders started on the columns of a table being made ({@link #startSorting}), by version, until it is. */
    private Map<String, FutureTask<ScoreOrder.Sorted>> startedOnColumnsRead = Map.of();

    /**
     * Sorts a table's score columns one after the other on a thread of its own, as soon as its rows are read: the first
     * {@code rows} scores of each column read, before the table is made of trimmed copies of them. The orders become
     * the table's with {@link #tableMade}; the table may still be refused (then the orders are merely not taken); a
     * later table's orders take their place.
     */
    void startSorting(int rows, ExampleIds ids, Map<String, double[]> scoresByVersion) {
        Map<String, FutureTask<ScoreOrder.Sorted>> sortings = new LinkedHashMap<>();
        scoresByVersion.forEach((version, scores) -> sortings.put(version, sorting(scores, rows, version, ids)));
        synchronized (started) {
            started.clear();
            startedOnColumnsRead = sortings;
        }
        Thread thread = new Thread(() -> sortings.values().forEach(FutureTask::run), "verdict-score-orders");
        thread.setDaemon(true);
        thread.start();
    }

    /** The table made of the columns whose sorting {@link #startSorting} began: those orders are its models'. */
    void tableMade(EvaluationTable table) {
        synchronized (started) {
            for (ModelPredictions model : table.predictions().values()) {
                FutureTask<ScoreOrder.Sorted> sorting = startedOnColumnsRead.get(model.version());
                if (model.hasScores() && sorting != null) {
                    started.put(model.scores(), sorting);
                }
            }
            startedOnColumnsRead = Map.of();
        }
    }

    /**
     * Both models' rows in ascending score order with their score marks, each null for a model without scores or a
     * task that is not binary:
     * those started for this table taken, the rest sorted here and on a helper thread.
     *
     * @throws IllegalArgumentException for a score that is not a probability, production's first
     */
    ScoreOrder.Sorted[] sorted(EvaluationTable table, ModelPredictions production, ModelPredictions candidate) {
        if (table.task() != Task.BINARY) {
            return new ScoreOrder.Sorted[2];
        }
        FutureTask<ScoreOrder.Sorted> productionOrder = taken(table, production);
        FutureTask<ScoreOrder.Sorted> candidateOrder = candidate == production ? productionOrder
                : taken(table, candidate);
        if (candidateOrder != productionOrder && candidateOrder != null && !candidateOrder.isDone()) {
            Thread helper = new Thread(candidateOrder, "verdict-score-order");
            helper.setDaemon(true);
            helper.start();
        }
        // each run does nothing when another thread has begun that order, so this thread takes what none has
        if (productionOrder != null) {
            productionOrder.run();
        }
        if (candidateOrder != null) {
            candidateOrder.run();
        }
        return new ScoreOrder.Sorted[] {result(productionOrder), result(candidateOrder)};
    }

    /** The order started for this model's scores (no longer kept here), or a new one; null without scores. */
    private FutureTask<ScoreOrder.Sorted> taken(EvaluationTable table, ModelPredictions model) {
        if (!model.hasScores()) {
            return null;
        }
        synchronized (started) {
            FutureTask<ScoreOrder.Sorted> sorting = started.remove(model.scores());
            return sorting != null ? sorting
                    : sorting(model.scores(), table.rowCount(), model.version(), table.exampleIds());
        }
    }

    /** The order of a model's first {@code rows} scores, checked to be probabilities first. */
    private static FutureTask<ScoreOrder.Sorted> sorting(double[] scores, int rows, String version, ExampleIds ids) {
        return new FutureTask<>(() -> {
            ScoreOrder.requireProbabilities(scores, rows, "score_" + version, ids::get);
            return ScoreOrder.sorted(scores, rows);
        });
    }

    /** What the sorting gave, waiting for the thread that does it; or what it threw. */
    private static ScoreOrder.Sorted result(FutureTask<ScoreOrder.Sorted> sorting) {
        if (sorting == null) {
            return null;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return sorting.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a sort is short: finish waiting, keep the interrupt
                }
            }
        } catch (ExecutionException e) {
            throw AwaitedWork.thrownThere(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
