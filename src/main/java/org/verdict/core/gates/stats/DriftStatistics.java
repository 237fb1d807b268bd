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

    /** From this product of the sample sizes on, the library's two-sample test is asymptotic, and so is ours. */
    private static final long LARGE_SAMPLE_PRODUCT = 10_000;

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
     * Two-sided p-value P(D ≥ d) of the two-sample Kolmogorov–Smirnov test (exact for small samples, asymptotic for
     * large ones). Not the library's default "strict" P(D &gt; d), which is 0 for fully separated samples. The
     * asymptotic tail is computed as a tail ({@link UpperTails#kolmogorov}): the library's 1 − CDF is 0 for any p
     * below about 1e-16.
     */
    public static double ksPValue(double[] reference, double[] current) {
        long sizes = (long) reference.length * current.length;
        if (sizes < LARGE_SAMPLE_PRODUCT) {
            return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(reference, current, false);
        }
        double n = reference.length;
        double m = current.length;
        return UpperTails.kolmogorov(ksStatistic(reference, current) * Math.sqrt(n * m / (n + m)));
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
