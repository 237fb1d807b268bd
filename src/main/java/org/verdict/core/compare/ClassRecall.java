package org.verdict.core.compare;

import org.verdict.core.stats.MetricFormat;

/**
 * Production vs candidate on one class's recall in one slice of a multiclass comparison: the share of the slice's
 * rows labelled {@code className} that each model predicts as it. {@code result} is read like any other result (its
 * metric is {@code recall}, its {@code n} the class's rows in the slice, {@code deltaCi()} the interval beside the
 * verdict); its family is {@link TestFamily#CLASSES} for the overall slice and {@link TestFamily#SLICE_CLASSES}
 * for every other slice and cross.
 */
public record ClassRecall(String className, SliceResult result) {

    public SliceKey slice() {
        return result.slice();
    }

    /** The class's rows in the slice. */
    public int support() {
        return result.n();
    }

    /**
     * The finding in one line, for the summaries that name a class whose recall changed significantly: "recall of
     * fraud_report worse: −0.232 [−0.329, −0.128] on 125 rows", with "in region=r05" after the class outside the
     * overall slice.
     */
    public String headline() {
        String where = slice().isOverall() ? "" : " in " + slice().label();
        return "recall of " + className + where + " " + result.verdict().label() + ": "
                + result.deltaText(result.deltaCi()) + " on " + MetricFormat.count(support(), "row", "rows");
    }
}
