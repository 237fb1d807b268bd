package org.verdict.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceKey;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.SummarySlice;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.HashedBlocks;
import org.verdict.core.task.Progress;


/**
 * Coverage of the hashed-block bootstrap by simulation with known truth: rows whose production errors are N(0, σ²) and
 * candidate errors N(0, (1.1σ)²), correlated 0.5, so Δmae = 0.1·σ·√(2/π) and Δrmse = 0.1·σ exactly. The rows are dealt
 * into 300 blocks (the default) or 100 (summarize --block-count 100) by the hash of (id, seed) the row engine and the summary SQL use,
 * and the 95 % interval of Δ must cover the truth about 95 % of the time either way.
 */
class HashedBlockCoverageTest {
    private static final int DATASETS = 400;
    private static final int ROWS = 3_000;
    private static final double SIGMA = 30;

    @ParameterizedTest
    @ValueSource(ints = {300, 100})
    void intervalsOfDeltaCoverTheTrueDifferenceAtTheirLevel(int blockCount) {
        double trueMae = 0.1 * SIGMA * Math.sqrt(2 / Math.PI);
        double trueRmse = 0.1 * SIGMA;
        ComparisonEngine engine = new ComparisonEngine();
        SplittableRandom world = new SplittableRandom(2026);
        int maeCovered = 0;
        int rmseCovered = 0;
        for (int d = 0; d < DATASETS; d++) {
            SummarySlice overall = new SummarySlice(SliceKey.OVERALL, ROWS, null,
                    blocks(world.split(), d, blockCount));
            ComparisonReport report = engine.compare("sim", Task.REGRESSION, List.of(), List.of(overall), "7", "8",
                    Metric.MAE, new ComparisonOptions(0.95, 30, 0.05, 1000, d, ComparisonOptions.DEFAULTS.correction(),
                            List.of()), Progress.NONE);
            SliceResult mae = report.resultsFor(Metric.MAE).get(0);
            SliceResult rmse = report.resultsFor(Metric.RMSE).get(0);
            assertEquals("paired-hashed-block-bootstrap", mae.test());
            maeCovered += mae.deltaCi().lower() <= trueMae && trueMae <= mae.deltaCi().upper() ? 1 : 0;
            rmseCovered += rmse.deltaCi().lower() <= trueRmse && trueRmse <= rmse.deltaCi().upper() ? 1 : 0;
        }
        // 400 datasets: a true 95 % coverage falls in [0.92, 0.975] with probability above 99 %
        double maeCoverage = maeCovered / (double) DATASETS;
        double rmseCoverage = rmseCovered / (double) DATASETS;
        assertTrue(maeCoverage >= 0.92 && maeCoverage <= 0.975, "mae coverage " + maeCoverage);
        assertTrue(rmseCoverage >= 0.92 && rmseCoverage <= 0.975, "rmse coverage " + rmseCoverage);
    }

    /** One dataset's non-empty blocks in the regression layout, each row's block a hash of its id and the seed. */
    private static double[][] blocks(SplittableRandom random, long seed, int blockCount) {
        double[][] sums = new double[blockCount][SummarySlice.REGRESSION_WIDTH];
        for (int id = 0; id < ROWS; id++) {
            double y = 100 + 50 * random.nextDouble();
            double shared = random.nextGaussian();
            double ep = SIGMA * (Math.sqrt(0.5) * shared + Math.sqrt(0.5) * random.nextGaussian());
            double ec = 1.1 * SIGMA * (Math.sqrt(0.5) * shared + Math.sqrt(0.5) * random.nextGaussian());
            double[] block = sums[HashedBlocks.blockOf("ex-" + id, seed, blockCount)];
            block[0] += Math.abs(ep);
            block[1] += Math.abs(ec);
            block[2] += ep * ep;
            block[3] += ec * ec;
            block[4] += Math.abs(ep) / y;
            block[5] += Math.abs(ec) / y;
            block[6] += 1;
            block[7] += y - 125;
            block[8] += (y - 125) * (y - 125);
            block[9] += 1;
        }
        return Arrays.stream(sums).filter(b -> b[9] > 0).toArray(double[][]::new);
    }
}
