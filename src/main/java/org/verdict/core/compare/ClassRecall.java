package org.verdict.core.compare;

/**
 * Production vs candidate on one class's recall in one slice of a multiclass comparison: the share of the slice's
 * rows labelled {@code className} that each model predicts as it. {@code result} is read like any other result (its
 * metric is {@code recall}, its {@code n} the class's rows in the slice, {@code deltaCi()} the interval beside the
 * verdict); its family is {@link TestFamily#CLASSES} for the overall slice and {@link TestFamily#SLICE_CLASSES}
 * for every other slice and cross.
 *
 * @param productionPredicted the slice's rows production predicts as the class (labelled with it or not)
 * @param candidatePredicted  the same for the candidate
 */
public record ClassRecall(String className, SliceResult result, long productionPredicted, long candidatePredicted) {

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

    /**
     * Whether the candidate loses the class where production has it: its recall falls to 0 from above, or it never
     * predicts the class that production predicts. A loss a test may not show: with a handful of examples (8 → 0 of
     * 8) no interval is trusted.
     */
    public boolean lostByCandidate() {
        return productionRecalled() > 0 && candidateRecalled() == 0 || neverPredictedByCandidate();
    }

    /**
     * "class fraud_report: recall 3 of 8 → 0 of 8, too few to test; the candidate never predicts it (production on 3
     * rows)": the loss with its counts and why no test shows it.
     */
    public String lossLine() {
        return "class " + className + ": recall " + productionRecalled() + " of " + support() + " → "
                + candidateRecalled() + " of " + support() + ", " + whyNoTestShowsLoss()
                + (neverPredictedByCandidate() ? "; the candidate never predicts it (production on "
                + productionPredicted + " row" + (productionPredicted == 1 ? "" : "s") + ")" : "");
    }

    /**
     * Why a loss ({@link #lostByCandidate}) is no finding: too few of the class's rows for an interval of Δ, or a
     * test that did not show it, "not significantly worse (inconclusive)".
     */
    public String whyNoTestShowsLoss() {
        return result.deltaCi() == null ? "too few to test"
                : "not significantly worse (" + result.verdict().label() + ")";
    }

    /** Production predicts the class somewhere, the candidate nowhere. */
    public boolean neverPredictedByCandidate() {
        return candidatePredicted == 0 && productionPredicted > 0;
    }

    /** The class's rows production predicts as it. */
    public long productionRecalled() {
        return recalled(result.production());
    }

    /** The class's rows the candidate predicts as it. */
    public long candidateRecalled() {
        return recalled(result.candidate());
    }

    /** The rows of the class a model predicts as it: its recall times the class's rows, which it was made from. */
    private long recalled(MetricEstimate recall) {
        return recall == null ? 0 : Math.round(recall.value() * support());
    }
}
