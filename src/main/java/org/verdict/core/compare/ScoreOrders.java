package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.ScoreOrder;

/**
 * Each model's rows in ascending score order ({@link ScoreOrder#ascending}), the first thing a comparison of scores
 * needs. The command line starts sorting a table's score columns on a thread of its own as soon as its rows are read
 * ({@link #startSorting}), while the loader checks the ids for repeats; the comparison then takes those orders, and
 * sorts itself any that thread has not begun. Otherwise the two models' orders are sorted at once, one on a helper
 * thread. Either way each order is sorted by one thread, once. The command line also has most of each column sorted
 * while the file is still read ({@link #sortAsRead}), on the core the parse leaves idle, so that what is left after
 * the last row is the rows since the last part and one merge.
 */
final class ScoreOrders {
    /** The orders started for the last table read, by score column, until a comparison takes them. */
    private final Map<double[], FutureTask<int[]>> started = new IdentityHashMap<>();

    /**
     * Sorts the table's score columns one after the other on a thread of its own. The table may still be refused after
     * (then the orders are merely not taken); a later table's orders take their place.
     */
    void startSorting(EvaluationTable table) {
        startSorting(table, null);
    }

    /**
     * As {@link #startSorting(EvaluationTable)}, each model's order finished from the parts {@code asRead} sorted while
     * the table was read (on that thread, after them), or sorted whole when it has none.
     */
    void startSorting(EvaluationTable table, AsRead asRead) {
        if (table.task() != Task.BINARY) {
            return;
        }
        List<FutureTask<int[]>> sortings = new ArrayList<>();
        synchronized (started) {
            started.clear();
            int place = 0;
            for (ModelPredictions model : table.predictions().values()) {
                ScoreOrder.Growing parts = asRead == null ? null : asRead.parts.get(place);
                place++;
                if (model.hasScores() && !started.containsKey(model.scores())) {
                    FutureTask<int[]> sorting = parts == null ? sorting(table, model) : finishing(table, model, parts);
                    started.put(model.scores(), sorting);
                    sortings.add(sorting);
                }
            }
        }
        if (asRead != null) {
            sortings.forEach(asRead.thread::execute);
            asRead.thread.shutdown();
            return;
        }
        Thread thread = new Thread(() -> sortings.forEach(FutureTask::run), "verdict-score-orders");
        thread.setDaemon(true);
        thread.start();
    }

    /** Sorts each model's scores part by part while a table is read, to be finished by {@link #startSorting}. */
    AsRead sortAsRead() {
        return new AsRead();
    }

    /**
     * The parts of one table's score columns sorted while it is read: the rows up to about 60 % of the rows expected,
     * then those up to about 90 %, each model's on one thread of its own (the core the parse leaves idle on two cores).
     * Told on the reading thread. A table refused later leaves its parts to be collected with it.
     */
    static final class AsRead {
        /** Where a part ends, as a share of the rows expected; the rows after the last are sorted at the end. */
        private static final double[] PART_ENDS = {0.6, 0.9};

        /** Each scored model's parts, by the model's place in the manifest. */
        private final Map<Integer, ScoreOrder.Growing> parts = new HashMap<>();
        private final Map<Integer, Integer> partsBegun = new HashMap<>();
        /** One thread, taking the parts in the order they are told, and gone a second after its last. */
        private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread sorting = new Thread(runnable, "verdict-score-orders");
                    sorting.setDaemon(true);
                    return sorting;
                });

        private AsRead() {
        }

        void scoresRead(int model, double[] scores, int rows, long expectedRows) {
            int begun = partsBegun.getOrDefault(model, 0);
            if (expectedRows <= 0 || begun == PART_ENDS.length || rows < PART_ENDS[begun] * expectedRows) {
                return;
            }
            partsBegun.put(model, begun + 1);
            ScoreOrder.Growing growing = parts.computeIfAbsent(model, m -> new ScoreOrder.Growing());
            thread.execute(() -> growing.sortTo(scores, rows));
        }
    }

    /**
     * Both models' rows in ascending score order, each null for a model without scores or a task that is not binary:
     * those started for this table taken, the rest sorted here and on a helper thread.
     *
     * @throws IllegalArgumentException for a score that is not a probability, production's first
     */
    int[][] ascending(EvaluationTable table, ModelPredictions production, ModelPredictions candidate) {
        if (table.task() != Task.BINARY) {
            return new int[2][];
        }
        FutureTask<int[]> productionOrder = taken(table, production);
        FutureTask<int[]> candidateOrder = candidate == production ? productionOrder : taken(table, candidate);
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
        return new int[][] {result(productionOrder), result(candidateOrder)};
    }

    /** The order started for this model's scores (no longer kept here), or a new one; null without scores. */
    private FutureTask<int[]> taken(EvaluationTable table, ModelPredictions model) {
        if (!model.hasScores()) {
            return null;
        }
        synchronized (started) {
            FutureTask<int[]> sorting = started.remove(model.scores());
            return sorting != null ? sorting : sorting(table, model);
        }
    }

    private static FutureTask<int[]> sorting(EvaluationTable table, ModelPredictions model) {
        return new FutureTask<>(() -> {
            ScoreOrder.requireProbabilities(model.scores(), "score_" + model.version(), table.exampleIds()::get);
            return ScoreOrder.ascending(model.scores());
        });
    }

    /** The order of a model's scores from the parts sorted while they were read: the rest sorted, all merged. */
    private static FutureTask<int[]> finishing(EvaluationTable table, ModelPredictions model,
                                               ScoreOrder.Growing parts) {
        return new FutureTask<>(() -> {
            ScoreOrder.requireProbabilities(model.scores(), "score_" + model.version(), table.exampleIds()::get);
            return parts.ascending(model.scores());
        });
    }

    /** What the sorting gave, waiting for the thread that does it; or what it threw. */
    private static int[] result(FutureTask<int[]> sorting) {
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
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("sorting the scores failed", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
