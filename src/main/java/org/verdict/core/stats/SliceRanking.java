package org.verdict.core.stats;

import java.util.Arrays;

/**
 * One model's scores on the examples of one slice, in ascending order with ties grouped: the basis of roc_auc,
 * pr_auc and DeLong's test. Examples are addressed by their local index 0..n-1 within the slice.
 */
public final class SliceRanking {
    private final boolean[] positive;
    private final int[] ascending;
    /** tieGroupEnds[0 .. groups-1]: exclusive end of each tie group in {@code ascending}. */
    private final int[] tieGroupEnds;
    /** groupPositives[g]: positives in tie group g, so the passes over groups need not visit every example. */
    private final int[] groupPositives;
    private final int groups;
    private final long positives;
    /**
     * groupOfLocal[local]: the tie group of each local example (its first {@code size} entries). A value that depends
     * only on an example's group and class (DeLong's components, the AP influences) is then read from a table by
     * group in local order, instead of being written to every example in score order: at random into an array of n
     * doubles, which a large slice's cache does not hold.
     */
    private final int[] groupOfLocal;

    private SliceRanking(boolean[] positive, int[] ascending, int[] tieGroupEnds, int[] groupPositives, int groups,
                         int[] groupOfLocal) {
        this.positive = positive;
        this.ascending = ascending;
        this.groupOfLocal = groupOfLocal;
        this.tieGroupEnds = tieGroupEnds;
        this.groupPositives = groupPositives;
        this.groups = groups;
        long count = 0;
        for (int g = 0; g < groups; g++) {
            count += groupPositives[g];
        }
        this.positives = count;
    }

    /**
     * Marks a local index in ascending score order as the first of its score, the only bit a non-negative index does
     * not use (see {@link #fromMarkedLocals}).
     */
    public static final int NEW_SCORE = Integer.MIN_VALUE;

    /** Ranks the given scores (local index = array index). */
    public static SliceRanking of(double[] scores, boolean[] positive) {
        int[] marked = ScoreOrder.ascending(scores);
        for (int i = 0; i < marked.length; i++) {
            if (i == 0 || scores[marked[i]] != scores[marked[i - 1] & ~NEW_SCORE]) {
                marked[i] |= NEW_SCORE;
            }
        }
        return fromMarkedLocals(marked, positive);
    }

    /**
     * @param marked the slice's local indices in ascending score order, each one whose score differs from the one
     *               before it marked with {@link #NEW_SCORE}; the ranking takes the array over and clears the marks.
     *               Only whether scores differ matters: tie groups are the runs between marks
     * @param positiveByLocal whether each local example is positive
     */
    public static SliceRanking fromMarkedLocals(int[] marked, boolean[] positiveByLocal) {
        return fromMarkedLocals(marked, positiveByLocal, new int[marked.length]);
    }

    /**
     * {@link #fromMarkedLocals(int[], boolean[])} with each example's tie group written into {@code groupOfLocal}
     * (length ≥ the examples; its first entries are the ranking's from now on: a caller's scratch, kept from slice to
     * slice, which the ranking must not outlive).
     */
    public static SliceRanking fromMarkedLocals(int[] marked, boolean[] positiveByLocal, int[] groupOfLocal) {
        int n = marked.length;
        // scores usually have far fewer distinct values than a large slice has examples: grow as groups appear
        int[] ends = new int[Math.min(n, 1024)];
        int[] groupPositives = new int[ends.length];
        int groups = 0;
        int positivesInGroup = 0;
        for (int i = 0; i < n; i++) {
            int local = marked[i] & ~NEW_SCORE;
            if (i > 0 && marked[i] < 0) {
                if (groups == ends.length) {
                    ends = Arrays.copyOf(ends, groups * 2);
                    groupPositives = Arrays.copyOf(groupPositives, groups * 2);
                }
                ends[groups] = i;
                groupPositives[groups++] = positivesInGroup;
                positivesInGroup = 0;
            }
            marked[i] = local;
            groupOfLocal[local] = groups;
            positivesInGroup += positiveByLocal[local] ? 1 : 0;
        }
        if (n > 0) {
            if (groups == ends.length) {
                ends = Arrays.copyOf(ends, groups + 1);
                groupPositives = Arrays.copyOf(groupPositives, groups + 1);
            }
            ends[groups] = n;
            groupPositives[groups++] = positivesInGroup;
        }
        return new SliceRanking(positiveByLocal, marked, ends, groupPositives, groups, groupOfLocal);
    }

    public int size() {
        return ascending.length;
    }

    /** The number of tie groups (distinct scores). */
    public int groups() {
        return groups;
    }

    /**
     * Whether the other ranking orders the slice's examples as this one does, ties alike (the same tie groups in the
     * same order): then every (positive, negative) pair is ordered alike and roc_auc is the same on every resample.
     */
    public boolean ranksAlike(SliceRanking other) {
        if (other.groups != groups || other.ascending.length != ascending.length) {
            return false;
        }
        int[] groupOf = new int[ascending.length];
        for (int g = 0, i = 0; g < groups; g++) {
            for (; i < tieGroupEnds[g]; i++) {
                groupOf[ascending[i]] = g;
            }
        }
        for (int g = 0, i = 0; g < groups; g++) {
            for (; i < other.tieGroupEnds[g]; i++) {
                if (groupOf[other.ascending[i]] != g) {
                    return false;
                }
            }
        }
        return true;
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return ascending.length - positives;
    }

    /**
     * Where a value of an example's group and class lies in a table by group ({@link #delongGroupComponents},
     * {@link #averagePrecisionGroupInfluences}): a positive's at 2g, a negative's at 2g + 1.
     */
    static int byGroup(int group, boolean positive) {
        return 2 * group + (positive ? 0 : 1);
    }

    /**
     * DeLong's structural components in one pass (Sun &amp; Xu 2014 midrank form): for a positive example, the share
     * of negatives scored below it plus half the tied ones (V10); for a negative, the share of positives scored above
     * it plus half the tied ones (V01). roc_auc is the mean V10 over positives. Only meaningful with at least one
     * positive and one negative.
     *
     * <p>By tie group, as every example of a group and class has the same: a positive's of group g at 2g, a
     * negative's at 2g + 1 ({@link #byGroup}), in {@code byGroup} (length ≥ 2 · groups), which is returned.
     */
    public double[] delongGroupComponents(double[] byGroup) {
        long negativesBelow = 0;
        long positivesBelow = 0;
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int end = tieGroupEnds[g];
            long groupPositive = groupPositives[g];
            long groupNegatives = (end - start) - groupPositive;
            byGroup[2 * g] = (negativesBelow + groupNegatives / 2.0) / negatives();
            byGroup[2 * g + 1] = (positives - positivesBelow - groupPositive + groupPositive / 2.0) / positives;
            negativesBelow += groupNegatives;
            positivesBelow += groupPositive;
            start = end;
        }
        return byGroup;
    }

    /** roc_auc, or unavailable when the slice has one class only. */
    public MetricValue rocAuc() {
        if (positives == 0 || negatives() == 0) {
            return MetricValue.unavailable(onlyOneClass());
        }
        // the mean V10 over positives, group by group: a positive of group g has the negatives below it and half
        // of its group's negatives under it
        double sum = 0;
        long negativesBelow = 0;
        int start = 0;
        for (int g = 0; g < groups; g++) {
            long groupNegatives = (tieGroupEnds[g] - start) - groupPositives[g];
            sum += groupPositives[g] * (negativesBelow + groupNegatives / 2.0);
            negativesBelow += groupNegatives;
            start = tieGroupEnds[g];
        }
        return MetricValue.of(sum / positives / negatives());
    }

    /**
     * pr_auc as average precision, scikit-learn's step-wise sum: Σ over distinct score thresholds (descending) of
     * (recall step) × (precision at that threshold). Unavailable without positives.
     */
    public MetricValue averagePrecision() {
        if (positives == 0) {
            return MetricValue.unavailable(noPositives(positives + negatives()));
        }
        return MetricValue.of(weightedAveragePrecision(null));
    }

    /**
     * Average precision when local example i counts {@code weights[i]} times (a bootstrap resample);
     * {@code weights == null} means every example once. NaN when the weighted sample has no positive.
     */
    public double weightedAveragePrecision(int[] weights) {
        double truePositives = 0;
        double selected = 0;
        double sum = 0;
        int end = ascending.length;
        for (int g = groups - 1; g >= 0; g--) {
            int start = g == 0 ? 0 : tieGroupEnds[g - 1];
            double groupPositive = groupPositives[g];
            double groupAll = end - start;
            if (weights != null) {
                groupPositive = 0;
                groupAll = 0;
                for (int i = start; i < end; i++) {
                    int local = ascending[i];
                    groupAll += weights[local];
                    if (positive[local]) {
                        groupPositive += weights[local];
                    }
                }
            }
            truePositives += groupPositive;
            selected += groupAll;
            if (groupPositive > 0) {
                sum += groupPositive * truePositives / selected;
            }
            end = start;
        }
        return truePositives == 0 ? Double.NaN : sum / truePositives;
    }

    /**
     * Empirical influence of each example on average precision: the derivative of AP with respect to the example's
     * weight (infinitesimal jackknife). Σ influence² is the variance of AP under bootstrap resampling to first order.
     * With A_g, B_g the positives and examples scored at or above tie group g, a_g the group's positives,
     * C1(h) = Σ_{g ≤ h} a_g / B_g and C2(h) = Σ_{g ≤ h} a_g A_g / B_g² (groups in ascending order), an example j of group h
     * with label y has influence (y (A_h / B_h + C1(h)) − C2(h) − y·AP) / P.
     *
     * @param ap this ranking's average precision (from {@link #averagePrecision()})
     * @param influence where to write the influences (length ≥ size); returned
     */
    public double[] averagePrecisionInfluence(double ap, double[] influence) {
        return byLocal(averagePrecisionGroupInfluences(ap, new double[2 * groups]), influence);
    }

    /**
     * {@link #averagePrecisionInfluence} by tie group: a positive's of group g at 2g, a negative's at 2g + 1 ({@link
     * #byGroup}), in {@code byGroup} (length ≥ 2 · groups), which is returned.
     */
    public double[] averagePrecisionGroupInfluences(double ap, double[] byGroup) {
        long below = 0;
        long positivesBelow = 0;
        double c1 = 0;
        double c2 = 0;
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int end = tieGroupEnds[g];
            long groupPositive = groupPositives[g];
            double atOrAbove = ascending.length - below;
            double positivesAtOrAbove = positives - positivesBelow;
            c1 += groupPositive / atOrAbove;
            c2 += groupPositive * positivesAtOrAbove / (atOrAbove * atOrAbove);
            byGroup[2 * g] = (positivesAtOrAbove / atOrAbove + c1 - c2 - ap) / positives;
            byGroup[2 * g + 1] = -c2 / positives;
            below += end - start;
            positivesBelow += groupPositive;
            start = end;
        }
        return byGroup;
    }

    /**
     * What a slice's examples add up to for roc_auc's DeLong test and pr_auc's influence variance, both in local
     * order: {@code delong} over positives [0] and negatives [1] Σ p, Σ c, Σ p², Σ c², Σ p·c of the models' DeLong
     * components; {@code averagePrecisionSquares} Σψ² of production's AP influences, of the candidate's and of
     * ψ_candidate − ψ_production.
     */
    public record ExampleSums(double[][] delong, double[] averagePrecisionSquares) {
    }

    /**
     * {@link ExampleSums} in one pass over the examples, each model's values read from its tables by group ({@link
     * #byGroup}): DeLong's components ({@link #delongGroupComponents}) and the AP influences ({@link
     * #averagePrecisionGroupInfluences}). Where only one of the two is wanted, pass its tables for both and read its
     * part. One pass rather than one for each: the examples' classes and groups are read and their places in the
     * tables found once, and the command line's client compiler does not merge two loops. The sums are kept in locals,
     * not in an array: that compiler keeps array elements in memory and checks each index.
     */
    public static ExampleSums exampleSums(SliceRanking production, double[] productionComponents,
                                          double[] productionInfluences, SliceRanking candidate,
                                          double[] candidateComponents, double[] candidateInfluences) {
        boolean[] positive = production.positive;
        int[] productionGroup = production.groupOfLocal;
        int[] candidateGroup = candidate.groupOfLocal;
        double positiveP = 0;
        double positiveC = 0;
        double positivePP = 0;
        double positiveCC = 0;
        double positivePC = 0;
        double negativeP = 0;
        double negativeC = 0;
        double negativePP = 0;
        double negativeCC = 0;
        double negativePC = 0;
        double productionSquares = 0;
        double candidateSquares = 0;
        double deltaSquares = 0;
        int size = production.ascending.length;
        for (int local = 0; local < size; local++) {
            boolean isPositive = positive[local];
            int productionAt = byGroup(productionGroup[local], isPositive);
            int candidateAt = byGroup(candidateGroup[local], isPositive);
            double p = productionComponents[productionAt];
            double c = candidateComponents[candidateAt];
            if (isPositive) {
                positiveP += p;
                positiveC += c;
                positivePP += p * p;
                positiveCC += c * c;
                positivePC += p * c;
            } else {
                negativeP += p;
                negativeC += c;
                negativePP += p * p;
                negativeCC += c * c;
                negativePC += p * c;
            }
            double pi = productionInfluences[productionAt];
            double ci = candidateInfluences[candidateAt];
            productionSquares += pi * pi;
            candidateSquares += ci * ci;
            double d = ci - pi;
            deltaSquares += d * d;
        }
        return new ExampleSums(new double[][] {{positiveP, positiveC, positivePP, positiveCC, positivePC},
            {negativeP, negativeC, negativePP, negativeCC, negativePC}},
                new double[] {productionSquares, candidateSquares, deltaSquares});
    }

    /** Each example's value of its group and class ({@link #byGroup}) written into {@code byLocal}, returned. */
    private double[] byLocal(double[] byGroup, double[] byLocal) {
        for (int local = 0; local < ascending.length; local++) {
            byLocal[local] = byGroup[byGroup(groupOfLocal[local], positive[local])];
        }
        return byLocal;
    }

    /** Why roc_auc is undefined on a slice of one class, naming both counts (rows and summary packs alike). */
    public static String onlyOneClass(long positives, long negatives) {
        return "only " + (positives == 0 ? "negative" : "positive") + " examples in this slice (" + positives
                + " positive, " + negatives + " negative), so roc_auc is undefined";
    }

    /** Why pr_auc is undefined on a slice without positives, naming its size (rows and summary packs alike). */
    public static String noPositives(long n) {
        return "no positive examples in this slice (0 of " + n + "), so precision-recall is undefined";
    }

    String onlyOneClass() {
        return onlyOneClass(positives, negatives());
    }
}
