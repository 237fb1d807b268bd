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

    /**
     * What became of the intervals of the slices other than the overall one, in the words the app, the CLI and the
     * approval pack share: "other slices adjusted with holm over 12 slices", "other slices unadjusted (12 slices tested)", or,
     * when not one of them could be tested, that none could ("adjusted over 0 slices" read like an adjustment).
     *
     * @param tested how many slices form the tested family (the overall slice, tested alone, is not among them)
     */
    public String otherSlices(int tested) {
        if (tested == 0) {
            return "no other slice could be tested (too few examples, unstable or unavailable)";
        }
        String slices = org.verdict.core.stats.MetricFormat.count(tested, "slice", "slices");
        return this == NONE ? "other slices unadjusted (" + slices + " tested)"
                : "other slices adjusted with " + wireName + " over " + slices;
    }

    /**
     * What became of the intervals of a per-class family: "adjusted with holm over 5 classes", or "unadjusted
     * (5 classes tested)".
     */
    public String adjusted(TestFamily family, int tested) {
        String members = tested + " " + family.member(tested);
        return this == NONE ? "unadjusted (" + members + " tested)" : "adjusted with " + wireName + " over " + members;
    }
}
