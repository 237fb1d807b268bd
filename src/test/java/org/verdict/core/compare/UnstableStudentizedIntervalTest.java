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
import org.verdict.core.stats.StudentizedBootstrap;
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
     * A real-shaped neighbourhood of 39 house sales in dollars: production's largest error, $110,239 on a $303,262 house,
     * holds 40 % of its squared error, so the squared errors' Kish effective rows are 5.19 — just above the bound of 5
     * — and its studentized r2 interval was [−0.154, 0.966] around 0.873: 1 − r2 from 0.034 to 1.154 around 0.127,
     * where the percentile interval of the same replicates ran from about 0.06 to 0.33. The width rule hands it to the
     * percentile interval and says by how much the studentized one was wider.
     */
    @Test
    void aStudentizedIntervalFarWiderThanThePercentileOneFallsBackJustAboveTheKishBound() {
        double[] labels = {303262, 99046, 96094, 131047, 126201, 180993, 341058, 110889, 148105, 134539, 106591, 116590,
            165907, 355616, 162163, 141183, 105565, 467935, 268718, 214208, 138298, 136956, 222654, 157154, 225573,
            192947, 144642, 138756, 116815, 113132, 163331, 247250, 157407, 199155, 185276, 178582, 143553, 113755,
            122943};
        double[] production = {413501.09, 90159.06, 77868.92, 161816.66, 96352.40, 160197.40, 340807.55, 97980.52,
            162798.46, 141943.96, 114509.70, 128935.09, 118758.46, 308438.88, 155187.60, 119406.49, 104887.42,
            530187.31, 264434.59, 205417.82, 133359.02, 145239.66, 214418.29, 124378.25, 225619.33, 187540.85,
            107124.13, 120827.44, 125624.66, 91721.38, 194322.63, 220268.17, 164718.24, 187274.56, 195149.31,
            188164.98, 127146.54, 110602.44, 138981.85};
        double[] candidate = {311297.82, 103052.84, 99204.20, 101356.20, 143418.18, 206630.19, 303671.14, 95811.16,
            135144.23, 141555.05, 81622.33, 156106.79, 140151.23, 414783.97, 179398.56, 206376.41, 117182.33,
            453344.27, 252540.73, 290473.40, 126001.99, 147385.42, 213101.13, 195582.73, 263795.83, 205239.25,
            134500.41, 131631.93, 125243.97, 127119.66, 164104.01, 229130.15, 124496.97, 243854.70, 184167.40,
            190210.32, 160505.38, 141852.97, 106115.92};
        ComparisonReport report = new ComparisonEngine().compare("t", TestTables.regression(labels, production,
                candidate, Map.of()), "1", "2", Metric.MAE, OPTIONS, Progress.NONE);
        SliceResult r2 = overall(report, Metric.R2);
        String why = r2.production().ciFallback();
        assertNotNull(why, r2.toString());
        java.util.regex.Matcher ratio = java.util.regex.Pattern.compile("production's studentized interval is "
                + "(\\d+\\.\\d) times as wide as the bootstrap percentile interval on the scale of log\\(1 − r2\\), "
                + "which makes the studentized interval unstable").matcher(why);
        assertTrue(ratio.matches(), why);
        assertTrue(Double.parseDouble(ratio.group(1)) > StudentizedBootstrap.MAX_WIDTH_RATIO, why);
        assertTrue(r2.production().ci().lower() > 0.5, "no r2 far below what any resample gives: " + r2.production());
        assertTrue(r2.note().contains("so production's r2 interval is the bootstrap percentile interval"), r2.note());
    }

    /**
     * Another neighbourhood, 30 sales: the candidate misses a $740,214 house by $162,784, 26 % of its absolute error,
     * Kish's effective rows 10.1 — nowhere near the bound — yet its studentized mae interval ran to $52,991 on an mae of
     * $20,582, about 1.5 times as wide as the percentile interval ($12,588–$32,777). Above the absolute errors' width
     * bound of 1.3, so the percentile interval stands, which no resample can push above the largest error.
     */
    @Test
    void anMaeIntervalWiderThanTheAbsoluteErrorsBoundFallsBack() {
        double[] labels = {287917, 93108, 269614, 181258, 165617, 248615, 151518, 268085, 221768, 187757, 64690, 130603,
            120476, 168188, 184546, 84574, 182340, 86491, 196086, 155927, 740214, 296901, 132756, 88982, 174937, 346923,
            117933, 140111, 89985, 200144};
        double[] production = {339160.88, 95380.92, 287116.11, 171836.61, 122221.87, 202914.35, 163472.40, 297626.66,
            235660.91, 209035.88, 60198.32, 122043.19, 109707.45, 149175.41, 200708.65, 73014.29, 257759.88, 75776.92,
            234535.75, 132755.13, 571906.65, 278842.59, 162398.84, 120498.20, 184530.43, 307685.07, 106882.74,
            119856.22, 88022.83, 154977.63};
        double[] candidate = {292280.56, 112279.14, 249085.40, 158876.27, 161923.01, 285656.29, 133755.20, 224407.13,
            208874.54, 169189.06, 64896.39, 118527.39, 121262.83, 172807.34, 152005.40, 74923.95, 172796.74, 79249.10,
            187180.38, 170939.40, 902997.77, 342126.19, 109594.95, 83676.19, 149878.57, 335829.72, 131379.14,
            152872.14, 76467.41, 204586.95};
        ComparisonReport report = new ComparisonEngine().compare("t", TestTables.regression(labels, production,
                candidate, Map.of()), "1", "2", Metric.MAE, OPTIONS, Progress.NONE);
        SliceResult mae = overall(report, Metric.MAE);
        String why = mae.candidate().ciFallback();
        assertNotNull(why, mae.toString());
        assertTrue(why.startsWith("the candidate's studentized interval is ") && why.endsWith(" times as wide as the "
                + "bootstrap percentile interval on the log scale, which makes the studentized interval unstable"), why);
        assertTrue(mae.candidate().ci().upper() < 40_000, "no upper end near $53,000: " + mae.candidate());
        assertTrue(mae.candidate().ci().contains(mae.candidate().value()));
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
