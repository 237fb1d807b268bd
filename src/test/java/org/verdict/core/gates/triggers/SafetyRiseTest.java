package org.verdict.core.gates.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.suites.MonitoringSnapshot;

class SafetyRiseTest {

    @Test
    void aSharpRiseKeepsItsTinyOneSidedPValue() {
        // 1% of 10,000 at baseline, 5% of 10,000 now: pooled 3%, z = 0.04 / √(0.03 · 0.97 · 2 / 10,000)
        // = 16.580533445793563; scipy.stats.norm.sf(16.580533445793563) = 4.818478602088243e-62 (1 − Φ(z) gave 0)
        TriggerResult rise = new TriggerEvaluator(GatePolicy.DEFAULTS)
                .safetyRise(new MonitoringSnapshot.SafetyViolations(0.01, 10_000L, 0.05, 10_000L));
        assertEquals(4.818478602088243e-62, rise.numbers().get("pValue"), 4.82e-62 * 1e-9);
        assertEquals(TriggerState.FIRED, rise.state());
    }
}
