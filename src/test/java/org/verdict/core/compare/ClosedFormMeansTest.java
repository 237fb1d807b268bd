package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.task.Progress;

/**
 * log_loss and brier on a large slice whose losses are spread take the closed form the block bootstrap tends to
 * ({@link SliceAnalysis#HASHED_BLOCK_T}); smaller slices, and large ones whose blocks are skewed, keep the bootstrap.
 * The expected numbers were computed independently with NumPy and SciPy (scipy.stats.t, 299 degrees of freedom) from
 * the same rows, blocks dealt by MD5("ex-i:1") as docs/pack-format.md gives: each model's log θ (logit θ for brier)
 * ± t·SE with SE² = k/(k − 1)·Σ (u_b − ū)², u_b = (block b's losses − θ·its rows)/n divided by θ (θ(1 − θ)), and
 * Δ ± t·SE with u_b = (Δ of block b's losses − Δ·its rows)/n, p = 2·P(T₂₉₉ &gt; |Δ|/SE); for log_loss the end on the
 * side of the u_b's skewness γ moved out by |γ|(2τ² + 1)/(6√k)·SE, τ the t quantile, p then where that end reaches 0
 * (scipy's brentq on τ), as bench/delta_log_loss_long_tail_check.py computes them.
 */
class ClosedFormMeansTest {
    private static final ComparisonOptions OPTIONS = new ComparisonOptions(0.95, 1, 0.05, 1000, 1L,
            CorrectionMethod.HOLM, List.of());

    /** 30 % positives; both models' scores spread over (0.1, 0.9) by two irrational strides. */
    private static EvaluationTable spreadScores(int n, boolean oneConfidentMissInAThousand) {
        int[] labels = new int[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7919) % 10 < 3 ? 1 : 0;
            double u = (i * 0.6180339887498949) % 1.0;
            double v = (i * 0.7548776662466927) % 1.0;
            production[i] = labels[i] == 1 ? 0.35 + 0.5 * u : 0.15 + 0.5 * v;
            candidate[i] = labels[i] == 1 ? 0.40 + 0.5 * v : 0.10 + 0.5 * u;
            if (oneConfidentMissInAThousand && i % 1000 == 0) {
                production[i] = 1e-12; // a positive (i·7919 ends in 0) scored as sure negative: log loss 27.6
            }
        }
        return TestTables.binary(labels, production, candidate, null, null, Map.of());
    }

    private static SliceResult overall(int n, boolean heavy, Metric metric) {
        ComparisonReport report = new ComparisonEngine().compare("t", spreadScores(n, heavy), "1", "2", Metric.ROC_AUC,
                OPTIONS, Progress.NONE);
        return report.results().stream().filter(r -> r.metric() == metric && r.slice().isOverall()).findFirst()
                .orElseThrow();
    }

    /**
     * To 1e-9 of the value: the standard errors come from central differences and Student's quantile from Commons
     * Math's inverse, each good to about 1e-11.
     */
    private static void assertInterval(double lower, double upper, Interval actual) {
        assertEquals(lower, actual.lower(), 1e-9 * Math.abs(lower));
        assertEquals(upper, actual.upper(), 1e-9 * Math.abs(upper));
    }

    @Test
    void aLargeSpreadSliceTakesTheDeltaMethodTIntervalsOfNumpyAndScipy() {
        SliceResult logLoss = overall(10_000, false, Metric.LOG_LOSS);
        assertEquals(SliceAnalysis.HASHED_BLOCK_T, logLoss.test());
        assertEquals(0.5409946596084998, logLoss.production().value(), 1e-12);
        assertInterval(0.5360980204892346, 0.5459360238969466, logLoss.production().ci());
        assertInterval(0.4519030188121238, 0.46066220300776956, logLoss.candidate().ci());
        // Δ's blocks have skewness +0.00402 (NumPy): the upper end moves out by 0.00402·(2τ² + 1)/(6√300) standard
        // errors, from the t interval's −0.0781444939, and as it points toward 0 the p-value is where it reaches 0
        // (scipy's brentq; the t test's was 2.5626e-76)
        assertInterval(-0.09132164163801657, -0.07814336195258575, logLoss.deltaCi());
        assertEquals(3.816875953596095e-76, logLoss.pValue(), 1e-5 * 3.816875953596095e-76);
        assertNull(logLoss.production().ciFallback());

        SliceResult brier = overall(10_000, false, Metric.BRIER);
        assertEquals(SliceAnalysis.HASHED_BLOCK_T, brier.test());
        assertInterval(0.1783703637494803, 0.18295166815366018, brier.production().ci());
        assertInterval(0.14122253012258612, 0.14516268264083015, brier.candidate().ci());
        assertInterval(-0.040503291546005876, -0.03443346282954393, brier.deltaCi());
        assertEquals(9.633613602254096e-73, brier.pValue(), 1e-5 * 9.633613602254096e-73);
    }

    /**
     * 60 rows, ids ex-1 … ex-60 in 55 hashed blocks: 10 positives the candidate scores far better (production
     * 0.2 + 0.02·j, candidate 0.7 + 0.02·j), 50 negatives scored alike up to a small stride. Δ log loss −0.16314 is
     * carried by the positives, so its blocks' contributions have skewness −1.7168 (NumPy) and the interval's lower arm
     * is (τ + 1.7168·(2τ² + 1)/(6√55)) / τ = 1.173951 times its upper one (τ = t(54) at 97.5 %), whatever the
     * bootstrap's standard error (bench/delta_log_loss_long_tail_check.py). brier keeps the symmetric t interval.
     */
    @Test
    void aSmallSkewedSliceMovesTheLongTailsEndOnTheBootstrapsPath() {
        int n = 60;
        int[] labels = new int[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int j = 0; j < n; j++) {
            labels[j] = j < 10 ? 1 : 0;
            production[j] = j < 10 ? 0.2 + 0.02 * j : 0.3 + 0.002 * (j - 10);
            candidate[j] = j < 10 ? 0.7 + 0.02 * j : 0.28 + 0.003 * (j - 10);
        }
        ComparisonReport report = new ComparisonEngine().compare("t", TestTables.binary(labels, production, candidate,
                null, null, Map.of()), "1", "2", Metric.ROC_AUC, OPTIONS, Progress.NONE);
        SliceResult logLoss = report.results().stream().filter(r -> r.metric() == Metric.LOG_LOSS).findFirst()
                .orElseThrow();
        assertEquals(SliceAnalysis.HASHED_BLOCK_BOOTSTRAP, logLoss.test());
        assertEquals(-0.1631371486466374, logLoss.delta(), 1e-12);
        double lowerArm = logLoss.delta() - logLoss.deltaCi().lower();
        double upperArm = logLoss.deltaCi().upper() - logLoss.delta();
        assertEquals(1.173951361749618, lowerArm / upperArm, 1e-7);
        assertEquals(TestMethods.describe(SliceAnalysis.HASHED_BLOCK_BOOTSTRAP)
                + "; Δ's end on the side of the skew moved out (Edgeworth)", TestMethods.methodOf(logLoss));

        SliceResult brier = report.results().stream().filter(r -> r.metric() == Metric.BRIER).findFirst()
                .orElseThrow();
        assertEquals(brier.delta() - brier.deltaCi().lower(), brier.deltaCi().upper() - brier.delta(), 1e-12);
        assertEquals(TestMethods.describe(SliceAnalysis.HASHED_BLOCK_BOOTSTRAP), TestMethods.methodOf(brier));
    }

    @Test
    void oneRowFewerKeepsTheBootstrap() {
        for (Metric metric : List.of(Metric.LOG_LOSS, Metric.BRIER)) {
            assertEquals(SliceAnalysis.HASHED_BLOCK_BOOTSTRAP, overall(9_999, false, metric).test());
        }
    }

    /**
     * 20 confident misses among 20,000 rows carry a third of production's log loss: its 300 blocks have skewness 3.06
     * (NumPy), so the bootstrap would move the interval's ends by 3.06·(2z² + 1)/(6√300) = 0.26 standard errors, three
     * times its own Monte-Carlo error; Kish's effective blocks (284) would not have said so. The slice keeps it.
     */
    @Test
    void aLargeSliceWhoseBlocksAreSkewedKeepsTheBootstrap() {
        assertEquals(SliceAnalysis.HASHED_BLOCK_BOOTSTRAP, overall(20_000, true, Metric.LOG_LOSS).test());
        assertEquals(SliceAnalysis.HASHED_BLOCK_T, overall(20_000, false, Metric.LOG_LOSS).test());
    }

    @Test
    void theCalibrationErrorKeepsItsJackknifeEitherWay() {
        for (int n : new int[] {9_999, 10_000}) {
            SliceResult error = overall(n, false, Metric.SQ_CALIBRATION_ERROR);
            assertEquals(SliceAnalysis.HASHED_BLOCK_U_JACKKNIFE, error.test());
            assertEquals(true, error.deltaCi() != null && error.production().ci() != null);
        }
    }
}
