package org.verdict.core.compare;

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

    /** How a class's recall is named in a finding: "recall of fraud_report". */
    static final String SUBJECT = "recall of ";

    /**
     * The class's recall as a finding, "recall of fraud_report" (with "in region=r05" outside the overall slice), to
     * be said in one line as every finding is ({@link WorseOverall#line()}).
     */
    public WorseOverall change() {
        String where = slice().isOverall() ? "" : " in " + slice().label();
        return new WorseOverall(SUBJECT + className + where, result);
    }

    /**
     * The finding in one line, for the summaries that name a class whose recall changed significantly: "recall of
     * fraud_report worse: Δ −0.232 [−0.383, −0.068] (99% Holm-adjusted interval over 5 classes; n=125, adjusted p
     * 0.002)".
     */
    public String headline() {
        return change().line();
    }
}
