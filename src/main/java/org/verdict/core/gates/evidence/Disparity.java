package org.verdict.core.gates.evidence;

/** Fairness disparities over the groups of one sensitive attribute; wire names are fixed (policy keys, JSON). */
public enum Disparity {
    /** max − min of the selection rate over groups; 0 is parity. */
    DEMOGRAPHIC_PARITY_DIFFERENCE("demographic_parity_difference", false),
    /** min / max of the selection rate over groups; 1 is parity. */
    DEMOGRAPHIC_PARITY_RATIO("demographic_parity_ratio", true),
    /** The worse of the TPR gap and the FPR gap (max − min over groups). */
    EQUALIZED_ODDS_DIFFERENCE("equalized_odds_difference", false),
    /** The TPR gap (max − min over groups). */
    EQUAL_OPPORTUNITY_DIFFERENCE("equal_opportunity_difference", false);

    private final String wireName;
    private final boolean higherIsFairer;

    Disparity(String wireName, boolean higherIsFairer) {
        this.wireName = wireName;
        this.higherIsFairer = higherIsFairer;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a larger value is fairer (a ratio, 1 at parity), so that a worsening is a fall, not a growth. */
    public boolean higherIsFairer() {
        return higherIsFairer;
    }

    /** How much less fair {@code candidate} is than {@code production}: positive means worse. */
    public double worsening(double production, double candidate) {
        return higherIsFairer ? production - candidate : candidate - production;
    }
}
