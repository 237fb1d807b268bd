package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.BlockResampler;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.CountResampler;
import org.verdict.core.stats.DeLong;
import org.verdict.core.stats.MetricValue;
import org.verdict.core.stats.PairedTests;
import org.verdict.core.stats.ResampledDistribution;
import org.verdict.core.stats.SliceRanking;
import org.verdict.core.task.Progress;

/**
 * Every metric of the task for production and candidate on one slice, with per-model intervals, the paired
 * interval of Δ = candidate − production and the paired test. See docs/statistics.md for the methods.
 */
final class SliceAnalysis {
    /** Slices up to this many examples bootstrap pr_auc by rows; larger ones use its influence function. */
    static final int PR_AUC_ROW_BOOTSTRAP_MAX = 2_000;
    /** Blocks of the random-block bootstrap; slices with at most this many examples resample single rows. */
    static final int BOOTSTRAP_BLOCKS = 300;

    static final String CELL_BOOTSTRAP = "paired-bootstrap-cells";
    static final String ROW_BOOTSTRAP = "paired-bootstrap";
    static final String BLOCK_BOOTSTRAP = "paired-block-bootstrap";
    static final String DELONG = "delong";
    static final String AP_INFLUENCE = "paired-influence-normal";

    private static final int ECE_BINS = Calibration.ECE_BINS;

    private final PairedModels models;
    private final ComparisonOptions options;
    private final Progress progress;

    SliceAnalysis(PairedModels models, ComparisonOptions options, Progress progress) {
        this.models = models;
        this.options = options;
        this.progress = progress;
    }

    /**
     * @param metrics the metrics wanted, each applicable to the task; results come in this order
     * @param rows the slice's table rows
     * @param productionAscending the same rows in ascending production score (null without scores)
     * @param candidateAscending the same rows in ascending candidate score (null without scores)
     * @param localIndex table row → position in {@code rows}, filled for at least these rows
     */
    List<MetricComparison> analyze(List<Metric> metrics, int[] rows, int[] productionAscending,
                                   int[] candidateAscending, int[] localIndex, SplittableRandom random) {
        Task task = models.table.task();
        if (rows.length == 0) {
            return metrics.stream().map(m -> MetricComparison.unavailable(m, "empty slice")).toList();
        }
        List<MetricComparison> results = new ArrayList<>();
        if (task.isClassification() && metrics.stream().anyMatch(m -> !m.needsScores())) {
            results.addAll(countMetrics(rows, random.split()));
        }
        if (task == Task.BINARY && metrics.stream().anyMatch(Metric::needsScores)) {
            results.addAll(scoreMetrics(rows, productionAscending, candidateAscending, localIndex, random.split()));
        }
        if (task == Task.REGRESSION) {
            results.addAll(regressionMetrics(rows, random.split()));
        }
        return metrics.stream()
                .map(m -> results.stream().filter(r -> r.metric() == m).findFirst().orElseThrow())
                .toList();
    }

    // ---- metrics of the paired contingency cells (label × production prediction × candidate prediction) ----

    private List<MetricComparison> countMetrics(int[] rows, SplittableRandom random) {
        EvaluationTable table = models.table;
        List<String> classes = table.classes();
        int k = classes.size();
        int[] label = table.labelCodes();
        int[] prod = models.production.classCodes();
        int[] cand = models.candidate.classCodes();
        long[] cells = new long[k * k * k];
        for (int row : rows) {
            cells[(label[row] * k + prod[row]) * k + cand[row]]++;
        }
        // resample only the occupied cells: with many classes most of the k³ cells are empty
        int[] occupied = IntStream.range(0, cells.length).filter(i -> cells[i] > 0).toArray();
        long[] counts = Arrays.stream(occupied).mapToLong(i -> cells[i]).toArray();
        List<Metric> metrics = Metric.forTask(table.task()).stream().filter(m -> !m.needsScores()).toList();
        ConfusionMatrix[] point = pairedMatrices(occupied, counts, classes);

        int replicates = options.bootstrapReplicates();
        double[][][] replicate = new double[metrics.size()][2][replicates];
        CountResampler resampler = new CountResampler(random);
        long[] drawn = new long[counts.length];
        for (int b = 0; b < replicates; b++) {
            if ((b & 127) == 0) {
                progress.checkCancelled();
            }
            resampler.resample(counts, drawn);
            ConfusionMatrix[] pair = pairedMatrices(occupied, drawn, classes);
            for (int m = 0; m < metrics.size(); m++) {
                replicate[m][0][b] = pair[0].valueOrNaN(metrics.get(m));
                replicate[m][1][b] = pair[1].valueOrNaN(metrics.get(m));
            }
        }
        List<MetricComparison> results = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            PairedTests.TestResult mcnemar = metric == Metric.ACCURACY ? mcnemar(cells, k) : null;
            results.add(summarise(metric, point[0].value(metric), point[1].value(metric), replicate[m][0], replicate[m][1],
                    mcnemar == null ? CELL_BOOTSTRAP : mcnemar.test(), mcnemar == null ? null : mcnemar.pValue(), null));
        }
        return results;
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

    private static PairedTests.TestResult mcnemar(long[] cells, int k) {
        long onlyProduction = 0;
        long onlyCandidate = 0;
        for (int l = 0; l < k; l++) {
            for (int p = 0; p < k; p++) {
                for (int c = 0; c < k; c++) {
                    long count = cells[(l * k + p) * k + c];
                    if (p == l && c != l) {
                        onlyProduction += count;
                    } else if (p != l && c == l) {
                        onlyCandidate += count;
                    }
                }
            }
        }
        return PairedTests.mcnemar(onlyProduction, onlyCandidate);
    }

    // ---- binary score metrics ----

    private List<MetricComparison> scoreMetrics(int[] rows, int[] productionAscending, int[] candidateAscending,
                                                int[] localIndex, SplittableRandom random) {
        List<Metric> metrics = List.of(Metric.ROC_AUC, Metric.PR_AUC, Metric.LOG_LOSS, Metric.BRIER, Metric.ECE);
        if (!models.bothHaveScores()) {
            String reason = models.missingScoresReason();
            return metrics.stream().map(m -> MetricComparison.unavailable(m, reason)).toList();
        }
        int[] label = models.table.labelCodes();
        boolean[] positive = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            positive[i] = label[rows[i]] == 1;
        }
        double[] prodScores = models.production.scores();
        double[] candScores = models.candidate.scores();
        SliceRanking prod = SliceRanking.fromSortedRows(prodScores, positive, productionAscending, localIndex);
        SliceRanking cand = SliceRanking.fromSortedRows(candScores, positive, candidateAscending, localIndex);
        // per-example scratch of both models, shared by DeLong's components and the AP influences
        double[][] scratch = {new double[rows.length], new double[rows.length]};
        List<MetricComparison> results = new ArrayList<>();
        results.add(rocAuc(prod, cand, scratch));
        results.add(prAuc(prod, cand, scratch, random.split()));
        results.addAll(calibration(rows, positive, prodScores, candScores, random.split()));
        return results;
    }

    private MetricComparison rocAuc(SliceRanking prod, SliceRanking cand, double[][] scratch) {
        MetricValue prodAuc = prod.rocAuc();
        if (!prodAuc.isAvailable()) {
            return MetricComparison.unavailable(Metric.ROC_AUC, prodAuc.unavailableReason());
        }
        if (prod.positives() < 2 || prod.negatives() < 2) {
            return MetricComparison.unavailable(Metric.ROC_AUC,
                    "DeLong's interval needs at least 2 positive and 2 negative examples; this slice has "
                            + prod.positives() + " and " + prod.negatives());
        }
        DeLong.Result delong = DeLong.compare(prod, cand, scratch[0], scratch[1]);
        double level = options.confidenceLevel();
        double delta = delong.candidateAuc() - delong.productionAuc();
        return new MetricComparison(Metric.ROC_AUC,
                new MetricEstimate(delong.productionAuc(),
                        PairedTests.normalInterval(delong.productionAuc(), delong.productionVariance(), level, 0, 1)),
                new MetricEstimate(delong.candidateAuc(),
                        PairedTests.normalInterval(delong.candidateAuc(), delong.candidateVariance(), level, 0, 1)),
                delta, PairedTests.normalInterval(delta, delong.deltaVariance(), level, -1, 1),
                PairedTests.normalTwoSidedP(delta, delong.deltaVariance()), DELONG, null, null);
    }

    private MetricComparison prAuc(SliceRanking prod, SliceRanking cand, double[][] scratch, SplittableRandom random) {
        MetricValue prodAp = prod.averagePrecision();
        MetricValue candAp = cand.averagePrecision();
        if (!prodAp.isAvailable()) {
            return MetricComparison.unavailable(Metric.PR_AUC, prodAp.unavailableReason());
        }
        int n = prod.size();
        if (n <= PR_AUC_ROW_BOOTSTRAP_MAX) {
            int replicates = options.bootstrapReplicates();
            double[] prodReplicates = new double[replicates];
            double[] candReplicates = new double[replicates];
            int[] weights = new int[n];
            for (int b = 0; b < replicates; b++) {
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
            return summarise(Metric.PR_AUC, prodAp, candAp, prodReplicates, candReplicates, ROW_BOOTSTRAP, null, null);
        }
        double[] prodInfluence = prod.averagePrecisionInfluence(prodAp.value(), scratch[0]);
        double[] candInfluence = cand.averagePrecisionInfluence(candAp.value(), scratch[1]);
        double prodVariance = 0;
        double candVariance = 0;
        double deltaVariance = 0;
        for (int i = 0; i < n; i++) {
            prodVariance += prodInfluence[i] * prodInfluence[i];
            candVariance += candInfluence[i] * candInfluence[i];
            double d = candInfluence[i] - prodInfluence[i];
            deltaVariance += d * d;
        }
        double level = options.confidenceLevel();
        double delta = candAp.value() - prodAp.value();
        return new MetricComparison(Metric.PR_AUC,
                new MetricEstimate(prodAp.value(), PairedTests.normalInterval(prodAp.value(), prodVariance, level, 0, 1)),
                new MetricEstimate(candAp.value(), PairedTests.normalInterval(candAp.value(), candVariance, level, 0, 1)),
                delta, PairedTests.normalInterval(delta, deltaVariance, level, -1, 1),
                PairedTests.normalTwoSidedP(delta, deltaVariance), AP_INFLUENCE, null, null);
    }

    /** log_loss, brier and ece: functions of per-example sums, resampled by random blocks. */
    private List<MetricComparison> calibration(int[] rows, boolean[] positive, double[] prodScores,
                                               double[] candScores, SplittableRandom random) {
        int n = rows.length;
        // per example: log loss p, c; brier p, c; (score − label) in ece bin b of p, of c; count
        int width = 4 + 2 * ECE_BINS + 1;
        int blocks = Math.min(n, BOOTSTRAP_BLOCKS);
        BlockResampler resampler = new BlockResampler(blocks, width);
        int[] blockOf = BlockResampler.assignBlocks(n, blocks, random.split());
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            double y = positive[i] ? 1 : 0;
            double sp = prodScores[row];
            double sc = candScores[row];
            int b = blockOf[i];
            resampler.add(b, 0, models.productionLogLoss[row]);
            resampler.add(b, 1, models.candidateLogLoss[row]);
            resampler.add(b, 2, (sp - y) * (sp - y));
            resampler.add(b, 3, (sc - y) * (sc - y));
            resampler.add(b, 4 + models.productionEceBin[row], sp - y);
            resampler.add(b, 4 + ECE_BINS + models.candidateEceBin[row], sc - y);
            resampler.add(b, width - 1, 1);
        }
        List<Metric> metrics = List.of(Metric.LOG_LOSS, Metric.BRIER, Metric.ECE);
        double[] totals = resampler.totals();
        int replicates = options.bootstrapReplicates();
        double[][][] replicate = new double[3][2][replicates];
        double[] sums = new double[width];
        for (int b = 0; b < replicates; b++) {
            if ((b & 63) == 0) {
                progress.checkCancelled();
            }
            resampler.resample(random, sums);
            for (int m = 0; m < 3; m++) {
                replicate[m][0][b] = calibrationValue(m, 0, sums);
                replicate[m][1][b] = calibrationValue(m, 1, sums);
            }
        }
        String test = blocks == n ? ROW_BOOTSTRAP : BLOCK_BOOTSTRAP;
        List<MetricComparison> results = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            results.add(summarise(metrics.get(m), MetricValue.of(calibrationValue(m, 0, totals)),
                    MetricValue.of(calibrationValue(m, 1, totals)), replicate[m][0], replicate[m][1], test, null, null));
        }
        return results;
    }

    /** metric 0 = log_loss, 1 = brier, 2 = ece; model 0 = production, 1 = candidate. */
    private static double calibrationValue(int metric, int model, double[] sums) {
        double count = sums[sums.length - 1];
        if (metric < 2) {
            return sums[metric * 2 + model] / count;
        }
        double absolute = 0;
        for (int bin = 0; bin < ECE_BINS; bin++) {
            absolute += Math.abs(sums[4 + model * ECE_BINS + bin]);
        }
        return absolute / count;
    }

    // ---- regression ----

    private List<MetricComparison> regressionMetrics(int[] rows, SplittableRandom random) {
        double[] label = models.table.labelValues();
        double[] prod = models.production.values();
        double[] cand = models.candidate.values();
        int n = rows.length;
        double centre = 0;
        for (int row : rows) {
            centre += label[row];
        }
        centre /= n;
        // per example: |e| p, c; e² p, c; |e|/|y| p, c (y ≠ 0); y ≠ 0; y − centre; (y − centre)²; count
        int width = 10;
        int blocks = Math.min(n, BOOTSTRAP_BLOCKS);
        BlockResampler resampler = new BlockResampler(blocks, width);
        int[] blockOf = BlockResampler.assignBlocks(n, blocks, random.split());
        long zeroLabels = 0;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            int b = blockOf[i];
            double y = label[row];
            double ep = prod[row] - y;
            double ec = cand[row] - y;
            resampler.add(b, 0, Math.abs(ep));
            resampler.add(b, 1, Math.abs(ec));
            resampler.add(b, 2, ep * ep);
            resampler.add(b, 3, ec * ec);
            if (y != 0) {
                resampler.add(b, 4, Math.abs(ep) / Math.abs(y));
                resampler.add(b, 5, Math.abs(ec) / Math.abs(y));
                resampler.add(b, 6, 1);
            } else {
                zeroLabels++;
            }
            resampler.add(b, 7, y - centre);
            resampler.add(b, 8, (y - centre) * (y - centre));
            resampler.add(b, 9, 1);
        }
        List<Metric> metrics = List.of(Metric.MAE, Metric.RMSE, Metric.MAPE, Metric.R2);
        double[] totals = resampler.totals();
        int replicates = options.bootstrapReplicates();
        double[][][] replicate = new double[metrics.size()][2][replicates];
        double[] sums = new double[width];
        for (int b = 0; b < replicates; b++) {
            if ((b & 63) == 0) {
                progress.checkCancelled();
            }
            resampler.resample(random, sums);
            for (int m = 0; m < metrics.size(); m++) {
                replicate[m][0][b] = regressionValue(metrics.get(m), 0, sums).valueOrNaN();
                replicate[m][1][b] = regressionValue(metrics.get(m), 1, sums).valueOrNaN();
            }
        }
        String test = blocks == n ? ROW_BOOTSTRAP : BLOCK_BOOTSTRAP;
        String mapeNote = zeroLabels == 0 ? null : zeroLabels + " example" + (zeroLabels == 1 ? "" : "s")
                + " with label 0 skipped";
        List<MetricComparison> results = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            results.add(summarise(metric, regressionValue(metric, 0, totals), regressionValue(metric, 1, totals),
                    replicate[m][0], replicate[m][1], test, null, metric == Metric.MAPE ? mapeNote : null));
        }
        return results;
    }

    private static MetricValue regressionValue(Metric metric, int model, double[] sums) {
        double count = sums[9];
        return switch (metric) {
            case MAE -> MetricValue.of(sums[model] / count);
            case RMSE -> MetricValue.of(Math.sqrt(sums[2 + model] / count));
            case MAPE -> sums[6] == 0 ? MetricValue.unavailable("every label is 0, so mape is undefined")
                    : MetricValue.of(sums[4 + model] / sums[6]);
            case R2 -> {
                double total = sums[8] - sums[7] * sums[7] / count;
                yield total <= 0 ? MetricValue.unavailable("the labels are constant, so r2 is undefined")
                        : MetricValue.of(1 - sums[2 + model] / total);
            }
            default -> throw new IllegalArgumentException(metric.wireName() + " is not a regression metric");
        };
    }

    // ---- summary ----

    private MetricComparison summarise(Metric metric, MetricValue prod, MetricValue cand, double[] prodReplicates,
                                       double[] candReplicates, String test, Double closedFormP, String note) {
        if (!prod.isAvailable() || !cand.isAvailable()) {
            return MetricComparison.unavailable(metric, unavailableReason(prod, cand));
        }
        double[] deltaReplicates = new double[prodReplicates.length];
        for (int b = 0; b < deltaReplicates.length; b++) {
            deltaReplicates[b] = candReplicates[b] - prodReplicates[b];
        }
        double level = options.confidenceLevel();
        ResampledDistribution delta = new ResampledDistribution(deltaReplicates);
        double difference = cand.value() - prod.value();
        Double standardError = delta.standardDeviation();
        // Wald test with the bootstrap standard error: counting replicates beyond 0 cannot give p below 2/(B+1),
        // which a Holm correction over dozens of slices would need
        Double p = closedFormP != null ? closedFormP
                : standardError == null ? null : PairedTests.normalTwoSidedP(difference, standardError * standardError);
        return new MetricComparison(metric,
                new MetricEstimate(prod.value(), new ResampledDistribution(prodReplicates).percentileInterval(level)),
                new MetricEstimate(cand.value(), new ResampledDistribution(candReplicates).percentileInterval(level)),
                difference, delta.percentileInterval(level), p, test, null, note);
    }

    private String unavailableReason(MetricValue prod, MetricValue cand) {
        if (prod.isAvailable()) {
            return "candidate " + models.candidateVersion + ": " + cand.unavailableReason();
        }
        if (cand.isAvailable() || prod.unavailableReason().equals(cand.unavailableReason())) {
            return (cand.isAvailable() ? "production " + models.productionVersion + ": " : "")
                    + prod.unavailableReason();
        }
        return "production " + models.productionVersion + ": " + prod.unavailableReason() + "; candidate "
                + models.candidateVersion + ": " + cand.unavailableReason();
    }
}
