package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.ModelPredictions;
import org.verdict.core.stats.ScoreOrder;

/**
 * Both models' score orders are the rows sorted by score, ties in row order, whether the sorting was started when the
 * rows were read or is done by the comparison, and a score that is no probability is named as before, production's
 * first.
 */
class ScoreOrdersTest {
    private static EvaluationTable table(long seed) {
        return TestTables.noisyBinary(50_000, new SplittableRandom(seed), random -> Map.of());
    }

    /** The rows by score, ties by row: an order made by a comparison sort, independently of the radix sort. */
    private static int[] sortedByScore(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Starts sorting the table's scores as a reader does before it makes the table: from columns longer than the rows,
     * here followed by values that would fail the probability check or come first in the order if they were read.
     */
    private static void startAsRead(ScoreOrders orders, EvaluationTable table) {
        Map<String, double[]> read = new LinkedHashMap<>();
        for (ModelPredictions model : table.predictions().values()) {
            double[] column = Arrays.copyOf(model.scores(), table.rowCount() + 1_000);
            Arrays.fill(column, table.rowCount(), column.length, -1.0);
            read.put(model.version(), column);
        }
        orders.startSorting(table.rowCount(), table.exampleIds(), read);
        orders.tableMade(table);
    }

    @Test
    void ordersStartedWhenTheRowsWereReadAreTheOrdersSortedOnDemand() {
        EvaluationTable table = table(3);
        ModelPredictions production = table.predictionsOf("1");
        ModelPredictions candidate = table.predictionsOf("2");

        ScoreOrder.Sorted[] onDemand = new ScoreOrders().sorted(table, production, candidate);
        assertArrayEquals(sortedByScore(production.scores()), onDemand[0].ascending());
        assertArrayEquals(sortedByScore(candidate.scores()), onDemand[1].ascending());

        ScoreOrders started = new ScoreOrders();
        startAsRead(started, table);
        ScoreOrder.Sorted[] taken = started.sorted(table, production, candidate);
        for (int model = 0; model < 2; model++) {
            assertArrayEquals(onDemand[model].ascending(), taken[model].ascending());
            assertArrayEquals(onDemand[model].newScores(), taken[model].newScores());
        }

        ScoreOrder.Sorted[] oneModel = new ScoreOrders().sorted(table, production, production);
        assertSame(oneModel[0], oneModel[1]);
        assertArrayEquals(onDemand[0].ascending(), oneModel[0].ascending());
    }

    /** Orders started on the columns of a table then refused (never made) are not taken for the next table. */
    @Test
    void ordersOfATableNeverMadeAreNotTaken() {
        EvaluationTable refused = table(6);
        EvaluationTable next = table(7);
        ScoreOrders orders = new ScoreOrders();
        Map<String, double[]> read = new LinkedHashMap<>();
        for (ModelPredictions model : refused.predictions().values()) {
            read.put(model.version(), model.scores());
        }
        orders.startSorting(refused.rowCount(), refused.exampleIds(), read);
        ScoreOrder.Sorted[] taken = orders.sorted(next, next.predictionsOf("1"), next.predictionsOf("2"));
        assertArrayEquals(sortedByScore(next.predictionsOf("1").scores()), taken[0].ascending());
        assertArrayEquals(sortedByScore(next.predictionsOf("2").scores()), taken[1].ascending());
    }

    @Test
    void aModelWithoutScoresHasNoOrder() {
        EvaluationTable table = table(4);
        ModelPredictions production = table.predictionsOf("1");
        ModelPredictions unscored = new ModelPredictions("2", table.predictionsOf("2").classCodes(), null, null);
        ScoreOrder.Sorted[] orders = new ScoreOrders().sorted(table, production, unscored);
        assertArrayEquals(sortedByScore(production.scores()), orders[0].ascending());
        assertNull(orders[1]);
    }

    @Test
    void aScoreThatIsNoProbabilityIsNamedProductionsFirst() {
        for (boolean startedWhenRead : new boolean[] {false, true}) {
            EvaluationTable table = table(5);
            table.predictionsOf("2").scores()[7] = 1.5;
            ScoreOrders orders = new ScoreOrders();
            if (startedWhenRead) {
                startAsRead(orders, table);
            }
            IllegalArgumentException candidateOnly = assertThrows(IllegalArgumentException.class,
                    () -> orders.sorted(table, table.predictionsOf("1"), table.predictionsOf("2")));
            assertEquals("column score_2, data row 8 (example_id " + table.exampleIds().get(7) + "): score 1.5 is "
                    + "not a probability in [0, 1]", candidateOnly.getMessage());

            table.predictionsOf("1").scores()[9] = Double.NaN;
            ScoreOrders again = new ScoreOrders();
            if (startedWhenRead) {
                startAsRead(again, table);
            }
            IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                    () -> again.sorted(table, table.predictionsOf("1"), table.predictionsOf("2")));
            assertTrue(both.getMessage().startsWith("column score_1, data row 10"), both.getMessage());
        }
    }
}
