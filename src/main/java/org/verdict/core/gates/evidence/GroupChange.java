package org.verdict.core.gates.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.PValueAdjustment;
import org.verdict.core.stats.PairedProportionDifference;

/**
 * How one group's rate moves from production to the candidate, Δ = candidate − production, on the same examples
 * scored by both models: the paired Δ a reviewer reads per group, beside each model's own rate. The interval is the
 * comparison's for a paired difference of shares (Tango's score interval, {@link PairedProportionDifference}), and
 * the groups of one attribute are one Holm family per rate, each shown at the level that agrees with Holm's decision,
 * as the Compare view's slices are; the verdict reads that interval, so the two never disagree.
 *
 * @param n          the examples the rate counts: the group's rows, its positives (TPR) or its negatives (FPR)
 * @param delta      null when the group has no example the rate counts
 * @param ci         the interval the verdict reads; null when not tested
 * @param shown      which interval that is: its Holm-adjusted level over the attribute's judged groups; null when
 *                   not tested
 */
public record GroupChange(String group, Rate rate, long n, Double delta, Interval ci, ShownInterval shown,
                          Verdict verdict) {

    /** The rates of the fairness table, each a share of the group's examples it counts. */
    public enum Rate {
        SELECTION("selection rate", null, "rows"),
        TPR("TPR", true, "positives"),
        FPR("FPR", false, "negatives");

        private final String label;
        private final Boolean higherIsBetter;
        private final String counted;

        Rate(String label, Boolean higherIsBetter, String counted) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
            this.counted = counted;
        }

        public String label() {
            return label;
        }

        /** What n counts: "rows", "positives", "negatives". */
        public String counted() {
            return counted;
        }

        /**
         * {@code {pairs, onlyCandidate, onlyProduction}} of a group's cells (index = label·4 + productionSelects·2 +
         * candidateSelects): a "success" is a selection among the examples the rate counts.
         */
        long[] pairedCounts(long[] cells) {
            return switch (this) {
                case SELECTION -> new long[] {Arrays.stream(cells).sum(), cells[1] + cells[5], cells[2] + cells[6]};
                case TPR -> new long[] {cells[4] + cells[5] + cells[6] + cells[7], cells[5], cells[6]};
                case FPR -> new long[] {cells[0] + cells[1] + cells[2] + cells[3], cells[1], cells[2]};
            };
        }
    }

    public boolean isTested() {
        return ci != null;
    }

    /**
     * Every group's change of every rate, group by group in the attribute's order. Groups below {@code minGroupSize}
     * (left out of the disparities) are not tested, nor a rate with no example to count in a group.
     *
     * @param cells  per group, the paired selection cells
     * @param band   Δ within ±band and an interval holding 0 reads "no significant difference", else "inconclusive"
     */
    static List<GroupChange> of(List<String> groups, List<long[]> cells, int minGroupSize, double confidenceLevel,
                                double band) {
        List<List<GroupChange>> byRate = new ArrayList<>();
        for (Rate rate : Rate.values()) {
            byRate.add(ofRate(rate, groups, cells, minGroupSize, confidenceLevel, band));
        }
        List<GroupChange> changes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (List<GroupChange> rate : byRate) {
                changes.add(rate.get(g));
            }
        }
        return changes;
    }

    private static List<GroupChange> ofRate(Rate rate, List<String> groups, List<long[]> cells, int minGroupSize,
                                            double confidenceLevel, double band) {
        PairedProportionDifference[] inference = new PairedProportionDifference[groups.size()];
        List<Integer> tested = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long[] counts = rate.pairedCounts(cells.get(g));
            if (counts[0] > 0) {
                inference[g] = new PairedProportionDifference(counts[1], counts[2], counts[0]);
                if (Arrays.stream(cells.get(g)).sum() >= minGroupSize) {
                    tested.add(g);
                }
            }
        }
        double[] alphas = PValueAdjustment.holmAlphas(
                tested.stream().mapToDouble(g -> inference[g].pValue()).toArray(), 1 - confidenceLevel);
        List<GroupChange> changes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long n = rate.pairedCounts(cells.get(g))[0];
            int member = tested.indexOf(g);
            if (inference[g] == null) {
                changes.add(new GroupChange(groups.get(g), rate, n, null, null, null, Verdict.UNAVAILABLE));
            } else if (member < 0) {
                changes.add(new GroupChange(groups.get(g), rate, n, inference[g].estimate(), null, null,
                        Verdict.TOO_FEW_EXAMPLES));
            } else {
                double level = 1 - alphas[member];
                Interval ci = inference[g].interval(level);
                changes.add(new GroupChange(groups.get(g), rate, n, inference[g].estimate(), ci,
                        new ShownInterval(TestFamily.SLICES, level, ShownInterval.HOLM, tested.size()),
                        verdict(rate, ci, band)));
            }
        }
        return changes;
    }

    /** The interval decides: beyond 0 a change (with the rate's direction), within ±band none, else inconclusive. */
    private static Verdict verdict(Rate rate, Interval ci, double band) {
        if (ci.lower() > 0 || ci.upper() < 0) {
            if (rate.higherIsBetter == null) {
                return Verdict.DIFFERENT;
            }
            return (ci.lower() > 0) == rate.higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
        }
        return ci.lower() >= -band && ci.upper() <= band ? Verdict.NO_SIGNIFICANT_DIFFERENCE : Verdict.INCONCLUSIVE;
    }
}
