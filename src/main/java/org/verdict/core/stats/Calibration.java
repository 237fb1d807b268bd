package org.verdict.core.stats;

/** Per-example pieces of the calibration metrics log_loss and ece. */
public final class Calibration {
    /** Scores are clipped to [1e-15, 1 − 1e-15] before the logarithm, as scikit-learn does. */
    public static final double LOG_LOSS_CLIP = 1e-15;
    /** ece uses 10 equal-width bins over [0, 1]. */
    public static final int ECE_BINS = 10;

    private static final double[] ECE_UPPER_EDGES = eceEdges();

    private Calibration() {
    }

    /** −log of the probability the score gives to the true label (label 1 = positive). */
    public static double logLoss(double score, int label) {
        double p = Math.min(Math.max(score, LOG_LOSS_CLIP), 1 - LOG_LOSS_CLIP);
        return label == 1 ? -Math.log(p) : -Math.log(1 - p);
    }

    /**
     * The ece bin of a score: bins are right-closed, (i/10, (i+1)/10], the first also holding 0 (so 0.3 falls in bin
     * 2 and 0.31 in bin 3), with the edges computed as i·0.1 like NumPy's linspace, as in scikit-learn's
     * calibration_curve.
     */
    public static int eceBin(double score) {
        int bin = 0;
        while (bin < ECE_UPPER_EDGES.length && score > ECE_UPPER_EDGES[bin]) {
            bin++;
        }
        return bin;
    }

    private static double[] eceEdges() {
        double[] edges = new double[ECE_BINS - 1];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = (i + 1) * (1.0 / ECE_BINS);
        }
        return edges;
    }
}
