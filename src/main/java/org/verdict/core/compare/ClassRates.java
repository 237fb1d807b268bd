package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.List;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.Proportions;

/**
 * Precision and recall of one class for production and candidate in one slice of a multiclass table. Each is a
 * proportion of counted examples, so each carries its counts and the modified Wilson score interval (sound for
 * small counts and rates near 0 or 1, where the normal interval is not), the interval of the per-class recall compared
 * beside it.
 *
 * @param support examples labelled with this class
 */
public record ClassRates(SliceKey slice, String className, long support, Rate productionPrecision,
                         Rate candidatePrecision, Rate productionRecall, Rate candidateRecall) {

    /**
     * {@code successes} of {@code trials}; value and interval are null when there are no trials (e.g. precision of
     * a class the model never predicts), which {@link #unavailableReason()} then explains.
     */
    public record Rate(long successes, long trials, Double value, Interval ci, String unavailableReason) {
        static Rate of(long successes, long trials, double level, String whenNoTrials) {
            if (trials == 0) {
                return new Rate(0, 0, null, null, whenNoTrials);
            }
            return new Rate(successes, trials, (double) successes / trials,
                    Proportions.modifiedWilson(successes, trials, level), null);
        }
    }

    /** One entry per class of the table, in the table's class order. */
    public static List<ClassRates> of(EvaluationTable table, String production, String candidate, SliceKey slice,
                                      int[] rows, double confidenceLevel) {
        return of(slice, ConfusionMatrix.of(table.classes(), table.labelCodes(),
                        table.predictionsOf(production).classCodes(), rows),
                ConfusionMatrix.of(table.classes(), table.labelCodes(), table.predictionsOf(candidate).classCodes(), rows),
                confidenceLevel);
    }

    /** From both models' confusion matrices of the same slice (same rows, same classes). */
    public static List<ClassRates> of(SliceKey slice, ConfusionMatrix ofProduction, ConfusionMatrix ofCandidate,
                                      double confidenceLevel) {
        List<ClassRates> rates = new ArrayList<>();
        for (int k = 0; k < ofProduction.classes().size(); k++) {
            String name = ofProduction.classes().get(k);
            String neverPredicted = "no example of this slice is predicted " + name;
            String neverLabelled = "no example of this slice is labelled " + name;
            rates.add(new ClassRates(slice, name, ofProduction.support(k),
                    Rate.of(ofProduction.count(k, k), ofProduction.predictedCount(k), confidenceLevel, neverPredicted),
                    Rate.of(ofCandidate.count(k, k), ofCandidate.predictedCount(k), confidenceLevel, neverPredicted),
                    Rate.of(ofProduction.count(k, k), ofProduction.support(k), confidenceLevel, neverLabelled),
                    Rate.of(ofCandidate.count(k, k), ofCandidate.support(k), confidenceLevel, neverLabelled)));
        }
        return rates;
    }
}
