package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;
import org.verdict.core.compare.StudentizedIntervals.CarriedSum;
import org.verdict.core.compare.StudentizedIntervals.SumsMetric;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.AgreementBound;
import org.verdict.core.stats.AucInterval;
import org.verdict.core.stats.BalancedAccuracyDifference;
import org.verdict.core.stats.BinnedAveragePrecision;
import org.verdict.core.stats.BinnedDeLong;
import org.verdict.core.stats.BlockResampler;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.CountResampler;
import org.verdict.core.stats.DeLong;
import org.verdict.core.stats.DeltaInference;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.JackknifeVariance;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.stats.MetricValue;
import org.verdict.core.stats.PairedMeanRatio;
import org.verdict.core.stats.PairedProportionDifference;
import org.verdict.core.stats.PairedTests;
import org.verdict.core.stats.ProductionBoundedDifference;
import org.verdict.core.stats.Proportions;
import org.verdict.core.stats.RankingSums;
import org.verdict.core.stats.ResampledDistribution;
import org.verdict.core.stats.RoundingSpread;
import org.verdict.core.stats.SeparatedAucDifference;
import org.verdict.core.stats.SeparationBound;
import org.verdict.core.stats.SkewCorrection;
import org.verdict.core.stats.SkewExtendedDifference;
import org.verdict.core.stats.SliceRanking;
import org.verdict.core.stats.StudentizedBootstrap;
import org.verdict.core.stats.SumConcentration;
import org.verdict.core.stats.WaldDifference;
import org.verdict.core.task.Progress;

/**
 * Every metric of the task for production and candidate on one slice, with per-model intervals, the paired
 * interval of Δ = candidate − production and the paired test. See docs/statistics.md for the methods.
 */
final class SliceAnalysis {
    /** Slices up to this many examples bootstrap pr_auc by rows; larger ones use its influence function. */
    static final int PR_AUC_ROW_BOOTSTRAP_MAX = 2_000;
    /**
     * Hashed blocks of the block bootstrap of means; a slice resamples its non-empty ones, which are single rows
     * when no two of its examples share a block.
     */
    static final int BOOTSTRAP_BLOCKS = 300;
    /** Above this share of replicates in which a metric is undefined, the bootstrap of Δ is called unstable. */
    static final double MAX_UNDEFINED_SHARE = 0.01;
    /** A labelled class with fewer examples makes an unweighted per-class average unstable (see ClassSets). */
    static final int MIN_CLASS_EXAMPLES = 5;

    static final String CELL_BOOTSTRAP = "paired-bootstrap-cells";
    static final String ROW_BOOTSTRAP = "paired-bootstrap";
    /** The block bootstrap over blocks dealt by a hash of the example id, from rows and summary packs alike. */
    static final String HASHED_BLOCK_BOOTSTRAP = "paired-hashed-block-bootstrap";
    /**
     * log_loss and brier on a large slice whose bootstrap would buy nothing ({@link #closedFormMeans}): each model's
     * t interval on the log (logit) scale and Δ's paired t interval, over the slice's hashed blocks.
     */
    static final String HASHED_BLOCK_T = "paired-hashed-block-t";
    /**
     * Slices of at least this many examples may take the closed form of log_loss and brier: their blocks hold 33 rows
     * or more each, so the block sums are near normal beyond their skew, which {@link SkewCorrection} measures.
     */
    static final int CLOSED_FORM_MIN_EXAMPLES = 10_000;
    /** Δ sq_calibration_error: the jackknife variance less its excess for a U-statistic, over rows or blocks. */
    static final String ROW_U_JACKKNIFE = "paired-u-jackknife";
    static final String HASHED_BLOCK_U_JACKKNIFE = "paired-hashed-block-u-jackknife";
    static final String DELONG = "delong";
    static final String AP_INFLUENCE = "paired-influence-normal";
    /** Every name a result's {@code test} can have. */
    static final List<String> TESTS = List.of(PairedProportionDifference.TEST, BalancedAccuracyDifference.TEST,
            CELL_BOOTSTRAP, ROW_BOOTSTRAP,
            DELONG, AP_INFLUENCE, HASHED_BLOCK_BOOTSTRAP, HASHED_BLOCK_T, BinnedDeLong.TEST,
            BinnedAveragePrecision.TEST, BinnedAveragePrecision.T_TEST, ROW_U_JACKKNIFE, HASHED_BLOCK_U_JACKKNIFE,
            AgreementBound.TEST, AgreementBound.SAME_RANKING_TEST, SeparatedAucDifference.TEST);

    /**
     * One slice's comparisons: every metric asked for, in the order asked, and for a multiclass task each class's
     * recall (in the task's class order; empty for other tasks), whose verdicts the engine decides in families of
     * their own.
     */
    record Outcome(List<MetricComparison> metrics, List<ClassOutcome> classRecalls, MetricCounts.Slice counts,
                   OneOutput oneOutput) {
        Outcome(List<MetricComparison> metrics, List<ClassOutcome> classRecalls, MetricCounts.Slice counts) {
            this(metrics, classRecalls, counts, OneOutput.NONE);
        }
    }

    /**
     * Each model's output where it gives every row of the slice the same one, as written ("$0", "'other'", "'yes'
     * with score 0.500"), else null: found on the passes the metrics make anyway (the paired cells, the ends of the
     * score orders, the regression's row pass), never on one of its own.
     */
    record OneOutput(String production, String candidate) {
        static final OneOutput NONE = new OneOutput(null, null);
    }

    /**
     * One class's recall in a slice, how many of the slice's rows are labelled with the class and how many each model
     * predicts as it.
     */
    record ClassOutcome(int support, MetricComparison recall, long productionPredicted, long candidatePredicted) {
    }

    /** Per example: log loss p, c; brier p, c; the calibration sums of p, then of c; count. */
    static final int CALIBRATION_WIDTH = 4 + 2 * Calibration.SQUARED_ERROR_SUMS + 1;
    /** Per example: |e| p, c; e² p, c; |e|/|y| p, c (y ≠ 0); y ≠ 0; y − centre; (y − centre)²; count. */
    static final int REGRESSION_WIDTH = 10;
    /** Where each sum of the {@link #REGRESSION_WIDTH} layout sits; production's error sums first, the candidate's next. */
    private static final int ABSOLUTE_ERRORS = 0;
    private static final int SQUARED_ERRORS = 2;
    private static final int RELATIVE_ERRORS = 4;
    private static final int NONZERO_LABELS = 6;
    private static final int LABEL_DEVIATIONS = 7;
    private static final int LABEL_SQUARED_DEVIATIONS = 8;
    private static final int ROWS = 9;

    /**
     * The errors a regression metric is a mean of, in the {@link #REGRESSION_WIDTH} layout: each model's sum of them
     * and the count they are a mean over, and what they are called. rmse and r2 both rest on the squared errors.
     */
    private enum RegressionErrors {
        ABSOLUTE(ABSOLUTE_ERRORS, ROWS, "absolute error"),
        SQUARED(SQUARED_ERRORS, ROWS, "squared error"),
        RELATIVE(RELATIVE_ERRORS, NONZERO_LABELS, "relative error");

        private final int productionSum;
        final int count;
        /** Singular, as in "the candidate's squared error". */
        final String words;

        RegressionErrors(int productionSum, int count, String words) {
            this.productionSum = productionSum;
            this.count = count;
            this.words = words;
        }

        /** The component holding the sum of {@code model}'s errors: 0 production, 1 the candidate. */
        int sumOf(int model) {
            return productionSum + model;
        }

        static RegressionErrors of(Metric metric) {
            return switch (metric) {
                case MAE -> ABSOLUTE;
                case RMSE, R2 -> SQUARED;
                case MAPE -> RELATIVE;
                default -> throw new IllegalArgumentException(metric.wireName() + " is not a regression metric");
            };
        }
    }

    /** The per-row data of a row-level table; null when the slices come as summaries ({@link SummarySlice}). */
    private final PairedModels models;
    private final Task task;
    private final List<String> classes;
    /**
     * The classes with a labelled example somewhere in the compared table (all rows, or every summary slice): a class
     * of the pack missing from a slice is then said to be missing there, else to be missing from the whole table.
     */
    private final boolean[] labelledInTable;
    private final String productionVersion;
    private final String candidateVersion;
    private final ComparisonOptions options;
    private final Progress progress;
    /**
     * The block bootstraps' replicates, offered in part to a thread that has nothing else to do (the comparison's
     * workers): a task queued there behind the other slices, run by the slice itself if still queued when the slice
     * has made every replicate.
     */
    private final BlockReplicates blockReplicates;
    /**
     * Each thread's scratch of both models, kept from slice to slice for slices up to {@link #KEPT_SCRATCH} examples:
     * each example's tie group, and each tie group's DeLong components and AP influences by class (two values a
     * group, as many groups as the slice has distinct scores). Made per slice, a large slice's arrays (1 MB and more
     * each) went straight to the old generation, where the command line's serial collector makes such arrays, and
     * filled it until a full collection stopped both workers in the middle of a fresh 1M compare.
     */
    private final ThreadLocal<int[][]> keptGroups = ThreadLocal.withInitial(() -> new int[2][0]);
    private final ThreadLocal<double[][]> keptScratch = ThreadLocal.withInitial(() -> new double[4][0]);
    /**
     * The most examples whose scratch a thread keeps (at most 8 MB of groups and 36 MB of values for both models):
     * above, a slice makes its own.
     */
    private static final int KEPT_SCRATCH = 1 << 20;
    /**
     * The most distinct scores of a slice whose DeLong components and AP influences are summed in one pass ({@link
     * #exampleSums}), on four tables of 2 MB at most a thread.
     */
    private static final int ONE_PASS_MAX_GROUPS = 1 << 17;

    /** @param helpers the comparison's workers, to which a slice's block bootstrap offers part of its replicates */
    SliceAnalysis(PairedModels models, ComparisonOptions options, Progress progress, Executor helpers) {
        this(models, models.table.task(), models.table.classes(), labelledIn(models.table),
                models.productionVersion, models.candidateVersion, options, progress, helpers);
    }

    /**
     * For slices given as sufficient statistics rather than rows ({@code slices}: every slice compared).
     *
     * @param helpers as for rows
     */
    SliceAnalysis(Task task, List<String> classes, List<SummarySlice> slices, String productionVersion,
                  String candidateVersion, ComparisonOptions options, Progress progress, Executor helpers) {
        this(null, task, classes, labelledIn(slices, classes.size()), productionVersion, candidateVersion, options,
                progress, helpers);
    }

    private SliceAnalysis(PairedModels models, Task task, List<String> classes, boolean[] labelledInTable,
                          String productionVersion, String candidateVersion, ComparisonOptions options,
                          Progress progress, Executor helpers) {
        this.models = models;
        this.task = task;
        this.classes = List.copyOf(classes);
        this.labelledInTable = labelledInTable;
        this.productionVersion = productionVersion;
        this.candidateVersion = candidateVersion;
        this.options = options;
        this.progress = progress;
        this.blockReplicates = new BlockReplicates(options.bootstrapReplicates(), helpers, progress);
    }

    /**
     * @param metrics the metrics wanted, each applicable to the task; results come in this order
     * @param rows the slice's table rows
     * @param productionAscending the slice's local indices (positions in {@code rows}) in ascending production score,
     *                            marked where a new score begins ({@link SliceRanking#fromMarkedLocals}, which takes
     *                            it over); null without scores
     * @param candidateAscending the same in ascending candidate score
     */
    Outcome analyze(List<Metric> metrics, int[] rows, int[] productionAscending, int[] candidateAscending,
                    SplittableRandom random) {
        if (rows.length == 0) {
            return new Outcome(metrics.stream().map(m -> MetricComparison.unavailable(m, "empty slice")).toList(),
                    List.of(), MetricCounts.Slice.UNKNOWN);
        }
        List<MetricComparison> results = new ArrayList<>();
        List<ClassOutcome> classRecalls = List.of();
        long[] cells = null;
        // a binary slice's labels, positive or not, found with its paired cells
        boolean[] positive = null;
        if (task.isClassification()) {
            // the count metrics' stream is split off whether any is asked for, so the score metrics draw alike
            SplittableRandom countRandom = random.split();
            List<Metric> counted = metrics.stream().filter(m -> !m.needsScores()).toList();
            boolean recalls = task == Task.MULTICLASS && !options.primaryMetricOnly();
            if (!counted.isEmpty() || recalls) {
                if (models.rowCodes != null) {
                    positive = new boolean[rows.length];
                    cells = binaryCells(rows, models.rowCodes, positive);
                } else {
                    cells = pairedCells(rows);
                }
                classRecalls = recalls ? classRecalls(cells) : List.of();
                if (!counted.isEmpty()) {
                    results.addAll(countMetrics(counted, cells, rows.length, countRandom));
                }
            }
        }
        CellTotals totals = cells == null ? null : CellTotals.of(cells, classes.size());
        OneOutput oneOutput = OneOutput.NONE;
        if (task.isClassification() && rows.length > 1) {
            // read before the score metrics take the score orders over
            oneOutput = oneClassAndScore(totals, rows, productionAscending, candidateAscending);
        }
        if (task == Task.BINARY && metrics.stream().anyMatch(Metric::needsScores)) {
            results.addAll(scoreMetrics(metrics, rows, positive, productionAscending, candidateAscending,
                    random.split()));
        }
        RegressionPass regression = task == Task.REGRESSION ? regressionPass(rows) : null;
        if (regression != null) {
            results.addAll(regressionMetrics(regression.blocks(), rows.length, regression.zeroLabels(),
                    regression.nearZeroSaid(), random.split()));
            oneOutput = regression.oneOutput();
        }
        // the counts each result rests on: from the paired cells where counted, else (score metrics only) one pass
        MetricCounts.Slice counts = totals != null
                ? MetricCounts.Slice.ofCells(totals, classes, task == Task.BINARY)
                : task == Task.BINARY ? MetricCounts.Slice.ofPositives(positives(rows), rows.length)
                : task == Task.REGRESSION ? MetricCounts.Slice.ofRegression(regression.zeroLabels())
                : MetricCounts.Slice.UNKNOWN;
        return new Outcome(underMinimum(inOrder(metrics, results), rows.length, counts), classRecalls,
                counts, oneOutput);
    }

    /**
     * Each model's one class (from the totals of the paired cells, where counted) and one score (a binary task's
     * score orders, where given: the first and last in ascending order are equal), or null for a model whose class or
     * score varies; a model with neither known has none.
     */
    private OneOutput oneClassAndScore(CellTotals totals, int[] rows, int[] productionAscending,
                                       int[] candidateAscending) {
        boolean counted = totals != null;
        return new OneOutput(
                oneClassAndScore(counted, counted ? onlyOne(totals.productionPredicted()) : -1,
                        models.production.scores(), rows, productionAscending),
                oneClassAndScore(counted, counted ? onlyOne(totals.candidatePredicted()) : -1,
                        models.candidate.scores(), rows, candidateAscending));
    }

    /** The one index with a count, or −1 where more than one has. */
    private static int onlyOne(long[] counts) {
        int only = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                if (only >= 0) {
                    return -1;
                }
                only = c;
            }
        }
        return only;
    }

    private String oneClassAndScore(boolean classesCounted, int oneClass, double[] scores, int[] rows,
                                    int[] ascending) {
        if (classesCounted && oneClass < 0) {
            return null;
        }
        Double oneScore = null;
        if (scores != null) {
            if (ascending == null) {
                return null; // scores not ordered for the metrics asked: whether they vary is not known
            }
            double lowest = scores[rows[ascending[0] & ~SliceRanking.NEW_SCORE]];
            double highest = scores[rows[ascending[ascending.length - 1] & ~SliceRanking.NEW_SCORE]];
            if (lowest != highest) {
                return null;
            }
            oneScore = lowest;
        }
        String score = oneScore == null ? null : "score " + MetricFormat.RATE.value(oneScore);
        if (!classesCounted) {
            return score;
        }
        String name = "'" + classes.get(oneClass) + "'";
        return score == null ? name : name + " with " + score;
    }

    /**
     * The same metrics from a slice's sufficient statistics: count metrics from its paired cells exactly as from rows
     * (the same cells give the same resamples); means and binned sums by the block bootstrap over the slice's
     * non-empty hashed blocks; roc_auc and pr_auc from the ranking sums when the pack has them for the slice.
     */
    Outcome analyze(List<Metric> metrics, SummarySlice slice, SplittableRandom random) {
        if (slice.n() == 0) {
            return new Outcome(metrics.stream().map(m -> MetricComparison.unavailable(m, "empty slice")).toList(),
                    List.of(), MetricCounts.Slice.UNKNOWN);
        }
        List<MetricComparison> results = new ArrayList<>();
        if (task.isClassification()) {
            // split off whether any count metric is asked for, as on the row path
            SplittableRandom countRandom = random.split();
            List<Metric> counted = metrics.stream().filter(m -> !m.needsScores()).toList();
            if (!counted.isEmpty()) {
                results.addAll(countMetrics(counted, slice.cells(), slice.n(), countRandom));
            }
        }
        if (task == Task.BINARY && metrics.stream().anyMatch(Metric::needsScores)) {
            // the streams of the row path: the score metrics' stream, whose first split resamples the means
            SplittableRandom scoreRandom = random.split();
            RankingSums ranking = slice.ranking();
            results.add(ranking == null ? MetricComparison.unavailable(Metric.ROC_AUC,
                    slice.rankingMissing().formatted(Metric.ROC_AUC.wireName())) : binnedRocAuc(ranking));
            results.add(ranking == null ? MetricComparison.unavailable(Metric.PR_AUC,
                    slice.rankingMissing().formatted(Metric.PR_AUC.wireName())) : binnedPrAuc(ranking));
            if (slice.blocks() == null) {
                for (Metric mean : List.of(Metric.LOG_LOSS, Metric.BRIER, Metric.SQ_CALIBRATION_ERROR)) {
                    results.add(MetricComparison.unavailable(mean, "the summary pack has no score sums"));
                }
            } else if (metrics.stream().anyMatch(SliceAnalysis::isScoreMean)) {
                results.addAll(calibration(blockResampler(slice), slice.n(), scoreRandom.split()));
            }
        }
        long zeroLabels = 0;
        if (task == Task.REGRESSION) {
            double[][] blocks = slice.blocks();
            for (double[] block : blocks) {
                zeroLabels += Math.round(block[ROWS] - block[NONZERO_LABELS]);
            }
            results.addAll(regressionMetrics(blockResampler(slice), slice.n(), zeroLabels, null, random.split()));
        }
        // a binary summary slice's class counts: from its paired cells, else from its ranking sums
        MetricCounts.Slice counts = slice.cells() != null
                ? MetricCounts.Slice.ofCells(CellTotals.of(slice.cells(), classes.size()), classes,
                        task == Task.BINARY)
                : task == Task.BINARY && slice.ranking() != null
                ? MetricCounts.Slice.ofPositives(slice.ranking().positives(), slice.n())
                : task == Task.REGRESSION ? MetricCounts.Slice.ofRegression(zeroLabels) : MetricCounts.Slice.UNKNOWN;
        return new Outcome(underMinimum(inOrder(metrics, results), slice.n(), counts),
                task.isClassification() && !options.primaryMetricOnly() ? classRecalls(slice.cells()) : List.of(),
                counts);
    }

    /**
     * A slice under the comparison's minimum: no test of Δ, and only the model intervals valid at any size; a binary
     * slice at or above it with a class under {@link #MIN_CLASS_EXAMPLES}: what that class cannot support withheld
     * ({@link TooFewOfAClass}).
     */
    private List<MetricComparison> underMinimum(List<MetricComparison> results, int n, MetricCounts.Slice counts) {
        TooFewExamples rule = new TooFewExamples(options.minSliceSize());
        TooFewOfAClass rare = rule.covers(n) ? null : TooFewOfAClass.of(counts);
        // judged on the rows each metric rests on: mape's leave out the label-0 rows, so 30 rows with 25 of them are 5
        return results.stream().map(c -> {
            MetricCounts metricCounts = counts.of(c.metric());
            if (rule.covers(metricCounts.restsOn(n))) {
                return rule.applied(c, n, metricCounts, counts.positives());
            }
            return rare == null ? c : rare.applied(c);
        }).toList();
    }

    private long positives(int[] rows) {
        int[] label = models.table.labelCodes();
        return Arrays.stream(rows).filter(row -> label[row] == 1).count();
    }

    private static boolean[] labelledIn(EvaluationTable table) {
        boolean[] labelled = new boolean[table.classes().size()];
        if (table.labelCodes() != null) {
            for (int label : table.labelCodes()) {
                labelled[label] = true;
            }
        }
        return labelled;
    }

    /** The classes labelled in any of the slices' paired cells (index (label · k + production) · k + candidate). */
    private static boolean[] labelledIn(List<SummarySlice> slices, int k) {
        boolean[] labelled = new boolean[k];
        for (SummarySlice slice : slices) {
            long[] cells = slice.cells();
            for (int cell = 0; cells != null && cell < cells.length; cell++) {
                if (cells[cell] > 0) {
                    labelled[cell / (k * k)] = true;
                }
            }
        }
        return labelled;
    }

    /** roc_auc by DeLong's test from binned ranking sums; the same availability rules as from rows. */
    private MetricComparison binnedRocAuc(RankingSums scores) {

        long positives = scores.positives();
        long negatives = scores.negatives();
        if (positives == 0 || negatives == 0) {
            return MetricComparison.unavailable(Metric.ROC_AUC, SliceRanking.onlyOneClass(positives, negatives));
        }
        if (positives < 2 || negatives < 2) {
            // AUC = v10 / positives from one positive on, as from rows
            return rocAucWithoutInterval(scores.production().v10() / positives,
                    scores.candidate().v10() / positives, positives, negatives, BinnedDeLong.TEST);
        }
        DeLong.Result delong = roundingAsZero(BinnedDeLong.compare(scores));
        double delta = delong.candidateAuc() - delong.productionAuc();
        if (!(delong.deltaVariance() > 0)
                && RoundingSpread.negligible(Math.abs(delta), Math.max(delong.productionAuc(), delong.candidateAuc()))
                && !SeparatedAucDifference.applies(delong.productionAuc(), delong.productionVariance(),
                delong.candidateAuc(), delong.candidateVariance(), positives, negatives)) {
            // DeLong's variance of Δ 0 with Δ 0: every example has the same placement value under both models, and
            // placement values fix how each (positive, negative) pair is ordered, so the binned scores order every
            // pair alike (docs/statistics.md, "Two models that rank every example alike"), as the rows' check finds.
            // Two models that both separate the classes order every pair alike too, yet the rows cannot tell from
            // that that they rank alike within a class and give the separation bound: so do the sums
            return sameRanking(delong, positives, negatives, AgreeingModels.SAME_RANKING);
        }
        return delongComparison(delong, positives, negatives, BinnedDeLong.TEST);
    }

    /**
     * pr_auc with the influence-function interval from binned ranking sums, on every slice size: Δ's as the rows give
     * it ({@link #prAuc}), with t on Δ's effective degrees of freedom up to {@link #PR_AUC_ROW_BOOTSTRAP_MAX} examples
     * and z above; z on every size where the sums lack Σψ⁴ (packs summarised before it), named by the test.
     */
    private MetricComparison binnedPrAuc(RankingSums scores) {
        if (scores.positives() == 0) {
            return MetricComparison.unavailable(Metric.PR_AUC, SliceRanking.noPositives(scores.negatives()));
        }
        BinnedAveragePrecision.Result ap = BinnedAveragePrecision.compare(scores);
        boolean withT = scores.positives() + scores.negatives() <= PR_AUC_ROW_BOOTSTRAP_MAX
                && !Double.isNaN(ap.deltaDegreesOfFreedom());
        return normalComparison(Metric.PR_AUC, logitEstimate(ap.productionAp(), ap.productionVariance()),
                logitEstimate(ap.candidateAp(), ap.candidateVariance()), ap.candidateAp() - ap.productionAp(),
                ap.deltaVariance(),
                withT ? ap.deltaDegreesOfFreedom() : Double.POSITIVE_INFINITY,
                withT ? BinnedAveragePrecision.T_TEST : BinnedAveragePrecision.TEST, "the influence-function variance");
    }

    /** log_loss, brier and sq_calibration_error: means of per-example scores, resampled together over the blocks. */
    static boolean isScoreMean(Metric metric) {
        return metric == Metric.LOG_LOSS || metric == Metric.BRIER || metric == Metric.SQ_CALIBRATION_ERROR;
    }

    private static List<MetricComparison> inOrder(List<Metric> metrics, List<MetricComparison> results) {
        return metrics.stream()
                .map(m -> results.stream().filter(r -> r.metric() == m).findFirst().orElseThrow())
                .toList();
    }

    private static BlockResampler blockResampler(SummarySlice slice) {
        double[][] blocks = slice.blocks();
        BlockResampler resampler = new BlockResampler(blocks.length, blocks[0].length);
        for (int b = 0; b < blocks.length; b++) {
            for (int i = 0; i < blocks[b].length; i++) {
                resampler.add(b, i, blocks[b][i]);
            }
        }
        return resampler;
    }

    // ---- metrics of the paired contingency cells (label × production prediction × candidate prediction) ----

    /** The slice's paired counts, index (label · k + production) · k + candidate. */
    private long[] pairedCells(int[] rows) {
        EvaluationTable table = models.table;
        int k = classes.size();
        int[] label = table.labelCodes();
        int[] prod = models.production.classCodes();
        int[] cand = models.candidate.classCodes();
        long[] cells = new long[k * k * k];
        for (int row : rows) {
            cells[(label[row] * k + prod[row]) * k + cand[row]]++;
        }
        return cells;
    }

    /**
     * {@link #pairedCells} of a binary slice, from its rows' codes ({@link PairedModels#rowCodes}), and each example's
     * label, positive or not, into {@code positive}: one pass, in a method of its own, so the JIT compiles this loop
     * rather than the per-slice method around it.
     */
    private static long[] binaryCells(int[] rows, short[] rowCodes, boolean[] positive) {
        long[] cells = new long[8];
        for (int i = 0; i < rows.length; i++) {
            short code = rowCodes[rows[i]];
            cells[PairedModels.cell(code)]++;
            positive[i] = PairedModels.positive(code);
        }
        return cells;
    }

    /**
     * Each class's recall for a multiclass task (none for binary, whose recall is a metric of its own): the share of
     * the rows labelled with the class that each model predicts as it, a rate of the same rows for both models, so Δ
     * takes the paired rates' Tango interval and each model Wilson's, as accuracy does. A class without examples
     * here has no recall; one with fewer than {@link #MIN_CLASS_EXAMPLES} keeps its values and Wilson intervals but
     * no interval of Δ, as the per-class averages withhold theirs.
     */
    private List<ClassOutcome> classRecalls(long[] cells) {
        if (task != Task.MULTICLASS) {
            return List.of();
        }
        int k = classes.size();
        // [model][class]: the rows each model predicts as each class, cells indexed (label · k + production) · k +
        // candidate
        long[][] predicted = new long[2][k];
        for (int cell = 0; cell < cells.length; cell++) {
            predicted[0][(cell / k) % k] += cells[cell];
            predicted[1][cell % k] += cells[cell];
        }
        List<ClassOutcome> recalls = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            PairedRate rate = PairedRate.ofClass(cells, k, c);
            String name = classes.get(c);
            if (rate.trials() == 0) {
                recalls.add(new ClassOutcome(0, MetricComparison.unavailable(Metric.RECALL,
                        "no example of this slice is labelled " + name + ", so its recall is undefined"),
                        predicted[0][c], predicted[1][c]));
                continue;
            }
            MetricComparison tested = pairedRate(Metric.RECALL,
                    MetricValue.of((double) rate.productionSuccesses() / rate.trials()),
                    MetricValue.of((double) rate.candidateSuccesses() / rate.trials()), rate);
            recalls.add(new ClassOutcome((int) rate.trials(), rate.trials() >= MIN_CLASS_EXAMPLES ? tested
                    : new MetricComparison(Metric.RECALL, tested.production(), tested.candidate(), tested.delta(), null,
                            tested.test(), null, "class " + name + " has " + rate.trials() + " example"
                            + (rate.trials() == 1 ? "" : "s") + " here, fewer than " + MIN_CLASS_EXAMPLES
                            + ": no interval of Δ recall is trusted on so few", null), predicted[0][c],
                    predicted[1][c]));
        }
        return recalls;
    }

    /**
     * @param metrics the count metrics asked for (each is computed alone from the same draws whichever others are)
     * @param cells paired counts, index (label · k + production) · k + candidate
     */
    private List<MetricComparison> countMetrics(List<Metric> metrics, long[] cells, int n, SplittableRandom random) {
        int k = classes.size();
        // resample only the occupied cells: with many classes most of the k³ cells are empty
        int[] occupied = IntStream.range(0, cells.length).filter(i -> cells[i] > 0).toArray();
        long[] counts = Arrays.stream(occupied).mapToLong(i -> cells[i]).toArray();
        // the paired rates have a closed-form interval; only the other count metrics are bootstrapped
        List<Metric> bootstrapped = metrics.stream().filter(m -> !PairedRate.covers(m)).toList();
        ConfusionMatrix[] point = pairedMatrices(occupied, counts, classes);
        ClassSets classSets = new ClassSets(point, labelledInTable);

        double[][][] leaveOneOut = cellLeaveOneOut(occupied, counts, bootstrapped, classSets);
        JackknifeVariance[] deltaJackknives = new JackknifeVariance[bootstrapped.size()];
        int[] labelOfCell = Arrays.stream(occupied).map(i -> i / (k * k)).toArray();
        for (int m = 0; m < bootstrapped.size(); m++) {
            double[] deltas = new double[occupied.length];
            for (int c = 0; c < occupied.length; c++) {
                deltas[c] = leaveOneOut[m][1][c] - leaveOneOut[m][0][c];
            }
            deltaJackknives[m] = bootstrapped.get(m).isUnweightedClassAverage()
                    ? JackknifeVariance.stratified(deltas, counts, labelOfCell, k)
                    : JackknifeVariance.plain(deltas, counts);
        }
        double[][][] replicate = cellReplicates(occupied, counts, bootstrapped, classSets, random);
        List<MetricComparison> results = new ArrayList<>();
        for (Metric metric : metrics) {
            boolean[] averaged = classSets.of(metric);
            MetricValue prodValue = countValue(point[0], metric, averaged);
            MetricValue candValue = countValue(point[1], metric, averaged);
            if (PairedRate.covers(metric)) {
                results.add(pairedRate(metric, prodValue, candValue, PairedRate.of(metric, cells, k)));
                continue;
            }
            int m = bootstrapped.indexOf(metric);
            MetricComparison comparison = withJackknifeDelta(summarise(metric, prodValue, candValue,
                    replicate[m][0], replicate[m][1], cellModelInterval(metric, leaveOneOut[m], counts), n, n - 1,
                    CELL_BOOTSTRAP, classSets.unstableReason(metric), classSets.absentNote(metric)),
                    deltaJackknives[m], n);
            if (AgreeingModels.lacksInterval(comparison) && classSets.unstableReason(metric) == null
                    && AgreeingModels.samePredictions(occupied, k)) {
                comparison = AgreeingModels.withPredictionAgreement(comparison, point[0], averaged);
            }
            results.add(withSpreadlessSaid(switch (metric) {
                case PRECISION, F1 -> withWilsonIntervals(comparison, point);
                case BALANCED_ACCURACY -> withScoreDeltaOfBinaryBalancedAccuracy(
                        withMoverWilsonBalancedAccuracy(comparison, point, averaged), cells, k);
                default -> comparison;
            }, replicate[m][0], replicate[m][1]));
        }
        return results;
    }

    /**
     * Each bootstrapped metric's replicates for both models ({@code [metric][model][replicate]}) from multinomial draws
     * of the occupied cells. A method of its own so that the JIT compiles this hot loop alone: inside
     * {@link #countMetrics} it made C2 compile that whole large method two or three times in every fresh process.
     */
    private double[][][] cellReplicates(int[] occupied, long[] counts, List<Metric> bootstrapped, ClassSets classSets,
                                        SplittableRandom random) {
        int replicates = options.bootstrapReplicates();
        double[][][] replicate = new double[bootstrapped.size()][2][replicates];
        CountResampler resampler = new CountResampler(random);
        long[] drawn = new long[counts.length];
        for (int b = 0; b < replicates; b++) {
            if ((b & 127) == 0) {
                progress.checkCancelled();
            }
            resampler.resample(counts, drawn);
            ConfusionMatrix[] pair = pairedMatrices(occupied, drawn, classes);
            for (int m = 0; m < bootstrapped.size(); m++) {
                boolean[] averaged = classSets.of(bootstrapped.get(m));
                replicate[m][0][b] = pair[0].valueOrNaN(bootstrapped.get(m), averaged);
                replicate[m][1][b] = pair[1].valueOrNaN(bootstrapped.get(m), averaged);
            }
        }
        return replicate;
    }

    /**
     * Each metric's leave-one-out values over rows ({@code [metric][model][cell]}): leaving out any one row of a paired
     * cell gives the same values, and lowers one count of each model's confusion matrix, so each occupied cell is one
     * pair of k × k matrices, weighted by its count. They give each model's jackknife variance (cohen_kappa,
     * weighted_f1) or BCa's acceleration (the other metrics), and the jackknife variance of Δ. Undefined values (the
     * metric undefined without that row) are NaN.
     */
    private double[][][] cellLeaveOneOut(int[] occupied, long[] counts, List<Metric> metrics, ClassSets classSets) {
        int k = classes.size();
        long[] prod = new long[k * k];
        long[] cand = new long[k * k];
        for (int c = 0; c < occupied.length; c++) {
            prod[occupied[c] / k] += counts[c];
            cand[occupied[c] / (k * k) * k + occupied[c] % k] += counts[c];
        }
        double[][][] leaveOneOut = new double[metrics.size()][2][occupied.length];
        for (int c = 0; c < occupied.length; c++) {
            int prodCell = occupied[c] / k;
            int candCell = occupied[c] / (k * k) * k + occupied[c] % k;
            prod[prodCell]--;
            cand[candCell]--;
            ConfusionMatrix prodMatrix = new ConfusionMatrix(classes, prod);
            ConfusionMatrix candMatrix = new ConfusionMatrix(classes, cand);
            prod[prodCell]++;
            cand[candCell]++;
            for (int m = 0; m < metrics.size(); m++) {
                boolean[] averaged = classSets.of(metrics.get(m));
                leaveOneOut[m][0][c] = prodMatrix.valueOrNaN(metrics.get(m), averaged);
                leaveOneOut[m][1][c] = candMatrix.valueOrNaN(metrics.get(m), averaged);
            }
        }
        return leaveOneOut;
    }

    /**
     * Δ of a count metric with the jackknife standard error instead of the bootstrap's: Δ ± t(ν)·SE_jack, with its t
     * p-value. The jackknife variance is biased upward for any statistic of independent rows (Efron &amp; Stein 1981),
     * where the bootstrap's of a ratio of few counts (the recall or F1 of a class with a handful of examples) runs low:
     * under the null, 20 slices of 200 rows with Holm, balanced_accuracy's family-wise error fell from 7.2 % to 5.1 %
     * (docs/statistics.md). For a share of rows (a mean) the two agree. ν is n − 1, except for the unweighted class
     * averages (macro_f1, balanced_accuracy), whose rows are left out within their label class (the stratified
     * jackknife; for balanced accuracy exactly Welch's k-sample variance) with Welch–Satterthwaite's ν over the
     * classes: a rare class's F1 or recall carries most of the variance on a handful of examples, and with t(n − 1)
     * a 200-row null slice whose rare class had 5 examples fell below p = 0.0025 for macro_f1 in 0.69 % of slices,
     * nearly three times Holm's nominal rate. The bootstrap still gives each model's interval and decides whether the
     * slice is stable.
     */
    private static MetricComparison withJackknifeDelta(MetricComparison comparison, JackknifeVariance jackknife,
                                                       int n) {
        if (comparison.inference() == null || !(jackknife.variance() > 0)) {
            return comparison;
        }
        double range = deltaRange(comparison.metric());
        return MetricComparison.tested(comparison.metric(), comparison.production(), comparison.candidate(),
                new WaldDifference(comparison.delta(), Math.sqrt(jackknife.variance()),
                        Math.max(1, Math.min(n - 1, jackknife.degreesOfFreedom())), -range, range),
                comparison.test(), comparison.note());
    }

    /**
     * Δ of a binary task's balanced_accuracy from Tango's score intervals of Δrecall and Δfpr, combined by MOVER
     * ({@link BalancedAccuracyDifference}), in place of the stratified jackknife's t interval: with a handful of
     * positives that variance, from their few paired −1 / 0 / +1 differences, runs low, and the coverage benchmark's
     * rare-binary Δ covered a real improvement in only 63–85 % of 100–400-row slices (docs/statistics.md, "Real-shaped
     * packs"). Where the cell bootstrap found the slice unstable, the models agree on every row or the slice holds one
     * class only, Δ stays as it is.
     */
    private MetricComparison withScoreDeltaOfBinaryBalancedAccuracy(MetricComparison comparison, long[] cells, int k) {
        if (task != Task.BINARY || comparison.inference() == null || !CELL_BOOTSTRAP.equals(comparison.test())) {
            return comparison;
        }
        PairedRate recall = PairedRate.of(Metric.RECALL, cells, k);
        PairedRate falsePositives = PairedRate.of(Metric.FPR, cells, k);
        if (recall.trials() == 0 || falsePositives.trials() == 0) {
            return comparison; // one class only: the average is that class's recall, tested over the class present
        }
        return MetricComparison.tested(comparison.metric(), comparison.production(), comparison.candidate(),
                new BalancedAccuracyDifference(
                        new PairedProportionDifference(recall.onlyCandidate(), recall.onlyProduction(),
                                recall.trials()),
                        new PairedProportionDifference(falsePositives.onlyCandidate(),
                                falsePositives.onlyProduction(), falsePositives.trials())),
                BalancedAccuracyDifference.TEST, comparison.note());
    }

    private static MetricValue countValue(ConfusionMatrix matrix, Metric metric, boolean[] averaged) {
        double value = matrix.valueOrNaN(metric, averaged);
        return Double.isNaN(value) ? matrix.value(metric) : MetricValue.of(value);
    }

    /**
     * Each model's rate with the modified Wilson interval ({@link Proportions#modifiedWilson}), Tango's score interval
     * for the paired difference. Wilson's own covered a rare class's recall in only 86–93 % of slices of 100–300
     * rows at 1 % positives (1–3 positives; docs/statistics.md, "Real-shaped packs at 1 % and 5 % positives").
     */
    private MetricComparison pairedRate(Metric metric, MetricValue prodValue, MetricValue candValue, PairedRate rate) {
        if (rate.trials() == 0) {
            return MetricComparison.unavailable(metric, prodValue.isAvailable() ? "no examples for " + metric.wireName()
                    : prodValue.unavailableReason());
        }
        double level = options.confidenceLevel();
        return MetricComparison.tested(metric,
                new MetricEstimate(prodValue.value(),
                        Proportions.modifiedWilson(rate.productionSuccesses(), rate.trials(), level)),
                new MetricEstimate(candValue.value(),
                        Proportions.modifiedWilson(rate.candidateSuccesses(), rate.trials(), level)),
                boundedByProduction(metric, new PairedProportionDifference(rate.onlyCandidate(), rate.onlyProduction(),
                        rate.trials()), l -> Proportions.modifiedWilson(rate.productionSuccesses(), rate.trials(), l)),
                PairedProportionDifference.TEST, null);
    }

    /**
     * Precision and f1 are rates given each model's own counts — precision of its predicted positives, f1 through the
     * Jaccard index of its rows that are not true negatives ({@link Proportions#f1}): a modified Wilson interval per
     * model ({@link Proportions#modifiedWilson}: a rare class's slice gives either rate a handful of trials), not a
     * bootstrap.
     */
    private MetricComparison withWilsonIntervals(MetricComparison comparison, ConfusionMatrix[] point) {
        Metric metric = comparison.metric();
        double level = options.confidenceLevel();
        return withModelIntervals(comparison, wilsonInterval(metric, point[0], level),
                wilsonInterval(metric, point[1], level), l -> wilsonInterval(metric, point[0], l));
    }

    private static Interval wilsonInterval(Metric metric, ConfusionMatrix matrix, double level) {
        long truePositives = matrix.count(1, 1);
        return metric == Metric.PRECISION
                ? Proportions.modifiedWilson(truePositives, matrix.predictedCount(1), level)
                : Proportions.f1(truePositives, matrix.predictedCount(1) - truePositives,
                        matrix.support(1) - truePositives, level);
    }

    /**
     * Δ's inference with its interval kept within what production's own interval at each level allows
     * ({@link ProductionBoundedDifference}; docs/statistics.md, "Δ of a bounded metric can pass 1 − production's
     * estimate"): for the metrics whose per-model interval has a closed form at any level.
     */
    private static DeltaInference boundedByProduction(Metric metric, DeltaInference difference,
                                                      DoubleFunction<Interval> production) {
        return difference == null ? null : new ProductionBoundedDifference(difference, production,
                metric.lowestValue(), metric.highestValue());
    }

    /**
     * Balanced accuracy is the mean of the classes' recalls, each a rate of that class's labelled rows: given the
     * class counts, a mean of independent binomial rates, whose MOVER-Wilson interval (Zou, Huang &amp; Zhang 2009)
     * stands in for the cell bootstrap's BCa (not computed for it). With a rare class of 5–10 examples the BCa
     * interval of a better model lay above its true value in 6.1–6.5 % of slices and below it in 0.6 % (candidate,
     * 200 rows: 91.9–92.7 % in the coverage benchmark; docs/statistics.md, "Each model's interval"). An unstable
     * slice keeps its models without an interval: the rule that a class with fewer than 5 examples leaves the average
     * without one holds alike.
     */
    private MetricComparison withMoverWilsonBalancedAccuracy(MetricComparison comparison, ConfusionMatrix[] point,
                                                             boolean[] averagedClasses) {
        if (comparison.unstableReason() != null) {
            return comparison;
        }
        double level = options.confidenceLevel();
        return withModelIntervals(comparison, recallMean(point[0], averagedClasses, level),
                recallMean(point[1], averagedClasses, level), l -> recallMean(point[0], averagedClasses, l));
    }

    /** The MOVER-Wilson interval of the mean recall over the averaged classes (null: the classes labelled). */
    private static Interval recallMean(ConfusionMatrix matrix, boolean[] averagedClasses, double level) {
        int k = matrix.classes().size();
        long[] correct = new long[k];
        long[] labelled = new long[k];
        int used = 0;
        for (int c = 0; c < k; c++) {
            if (averagedClasses == null ? matrix.support(c) > 0 : averagedClasses[c]) {
                correct[used] = matrix.count(c, c);
                labelled[used++] = matrix.support(c);
            }
        }
        return used == 0 ? null
                : Proportions.meanOfRates(Arrays.copyOf(correct, used), Arrays.copyOf(labelled, used), level);
    }

    /**
     * The comparison with each model's interval replaced, where it has one (an unstable slice withholds it), and Δ's
     * kept within what production's interval at each level ({@code productionAt}) allows.
     */
    private static MetricComparison withModelIntervals(MetricComparison comparison, Interval production,
                                                       Interval candidate, DoubleFunction<Interval> productionAt) {
        MetricEstimate prod = comparison.production() == null ? null
                : new MetricEstimate(comparison.production().value(), production);
        MetricEstimate cand = comparison.candidate() == null ? null
                : new MetricEstimate(comparison.candidate().value(), candidate);
        return new MetricComparison(comparison.metric(), prod, cand, comparison.delta(),
                boundedByProduction(comparison.metric(), comparison.inference(), productionAt),
                comparison.test(), comparison.unavailableReason(), comparison.unstableReason(), comparison.note());
    }

    /**
     * The confusion matrices of production and candidate from the paired cells.
     *
     * @param cells cell indices (label · k + production) · k + candidate
     * @param counts the count of each of those cells
     */
    private static ConfusionMatrix[] pairedMatrices(int[] cells, long[] counts, List<String> classes) {
        int k = classes.size();
        long[] prod = new long[k * k];
        long[] cand = new long[k * k];
        for (int i = 0; i < cells.length; i++) {
            int l = cells[i] / (k * k);
            prod[cells[i] / k] += counts[i];
            cand[l * k + cells[i] % k] += counts[i];
        }
        return new ConfusionMatrix[] {new ConfusionMatrix(classes, prod), new ConfusionMatrix(classes, cand)};
    }

    // ---- binary score metrics ----

    /**
     * @param wanted the metrics asked for: roc_auc and pr_auc each, the means together (from one resampling); each
     *               draws from the same split whichever others are computed
     * @param positive each example's label, positive or not; null when not yet found (no count metric asked for)
     */
    private List<MetricComparison> scoreMetrics(List<Metric> wanted, int[] rows, boolean[] positive,
                                                int[] productionAscending, int[] candidateAscending,
                                                SplittableRandom random) {
        List<Metric> metrics = List.of(Metric.ROC_AUC, Metric.PR_AUC, Metric.LOG_LOSS, Metric.BRIER,
                Metric.SQ_CALIBRATION_ERROR);
        if (!models.bothHaveScores()) {
            String reason = models.missingScoresReason();
            return metrics.stream().map(m -> MetricComparison.unavailable(m, reason)).toList();
        }
        if (positive == null) {
            positive = new boolean[rows.length];
            binaryCells(rows, models.rowCodes, positive);
        }
        double[] prodScores = models.production.scores();
        double[] candScores = models.candidate.scores();
        int[][] groupOfLocal = groupScratch(rows.length);
        SliceRanking prod = SliceRanking.fromMarkedLocals(productionAscending, positive, groupOfLocal[0]);
        SliceRanking cand = SliceRanking.fromMarkedLocals(candidateAscending, positive, groupOfLocal[1]);
        MetricValue prodAp = wanted.contains(Metric.PR_AUC) ? prod.averagePrecision() : null;
        MetricValue candAp = wanted.contains(Metric.PR_AUC) ? cand.averagePrecision() : null;
        SliceRanking.ExampleSums exampleSums = exampleSums(wanted, prod, cand, prodAp, candAp);
        List<MetricComparison> results = new ArrayList<>();
        // the means first: a summary slice draws them from the same first split
        SplittableRandom meansRandom = random.split();
        List<MetricComparison> means = wanted.stream().anyMatch(SliceAnalysis::isScoreMean)
                ? calibration(rows, positive, prodScores, candScores, meansRandom) : List.of();
        if (wanted.contains(Metric.ROC_AUC)) {
            results.add(rocAuc(prod, cand, exampleSums, rows, prodScores, candScores));
        }
        SplittableRandom prAucRandom = random.split();
        if (wanted.contains(Metric.PR_AUC)) {
            results.add(prAuc(prod, cand, prodAp, candAp, exampleSums, prAucRandom));
        }
        results.addAll(means);
        // only a Δ without an interval asks whether the models scored or ranked alike (rare, and then one pass over
        // the rows)
        if (results.stream().noneMatch(AgreeingModels::lacksInterval)) {
            return results;
        }
        if (sameScores(rows, prodScores, candScores)) {
            return results.stream().map(r -> AgreeingModels.lacksInterval(r)
                    ? AgreeingModels.withScoreAgreement(r, rows.length) : r).toList();
        }
        if (prod.ranksAlike(cand)) {
            return results.stream().map(r -> AgreeingModels.lacksInterval(r)
                    ? AgreeingModels.withRankingAgreement(r) : r).toList();
        }
        return results;
    }

    /** {@code count} arrays (at most four) of at least {@code n} values each, for one slice's use on this thread. */
    private double[][] scratch(int n, int count) {
        double[][] arrays = new double[count][];
        double[][] kept = keptScratch.get();
        for (int i = 0; i < count; i++) {
            if (n > 2 * KEPT_SCRATCH) {
                arrays[i] = new double[n];
            } else {
                if (kept[i].length < n) {
                    kept[i] = new double[n];
                }
                arrays[i] = kept[i];
            }
        }
        return arrays;
    }

    /**
     * The sums over the slice's examples that roc_auc's DeLong test and pr_auc's influence variance read, in one pass
     * for both ({@link SliceRanking#exampleSums}), or null where neither is computed: DeLong's where roc_auc is wanted
     * and each class has two examples or more ({@link #rocAuc}), the influences' where pr_auc is wanted, defined, and
     * taken on more than {@link #PR_AUC_ROW_BOOTSTRAP_MAX} examples ({@link #prAuc}). Each table holds two values a
     * distinct score of its model; a slice with more than {@link #ONE_PASS_MAX_GROUPS} of them takes a pass for each
     * on two tables, as four would double its scratch (a slice of ten million distinct scores: 320 MB more).
     */
    private SliceRanking.ExampleSums exampleSums(List<Metric> wanted, SliceRanking prod, SliceRanking cand,
                                                 MetricValue prodAp, MetricValue candAp) {
        boolean delong = wanted.contains(Metric.ROC_AUC) && prod.positives() >= 2 && prod.negatives() >= 2;
        boolean influences = wanted.contains(Metric.PR_AUC) && prodAp.isAvailable()
                && prod.size() > PR_AUC_ROW_BOOTSTRAP_MAX;
        if (!delong && !influences) {
            return null;
        }
        int groups = Math.max(prod.groups(), cand.groups());
        if (delong && influences && groups > ONE_PASS_MAX_GROUPS) {
            double[][] scratch = scratch(2 * groups, 2);
            double[] prodComponents = prod.delongGroupComponents(scratch[0]);
            double[] candComponents = cand.delongGroupComponents(scratch[1]);
            double[][] delongSums = SliceRanking.exampleSums(prod, prodComponents, prodComponents, cand,
                    candComponents, candComponents).delong();
            double[] prodInfluences = prod.averagePrecisionGroupInfluences(prodAp.value(), scratch[0]);
            double[] candInfluences = cand.averagePrecisionGroupInfluences(candAp.value(), scratch[1]);
            return new SliceRanking.ExampleSums(delongSums, SliceRanking.exampleSums(prod, prodInfluences,
                    prodInfluences, cand, candInfluences, candInfluences).averagePrecisionSquares());
        }
        // each model's components, then each model's influences
        double[][] scratch = scratch(2 * groups, delong && influences ? 4 : 2);
        double[] prodInfluences = influences
                ? prod.averagePrecisionGroupInfluences(prodAp.value(), scratch[delong ? 2 : 0]) : null;
        double[] candInfluences = influences
                ? cand.averagePrecisionGroupInfluences(candAp.value(), scratch[delong ? 3 : 1]) : null;
        double[] prodComponents = delong ? prod.delongGroupComponents(scratch[0]) : prodInfluences;
        double[] candComponents = delong ? cand.delongGroupComponents(scratch[1]) : candInfluences;
        // a part not wanted reads the other's tables, and is not read
        return SliceRanking.exampleSums(prod, prodComponents, influences ? prodInfluences : prodComponents, cand,
                candComponents, influences ? candInfluences : candComponents);
    }

    /** Two arrays of at least {@code n} ints each, for one slice's use on this thread: each model's tie groups. */
    private int[][] groupScratch(int n) {
        if (n > KEPT_SCRATCH) {
            return new int[][] {new int[n], new int[n]};
        }
        int[][] kept = keptGroups.get();
        if (kept[0].length < n) {
            kept[0] = new int[n];
            kept[1] = new int[n];
        }
        return kept;
    }

    /** @param exampleSums from {@link #exampleSums}, with DeLong's sums where each class has two examples or more */
    private MetricComparison rocAuc(SliceRanking prod, SliceRanking cand, SliceRanking.ExampleSums exampleSums,
                                    int[] rows, double[] prodScores, double[] candScores) {
        MetricValue prodAuc = prod.rocAuc();
        if (!prodAuc.isAvailable()) {
            return MetricComparison.unavailable(Metric.ROC_AUC, prodAuc.unavailableReason());
        }
        if (prod.positives() < 2 || prod.negatives() < 2) {
            return rocAucWithoutInterval(prodAuc.value(), cand.rocAuc().value(), prod.positives(), prod.negatives(),
                    DELONG);
        }
        DeLong.Result delong = roundingAsZero(DeLong.fromSums(exampleSums.delong(), prod.positives(),
                prod.negatives()));
        if (!(delong.deltaVariance() > 0) && prod.ranksAlike(cand)) {
            // the same scores, or a recalibration that keeps their order
            return sameRanking(delong, prod.positives(), prod.negatives(), sameScores(rows, prodScores, candScores)
                    ? AgreeingModels.SAME_SCORES : AgreeingModels.SAME_RANKING);
        }
        return delongComparison(delong, prod.positives(), prod.negatives(), DELONG);
    }

    /**
     * roc_auc of two models that order every (positive, negative) pair of the slice alike: Δ is 0 on every resample,
     * yet the models may order pairs not seen differently, so Δ is bounded by how often they could
     * ({@link AgreementBound#rocAucSameRanking}), from rows and ranking sums alike.
     *
     * @param same how they agree, said in the note
     */
    private MetricComparison sameRanking(DeLong.Result delong, long positives, long negatives, String same) {
        MetricEstimate prodEstimate = aucEstimate(delong.productionAuc(), delong.productionVariance(), positives,
                negatives);
        MetricEstimate candEstimate = aucEstimate(delong.candidateAuc(), delong.candidateVariance(), positives,
                negatives);
        return MetricComparison.tested(Metric.ROC_AUC, prodEstimate, candEstimate,
                AgreementBound.rocAucSameRanking(positives, negatives), AgreementBound.SAME_RANKING_TEST,
                withZeroVariancesSaid(separationSaid(same, delong, positives, negatives), prodEstimate, candEstimate,
                        "DeLong's variance"));
    }

    /**
     * roc_auc from DeLong's variances, from rows and ranking sums alike: DeLong's test of Δ, or where a model separates
     * the classes perfectly (its variance 0) the two models' own intervals combined ({@link SeparatedAucDifference}),
     * since DeLong's variance of Δ would take that model's AUC as known exactly.
     */
    private MetricComparison delongComparison(DeLong.Result delong, long positives, long negatives, String test) {
        MetricEstimate prod = aucEstimate(delong.productionAuc(), delong.productionVariance(), positives, negatives);
        MetricEstimate cand = aucEstimate(delong.candidateAuc(), delong.candidateVariance(), positives, negatives);
        if (SeparatedAucDifference.applies(delong.productionAuc(), delong.productionVariance(), delong.candidateAuc(),
                delong.candidateVariance(), positives, negatives)) {
            return MetricComparison.tested(Metric.ROC_AUC, prod, cand, new SeparatedAucDifference(
                    delong.productionAuc(), delong.productionVariance(), delong.candidateAuc(),
                    delong.candidateVariance(), positives, negatives), SeparatedAucDifference.TEST,
                    separationSaid(null, delong, positives, negatives) + "; Δ's interval combines the two models'"
                            + " intervals (MOVER) rather than DeLong's variance of Δ, which would take that roc_auc as"
                            + " known exactly");
        }
        return normalComparison(Metric.ROC_AUC, prod, cand, delong.candidateAuc() - delong.productionAuc(),
                delong.deltaVariance(), delong.deltaDegreesOfFreedom(), test, "DeLong's variance");
    }

    /**
     * roc_auc with 1 positive or 1 negative, from rows and ranking sums alike: each model's AUC is defined (the share
     * of pairs ordered right) but DeLong's variance needs 2 of each class, so the values and Δ stand without an
     * interval and the slice is unstable with the reason.
     */
    private static MetricComparison rocAucWithoutInterval(double production, double candidate, long positives,
                                                          long negatives, String test) {
        return new MetricComparison(Metric.ROC_AUC, new MetricEstimate(production, null),
                new MetricEstimate(candidate, null), candidate - production, null, test, null,
                "DeLong's interval needs at least 2 positive and 2 negative examples; this slice has " + positives
                        + " and " + negatives + ", so neither model's roc_auc nor Δ gets one", null);
    }

    /**
     * @param exampleSums from {@link #exampleSums}, with the influences' sums where the slice has more than {@link
     *                    #PR_AUC_ROW_BOOTSTRAP_MAX} examples
     */
    private MetricComparison prAuc(SliceRanking prod, SliceRanking cand, MetricValue prodAp, MetricValue candAp,
                                   SliceRanking.ExampleSums exampleSums, SplittableRandom random) {
        if (!prodAp.isAvailable()) {
            return MetricComparison.unavailable(Metric.PR_AUC, prodAp.unavailableReason());
        }
        int n = prod.size();
        if (n <= PR_AUC_ROW_BOOTSTRAP_MAX) {
            double[] prodReplicates = new double[options.bootstrapReplicates()];
            double[] candReplicates = new double[prodReplicates.length];
            averagePrecisionReplicates(prod, cand, random, prodReplicates, candReplicates);
            double[] prodInfluence = prod.averagePrecisionInfluence(prodAp.value(), new double[n]);
            double[] candInfluence = cand.averagePrecisionInfluence(candAp.value(), new double[n]);
            double[] acceleration = {ResampledDistribution.accelerationFromInfluence(prodInfluence),
                ResampledDistribution.accelerationFromInfluence(candInfluence)};
            double[] deltaInfluence = new double[n];
            double deltaVariance = 0;
            for (int i = 0; i < n; i++) {
                deltaInfluence[i] = candInfluence[i] - prodInfluence[i];
                deltaVariance += deltaInfluence[i] * deltaInfluence[i];
            }
            double degreesOfFreedom = WaldDifference.effectiveDegreesOfFreedom(deltaInfluence, null);
            // average precision is a mean over the positives: BCa with t on positives − 1 in place of z (the plain BCa
            // covered 91.6–94 % at 50–200 rows, its misses mostly above the truth, as the estimate is biased upward)
            double positivesDegreesOfFreedom = Math.max(1, prod.positives() - 1);
            ModelInterval modelInterval = (model, value, values) -> new ResampledDistribution(values)
                    .bcaInterval(options.confidenceLevel(), value, acceleration[model], positivesDegreesOfFreedom);
            return withSpreadlessSaid(withInfluenceDelta(summarise(Metric.PR_AUC, prodAp, candAp, prodReplicates,
                    candReplicates, modelInterval, n, degreesOfFreedom, ROW_BOOTSTRAP, null, null), deltaVariance,
                    degreesOfFreedom), prodReplicates, candReplicates);
        }
        double[] variances = exampleSums.averagePrecisionSquares();
        double delta = candAp.value() - prodAp.value();
        return normalComparison(Metric.PR_AUC, logitEstimate(prodAp.value(), variances[0]),
                logitEstimate(candAp.value(), variances[1]), delta, variances[2], Double.POSITIVE_INFINITY, AP_INFLUENCE,
                "the influence-function variance");
    }

    /**
     * Each model's average precision on the same row resamples of the slice. A method of its own, so the JIT's
     * compilations of this loop, on stack and again after each deoptimisation as slices of other sizes arrive, are of
     * this small method rather than of all of {@link #prAuc}.
     */
    private void averagePrecisionReplicates(SliceRanking prod, SliceRanking cand, SplittableRandom random,
                                            double[] prodReplicates, double[] candReplicates) {
        int n = prod.size();
        int[] weights = new int[n];
        for (int b = 0; b < prodReplicates.length; b++) {
            if ((b & 63) == 0) {
                progress.checkCancelled();
            }
            Arrays.fill(weights, 0);
            for (int draw = 0; draw < n; draw++) {
                weights[random.nextInt(n)]++;
            }
            prodReplicates[b] = prod.weightedAveragePrecision(weights);
            candReplicates[b] = cand.weightedAveragePrecision(weights);
        }
    }

    /**
     * Δ pr_auc ± t(ν)·SE with the influence function's standard error √Σ(ψ_candidate − ψ_production)², the one larger
     * slices use, in place of the bootstrap's; ν the effective degrees of freedom of those ψ. With 9–15 positives the
     * bootstrap's standard error runs wide, and with the same t its interval covered 99 % at 30 rows; the influence
     * standard error covers 97–98 % there while the share of null slices with p &lt; 0.0025 at 200 rows stays under its
     * nominal 0.25 % (docs/statistics.md). The bootstrap still decides whether the slice is stable.
     */
    private static MetricComparison withInfluenceDelta(MetricComparison comparison, double deltaVariance,
                                                       double degreesOfFreedom) {
        if (comparison.inference() == null || !(deltaVariance > 0)) {
            return comparison;
        }
        double production = comparison.production().value();
        return MetricComparison.tested(comparison.metric(), comparison.production(), comparison.candidate(),
                new WaldDifference(comparison.delta(), Math.sqrt(deltaVariance), degreesOfFreedom, -production,
                        1 - production), comparison.test(), comparison.note());
    }

    /**
     * Each model as given ({@link #aucEstimate}, {@link #logitEstimate}); Δ ± q·SE for the difference (metrics in
     * [0, 1]), q from Student's t on {@code deltaDegreesOfFreedom} (infinite: the normal). A variance of 0 (e.g. the
     * pr_auc of a model that separates the classes perfectly) gives that model no interval rather than a zero-width
     * one: the data cannot show that the value is exactly known. Within rounding of 0 counts as 0 ({@link
     * #measurable}), as the bootstrap's spread does in {@link #summarise}: binned sums leave a perfect model a variance
     * of about 1e-32.
     */
    private MetricComparison normalComparison(Metric metric, MetricEstimate prod, MetricEstimate cand, double delta,
                                              double deltaVariance, double deltaDegreesOfFreedom, String test,
                                              String varianceName) {
        double prodValue = prod.value();
        String note = withZeroVariancesSaid(null, prod, cand, varianceName);
        if (!measurable(deltaVariance, Math.max(Math.abs(prodValue), Math.abs(cand.value())))) {
            return new MetricComparison(metric, prod, cand, delta, null, test, null,
                    varianceName + " of Δ is 0 here, so the data cannot measure Δ's uncertainty", note);
        }
        // Δ reaches no further than a candidate at 0 or 1 given production's value; such an end is marked as at the
        // bound (SliceResult.boundEnds)
        return MetricComparison.tested(metric, prod, cand, new WaldDifference(delta, Math.sqrt(deltaVariance),
                deltaDegreesOfFreedom, -prodValue, 1 - prodValue), test, note);
    }

    /**
     * The note with why a model has no interval: its variance is 0 ({@link #logitEstimate}, {@link #aucEstimate}; a
     * roc_auc of 0 or 1 has the exact bound instead).
     */
    private static String withZeroVariancesSaid(String note, MetricEstimate prod, MetricEstimate cand,
                                                String varianceName) {
        if (prod.ci() != null && cand.ci() != null) {
            return note;
        }
        String said = (prod.ci() != null ? "the candidate's " : cand.ci() != null ? "production's " : "each model's ")
                + varianceName + " is 0 here (perfect or no separation), so no interval is shown for it";
        return note == null ? said : note + "; " + said;
    }

    /** One model's pr_auc with its logit interval, or without one where its variance is 0. */
    private MetricEstimate logitEstimate(double value, double variance) {
        return new MetricEstimate(value, measurable(variance, value)
                ? PairedTests.logitInterval(value, variance, options.confidenceLevel()) : null);
    }

    /**
     * Whether a variance's standard error stands beyond rounding beside the values it came from ({@link
     * RoundingSpread}): the one rule by which the bootstrap ({@link #summarise}) and the closed-form variances of rows
     * and of a summary's binned sums alike decide that the data cannot measure an uncertainty.
     */
    private static boolean measurable(double variance, double magnitude) {
        return variance > 0 && !RoundingSpread.negligible(Math.sqrt(variance), magnitude);
    }

    /**
     * DeLong's variances with those within rounding of 0 ({@link #measurable}) set to 0, so that every rule reading
     * them (no interval, the separation bound, the same ranking, unstable Δ) sees rows and binned sums alike.
     */
    private static DeLong.Result roundingAsZero(DeLong.Result delong) {
        double largerAuc = Math.max(delong.productionAuc(), delong.candidateAuc());
        return new DeLong.Result(delong.productionAuc(), delong.candidateAuc(),
                measurable(delong.productionVariance(), delong.productionAuc()) ? delong.productionVariance() : 0,
                measurable(delong.candidateVariance(), delong.candidateAuc()) ? delong.candidateVariance() : 0,
                measurable(delong.deltaVariance(), largerAuc) ? delong.deltaVariance() : 0,
                delong.deltaDegreesOfFreedom());
    }

    /**
     * One model's roc_auc with its interval by {@link AucInterval}: the exact bound where the sample separates the
     * classes perfectly, Newcombe's score interval under 20 of a class, DeLong's logit interval from 20; none where
     * every example is scored alike.
     */
    private MetricEstimate aucEstimate(double value, double delongVariance, long positives, long negatives) {
        return new MetricEstimate(value,
                AucInterval.of(value, delongVariance, positives, negatives, options.confidenceLevel()));
    }

    /**
     * The note on a model that separates the classes perfectly: why its interval is the exact bound, and, where Δ is
     * tested, why Δ's interval combines the two models' intervals.
     */
    private static String separationSaid(String note, DeLong.Result delong, long positives, long negatives) {
        boolean prodSeparates = !(delong.productionVariance() > 0) && SeparationBound.separates(delong.productionAuc());
        boolean candSeparates = !(delong.candidateVariance() > 0) && SeparationBound.separates(delong.candidateAuc());
        if (!prodSeparates && !candSeparates) {
            return note;
        }
        String said = (prodSeparates && candSeparates ? "each model's roc_auc is " + (int) delong.productionAuc()
                + (delong.productionAuc() == delong.candidateAuc() ? "" : " and " + (int) delong.candidateAuc())
                : prodSeparates ? "production's roc_auc is " + (int) delong.productionAuc()
                : "the candidate's roc_auc is " + (int) delong.candidateAuc())
                + " here (the classes perfectly separated), so DeLong's variance is 0: the interval shown is the exact"
                + " bound for a perfect separation of " + Math.min(positives, negatives) + " of the rarer class, which"
                + " holds whatever the scores' distribution";
        return note == null ? said : note + "; " + said;
    }

    /** Whether both models scored every example of the slice alike. */
    private static boolean sameScores(int[] rows, double[] prodScores, double[] candScores) {
        for (int row : rows) {
            if (Double.compare(prodScores[row], candScores[row]) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * log_loss, brier and sq_calibration_error: functions of per-example sums, resampled by hashed blocks. The
     * calibration error is debiased, so its intervals are its own ({@link #calibrationIntervals}): the bootstrap only
     * decides whether the slice is stable.
     */
    private List<MetricComparison> calibration(int[] rows, boolean[] positive, double[] prodScores,
                                               double[] candScores, SplittableRandom random) {
        double[] blockSums = new double[BOOTSTRAP_BLOCKS * CALIBRATION_WIDTH];
        addCalibrationExamples(rows, positive, prodScores, candScores, models.bootstrapBlocks(), blockSums);
        return calibration(nonEmptyBlocks(blockSums, CALIBRATION_WIDTH), rows.length, random);
    }

    /**
     * Adds each example of a slice to its table block's sums in the {@link #CALIBRATION_WIDTH} layout, block after
     * block in {@code blockSums}: the losses, then each model's bin sums as {@link Calibration#SQUARED_ERROR_SUMS}
     * lays them out (per bin the count, Σ gap and Σ gap², gap = score − label), then the count. A loop over every row
     * of a slice in a method of its own, so the JIT compiles it alone rather than with the bootstrap around it; the
     * bin sums are added here rather than by a call per model and row, and each model's gap and its square are worked
     * out once for Brier and the bin (the same values, added to each sum in the same order), since the command line's
     * client compiler neither inlines such a call nor shares the work. A block's count is not added to row by row:
     * it is the sum of its production bins' counts afterwards (whole numbers, so the same double).
     */
    private void addCalibrationExamples(int[] rows, boolean[] positive, double[] prodScores, double[] candScores,
                                        int[] tableBlock, double[] blockSums) {
        int prodCalibration = 4;
        int candCalibration = 4 + Calibration.SQUARED_ERROR_SUMS;
        int width = CALIBRATION_WIDTH;
        double[] logLosses = models.logLosses;
        short[] rowCodes = models.rowCodes;
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            int y = positive[i] ? 1 : 0;
            double prodGap = prodScores[row] - y;
            double candGap = candScores[row] - y;
            double prodSquare = prodGap * prodGap;
            double candSquare = candGap * candGap;
            short code = rowCodes[row];
            int block = tableBlock[row] * width;
            blockSums[block] += logLosses[2 * row];
            blockSums[block + 1] += logLosses[2 * row + 1];
            blockSums[block + 2] += prodSquare;
            blockSums[block + 3] += candSquare;
            int prodBin = block + prodCalibration + 3 * PairedModels.productionBin(code);
            blockSums[prodBin] += 1;
            blockSums[prodBin + 1] += prodGap;
            blockSums[prodBin + 2] += prodSquare;
            int candBin = block + candCalibration + 3 * PairedModels.candidateBin(code);
            blockSums[candBin] += 1;
            blockSums[candBin + 1] += candGap;
            blockSums[candBin + 2] += candSquare;
        }
        for (int block = 0; block < blockSums.length; block += width) {
            double count = 0;
            for (int bin = 0; bin < Calibration.BINS; bin++) {
                count += blockSums[block + prodCalibration + 3 * bin];
            }
            blockSums[block + width - 1] = count;
        }
    }

    /** @param resampler the slice's blocks, each a vector in the {@link #CALIBRATION_WIDTH} layout */
    private List<MetricComparison> calibration(BlockResampler resampler, int n, SplittableRandom random) {
        int blocks = resampler.blocks();
        List<Metric> metrics = List.of(Metric.LOG_LOSS, Metric.BRIER, Metric.SQ_CALIBRATION_ERROR);
        double[] totals = resampler.totals();
        List<MetricComparison> closedForm = closedFormMeans(resampler, n, totals);
        if (closedForm != null) {
            return closedForm;
        }
        // log_loss and brier are means of positive losses: studentized on the log scale, and brier's losses are at
        // most 1, so on the logit scale (a log-scale interval of a small slice could reach past 1)
        StudentizedIntervals studentized = new StudentizedIntervals(options, resampler, totals, n,
                List.of(StudentizedBootstrap.Scale.LOG, StudentizedBootstrap.Scale.LOGIT),
                SliceAnalysis::calibrationValue,
                (m, model) -> new int[] {m * 2 + model, CALIBRATION_WIDTH - 1},
                (m, model) -> new CarriedSum(m * 2 + model, m == 0 ? "log loss" : "Brier loss"));
        // log_loss and brier read the loss sums and the count; the calibration error its bins' sums, which are most
        // of the vector, and its replicates serve only to tell whether Δ varies (its intervals are its own, below)
        BlockReplicates.Drawn drawn = blockReplicates.draw(resampler, CALIBRATION_WIDTH, metrics.size(),
                SliceAnalysis::calibrationValue, studentized, random,
                new int[] {0, 4, CALIBRATION_WIDTH - 1, CALIBRATION_WIDTH}, CALIBRATION_ERROR,
                new int[] {4, CALIBRATION_WIDTH - 1});
        double[][][] replicate = drawn.values();
        String test = blocks == n ? ROW_BOOTSTRAP : HASHED_BLOCK_BOOTSTRAP;
        List<MetricComparison> results = new ArrayList<>();
        for (int m = 0; m < CALIBRATION_ERROR; m++) {
            results.add(withSpreadlessSaid(studentized.withFallbacksSaid(m, n, withLongTailEnd(summarise(metrics.get(m),
                    MetricValue.of(calibrationValue(m, 0, totals)), MetricValue.of(calibrationValue(m, 1, totals)),
                    replicate[m][0], replicate[m][1], studentized.of(m), blocks, blocks - 1, test, null, null),
                    resampler, m)), replicate[m][0], replicate[m][1]));
        }
        double prodError = calibrationValue(CALIBRATION_ERROR, 0, totals);
        double candError = calibrationValue(CALIBRATION_ERROR, 1, totals);
        // what summarise says of replicates in which Δ varies, none undefined: Δ is measurable (the interval it would
        // add is replaced below)
        MetricComparison error = drawn.watchedDeltaVaries() && blocks >= 2
                ? new MetricComparison(Metric.SQ_CALIBRATION_ERROR, new MetricEstimate(prodError, null),
                        new MetricEstimate(candError, null), candError - prodError, null, test, null, null, null)
                : summarise(Metric.SQ_CALIBRATION_ERROR, MetricValue.of(prodError), MetricValue.of(candError),
                        replicate[CALIBRATION_ERROR][0], replicate[CALIBRATION_ERROR][1],
                        (model, value, values) -> null, blocks, blocks - 1, test, null, null);
        results.add(calibrationIntervals(error, resampler, totals, uJackknifeTest(test)));
        return results;
    }

    /**
     * log_loss, brier and sq_calibration_error without the bootstrap, on a slice where it would buy nothing, or null
     * where it may. The bootstrap gives log_loss and brier each model's studentized interval and Δ's bootstrap-SE t
     * interval, and the calibration error only its stability. On a slice of {@link #CLOSED_FORM_MIN_EXAMPLES} or more
     * whose loss sums no few blocks carry ({@link SumConcentration}) and whose blocks are too little skewed for the
     * t* quantiles to differ from Student's by more than their own Monte-Carlo error ({@link SkewCorrection}),
     * each converges to its closed form over the same blocks: the t interval on the same scale with the same
     * delta-method standard error ({@link StudentizedBootstrap#tInterval}), and Δ ± t(k − 1)·SE with SE the
     * delta-method standard error of the difference of the means over the blocks, the limit of the bootstrap's
     * (times √(k/(k − 1))), the p-value that interval's inversion at 0. The calibration error's intervals are the
     * U-statistic jackknife's either way; its Δ is unmeasurable where that variance is 0.
     */
    private List<MetricComparison> closedFormMeans(BlockResampler resampler, int n, double[] totals) {
        int blocks = resampler.blocks();
        double level = options.confidenceLevel();
        if (n < CLOSED_FORM_MIN_EXAMPLES || blocks < 2) {
            return null;
        }
        List<StudentizedBootstrap.Scale> scales = List.of(StudentizedBootstrap.Scale.LOG,
                StudentizedBootstrap.Scale.LOGIT);
        List<Metric> means = List.of(Metric.LOG_LOSS, Metric.BRIER);
        int count = CALIBRATION_WIDTH - 1;
        List<MetricComparison> results = new ArrayList<>();
        for (int m = 0; m < means.size(); m++) {
            int metric = m;
            StudentizedBootstrap.Scale scale = scales.get(m);
            MetricEstimate[] estimates = new MetricEstimate[2];
            for (int model = 0; model < 2; model++) {
                int which = model;
                int[] reads = {m * 2 + model, count};
                double value = calibrationValue(m, model, totals);
                if (resampler.concentration(m * 2 + model).concentrated()
                        || !SkewCorrection.negligible(resampler.linearizedSkewness(reads,
                                sums -> calibrationValue(metric, which, sums)), blocks, level,
                                options.bootstrapReplicates())) {
                    return null;
                }
                Interval interval = StudentizedBootstrap.tInterval(scale, value, resampler.standardError(reads,
                        sums -> scale.of(calibrationValue(metric, which, sums)), false), blocks - 1, level);
                if (interval == null) {
                    return null;
                }
                estimates[model] = new MetricEstimate(value, interval);
            }
            double deltaError = resampler.standardError(new int[] {m * 2, m * 2 + 1, count},
                    sums -> calibrationValue(metric, 1, sums) - calibrationValue(metric, 0, sums), false);
            double production = estimates[0].value();
            if (RoundingSpread.negligible(deltaError, Math.max(Math.abs(production), Math.abs(estimates[1].value())))
                    || !Double.isFinite(deltaError)) {
                return null; // the bootstrap path says why Δ has no interval
            }
            Metric mean = means.get(m);
            results.add(withLongTailEnd(MetricComparison.tested(mean, estimates[0], estimates[1],
                    new WaldDifference(estimates[1].value() - production, deltaError, blocks - 1,
                            mean.lowestValue() - production, mean.highestValue() - production), HASHED_BLOCK_T,
                    null), resampler, m));
        }
        double prodError = calibrationValue(CALIBRATION_ERROR, 0, totals);
        double candError = calibrationValue(CALIBRATION_ERROR, 1, totals);
        MetricComparison error = new MetricComparison(Metric.SQ_CALIBRATION_ERROR, new MetricEstimate(prodError, null),
                new MetricEstimate(candError, null), candError - prodError, null, HASHED_BLOCK_BOOTSTRAP, null, null,
                null);
        results.add(calibrationIntervals(error, resampler, totals, HASHED_BLOCK_U_JACKKNIFE));
        return results;
    }

    /**
     * Δ of log_loss ({@code m} 0) with the end of its t interval on the side of the blocks' skew moved out by the
     * one-term Edgeworth correction ({@link SkewExtendedDifference}), γ the skewness of Δ's linear contributions over
     * the slice's blocks. With a few positives the paired log-loss differences are a skewed mean and the t interval
     * alone covered a real improvement in 91–93 % of 100–1,000-row slices, its misses on one side
     * (docs/statistics.md, "Δ log_loss: the long tail's end"). brier's Δ (m 1), whose differences on the positives
     * take either sign, covered 94–98 % and gained nothing from it, so it stays the t interval.
     */
    private static MetricComparison withLongTailEnd(MetricComparison comparison, BlockResampler resampler, int m) {
        if (m != 0 || !(comparison.inference() instanceof WaldDifference t)) {
            return comparison;
        }
        double skewness = resampler.linearizedSkewness(new int[] {m * 2, m * 2 + 1, CALIBRATION_WIDTH - 1},
                sums -> calibrationValue(m, 1, sums) - calibrationValue(m, 0, sums));
        return MetricComparison.tested(comparison.metric(), comparison.production(), comparison.candidate(),
                new SkewExtendedDifference(t, skewness, resampler.blocks()), comparison.test(), comparison.note());
    }

    /** The calibration error's Δ is tested by the U-statistic jackknife over the same units the bootstrap draws. */
    private static String uJackknifeTest(String bootstrapTest) {
        return switch (bootstrapTest) {
            case ROW_BOOTSTRAP -> ROW_U_JACKKNIFE;
            case HASHED_BLOCK_BOOTSTRAP -> HASHED_BLOCK_U_JACKKNIFE;
            default -> throw new IllegalArgumentException("no U-statistic jackknife for " + bootstrapTest);
        };
    }

    /** The index of sq_calibration_error in {@link #calibrationValue}. */
    private static final int CALIBRATION_ERROR = 2;

    /** metric 0 = log_loss, 1 = brier, 2 = sq_calibration_error; model 0 = production, 1 = candidate. */
    private static double calibrationValue(int metric, int model, double[] sums) {
        double count = sums[sums.length - 1];
        if (metric < 2) {
            return sums[metric * 2 + model] / count;
        }
        return Calibration.squaredError(sums, 4 + model * Calibration.SQUARED_ERROR_SUMS, count);
    }

    /**
     * The debiased calibration error's intervals, in place of the bootstrap's: its replicates are centred on the
     * plug-in value (a resample repeats rows, and a repeated row pairs with itself), and the bootstrap's spread, like
     * the jackknife's, counts the estimator's degenerate quadratic part about twice, so both overstated the standard
     * error near good calibration. Each model's interval is the score interval of {@link
     * Calibration#squaredErrorInterval}; Δ's is the t interval with the jackknife variance less its excess for a
     * U-statistic ({@link Calibration#squaredErrorVariance}), over the units the bootstrap resamples. A slice the
     * bootstrap found unstable or undefined keeps that verdict.
     */
    private MetricComparison calibrationIntervals(MetricComparison comparison, BlockResampler resampler,
                                                  double[] totals, String test) {
        int units = resampler.blocks();
        double examples = totals[CALIBRATION_WIDTH - 1];
        int[] offsets = {4, 4 + Calibration.SQUARED_ERROR_SUMS};
        boolean unstable = comparison.unstableReason() != null;
        // each model's interval is its own jackknife's, so a Δ the replicates cannot measure (two models that score
        // every example alike) leaves it standing
        boolean measurable = units >= 2;
        MetricEstimate production = comparison.production() == null || !measurable ? comparison.production()
                : withCalibrationInterval(comparison.production(), totals, offsets[0], examples, units);
        MetricEstimate candidate = comparison.candidate() == null || !measurable ? comparison.candidate()
                : withCalibrationInterval(comparison.candidate(), totals, offsets[1], examples, units);
        String note = withoutCalibrationSpreadSaid(withNegativeEstimatesSaid(comparison),
                measurable && production != null && production.ci() == null,
                measurable && candidate != null && candidate.ci() == null);
        if (unstable || comparison.unavailableReason() != null) {
            return new MetricComparison(comparison.metric(), production, candidate, comparison.delta(), null,
                    comparison.test(), comparison.unavailableReason(), comparison.unstableReason(), note);
        }
        double[][] unitSums = new double[units][];
        for (int u = 0; u < units; u++) {
            unitSums[u] = resampler.block(u);
        }
        double variance = Calibration.squaredErrorVariance(unitSums, offsets, new double[] {-1, 1},
                CALIBRATION_WIDTH - 1, examples);
        if (RoundingSpread.negligible(Math.sqrt(variance), Math.max(Math.abs(production.value()),
                Math.abs(candidate.value()))) || Double.isInfinite(variance)) {
            return new MetricComparison(comparison.metric(), production, candidate, comparison.delta(), null, test,
                    null, "the jackknife variance of Δ is 0 here, so the data cannot measure Δ's uncertainty", note);
        }
        return MetricComparison.tested(comparison.metric(), production, candidate,
                new WaldDifference(comparison.delta(), Math.sqrt(variance), units - 1, -1, 1), test, note);
    }

    private MetricEstimate withCalibrationInterval(MetricEstimate estimate, double[] totals, int offset,
                                                   double examples, int units) {
        return new MetricEstimate(estimate.value(), Calibration.squaredErrorInterval(totals, offset, examples,
                options.confidenceLevel(), units - 1));
    }

    /**
     * The note with why a model's calibration error has no interval: within each of its score bins every example has
     * the same gap between score and label (a model giving one score per class and classifying every example right),
     * so the data show no spread to measure its uncertainty by.
     */
    private static String withoutCalibrationSpreadSaid(String note, boolean production, boolean candidate) {
        if (!production && !candidate) {
            return note;
        }
        String said = (production && candidate ? "each model's" : production ? "production's" : "the candidate's")
                + " sq_calibration_error has no interval: within each of its score bins every example here has the same"
                + " gap between score and label, so the data cannot measure its uncertainty";
        return note == null ? said : note + "; " + said;
    }

    /**
     * The debiased calibration error falls below 0 where calibration is near perfect (an unbiased estimate of a
     * quantity near 0 does); said beside the number, so a reader does not take it for a fault.
     */
    static String withNegativeEstimatesSaid(MetricComparison comparison) {
        List<String> below = new ArrayList<>();
        if (comparison.production() != null && comparison.production().value() < 0) {
            below.add("production's");
        }
        if (comparison.candidate() != null && comparison.candidate().value() < 0) {
            below.add("the candidate's");
        }
        if (below.isEmpty()) {
            return comparison.note();
        }
        String said = String.join(" and ", below) + " debiased squared calibration error "
                + (below.size() == 1 ? "is" : "are") + " below 0: its calibration here is within the estimator's "
                + "noise of perfect (the plug-in value, never negative, is biased upward)";
        return comparison.note() == null ? said : comparison.note() + "; " + said;
    }

    // ---- regression ----

    /**
     * A regression slice's pass over its rows: its block sums, its rows labelled 0, what its labels near 0 do to mape
     * ({@link NearZeroLabels}; null when nothing), and each model's one predicted value where it gives every row the
     * same.
     */
    private record RegressionPass(BlockResampler blocks, long zeroLabels, String nearZeroSaid, OneOutput oneOutput) {
    }

    private RegressionPass regressionPass(int[] rows) {
        double[] label = models.table.labelValues();
        double[] prod = models.production.values();
        double[] cand = models.candidate.values();
        int n = rows.length;
        double centre = 0;
        double size = 0;
        for (int row : rows) {
            centre += label[row];
            size += Math.abs(label[row]);
        }
        centre /= n;
        NearZeroLabels nearZero = new NearZeroLabels(size / n);
        int[] tableBlock = models.bootstrapBlocks();
        int width = REGRESSION_WIDTH;
        double[] blockSums = new double[BOOTSTRAP_BLOCKS * width];
        long zeroLabels = 0;
        double firstProduction = prod[rows[0]];
        double firstCandidate = cand[rows[0]];
        boolean productionVaries = false;
        boolean candidateVaries = false;
        for (int row : rows) {
            int b = tableBlock[row] * width;
            double y = label[row];
            productionVaries |= prod[row] != firstProduction;
            candidateVaries |= cand[row] != firstCandidate;
            double ep = prod[row] - y;
            double ec = cand[row] - y;
            blockSums[b + ABSOLUTE_ERRORS] += Math.abs(ep);
            blockSums[b + ABSOLUTE_ERRORS + 1] += Math.abs(ec);
            blockSums[b + SQUARED_ERRORS] += ep * ep;
            blockSums[b + SQUARED_ERRORS + 1] += ec * ec;
            if (y != 0) {
                double relativeP = Math.abs(ep) / Math.abs(y);
                double relativeC = Math.abs(ec) / Math.abs(y);
                blockSums[b + RELATIVE_ERRORS] += relativeP;
                blockSums[b + RELATIVE_ERRORS + 1] += relativeC;
                blockSums[b + NONZERO_LABELS] += 1;
                nearZero.add(y, relativeP, relativeC);
            } else {
                zeroLabels++;
            }
            blockSums[b + LABEL_DEVIATIONS] += y - centre;
            blockSums[b + LABEL_SQUARED_DEVIATIONS] += (y - centre) * (y - centre);
            blockSums[b + ROWS] += 1;
        }
        boolean several = n > 1;
        OneOutput oneOutput = new OneOutput(
                several && !productionVaries ? MetricFormat.predictedValue(firstProduction, options.targetUnit()) : null,
                several && !candidateVaries ? MetricFormat.predictedValue(firstCandidate, options.targetUnit()) : null);
        return new RegressionPass(nonEmptyBlocks(blockSums, width), zeroLabels, nearZero.said(), oneOutput);
    }

    /**
     * A slice's block sums over the table's hashed blocks ({@code blockSums}, block after block, {@code width} each,
     * the count of examples last), resampled over its non-empty blocks in ascending block order: the order in which a
     * summary slice holds its blocks, so the same rows give the same block sums in the same places and the same random
     * stream resamples them alike. Each row adds to its table block's sums directly, in the slice's row order, so
     * a slice needs no map from its rows to its own block numbers; the empty blocks are dropped here, moving the
     * others down within {@code blockSums}.
     */
    private static BlockResampler nonEmptyBlocks(double[] blockSums, int width) {
        int count = 0;
        for (int b = 0; b < BOOTSTRAP_BLOCKS; b++) {
            if (blockSums[b * width + width - 1] > 0) {
                if (count != b) {
                    System.arraycopy(blockSums, b * width, blockSums, count * width, width);
                }
                count++;
            }
        }
        return BlockResampler.ofBlockSums(blockSums, count, width);
    }

    /**
     * @param resampler    the slice's blocks, each a vector in the {@link #REGRESSION_WIDTH} layout
     * @param nearZeroSaid what the labels near 0 do to mape ({@link NearZeroLabels}), or null: known only from rows,
     *                     so a summary slice says nothing of them
     */
    private List<MetricComparison> regressionMetrics(BlockResampler resampler, int n, long zeroLabels,
                                                     String nearZeroSaid, SplittableRandom random) {
        int blocks = resampler.blocks();
        List<Metric> metrics = List.of(Metric.MAE, Metric.RMSE, Metric.MAPE, Metric.R2);
        double[] totals = resampler.totals();
        SumsMetric value = (m, model, values) -> regressionValue(metrics.get(m), model, values).valueOrNaN();
        // errors are positive and their sums skewed (dollar errors grow with the price): studentized on the log
        // scale; r2 = 1 − SSE/SST on the log of SSE/SST
        StudentizedIntervals studentized = new StudentizedIntervals(options, resampler, totals, n,
                List.of(StudentizedBootstrap.Scale.LOG, StudentizedBootstrap.Scale.LOG, StudentizedBootstrap.Scale.LOG,
                        StudentizedBootstrap.Scale.LOG_OF_COMPLEMENT),
                value,
                (m, model) -> {
                    RegressionErrors errors = RegressionErrors.of(metrics.get(m));
                    return metrics.get(m) == Metric.R2
                            ? new int[] {errors.sumOf(model), LABEL_DEVIATIONS, LABEL_SQUARED_DEVIATIONS, ROWS}
                            : new int[] {errors.sumOf(model), errors.count};
                },
                // r2 = 1 − SSE/SST rests on the squared errors as rmse does; adding the labels' squared deviations
                // (SST) as a second trigger made r2 fall back 1.5 times as often, with the same coverage
                (m, model) -> {
                    RegressionErrors errors = RegressionErrors.of(metrics.get(m));
                    return errors == RegressionErrors.ABSOLUTE
                            ? new CarriedSum(errors.sumOf(model), errors.words,
                                    StudentizedBootstrap.MAX_WIDTH_RATIO_OF_ABSOLUTE_ERRORS)
                            : new CarriedSum(errors.sumOf(model), errors.words);
                });
        double[][][] replicate = blockReplicates.draw(resampler, REGRESSION_WIDTH, metrics.size(), value, studentized,
                random, new int[] {0, REGRESSION_WIDTH}, -1, null).values();
        String test = blocks == n ? ROW_BOOTSTRAP : HASHED_BLOCK_BOOTSTRAP;
        String zeroSaid = zeroLabels == 0 ? null : zeroLabels + " example" + (zeroLabels == 1 ? "" : "s")
                + " with label 0 skipped";
        String mapeNote = zeroSaid == null ? nearZeroSaid
                : nearZeroSaid == null ? zeroSaid : zeroSaid + "; " + nearZeroSaid;
        List<MetricComparison> results = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            long rows = MetricCounts.Slice.ofRegression(zeroLabels).of(metric).restsOn(n);
            DeltaSpread spread = DeltaSpread.of(resampler, metric, blocks == n ? "rows" : "blocks of rows");
            MetricComparison comparison = studentized.withFallbacksSaid(m, rows, summarise(metric,
                    regressionValue(metric, 0, totals), regressionValue(metric, 1, totals), replicate[m][0],
                    replicate[m][1], studentized.of(m), blocks, spread.degreesOfFreedom(), test, null,
                    metric == Metric.MAPE ? mapeNote : null));
            MetricComparison onRatio = onRatioOfMeans(comparison, totals, replicate, blocks, spread.degreesOfFreedom());
            // under the minimum Δ's interval is withheld (TooFewExamples), so nothing stands to say of it
            results.add(withSpreadlessSaid(new TooFewExamples(options.minSliceSize()).covers(rows) ? onRatio
                    : spread.withSaid(onRatio), replicate[m][0], replicate[m][1]));
        }
        return results;
    }

    /**
     * How many degrees of freedom Δ's bootstrap standard error of a regression metric has, from the paired
     * contributions of the blocks to the difference of the mean errors: u_b = (candidate's − production's errors in
     * block b) − Δ·(block b's rows), the terms of the variance the bootstrap estimates. Where a few blocks carry that
     * variance — a handful of $250,000 orders among thousands of $20 ones — the standard error rests on those few
     * blocks, and t on k − 1 degrees of freedom treats it as known: such a Δ sat at p ≈ 0.05 whatever the number of
     * replicates, and the seed alone decided its verdict. t on the degrees of freedom matching the blocks' kurtosis
     * ({@link WaldDifference#kurtosisDegreesOfFreedom}) is k − 1 for well-spread blocks (docs/statistics.md, "Δ where
     * a few rows carry the errors").
     *
     * @param fewBlocks why Δ's interval is wider, where fewer than {@link SumConcentration#MIN_EFFECTIVE_UNITS}
     *                  effective blocks carry its variance; otherwise null
     */
    private record DeltaSpread(double degreesOfFreedom, DeltaOnFewBlocks fewBlocks) {
        static DeltaSpread of(BlockResampler resampler, Metric metric, String units) {
            RegressionErrors errors = RegressionErrors.of(metric);
            double[] totals = resampler.totals();
            if (!(totals[errors.count] > 0)) {
                return new DeltaSpread(resampler.blocks() - 1, null);
            }
            double delta = (totals[errors.sumOf(1)] - totals[errors.sumOf(0)]) / totals[errors.count];
            double[] contributions = new double[resampler.blocks()];
            double[] squares = new double[contributions.length];
            for (int b = 0; b < contributions.length; b++) {
                double[] sums = resampler.block(b);
                contributions[b] = sums[errors.sumOf(1)] - sums[errors.sumOf(0)] - delta * sums[errors.count];
                squares[b] = contributions[b] * contributions[b];
            }
            double degreesOfFreedom = WaldDifference.kurtosisDegreesOfFreedom(contributions);
            SumConcentration carried = SumConcentration.of(squares);
            return new DeltaSpread(degreesOfFreedom, !carried.concentrated() ? null
                    : new DeltaOnFewBlocks(carried.carryingHalf(), contributions.length, carried.carriedShare(), units,
                            errors.words + "s", degreesOfFreedom));
        }

        MetricComparison withSaid(MetricComparison comparison) {
            if (fewBlocks == null || comparison.inference() == null) {
                return comparison;
            }
            String said = fewBlocks.sentence();
            return new MetricComparison(comparison.metric(), comparison.production(), comparison.candidate(),
                    comparison.delta(), comparison.inference(), comparison.test(), comparison.unavailableReason(),
                    comparison.unstableReason(), comparison.note() == null ? said : comparison.note() + "; " + said,
                    comparison.tooFewExamplesReason(), fewBlocks);
        }
    }

    /**
     * Δ of a regression error metric made on the ratio of the two models' mean errors ({@link PairedMeanRatio}): the
     * paired test of the difference of the means is unchanged (mae: the absolute errors; rmse and r2: the squared
     * errors, Diebold &amp; Mariano's test, which kept Holm's far tail where a Wald interval of Δ rmse itself rejected
     * about twice as often as it should; mape: the relative errors), and the interval stays where the data allow — no
     * candidate rmse, mae or mape below 0, no candidate r2 above 1. rmse and r2 share the ratio of the squared errors
     * (the labels' spread SST is the same for both models), so their p-values are equal.
     *
     * @param replicate {@code [metric][model][replicate]} in the order mae, rmse, mape, r2
     */
    private static MetricComparison onRatioOfMeans(MetricComparison comparison, double[] totals,
                                                   double[][][] replicate, int units, double degreesOfFreedom) {
        if (comparison.inference() == null) {
            return comparison;
        }
        Metric metric = comparison.metric();
        // the mean each metric rests on, at the slice's sums and in each replicate (rmse² for rmse and r2)
        RegressionErrors errors = RegressionErrors.of(metric);
        double count = totals[errors.count];
        double[][] means = switch (metric) {
            case MAE -> replicate[0];
            case MAPE -> replicate[2];
            default -> new double[][] {squares(replicate[1][0]), squares(replicate[1][1])};
        };
        PairedMeanRatio.Form form = switch (metric) {
            case RMSE -> PairedMeanRatio.Form.ROOT_OF_MEAN;
            case R2 -> PairedMeanRatio.Form.ONE_MINUS_MEAN;
            default -> PairedMeanRatio.Form.MEAN;
        };
        double prodMean = totals[errors.sumOf(0)] / count;
        double candMean = totals[errors.sumOf(1)] / count;
        if (!(prodMean > 0) || !(candMean >= 0)) {
            return comparison;
        }
        PairedMeanRatio ratio = PairedMeanRatio.bootstrap(candMean, prodMean, means[1], means[0], units,
                degreesOfFreedom, form, comparison.production().value());
        return ratio == null ? comparison : MetricComparison.tested(metric, comparison.production(),
                comparison.candidate(), ratio, comparison.test(), comparison.note());
    }

    private static double[] squares(double[] values) {
        double[] squared = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            squared[i] = values[i] * values[i];
        }
        return squared;
    }

    private static MetricValue regressionValue(Metric metric, int model, double[] sums) {
        double count = sums[ROWS];
        if (!(count > 0)) {
            // a jackknife leaving out the only block that holds a small slice's rows
            return MetricValue.unavailable("no examples");
        }
        return switch (metric) {
            case MAE -> MetricValue.of(sums[ABSOLUTE_ERRORS + model] / count);
            // a sum of squares is never negative; the standard error's gradient steps may nudge an exact 0 below
            case RMSE -> MetricValue.of(Math.sqrt(Math.max(0, sums[SQUARED_ERRORS + model] / count)));
            case MAPE -> sums[NONZERO_LABELS] == 0 ? MetricValue.unavailable("every label is 0, so mape is undefined")
                    : MetricValue.of(sums[RELATIVE_ERRORS + model] / sums[NONZERO_LABELS]);
            case R2 -> {
                // Σ(y − c)² − (Σ(y − c))²/n cancels to rounding noise, not to 0, when the labels are constant (a
                // resample of one row): call anything within 1e-12 of Σ(y − c)² zero, whatever the centre c
                double total = sums[LABEL_SQUARED_DEVIATIONS]
                        - sums[LABEL_DEVIATIONS] * sums[LABEL_DEVIATIONS] / count;
                yield !(total > 1e-12 * sums[LABEL_SQUARED_DEVIATIONS])
                        ? MetricValue.unavailable("the labels are constant, so r2 is undefined")
                        : MetricValue.of(1 - sums[SQUARED_ERRORS + model] / total);
            }
            default -> throw new IllegalArgumentException(metric.wireName() + " is not a regression metric");
        };
    }

    // ---- summary ----

    /**
     * Per-model percentile intervals from the replicates, and for Δ the bootstrap-standard-error interval
     * Δ ± t·SE* with its Wald p-value ({@link WaldDifference#bootstrap}, {@code units} the resampled units, t on
     * {@code degreesOfFreedom}, at most units − 1): one procedure, so the interval at any level and the p-value agree (a
     * percentile interval at the 1 − α/m level of a multiplicity adjustment would rest on the few most extreme of
     * the replicates), kept within the values Δ can take given production's value. Δ gets no interval when the
     * bootstrap is unstable: the metric undefined in more than
     * {@link #MAX_UNDEFINED_SHARE} of the replicates, every replicate giving the same Δ, or a reason known
     * beforehand ({@code knownUnstableReason}, e.g. a class with 3 examples).
     */
    private MetricComparison summarise(Metric metric, MetricValue prod, MetricValue cand, double[] prodReplicates,
                                       double[] candReplicates, ModelInterval modelInterval, int units,
                                       double degreesOfFreedom, String test, String knownUnstableReason, String note) {
        boolean prodSpreadless = prod.isAvailable() && withoutSpread(prod.value(), prodReplicates);
        boolean candSpreadless = cand.isAvailable() && withoutSpread(cand.value(), candReplicates);
        MetricEstimate prodEstimate = prod.isAvailable() ? new MetricEstimate(prod.value(), prodSpreadless ? null
                : nonDegenerate(modelInterval.of(0, prod.value(), prodReplicates))) : null;
        MetricEstimate candEstimate = cand.isAvailable() ? new MetricEstimate(cand.value(), candSpreadless ? null
                : nonDegenerate(modelInterval.of(1, cand.value(), candReplicates))) : null;
        if (!prod.isAvailable() || !cand.isAvailable()) {
            return new MetricComparison(metric, prodEstimate, candEstimate, null, null, null,
                    unavailableReason(prod, cand), null, note);
        }
        int replicates = prodReplicates.length;
        ResampledDistribution deltas = new ResampledDistribution(differences(candReplicates, prodReplicates));
        double difference = cand.value() - prod.value();
        double undefinedShare = 1 - (double) deltas.defined() / replicates;
        Double standardError = deltas.standardDeviation();
        String unstable = knownUnstableReason;
        if (unstable == null && undefinedShare > MAX_UNDEFINED_SHARE) {
            unstable = metric.wireName() + " is undefined in " + Math.max(1, Math.round(undefinedShare * 100))
                    + "% of the resamples of this slice";
        }
        if (unstable != null) {
            // the same replicates are a mixture (a class in or out) or conditional on being defined: the models'
            // percentile intervals from them would mislead as much as Δ's
            return new MetricComparison(metric, new MetricEstimate(prod.value(), null),
                    new MetricEstimate(cand.value(), null), difference, null, test, null, unstable, note);
        }
        if (units < 2 || standardError == null || RoundingSpread.negligible(standardError,
                Math.max(Math.abs(prod.value()), Math.abs(cand.value())))) {
            return new MetricComparison(metric, prodEstimate, candEstimate, difference, null, test, null,
                    "every resample gives the same Δ, so the bootstrap cannot measure its uncertainty", note);
        }
        // Δ reaches no further than the candidate's lowest and highest possible values given production's (a log loss
        // or Brier score below 0, a Brier score above 1): the t interval of a mean of a few skewed losses can reach
        // past them
        return MetricComparison.tested(metric, prodEstimate, candEstimate,
                WaldDifference.bootstrap(difference, standardError, units, degreesOfFreedom,
                        metric.lowestValue() - prod.value(), metric.highestValue() - prod.value()), test, note);
    }

    /**
     * Δ per replicate. A loop in a method of its own: {@link #summarise} runs once per metric and slice, so the JIT
     * would otherwise compile all of that large method on-stack for this loop alone.
     */
    private static double[] differences(double[] candReplicates, double[] prodReplicates) {
        double[] deltas = new double[candReplicates.length];
        for (int b = 0; b < deltas.length; b++) {
            deltas[b] = candReplicates[b] - prodReplicates[b];
        }
        return deltas;
    }

    /** How far Δ can reach: 1 for metrics in [0, 1], 2 for Cohen's kappa, unbounded for losses, errors and r2. */
    private static double deltaRange(Metric metric) {
        return metric.highestValue() - metric.lowestValue();
    }

    /**
     * Each model's interval of a bootstrapped count metric from its leave-one-out values over the occupied cells
     * ({@code leaveOneOut[model][cell]}, {@code counts[cell]} rows each). cohen_kappa: Fisher's z interval,
     * weighted_f1: the logit interval, each with the exact jackknife's variance. At 30–50 rows the cell bootstrap's BCa covered
     * them in 96–99 %, with almost no interval above the truth: a few wrong rows make the jackknife's acceleration
     * large, and it stretches the lower arm too far (docs/statistics.md, "Each model's interval"). precision, f1 and
     * balanced_accuracy: none here, as {@link #countMetrics} gives them their closed form ({@link
     * #withWilsonIntervals}, {@link #withMoverWilsonBalancedAccuracy}) whatever the bootstrap's would be. The other
     * metrics: BCa with the jackknife's acceleration.
     */
    private ModelInterval cellModelInterval(Metric metric, double[][] leaveOneOut, long[] counts) {
        double level = options.confidenceLevel();
        return switch (metric) {
            case PRECISION, F1, BALANCED_ACCURACY -> (model, value, replicates) -> null;
            case COHEN_KAPPA, WEIGHTED_F1 -> (model, value, replicates) -> {
                double variance = ResampledDistribution.jackknifeVariance(leaveOneOut[model], counts);
                if (!(variance > 0)) {
                    return null;
                }
                return metric == Metric.COHEN_KAPPA ? PairedTests.fisherZInterval(value, variance, level)
                        : PairedTests.logitInterval(value, variance, level);
            };
            default -> {
                double[] acceleration = {ResampledDistribution.accelerationFromJackknife(leaveOneOut[0], counts),
                    ResampledDistribution.accelerationFromJackknife(leaveOneOut[1], counts)};
                yield (model, value, replicates) -> new ResampledDistribution(replicates)
                        .bcaInterval(level, value, acceleration[model]);
            }
        };
    }

    /** The interval, or null when it has no width beyond rounding: a zero width would claim certainty. */
    private static Interval nonDegenerate(Interval interval) {
        return interval == null || RoundingSpread.negligible(interval) ? null : interval;
    }

    /** Whether a model's bootstrap replicates all give its value, up to rounding: the resamples show no spread. */
    private static boolean withoutSpread(double value, double[] replicates) {
        Double spread = new ResampledDistribution(replicates).standardDeviation();
        return spread != null && RoundingSpread.negligible(spread, value);
    }

    /**
     * The comparison with why a model has no interval said in the note, where its bootstrap replicates show no spread
     * ({@link #summarise} then gives it none). Asked of the final comparison, since some metrics replace the
     * bootstrap's model intervals (Wilson's, MOVER-Wilson's).
     */
    private static MetricComparison withSpreadlessSaid(MetricComparison comparison, double[] prodReplicates,
                                                       double[] candReplicates) {
        boolean production = comparison.production() != null && comparison.production().ci() == null
                && withoutSpread(comparison.production().value(), prodReplicates);
        boolean candidate = comparison.candidate() != null && comparison.candidate().ci() == null
                && withoutSpread(comparison.candidate().value(), candReplicates);
        if (!production && !candidate) {
            return comparison;
        }
        String said = (production && candidate ? "each model's " : production ? "production's " : "the candidate's ")
                + comparison.metric().wireName() + " is the same in every resample here, so the bootstrap cannot"
                + " measure its uncertainty and no interval is shown for it";
        return new MetricComparison(comparison.metric(), comparison.production(), comparison.candidate(),
                comparison.delta(), comparison.inference(), comparison.test(), comparison.unavailableReason(),
                comparison.unstableReason(), comparison.note() == null ? said : comparison.note() + "; " + said,
                comparison.tooFewExamplesReason(), comparison.fewBlocks());
    }

    private String unavailableReason(MetricValue prod, MetricValue cand) {
        if (prod.isAvailable()) {
            return "candidate " + candidateVersion + ": " + cand.unavailableReason() + ", so Δ is unavailable";
        }
        if (cand.isAvailable()) {
            return "production " + productionVersion + ": " + prod.unavailableReason() + ", so Δ is unavailable";
        }
        if (prod.unavailableReason().equals(cand.unavailableReason())) {
            return prod.unavailableReason();
        }
        return "production " + productionVersion + ": " + prod.unavailableReason() + "; candidate "
                + candidateVersion + ": " + cand.unavailableReason();
    }
}
