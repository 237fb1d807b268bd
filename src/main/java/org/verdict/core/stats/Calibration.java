package org.verdict.core.stats;

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
        int bin = 0;
        while (bin < UPPER_EDGES.length && score > UPPER_EDGES[bin]) {
            bin++;
        }
        return bin;
    }

    /**
     * Adds one example to a model's sum vector (see {@link #SQUARED_ERROR_SUMS}) through {@code add(column, value)}.
     */
    public static void addExample(double score, int label, int bin, ColumnAdder add) {
        double gap = score - label;
        add.add(3 * bin, 1);
        add.add(3 * bin + 1, gap);
        add.add(3 * bin + 2, gap * gap);
    }

    /** Where {@link #addExample} puts its terms (an offset into a wider per-example vector, a block, ...). */
    @FunctionalInterface
    public interface ColumnAdder {
        void add(int column, double value);
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
        for (int bin = 0; bin < BINS; bin++) {
            double m = sums[offset + 3 * bin];
            if (m < 2) {
                continue;
            }
            double gapSum = sums[offset + 3 * bin + 1];
            double squareSum = sums[offset + 3 * bin + 2];
            total += (gapSum * gapSum - squareSum) / ((m - 1) * examples);
        }
        return total;
    }

    private static double[] binEdges() {
        double[] edges = new double[BINS - 1];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = (i + 1) * (1.0 / BINS);
        }
        return edges;
    }
}
