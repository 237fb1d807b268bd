package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.MetricFormat;

/**
 * The counts a result's uncertainty rests on besides the slice's n, so a reader sees why an interval is wide: an AUC
 * of 400 rows rests on its 6 positives. Which counts a metric rests on (docs/statistics.md, "What each number rests
 * on"):
 * <ul>
 * <li>binary roc_auc, pr_auc and balanced_accuracy: the positives and the negatives (ranked against each other, or
 * the two recalls averaged);</li>
 * <li>recall and tpr: the positives; fpr: the negatives (each rate's denominator);</li>
 * <li>precision: each model's predicted positives (its own denominator); f1 = 2·tp / (positives + predicted
 * positives): the positives and each model's predicted positives;</li>
 * <li>multiclass balanced_accuracy and macro_f1 (unweighted averages over the classes): the support of the smallest
 * class, whose recall or F1 is the noisiest term of the average;</li>
 * <li>every other metric (accuracy, selection_rate, log_loss, brier, sq_calibration_error, micro_f1, weighted_f1,
 * cohen_kappa, rmse, mae, r2): the rows alone, n — {@link #NONE};</li>
 * <li>mape: the rows whose label is not 0 (a relative error of a label 0 is undefined, so those rows are left out).</li>
 * </ul>
 * Each count is null where the metric does not rest on it.
 *
 * @param smallestClass the smallest class (multiclass averages), with {@code smallestClassSupport} its rows in the slice
 * @param labelZeroLeftOut the rows with label 0 that mape leaves out (when there are any), so that it rests on n minus
 *                         them
 */
public record MetricCounts(Long positives, Long negatives, Long productionPredictedPositives,
                           Long candidatePredictedPositives, String smallestClass, Long smallestClassSupport,
                           Long labelZeroLeftOut) {

    /** A metric that rests on the slice's rows alone. */
    public static final MetricCounts NONE = new MetricCounts(null, null, null, null, null, null);

    /** The counts of a classification metric, which leaves no row out. */
    public MetricCounts(Long positives, Long negatives, Long productionPredictedPositives,
                        Long candidatePredictedPositives, String smallestClass, Long smallestClassSupport) {
        this(positives, negatives, productionPredictedPositives, candidatePredictedPositives, smallestClass,
                smallestClassSupport, null);
    }

    /** mape's counts in a slice with {@code rows} rows whose label is 0, which it leaves out. */
    static MetricCounts labelZeroLeftOut(long rows) {
        return rows == 0 ? NONE : new MetricCounts(null, null, null, null, null, null, rows);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * The counts in words, as every surface writes them after n: "6 positive, 394 negative", "9 predicted positive
     * by production, 11 by the candidate", "smallest class fraud_report: 48"; empty for {@link #NONE}.
     */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (positives != null) {
            parts.add(MetricFormat.count(positives) + " positive");
        }
        if (negatives != null) {
            parts.add(MetricFormat.count(negatives) + " negative");
        }
        if (productionPredictedPositives != null) {
            parts.add("predicted positive: production " + MetricFormat.count(productionPredictedPositives)
                    + ", candidate " + MetricFormat.count(candidatePredictedPositives));
        }
        if (smallestClass != null) {
            parts.add("smallest class " + smallestClass + ": " + MetricFormat.count(smallestClassSupport));
        }
        if (labelZeroLeftOut != null) {
            parts.add(leftOut());
        }
        return String.join(positives != null && productionPredictedPositives != null ? "; " : ", ", parts);
    }

    /**
     * "400 (6 positive, 394 negative)", or n alone for {@link #NONE}: n with what the metric rests on; mape's rows
     * without the label-0 rows it leaves out, "1,789 (6,211 with label 0 left out)".
     */
    public String withN(int n) {
        return MetricFormat.count(restsOn(n)) + (isNone() ? "" : " (" + text() + ")");
    }

    /** The rows of a slice of {@code n} the metric's value is computed over: n, or mape's n without label 0. */
    public long restsOn(int n) {
        return labelZeroLeftOut == null ? n : n - labelZeroLeftOut;
    }

    private String leftOut() {
        return MetricFormat.count(labelZeroLeftOut) + " with label 0 left out";
    }

    /**
     * n and the count that limits the metric most, for a chart's label beside the slice: "n=400, 6 positive";
     * "n=400" for {@link #NONE}.
     */
    public String sampleSize(int n) {
        if (labelZeroLeftOut != null) {
            return MetricFormat.sampleSize(restsOn(n)) + " (" + leftOut() + ")";
        }
        return MetricFormat.sampleSize(n) + (isNone() ? "" : ", " + shortText());
    }

    /**
     * The one count that limits the metric's precision most, short enough for a table cell under n: the smaller of
     * the classes a ranking metric compares ("6 positive"), a rate's denominator, both models' predicted positives for
     * precision ("9 | 11 predicted +"), the positives for f1, the smallest class; empty for {@link #NONE}.
     */
    public String shortText() {
        if (smallestClass != null) {
            return "min class " + MetricFormat.count(smallestClassSupport);
        }
        if (labelZeroLeftOut != null) {
            return MetricFormat.count(labelZeroLeftOut) + " label 0 out";
        }
        if (positives == null && productionPredictedPositives != null) {
            return MetricFormat.count(productionPredictedPositives) + " | "
                    + MetricFormat.count(candidatePredictedPositives) + " predicted +";
        }
        if (positives != null && (negatives == null || positives <= negatives)) {
            return MetricFormat.count(positives) + " positive";
        }
        return negatives == null ? "" : MetricFormat.count(negatives) + " negative";
    }

    /** A slice's class counts, from which each metric's counts are taken ({@link #of}). */
    record Slice(Long positives, Long negatives, Long productionPredictedPositives, Long candidatePredictedPositives,
                 String smallestClass, Long smallestClassSupport, Long labelZero) {
        static final Slice UNKNOWN = new Slice(null, null, null, null, null, null, null);

        /** A regression slice: the rows whose label is 0, which mape leaves out. */
        static Slice ofRegression(long labelZero) {
            return new Slice(null, null, null, null, null, null, labelZero);
        }

        /**
         * From a classification slice's totals of its paired cells: for a binary task its class counts and each
         * model's predicted positives, for a multiclass one its smallest class among those labelled in the slice, the
         * classes its averages and their intervals rest on (a class with no example here is left out of them).
         */
        static Slice ofCells(CellTotals totals, List<String> classes, boolean binary) {
            long[] support = totals.support();
            if (binary) {
                return new Slice(support[1], support[0], totals.productionPredicted()[1],
                        totals.candidatePredicted()[1], null, null, null);
            }
            int smallest = -1;
            for (int c = 0; c < support.length; c++) {
                if (support[c] > 0 && (smallest < 0 || support[c] < support[smallest])) {
                    smallest = c;
                }
            }
            return smallest < 0 ? UNKNOWN
                    : new Slice(null, null, null, null, classes.get(smallest), support[smallest], null);
        }

        /** A binary slice whose cells were not counted (score metrics only): its class counts alone. */
        static Slice ofPositives(long positives, long n) {
            return new Slice(positives, n - positives, null, null, null, null, null);
        }

        /** The counts {@code metric} rests on; {@link #NONE} where they are not known or it rests on n alone. */
        MetricCounts of(Metric metric) {
            MetricCounts counts = switch (metric) {
                case ROC_AUC, PR_AUC -> new MetricCounts(positives, negatives, null, null, null, null);
                case BALANCED_ACCURACY, MACRO_F1 -> smallestClass != null
                        ? new MetricCounts(null, null, null, null, smallestClass, smallestClassSupport)
                        : new MetricCounts(positives, negatives, null, null, null, null);
                case RECALL, TPR -> new MetricCounts(positives, null, null, null, null, null);
                case FPR -> new MetricCounts(null, negatives, null, null, null, null);
                case PRECISION -> productionPredictedPositives == null ? NONE : new MetricCounts(null, null,
                        productionPredictedPositives, candidatePredictedPositives, null, null);
                case F1 -> productionPredictedPositives == null ? NONE : new MetricCounts(positives, null,
                        productionPredictedPositives, candidatePredictedPositives, null, null);
                case MAPE -> labelZero == null ? NONE : labelZeroLeftOut(labelZero);
                default -> NONE;
            };
            return counts.equals(NONE) ? NONE : counts;
        }
    }
}
