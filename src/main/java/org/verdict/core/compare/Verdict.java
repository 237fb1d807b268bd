package org.verdict.core.compare;

/** What the evidence says about the candidate in one slice, for one metric. */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    /** Significant change of a metric that has no better direction (selection_rate). */
    DIFFERENT("significantly different"),
    /** Fewer examples than the configured minimum: no test is run. */
    TOO_FEW_EXAMPLES("too few examples"),
    /** Enough examples and not significant, but the interval is too wide to rule out the configured effect size. */
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
