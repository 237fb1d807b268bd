package org.verdict.core.compare;

import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.pack.Task;
import java.util.stream.IntStream;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.HashedBlocks;
import org.verdict.core.stats.ScoreOrder;

/**
 * Production and candidate predictions on one table, with each model's rows sorted by score once
 * (binary tasks with scores), so every slice gets its rows in score order by a linear pass.
 */
final class PairedModels {
    final EvaluationTable table;
    final String productionVersion;
    final String candidateVersion;
    final ModelPredictions production;
    final ModelPredictions candidate;
    /** Table rows in ascending production / candidate score; null when that model has no scores. */
    final int[] productionAscending;
    final int[] candidateAscending;
    /** Where the score changes along each ascending order ({@link ScoreOrder#newScores}); null with it. */
    final long[] productionNewScores;
    final long[] candidateNewScores;

    /** 0, 1, ..., n−1: the table's rows in table order. */
    final int[] tableOrder;
    /** Per row: clipped log loss of production / candidate, and each score's calibration bin; null without scores. */
    final double[] productionLogLoss;
    final double[] candidateLogLoss;
    final byte[] productionCalibrationBin;
    final byte[] candidateCalibrationBin;
    /** Where the blocks of the block bootstrap of means are hashed, and with what; null when none will be asked for. */
    private final HashedBlocks hashedBlocks;
    private final long blockSeed;
    private final int blocks;

    /**
     * @param means whether a mean of the scores (log_loss, brier, sq_calibration_error) will be asked for: the per-row
     *              losses, calibration bins and hashed blocks are made only then (hashing a million ids is not free)
     * @param scoreOrders where each model's score order is sorted, or found started when the rows were read
     * @param hashedBlocks where the table's blocks are hashed, or found hashed by an earlier comparison
     * @param blockSeed the seed of the bootstrap blocks' hash
     * @param blocks the number of hashed blocks
     */
    PairedModels(EvaluationTable table, String productionVersion, String candidateVersion, boolean means,
                 ScoreOrders scoreOrders, HashedBlocks hashedBlocks, long blockSeed, int blocks) {
        this.table = table;
        this.productionVersion = productionVersion;
        this.candidateVersion = candidateVersion;
        this.tableOrder = IntStream.range(0, table.rowCount()).toArray();
        this.production = table.predictionsOf(productionVersion);
        this.candidate = table.predictionsOf(candidateVersion);
        int[][] ascending = scoreOrders.ascending(table, production,
                productionVersion.equals(candidateVersion) ? production : candidate);
        this.productionAscending = ascending[0];
        this.candidateAscending = ascending[1];
        this.productionNewScores = productionAscending == null ? null
                : ScoreOrder.newScores(productionAscending, production.scores());
        this.candidateNewScores = candidateAscending == null ? null
                : candidateAscending == productionAscending ? productionNewScores
                : ScoreOrder.newScores(candidateAscending, candidate.scores());
        boolean calibration = means && productionAscending != null && candidateAscending != null;
        int rows = table.rowCount();
        this.productionLogLoss = calibration ? new double[rows] : null;
        this.candidateLogLoss = calibration ? new double[rows] : null;
        this.productionCalibrationBin = calibration ? new byte[rows] : null;
        this.candidateCalibrationBin = calibration ? new byte[rows] : null;
        if (calibration) {
            fillLossesAndBins();
        }
        // the blocks are taken by the first slice that resamples means, not here: the slices' count metrics, and
        // cutting them, need no blocks, so they begin while the ids are still being hashed on the other core
        this.hashedBlocks = calibration || table.task() == Task.REGRESSION ? hashedBlocks : null;
        this.blockSeed = blockSeed;
        this.blocks = blocks;
    }

    /**
     * Per row: its block of the block bootstrap of means ({@link HashedBlocks}, the summary SQL's assignment), hashed
     * now (by this thread too) if not yet done. Shared with every other comparison of the same table and seed: read
     * only.
     *
     * @throws IllegalStateException when no mean is compared (classification without both models' scores, or none
     *                               asked for)
     */
    int[] bootstrapBlocks() {
        if (hashedBlocks == null) {
            throw new IllegalStateException("this comparison resamples no means, so it hashed no blocks");
        }
        return hashedBlocks.blocksOf(table.exampleIds(), blockSeed, blocks);
    }

    boolean bothHaveScores() {
        return production.hasScores() && candidate.hasScores();
    }

    /** e.g. "score_43 is missing for version 43", naming every model without scores. */
    String missingScoresReason() {
        StringBuilder reason = new StringBuilder();
        for (ModelPredictions model : new ModelPredictions[] {production, candidate}) {
            if (!model.hasScores() && reason.indexOf("score_" + model.version() + " ") < 0) {
                reason.append(reason.length() == 0 ? "" : "; ").append("score_").append(model.version())
                        .append(" is missing for version ").append(model.version());
            }
        }
        return reason + ", so score-based metrics are unavailable";
    }

    /** Both models' log loss and calibration bin of every row, in one pass. */
    private void fillLossesAndBins() {
        int[] labels = table.labelCodes();
        double[] prodScores = production.scores();
        double[] candScores = candidate.scores();
        // in parallel by runs of rows, each a plain loop (as HashedBlocks does, for the same reason)
        int run = 1 << 15;
        IntStream.range(0, (labels.length + run - 1) / run).parallel().forEach(r -> {
            for (int row = r * run; row < Math.min(labels.length, (r + 1) * run); row++) {
                productionLogLoss[row] = Calibration.logLoss(prodScores[row], labels[row]);
                candidateLogLoss[row] = Calibration.logLoss(candScores[row], labels[row]);
                productionCalibrationBin[row] = (byte) Calibration.bin(prodScores[row]);
                candidateCalibrationBin[row] = (byte) Calibration.bin(candScores[row]);
            }
        });
    }
}
