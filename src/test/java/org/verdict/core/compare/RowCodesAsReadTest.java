package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.stats.HashedBlocks;

/**
 * The row codes and log losses made part by part while a table is read ({@link RowCodesAsRead}) must be those the
 * comparison makes from the table itself ({@link PairedModels}), row for row, whatever lies past the rows read in the
 * reader's working columns and however often those give way to longer ones; and they are given only to a comparison of
 * that table and that pair of models.
 */
class RowCodesAsReadTest {
    private static final int ROWS = 10_000;

    @Test
    void theCodesMadeAsReadAreThoseTheComparisonMakesFromTheTable() {
        EvaluationTable table = table(ROWS);
        RowCodesAsRead read = readInParts(table, "1", "2");
        RowCodesAsRead.Filled filled = read.taken(table, "1", "2");
        assertNotNull(filled);
        PairedModels own = paired(table, null);
        for (int row = 0; row < ROWS; row++) {
            assertEquals(own.rowCodes[row], filled.codes()[row], "row " + row);
            assertEquals(own.logLosses[2 * row], filled.losses()[2 * row], "row " + row);
            assertEquals(own.logLosses[2 * row + 1], filled.losses()[2 * row + 1], "row " + row);
        }
        assertNull(read.taken(table, "1", "2"), "given out twice");
    }

    @Test
    void aComparisonOfTheTableTakesThem() {
        EvaluationTable table = table(ROWS);
        RowCodesAsRead read = readInParts(table, "1", "2");
        PairedModels models = paired(table, read);
        PairedModels own = paired(table, null);
        for (int row = 0; row < ROWS; row++) {
            assertEquals(own.rowCodes[row], models.rowCodes[row], "row " + row);
            assertEquals(own.logLosses[2 * row], models.logLosses[2 * row], "row " + row);
        }
        assertNull(read.taken(table, "1", "2"), "the comparison did not take them");
    }

    @Test
    void anotherPairOrTableOrARefusedTableGetsNone() {
        EvaluationTable table = table(ROWS);
        RowCodesAsRead read = readInParts(table, "1", "2");
        assertNull(read.taken(table, "2", "1"));
        assertNull(read.taken(table(ROWS), "1", "2"));
        assertNotNull(read.taken(table, "1", "2"));

        RowCodesAsRead refused = new RowCodesAsRead();
        tellParts(refused, table, "1", "2");   // the reader refuses the table: it is never made
        assertNull(refused.taken(table, "1", "2"));
    }

    @Test
    void aPackWithSeveralCandidatesIsLeftToTheComparison() {
        EvaluationTable table = table(ROWS);
        RowCodesAsRead read = new RowCodesAsRead();
        Map<String, int[]> predicted = new LinkedHashMap<>();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (String version : new String[] {"1", "2", "3"}) {
            ModelPredictions model = table.predictionsOf(version.equals("3") ? "2" : version);
            predicted.put(version, model.classCodes());
            scores.put(version, model.scores());
        }
        read.rowsRead(ROWS, table.labelCodes(), predicted, scores);
        read.tableMade(table);
        assertNull(read.taken(table, "1", "2"));
    }

    /** Told as a reader tells them, then the table made. */
    private static RowCodesAsRead readInParts(EvaluationTable table, String production, String candidate) {
        RowCodesAsRead read = new RowCodesAsRead();
        tellParts(read, table, production, candidate);
        read.tableMade(table);
        return read;
    }

    /**
     * Every 1,500 rows (not a divisor of the rows, so a rest is left for the table), from working columns that are
     * longer than the rows read and hold other values past them, at first shorter than the table and then replaced
     * by longer copies, as the reader's grow.
     */
    private static void tellParts(RowCodesAsRead read, EvaluationTable table, String production, String candidate) {
        int capacity = 2_000;
        for (int rows = 1_500; rows <= table.rowCount(); rows += 1_500) {
            while (capacity < rows + 1) {
                capacity += capacity >> 1;
            }
            Map<String, int[]> predicted = new LinkedHashMap<>();
            Map<String, double[]> scores = new LinkedHashMap<>();
            for (String version : new String[] {production, candidate}) {
                ModelPredictions model = table.predictionsOf(version);
                predicted.put(version, working(model.classCodes(), rows, capacity, 1));
                scores.put(version, working(model.scores(), rows, capacity, 0.75));
            }
            read.rowsRead(rows, working(table.labelCodes(), rows, capacity, 1), predicted, scores);
        }
    }

    private static int[] working(int[] column, int rows, int capacity, int past) {
        int[] working = Arrays.copyOf(column, capacity);
        Arrays.fill(working, rows, capacity, past);
        return working;
    }

    private static double[] working(double[] column, int rows, int capacity, double past) {
        double[] working = Arrays.copyOf(column, capacity);
        Arrays.fill(working, rows, capacity, past);
        return working;
    }

    private static PairedModels paired(EvaluationTable table, RowCodesAsRead read) {
        PairedModels models = new PairedModels(table, "1", "2", true, new ScoreOrders(), read, new HashedBlocks(), 42,
                ComparisonEngine.BOOTSTRAP_BLOCKS);
        assertSame(table, models.table);
        return models;
    }

    /** Scores on and between the calibration bins' edges, 0 and 1 among them; predictions at 0.5. */
    private static EvaluationTable table(int rows) {
        SplittableRandom random = new SplittableRandom(rows);
        double[] edges = {0, 1e-17, 0.1, 0.10000000000000002, 0.3, 0.5, 0.9, 0.95, 1};
        int[] labels = new int[rows];
        double[] prodScores = new double[rows];
        double[] candScores = new double[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = random.nextInt(3) == 0 ? 1 : 0;
            prodScores[row] = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextDouble();
            candScores[row] = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextDouble();
        }
        return TestTables.binary(labels, prodScores, candScores, null, null, TestTables.columns());
    }
}
