package org.verdict.core.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.verdict.core.stats.MetricFormat;

/**
 * The labels near 0 that mape's relative errors rest on: those within {@link #SHARE_OF_MEAN_SIZE} of the slice's
 * mean |label|, said when they hold half or more of either model's relative error. An error of ordinary size
 * divided by such a label is a relative error tens to thousands of times the others', so mape, and the verdict
 * on it, is then about those few examples (refunds of a few cents among orders of tens of dollars) rather than
 * the slice's typical error; its interval is no less valid for it (the rule of "When a few rows carry the mean"
 * looks at how the relative errors spread over the blocks), but it is worth knowing what it measures.
 */
final class NearZeroLabels {
    private static final double SHARE_OF_MEAN_SIZE = 0.01;
    /** Said when the labels near 0 hold at least this share of either model's relative error. */
    private static final double SAID_FROM_SHARE = 0.5;
    private final double bound;
    private long nonZero;
    private long near;
    private final double[] relative = new double[2];
    private final double[] nearRelative = new double[2];

    /** @param meanSize the slice's mean |label| */
    NearZeroLabels(double meanSize) {
        this.bound = SHARE_OF_MEAN_SIZE * meanSize;
    }

    /** A row whose label is not 0, with each model's relative error. */
    void add(double label, double relativeP, double relativeC) {
        nonZero++;
        relative[0] += relativeP;
        relative[1] += relativeC;
        if (Math.abs(label) < bound) {
            near++;
            nearRelative[0] += relativeP;
            nearRelative[1] += relativeC;
        }
    }

    /** The note, e.g. "468 of 6,000 labels (7.8%) are nearer 0 than 1% of their mean size (0.63) and hold ...". */
    String said() {
        double production = nearRelative[0] / relative[0];
        double candidate = nearRelative[1] / relative[1];
        if (near == 0 || !(production >= SAID_FROM_SHARE || candidate >= SAID_FROM_SHARE)) {
            return null;
        }
        return String.format(Locale.ROOT, "%s of %s labels (%.1f%%) are nearer 0 than %.0f%% of their mean size"
                + " (%s) and hold %.0f%% of production's and %.0f%% of the candidate's relative error, so mape"
                + " here measures mostly those examples", MetricFormat.count(near), MetricFormat.count(nonZero),
                100.0 * near / nonZero, 100 * SHARE_OF_MEAN_SIZE,
                new BigDecimal(bound).round(new MathContext(2)).stripTrailingZeros()
                        .toPlainString(), 100 * production, 100 * candidate);
    }
}
