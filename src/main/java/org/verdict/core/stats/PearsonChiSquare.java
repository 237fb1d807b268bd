package org.verdict.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Pearson's chi-square test that an outcome is independent of a group (rows: groups, columns: outcomes), and its
 * sum over strata for conditional independence (Agresti 2002, <i>Categorical Data Analysis</i>): each stratum's
 * Pearson statistic, added up, is chi-square with the sum of their degrees of freedom under independence in every
 * stratum. It is the score test of equal rates: with two groups its statistic is the square of the two-proportion z
 * statistic with the variance at the pooled rate.
 */
public final class PearsonChiSquare {
    private static final ChiSquareTest STATISTIC = new ChiSquareTest();

    private PearsonChiSquare() {
    }

    /**
     * @param strata one contingency table of counts per stratum, [group][outcome]. Groups and outcomes without any
     *               count are left out (a group with no positives has no TPR); a stratum left with fewer than two of
     *               either carries no evidence and no degrees of freedom
     * @return the p-value of the summed Pearson statistic; 1 when no stratum can be tested
     */
    public static double pValue(List<long[][]> strata) {
        double statistic = 0;
        int degreesOfFreedom = 0;
        for (long[][] table : strata) {
            long[][] occupied = withoutEmptyRowsAndColumns(table);
            if (occupied.length >= 2 && occupied[0].length >= 2) {
                statistic += STATISTIC.chiSquare(occupied);
                degreesOfFreedom += (occupied.length - 1) * (occupied[0].length - 1);
            }
        }
        return degreesOfFreedom == 0 ? 1 : UpperTails.chiSquare(statistic, degreesOfFreedom);
    }

    private static long[][] withoutEmptyRowsAndColumns(long[][] table) {
        int columns = table.length == 0 ? 0 : table[0].length;
        List<Integer> keptColumns = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            long sum = 0;
            for (long[] row : table) {
                sum += row[c];
            }
            if (sum > 0) {
                keptColumns.add(c);
            }
        }
        List<long[]> keptRows = new ArrayList<>();
        for (long[] row : table) {
            long[] kept = keptColumns.stream().mapToLong(c -> row[c]).toArray();
            if (Arrays.stream(kept).sum() > 0) {
                keptRows.add(kept);
            }
        }
        return keptRows.toArray(long[][]::new);
    }
}
