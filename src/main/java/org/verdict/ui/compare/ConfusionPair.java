package org.verdict.ui.compare;

import org.verdict.core.compare.SliceKey;
import org.verdict.core.stats.ConfusionMatrix;

/** Production's and the candidate's confusion matrices on the same slice, shown side by side. */
public record ConfusionPair(SliceKey slice, String productionVersion, ConfusionMatrix production,
                            String candidateVersion, ConfusionMatrix candidate) {
}
