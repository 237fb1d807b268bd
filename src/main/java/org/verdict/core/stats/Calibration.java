package org.verdict.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Per-example pieces of the calibration metrics log_loss and sq_calibration_error, and the debiased estimator of the
 * binned squared calibration error (Kumar, Liang &amp; Ma 2019, "Verified uncertainty calibration").
 */
public final class Calibration {
    /** Scores are clipped to [1e-15, 1 − 1e-15] before the logarithm, as scikit-learn does. */
    public static final double LOG_LOSS_CLIP = 1e-15;
    /** The calibration error uses 10 equal-width score bins over [0, 1]. */
    public static final int BINS = 10;
    /**
     * Length of one model's sum vector for {@link #squaredError}: per bin, the number of examples, Σ (score − label)
     * and Σ (score − label)², in that order.
     */
    public static final int SQUARED_ERROR_SUMS = 3 * BINS;
    /** The largest squared calibration error there is: every score 1 with label 0, or 0 with label 1. */
    static final double MAX_SQUARED_ERROR = 1;

    private static final double[] UPPER_EDGES = binEdges();

    private Calibration() {
    }

    /** −log of the probability the score gives to the true label (label 1 = positive). */
    public static double logLoss(double score, int label) {
        double p = Math.min(Math.max(score, LOG_LOSS_CLIP), 1 - LOG_LOSS_CLIP);
        return label == 1 ? -Math.log(p) : -Math.log(1 - p);
    }

    /**
     * The bin of a score: bins are right-closed, (i/10, (i+1)/10], the first also holding 0 (so 0.3 falls in bin 2
     * and 0.31 in bin 3), with the edges computed as i·0.1 like NumPy's linspace, as in scikit-learn's
     * calibration_curve.
     */
    public static int bin(double score) {
        // the number of upper edges below the score, found from a first guess a step or so away from it
        int bin = (int) Math.max(0, Math.min(UPPER_EDGES.length, score * BINS));
        while (bin > 0 && !(score > UPPER_EDGES[bin - 1])) {
            bin--;
        }
        while (bin < UPPER_EDGES.length && score > UPPER_EDGES[bin]) {
            bin++;
        }
        return bin;
    }

    /**
     * Adds one example to a model's sum vector (see {@link #SQUARED_ERROR_SUMS}) that starts at {@code sums[offset]}
     * (a wider per-example or per-block vector holds it there).
     */
    public static void addExample(double score, int label, int bin, double[] sums, int offset) {
        double gap = score - label;
        int at = offset + 3 * bin;
        sums[at] += 1;
        sums[at + 1] += gap;
        sums[at + 2] += gap * gap;
    }

    /**
     * The debiased squared calibration error of the sums of {@code examples} examples, starting at {@code offset}.
     * The population quantity is Σ_b P(bin b) · (E[score − label | bin b])². In a bin with m ≥ 2 examples and gaps
     * d_i = score_i − label_i, (Σ d)² − Σ d² over m(m − 1) — the mean of d_i·d_j over pairs i ≠ j — is an unbiased
     * estimate of (E[d | bin])², where the plug-in (mean d)² is biased upward by Var(d)/m; weighted by the bin's
     * share m/n. This is the debiased estimator of Kumar, Liang &amp; Ma (2019) (theirs subtracts the labels' variance
     * only, this one the gaps', so scores that vary inside a bin are accounted for too). Bins with fewer than two
     * examples add nothing. Being unbiased, the estimate of a well-calibrated model can be slightly negative.
     */
    public static double squaredError(double[] sums, int offset, double examples) {
        double total = 0;
        for (int b = 0; b < BINS; b++) {
            BinSums bin = BinSums.of(sums, offset, b);
            if (!bin.tooFew()) {
                total += (bin.gapSum() * bin.gapSum() - bin.squareSum()) / ((bin.m() - 1) * examples);
            }
        }
        return total;
    }

    /**
     * One model's interval of the debiased squared calibration error from its sums (see {@link #SQUARED_ERROR_SUMS})
     * at {@code offset}: the values θ for which |θ̂ − θ| ≤ t·√V(θ), with V the estimator's variance at the θ tested
     * rather than at the estimate (a score interval, as Wilson's is for a rate).
     * <p>
     * In a bin the estimate is a U-statistic of the gaps (the mean of d_i·d_j over pairs), whose variance (Hoeffding's
     * decomposition) has a linear part 4·μ²·σ²/m and a degenerate quadratic part 2·σ⁴/(m(m − 1)), μ the bin's mean gap
     * and σ² its variance. Weighted by the bins' shares P(b), the linear part adds up to (4·σ̄²/n)·θ, σ̄² the bins'
     * variances averaged with the weights P(b)·μ_b² (the weights θ is the sum of) — proportional to the calibration
     * error itself, so a sample whose estimate falls low also gets a small standard error, and a t-interval at the
     * estimate misses low — and the quadratic part to (2/n²)·Σ σ_b⁴·m_b/(m_b − 1); the bins' multinomial sizes add
     * (Σ P(b)·μ_b⁴ − θ²)/n. So V(θ) = Q + c·max(θ, 0) with c = 4·s̄²/n, s̄² = Σ w_b·μ̂_b²·s_b² / Σ w_b·μ̂_b², and
     * Q = (2/n²)·Σ s_b⁴·m_b/(m_b − 1) + max(0, Σ w_b·μ̂_b⁴ − (Σ w_b·μ̂_b²)²)/n over bins with m_b ≥ 2 (w_b = m_b/n,
     * μ̂_b the bin's mean gap, s_b² its sample variance). Where the positives are rare, the bins whose gaps carry the
     * error (the few positives' large gaps) are the bins of large variance, and the multinomial term is what a slice
     * with one positive more or less in such a bin adds: the pooled within-bin variance, dominated by the many rows of
     * small gaps, and no multinomial term, covered 87.6–93.4 % of rare-positive slices of 200–1,000 rows and 65–74 %
     * at 4,000 (docs/statistics.md, "Real-shaped packs").
     *
     * @param degreesOfFreedom of the t quantile (the resampled units − 1)
     * @return the interval, or null when the variance is 0 (no bin of two or more examples whose gaps differ)
     */
    public static Interval squaredErrorInterval(double[] sums, int offset, double examples, double level,
                                                double degreesOfFreedom) {
        double estimate = squaredError(sums, offset, examples);
        double pooledSquares = 0;
        double pooledDegrees = 0;
        double weightedSquares = 0;
        double weights = 0;
        double fourthPowers = 0;
        double quadratic = 0;
        for (int b = 0; b < BINS; b++) {
            BinSums bin = BinSums.of(sums, offset, b);
            if (bin.tooFew()) {
                continue;
            }
            double m = bin.m();
            // equal gaps leave rounding, not 0, after the subtraction: that is no spread (RoundingSpread)
            double squares = bin.squareSum() - bin.gapSum() * bin.gapSum() / m;
            squares = RoundingSpread.negligible(squares, bin.squareSum()) ? 0 : squares;
            double variance = squares / (m - 1);
            pooledSquares += squares;
            pooledDegrees += m - 1;
            quadratic += 2 * variance * variance * m / (m - 1);
            double meanGap = bin.gapSum() / m;
            double weight = m / examples * meanGap * meanGap;
            weights += weight;
            weightedSquares += weight * variance;
            fourthPowers += weight * meanGap * meanGap;
        }
        // every bin's mean gap 0: no weight to average the variances with, so the pooled one
        double slope = weights > 0 ? 4 * (weightedSquares / weights) / examples
                : pooledDegrees > 0 ? 4 * (pooledSquares / pooledDegrees) / examples : 0;
        quadratic = quadratic / (examples * examples) + Math.max(0, fourthPowers - weights * weights) / examples;
        if (!(slope > 0) && !(quadratic > 0)) {
            return null;
        }
        double t = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2);
        double a = t * t;
        // θ < 0: the linear part is 0, |θ̂ − θ| ≤ t·√Q; θ ≥ 0: θ² − (2θ̂ + a·c)·θ + θ̂² − a·Q ≤ 0
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        double half = t * Math.sqrt(quadratic);
        if (estimate - half < 0) {
            lower = estimate - half;
            upper = Math.min(estimate + half, 0);
        }
        double centre = estimate + a * slope / 2;
        double discriminant = a * slope * estimate + a * a * slope * slope / 4 + a * quadratic;
        if (discriminant >= 0 && centre + Math.sqrt(discriminant) >= 0) {
            lower = Math.min(lower, Math.max(centre - Math.sqrt(discriminant), 0));
            upper = Math.max(upper, centre + Math.sqrt(discriminant));
        }
        // a gap between a score in [0, 1] and a 0/1 label is at most 1 in size, so the quantity is at most 1: an
        // end beyond it (a few rows at t on 3 degrees of freedom) says nothing the cut end does not
        return new Interval(lower, Math.min(upper, MAX_SQUARED_ERROR));
    }

    /**
     * The variance of a linear combination Σ_model weight·(debiased squared calibration error) — one model's
     * (weights 1 and 0) or Δ's (−1 for production, 1 for the candidate) — from the sums of independent units (rows, or
     * the blocks of a random-block partition): the jackknife's variance less its known excess for a U-statistic.
     * <p>
     * The estimator is, bin by bin, a U-statistic of degree 2 (the mean of d_i·d_j over pairs). The jackknife estimates
     * the variance of its linear part without bias but counts its degenerate quadratic part 2(k − 1)/(k − 2) times
     * over k units (Efron &amp; Stein 1981), and near good calibration that part is a large share of the variance:
     * the jackknife, like the bootstrap, overstated the standard error by 20–45 % at 50–200 rows. The quadratic part's
     * variance is 2·N2·σ₂² for the pair kernel K(u, v) = Σ_b w_b·s_ub·s_vb (w_b = ±1/(n·(m_b − 1)), s_ub unit u's sum
     * of gaps in bin b, N2 = k(k − 1)), with σ₂² = E K² − 2·E[K(u,v)K(u,w)] + (E K)², each term estimated without bias
     * by the mean over distinct units (pairs, triples, quadruples; the variance estimators of Wang &amp; Lindsay 2014);
     * so the excess k/(k − 2)·2·N2·σ̂₂² is subtracted. The result is never taken below half the jackknife's variance:
     * the jackknife expects at most twice the true variance (its linear part once, its quadratic part about twice),
     * so less is the subtraction's own noise — which, left alone, made the far tail of Δ's t statistic four times too
     * heavy for a Holm family (p &lt; 0.0025 in 0.85–1.05 % of null slices of 50 rows instead of 0.25 %).
     *
     * @param units     k ≥ 4 unit vectors, each with one model's {@link #SQUARED_ERROR_SUMS} sums at each offset and
     *                  its number of examples at {@code countIndex}
     * @param offsets   where each model's sums start in a unit vector
     * @param weights   each model's weight in the combination
     * @param examples  n, the examples of all units
     * @return the variance, or NaN with fewer than 4 units
     */
    public static double squaredErrorVariance(double[][] units, int[] offsets, double[] weights, int countIndex,
                                              double examples) {
        int k = units.length;
        if (k < 4) {
            return Double.NaN;
        }
        int models = offsets.length;
        int width = models * BINS;
        // per model-bin: totals, and w_b = weight/(n·(m_b − 1)) of the pair kernel
        double[] count = new double[width];
        double[] gap = new double[width];
        double[] square = new double[width];
        addBinTotals(units, offsets, count, gap, square);
        double[] w = new double[width];
        for (int model = 0; model < models; model++) {
            for (int bin = 0; bin < BINS; bin++) {
                int j = model * BINS + bin;
                w[j] = count[j] >= 2 ? weights[model] / (examples * (count[j] - 1)) : 0;
            }
        }
        // the jackknife: each unit left out once
        double[] leftOut = leftOutValues(units, offsets, weights, countIndex, examples, count, gap, square);
        double mean = 0;
        for (double value : leftOut) {
            mean += value / k;
        }
        double jackknife = 0;
        for (double value : leftOut) {
            jackknife += (value - mean) * (value - mean);
        }
        jackknife *= (k - 1.0) / k;
        // the pair kernel's sums over distinct units: Σ K, Σ K², Σ_u (Σ_v K(u, v))²
        double[][] cross = new double[width][width];
        double[][] crossOfSquares = new double[width][width];
        double[] ownSquares = new double[width];
        double rowSums = addPairKernelSums(units, offsets, w, gap, cross, crossOfSquares, ownSquares);
        double pairSquares = 0;
        double pairs = 0;
        for (int i = 0; i < width; i++) {
            pairs += w[i] * (gap[i] * gap[i] - ownSquares[i]);
            for (int j = 0; j < width; j++) {
                pairSquares += w[i] * w[j] * (cross[i][j] * cross[i][j] - crossOfSquares[i][j]);
            }
        }
        double n2 = (double) k * (k - 1);
        double n3 = n2 * (k - 2);
        double n4 = n3 * (k - 3);
        double kernelVariance = pairSquares / n2 - 2 * (rowSums - pairSquares) / n3
                + (pairs * pairs - 4 * rowSums + 2 * pairSquares) / n4;
        double excess = k / (k - 2.0) * 2 * n2 * kernelVariance;
        return Math.max(jackknife - excess, jackknife / 2);
    }

    // The loops over the units of squaredErrorVariance sit in small methods of their own: the method runs once per
    // slice, so the JIT compiles its loops on-stack, and compiling each small loop costs far less than compiling the
    // whole method once per loop.

    /** Adds each model-bin's count, sum of gaps and sum of squared gaps over the units (index model·BINS + bin). */
    private static void addBinTotals(double[][] units, int[] offsets, double[] count, double[] gap, double[] square) {
        for (double[] unit : units) {
            for (int model = 0; model < offsets.length; model++) {
                for (int bin = 0; bin < BINS; bin++) {
                    int j = model * BINS + bin;
                    count[j] += unit[offsets[model] + 3 * bin];
                    gap[j] += unit[offsets[model] + 3 * bin + 1];
                    square[j] += unit[offsets[model] + 3 * bin + 2];
                }
            }
        }
    }

    /** The combination's value with each unit left out, by unit. */
    private static double[] leftOutValues(double[][] units, int[] offsets, double[] weights, int countIndex,
                                          double examples, double[] count, double[] gap, double[] square) {
        double[] leftOut = new double[units.length];
        for (int u = 0; u < units.length; u++) {
            double[] unit = units[u];
            double rest = examples - unit[countIndex];
            double value = 0;
            for (int model = 0; model < offsets.length; model++) {
                for (int bin = 0; bin < BINS; bin++) {
                    int j = model * BINS + bin;
                    double m = count[j] - unit[offsets[model] + 3 * bin];
                    if (m < 2) {
                        continue;
                    }
                    double g = gap[j] - unit[offsets[model] + 3 * bin + 1];
                    double q = square[j] - unit[offsets[model] + 3 * bin + 2];
                    value += weights[model] * (g * g - q) / ((m - 1) * rest);
                }
            }
            leftOut[u] = value;
        }
        return leftOut;
    }

    /**
     * Adds, over the units, the products of their sums of gaps per model-bin pair ({@code cross}), of their squares
     * ({@code crossOfSquares}) and each one's squares ({@code ownSquares}); returns Σ_u (Σ_v≠u K(u, v))².
     */
    private static double addPairKernelSums(double[][] units, int[] offsets, double[] w, double[] gap,
                                            double[][] cross, double[][] crossOfSquares, double[] ownSquares) {
        int width = gap.length;
        double[] s = new double[width];
        double rowSums = 0;
        for (double[] unit : units) {
            for (int model = 0; model < offsets.length; model++) {
                for (int bin = 0; bin < BINS; bin++) {
                    s[model * BINS + bin] = unit[offsets[model] + 3 * bin + 1];
                }
            }
            double r = 0;
            for (int i = 0; i < width; i++) {
                double si = s[i];
                if (si == 0) {
                    continue;
                }
                r += w[i] * si * (gap[i] - si);
                double siSquared = si * si;
                ownSquares[i] += siSquared;
                // the rows and s[j] read once: the command line's client compiler reloads them at every use
                double[] crossRow = cross[i];
                double[] crossOfSquaresRow = crossOfSquares[i];
                for (int j = 0; j < width; j++) {
                    double sj = s[j];
                    crossRow[j] += si * sj;
                    crossOfSquaresRow[j] += siSquared * sj * sj;
                }
            }
            rowSums += r * r;
        }
        return rowSums;
    }

    private static double[] binEdges() {
        double[] edges = new double[BINS - 1];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = (i + 1) * (1.0 / BINS);
        }
        return edges;
    }

    /**
     * One bin's part of a model's sum vector (see {@link #SQUARED_ERROR_SUMS}): its examples m, Σ (score − label) and
     * Σ (score − label)², as {@link #addExample} adds them.
     */
    private record BinSums(double m, double gapSum, double squareSum) {
        static BinSums of(double[] sums, int offset, int bin) {
            int at = offset + 3 * bin;
            return new BinSums(sums[at], sums[at + 1], sums[at + 2]);
        }

        /** Whether the bin has fewer than the two examples an estimate of its squared mean gap needs. */
        boolean tooFew() {
            return m < 2;
        }
    }
}
