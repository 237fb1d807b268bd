package org.verdict.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Confidence intervals for the largest of several estimated quantities, max_k θ_k (a disparity is the largest gap
 * between two groups), from bootstrap replicates of every term. The construction is written for a difference of two
 * maxima, max_i a_i − max_j b_j; a single maximum is the case b = {0}.
 *
 * <p>Why not a percentile interval: the plug-in maximum is biased upward when terms are close (the largest of
 * several noisy estimates overshoots the largest true value), and a replicate's maximum overshoots the estimate again,
 * so percentile intervals can exclude their own estimate and undercover. Instead, in the spirit of generalized moment
 * selection (Andrews &amp; Soares 2010) and of the intersection-bounds intervals of Chernozhukov, Lee &amp; Rosen
 * (2013), the interval is built from the terms themselves, each a smooth statistic the bootstrap handles well:
 * <ol>
 *   <li>keep the terms that may be the maximum: θ̂_k ≥ max θ̂ − κ·(se_k + se_top), with κ = √(ln n) (n the smallest
 *       sample behind a term) and se the bootstrap standard errors;</li>
 *   <li>write the quantity as max_i min_j c_ij with c_ij = a_i − b_j over the kept i and j (a single maximum is the
 *       case b = {0}), since max_i a_i − max_j b_j = max_i min_j (a_i − b_j);</li>
 *   <li>upper bound max_i min_j (ĉ_ij + c_U·se_ij), lower bound min_j max_i (ĉ_ij − c_L·se_ij). The upper bound holds
 *       when, for the true arg max i* of a, every ĉ_i*j + c_U·se ≥ c_i*j (then the row i* alone reaches the true
 *       value c_i*j* = min_j c_i*j); the lower bound when, for the true arg max j* of b, every ĉ_ij* − c_L·se ≤ c_ij*
 *       (then the column j* alone stays below max_i c_ij*, the true value). So c_U is the largest over i of the
 *       1 − α/2 bootstrap quantile of
 *       max_j (ĉ_ij − c*_ij)/se_ij, and c_L the largest over j of that of max_i (c*_ij − ĉ_ij)/se_ij: one-sided, and
 *       simultaneous only over the index the bound needs (c_U is the usual 1.96 for a single maximum); neither is
 *       taken below the normal quantile of a single term.</li>
 * </ol>
 * Both bounds are at or beyond the estimate max_i â_i − max_j b̂_j (= max_i min_j ĉ_ij = min_j max_i ĉ_ij), so the
 * interval always contains it. Near ties it is wider
 * than a naive interval (coverage above the level): that is the price of validity there, since a maximum has no
 * unbiased estimator at a tie (Hirano &amp; Porter 2012). Undefined terms (NaN) are left out; a replicate where a term
 * is undefined or infinite leaves that term out of that replicate.
 */
public final class MaximumIntervals {
    private MaximumIntervals() {
    }

    /**
     * @param estimates θ̂_k (NaN: undefined)
     * @param replicates replicates[k][r], the bootstrap replicates of θ_k
     * @param n the smallest sample behind a term, for the selection threshold
     * @return the interval of max_k θ_k, or null when no term is defined
     */
    public static Interval ofMaximum(double[] estimates, double[][] replicates, long n, double level) {
        return ofMaximum(estimates, replicates, null, n, level);
    }

    /**
     * @param minimumStandardErrors a floor under each term's bootstrap standard error (null: none). A rate of 0 or 1
     *                              never varies under the bootstrap, so without a floor a gap between such rates
     *                              would get a zero-width interval although it is estimated from data
     */
    public static Interval ofMaximum(double[] estimates, double[][] replicates, double[] minimumStandardErrors, long n,
                                     double level) {
        double[][] zero = {new double[replicates.length == 0 ? 0 : replicates[0].length]};
        List<Term> kept = nearMaximal(terms(estimates, replicates, minimumStandardErrors), n);
        List<Term> constant = terms(new double[] {0}, zero, null);
        return kept.isEmpty() ? null : interval(kept, constant, level);
    }

    private static Interval interval(List<Term> keptA, List<Term> keptB, double level) {
        // the contrasts' replicates are formed on the fly: with many groups there are thousands of contrasts
        Contrasts contrasts = new Contrasts(keptA, keptB);
        double oneSided = 1 - (1 - level) / 2;
        // never below the one-sided normal quantile of a single term: a term whose rates sit at 0 or 1 does not vary
        // under the bootstrap, and its spread then comes from its floor alone
        double upperCritical = PairedTests.twoSidedCriticalValue(level);
        for (int i = 0; i < keptA.size(); i++) {
            upperCritical = Math.max(upperCritical, contrasts.criticalValue(i, -1, oneSided));
        }
        double lowerCritical = PairedTests.twoSidedCriticalValue(level);
        for (int j = 0; j < keptB.size(); j++) {
            lowerCritical = Math.max(lowerCritical, contrasts.criticalValue(j, 1, oneSided));
        }
        // upper: max over the candidates for i* of min_j; lower: min over the candidates for j* of max_i
        double upper = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < keptA.size(); i++) {
            double rowUpper = Double.POSITIVE_INFINITY;
            for (int j = 0; j < keptB.size(); j++) {
                rowUpper = Math.min(rowUpper, contrasts.estimate[i][j] + upperCritical * contrasts.se[i][j]);
            }
            upper = Math.max(upper, rowUpper);
        }
        double lower = Double.POSITIVE_INFINITY;
        for (int j = 0; j < keptB.size(); j++) {
            double columnLower = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < keptA.size(); i++) {
                columnLower = Math.max(columnLower, contrasts.estimate[i][j] - lowerCritical * contrasts.se[i][j]);
            }
            lower = Math.min(lower, columnLower);
        }
        return new Interval(lower, upper);
    }

    /** One estimated term with its replicates and bootstrap standard error. */
    private record Term(double estimate, double[] replicates, double se, double minimumSe) {
    }

    private static List<Term> terms(double[] estimates, double[][] replicates, double[] minimumStandardErrors) {
        List<Term> terms = new ArrayList<>();
        for (int k = 0; k < estimates.length; k++) {
            if (Double.isFinite(estimates[k])) {
                double floor = minimumStandardErrors == null ? 0 : minimumStandardErrors[k];
                terms.add(new Term(estimates[k], replicates[k],
                        Math.max(floor, standardError(replicates[k], null)), floor));
            }
        }
        return terms;
    }

    private static List<Term> nearMaximal(List<Term> terms, long n) {
        if (terms.isEmpty()) {
            return terms;
        }
        Term top = terms.get(0);
        for (Term t : terms) {
            if (t.estimate > top.estimate) {
                top = t;
            }
        }
        double kappa = Math.sqrt(Math.log(Math.max(n, 3)));
        List<Term> kept = new ArrayList<>();
        for (Term t : terms) {
            if (t.estimate >= top.estimate - kappa * (t.se + top.se)) {
                kept.add(t);
            }
        }
        return kept;
    }

    /**
     * Standard deviation of the replicates of x − y ({@code y} null: of x) over the replicates where it is finite
     * (Welford's one-pass update).
     */
    private static double standardError(double[] x, double[] y) {
        double mean = 0;
        double squares = 0;
        int count = 0;
        for (int r = 0; r < x.length; r++) {
            double d = y == null ? x[r] : x[r] - y[r];
            if (Double.isFinite(d)) {
                count++;
                double delta = d - mean;
                mean += delta / count;
                squares += delta * (d - mean);
            }
        }
        return count < 2 ? 0 : Math.sqrt(squares / (count - 1));
    }

    /** The contrasts a_i − b_j of the kept terms: estimates and bootstrap standard errors. */
    private static final class Contrasts {
        /** Replicates of the kept terms, [term][replicate]. */
        final double[][] a;
        final double[][] b;
        final double[][] estimate;
        final double[][] se;

        Contrasts(List<Term> keptA, List<Term> keptB) {
            this.a = keptA.stream().map(Term::replicates).toArray(double[][]::new);
            this.b = keptB.stream().map(Term::replicates).toArray(double[][]::new);
            this.estimate = new double[a.length][b.length];
            this.se = new double[a.length][b.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    estimate[i][j] = keptA.get(i).estimate - keptB.get(j).estimate;
                    se[i][j] = Math.max(standardError(a[i], b[j]),
                            Math.hypot(keptA.get(i).minimumSe, keptB.get(j).minimumSe));
                }
            }
        }

        /**
         * The {@code probability} quantile over the replicates of the largest standardised deviation: for the upper
         * bound (sign −1) over j in row {@code index} of (ĉ_ij − c*_ij)/se_ij, for the lower bound (sign 1) over i
         * in column {@code index} of (c*_ij − ĉ_ij)/se_ij. Contrasts without spread are exact and left out.
         */
        double criticalValue(int index, int sign, double probability) {
            int replicates = a[0].length;
            double[] largest = new double[replicates];
            Arrays.fill(largest, Double.NaN);
            int others = sign < 0 ? b.length : a.length;
            for (int k = 0; k < others; k++) {
                int i = sign < 0 ? index : k;
                int j = sign < 0 ? k : index;
                double scale = se[i][j];
                if (scale <= 0) {
                    continue;
                }
                double centre = estimate[i][j];
                double[] x = a[i];
                double[] y = b[j];
                for (int r = 0; r < replicates; r++) {
                    double deviation = sign * (x[r] - y[r] - centre) / scale;
                    // NaN (an undefined replicate) never wins the comparison, and an infinite one is left out
                    if (Double.isFinite(deviation) && !(deviation <= largest[r])) {
                        largest[r] = deviation;
                    }
                }
            }
            ResampledDistribution distribution = new ResampledDistribution(largest);
            return distribution.defined() == 0 ? 0 : Math.max(0, distribution.quantile(probability));
        }
    }
}
