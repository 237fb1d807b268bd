package org.verdict.core.compare;

/**
 * What the evidence says about the candidate in one slice, for one metric. Better, worse and significantly different
 * hold exactly when the interval of Δ shown beside the verdict ({@link SliceResult#deltaCi()}) excludes 0.
 */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    /** Significant change of a metric that has no better direction (selection_rate). */
    DIFFERENT("significantly different"),
    /** Fewer examples than the configured minimum: no test is run. */
    TOO_FEW_EXAMPLES("too few examples"),
    /**
     * Enough examples, but the interval beside the verdict contains 0 and is too wide to rule out the configured
     * effect size; or Δ has no trustworthy interval at all ({@link SliceResult#unstableReason()} says why).
     */
    INCONCLUSIVE("inconclusive"),
    /** The metric is undefined in this slice (e.g. AUC with one class); the reason is given alongside. */
    UNAVAILABLE("unavailable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The text shown to people and written to JSON. */
    public String label() {
        return label;
    }
}
