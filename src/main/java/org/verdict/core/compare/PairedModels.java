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
    /** Where the score changes along each ascending order ({@link ScoreOrder.Sorted#newScores}); null with it. */
    final long[] productionNewScores;
    final long[] candidateNewScores;

    /** 0, 1, ..., n−1: the table's rows in table order. */
    final int[] tableOrder;
    /**
     * Per row of a binary table, its paired cell (label · 4 + production's prediction · 2 + candidate's) in the low
     * {@link #CELL_BITS} bits and, when both models have scores, production's and candidate's calibration bins in the
     * {@link #BIN_BITS} bits above each: what a slice's counts and calibration sums read of a row, in one array that
     * stays in the cache (2 bytes a row) where three int columns and two byte columns did not. Null for other tasks.
     */
    final short[] rowCodes;
    /**
     * Per row: clipped log loss of production at {@code 2·row}, of candidate at {@code 2·row + 1}, side by side so a
     * slice's pass reads one cache line for both; null without both models' scores or without means.
     */
    final double[] logLosses;
    static final int CELL_BITS = 3;
    static final int BIN_BITS = 4;
    private static final int CELLS = (1 << CELL_BITS) - 1;
    private static final int BIN = (1 << BIN_BITS) - 1;
    /** The label's bit of a binary row's cell (label · 4 + …). */
    private static final int LABEL_BIT = 4;
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
        boolean calibration = means && table.task() == Task.BINARY && bothHaveScores();
        int rows = table.rowCount();
        this.rowCodes = table.task() == Task.BINARY ? new short[rows] : null;
        this.logLosses = calibration ? new double[2 * rows] : null;
        // before the score orders, which need not be done for it: the command line's are being sorted on a thread of
        // their own meanwhile
        if (rowCodes != null) {
            fillRowCodes(calibration);
        }
        ScoreOrder.Sorted[] sorted = scoreOrders.sorted(table, production,
                productionVersion.equals(candidateVersion) ? production : candidate);
        this.productionAscending = sorted[0] == null ? null : sorted[0].ascending();
        this.candidateAscending = sorted[1] == null ? null : sorted[1].ascending();
        this.productionNewScores = sorted[0] == null ? null : sorted[0].newScores();
        this.candidateNewScores = sorted[1] == null ? null : sorted[1].newScores();
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

    /** The paired cell of a binary row code ({@link #rowCodes}). */
    static int cell(short code) {
        return code & CELLS;
    }

    /** Whether a binary row code's label is the positive class. */
    static boolean positive(short code) {
        return (code & LABEL_BIT) != 0;
    }

    /** Production's calibration bin in a row code with scores. */
    static int productionBin(short code) {
        return code >>> CELL_BITS & BIN;
    }

    /** Candidate's calibration bin in a row code with scores. */
    static int candidateBin(short code) {
        return code >>> (CELL_BITS + BIN_BITS) & BIN;
    }

    /** Every row's code and, with {@code calibration}, both models' log losses, in one pass. */
    private void fillRowCodes(boolean calibration) {
        int[] labels = table.labelCodes();
        int[] prodPredicted = production.classCodes();
        int[] candPredicted = candidate.classCodes();
        double[] prodScores = production.scores();
        double[] candScores = candidate.scores();
        // in parallel by runs of rows, each a plain loop (as HashedBlocks does, for the same reason)
        int run = 1 << 15;
        IntStream.range(0, (labels.length + run - 1) / run).parallel().forEach(r -> {
            for (int row = r * run; row < Math.min(labels.length, (r + 1) * run); row++) {
                int label = labels[row];
                int code = (label * 2 + prodPredicted[row]) * 2 + candPredicted[row];
                if (calibration) {
                    double prodScore = prodScores[row];
                    double candScore = candScores[row];
                    code |= Calibration.bin(prodScore) << CELL_BITS
                            | Calibration.bin(candScore) << (CELL_BITS + BIN_BITS);
                    logLosses[2 * row] = Calibration.logLoss(prodScore, label);
                    logLosses[2 * row + 1] = Calibration.logLoss(candScore, label);
                }
                rowCodes[row] = (short) code;
            }
        });
    }
}
