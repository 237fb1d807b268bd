package org.verdict.core.compare;

import java.util.function.IntPredicate;
import org.verdict.core.pack.Metric;

/**
 * A metric that is a share of the same rows for both models (accuracy, micro_f1 and selection rate of all rows,
 * recall/tpr of the positives, fpr of the negatives): each row of the denominator is a pair of successes.
 */
record PairedRate(long trials, long productionSuccesses, long candidateSuccesses, long onlyCandidate,
                  long onlyProduction) {

    static boolean covers(Metric metric) {
        return metric == Metric.ACCURACY || metric == Metric.MICRO_F1 || metric == Metric.RECALL
                || metric == Metric.TPR || metric == Metric.FPR || metric == Metric.SELECTION_RATE;
    }

    /** Recall of class {@code c} of a multiclass task: a success is a row labelled c predicted as c. */
    static PairedRate ofClass(long[] cells, int k, int c) {
        return counted(cells, k, label -> label == c, (label, predicted) -> predicted == c);
    }

    /** The paired counts of a metric {@link #covers} covers. */
    static PairedRate of(Metric metric, long[] cells, int k) {
        IntPredicate trial = metric == Metric.RECALL || metric == Metric.TPR ? label -> label == 1
                : metric == Metric.FPR ? label -> label == 0 : label -> true;
        boolean accuracyLike = metric == Metric.ACCURACY || metric == Metric.MICRO_F1;
        return counted(cells, k, trial, accuracyLike ? (label, predicted) -> predicted == label
                : (label, predicted) -> predicted == 1);
    }

    /**
     * Over the paired cells (label, production's prediction, candidate's prediction) of the rows whose label is a
     * {@code trial}: the trials, each model's successes and the discordant pairs.
     */
    private static PairedRate counted(long[] cells, int k, IntPredicate trial, Success success) {
        long trials = 0;
        long prod = 0;
        long cand = 0;
        long onlyCand = 0;
        long onlyProd = 0;
        for (int l = 0; l < k; l++) {
            if (!trial.test(l)) {
                continue;
            }
            for (int p = 0; p < k; p++) {
                for (int c = 0; c < k; c++) {
                    long count = cells[(l * k + p) * k + c];
                    boolean prodSuccess = success.of(l, p);
                    boolean candSuccess = success.of(l, c);
                    trials += count;
                    prod += prodSuccess ? count : 0;
                    cand += candSuccess ? count : 0;
                    onlyCand += candSuccess && !prodSuccess ? count : 0;
                    onlyProd += prodSuccess && !candSuccess ? count : 0;
                }
            }
        }
        return new PairedRate(trials, prod, cand, onlyCand, onlyProd);
    }

    /** Whether a row of {@code label} predicted as {@code predicted} is a success. */
    private interface Success {
        boolean of(int label, int predicted);
    }
}
