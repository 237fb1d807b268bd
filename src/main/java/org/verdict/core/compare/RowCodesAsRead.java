package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ModelPredictions;

/**
 * A binary table's row codes and log losses ({@link PairedModels#rowCodes}, {@link PairedModels#logLosses}, with both
 * models' calibration bins) made on the common pool while the file is read, for its production model and its one
 * candidate: the reader tells of its rows every 65,536 ({@link org.verdict.core.pack.RowsListener.TableRows#binaryRowsRead}),
 * and each such part is filled on the core the parse leaves idle, so after the last row only the rows since the last
 * part are left, where otherwise the whole pass ran between the last row and the slices (about 0.3 s at ten million
 * rows, on both cores while the second sorted the scores). A pack with more than one candidate is left to the
 * comparison, which fills its pair's codes itself, as is a table that is refused or never made.
 */
final class RowCodesAsRead {
    private String productionVersion;
    private String candidateVersion;
    /** Per row as {@link PairedModels#rowCodes} and {@link PairedModels#logLosses}; at least as long as the rows. */
    private short[] codes;
    private double[] losses;
    /** Rows whose part has been handed to the pool. */
    private int handedOut;
    private final List<ForkJoinTask<?>> parts = new ArrayList<>();
    /** The table made of the columns read, once it is; the codes are its until taken. */
    private EvaluationTable table;

    /** The rows read so far, as {@link org.verdict.core.pack.RowsListener.TableRows#binaryRowsRead} tells them. */
    synchronized void rowsRead(int rows, int[] labels, Map<String, int[]> predictedByVersion,
                               Map<String, double[]> scoresByVersion) {
        if (predictedByVersion.size() != 2) {
            return;
        }
        Iterator<String> versions = predictedByVersion.keySet().iterator();
        productionVersion = versions.next();
        candidateVersion = versions.next();
        ensureRoomFor(Math.max(rows, labels.length));
        handOut(rows, labels, predictedByVersion.get(productionVersion), predictedByVersion.get(candidateVersion),
                scoresByVersion.get(productionVersion), scoresByVersion.get(candidateVersion));
    }

    /** The table made of the columns read: the rows since the last part are filled from its columns. */
    synchronized void tableMade(EvaluationTable table) {
        if (codes == null || table.predictions().size() != 2) {
            return;
        }
        ModelPredictions production = table.predictionsOf(productionVersion);
        ModelPredictions candidate = table.predictionsOf(candidateVersion);
        this.table = table;
        ensureRoomFor(table.rowCount());
        handOut(table.rowCount(), table.labelCodes(), production.classCodes(), candidate.classCodes(),
                production.scores(), candidate.scores());
    }

    /**
     * The codes and losses of this table's rows for this pair, made as the rows were read, waiting for the parts still
     * being filled; null when they were made for another table or pair, or not at all. Given out once.
     *
     * @return the codes and the losses, each at least as long as the table's rows
     */
    synchronized Filled taken(EvaluationTable table, String productionVersion, String candidateVersion) {
        if (table != this.table || !productionVersion.equals(this.productionVersion)
                || !candidateVersion.equals(this.candidateVersion)) {
            return null;
        }
        awaitParts();
        Filled filled = new Filled(codes, losses);
        this.table = null;
        codes = null;
        losses = null;
        return filled;
    }

    record Filled(short[] codes, double[] losses) {
    }

    /** Hands the rows from the last part's end to {@code rows} to the pool, from these columns. */
    private void handOut(int rows, int[] labels, int[] productionPredicted, int[] candidatePredicted,
                         double[] productionScores, double[] candidateScores) {
        int from = handedOut;
        if (rows <= from) {
            return;
        }
        short[] partCodes = codes;
        double[] partLosses = losses;
        parts.add(ForkJoinPool.commonPool().submit(() -> PairedModels.fillRowCodes(from, rows, labels,
                productionPredicted, candidatePredicted, productionScores, candidateScores, partCodes, partLosses)));
        handedOut = rows;
    }

    /** Room for {@code rows} rows, the parts being filled waited for before the arrays give way to longer ones. */
    private void ensureRoomFor(int rows) {
        if (codes != null && codes.length >= rows) {
            return;
        }
        awaitParts();
        codes = codes == null ? new short[rows] : Arrays.copyOf(codes, rows);
        losses = losses == null ? new double[2 * rows] : Arrays.copyOf(losses, 2 * rows);
    }

    private void awaitParts() {
        parts.forEach(ForkJoinTask::join);
        parts.clear();
    }
}
