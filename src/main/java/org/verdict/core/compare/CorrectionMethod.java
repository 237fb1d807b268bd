package org.verdict.core.compare;

/** How p-values are adjusted across the slices of one comparison. */
public enum CorrectionMethod {
    /** Holm–Bonferroni step-down: controls the family-wise error rate. Default. */
    HOLM("holm"),
    /** Benjamini–Hochberg step-up: controls the false discovery rate. */
    BENJAMINI_HOCHBERG("benjamini-hochberg"),
    NONE("none");

    private final String wireName;

    CorrectionMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
