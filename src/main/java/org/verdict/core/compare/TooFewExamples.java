package org.verdict.core.compare;

import java.util.Set;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.BinnedAveragePrecision;

/**
 * A slice with fewer examples than the comparison's minimum ("too few examples"), for every task and surface: Δ gets
 * no interval and no test, and each model's interval stands only where its method keeps its coverage at any size —
 * the score intervals of rates: the modified Wilson interval (accuracy, micro_f1, precision, recall, tpr, fpr,
 * selection_rate, and f1's through the Jaccard index), balanced_accuracy's MOVER-Wilson (where its own class rule lets it stand) and roc_auc's
 * Newcombe score interval (95.1–96.6 % at 8–30 rows in a NumPy re-implementation of the benchmark's binary population,
 * docs/statistics.md, "Real-shaped packs"). The other methods (the bootstrap's BCa,
 * studentized and percentile intervals, the influence function's logit intervals, the jackknife's
 * Fisher z and logit intervals of cohen_kappa and weighted_f1, the calibration error's score interval) have coverage measured from 30 rows only and visibly lose it below; their intervals are
 * withheld and the reason says so in words (docs/statistics.md, "Slices under the minimum").
 */
final class TooFewExamples {
    /** Metrics whose per-model interval is a score interval (of rates, or of roc_auc), valid at any size. */
    private static final Set<Metric> SCORE_INTERVALS = Set.of(Metric.ACCURACY, Metric.MICRO_F1, Metric.PRECISION,
            Metric.RECALL, Metric.TPR, Metric.FPR, Metric.SELECTION_RATE, Metric.F1, Metric.BALANCED_ACCURACY,
            Metric.ROC_AUC);

    private final int minimum;

    TooFewExamples(int minimum) {
        this.minimum = minimum;
    }

    /**
     * Whether {@code n} examples are under the minimum, so that {@link #applied} changes the results: a slice's rows, or
     * the rows a metric rests on ({@link MetricCounts#restsOn}).
     */
    boolean covers(long n) {
        return n < minimum;
    }

    /** Whether a metric's per-model interval keeps its coverage at any size. */
    static boolean keepsModelIntervals(Metric metric) {
        return SCORE_INTERVALS.contains(metric);
    }

    /**
     * The comparison of a slice under the minimum: no inference of Δ (so no interval, p-value or test), and each model's
     * interval withheld unless {@link #keepsModelIntervals}. {@code unstableReason} then says why a model's interval is
     * missing; a reason that only concerned Δ's bootstrap is dropped, as Δ is not tested here.
     *
     * @param n         the slice's rows
     * @param counts    the counts the metric rests on: mape's label-0 rows, which it leaves out, are said in the reason
     * @param positives the slice's positive examples (binary tasks), said in the reason; null otherwise
     */
    MetricComparison applied(MetricComparison comparison, int n, MetricCounts counts, Long positives) {
        Metric metric = comparison.metric();
        boolean withheld = !keepsModelIntervals(metric)
                && (comparison.production() != null || comparison.candidate() != null);
        MetricEstimate production = withheld ? withoutInterval(comparison.production()) : comparison.production();
        MetricEstimate candidate = withheld ? withoutInterval(comparison.candidate()) : comparison.candidate();
        TooFewExamplesReason sizeReason = withheld ? sizeReason(comparison, n, counts, positives) : null;
        // else a reason stays only where it explains a missing model interval (e.g. balanced_accuracy's class rule)
        boolean explainsMissing = lacksInterval(comparison.production()) || lacksInterval(comparison.candidate());
        String reason = sizeReason != null ? sizeReason.text() : explainsMissing ? comparison.unstableReason() : null;
        return new MetricComparison(metric, production, candidate, comparison.delta(), null, null,
                comparison.unavailableReason(), reason, comparison.note(), sizeReason);
    }

    /** Why the models' intervals are withheld: the rows the metric rests on (and the positives) under the minimum. */
    private TooFewExamplesReason sizeReason(MetricComparison comparison, int n, MetricCounts counts, Long positives) {
        long used = counts.restsOn(n);
        String rows = counts.labelZeroLeftOut() == null ? n + (n == 1 ? " row" : " rows")
                : used + " of " + n + " rows (" + counts.labelZeroLeftOut() + " with label 0 left out)";
        return new TooFewExamplesReason(rows + (positives == null ? "" : " (" + positives
                + (positives == 1 ? " positive" : " positives") + ")"), minimum, used == 1, methodWords(comparison));
    }

    /** The per-model method in words, as the reason names it: "DeLong's interval". */
    private static String methodWords(MetricComparison comparison) {
        return switch (comparison.metric()) {
            case PR_AUC -> BinnedAveragePrecision.TEST.equals(comparison.test())
                    || BinnedAveragePrecision.T_TEST.equals(comparison.test())
                    || SliceAnalysis.AP_INFLUENCE.equals(comparison.test())
                    ? "the influence function's interval" : "the bootstrap's BCa interval";
            case MACRO_F1 -> "the cell bootstrap's BCa interval";
            case COHEN_KAPPA -> "the jackknife's Fisher z interval";
            case WEIGHTED_F1 -> "the jackknife's logit interval";
            case SQ_CALIBRATION_ERROR -> "the calibration error's score interval";
            default -> "the bootstrap's studentized or percentile interval";
        };
    }

    private static boolean lacksInterval(MetricEstimate estimate) {
        return estimate != null && estimate.ci() == null;
    }

    /** The model's value alone, where its interval is withheld. */
    static MetricEstimate withoutInterval(MetricEstimate estimate) {
        return estimate == null ? null : new MetricEstimate(estimate.value(), null);
    }
}
