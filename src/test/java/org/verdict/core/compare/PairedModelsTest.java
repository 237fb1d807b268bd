package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.HashedBlocks;

/**
 * The per-row values a binary comparison reads from {@link PairedModels} stand for each row's label, predictions,
 * calibration bins and log losses as the table and {@link Calibration} define them, over runs of rows long enough
 * that they are filled in parallel.
 */
class PairedModelsTest {
    private static final int ROWS = 70_000;

    @Test
    void aBinaryRowsCodeAndLossesAreItsLabelPredictionsBinsAndLosses() {
        int[] labels = new int[ROWS];
        double[] prodScores = new double[ROWS];
        double[] candScores = new double[ROWS];
        int[] prodPredicted = new int[ROWS];
        int[] candPredicted = new int[ROWS];
        // every combination of label and predictions, scores on and between the bins' edges, 0 and 1
        double[] scores = {0, 1e-17, 0.1, 0.10000000000000002, 0.3, 0.5, 0.9, 0.95, 1};
        for (int row = 0; row < ROWS; row++) {
            labels[row] = row & 1;
            prodPredicted[row] = row >> 1 & 1;
            candPredicted[row] = row >> 2 & 1;
            prodScores[row] = scores[row % scores.length];
            candScores[row] = scores[(row / 7) % scores.length];
        }
        EvaluationTable table = TestTables.binary(labels, prodScores, candScores, prodPredicted, candPredicted,
                TestTables.columns());
        PairedModels models = paired(table, true);
        for (int row = 0; row < ROWS; row++) {
            short code = models.rowCodes[row];
            assertEquals(labels[row] * 4 + prodPredicted[row] * 2 + candPredicted[row], PairedModels.cell(code));
            assertEquals(labels[row] == 1, PairedModels.positive(code));
            assertEquals(Calibration.bin(prodScores[row]), PairedModels.productionBin(code), "row " + row);
            assertEquals(Calibration.bin(candScores[row]), PairedModels.candidateBin(code), "row " + row);
            assertEquals(Calibration.logLoss(prodScores[row], labels[row]), models.logLosses[2 * row]);
            assertEquals(Calibration.logLoss(candScores[row], labels[row]), models.logLosses[2 * row + 1]);
        }
    }

    @Test
    void withoutMeansOrScoresABinaryRowKeepsItsCellAlone() {
        int[] labels = {0, 1, 1, 0, 1};
        int[] prodPredicted = {0, 1, 0, 1, 1};
        int[] candPredicted = {1, 1, 0, 0, 0};
        EvaluationTable withoutScores = TestTables.binary(labels, null, null, prodPredicted, candPredicted,
                TestTables.columns());
        double[] scores = {0.2, 0.7, 0.4, 0.6, 0.9};
        EvaluationTable withScores = TestTables.binary(labels, scores, scores, prodPredicted, candPredicted,
                TestTables.columns());
        for (PairedModels models : new PairedModels[] {paired(withoutScores, true), paired(withScores, false)}) {
            assertNull(models.logLosses);
            for (int row = 0; row < labels.length; row++) {
                assertEquals(labels[row] * 4 + prodPredicted[row] * 2 + candPredicted[row], models.rowCodes[row]);
            }
        }
    }

    private static PairedModels paired(EvaluationTable table, boolean means) {
        return new PairedModels(table, "1", "2", means, new ScoreOrders(), new HashedBlocks(), 42,
                ComparisonEngine.BOOTSTRAP_BLOCKS);
    }
}
