package org.verdict.core.compare;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.AgreementBound;
import org.verdict.core.stats.Calibration;
import org.verdict.core.stats.ConfusionMatrix;

/**
 * Δ of two models that agree on every example of a slice: the same score (score metrics) or the same predicted class
 * (count metrics). Δ is then 0 on every resample, so the bootstrap or the variance cannot measure its uncertainty; the
 * models may still differ on examples not seen, and {@link AgreementBound} bounds Δ by how often they could, where a
 * bound is derived (docs/statistics.md, "Two models that agree on every example"). Elsewhere the slice stays unstable
 * and says why.
 */
final class AgreeingModels {
    static final String SAME_SCORES = "both models give every example here the same score";
    static final String SAME_RANKING = "both models rank every example here alike";
    private static final String SAME_PREDICTIONS = "both models predict the same class for every example here";
    /** Why agreement bounds Δ roc_auc but not Δ pr_auc (docs/statistics.md, "Two models that rank every example alike"). */
    private static final String PR_AUC_UNBOUNDED = "average precision weighs the top of the ranking, where a few"
            + " examples move it by far more than their share";

    private AgreeingModels() {
    }

    /** A Δ that is defined but has no interval (the resamples or the variance could not measure it). */
    static boolean lacksInterval(MetricComparison comparison) {
        return comparison.delta() != null && comparison.inference() == null;
    }

    /**
     * Δ of a score metric where both models scored every example alike: bounded by how often they could disagree
     * ({@link AgreementBound}) for the means of bounded per-example losses, else unstable with the reason.
     */
    static MetricComparison withScoreAgreement(MetricComparison comparison, int examples) {
        return switch (comparison.metric()) {
            case BRIER -> withAgreementBound(comparison,
                    withinCandidateRange(AgreementBound.meanLoss(examples, 1), comparison), SAME_SCORES);
            // clipped scores keep each example's log loss within [0, −ln 1e-15]
            case LOG_LOSS -> withAgreementBound(comparison, withinCandidateRange(
                    AgreementBound.meanLoss(examples, -Math.log(Calibration.LOG_LOSS_CLIP)), comparison), SAME_SCORES);
            case PR_AUC -> withoutAgreementBound(comparison, SAME_SCORES, PR_AUC_UNBOUNDED);
            case SQ_CALIBRATION_ERROR -> withoutAgreementBound(comparison, SAME_SCORES,
                    "a binned, debiased estimate, not a mean of per-example losses");
            default -> comparison;
        };
    }

    /**
     * The bound kept within the Δs at which the candidate's loss would be the metric's lowest or highest, given
     * production's value, as the t interval of these losses is (docs/statistics.md, "Δ of log_loss and brier: within
     * the values the candidate can have"): ±34.54·u(n, α) of log_loss would otherwise put the candidate far below 0.
     */
    private static AgreementBound withinCandidateRange(AgreementBound bound, MetricComparison comparison) {
        Metric metric = comparison.metric();
        double production = comparison.production().value();
        return bound.within(metric.lowestValue() - production, metric.highestValue() - production);
    }

    /**
     * Δ of a score metric where both models rank every example alike but score some differently (a recalibration):
     * roc_auc has its bound already ({@link AgreementBound#rocAucSameRanking}); pr_auc, a function of the ranking
     * too, stays unstable for the reason identical scores give it; the means depend on the scores, not the ranking.
     */
    static MetricComparison withRankingAgreement(MetricComparison comparison) {
        return comparison.metric() == Metric.PR_AUC
                ? withoutAgreementBound(comparison, SAME_RANKING, PR_AUC_UNBOUNDED) : comparison;
    }

    /**
     * Δ of a count metric where both models predicted the same class for every example: bounded by how often they
     * could disagree ({@link AgreementBound}).
     *
     * @param matrix either model's confusion matrix (they are the same)
     * @param averaged the classes the metric averages over; null: the classes present
     */
    static MetricComparison withPredictionAgreement(MetricComparison comparison, ConfusionMatrix matrix,
                                                            boolean[] averaged) {
        long n = matrix.total();
        IntStream classes = IntStream.range(0, matrix.classes().size());
        return switch (comparison.metric()) {
            case BALANCED_ACCURACY -> withAgreementBound(comparison, AgreementBound.recallMean(classes
                    .filter(c -> averaged == null ? matrix.support(c) > 0 : averaged[c])
                    .mapToLong(matrix::support).toArray()), SAME_PREDICTIONS);
            case PRECISION -> withAgreementBound(comparison,
                    AgreementBound.precision(n, matrix.predictedCount(1)), SAME_PREDICTIONS);
            case F1 -> withAgreementBound(comparison,
                    AgreementBound.f1Mean(n, new long[] {labelledOrPredicted(matrix, 1)}), SAME_PREDICTIONS);
            case MACRO_F1 -> withAgreementBound(comparison, AgreementBound.f1Mean(n, classes
                    .filter(c -> averaged == null ? labelledOrPredicted(matrix, c) > 0 : averaged[c])
                    .mapToLong(c -> labelledOrPredicted(matrix, c)).toArray()), SAME_PREDICTIONS);
            case WEIGHTED_F1 -> withAgreementBound(comparison, AgreementBound.weightedF1(n), SAME_PREDICTIONS);
            case COHEN_KAPPA -> withAgreementBound(comparison, AgreementBound.cohenKappa(n,
                    IntStream.range(0, matrix.classes().size()).mapToLong(matrix::support).toArray(),
                    IntStream.range(0, matrix.classes().size()).mapToLong(matrix::predictedCount).toArray()),
                    SAME_PREDICTIONS);
            default -> comparison;
        };
    }

    private static long labelledOrPredicted(ConfusionMatrix matrix, int c) {
        return matrix.support(c) + matrix.predictedCount(c) - matrix.count(c, c);
    }

    private static MetricComparison withAgreementBound(MetricComparison comparison, AgreementBound bound,
                                                       String agreement) {
        return MetricComparison.tested(comparison.metric(), comparison.production(), comparison.candidate(), bound,
                AgreementBound.TEST, comparison.note() == null ? agreement : agreement + "; " + comparison.note());
    }

    private static MetricComparison withoutAgreementBound(MetricComparison comparison, String agreement,
                                                          String whyNot) {
        return new MetricComparison(comparison.metric(), comparison.production(), comparison.candidate(),
                comparison.delta(), null, comparison.test(), null, agreement + "; Δ = 0 here, but Verdict has no bound"
                        + " on Δ " + comparison.metric().wireName() + " from agreement alone (" + whyNot + ")",
                comparison.note());
    }

    /**
     * Where the overall slice's note says both models agree on every example, they agree on every slice too (each is a
     * subset), but only some slices get the agreement bound: the others stay unstable or under the minimum with their
     * own reason (a class of 4 examples leaves macro_f1's Δ without interval before agreement is looked at). This says
     * so in one sentence over {@code results} (the overall slice and the slices shown): "Both models predict the same
     * class for every example, so on all 41 slices: Δ is 0 throughout; its interval is the agreement bound on the
     * overall slice and 8 others; 33 have no interval (28 unstable, 5 too few examples), each row says why."
     * Null when the overall slice's note claims no agreement.
     */
    static String agreementEverywhere(List<SliceResult> results) {
        SliceResult overall = results.stream().filter(r -> r.slice().isOverall()).findFirst().orElse(null);
        String agreement = overall == null || overall.note() == null ? null : Stream.of(SAME_PREDICTIONS, SAME_SCORES,
                SAME_RANKING).filter(overall.note()::startsWith).findFirst().orElse(null);
        if (agreement == null) {
            return null;
        }
        List<SliceResult> slices = results.stream().filter(r -> !r.slice().isOverall()).toList();
        List<SliceResult> bounded = slices.stream().filter(AgreeingModels::bounded).toList();
        List<SliceResult> without = slices.stream().filter(r -> r.deltaCi() == null).toList();
        // "… for every example here" of one slice is "… for every example" of all of them
        String everywhere = agreement.replace(" here", "");
        return Character.toUpperCase(everywhere.charAt(0)) + everywhere.substring(1) + (slices.isEmpty() ? ""
                : ", so on " + (slices.size() == 1 ? "the one slice" : "all " + slices.size() + " slices") + " too")
                + ": Δ is 0 throughout; its interval is the agreement bound on the overall slice"
                + (bounded.isEmpty() ? "" : " and " + bounded.size() + (bounded.size() == 1 ? " other" : " others"))
                + (without.isEmpty() ? "" : "; " + without.size() + (without.size() == 1 ? " has" : " have")
                        + " no interval (" + SliceCoverage.kinds(without) + "), each row says why") + ".";
    }

    private static boolean bounded(SliceResult result) {
        return AgreementBound.TEST.equals(result.test()) || AgreementBound.SAME_RANKING_TEST.equals(result.test());
    }

    /** Whether both models predicted alike in every occupied cell (index (label · k + production) · k + candidate). */
    static boolean samePredictions(int[] occupied, int k) {
        for (int cell : occupied) {
            if (cell / k % k != cell % k) {
                return false;
            }
        }
        return true;
    }
}
