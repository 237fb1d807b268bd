package org.verdict.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonJson;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.CorrectionMethod;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ExampleIds;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.JackknifeVariance;
import org.verdict.core.stats.PairedProportionDifference;
import org.verdict.core.stats.Proportions;
import org.verdict.core.stats.ResampledDistribution;
import org.verdict.core.stats.WaldDifference;
import org.verdict.core.task.Progress;

/**
 * Coverage of macro_f1's and balanced_accuracy's intervals in slices where one class has 1–4 examples, the slices
 * "Unstable slices" withholds every interval from (docs/statistics.md, "A class with 1–4 examples"):
 * {@code java -cp target/verdict.jar org.verdict.bench.RareClassBenchmark [--samples N] [--replicates B]
 * [--sizes n,…] [--rare s,…] [--seed S] [--threads T]}.
 *
 * <p>Four classes with the coverage benchmark's priors (0.55 / 0.27 / 0.15 / 0.03) and error model
 * ({@link Superpopulation}); each sample is a slice of n rows holding exactly s examples of the rare class, the others
 * drawn from the common classes' priors (drawn again until each has at least 5, so that the rare class is the only
 * one the rule withholds for): coverage conditional on the rare class's count. The truth is computed in
 * closed form: the conditional estimand, the metric of the expected confusion matrix at the sample's class counts (what
 * an interval given the class counts estimates), and the population's value at the priors. Candidate intervals:
 * <ul>
 * <li>{@code engine}: what the engine would show were the slice not unstable — Δ from the class-stratified jackknife
 * with Satterthwaite's t, macro_f1's models from the cell bootstrap's BCa, balanced_accuracy's from MOVER-Wilson
 * (checked against the engine's own JSON on a slice with 5 rare examples, where it shows them);</li>
 * <li>{@code strat}: a bootstrap with every class's count fixed (rows resampled within their label), percentile
 * intervals, Δ also as Δ ± t(n − 1)·SE*;</li>
 * <li>{@code dirichlet}: the posterior of each class's paired outcomes under a Dirichlet prior of total mass 1 spread
 * over the k² outcomes (Caelen 2017; Tötsch &amp; Hoffmann 2021), the metric of n_c times those shares,
 * equal-tailed;</li>
 * <li>{@code mover}: balanced_accuracy's Δ as MOVER over each class's Tango score interval (Zou &amp; Donner 2008).</li>
 * </ul>
 * Under the null it also gives the share of families of 12 such independent slices in which Holm's adjusted intervals
 * call any slice better or worse, from the share of slices below Holm's first step (0.05 / 12).
 */
public final class RareClassBenchmark {
    private static final double[] PRIORS = {0.55, 0.27, 0.15, 0.03};
    private static final int K = PRIORS.length;
    private static final int RARE = K - 1;
    private static final int FAMILY = 12;
    /** Slices are drawn again until the rare class is the only one under the rule's 5 examples. */
    private static final int COMMON_CLASS_MINIMUM = 5;
    private static final double LEVEL = 0.95;
    private static final double ALPHA = 0.05;
    private static final String[] METHODS = {"engine", "strat", "strat-t", "dirichlet", "mover"};
    private static final Metric[] METRICS = {Metric.MACRO_F1, Metric.BALANCED_ACCURACY};

    private RareClassBenchmark() {
    }

    enum Effect {
        NULL("null", new double[][] {{0.85, 0.75, 0.65, 0.50}, {0.85, 0.75, 0.65, 0.50}}),
        /** Better on the common classes, worse on the rare one (its recall 0.30 against 0.60 at these thresholds). */
        TRADE("candidate better on the common classes, worse on the rare one",
                new double[][] {{0.85, 0.75, 0.65, 0.553}, {0.87, 0.78, 0.66, 0.387}});

        final String label;
        /** Each model's threshold per class: right when 0.5·difficulty + 0.5·own draw is below it. */
        final double[][] threshold;

        Effect(String label, double[][] threshold) {
            this.label = label;
            this.threshold = threshold;
        }

        /** P(right) = P(0.5·U₁ + 0.5·U₂ &lt; a): the triangular distribution's CDF. */
        double pRight(int model, int label) {
            double a = threshold[model][label];
            return a <= 0.5 ? 2 * a * a : 1 - 2 * (1 - a) * (1 - a);
        }

        /** P(the model predicts p | label j). */
        double predicts(int model, int label, int p) {
            double right = pRight(model, label);
            return p == label ? right : (1 - right) * PRIORS[p] / (1 - PRIORS[label]);
        }
    }

    /** One slice's paired outcomes: {@code cells[(label·K + production)·K + candidate]}, and its rows' cells. */
    record Slice(long[] cells, int[] rowCells, long[] support) {
    }

    static Slice draw(Effect effect, int n, int rare, SplittableRandom random) {
        int[] rowCells = new int[n];
        long[] cells = new long[K * K * K];
        long[] support = new long[K];
        double common = 1 - PRIORS[RARE];
        for (int i = 0; i < n; i++) {
            int label = RARE;
            if (i >= rare) {
                double u = random.nextDouble() * common;
                label = 0;
                while (label < RARE - 1 && (u -= PRIORS[label]) >= 0) {
                    label++;
                }
            }
            double difficulty = random.nextDouble();
            int[] predicted = new int[2];
            for (int m = 0; m < 2; m++) {
                boolean right = 0.5 * difficulty + 0.5 * random.nextDouble() < effect.threshold[m][label];
                predicted[m] = right ? label : wrongClass(label, random);
            }
            int cell = (label * K + predicted[0]) * K + predicted[1];
            rowCells[i] = cell;
            cells[cell]++;
            support[label]++;
        }
        return new Slice(cells, rowCells, support);
    }

    private static int wrongClass(int label, SplittableRandom random) {
        double u = random.nextDouble() * (1 - PRIORS[label]);
        for (int p = 0; p < K; p++) {
            if (p != label && (u -= PRIORS[p]) < 0) {
                return p;
            }
        }
        return label == K - 1 ? K - 2 : K - 1;
    }

    /** The metric of one model's confusion matrix {@code matrix[label·K + predicted]} over all K classes. */
    static double metric(Metric metric, double[] matrix) {
        double sum = 0;
        for (int c = 0; c < K; c++) {
            double support = 0;
            double predicted = 0;
            for (int j = 0; j < K; j++) {
                support += matrix[c * K + j];
                predicted += matrix[j * K + c];
            }
            double denominator = metric == Metric.BALANCED_ACCURACY ? support : support + predicted;
            double factor = metric == Metric.BALANCED_ACCURACY ? 1 : 2;
            sum += denominator == 0 ? 0 : factor * matrix[c * K + c] / denominator;
        }
        return sum / K;
    }

    /** Each model's confusion matrix from paired cell weights. */
    static double[][] matrices(double[] cells) {
        double[][] matrix = new double[2][K * K];
        for (int i = 0; i < cells.length; i++) {
            int label = i / (K * K);
            matrix[0][label * K + i / K % K] += cells[i];
            matrix[1][label * K + i % K] += cells[i];
        }
        return matrix;
    }

    /** The metric of each model's expected confusion matrix at these class counts: [production, candidate]. */
    static double[] truth(Metric metric, Effect effect, double[] classCounts) {
        double[] values = new double[2];
        for (int m = 0; m < 2; m++) {
            double[] matrix = new double[K * K];
            for (int j = 0; j < K; j++) {
                for (int p = 0; p < K; p++) {
                    matrix[j * K + p] = classCounts[j] * effect.predicts(m, j, p);
                }
            }
            values[m] = metric(metric, matrix);
        }
        return values;
    }

    /** Intervals of one metric for one slice: [method][production, candidate, Δ], and Δ's p-value per method. */
    record Intervals(Interval[][] intervals, double[] pValues) {
    }

    static Map<Metric, Intervals> intervals(Slice slice, int replicates, SplittableRandom random) {
        int n = slice.rowCells.length;
        double[] cells = Arrays.stream(slice.cells).asDoubleStream().toArray();
        double[][] point = matrices(cells);
        int[][] rowsOfClass = new int[K][];
        for (int c = 0; c < K; c++) {
            int label = c;
            rowsOfClass[c] = Arrays.stream(slice.rowCells).filter(cell -> cell / (K * K) == label).toArray();
        }
        // replicates[scheme][metric][model][b]: scheme 0 the engine's row bootstrap, 1 stratified, 2 Dirichlet
        double[][][][] reps = new double[3][METRICS.length][2][replicates];
        double[] drawn = new double[cells.length];
        for (int b = 0; b < replicates; b++) {
            for (int scheme = 0; scheme < 3; scheme++) {
                Arrays.fill(drawn, 0);
                switch (scheme) {
                    case 0 -> {
                        for (int i = 0; i < n; i++) {
                            drawn[slice.rowCells[random.nextInt(n)]]++;
                        }
                    }
                    case 1 -> {
                        for (int[] rows : rowsOfClass) {
                            for (int i = 0; i < rows.length; i++) {
                                drawn[rows[random.nextInt(rows.length)]]++;
                            }
                        }
                    }
                    default -> dirichletDraw(slice, drawn, random);
                }
                double[][] matrix = matrices(drawn);
                for (int m = 0; m < METRICS.length; m++) {
                    reps[scheme][m][0][b] = metric(METRICS[m], matrix[0]);
                    reps[scheme][m][1][b] = metric(METRICS[m], matrix[1]);
                }
            }
        }
        Map<Metric, Intervals> result = new LinkedHashMap<>();
        for (int m = 0; m < METRICS.length; m++) {
            Metric metric = METRICS[m];
            double[] value = {metric(metric, point[0]), metric(metric, point[1])};
            double delta = value[1] - value[0];
            Interval[][] intervals = new Interval[METHODS.length][3];
            double[] p = new double[METHODS.length];
            Arrays.fill(p, Double.NaN);
            // engine: Δ from the stratified jackknife, each model BCa (macro_f1) or MOVER-Wilson (balanced_accuracy)
            double[][] leaveOneOut = leaveOneOut(metric, slice.cells);
            int[] occupied = IntStream.range(0, cells.length).filter(i -> slice.cells[i] > 0).toArray();
            double[] deltas = Arrays.stream(occupied).mapToDouble(i -> leaveOneOut[1][i] - leaveOneOut[0][i]).toArray();
            long[] weights = Arrays.stream(occupied).mapToLong(i -> slice.cells[i]).toArray();
            int[] strata = Arrays.stream(occupied).map(i -> i / (K * K)).toArray();
            JackknifeVariance jackknife = JackknifeVariance.stratified(deltas, weights, strata, K);
            if (jackknife.variance() > 0) {
                WaldDifference wald = new WaldDifference(delta, Math.sqrt(jackknife.variance()),
                        Math.max(1, Math.min(n - 1, jackknife.degreesOfFreedom())), -1, 1);
                intervals[0][2] = wald.interval(LEVEL);
                p[0] = wald.pValue();
            }
            for (int model = 0; model < 2; model++) {
                double[] modelLeaveOneOut = leaveOneOut[model];
                intervals[0][model] = metric == Metric.BALANCED_ACCURACY ? recallMean(point[model])
                        : new ResampledDistribution(reps[0][m][model]).bcaInterval(LEVEL, value[model],
                                ResampledDistribution.accelerationFromJackknife(
                                        Arrays.stream(occupied).mapToDouble(i -> modelLeaveOneOut[i]).toArray(),
                                        weights));
            }
            // strat and dirichlet: percentile / equal-tailed of each model and of Δ
            for (int scheme = 1; scheme <= 2; scheme++) {
                int method = scheme == 1 ? 1 : 3;
                double[] deltaReps = new double[replicates];
                for (int b = 0; b < replicates; b++) {
                    deltaReps[b] = reps[scheme][m][1][b] - reps[scheme][m][0][b];
                }
                for (int model = 0; model < 2; model++) {
                    intervals[method][model] = new ResampledDistribution(reps[scheme][m][model])
                            .percentileInterval(LEVEL);
                }
                intervals[method][2] = new ResampledDistribution(deltaReps).percentileInterval(LEVEL);
                p[method] = percentileP(deltaReps);
                if (scheme == 1) {
                    double se = standardDeviation(deltaReps);
                    if (se > 0) {
                        WaldDifference wald = WaldDifference.bootstrap(delta, se, n, -1, 1);
                        intervals[2][2] = wald.interval(LEVEL);
                        p[2] = wald.pValue();
                    }
                }
            }
            if (metric == Metric.BALANCED_ACCURACY) {
                intervals[4][2] = moverTango(slice, LEVEL);
                p[4] = moverTangoP(slice);
            }
            result.put(metric, new Intervals(intervals, p));
        }
        return result;
    }

    /** Each class's paired outcome shares from Dirichlet(counts + 1/K²), times the class's count. */
    private static void dirichletDraw(Slice slice, double[] drawn, SplittableRandom random) {
        double prior = 1.0 / (K * K);
        for (int c = 0; c < K; c++) {
            double total = 0;
            for (int i = c * K * K; i < (c + 1) * K * K; i++) {
                drawn[i] = gamma(slice.cells[i] + prior, random);
                total += drawn[i];
            }
            for (int i = c * K * K; i < (c + 1) * K * K; i++) {
                drawn[i] *= slice.support[c] / total;
            }
        }
    }

    /** Marsaglia &amp; Tsang's gamma variate, with Stuart's boost U^(1/a) for shapes below 1. */
    private static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Each model's metric without one row of each occupied cell: [model][cell], NaN for empty cells. */
    private static double[][] leaveOneOut(Metric metric, long[] cells) {
        double[][] values = new double[2][cells.length];
        double[] weights = Arrays.stream(cells).asDoubleStream().toArray();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == 0) {
                values[0][i] = values[1][i] = Double.NaN;
                continue;
            }
            weights[i]--;
            double[][] matrix = matrices(weights);
            weights[i]++;
            values[0][i] = metric(metric, matrix[0]);
            values[1][i] = metric(metric, matrix[1]);
        }
        return values;
    }

    private static Interval recallMean(double[] matrix) {
        long[] correct = new long[K];
        long[] labelled = new long[K];
        for (int c = 0; c < K; c++) {
            correct[c] = Math.round(matrix[c * K + c]);
            for (int j = 0; j < K; j++) {
                labelled[c] += Math.round(matrix[c * K + j]);
            }
        }
        return Proportions.meanOfRates(correct, labelled, LEVEL);
    }

    /** Each class's paired recall difference (only the candidate right, only production right, the class's rows). */
    private static PairedProportionDifference[] pairedRecalls(Slice slice) {
        PairedProportionDifference[] recalls = new PairedProportionDifference[K];
        for (int c = 0; c < K; c++) {
            long onlyCandidate = 0;
            long onlyProduction = 0;
            for (int p = 0; p < K; p++) {
                for (int q = 0; q < K; q++) {
                    long count = slice.cells[(c * K + p) * K + q];
                    onlyCandidate += q == c && p != c ? count : 0;
                    onlyProduction += p == c && q != c ? count : 0;
                }
            }
            recalls[c] = new PairedProportionDifference(onlyCandidate, onlyProduction, slice.support[c]);
        }
        return recalls;
    }

    private static Interval moverTango(Slice slice, double level) {
        double below = 0;
        double above = 0;
        double delta = 0;
        for (PairedProportionDifference recall : pairedRecalls(slice)) {
            Interval interval = recall.interval(level);
            double d = recall.estimate();
            delta += d;
            below += (d - interval.lower()) * (d - interval.lower());
            above += (interval.upper() - d) * (interval.upper() - d);
        }
        return new Interval((delta - Math.sqrt(below)) / K, (delta + Math.sqrt(above)) / K);
    }

    /** The largest α at which MOVER-Tango's 1 − α interval holds 0, by bisection on a log scale. */
    private static double moverTangoP(Slice slice) {
        double holds = 1e-6;
        double excludes = 1 - 1e-6;
        if (!contains(moverTango(slice, 1 - holds), 0)) {
            return holds;
        }
        if (contains(moverTango(slice, 1 - excludes), 0)) {
            return 1;
        }
        for (int i = 0; i < 30; i++) {
            double mid = Math.sqrt(holds * excludes);
            if (contains(moverTango(slice, 1 - mid), 0)) {
                holds = mid;
            } else {
                excludes = mid;
            }
        }
        return holds;
    }

    private static boolean contains(Interval interval, double value) {
        return interval.lower() <= value && value <= interval.upper();
    }

    /** Twice the smaller share of replicates on either side of 0: the α at which the percentile interval reaches 0. */
    private static double percentileP(double[] replicates) {
        long atOrBelow = Arrays.stream(replicates).filter(d -> d <= 0).count();
        long atOrAbove = Arrays.stream(replicates).filter(d -> d >= 0).count();
        return Math.min(1, 2.0 * Math.min(atOrBelow, atOrAbove) / replicates.length);
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    // ---- the run ----

    /** Covered out of shown, per method and quantity, against the conditional and the population truth. */
    static final class Tally {
        final int[][][] covered = new int[2][METHODS.length][3];
        final int[][] shown = new int[METHODS.length][3];
        int samples;
        /** Slices whose Δ p-value is below Holm's first step, α / 12, per method. */
        final int[] belowFirstStep = new int[METHODS.length];

        synchronized void add(Intervals intervals, double[][] truths) {
            samples++;
            for (int method = 0; method < METHODS.length; method++) {
                for (int q = 0; q < 3; q++) {
                    Interval interval = intervals.intervals[method][q];
                    if (interval == null) {
                        continue;
                    }
                    shown[method][q]++;
                    if (q == 2 && intervals.pValues[method] < ALPHA / FAMILY) {
                        belowFirstStep[method]++;
                    }
                    for (int t = 0; t < 2; t++) {
                        double truth = q == 2 ? truths[t][1] - truths[t][0] : truths[t][q];
                        covered[t][method][q] += contains(interval, truth) ? 1 : 0;
                    }
                }
            }
        }

        /**
         * The share of null families of 12 independent slices like this one in which Holm calls any slice better or
         * worse: Holm rejects anything only if its first step does, so it is 1 − (1 − q)^12 with q the share of slices
         * below α / 12; ± its delta-method Monte-Carlo error.
         */
        String familyErrorRate(int method) {
            if (belowFirstStep[method] == 0) {
                // the rule of three: q below 3 / N at 95 %
                return String.format(Locale.ROOT, "0 %% (under %.1f %%)",
                        100 * (1 - Math.pow(1 - 3.0 / shown[method][2], FAMILY)));
            }
            double q = (double) belowFirstStep[method] / shown[method][2];
            double rate = 1 - Math.pow(1 - q, FAMILY);
            double error = FAMILY * Math.pow(1 - q, FAMILY - 1) * Math.sqrt(q * (1 - q) / shown[method][2]);
            return String.format(Locale.ROOT, "%.1f ± %.1f %%", 100 * rate, 100 * error);
        }
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int samples = 1_000;
        int replicates = 1_000;
        long seed = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        int[] sizes = {50, 100, 300};
        int[] rareCounts = {1, 2, 3, 4};
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(value);
                case "--replicates" -> replicates = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rare" -> rareCounts = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        checkAgainstEngine(seed);
        System.out.printf(Locale.ROOT, "seed %d, %d slices per cell, %d replicates, %.0f %%; coverage against the"
                + " conditional truth / the population's; Holm: false better/worse over %d null slices%n%n", seed,
                samples, replicates, 100 * LEVEL, FAMILY);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (Effect effect : Effect.values()) {
                for (int n : sizes) {
                    for (int rare : rareCounts) {
                        Tally[] tallies = run(pool, effect, n, rare, samples, replicates, seed);
                        print(effect, n, rare, tallies);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Tally[] run(ForkJoinPool pool, Effect effect, int n, int rare, int samples, int replicates,
                               long seed) throws InterruptedException, ExecutionException {
        Tally[] tallies = {new Tally(), new Tally()};
        double[] priors = PRIORS.clone();
        double[][] population = {truth(Metric.MACRO_F1, effect, priors), truth(Metric.BALANCED_ACCURACY, effect, priors)};
        pool.submit(() -> IntStream.range(0, samples).parallel().forEach(s -> {
            SplittableRandom random = new SplittableRandom(
                    ((((seed * 31 + effect.ordinal()) * 100_003L + n) * 31 + rare) * 1_000_003L) + s);
            Slice slice = draw(effect, n, rare, random);
            while (Arrays.stream(slice.support, 0, RARE).anyMatch(count -> count < COMMON_CLASS_MINIMUM)) {
                slice = draw(effect, n, rare, random);
            }
            double[] classCounts = Arrays.stream(slice.support).asDoubleStream().toArray();
            Map<Metric, Intervals> intervals = intervals(slice, replicates, random);
            for (int m = 0; m < METRICS.length; m++) {
                double[][] truths = {truth(METRICS[m], effect, classCounts), population[m]};
                tallies[m].add(intervals.get(METRICS[m]), truths);
            }
        })).get();
        return tallies;
    }

    private static void print(Effect effect, int n, int rare, Tally[] tallies) {
        for (int m = 0; m < METRICS.length; m++) {
            Tally tally = tallies[m];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s | %s | n=%d | rare=%d | slices %d",
                    METRICS[m].wireName(), effect.name().toLowerCase(Locale.ROOT), n, rare, tally.samples));
            for (int method = 0; method < METHODS.length; method++) {
                if (tally.shown[method][2] == 0 && tally.shown[method][0] == 0) {
                    continue;
                }
                line.append(" | ").append(METHODS[method]).append(": Δ ")
                        .append(share(tally.covered[0][method][2], tally.shown[method][2])).append(" / ")
                        .append(share(tally.covered[1][method][2], tally.shown[method][2]));
                if (tally.shown[method][0] > 0) {
                    line.append(", models ").append(share(tally.covered[0][method][0], tally.shown[method][0]))
                            .append(" ").append(share(tally.covered[0][method][1], tally.shown[method][1]));
                }
                if (effect == Effect.NULL && tally.shown[method][2] > 0) {
                    line.append(", Holm ").append(tally.familyErrorRate(method));
                }
            }
            System.out.println(line);
        }
    }

    /** "95.1 ± 0.7 % (shown)" */
    private static String share(int count, int of) {
        if (of == 0) {
            return "–";
        }
        double p = (double) count / of;
        return String.format(Locale.ROOT, "%.1f ± %.1f %%%s", 100 * p, 100 * Math.sqrt(p * (1 - p) / of),
                of < 990 ? " (" + of + ")" : "");
    }

    /**
     * The harness's {@code engine} intervals are the engine's where it shows them: a slice with 5 rare examples,
     * whose Δ (the stratified jackknife) and balanced_accuracy's MOVER-Wilson intervals have no randomness.
     */
    private static void checkAgainstEngine(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Slice slice = draw(Effect.TRADE, 100, 5, random);
        Map<Metric, Intervals> ours = intervals(slice, 200, random);
        JsonNode json = engineJson(slice);
        for (JsonNode result : json.get("results")) {
            if (!result.get("dimensions").isEmpty()) {
                continue;
            }
            Metric metric = Arrays.stream(METRICS).filter(x -> x.wireName().equals(result.get("metric").asText()))
                    .findFirst().orElse(null);
            if (metric == null) {
                continue;
            }
            Interval[] engine = ours.get(metric).intervals[0];
            List<double[]> pairs = new ArrayList<>();
            pairs.add(new double[] {result.get("ci").get(0).asDouble(), engine[2].lower()});
            pairs.add(new double[] {result.get("ci").get(1).asDouble(), engine[2].upper()});
            if (metric == Metric.BALANCED_ACCURACY) {
                pairs.add(new double[] {result.get("candidateCi").get(0).asDouble(), engine[1].lower()});
                pairs.add(new double[] {result.get("candidateCi").get(1).asDouble(), engine[1].upper()});
            }
            for (double[] pair : pairs) {
                if (Math.abs(pair[0] - pair[1]) > 1e-9) {
                    throw new IllegalStateException(metric.wireName() + ": the engine shows " + result
                            + " where the harness computes " + Arrays.toString(engine));
                }
            }
        }
    }

    private static JsonNode engineJson(Slice slice) {
        int n = slice.rowCells.length;
        ExampleIds.Builder ids = new ExampleIds.Builder(n);
        int[] labels = new int[n];
        int[][] predicted = new int[2][n];
        for (int i = 0; i < n; i++) {
            ids.add("ex-" + i);
            int cell = slice.rowCells[i];
            labels[i] = cell / (K * K);
            predicted[0][i] = cell / K % K;
            predicted[1][i] = cell % K;
        }
        Map<String, ModelPredictions> predictions = new LinkedHashMap<>();
        for (int m = 0; m < 2; m++) {
            String version = Superpopulation.version(m);
            predictions.put(version, new ModelPredictions(version, predicted[m], null, null));
        }
        EvaluationTable table = new EvaluationTable("primary.csv", Task.MULTICLASS, n, ids.build(),
                Superpopulation.CLASSES, labels, null, Map.<String, CategoricalColumn>of(), List.of(), predictions);
        ComparisonOptions defaults = ComparisonOptions.DEFAULTS;
        ComparisonOptions options = new ComparisonOptions(defaults.confidenceLevel(), defaults.minSliceSize(),
                defaults.minDetectableEffect(), defaults.bootstrapReplicates(), 1, CorrectionMethod.HOLM, List.of());
        try {
            return new ObjectMapper().readTree(new ComparisonJson().write(new ComparisonEngine().compare("rare",
                    table, Superpopulation.version(0), Superpopulation.version(1), Metric.MACRO_F1, options,
                    Progress.NONE), r -> true, List.of()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the engine's JSON does not parse", e);
        }
    }
}
