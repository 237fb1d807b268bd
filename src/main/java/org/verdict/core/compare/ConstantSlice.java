package org.verdict.core.compare;

import org.verdict.core.stats.MetricFormat;

/**
 * A slice on which the candidate gives every row the same output: one predicted value (regression), or one class and,
 * where the pack gives scores, one score. Within that slice it tells no example from another — $0 for every claim
 * of one adjuster, one class for every ticket in one language — whatever its metrics there say (a constant can win
 * mae where most labels are 0). A note beside the slice, not a verdict: a rule the model learned (every claim of an
 * adjuster who only handles denials is $0) gives one output as well, which a reviewer tells apart and a count cannot.
 * Where the candidate is constant on every row the pack-level check says so once instead (docs/gates.md, "A
 * constant candidate").
 *
 * @param candidate  the candidate's one output there, as written: "$0", "'other'", "'yes' with score 0.500"
 * @param production production's one output there, or null where production's outputs vary: a collapse the
 *                   candidate brings, not one it keeps
 */
public record ConstantSlice(SliceKey slice, int n, String candidateVersion, String candidate,
                            String productionVersion, String production) {

    /** "candidate 43 predicts one value, $0, for all 1,204 rows of this slice; production 42's predictions vary here". */
    public String note() {
        return "candidate " + candidateVersion + " predicts one value, " + candidate + ", for all "
                + MetricFormat.count(n) + " rows of this slice; " + (production == null
                ? "production " + productionVersion + "'s predictions vary here"
                : "production " + productionVersion + " too predicts one value here, " + production);
    }
}
