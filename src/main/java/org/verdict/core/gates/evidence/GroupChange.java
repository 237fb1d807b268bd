package org.verdict.core.gates.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;
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
 * @param pValue     McNemar's two-sided p of Δ = 0 (the test Tango's interval inverts); null when not tested
 * @param adjustedP  that p Holm-adjusted over the attribute's judged groups of the rate, below 1 − level exactly when
 *                   the verdict is a change; null when not tested
 * @param untested   why there is no interval, in words ("not tested: 12 rows, under the minimum of 30 …"); null when
 *                   tested
 */
public record GroupChange(String group, Rate rate, long n, Double delta, Interval ci, ShownInterval shown,
                          Double pValue, Double adjustedP, Verdict verdict, String untested) {

    /** The rates of the fairness table, each a share of the group's examples it counts. */
    public enum Rate {
        SELECTION("selection rate", "selection_rate", null, "rows"),
        TPR("TPR", "tpr", true, "positives"),
        FPR("FPR", "fpr", false, "negatives");

        private final String label;
        private final String wireName;
        private final Boolean higherIsBetter;
        private final String counted;

        Rate(String label, String wireName, Boolean higherIsBetter, String counted) {
            this.label = label;
            this.wireName = wireName;
            this.higherIsBetter = higherIsBetter;
            this.counted = counted;
        }

        public String label() {
            return label;
        }

        /** The JSON name, the metric's name in {@code compare --json}: "selection_rate", "tpr", "fpr". */
        public String wireName() {
            return wireName;
        }

        /** Whether a rise is better: null for the selection rate, which has no better side. */
        public Boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** One model's value of this rate in a group; null where the group has no example it counts. */
        public Double of(FairnessEvidence.Rates rates) {
            return switch (this) {
                case SELECTION -> rates.selectionRate();
                case TPR -> rates.tpr();
                case FPR -> rates.fpr();
            };
        }

        /** That value's modified Wilson interval; null where the value is. */
        public Interval ciOf(FairnessEvidence.Rates rates) {
            return switch (this) {
                case SELECTION -> rates.selectionCi();
                case TPR -> rates.tprCi();
                case FPR -> rates.fprCi();
            };
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
        double[] pValues = tested.stream().mapToDouble(g -> inference[g].pValue()).toArray();
        double[] alphas = PValueAdjustment.holmAlphas(pValues, 1 - confidenceLevel);
        double[] adjusted = PValueAdjustment.holm(pValues);
        List<GroupChange> changes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            long n = rate.pairedCounts(cells.get(g))[0];
            int member = tested.indexOf(g);
            if (inference[g] == null) {
                changes.add(new GroupChange(groups.get(g), rate, n, null, null, null, null, null,
                        Verdict.UNAVAILABLE, "unavailable: the group has no " + rate.counted()));
            } else if (member < 0) {
                // a Δ of a handful of rows without its interval would read as a result: the reason stands instead
                changes.add(new GroupChange(groups.get(g), rate, n, inference[g].estimate(), null, null, null, null,
                        Verdict.TOO_FEW_EXAMPLES, "not tested: " + MetricFormat.count(Arrays.stream(cells.get(g))
                        .sum(), "row", "rows") + ", under the minimum of " + MetricFormat.count(minGroupSize)
                        + " (fairness.minGroupSize), so no interval"));
            } else {
                double level = 1 - alphas[member];
                Interval ci = inference[g].interval(level);
                changes.add(new GroupChange(groups.get(g), rate, n, inference[g].estimate(), ci,
                        new ShownInterval(TestFamily.SLICES, level, ShownInterval.HOLM, tested.size()),
                        pValues[member], adjusted[member], verdict(rate, ci, band), null));
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
