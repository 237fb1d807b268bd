package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.pack.RowsListener;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.HashedBlocks;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.task.AwaitedWork;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.Progress;

/**
 * Compares a candidate with production on every slice and every metric of the task: per-model values with
 * intervals, Δ = candidate − production with a paired interval and test, p-values adjusted across the slices of
 * each metric, and a verdict per slice. Slices are analysed in parallel on all cores; results are reproducible
 * for a given seed whatever the scheduling, because every slice draws from its own seeded stream.
 */
public final class ComparisonEngine {
    /** Every name a {@link SliceResult#test()} can have, e.g. for explaining each one to reviewers. */
    public static final List<String> TEST_NAMES = SliceAnalysis.TESTS;
    /** The hashed blocks the means are resampled over; a summary pack with as many has the rows' very blocks. */
    public static final int BOOTSTRAP_BLOCKS = SliceAnalysis.BOOTSTRAP_BLOCKS;

    /**
     * One row-level comparison at a time per engine, in the order asked. Each already keeps every core busy, so two
     * at once (the app's Compare view and its gate review both start when a pack opens) finish no sooner in all but
     * hold two sets of per-slice arrays: on a ten-million-row pack that is the difference between fitting in 2 GB of
     * heap and running out of it.
     */
    private final Semaphore turn = new Semaphore(1, true);
    /**
     * Every table's bootstrap blocks, hashed once per seed while the table lives and shared by its comparisons on this
     * engine: the composition root (the app, each command) makes one engine, and so decides how long they are kept.
     */
    private final HashedBlocks hashedBlocks = new HashedBlocks();
    /** Each model's score order, started when the command line has read the rows or sorted by the comparison. */
    private final ScoreOrders scoreOrders = new ScoreOrders();

    /** Compares on the pack's primary suite; {@code candidateVersion} null means the first candidate. */
    public ComparisonReport compare(ReviewPack pack, String candidateVersion, ComparisonOptions options,
                                    Progress progress) {
        if (pack.isSummary()) {
            throw new IllegalArgumentException(pack.source() + " is a summary pack: its statistics are compared by "
                    + "the summary layer (SummaryComparison), not from rows");
        }
        var manifest = pack.manifest();
        String candidate = manifest.candidateVersion(candidateVersion);
        Metric primary = Metric.fromWireName(manifest.primaryMetric()).orElseThrow(() ->
                new IllegalArgumentException("unknown primary metric '" + manifest.primaryMetric() + "'"));
        return compare(manifest.model().name(), pack.primary(), manifest.production().version(), candidate, primary,
                options.withTargetUnit(manifest.model().targetUnit()), progress);
    }

    /**
     * What a reader tells of each table it reads, so that the part of a later row-level comparison of it under these
     * options that needs only its rows is done meanwhile: every example's bootstrap block, an MD5 of each id (about 0.3
     * s of CPU for a million rows in a fresh process), hashed on the second core while the first parses the rest of the
     * file, or its first part ({@link HashedBlocks#hashAsRead}); and, once the rows are read, each model's rows in score order, sorted on
     * a thread of their own from the columns as read while the loader makes the table of trimmed copies of them and
     * checks the ids for repeats ({@link ScoreOrders#startSorting}). The command
     * line reads its pack so; the comparison then takes the orders, and the first slice that resamples means the
     * blocks, each doing what is left itself. Nothing is done for a table whose comparison needs no blocks (no
     * mean-type metric: classification without every model's scores).
     */
    public RowsListener preparing(ComparisonOptions options) {
        return (task, everyModelScored) -> {
            if (task != Task.REGRESSION && !(task == Task.BINARY && everyModelScored)) {
                return null;
            }
            HashedBlocks.AsRead hashing = hashedBlocks.hashAsRead(options.seed(), BOOTSTRAP_BLOCKS);
            return new RowsListener.TableRows() {
                @Override
                public void idsRead(ExampleIds soFar) {
                    hashing.idsRead(soFar);
                }

                @Override
                public void scoresRead(int rows, ExampleIds ids, Map<String, double[]> scoresByVersion) {
                    scoreOrders.startSorting(rows, ids, scoresByVersion);
                }

                @Override
                public void rowsRead(EvaluationTable table) {
                    hashing.allRead(table.exampleIds());
                    scoreOrders.tableMade(table);
                }
            };
        };
    }

    /**
     * Compares on any evaluation table (e.g. the holdout suite, or a per-language subset for parity gates).
     *
     * @param packName shown in reports
     * @param primaryMetric flagged {@code primary} in the results
     */
    public ComparisonReport compare(String packName, EvaluationTable table, String productionVersion,
                                    String candidateVersion, Metric primaryMetric, ComparisonOptions options,
                                    Progress progress) {
        if (!primaryMetric.appliesTo(table.task())) {
            throw new IllegalArgumentException("primary metric " + primaryMetric.wireName() + " does not apply to a "
                    + table.task().wireName() + " task");
        }
        awaitTurn(progress);
        try {
            return compareRows(packName, table, productionVersion, candidateVersion, primaryMetric, options, progress);
        } finally {
            turn.release();
        }
    }

    /** Waits, cancellably, until no other row-level comparison runs on this engine. */
    private void awaitTurn(Progress progress) {
        try {
            if (turn.tryAcquire()) {
                return;
            }
            progress.waiting("Waiting for another comparison to finish");
            while (!turn.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                progress.checkCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private ComparisonReport compareRows(String packName, EvaluationTable table, String productionVersion,
                                         String candidateVersion, Metric primaryMetric, ComparisonOptions options,
                                         Progress progress) {
        List<SliceGrouping> groupings = groupings(table, options);
        progress.update(0, "Ranking scores");
        List<Metric> metrics = metricsCompared(table.task(), primaryMetric, options);
        PairedModels models = new PairedModels(table, productionVersion, candidateVersion,
                metrics.stream().anyMatch(SliceAnalysis::isScoreMean), scoreOrders, hashedBlocks, options.seed(),
                BOOTSTRAP_BLOCKS);
        progress.checkCancelled();

        progress.update(0, "Cutting slices");
        List<SliceTask> tasks = new ArrayList<>();
        for (SliceGrouping grouping : groupings) {
            progress.checkCancelled();
            tasks.addAll(new GroupingSlices(grouping, models).tasks);
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "verdict-comparison");
            thread.setDaemon(true);
            return thread;
        });
        List<Analysed> comparisons;
        try {
            comparisons = runAll(pool, tasks, metrics, new SliceAnalysis(models, options, progress, pool), options,
                    progress);
        } finally {
            pool.shutdownNow();
        }
        return decide(packName, productionVersion, candidateVersion, primaryMetric, options,
                tasks.stream().map(SliceTask::key).toList(), tasks.stream().map(SliceTask::n).toList(), comparisons,
                table.classes(), progress);
    }

    /**
     * Compares on slices given by their sufficient statistics (a summary pack) instead of rows, with the same
     * analysis and the same verdict rule as a row-level table.
     *
     * @param classes the task's classes as in {@link EvaluationTable#classes()} (empty for regression)
     * @param slices the overall slice first, then every other slice and cross to compare
     */
    public ComparisonReport compare(String packName, Task task, List<String> classes, List<SummarySlice> slices,
                                    String productionVersion, String candidateVersion, Metric primaryMetric,
                                    ComparisonOptions options, Progress progress) {
        if (!primaryMetric.appliesTo(task)) {
            throw new IllegalArgumentException("primary metric " + primaryMetric.wireName() + " does not apply to a "
                    + task.wireName() + " task");
        }
        List<Metric> metrics = metricsCompared(task, primaryMetric, options);
        SliceAnalysis analysis = new SliceAnalysis(task, classes, slices, productionVersion, candidateVersion,
                options, progress, ForkJoinPool.commonPool());
        AtomicInteger done = new AtomicInteger();
        List<Analysed> comparisons = slices.parallelStream().map(slice -> {
            progress.checkCancelled();
            SliceAnalysis.Outcome result = analysis.analyze(metrics, slice,
                    sliceRandom(options.seed(), slice.slice()));
            synchronized (done) {
                int finished = done.incrementAndGet();
                progress.update((double) finished / slices.size(),
                        "Compared " + finished + " of " + MetricFormat.count(slices.size(), "slice", "slices"));
            }
            return Analysed.of(result, options);
        }).toList();
        return decide(packName, productionVersion, candidateVersion, primaryMetric, options,
                slices.stream().map(SummarySlice::slice).toList(), slices.stream().map(SummarySlice::n).toList(),
                comparisons, classes, progress);
    }

    /** Every metric of the task, or the primary alone when the options ask for no more. */
    private static List<Metric> metricsCompared(Task task, Metric primaryMetric, ComparisonOptions options) {
        return options.primaryMetricOnly() ? List.of(primaryMetric) : Metric.forTask(task);
    }

    /** A slice's outcome with the inferences of its metrics and class recalls, in the same order. */
    private record Analysed(SliceAnalysis.Outcome outcome, List<Verdicts.Inferred> metrics,
                            List<Verdicts.Inferred> classRecalls) {
        static Analysed of(SliceAnalysis.Outcome outcome, ComparisonOptions options) {
            double level = options.confidenceLevel();
            return new Analysed(outcome,
                    outcome.metrics().stream().map(c -> Verdicts.Inferred.of(c, level)).toList(),
                    outcome.classRecalls().stream().map(c -> Verdicts.Inferred.of(c.recall(), level)).toList());
        }
    }

    /**
     * @param keys each slice, in the order of {@code outcomes}
     * @param sizes each slice's number of examples, in the same order
     * @param classes the task's classes, in the order of each outcome's class recalls
     */
    private static ComparisonReport decide(String packName, String productionVersion, String candidateVersion,
                                           Metric primaryMetric, ComparisonOptions options, List<SliceKey> keys,
                                           List<Integer> sizes, List<Analysed> outcomes,
                                           List<String> classes, Progress progress) {
        List<Verdicts.Pending> pending = new ArrayList<>();
        List<Verdicts.Pending> classPending = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        List<SliceAnalysis.ClassOutcome> classOutcomes = new ArrayList<>();
        for (int s = 0; s < keys.size(); s++) {
            Analysed analysed = outcomes.get(s);
            List<MetricComparison> comparisons = analysed.outcome().metrics();
            for (int m = 0; m < comparisons.size(); m++) {
                MetricComparison comparison = comparisons.get(m);
                pending.add(new Verdicts.Pending(keys.get(s), sizes.get(s), comparison.metric() == primaryMetric,
                        comparison, analysed.metrics().get(m), analysed.outcome().counts().of(comparison.metric())));
            }
            List<SliceAnalysis.ClassOutcome> recalls = analysed.outcome().classRecalls();
            for (int c = 0; c < recalls.size(); c++) {
                // a class's recall rests on its support, which is its n
                classPending.add(new Verdicts.Pending(keys.get(s), recalls.get(c).support(), false,
                        recalls.get(c).recall(), analysed.classRecalls().get(c), MetricCounts.NONE));
                classNames.add(classes.get(c));
                classOutcomes.add(recalls.get(c));
            }
        }
        Verdicts verdicts = new Verdicts(options);
        Map<Metric, Integer> familySizes = new EnumMap<>(Metric.class);
        List<SliceResult> decided = verdicts.decide(pending, familySizes);
        Map<TestFamily, Integer> classFamilySizes = new EnumMap<>(TestFamily.class);
        List<SliceResult> classDecided = verdicts.decideClasses(classPending, classFamilySizes);
        List<ClassRecall> classRecalls = new ArrayList<>();
        for (int i = 0; i < classDecided.size(); i++) {
            classRecalls.add(new ClassRecall(classNames.get(i), classDecided.get(i),
                    classOutcomes.get(i).productionPredicted(), classOutcomes.get(i).candidatePredicted()));
        }
        progress.update(1, "Comparison done");
        return new ComparisonReport(packName, productionVersion, candidateVersion, primaryMetric, options, decided,
                familySizes.getOrDefault(primaryMetric, 0), familySizes, classRecalls, classFamilySizes,
                constantSlices(keys, sizes, outcomes, productionVersion, candidateVersion, options));
    }

    /**
     * The tested slices (at least the minimum size: fewer rows are not judged, and a few rows alike say little of a
     * model) on which the candidate gives every row one output; none when it does so on the overall slice, which the
     * pack-level check (a failed Schema gate, compare's warning) says once for every slice.
     */
    private static List<ConstantSlice> constantSlices(List<SliceKey> keys, List<Integer> sizes,
                                                      List<Analysed> outcomes, String productionVersion,
                                                      String candidateVersion, ComparisonOptions options) {
        List<ConstantSlice> constant = new ArrayList<>();
        for (int s = 0; s < keys.size(); s++) {
            SliceAnalysis.OneOutput one = outcomes.get(s).outcome().oneOutput();
            if (one.candidate() == null || sizes.get(s) < options.minSliceSize()) {
                continue;
            }
            if (keys.get(s).isOverall()) {
                return List.of();
            }
            constant.add(new ConstantSlice(keys.get(s), sizes.get(s), candidateVersion, one.candidate(),
                    productionVersion, one.production()));
        }
        return constant;
    }

    /** Counts of (true class, predicted class) of one model on one slice (the heat map of the Compare view). */
    public ConfusionMatrix confusionMatrix(EvaluationTable table, String version, SliceKey slice) {
        if (!table.task().isClassification()) {
            throw new IllegalArgumentException("a confusion matrix needs a classification task");
        }
        return ConfusionMatrix.of(table.classes(), table.labelCodes(), table.predictionsOf(version).classCodes(),
                rowsOf(table, slice));
    }

    /** The table rows of a slice (all rows for {@link SliceKey#OVERALL}); empty when a value does not occur. */
    public int[] rowsOf(EvaluationTable table, SliceKey slice) {
        List<CategoricalColumn> columns = new ArrayList<>();
        int[] wanted = new int[slice.dimensions().size()];
        for (int d = 0; d < wanted.length; d++) {
            String name = slice.dimensions().get(d);
            CategoricalColumn column = table.column(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown slice column '" + name + "'; the table has " + table.sliceColumns().keySet()));
            columns.add(column);
            wanted[d] = column.levels().indexOf(slice.values().get(d));
            if (wanted[d] < 0) {
                return new int[0];
            }
        }
        int[] rows = new int[table.rowCount()];
        int count = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            boolean inSlice = true;
            for (int d = 0; d < wanted.length && inSlice; d++) {
                inSlice = columns.get(d).codes()[row] == wanted[d];
            }
            if (inSlice) {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    private static List<SliceGrouping> groupings(EvaluationTable table, ComparisonOptions options) {
        List<SliceGrouping> groupings = new ArrayList<>();
        groupings.add(SliceGrouping.overall());
        for (String column : table.sliceColumns().keySet()) {
            groupings.add(SliceGrouping.of(table, List.of(column)));
        }
        for (List<String> cross : options.crosses()) {
            groupings.add(SliceGrouping.of(table, cross));
        }
        return groupings;
    }

    /**
     * The slices of one grouping. Their rows (in table order, and as local indices in each model's score order) are
     * cut when the first of them is about to be analysed and let go slice by slice as each is done: a
     * ten-million-row table then holds the cut rows of the one or two groupings in progress, not of every grouping at
     * once (each is 12 bytes per row, and 4 more while it is cut).
     */
    private static final class GroupingSlices {
        /** The cut's passes: the place map and production's score order, the table order, candidate's score order. */
        private static final int PASSES = 3;

        private final SliceGrouping grouping;
        private final PairedModels models;
        private final int[] sizes;
        final List<SliceTask> tasks = new ArrayList<>();
        private int[][] byRow;
        private int[][] byProduction;
        private int[][] byCandidate;
        // the cut's progress, under this object's lock
        private int passesTaken;
        private int passesDone;
        private boolean placed;
        private int[] place;
        private RuntimeException failed;

        GroupingSlices(SliceGrouping grouping, PairedModels models) {
            this.grouping = grouping;
            this.models = models;
            this.sizes = grouping.sliceSizes(models.table.rowCount());
            for (int s = 0; s < grouping.sliceCount(); s++) {
                if (sizes[s] > 0) {
                    tasks.add(new SliceTask(this, s, grouping.key(s), sizes[s]));
                }
            }
        }

        int largest() {
            int largest = 0;
            for (int size : sizes) {
                largest = Math.max(largest, size);
            }
            return largest;
        }

        /**
         * Cuts every slice of the grouping in one linear pass per order, the first time a slice asks. A worker that
         * asks while another is cutting takes a pass not yet started instead of waiting for the whole cut: the next
         * grouping's first slices usually find the other worker cutting it (profile of a fresh 1,000,000-row compare).
         */
        void cut() {
            while (true) {
                int pass;
                synchronized (this) {
                    if (passesTaken == PASSES) {
                        awaitCut();
                        return;
                    }
                    pass = passesTaken++;
                }
                try {
                    cutPass(pass);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        failed = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                        notifyAll();
                    }
                    throw e;
                }
                synchronized (this) {
                    if (++passesDone == PASSES) {
                        place = null;
                    }
                    notifyAll();
                }
            }
        }

        private void cutPass(int pass) {
            switch (pass) {
                case 0 -> {
                    // every row is in exactly one slice of a grouping, so one row → place map serves all its slices
                    int[] rowPlaces = grouping.dimensions.isEmpty() ? null : grouping.places(sizes);
                    synchronized (this) {
                        place = rowPlaces;
                        placed = true;
                        notifyAll();
                    }
                    int[][] cut = models.productionAscending == null ? null
                            : grouping.partitionMarked(models.productionAscending, models.productionNewScores,
                            rowPlaces, sizes);
                    synchronized (this) {
                        byProduction = cut;
                    }
                }
                case 1 -> {
                    // rows in table order keep the per-row passes (counts, sums) sequential in memory
                    int[][] cut = grouping.partition(models.tableOrder, sizes);
                    synchronized (this) {
                        byRow = cut;
                    }
                }
                default -> {
                    int[] rowPlaces;
                    synchronized (this) {
                        while (!placed && failed == null) {
                            awaitChange();
                        }
                        rethrowFailure();
                        rowPlaces = place;
                    }
                    int[][] cut = models.candidateAscending == null ? null
                            : grouping.partitionMarked(models.candidateAscending, models.candidateNewScores,
                            rowPlaces, sizes);
                    synchronized (this) {
                        byCandidate = cut;
                    }
                }
            }
        }

        /** Waits, holding this object's lock, until every pass is done (or one failed). */
        private void awaitCut() {
            while (passesDone < PASSES && failed == null) {
                awaitChange();
            }
            rethrowFailure();
        }

        private void awaitChange() {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        private void rethrowFailure() {
            if (failed != null) {
                throw failed;
            }
        }

        SliceAnalysis.Outcome analyse(int slice, SliceAnalysis analysis, List<Metric> metrics, long seed,
                                      SliceKey key) {
            cut();
            int[] rows;
            int[] production;
            int[] candidate;
            synchronized (this) {
                rows = byRow[slice];
                production = byProduction == null ? null : byProduction[slice];
                candidate = byCandidate == null ? null : byCandidate[slice];
                // this slice's arrays are in use below; memory shrinks as slices finish
                byRow[slice] = null;
                if (byProduction != null) {
                    byProduction[slice] = null;
                }
                if (byCandidate != null) {
                    byCandidate[slice] = null;
                }
            }
            return analysis.analyze(metrics, rows, production, candidate, sliceRandom(seed, key));
        }
    }

    /** A slice to analyse: its grouping, its index there, its key and size. */
    private record SliceTask(GroupingSlices grouping, int slice, SliceKey key, int n) {
        SliceAnalysis.Outcome analyse(SliceAnalysis analysis, List<Metric> metrics, long seed) {
            return grouping.analyse(slice, analysis, metrics, seed, key);
        }
    }

    /** @param pool the comparison's workers, as many as the cores (or the slices, if fewer) */
    private static List<Analysed> runAll(ExecutorService pool, List<SliceTask> tasks, List<Metric> metrics,
                                         SliceAnalysis analysis, ComparisonOptions options, Progress progress) {
        AtomicInteger done = new AtomicInteger();
        // largest slices first, so no core idles at the end waiting for the overall slice, one grouping after the
        // other, so few groupings hold their cut rows at once; but a few of the smallest slices before them, so
        // the JIT compiles the analysis on small inputs rather than while the largest slices run in the
        // interpreter (about 10 % less CPU in a fresh JVM, measured with the benchmark)
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            order.add(t);
        }
        order.sort(Comparator.comparingInt((Integer t) -> tasks.get(t).grouping().largest())
                .thenComparingInt(t -> tasks.get(t).n()).reversed());
        List<Integer> smallest = order.stream().sorted(Comparator.comparingInt(t -> tasks.get(t).n()))
                .limit(tasks.size() / 8).toList();
        order.removeAll(smallest);
        order.addAll(0, smallest);
        List<Future<SliceAnalysis.Outcome>> futures = new ArrayList<>();
        // each slice's inferences, queued behind every slice when it is done: a worker left without slices while
        // the other finishes the last one (often the slowest, a block bootstrap) works them out meanwhile
        List<Future<Analysed>> inferences = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            futures.add(null);
            inferences.add(null);
        }
        for (int t : order) {
            SliceTask task = tasks.get(t);
            int index = t;
            futures.set(t, pool.submit(() -> {
                progress.checkCancelled();
                SliceAnalysis.Outcome result = task.analyse(analysis, metrics, options.seed());
                // Counting and reporting under one lock: otherwise two workers can report 5/8 after 6/8.
                synchronized (done) {
                    int finished = done.incrementAndGet();
                    progress.update((double) finished / tasks.size(),
                            "Compared " + finished + " of " + MetricFormat.count(tasks.size(), "slice", "slices"));
                    // set before this slice's future is done, so whoever has its result sees this
                    inferences.set(index, pool.submit(() -> Analysed.of(result, options)));
                }
                return result;
            }));
        }
        List<Analysed> results = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            AwaitedWork.result(futures.get(t));
            results.add(AwaitedWork.result(inferences.get(t)));
        }
        return results;
    }

    /** A stream of random numbers that depends only on the seed and the slice, not on scheduling. */
    private static SplittableRandom sliceRandom(long seed, SliceKey key) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (key.label().hashCode() + 1L)));
    }
}
