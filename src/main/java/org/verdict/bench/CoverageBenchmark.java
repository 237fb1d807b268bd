package org.verdict.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonJson;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.CorrectionMethod;
import org.verdict.core.gates.evidence.Disparity;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Interval;
import org.verdict.core.task.Progress;

/**
 * Coverage of every interval Verdict shows, in a simulation with known truth (docs/statistics.md, "Coverage"):
 * {@code java -cp target/verdict.jar org.verdict.bench.CoverageBenchmark [--replicates N] [--seed S] [--threads T]
 * [--only parts] [--sizes n,…]}.
 *
 * <p>Each replicate draws a fresh evaluation set from a {@link Superpopulation} (binary; multiclass with a rare
 * class; regression in dollars; the binary rows as a two-class multiclass pack; null and non-null effects; 30 to 10,000
 * rows; on request a binary population with 2 % positives and regression with heavier gross errors), runs the real
 * comparison engine on it and reads its JSON — the output scripts read — and counts whether each interval (production,
 * candidate, Δ, every metric) covers the superpopulation's value ({@link PopulationTruth}, computed on millions of rows by independent
 * code). Fairness disparities are checked against their exact values ({@link FairnessPopulation}). The family-wise
 * error rate is the share of null replicates in which any of 20 slices is called better or worse. Each number comes
 * with its Monte-Carlo standard error √(p(1 − p)/R).
 */
public final class CoverageBenchmark {
    static final int[] SIZES = {30, 50, 200, 1_000, 10_000};
    static final int[] FAIRNESS_GROUP_SIZES = {50, 200, 1_000};
    static final int FAMILY_SLICES = 20;
    static final int[] FAMILY_SLICE_SIZES = {50, 200};
    /** 20 slices of 4 to 400 rows, 11 of them at or over the minimum of 30: the sizes of a real pack's slices. */
    static final int[] MIXED_SLICE_SIZES = {4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200, 250,
        300, 400};
    /** α/m of Holm's first step for the 20 slices at α = 0.05. */
    static final double FIRST_STEP_ALPHA = 0.05 / 20;
    static final String CONTAINS_ESTIMATE = " contains estimate";
    private static final Set<String> SIGNIFICANT = Set.of("better", "worse", "significantly different");

    private CoverageBenchmark() {
    }

    /** Covered / shown out of the replicates; coverage is over the replicates where the interval was shown. */
    static final class Count {
        int shown;
        int covered;
        int replicates;
        /** Shown intervals that are the percentile fallback of an unstable studentized interval. */
        int fallbacks;
        /** Shown intervals wholly below the truth (their upper end missed) and wholly above it (their lower end). */
        int below;
        int above;
        /** Sum of the shown intervals' widths. */
        double widths;

        double coverage() {
            return shown == 0 ? Double.NaN : (double) covered / shown;
        }

        double standardError() {
            double p = coverage();
            return Math.sqrt(p * (1 - p) / shown);
        }
    }

    /** One metric (or disparity) of one cell: production, candidate and Δ (worsening for fairness). */
    record Row(String cell, int n, String name, Count[] counts) {
        Count production() {
            return counts[0];
        }

        Count candidate() {
            return counts[1];
        }

        Count delta() {
            return counts[2];
        }
    }

    /**
     * One observation of one interval in one replicate; {@code side} is −1 where a shown interval lies wholly below the
     * truth, +1 wholly above it, 0 otherwise.
     */
    private record Observation(String name, int quantity, boolean shown, boolean covered, boolean fallback, int side,
                               double width) {
        Observation(String name, int quantity, boolean shown, boolean covered, boolean fallback, int side) {
            this(name, quantity, shown, covered, fallback, side, 0);
        }

        Observation(String name, int quantity, boolean shown, boolean covered) {
            this(name, quantity, shown, covered, false, 0);
        }

        /** A shown or withheld interval against its truth: whether it covers it, on which side it misses, its width. */
        static Observation of(String name, int quantity, Interval interval, double truth) {
            if (interval == null) {
                return new Observation(name, quantity, false, false);
            }
            int side = interval.upper() < truth ? -1 : interval.lower() > truth ? 1 : 0;
            return new Observation(name, quantity, true, side == 0, false, side,
                    interval.upper() - interval.lower());
        }
    }

    // ---- metric intervals of the comparison engine ----

    static List<Row> metricCoverage(Superpopulation population, Superpopulation.Effect effect, int n,
                                    PopulationTruth truth, int replicates, long seed, int threads) {
        String cell = population.label() + " " + effect.label + " n=" + n;
        Metric primary = population.task == Task.REGRESSION ? Metric.MAE : Metric.ACCURACY;
        List<List<Observation>> all = parallel(replicates, threads, r -> {
            SplittableRandom random = new SplittableRandom(mix(seed, cell, r));
            EvaluationTable table = population.draw(effect, new int[] {n}, random);
            JsonNode json = compare(table, primary, random.nextLong(), CorrectionMethod.HOLM);
            List<Observation> observations = new ArrayList<>();
            for (JsonNode result : json.get("results")) {
                if (!result.get("dimensions").isEmpty()) {
                    continue;
                }
                String metric = result.get("metric").asText();
                double[] truths = truth.values().get(metric);
                if (truths == null) {
                    throw new IllegalStateException("no superpopulation value for metric " + metric);
                }
                String[] fields = {"productionCi", "candidateCi", "ci"};
                for (int q = 0; q < 3; q++) {
                    JsonNode interval = result.get(fields[q]);
                    boolean shown = interval != null && interval.isArray();
                    int side = !shown ? 0 : interval.get(1).asDouble() < truths[q] ? -1
                            : interval.get(0).asDouble() > truths[q] ? 1 : 0;
                    observations.add(new Observation(metric, q, shown, shown && side == 0,
                            q < 2 && result.has(fields[q] + "Fallback"), side,
                            shown ? interval.get(1).asDouble() - interval.get(0).asDouble() : 0));
                }
            }
            return observations;
        });
        return tally(cell, n, replicates, all);
    }

    private static JsonNode compare(EvaluationTable table, Metric primary, long engineSeed,
                                    CorrectionMethod correction) {
        ComparisonOptions defaults = ComparisonOptions.DEFAULTS;
        ComparisonOptions options = new ComparisonOptions(defaults.confidenceLevel(), defaults.minSliceSize(),
                defaults.minDetectableEffect(), defaults.bootstrapReplicates(), engineSeed, correction, List.of());
        ComparisonReport report = new ComparisonEngine().compare("coverage", table, Superpopulation.version(0),
                Superpopulation.version(1), primary, options, Progress.NONE);
        try {
            return new ObjectMapper().readTree(new ComparisonJson().write(report, r -> true, List.of()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the engine's JSON does not parse", e);
        }
    }

    // ---- fairness disparities ----

    /** Coverage of each disparity's intervals, and rows "… contains estimate": how often each interval holds its estimate. */
    static List<Row> fairnessCoverage(FairnessPopulation population, int perGroup, int replicates, long seed,
                                      int threads) {
        String cell = "fairness " + population.label + " " + perGroup + "/group";
        Map<String, double[]> truth = population.truth();
        List<List<Observation>> all = parallel(replicates, threads, r -> {
            SplittableRandom random = new SplittableRandom(mix(seed, cell, r));
            EvaluationTable table = population.draw(perGroup, random);
            FairnessEvidence evidence = FairnessEvidence.of(table, Superpopulation.version(0),
                    Superpopulation.version(1), 1, "benchmark", 1, 0.95,
                    ComparisonOptions.DEFAULTS.minDetectableEffect(), 1000, random.nextLong());
            List<Observation> observations = new ArrayList<>();
            for (Disparity d : Disparity.values()) {
                FairnessEvidence.DisparityEstimate estimate = evidence.attributes().get(0).disparities().get(d);
                double[] truths = truth.get(d.wireName());
                Double[] values = {estimate.production(), estimate.candidate(), estimate.worsening()};
                Interval[] intervals = {estimate.productionCi(), estimate.candidateCi(), estimate.worseningCi()};
                for (int q = 0; q < 3; q++) {
                    boolean shown = intervals[q] != null;
                    observations.add(Observation.of(d.wireName(), q, intervals[q], truths[q]));
                    observations.add(new Observation(d.wireName() + CONTAINS_ESTIMATE, q, shown,
                            shown && intervals[q].contains(values[q])));
                }
            }
            // intervals that cannot both be true: equalized odds ≥ equal opportunity; ratio ≤ 1 − difference
            Map<Disparity, FairnessEvidence.DisparityEstimate> disparities = evidence.attributes().get(0).disparities();
            for (int q = 0; q < 2; q++) {
                Interval odds = modelCi(disparities.get(Disparity.EQUALIZED_ODDS_DIFFERENCE), q);
                Interval opportunity = modelCi(disparities.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE), q);
                Interval difference = modelCi(disparities.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE), q);
                Interval ratio = modelCi(disparities.get(Disparity.DEMOGRAPHIC_PARITY_RATIO), q);
                observations.add(new Observation(CONSISTENT_ODDS, q, true, odds.lower() >= opportunity.lower()
                        && odds.upper() >= opportunity.upper()));
                observations.add(new Observation(CONSISTENT_PARITY, q, true,
                        ratio.upper() <= 1 - difference.lower() + 1e-12
                                && difference.upper() <= 1 - ratio.lower() + 1e-12));
            }
            return observations;
        });
        return tally(cell, perGroup, replicates, all);
    }

    static final String CONSISTENT_ODDS = "equalized odds ≥ equal opportunity, both ends";
    static final String CONSISTENT_PARITY = "ratio ≤ 1 − difference, both ways";

    private static Interval modelCi(FairnessEvidence.DisparityEstimate estimate, int model) {
        return model == 0 ? estimate.productionCi() : estimate.candidateCi();
    }

    // ---- family-wise error under the null ----

    /**
     * Per metric: the share of null replicates in which any of {@code slices} slices (the overall slice aside) is
     * called better, worse or significantly different ({@code production} column of the row), and in which any
     * slice's shown interval of Δ excludes 0 ({@code candidate} column). The {@code delta} column counts single
     * slices, not replicates: the share of tested slices whose unadjusted p-value is below α/m, the level of Holm's
     * first step ({@value #FIRST_STEP_ALPHA} for m = 20, so 0.25 % is nominal). It is twenty times better measured than
     * the family-wise error and shows which tail of the test is off: with independent slices the family-wise error is
     * about 1 − (1 − r)^m for that rate r.
     */
    static List<Row> familywiseError(Superpopulation population, int slices, int perSlice, int replicates, long seed,
                                     int threads) {
        int[] sizes = new int[slices];
        Arrays.fill(sizes, perSlice);
        return familywiseError(population, population.label() + " null " + slices + "x" + perSlice, sizes,
                CorrectionMethod.HOLM, replicates, seed, threads);
    }

    /**
     * The family-wise error of a pack shaped like a real one: slices of {@link #MIXED_SLICE_SIZES} rows (those under
     * the minimum of 30 are not tested, as in a real pack), under Holm or Benjamini–Hochberg. Under the null every
     * hypothesis is true, so BH's false discovery rate equals this family-wise error (Benjamini &amp; Hochberg 1995).
     */
    static List<Row> mixedFamilywiseError(Superpopulation population, CorrectionMethod correction, int replicates,
                                          long seed, int threads) {
        return familywiseError(population, population.label() + " null mixed " + correction.wireName(),
                MIXED_SLICE_SIZES, correction, replicates, seed, threads);
    }

    private static List<Row> familywiseError(Superpopulation population, String cell, int[] sizes,
                                             CorrectionMethod correction, int replicates, long seed, int threads) {
        Metric primary = population.task == Task.REGRESSION ? Metric.MAE : Metric.ACCURACY;
        int perSlice = sizes[0];
        List<List<Observation>> all = parallel(replicates, threads, r -> {
            SplittableRandom random = new SplittableRandom(mix(seed, cell, r));
            EvaluationTable table = population.draw(Superpopulation.Effect.NULL, sizes, random);
            JsonNode json = compare(table, primary, random.nextLong(), correction);
            Map<String, boolean[]> rejected = new LinkedHashMap<>();
            List<Observation> observations = new ArrayList<>();
            for (JsonNode result : json.get("results")) {
                if (result.get("dimensions").isEmpty()) {
                    continue;
                }
                String metric = result.get("metric").asText();
                boolean[] flags = rejected.computeIfAbsent(metric, m -> new boolean[2]);
                flags[0] |= SIGNIFICANT.contains(result.get("verdict").asText());
                JsonNode ci = result.get("ci");
                flags[1] |= ci != null && ci.isArray() && (ci.get(0).asDouble() > 0 || ci.get(1).asDouble() < 0);
                JsonNode p = result.get("pValue");
                boolean tested = p != null && p.isNumber();
                observations.add(new Observation(metric, 2, tested, tested && p.asDouble() < FIRST_STEP_ALPHA));
            }
            rejected.forEach((metric, flags) -> {
                observations.add(new Observation(metric, 0, true, flags[0]));
                observations.add(new Observation(metric, 1, true, flags[1]));
            });
            return observations;
        });
        return tally(cell, perSlice, replicates, all);
    }

    // ---- plumbing ----

    private static List<List<Observation>> parallel(int replicates, int threads,
                                                    IntFunction<List<Observation>> replicate) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(0, replicates).parallel().mapToObj(replicate).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static List<Row> tally(String cell, int n, int replicates, List<List<Observation>> all) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (List<Observation> observations : all) {
            for (Observation o : observations) {
                Row row = rows.computeIfAbsent(o.name(),
                        name -> new Row(cell, n, name, new Count[] {new Count(), new Count(), new Count()}));
                Count count = row.counts()[o.quantity()];
                count.replicates++;
                count.shown += o.shown() ? 1 : 0;
                count.covered += o.covered() ? 1 : 0;
                count.fallbacks += o.fallback() ? 1 : 0;
                count.below += o.side() < 0 ? 1 : 0;
                count.above += o.side() > 0 ? 1 : 0;
                count.widths += o.width();
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static long mix(long seed, String cell, int replicate) {
        return seed * 0x9E3779B97F4A7C15L + cell.hashCode() * 31L + replicate;
    }

    // ---- command line ----

    public static void main(String[] args) {
        int replicates = 500;
        long seed = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        int truthRows = 2_000_000;
        Set<String> parts = Set.of("binary", "multiclass", "regression", "two-class", "fairness", "fwer");
        int[] sizes = SIZES;
        boolean sizesGiven = false;
        boolean modelSides = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--replicates" -> replicates = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--truth-rows" -> truthRows = Integer.parseInt(args[++i]);
                case "--only" -> parts = Set.of(args[++i].split(","));
                case "--model-sides" -> modelSides = true;
                case "--sizes" -> {
                    sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    sizesGiven = true;
                }
                default -> {
                    System.err.println("usage: CoverageBenchmark [--replicates N] [--seed S] [--threads T] "
                            + "[--truth-rows N] [--only binary,multiclass,regression,two-class,fairness,fwer,"
                            + "fwer-mixed,rare-binary,prevalence-1,prevalence-5,heavy-regression] "
                            + "[--sizes 30,50,200,1000,10000] [--model-sides]");
                    System.exit(2);
                }
            }
        }
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "Coverage of Verdict's 95%% intervals: %d replicates per cell, seed %d, "
                + "%d threads, truth from %,d rows per superpopulation%n", replicates, seed, threads, truthRows);
        System.out.println("Goal: 93-97 % at n >= 50, 90-98 % at n = 30; '<' / '>' mark a miss, '<<' / '>>' a miss by "
                + "more than 2 Monte-Carlo standard errors; (shown k) when the interval was shown in k replicates only; "
                + "(percentile k) when k of them were the percentile fallback of an unstable studentized interval.");
        System.out.printf(Locale.ROOT, "%n%-28s %-22s %-20s %-20s %-20s %s%n", "cell", "metric", "production",
                "candidate", "delta", "Δ's misses: wholly below / above the truth");
        // fwer-mixed names its populations for the family-wise error alone
        for (Superpopulation population : parts.contains("fwer-mixed") ? new Superpopulation[0]
                : Superpopulation.values()) {
            if (!parts.contains(population.label())) {
                continue;
            }
            for (Superpopulation.Effect effect : Superpopulation.Effect.values()) {
                PopulationTruth truth = PopulationTruth.of(population, effect, truthRows, seed ^ 0x5EEDL);
                for (int n : sizes) {
                    List<Row> rows = metricCoverage(population, effect, n, truth, replicates, seed, threads);
                    print(rows);
                    if (modelSides) {
                        printModelSides(rows);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%-28s %-40s %-20s %-20s %-20s %s%n", "fairness cell", "disparity",
                "production", "candidate", "worsening", "worsening: wholly below / above the truth, mean width");
        for (FairnessPopulation population : parts.contains("fairness") ? FairnessPopulation.values()
                : new FairnessPopulation[0]) {
            for (int perGroup : FAIRNESS_GROUP_SIZES) {
                for (Row row : fairnessCoverage(population, perGroup, replicates, seed, threads)) {
                    // "contains estimate" rows must be 100 %: the coverage goal does not apply to them
                    int goalN = row.name().endsWith(CONTAINS_ESTIMATE) || row.name().equals(CONSISTENT_ODDS)
                            || row.name().equals(CONSISTENT_PARITY) ? 0 : row.n();
                    Count worsening = row.delta();
                    System.out.printf(Locale.ROOT, "%-28s %-40s %-20s %-20s %-20s %s%n", row.cell(), row.name(),
                            format(row.production(), goalN), format(row.candidate(), goalN),
                            format(worsening, goalN), goalN == 0 || worsening.shown == 0 ? ""
                                    : String.format(Locale.ROOT, "below %d, above %d, width %.3f", worsening.below,
                                    worsening.above, worsening.widths / worsening.shown));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nFamily-wise error under the null, %d slices, Holm (goal <= 5 %%)%n",
                FAMILY_SLICES);
        System.out.printf(Locale.ROOT, "%-28s %-22s %-26s %-26s %-26s%n", "cell", "metric",
                "any slice better/worse", "any Δ interval excludes 0", "per slice p < 0.0025");
        // the family-wise error of the populations named beside fwer (--only binary,fwer), or of the default run's
        Set<String> named = parts;
        boolean anyNamed = Arrays.stream(Superpopulation.values()).anyMatch(p -> named.contains(p.label()));
        for (Superpopulation population : parts.contains("fwer") ? Superpopulation.values()
                : new Superpopulation[0]) {
            if (anyNamed ? !parts.contains(population.label()) : !Superpopulation.DEFAULT_RUN.contains(population)) {
                continue;
            }
            for (int perSlice : FAMILY_SLICE_SIZES) {
                int size = perSlice;
                if (sizesGiven && Arrays.stream(sizes).noneMatch(n -> n == size)) {
                    continue;
                }
                for (Row row : familywiseError(population, FAMILY_SLICES, perSlice, replicates, seed, threads)) {
                    System.out.printf(Locale.ROOT, "%-28s %-22s %-26s %-26s %-26s%n", row.cell(), row.name(),
                            rate(row.production(), 0.05), rate(row.candidate(), 0.05),
                            rate(row.delta(), FIRST_STEP_ALPHA));
                }
            }
        }
        printMixedFamilywiseError(parts, replicates, seed, threads);
        System.out.printf(Locale.ROOT, "%ndone in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code --only rare-binary,fwer-mixed}: the family-wise error of the populations named, in slices of
     * {@link #MIXED_SLICE_SIZES} rows, under Holm and Benjamini–Hochberg.
     */
    private static void printMixedFamilywiseError(Set<String> parts, int replicates, long seed, int threads) {
        if (!parts.contains("fwer-mixed")) {
            return;
        }
        System.out.printf(Locale.ROOT, "%nFamily-wise error under the null, slices of %s rows (goal <= 5 %%)%n",
                Arrays.toString(MIXED_SLICE_SIZES));
        System.out.printf(Locale.ROOT, "%-40s %-22s %-26s %-26s %-26s%n", "cell", "metric",
                "any slice better/worse", "any Δ interval excludes 0", "per slice p < 0.0025");
        for (Superpopulation population : Superpopulation.values()) {
            if (!parts.contains(population.label())) {
                continue;
            }
            for (CorrectionMethod correction : List.of(CorrectionMethod.HOLM, CorrectionMethod.BENJAMINI_HOCHBERG)) {
                for (Row row : mixedFamilywiseError(population, correction, replicates, seed, threads)) {
                    System.out.printf(Locale.ROOT, "%-40s %-22s %-26s %-26s %-26s%n", row.cell(), row.name(),
                            rate(row.production(), 0.05), rate(row.candidate(), 0.05),
                            rate(row.delta(), FIRST_STEP_ALPHA));
                }
                System.out.flush();
            }
        }
    }

    private static void print(List<Row> rows) {
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-28s %-22s %-20s %-20s %-20s %s%n", row.cell(), row.name(),
                    format(row.production(), row.n()), format(row.candidate(), row.n()), format(row.delta(), row.n()),
                    (row.delta().shown == 0 ? "" : "below " + row.delta().below + ", above " + row.delta().above
                            + ", ") + "mean width " + meanWidth(row.production()) + " / "
                            + meanWidth(row.candidate()) + " / " + meanWidth(row.delta()));
        }
        System.out.flush();
    }

    /**
     * With {@code --model-sides}: each model's interval of every score metric, its misses wholly below / above the
     * truth and its mean width over the shown intervals, to compare interval methods on the same draws.
     */
    private static void printModelSides(List<Row> rows) {
        for (Row row : rows) {
            if (!MODEL_SIDES_METRICS.contains(row.name())) {
                continue;
            }
            for (int q = 0; q < 2; q++) {
                Count count = row.counts()[q];
                System.out.printf(Locale.ROOT, "%-28s %-22s %-10s %-20s below %d, above %d, width %s%n", row.cell(),
                        row.name(), q == 0 ? "production" : "candidate", format(count, row.n()), count.below,
                        count.above, meanWidth(count));
            }
        }
        System.out.flush();
    }

    private static final Set<String> MODEL_SIDES_METRICS = Set.of("roc_auc", "pr_auc", "log_loss", "brier",
            "sq_calibration_error");

    /**
     * e.g. "94.8 ±1.0", with a miss marker against the goal for slices of {@code n} rows (none when n is 0) and
     * "(shown k)" when the interval was not always shown.
     */
    static String format(Count count, int n) {
        if (count.shown == 0) {
            return "not shown";
        }
        double coverage = count.coverage() * 100;
        double se = count.standardError() * 100;
        String shown = (count.shown < count.replicates ? " (shown " + count.shown + ")" : "")
                + (count.fallbacks > 0 ? " (percentile " + count.fallbacks + ")" : "");
        if (n == 0) {
            return String.format(Locale.ROOT, "%.1f ±%.1f%s", coverage, se, shown);
        }
        double low = n >= 50 ? 93 : 90;
        double high = n >= 50 ? 97 : 98;
        String mark = coverage < low ? (coverage + 2 * se < low ? "<<" : "<")
                : coverage > high ? (coverage - 2 * se > high ? ">>" : ">") : "";
        return String.format(Locale.ROOT, "%.1f ±%.1f%s%s", coverage, se, mark, shown);
    }

    private static String meanWidth(Count count) {
        return count.shown == 0 ? "-" : String.format(Locale.ROOT, "%.4f", count.widths / count.shown);
    }

    /** e.g. "4.6 % ±0.9", marked '>' above the goal and '>>' above it by more than two Monte-Carlo standard errors. */
    static String rate(Count count, double goal) {
        double rate = count.coverage();
        double se = count.standardError();
        String mark = rate - 2 * se > goal ? " >>" : rate > goal ? " >" : "";
        return goal < 0.01 ? String.format(Locale.ROOT, "%.3f %% ±%.3f%s", rate * 100, se * 100, mark)
                : String.format(Locale.ROOT, "%.1f %% ±%.1f%s", rate * 100, se * 100, mark);
    }
}
