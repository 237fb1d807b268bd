package org.verdict.core.compare;

import java.util.Set;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.AgreementBound;

/**
 * A binary slice at or above the minimum size with fewer than {@link SliceAnalysis#MIN_CLASS_EXAMPLES} positives or
 * negatives (a rare class: fraud, defects, moderation), from rows and summary packs alike. The intervals of the metrics
 * below rest on that class's few rows, not on the slice's n (docs/statistics.md, "Real-shaped packs"):
 * <ul>
 * <li>log_loss, brier and sq_calibration_error: the mean is carried by the rare class's large losses, which a resample
 * misses with probability about e^(−k) for k of them — the bootstrap distribution is a mixture, as for
 * balanced_accuracy's class rule. Each model's interval covered 8–31 % of the coverage benchmark's rare-binary slices
 * with no positive and 30–96 % with one, and Δ log_loss's under a real improvement 31–96 % with 0–2. Neither model nor
 * Δ gets an interval; Δ is not tested.</li>
 * <li>pr_auc, with fewer than 5 positives (its mean is over them; a slice with few negatives keeps it): the same,
 * on both paths. The row bootstrap would find it undefined in about e^(−k) of its resamples (those without a
 * positive) and call it unstable from 1 % of them, which a summary pack, with no resamples, could not; one rule by
 * the count gives rows and summary packs the same verdict and reason.</li>
 * </ul>
 * roc_auc is not among them: each model's interval is Newcombe's score interval, which rests on the class counts alone
 * and covered 93.9–96.0 % with 2–4 positives on slices of 30–400 rows, and Δ's DeLong test on Welch's degrees of
 * freedom covered 90–100 % there.
 */
final class TooFewOfAClass {
    private static final Set<Metric> SCORE_MEANS = Set.of(Metric.LOG_LOSS, Metric.BRIER,
            Metric.SQ_CALIBRATION_ERROR);

    private final long positives;
    private final long negatives;

    private TooFewOfAClass(long positives, long negatives) {
        this.positives = positives;
        this.negatives = negatives;
    }

    /** The rule for a binary slice whose class counts are known and hold a class under the minimum; else null. */
    static TooFewOfAClass of(MetricCounts.Slice counts) {
        if (counts.positives() == null || counts.negatives() == null) {
            return null;
        }
        long rarest = Math.min(counts.positives(), counts.negatives());
        return rarest < SliceAnalysis.MIN_CLASS_EXAMPLES ? new TooFewOfAClass(counts.positives(), counts.negatives())
                : null;
    }

    /** The comparison with what the rare class cannot support withheld, and why. */
    MetricComparison applied(MetricComparison comparison) {
        Metric metric = comparison.metric();
        if (!comparison.isAvailable() || !SCORE_MEANS.contains(metric)
                && !(metric == Metric.PR_AUC && positives < SliceAnalysis.MIN_CLASS_EXAMPLES)
                || AgreementBound.TEST.equals(comparison.test())
                || AgreementBound.SAME_RANKING_TEST.equals(comparison.test())) {
            return comparison; // two models that agree on every example: their bound on Δ is exact at any count
        }
        String reason = (metric == Metric.PR_AUC ? count(positives, " positive") : rarestCount()) + ", fewer than "
                + SliceAnalysis.MIN_CLASS_EXAMPLES + ": " + metric.wireName() + " rests on their "
                + (metric == Metric.PR_AUC ? "precisions" : "losses") + ", too few for an interval: no interval for Δ"
                + " or either model";
        // the notes on how a model's interval was made go with the interval; a negative calibration error is still said
        MetricComparison withheld = new MetricComparison(metric,
                TooFewExamples.withoutInterval(comparison.production()),
                TooFewExamples.withoutInterval(comparison.candidate()), comparison.delta(), null, comparison.test(),
                null, reason, null);
        return new MetricComparison(metric, withheld.production(), withheld.candidate(), withheld.delta(), null,
                withheld.test(), null, reason, SliceAnalysis.withNegativeEstimatesSaid(withheld));
    }

    /** "3 positives here", or the negatives where they are the smaller class. */
    private String rarestCount() {
        return positives <= negatives ? count(positives, " positive") : count(negatives, " negative");
    }

    private static String count(long count, String kind) {
        return count + kind + (count == 1 ? "" : "s") + " here";
    }
}
