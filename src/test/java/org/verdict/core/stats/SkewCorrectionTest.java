package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values from SciPy: scipy.stats.norm and scipy.stats.t. */
class SkewCorrectionTest {

    @Test
    void theEdgeworthCorrectionAndTheBootstrapsOwnMonteCarloError() {
        // (2·norm.ppf(0.975)² + 1) / (6·√300)
        assertEquals(0.08355141396011428, SkewCorrection.of(1.0, 300, 0.95), 1e-13);
        assertEquals(0.08355141396011428, SkewCorrection.of(-1.0, 300, 0.95), 1e-13);
        // √(0.975·0.025/1000) / norm.pdf(norm.ppf(0.975))
        assertEquals(0.08447426670893486, SkewCorrection.monteCarloError(1000, 0.95), 1e-13);
        assertTrue(SkewCorrection.negligible(1.0, 300, 0.95, 1000));
        assertFalse(SkewCorrection.negligible(1.02, 300, 0.95, 1000));
        assertFalse(SkewCorrection.negligible(Double.NaN, 300, 0.95, 1000));
    }

    @Test
    void theTIntervalOnTheLogAndLogitScales() {
        // exp(log 0.35 ± t.ppf(0.975, 299)·0.01), and the logit's; Commons Math's t quantile is good to about 1e-11
        Interval log = StudentizedBootstrap.tInterval(StudentizedBootstrap.Scale.LOG, 0.35, 0.01, 299, 0.95);
        assertEquals(0.34317957683712763, log.lower(), 1e-10);
        assertEquals(0.35695597368877874, log.upper(), 1e-10);
        Interval logit = StudentizedBootstrap.tInterval(StudentizedBootstrap.Scale.LOGIT, 0.18, 0.02, 299, 0.95);
        assertEquals(0.17426365988001824, logit.lower(), 1e-10);
        assertEquals(0.18588265962755351, logit.upper(), 1e-10);
        assertNull(StudentizedBootstrap.tInterval(StudentizedBootstrap.Scale.LOG, 0.35, 1e-10, 299, 0.95));
        assertNull(StudentizedBootstrap.tInterval(StudentizedBootstrap.Scale.LOG, 0, 0.01, 299, 0.95));
    }
}
