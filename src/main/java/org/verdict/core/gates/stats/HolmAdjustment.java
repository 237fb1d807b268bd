package org.verdict.core.gates.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Holm's step-down adjustment of a family of p-values (controls the family-wise error rate). */
public final class HolmAdjustment {
    private HolmAdjustment() {
    }

    /** Adjusted p-values in the order given. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double runningMax = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = runningMax;
        }
        return adjusted;
    }
}
