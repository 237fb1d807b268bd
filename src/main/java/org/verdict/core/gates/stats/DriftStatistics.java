package org.verdict.core.gates.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.verdict.core.stats.UpperTails;

/**
 * How far a current sample of one feature has moved from its reference sample: the population stability index
 * (PSI) and a two-sample test (Kolmogorov–Smirnov for numeric features, chi-square for categorical ones).
 */
public final class DriftStatistics {
    /** Share given to an empty bin, so that PSI stays finite (the usual convention). */
    public static final double EMPTY_BIN_SHARE = 1e-4;

    /**
     * Up to this many values in the larger sample the p-value is exact, as scipy's {@code ks_2samp} computes it by
     * default (its {@code method='auto'} is exact while both samples have at most 10,000 values); beyond it the
     * asymptotic distribution, whose error shrinks with the samples, is used.
     */
    static final int EXACT_MAX_SAMPLE = 10_000;

    private DriftStatistics() {
    }

    /**
     * PSI = Σ (current% − reference%) · ln(current% / reference%) over bins; empty bins count as
     * {@link #EMPTY_BIN_SHARE}.
     */
    public static double psi(long[] referenceCounts, long[] currentCounts) {
        double referenceTotal = Arrays.stream(referenceCounts).sum();
        double currentTotal = Arrays.stream(currentCounts).sum();
        double psi = 0;
        for (int bin = 0; bin < referenceCounts.length; bin++) {
            double reference = Math.max(referenceCounts[bin] / referenceTotal, EMPTY_BIN_SHARE);
            double current = Math.max(currentCounts[bin] / currentTotal, EMPTY_BIN_SHARE);
            psi += (current - reference) * Math.log(current / reference);
        }
        return psi;
    }

    /**
     * Bin edges of a numeric feature: the distinct inner quantiles of the reference sample, so each bin holds
     * about the same share of the reference. Bin i holds values in (edge[i-1], edge[i]].
     */
    public static double[] quantileEdges(double[] reference, int bins) {
        Percentiles percentiles = new Percentiles(reference);
        TreeSet<Double> edges = new TreeSet<>();
        for (int i = 1; i < bins; i++) {
            edges.add(percentiles.value((double) i / bins));
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Counts of values per bin defined by {@link #quantileEdges}: {@code edges.length + 1} bins. */
    public static long[] binCounts(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double value : values) {
            int position = Arrays.binarySearch(edges, value);
            counts[position >= 0 ? position : -position - 1]++;
        }
        return counts;
    }

    /** Counts of each category over the union of both samples' categories, sorted. */
    public static Map<String, long[]> categoryCounts(List<String> reference, List<String> current) {
        Map<String, long[]> counts = new TreeMap<>();
        reference.forEach(value -> counts.computeIfAbsent(value, v -> new long[2])[0]++);
        current.forEach(value -> counts.computeIfAbsent(value, v -> new long[2])[1]++);
        return counts;
    }

    /** Two-sample Kolmogorov–Smirnov statistic D (largest gap between the empirical distribution functions). */
    public static double ksStatistic(double[] reference, double[] current) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(reference, current);
    }

    /**
     * Two-sided p-value P(D ≥ d) of the two-sample Kolmogorov–Smirnov test: exact while the larger sample has at most
     * {@link #EXACT_MAX_SAMPLE} values, asymptotic beyond. Both are computed as upper tails, so a strong drift keeps
     * its tiny p instead of 0: the library's exact p is 1 − CDF (0, or even negative, for two fully separated
     * samples of 30) and it breaks ties with random jitter, which changes d and so p; the asymptotic 1 − CDF is 0
     * for any p below about 1e-16 ({@link UpperTails#kolmogorov} is the tail itself). d is the observed gap, ties
     * included; p is that of continuous samples, as scipy's {@code ks_2samp} reports it.
     */
    public static double ksPValue(double[] reference, double[] current) {
        int n = reference.length;
        int m = current.length;
        double d = ksStatistic(reference, current);
        if (Math.max(n, m) <= EXACT_MAX_SAMPLE) {
            // d is a whole number of 1/(n·m): as that number, the boundary test below is exact
            return exactTail(n, m, Math.round(d * n * m));
        }
        return UpperTails.kolmogorov(d * Math.sqrt((double) n * m / (n + m)));
    }

    /**
     * P(D·n·m ≥ gap) when the n + m values are in random order. The sorted values are a lattice path from (0, 0) to
     * (n, m), a step right per reference value and up per current value, each order equally likely (drawn step by
     * step: right from (i, j) with probability (n − i)/(n − i + m − j)); D·n·m ≥ gap when the path touches a point
     * with |i·m − j·n| ≥ gap. The tail is summed over where the path first leaves the band |i·m − j·n| &lt; gap:
     * the probability of reaching a band point untouched, times that of the step out. Every term is non-negative
     * and nothing is subtracted, so a tail of 1e-59 keeps its digits (1 − P(staying inside) would be 0); only the
     * band is visited, so a small gap costs little. O(n·m) time at most, O(n + m) memory.
     */
    static double exactTail(int n, int m, long gap) {
        if (gap <= 0) {
            return 1;
        }
        double[] reciprocal = new double[n + m + 1];
        for (int k = 1; k <= n + m; k++) {
            reciprocal[k] = 1.0 / k;
        }
        // untouched[j]: P(the path passes (i, j) without having touched the boundary), row i, band points only;
        // points above the band were never written and hold 0 (the band only moves up as i grows)
        double[] untouched = new double[m + 1];
        double tail = 0;
        for (int i = 0; i <= n; i++) {
            long centre = (long) i * m;
            int low = (int) Math.max(0, Math.floorDiv(centre - gap, n) + 1);
            int high = (int) Math.min(m, -Math.floorDiv(-(centre + gap), n) - 1);
            for (int j = low; j <= high; j++) {
                double here;
                if (i == 0 && j == 0) {
                    here = 1;
                } else {
                    // untouched[j] still holds row i − 1; untouched[j − 1] is row i's, in the band from low on
                    double fromLeft = i == 0 ? 0 : untouched[j] * (n - i + 1) * reciprocal[n - i + 1 + m - j];
                    double fromBelow = j == low ? 0 : untouched[j - 1] * (m - j + 1) * reciprocal[n - i + m - j + 1];
                    here = fromLeft + fromBelow;
                }
                untouched[j] = here;
                double steps = reciprocal[n - i + m - j];
                if (i < n && Math.abs(centre + m - (long) j * n) >= gap) {
                    tail += here * (n - i) * steps;
                }
                if (j < m && Math.abs(centre - (long) (j + 1) * n) >= gap) {
                    tail += here * (m - j) * steps;
                }
            }
        }
        return tail;
    }

    /** Chi-square statistic of homogeneity of two count vectors over the same categories. */
    public static double chiSquareStatistic(long[] reference, long[] current) {
        return new ChiSquareTest().chiSquareDataSetsComparison(reference, current);
    }

    /**
     * p-value of the chi-square test of homogeneity (degrees of freedom = categories − 1), as the chi-square's upper
     * tail: the library's test returns 1 − CDF, which is 0 for a strong drift (216.86 on 3 df: 9.6e-47).
     */
    public static double chiSquarePValue(long[] reference, long[] current) {
        return UpperTails.chiSquare(chiSquareStatistic(reference, current), reference.length - 1);
    }
}
