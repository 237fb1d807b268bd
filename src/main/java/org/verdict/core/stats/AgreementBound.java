package org.verdict.core.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Δ of a metric when both models gave every example of the slice the same score (or, for the count metrics, the same
 * prediction). Δ is then 0 in the sample and on every resample, but the true Δ is not known to be 0: the models may
 * disagree on examples not seen. It is bounded by how often they can disagree. With no disagreement in n examples,
 * the population share D of disagreements is below the exact one-sided upper limit for 0 events in n trials,
 * 1 − a^(1/n) at tail a (Clopper &amp; Pearson 1934; about 3/n at a = 0.05, the "rule of three"). Each metric turns
 * that share into a bound on |Δ| (derived in docs/statistics.md, "Two models that agree on every example"); where
 * a bound needs several limits, the tail α = 1 − level is split among them, so that all hold together with at least
 * the interval's confidence (Bonferroni). The interval is [−b, b] at every level, kept within the values the candidate
 * can have where {@link #within} says (log_loss and brier: docs/statistics.md, "Δ of log_loss and brier: within the
 * values the candidate can have"); it always holds 0, so the p-value of Δ = 0 that inverts it is 1: the data give no
 * evidence of a difference, and with enough examples they show that any difference is small (which a
 * non-inferiority gate can use).
 */
public final class AgreementBound implements DeltaInference {
    public static final String TEST = "identical-scores-agreement-bound";
    /** The test of {@link #rocAucSameRanking}: the models put the examples in the same order (their scores may differ). */
    public static final String SAME_RANKING_TEST = "identical-ranking-agreement-bound";

    /** The half-width of the interval for a tail α = 1 − level. */
    private final DoubleUnaryOperator halfWidth;
    /** The lowest and highest Δ the interval may reach (at most 0 and at least 0). */
    private final double lowest;
    private final double highest;

    private AgreementBound(DoubleUnaryOperator halfWidth) {
        this(halfWidth, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private AgreementBound(DoubleUnaryOperator halfWidth, double lowest, double highest) {
        this.halfWidth = halfWidth;
        this.lowest = lowest;
        this.highest = highest;
    }

    /**
     * This bound with its interval kept within [lowest, highest]: the Δ at which the candidate would have the metric's
     * lowest and highest value, given production's. 0 stays inside, so the p-value and every verdict are unchanged.
     *
     * @throws IllegalArgumentException when 0 is not within [lowest, highest]
     */
    public AgreementBound within(double lowest, double highest) {
        if (!(lowest <= 0 && highest >= 0)) {
            throw new IllegalArgumentException("Δ = 0 must be possible, got [" + lowest + ", " + highest + "]");
        }
        return new AgreementBound(halfWidth, lowest, highest);
    }

    /**
     * roc_auc of two models that order every example of the slice alike (ties alike): the same scores, or a
     * recalibration. A (positive, negative) pair ordered alike adds the same ½-counted comparison to both AUCs, so
     * |Δ| ≤ q, the share of the population's pairs the models order differently. The slice's pairs share examples, but
     * any fixed matching of its m = min(positives, negatives) disjoint pairs gives m independent pairs, all ordered
     * alike, so q ≤ 1 − α^(1/m) at α (docs/statistics.md, "Two models that rank every example alike").
     */
    public static AgreementBound rocAucSameRanking(long positives, long negatives) {
        long pairs = Math.min(positives, negatives);
        requireExamples(pairs, "positive and one negative example");
        return new AgreementBound(alpha -> noEventUpperLimit(pairs, alpha));
    }

    /**
     * A mean of per-example losses (brier, log_loss) whose difference between the models is at most
     * {@code largestLossDifference} on an example they disagree on, and 0 elsewhere: |Δ| ≤ that · D, D at α.
     */
    public static AgreementBound meanLoss(long examples, double largestLossDifference) {
        requireExamples(examples, "example");
        return new AgreementBound(alpha -> largestLossDifference * noEventUpperLimit(examples, alpha));
    }

    /**
     * balanced_accuracy, the mean recall over K classes: each recall moves by at most the disagreement share within
     * its class, so |Δ| ≤ mean of the K shares, each at α/K.
     *
     * @param classExamples the examples of each averaged class (a class without any says nothing: its share's limit
     *                      is 1)
     */
    public static AgreementBound recallMean(long[] classExamples) {
        long[] examples = classExamples.clone();
        return new AgreementBound(alpha -> Math.min(1, Arrays.stream(examples)
                .mapToDouble(n -> noEventUpperLimit(n, alpha / examples.length)).average().orElseThrow()));
    }

    /**
     * precision = P(y = 1, ŷ = 1) / Q with Q = P(ŷ = 1): |Δ| ≤ D / Q, D at α/2, Q above its exact lower limit at α/2.
     *
     * @param predictedPositives the examples predicted positive (by either model: they agree)
     */
    public static AgreementBound precision(long examples, long predictedPositives) {
        requireExamples(examples, "example");
        return new AgreementBound(alpha -> Math.min(1, noEventUpperLimit(examples, alpha / 2)
                / exactLowerLimit(predictedPositives, examples, alpha / 2)));
    }

    /**
     * The mean F1 of K classes (binary f1: K = 1, the positive class; macro_f1: the averaged classes). A class's
     * F1 = 2·P(y = k, ŷ = k) / S with S = P(y = k) + P(ŷ = k) ≥ P(y = k or ŷ = k): its |Δ| ≤ min(1, 2D / S), D at α/2,
     * each class's P(y = k or ŷ = k) above its exact lower limit at α/(2K).
     *
     * @param labelledOrPredicted for each class, the examples labelled or predicted (by either model) as it
     */
    public static AgreementBound f1Mean(long examples, long[] labelledOrPredicted) {
        requireExamples(examples, "example");
        long[] counts = labelledOrPredicted.clone();
        return new AgreementBound(alpha -> {
            double disagreement = noEventUpperLimit(examples, alpha / 2);
            return Arrays.stream(counts).mapToDouble(count -> Math.min(1,
                    2 * disagreement / exactLowerLimit(count, examples, alpha / (2 * counts.length))))
                    .average().orElseThrow();
        });
    }

    /**
     * weighted_f1 = Σ P(y = k)·F1_k: a disagreement touches two classes' F1 and P(y = k) ≤ S_k, so |Δ| ≤ 4D, D at α.
     */
    public static AgreementBound weightedF1(long examples) {
        requireExamples(examples, "example");
        return new AgreementBound(alpha -> Math.min(1, 4 * noEventUpperLimit(examples, alpha)));
    }

    /**
     * cohen_kappa = 1 − e/h with e = P(ŷ ≠ y) and h = 1 − p_e, p_e = Σ P(y = k)·P(ŷ = k). A disagreement share D
     * moves e by at most D and p_e by at most D (mass moved from class i to j changes it by P(y = j) − P(y = i)), and
     * exactly κ_p − κ_c = (δe − (1 − κ_c)·δh)/h_p with 1 − κ_c ≤ 2, so |Δ| ≤ 3D / h_p. D at α/2; h_p ≥ 1 − Σ
     * P(y = k)⁺·P(ŷ = k)⁺ with each rate below its exact upper limit at α/(4K); the whole range, 2, when that is not
     * above 0.
     *
     * @param labelled the examples labelled as each class
     * @param predicted the examples predicted (by either model: they agree) as each class
     */
    public static AgreementBound cohenKappa(long examples, long[] labelled, long[] predicted) {
        requireExamples(examples, "example");
        long[] labels = labelled.clone();
        long[] predictions = predicted.clone();
        return new AgreementBound(alpha -> {
            double tail = alpha / (4 * labels.length);
            double chanceAgreement = 0;
            for (int k = 0; k < labels.length; k++) {
                chanceAgreement += exactUpperLimit(labels[k], examples, tail)
                        * exactUpperLimit(predictions[k], examples, tail);
            }
            double chanceDisagreement = 1 - chanceAgreement;
            return chanceDisagreement > 0
                    ? Math.min(2, 3 * noEventUpperLimit(examples, alpha / 2) / chanceDisagreement) : 2;
        });
    }

    @Override
    public double estimate() {
        return 0;
    }

    @Override
    public double pValue() {
        return 1;
    }

    @Override
    public Interval interval(double level) {
        double half = halfWidth.applyAsDouble(1 - level);
        return new Interval(Math.max(lowest, -half), Math.min(highest, half));
    }

    /** The exact upper confidence limit of a rate with 0 events in n trials: the p with (1 − p)^n = tail; 1 for n = 0. */
    static double noEventUpperLimit(long trials, double tail) {
        return -Math.expm1(Math.log(tail) / trials);
    }

    /** The exact (Clopper–Pearson) one-sided lower limit of a rate with k events in n trials; 0 for k = 0. */
    static double exactLowerLimit(long events, long trials, double tail) {
        if (events == 0) {
            return 0;
        }
        if (events == trials) {
            return Math.exp(Math.log(tail) / trials);
        }
        return new BetaDistribution(null, events, trials - events + 1, 1e-14).inverseCumulativeProbability(tail);
    }

    /** The exact (Clopper–Pearson) one-sided upper limit of a rate with k events in n trials; 1 for k = n. */
    static double exactUpperLimit(long events, long trials, double tail) {
        if (events == trials) {
            return 1;
        }
        return events == 0 ? noEventUpperLimit(trials, tail)
                : new BetaDistribution(null, events + 1, trials - events, 1e-14).inverseCumulativeProbability(1 - tail);
    }

    private static void requireExamples(long n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException("the bound needs at least one " + what + ", got " + n);
        }
    }
}
