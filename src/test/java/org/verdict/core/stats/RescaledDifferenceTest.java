package org.verdict.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RescaledDifferenceTest {

    /**
     * Labels 300, 300, 380, 250, 470, 340, 300, 360; production 310, 295, 402, 260, 515, 330, 288, 350; candidate 305,
     * 301, 390, 262, 480, 338, 296, 352. Squared errors' paired differences d: mean −328, standard error 232.511213
     * (s/√8). scipy.stats.ttest_rel(e_c², e_p²): p 0.2011966, 95 % interval of Δ mse (−2, …) divided by rmse_c + rmse_p
     * gives (−32.333571, 8.170000); Δ rmse = −12.081786 (numpy).
     */
    @Test
    void rmseTestedOnTheSquaredErrorsIsThePairedTTestOfThemRescaled() {
        double rmseProduction = Math.sqrt((100 + 25 + 484 + 100 + 2025 + 100 + 144 + 100) / 8.0);
        double rmseCandidate = Math.sqrt((25 + 1 + 100 + 144 + 100 + 4 + 16 + 64) / 8.0);
        WaldDifference squared = new WaldDifference(-328, 232.51121324726313, 7, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        RescaledDifference rmse = new RescaledDifference(squared, 1 / (rmseProduction + rmseCandidate));
        assertEquals(-12.08178565927335, rmse.estimate(), 1e-9);
        assertEquals(0.20119664231819634, rmse.pValue(), 1e-9);
        assertEquals(-32.33357143381936, rmse.interval(0.95).lower(), 1e-6);
        assertEquals(8.170000115272664, rmse.interval(0.95).upper(), 1e-6);
    }

    @Test
    void theIntervalExcludesZeroExactlyWhenThePValueIsBelowOneMinusTheLevel() {
        for (double z = 0.05; z < 6; z += 0.05) {
            RescaledDifference scaled = new RescaledDifference(new WaldDifference(z, 1, 12, -100, 100), 0.37);
            for (double level : new double[] {0.9, 0.95, 1 - 0.05 / 20}) {
                assertEquals(scaled.pValue() < 1 - level, scaled.interval(level).lower() > 0, z + " " + level);
                assertEquals(true, scaled.interval(level).contains(scaled.estimate()));
            }
        }
    }

    @Test
    void aNonPositiveFactorIsRefused() {
        WaldDifference inner = WaldDifference.normal(1, 1, -10, 10);
        assertThrows(IllegalArgumentException.class, () -> new RescaledDifference(inner, 0));
        assertThrows(IllegalArgumentException.class, () -> new RescaledDifference(inner, -1));
    }
}
