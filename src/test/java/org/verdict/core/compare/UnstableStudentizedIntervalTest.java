package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.task.Progress;

/**
 * A 30-row slice of dollar errors in which one gross error carries the mean: production errs by $150,000 on one house
 * and by $1,000–$5,000 on the 29 others; the candidate errs by $2,000–$6,000 on every house, evenly. The studentized
 * interval of production's rmse ran to millions of dollars on an rmse of $27,600 (before the rule), because the
 * replicates that miss the gross error have a tiny SE* and so a huge t*.
 */
class UnstableStudentizedIntervalTest {
    private static final int ROWS = 30;
    private static final double GROSS_ERROR = 150_000;
    /** Seed 9 deals the 30 rows into 30 distinct hashed blocks, so the bootstrap is of rows. */
    private static final ComparisonOptions OPTIONS = new ComparisonOptions(0.95, 1, 0.05, 1000, 9L,
            CorrectionMethod.HOLM, List.of());

    private static EvaluationTable skewedSlice() {
        double[] labels = new double[ROWS];
        double[] production = new double[ROWS];
        double[] candidate = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = 200_000 + 1_000 * i;
            double sign = i % 2 == 0 ? 1 : -1;
            production[i] = labels[i] + (i == 7 ? GROSS_ERROR : sign * 1_000 * (1 + i % 5));
            candidate[i] = labels[i] + sign * 2_000 * (1 + i % 3);
        }
        return TestTables.regression(labels, production, candidate, Map.of());
    }

    private static SliceResult overall(ComparisonReport report, Metric metric) {
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().isOverall()).findFirst()
                .orElseThrow();
    }

    /**
     * Production's squared errors: 150,000² = 2.25e10 against Σ over the others of (1,000·(1 + i mod 5))² = 3.21e8
     * (rows 0–29 without 7), so the gross error holds 2.25e10 / 2.2821e10 = 98.6 % of the sum and Kish's effective
     * number of rows is (Σ)² / Σ² ≈ 1.03: far under 5. Its absolute error: 150,000 of 237,000 (63 %), effectively 2.5
     * rows. The percentile interval of the same replicates replaces the studentized one, and no resample can have an
     * rmse or mae above the largest error, so neither can the interval.
     */
    @Test
    void aMeanCarriedByOneRowGetsThePercentileIntervalSaidInWords() {
        ComparisonReport report = new ComparisonEngine().compare("t", skewedSlice(), "1", "2", Metric.MAE, OPTIONS,
                Progress.NONE);
        for (Metric metric : List.of(Metric.RMSE, Metric.MAE, Metric.R2)) {
            SliceResult result = overall(report, metric);
            Interval ci = result.production().ci();
            assertNotNull(ci, metric.wireName());
            assertTrue(ci.lower() <= result.production().value() && result.production().value() <= ci.upper(),
                    metric.wireName());
            assertNotNull(result.production().ciFallback(), metric.wireName());
            assertTrue(result.note().contains("so production's " + metric.wireName()
                    + " interval is the bootstrap percentile interval"), result.note());
            // the candidate's errors are even: its studentized interval stays
            assertNull(result.candidate().ciFallback(), metric.wireName());
            assertNotNull(result.candidate().ci(), metric.wireName());
        }
        SliceResult rmse = overall(report, Metric.RMSE);
        assertEquals("1 of 30 rows holds 99% of production's squared error, which makes the studentized interval "
                + "unstable", rmse.production().ciFallback());
        assertTrue(rmse.production().ci().upper() <= GROSS_ERROR);
        assertEquals("1 of 30 rows holds 63% of production's absolute error, which makes the studentized interval "
                + "unstable", overall(report, Metric.MAE).production().ciFallback());
        assertTrue(overall(report, Metric.MAE).production().ci().upper() <= GROSS_ERROR);
        // every relative error is under 1 (the gross one is 150,000 / 207,000), so no resample's mean reaches 1
        assertTrue(overall(report, Metric.MAPE).production().ci().upper() < 1);
        // Δ is untouched: its interval is the bootstrap-standard-error one
        assertNotNull(rmse.deltaCi());
    }

    @Test
    void theJsonNamesTheFallbackIntervalForTheModelItConcerns() throws Exception {
        ComparisonReport report = new ComparisonEngine().compare("t", skewedSlice(), "1", "2", Metric.MAE, OPTIONS,
                Progress.NONE);
        JsonNode json = new ObjectMapper().readTree(new ComparisonJson().write(report,
                r -> r.metric() == Metric.RMSE, List.of()));
        JsonNode rmse = json.get("results").get(0);
        assertTrue(rmse.get("productionCiFallback").asText().startsWith("1 of 30 rows holds 99%"));
        assertFalse(rmse.has("candidateCiFallback"));
        assertTrue(rmse.get("note").asText().contains("unstable studentized interval"));
    }

    /** Seed 7 puts two pairs of the 30 rows in shared blocks: the bootstrap draws 28 blocks, and says so. */
    @Test
    void whereRowsShareBlocksTheFallbackCountsBlocks() {
        ComparisonOptions sharedBlocks = new ComparisonOptions(0.95, 1, 0.05, 1000, 7L, CorrectionMethod.HOLM,
                List.of());
        SliceResult rmse = overall(new ComparisonEngine().compare("t", skewedSlice(), "1", "2", Metric.MAE,
                sharedBlocks, Progress.NONE), Metric.RMSE);
        assertEquals("paired-hashed-block-bootstrap", rmse.test());
        assertEquals("1 of 28 blocks of rows holds 99% of production's squared error, which makes the studentized "
                + "interval unstable", rmse.production().ciFallback());
    }

    /**
     * 40 rows whose errors of $1,000–$4,000 are spread evenly (effectively 33 rows for the absolute errors, 25 for the
     * squared ones): the studentized interval stays.
     */
    @Test
    void aWellBehavedSliceKeepsItsStudentizedInterval() {
        int n = 40;
        double[] labels = new double[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = 300_000 + 5_000 * i;
            production[i] = labels[i] + (i % 2 == 0 ? 1 : -1) * 1_000 * (1 + i % 4);
            candidate[i] = labels[i] - (i % 3 == 0 ? 1 : -1) * 1_000 * (1 + i % 4);
        }
        ComparisonReport report = new ComparisonEngine().compare("t", TestTables.regression(labels, production,
                candidate, Map.of()), "1", "2", Metric.MAE, OPTIONS, Progress.NONE);
        for (Metric metric : List.of(Metric.MAE, Metric.RMSE, Metric.MAPE, Metric.R2)) {
            SliceResult result = overall(report, metric);
            assertNotNull(result.production().ci(), metric.wireName());
            assertNotNull(result.candidate().ci(), metric.wireName());
            assertNull(result.production().ciFallback(), metric.wireName());
            assertNull(result.candidate().ciFallback(), metric.wireName());
            assertTrue(result.note() == null || !result.note().contains("studentized"), metric.wireName());
        }
    }
}
