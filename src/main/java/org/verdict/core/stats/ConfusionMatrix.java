package org.verdict.core.stats;

import java.util.List;
import org.verdict.core.pack.Metric;

/**
 * Counts of (true class, predicted class) for one model in one slice, and every metric that is a function of them.
 * Averages follow scikit-learn, so results can be checked against it: macro and weighted F1 over the classes present
 * in the labels or the predictions; balanced accuracy as the mean recall over the classes present in the labels.
 * For binary tasks class 1 is the positive class.
 */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final long[] counts;
    private final int size;

    /** @param counts row-major {@code counts[label * classes + predicted]}; copied */
    public ConfusionMatrix(List<String> classes, long[] counts) {
        this.classes = List.copyOf(classes);
        this.size = classes.size();
        if (counts.length != size * size) {
            throw new IllegalArgumentException("a confusion matrix of " + size + " classes needs " + size * size + " cells");
        }
        this.counts = counts.clone();
    }

    /** Counts the given rows of a classification table. */
    public static ConfusionMatrix of(List<String> classes, int[] labelCodes, int[] predictedCodes, int[] rows) {
        int k = classes.size();
        long[] counts = new long[k * k];
        for (int row : rows) {
            counts[labelCodes[row] * k + predictedCodes[row]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    public List<String> classes() {
        return classes;
    }

    public long count(int label, int predicted) {
        return counts[label * size + predicted];
    }

    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** Examples whose true class is {@code k}. */
    public long support(int k) {
        long sum = 0;
        for (int p = 0; p < size; p++) {
            sum += count(k, p);
        }
        return sum;
    }

    /** Examples predicted as class {@code k}. */
    public long predictedCount(int k) {
        long sum = 0;
        for (int l = 0; l < size; l++) {
            sum += count(l, k);
        }
        return sum;
    }

    public MetricValue precision(int k) {
        long predicted = predictedCount(k);
        return predicted == 0
                ? MetricValue.unavailable("no example is predicted " + classes.get(k))
                : MetricValue.of((double) count(k, k) / predicted);
    }

    public MetricValue recall(int k) {
        long support = support(k);
        return support == 0
                ? MetricValue.unavailable("no example is labelled " + classes.get(k))
                : MetricValue.of((double) count(k, k) / support);
    }

    /** F1 of class k as 2·tp / (2·tp + fp + fn), which is also defined when precision alone is not. */
    public MetricValue f1(int k) {
        long tp = count(k, k);
        long denominator = support(k) + predictedCount(k);
        return denominator == 0
                ? MetricValue.unavailable("class " + classes.get(k) + " is neither labelled nor predicted")
                : MetricValue.of(2.0 * tp / denominator);
    }

    public MetricValue value(Metric metric) {
        double value = valueOrNaN(metric);
        return Double.isNaN(value) ? MetricValue.unavailable(undefinedReason(metric)) : MetricValue.of(value);
    }

    /**
     * The metric's value, or NaN where it is undefined ({@link #value} says why). The bootstrap evaluates every
     * replicate this way: no object per value, and a small method for the JIT to compile.
     */
    public double valueOrNaN(Metric metric) {
        long n = total();
        if (n == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case ACCURACY, MICRO_F1 -> (double) trace() / n;
            case BALANCED_ACCURACY -> balancedAccuracy();
            case MACRO_F1 -> averageF1(false);
            case WEIGHTED_F1 -> averageF1(true);
            case COHEN_KAPPA -> cohenKappa(n);
            case PRECISION -> ratio(count(1, 1), predictedCount(1));
            case RECALL, TPR -> ratio(count(1, 1), support(1));
            case F1 -> ratio(2 * count(1, 1), support(1) + predictedCount(1));
            case SELECTION_RATE -> (double) predictedCount(1) / n;
            case FPR -> ratio(count(0, 1), support(0));
            default -> throw new IllegalArgumentException(metric.wireName() + " is not a function of the confusion matrix");
        };
    }

    /**
     * Like {@link #valueOrNaN(Metric)}, but macro_f1, weighted_f1 and balanced_accuracy average over a class set
     * fixed by the caller instead of the classes present in this matrix: scikit-learn's {@code labels=} argument with
     * {@code zero_division=0}. A class of the set that is neither labelled nor predicted here counts with F1 (or
     * recall) 0, so the average keeps its denominator; a bootstrap replicate that happens to miss a rare class then
     * moves by that class's share instead of re-weighting every other class.
     *
     * @param averagedClasses {@code averagedClasses[k]} whether class k is in the set; null = the classes present
     */
    public double valueOrNaN(Metric metric, boolean[] averagedClasses) {
        if (averagedClasses == null || total() == 0) {
            return valueOrNaN(metric);
        }
        return switch (metric) {
            case BALANCED_ACCURACY -> averageOver(averagedClasses, false, true);
            case MACRO_F1 -> averageOver(averagedClasses, false, false);
            case WEIGHTED_F1 -> averageOver(averagedClasses, true, false);
            default -> valueOrNaN(metric);
        };
    }

    private double averageOver(boolean[] averagedClasses, boolean weightedBySupport, boolean recall) {
        double sum = 0;
        double weights = 0;
        for (int k = 0; k < size; k++) {
            if (!averagedClasses[k]) {
                continue;
            }
            long support = support(k);
            long denominator = recall ? support : support + predictedCount(k);
            double value = denominator == 0 ? 0 : (recall ? 1.0 : 2.0) * count(k, k) / denominator;
            double weight = weightedBySupport ? support : 1;
            sum += weight * value;
            weights += weight;
        }
        return weights == 0 ? Double.NaN : sum / weights;
    }

    /** Why {@link #valueOrNaN} is NaN for this matrix. */
    private String undefinedReason(Metric metric) {
        if (total() == 0) {
            return "empty slice";
        }
        return switch (metric) {
            case PRECISION -> precision(1).unavailableReason();
            case RECALL, TPR -> recall(1).unavailableReason();
            case F1 -> f1(1).unavailableReason();
            case COHEN_KAPPA -> "labels and predictions are all the same single class, so chance agreement is 1";
            case FPR -> "no negative examples in this slice (0 of " + total() + ")";
            default -> throw new IllegalStateException(metric.wireName() + " is defined on every non-empty slice");
        };
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private long trace() {
        long trace = 0;
        for (int k = 0; k < size; k++) {
            trace += count(k, k);
        }
        return trace;
    }

    private double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < size; k++) {
            long support = support(k);
            if (support > 0) {
                sum += (double) count(k, k) / support;
                present++;
            }
        }
        return sum / present;
    }

    private double averageF1(boolean weightedBySupport) {
        double sum = 0;
        double weights = 0;
        for (int k = 0; k < size; k++) {
            long support = support(k);
            long predicted = predictedCount(k);
            if (support + predicted == 0) {
                continue;
            }
            double f1 = 2.0 * count(k, k) / (support + predicted);
            double weight = weightedBySupport ? support : 1;
            sum += weight * f1;
            weights += weight;
        }
        return sum / weights;
    }

    private double cohenKappa(long n) {
        double observed = (double) trace() / n;
        double expected = 0;
        for (int k = 0; k < size; k++) {
            expected += ((double) support(k) / n) * ((double) predictedCount(k) / n);
        }
        return expected >= 1.0 ? Double.NaN : (observed - expected) / (1.0 - expected);
    }
}
