package org.verdict.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Metric;
import org.verdict.core.task.Progress;

/**
 * The end of Δ mae's interval where the candidate is better, through the engine: about the paired t-interval
 * of the rows' differences, and at −production (marked †) where that interval reaches below it. The paired t by hand
 * in NumPy/SciPy, never this code: {@code d = abs(e_c) - abs(e_p); d.mean() ± scipy.stats.t.ppf(0.975, n - 1) *
 * d.std(ddof=1) / sqrt(n)}. The engine's standard error is the row bootstrap's (1,000 replicates), so the ends agree
 * with the paired t's to within 10 % of its half-width (the bootstrap's Monte-Carlo error, and one row carrying a sum).
 */
class ErrorRatioBetterEndTest {

    private static SliceResult overallMae(double[] labels, double[] production, double[] candidate) {
        EvaluationTable table = TestTables.regression(labels, production, candidate, Map.of());
        ComparisonReport report = new ComparisonEngine().compare("t", table, "1", "2", Metric.MAE,
                ComparisonOptions.DEFAULTS, Progress.NONE);
        return report.results().stream().filter(r -> r.metric() == Metric.MAE && r.slice().isOverall()).findFirst()
                .orElseThrow();
    }

    /**
     * 40 houses, labels 100,000 + 1,000·i, production's error ±(1,000 + 500·(i mod 4)) (sign alternating), the
     * candidate's exactly 1.2 times it. Fieller's bound alone was ρ = 1.2 itself, so the interval ended at its estimate
     * (Δ mae 350). The paired t: 350 [313.78802, 386.21198].
     */
    @Test
    void aCandidateWithAFixedMultipleOfProductionsErrorGetsAboutThePairedTInterval() {
        int n = 40;
        double[] labels = new double[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            double error = (i % 2 == 0 ? 1 : -1) * (1_000 + 500 * (i % 4));
            labels[i] = 100_000 + 1_000 * i;
            production[i] = labels[i] + error;
            candidate[i] = labels[i] + 1.2 * error;
        }
        SliceResult mae = overallMae(labels, production, candidate);
        assertEquals(350, mae.delta(), 1e-6);
        double halfWidth = 386.21197633557074 - 350;
        assertEquals(313.78802366442926, mae.deltaCi().lower(), 0.1 * halfWidth, mae.deltaCi().toString());
        assertEquals(386.21197633557074, mae.deltaCi().upper(), 0.1 * halfWidth, mae.deltaCi().toString());
        assertEquals(Verdict.WORSE, mae.verdict());
    }

    /**
     * 30 houses: production misses one by 200,000 and the others by 1,000 (mae 7,633.33); the candidate misses each by
     * 900–920 (mae 910). One house carries Δ's variance: the paired differences' kurtosis is 28.03, so t takes
     * 2/ν = 2/29 + (28.03 − 3)/30, ν = 2.21 degrees of freedom, not 29 (NumPy/SciPy): −6,723.33 [−32,780.91, +19,334.24]
     * (t on 29 would give +6,844.06 at the worse end). It reaches below −7,633.33, a candidate mae below 0, so the
     * better end is the bound, marked †; the worse end is the t interval's.
     */
    @Test
    void aHeavyTailedSmallSliceEndsAtMinusProductionMarkedAsTheBound() {
        int n = 30;
        double[] labels = new double[n];
        double[] production = new double[n];
        double[] candidate = new double[n];
        for (int i = 0; i < n; i++) {
            double sign = i % 2 == 0 ? 1 : -1;
            labels[i] = 100_000 + 1_000 * i;
            production[i] = labels[i] + sign * (i == 0 ? 200_000 : 1_000);
            candidate[i] = labels[i] + sign * (900 + 10 * (i % 3));
        }
        SliceResult mae = overallMae(labels, production, candidate);
        assertEquals(-6_723.333333333333, mae.delta(), 1e-6);
        assertEquals(-7_633.333333333333, mae.deltaCi().lower(), 1e-6, mae.deltaCi().toString());
        assertEquals(SliceResult.BoundEnds.LOWER, mae.boundEnds(mae.deltaCi()));
        assertTrue(mae.deltaText(mae.deltaCi()).contains("−7,633†"), mae.deltaText(mae.deltaCi()));
        assertEquals(19_334.244368927495, mae.deltaCi().upper(), 0.1 * (19_334.244368927495 + 6_723.333333333333),
                mae.deltaCi().toString());
        assertEquals(Verdict.INCONCLUSIVE, mae.verdict());
    }
}
