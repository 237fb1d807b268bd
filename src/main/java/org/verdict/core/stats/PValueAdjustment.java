package org.verdict.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Adjusts a family of p-values for multiple comparisons. */
public final class PValueAdjustment {
    private PValueAdjustment() {
    }

    /**
     * Holm's step-down adjustment (controls the family-wise error rate): sorted ascending,
     * p_adj(i) = max over j ≤ i of min(1, (m − j + 1) · p(j)).
     */
    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] order = ascendingOrder(pValues);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Benjamini–Hochberg step-up adjustment (controls the false discovery rate): sorted ascending,
     * p_adj(i) = min over j ≥ i of min(1, m · p(j) / j).
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = ascendingOrder(pValues);
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m - 1; rank >= 0; rank--) {
            int i = order[rank];
            running = Math.min(running, Math.min(1.0, (double) m * pValues[i] / (rank + 1)));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * The significance level of each test's interval that agrees with Holm's decisions: sorted ascending, the tests up
     * to and including the first that Holm does not reject take their step's α/(m − i + 1); every later test takes
     * the level of that first non-rejected step. A rejected test's p is below its level, so its interval (the
     * inversion of its test) excludes 0; a non-rejected one's p is at least its level, so its interval holds 0.
     */
    public static double[] holmAlphas(double[] pValues, double alpha) {
        int m = pValues.length;
        Integer[] order = ascendingOrder(pValues);
        double[] alphas = new double[m];
        double stopped = Double.NaN;
        for (int rank = 0; rank < m; rank++) {
            double step = alpha / (m - rank);
            if (Double.isNaN(stopped) && !(pValues[order[rank]] < step)) {
                stopped = step;
            }
            alphas[order[rank]] = Double.isNaN(stopped) ? step : stopped;
        }
        return alphas;
    }

    private static Integer[] ascendingOrder(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        return order;
    }
}
