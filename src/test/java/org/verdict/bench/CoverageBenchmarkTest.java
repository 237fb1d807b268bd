package org.verdict.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verdict.core.compare.CorrectionMethod;

/**
 * The fast, seeded subset of the coverage benchmark: 200 replicates of the hardest cells (the smallest slices, binary
 * rows also as a pack of two classes, the rare class, dollars, fairness at parity and near ties), through the real
 * engine and the JSON. Every interval shown must cover the superpopulation's value in at least 90 % of the replicates
 * (a true 95 % falls below 90 % with probability well under 0.1 % at 200 replicates), where it was shown in at least
 * {@link #MIN_SHOWN} of them.
 *
 * <p>{@link #KNOWN_MISSES} lists the intervals that did not reach 90 % when the list was written, each with its cause.
 * They are not asserted; the test prints those that now reach 90 % ("remove it from KNOWN_MISSES"), so the list can
 * be pruned when the small-sample intervals they wait for are merged, without blocking the build in between.
 */
class CoverageBenchmarkTest {
    private static final int REPLICATES = 200;
    private static final long SEED = 20261205L;
    private static final int TRUTH_ROWS = 400_000;

    /** cell | name | quantity (production, candidate, delta), with the cause. */
    private static final Set<String> KNOWN_MISSES = Set.of(
            // squared dollar errors have a kurtosis of about 12,000 in this superpopulation (prices log-normal, errors
            // proportional to the price, 3 % gross errors): a 50-row sample rarely holds the few errors that make up
            // most of the mean, so even the studentized log-scale interval of one model's rmse covers 85–92 % here
            // (the percentile interval it replaced: 73–80 %)
            "regression effect n=50 | rmse | production");

    /**
     * Coverage is asserted only where an interval was shown in at least this many replicates: below, the Monte-Carlo
     * error exceeds ±3 points (an interval withheld on purpose, e.g. a per-class average without its rare class, is
     * shown in a handful of replicates only).
     */
    private static final int MIN_SHOWN = 50;

    @Test
    void everyIntervalOfTheHardestCellsCoversAtLeastNinetyPercent() {
        int threads = Runtime.getRuntime().availableProcessors();
        List<CoverageBenchmark.Row> rows = new ArrayList<>();
        for (Superpopulation population : List.of(Superpopulation.BINARY, Superpopulation.TWO_CLASS)) {
            for (Superpopulation.Effect effect : Superpopulation.Effect.values()) {
                PopulationTruth truth = PopulationTruth.of(population, effect, TRUTH_ROWS, SEED);
                rows.addAll(CoverageBenchmark.metricCoverage(population, effect, 30, truth, REPLICATES, SEED,
                        threads));
            }
        }
        rows.addAll(CoverageBenchmark.metricCoverage(Superpopulation.MULTICLASS, Superpopulation.Effect.NON_NULL, 50,
                PopulationTruth.of(Superpopulation.MULTICLASS, Superpopulation.Effect.NON_NULL, TRUTH_ROWS, SEED),
                REPLICATES, SEED, threads));
        rows.addAll(CoverageBenchmark.metricCoverage(Superpopulation.REGRESSION, Superpopulation.Effect.NON_NULL, 50,
                PopulationTruth.of(Superpopulation.REGRESSION, Superpopulation.Effect.NON_NULL, TRUTH_ROWS, SEED),
                REPLICATES, SEED, threads));
        for (FairnessPopulation population : FairnessPopulation.values()) {
            rows.addAll(CoverageBenchmark.fairnessCoverage(population, 50, REPLICATES, SEED, threads));
        }
        String[] quantities = {"production", "candidate", "delta"};
        List<String> failures = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (CoverageBenchmark.Row row : rows) {
            for (int q = 0; q < 3; q++) {
                CoverageBenchmark.Count count = row.counts()[q];
                if (count.shown == 0) {
                    continue;
                }
                String key = row.cell() + " | " + row.name() + " | " + quantities[q];
                String line = key + ": " + CoverageBenchmark.format(count, row.n());
                table.append(line).append('\n');
                if (count.shown < MIN_SHOWN) {
                    continue;
                }
                boolean below = count.coverage() < 0.90;
                if (below && !KNOWN_MISSES.contains(key)) {
                    failures.add(line);
                } else if (!below && KNOWN_MISSES.contains(key)) {
                    fixed.add(line + " (reaches 90 %: remove it from KNOWN_MISSES)");
                }
            }
        }
        System.out.print(table);
        fixed.forEach(System.out::println);
        assertTrue(failures.isEmpty(), "intervals below 90 % coverage:\n" + String.join("\n", failures));
    }

    /**
     * Under the null, 20 slices with Holm: the verdicts and the shown intervals reject in the same replicates, and
     * neither the family-wise error nor the per-slice rate of p &lt; 0.05/20 is far above its goal. Cheap cells only
     * (multiclass per-class averages with the rare class, the hardest family measured, and regression in dollars at 50
     * rows), 60 replicates: a true 6.5 % family-wise error (above the goal) reaches 20 % in 60 replicates with
     * probability about 0.2 %, a true 0.25 % per-slice rate reaches 1 % in 1,200 slices with probability under
     * 0.01 %. This catches a family that is not adjusted (about 60 % here) or a test whose tail is badly off; the full
     * benchmark measures the rates.
     */
    @Test
    void holmOverTwentyNullSlicesKeepsTheFamilyWiseError() {
        int threads = Runtime.getRuntime().availableProcessors();
        List<CoverageBenchmark.Row> rows = new ArrayList<>();
        rows.addAll(CoverageBenchmark.familywiseError(Superpopulation.MULTICLASS, 20, 200, 60, SEED, threads));
        rows.addAll(CoverageBenchmark.familywiseError(Superpopulation.REGRESSION, 20, 50, 60, SEED, threads));
        List<String> failures = new ArrayList<>();
        for (CoverageBenchmark.Row row : rows) {
            String line = row.cell() + " | " + row.name() + ": family-wise error "
                    + CoverageBenchmark.rate(row.production(), 0.05) + ", per slice p < 0.0025 "
                    + CoverageBenchmark.rate(row.delta(), CoverageBenchmark.FIRST_STEP_ALPHA);
            System.out.println(line);
            if (row.production().covered != row.candidate().covered) {
                failures.add(line + ": verdicts and shown intervals disagree");
            }
            if (row.production().coverage() >= 0.20 || row.delta().coverage() >= 0.01) {
                failures.add(line);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * A pack shaped like a real one (20 slices of 4–400 rows, 2.3 % positives), under the null, with Holm and with
     * Benjamini–Hochberg: the verdicts and the shown intervals reject in the same replicates, and no metric's
     * family-wise error is far above 5 % — a true 5 % reaches 8 of 30 replicates with probability under 0.01 %.
     */
    @Test
    void rarePositiveFamiliesOfMixedSizesKeepTheFamilyWiseError() {
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> failures = new ArrayList<>();
        for (CorrectionMethod correction : List.of(CorrectionMethod.HOLM, CorrectionMethod.BENJAMINI_HOCHBERG)) {
            for (CoverageBenchmark.Row row : CoverageBenchmark.mixedFamilywiseError(Superpopulation.RARE_BINARY,
                    correction, 30, SEED, threads)) {
                String line = row.cell() + " | " + row.name() + ": family-wise error "
                        + CoverageBenchmark.rate(row.production(), 0.05);
                System.out.println(line);
                if (row.production().covered != row.candidate().covered) {
                    failures.add(line + ": verdicts and shown intervals disagree");
                }
                if (row.production().covered >= 8) {
                    failures.add(line);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
