package org.verdict.ui.compare;

import org.verdict.core.compare.SliceKey;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.ConfusionMatrix;

/** Counts one model's (true class, predicted class) pairs in a slice; in the app {@code ComparisonEngine::confusionMatrix}. */
@FunctionalInterface
public interface ConfusionSource {
    ConfusionMatrix confusionMatrix(EvaluationTable table, String version, SliceKey slice);
}
