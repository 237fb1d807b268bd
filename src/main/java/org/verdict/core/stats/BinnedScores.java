package org.verdict.core.stats;

import java.util.Map;

/**
 * Both models' scores on one slice as histograms instead of rows: per model, the positives and negatives in each fine
 * bin of logit(score) ({@link #FINE_WIDTH} wide, bin ⌊logit · 1000⌋), and the paired joint histogram of (production
 * bin, candidate bin) on coarse bins of {@link #COARSE_FACTOR} fine bins, per class.
 *
 * @param productionBins ascending fine bins where production has examples, with {@code productionPositives} and
 *                       {@code productionNegatives} counts at the same index
 * @param jointPositives coarse (production bin, candidate bin) → positives; key {@link #pair}
 */
public record BinnedScores(long[] productionBins, long[] productionPositives, long[] productionNegatives,
                           long[] candidateBins, long[] candidatePositives, long[] candidateNegatives,
                           Map<Long, Long> jointPositives, Map<Long, Long> jointNegatives) {
    /** Width of a fine bin in logit units. */
    public static final double FINE_WIDTH = 0.001;
    /** Fine bins per coarse bin of the joint histogram (0.02 logit). */
    public static final int COARSE_FACTOR = 20;

    /** The coarse bin of a fine bin. */
    public static long coarse(long fineBin) {
        return Math.floorDiv(fineBin, COARSE_FACTOR);
    }

    /** One key for a coarse (production, candidate) pair; coarse bins lie within ±2^20 (logits of clipped scores). */
    public static long pair(long productionCoarse, long candidateCoarse) {
        return (productionCoarse << 32) ^ (candidateCoarse & 0xFFFF_FFFFL);
    }

    /**
     * Σ over the joint histogram's coarse cells of count · production's mean · candidate's mean in that cell's bins:
     * the cross term of a paired variance (DeLong's components, average precision's influence).
     */
    static double crossMoment(Map<Long, Long> joint, Map<Long, Double> productionMean,
                              Map<Long, Double> candidateMean) {
        double sum = 0;
        for (Map.Entry<Long, Long> cell : joint.entrySet()) {
            Double p = productionMean.get(productionOf(cell.getKey()));
            Double c = candidateMean.get(candidateOf(cell.getKey()));
            if (p == null || c == null) {
                throw new IllegalArgumentException("the joint histogram has a cell outside its marginals");
            }
            sum += cell.getValue() * p * c;
        }
        return sum;
    }

    static long productionOf(long pair) {
        return pair >> 32;
    }

    static long candidateOf(long pair) {
        return (int) pair;
    }

    public long positives() {
        long sum = 0;
        for (long count : productionPositives) {
            sum += count;
        }
        return sum;
    }

    public long negatives() {
        long sum = 0;
        for (long count : productionNegatives) {
            sum += count;
        }
        return sum;
    }
}
