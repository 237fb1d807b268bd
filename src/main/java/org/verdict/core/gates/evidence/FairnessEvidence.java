package org.verdict.core.gates.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.verdict.core.pack.CategoricalColumn;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.stats.CountResampler;
import org.verdict.core.stats.DisparityAgreementBound;
import org.verdict.core.stats.PearsonChiSquare;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.JeffreysShares;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.stats.Proportions;
import org.verdict.core.stats.MaximumIntervals;
import org.verdict.core.stats.ResampledDistribution;

/**
 * Fairness over the primary suite's sensitive attributes. Selection rate, TPR and FPR are measured for one
 * positive class (one-vs-rest for multiclass tasks), per group and model; disparities over the groups for
 * production and candidate, from a paired, group-stratified bootstrap (each replicate redraws every group's
 * examples with its size fixed, and scores both models on the same draw). A model's disparity interval is not a
 * percentile of the replicated disparity — a max − min over groups is biased upward and its percentile interval can
 * exclude the estimate — but comes from {@link MaximumIntervals}: a disparity is the largest of its gap terms (one per
 * ordered pair of groups), and the bootstrap gives each term's standard error and a simultaneous critical value over
 * the terms that may be the largest; its parity end (0, or 1 for the ratio) excludes parity only when Pearson's test of
 * equal rates rejects it. The worsening, a paired difference in which that bias largely cancels, keeps its
 * percentile interval, its upper end raised to the basic bootstrap's where near ties leave it too low.
 *
 * @param positiveClass the class counted as "selected"
 * @param positiveClassReason why that class (shown next to the numbers)
 * @param changeBand    E: a group's change of a rate whose interval holds 0 and lies within ±E reads "no significant
 *                      difference"; the smallest effect worth detecting of the comparison the gates read, so a group
 *                      reads alike here and among that comparison's slices
 */
public record FairnessEvidence(String positiveClass, String positiveClassReason, double changeBand,
                               List<Attribute> attributes) {
    /** What a model's disparity interval is, for the words beside it; %s is the level, e.g. "95%". */
    public static final String DISPARITY_INTERVALS = "%s bootstrap intervals of a largest gap, simultaneous over the "
            + "group pairs that may be largest, reaching parity unless a chi-square test of equal rates rejects it";
    /** What the worsening's interval is: one per disparity, not simultaneous over them; %s is the level. */
    public static final String WORSENING_INTERVAL = "%s paired bootstrap percentile interval, its upper end raised "
            + "to the basic bootstrap's at a quarter of the tail where that is higher";
    /**
     * Below this many counted examples on which the models select differently, the worsening's interval holds the
     * agreement bound ({@link DisparityAgreementBound}): the bootstrap sees only the disagreements drawn, so with none
     * it reads [0, 0] and with a handful that all lower the gap no replicate can raise it. 25 is the discordant count
     * below which McNemar's chi-square is replaced by the exact binomial test for the same reason, a paired
     * difference of proportions carried by few discordant examples (docs/statistics.md, "Fairness: two models that
     * disagree on few examples").
     */
    public static final int FEW_DISAGREEMENTS = 25;
    /** What a group's change's interval is, for the words beside it. */
    public static final String CHANGE_INTERVAL = "Tango's score interval for paired shares, the groups of the "
            + "attribute Holm-adjusted per rate, at the level shown";
    /** What the agreement bound is; %s is the level. */
    public static final String AGREEMENT_INTERVAL = "%s agreement bound: the change reachable if the models differed "
            + "on each group's examples as often as the exact (Clopper–Pearson) limit of the differences seen there "
            + "allows, or the paired bootstrap's interval where that reaches further";

    public FairnessEvidence {
        attributes = List.copyOf(attributes);
    }

    /** The band with where it comes from, wherever it is printed: "±0.05 (E, the smallest effect worth …)". */
    public String changeBandText() {
        return "±" + BigDecimal.valueOf(changeBand).stripTrailingZeros().toPlainString() + " (E, the smallest effect "
                + "worth detecting, as the gates' comparison reads its slices: the policy's languageParity.tolerance)";
    }

    /**
     * One sensitive attribute.
     *
     * @param excludedGroups groups below the minimum size, left out of the disparities
     * @param changes        each group's paired change of each rate, group by group
     */
    public record Attribute(String name, List<Group> groups, List<String> excludedGroups,
                            Map<Disparity, DisparityEstimate> disparities, List<GroupChange> changes) {
        public Attribute {
            groups = List.copyOf(groups);
            excludedGroups = List.copyOf(excludedGroups);
            disparities = Map.copyOf(disparities);
            changes = List.copyOf(changes);
        }
    }

    /** One group's rates for both models; TPR / FPR are null when the group has no positives / negatives. */
    public record Group(String name, int n, long positives, Rates production, Rates candidate) {
        /** Whether the bootstrap redraws this group from Jeffreys' prior when it is judged ({@link #redrawn}). */
        public boolean fewExamples() {
            return n < FEW_EXAMPLES;
        }
    }

    /**
     * @param selectionCi modified Wilson interval of the selection rate, at the evidence's confidence level: the
     *                    interval the comparison gives the same rate of the slice {@code attribute=group}
     * @param tprCi       modified Wilson interval of the true positive rate (over the group's positives), null
     *                    without one
     * @param fprCi       modified Wilson interval of the false positive rate (over the group's negatives), null
     *                    without one
     */
    public record Rates(double selectionRate, Interval selectionCi, Double tpr, Double fpr, Interval tprCi,
                        Interval fprCi) {
    }

    /**
     * A disparity for both models and how much worse the candidate is, each with its interval; all null when fewer
     * than two groups define it.
     *
     * <p>A model that selects no example this disparity's rates count in any judged group (no selection at all for
     * demographic parity and equalized odds, no true positive for equal opportunity) has nothing to be fair or unfair
     * with: its ratio is 0 / 0, undefined (null here, NaN in fairlearn), and its differences are 0 only because every
     * rate is 0. Where the candidate is such a model, the worsening is not measured (null): "fairer" would credit it
     * for never selecting the class. Where only production is, the worsening is the candidate's own disparity
     * measured from parity (a difference less 0, 1 less a ratio), the fairest production could have been.
     *
     * @param disagreements         the examples this disparity counts (all of them, or the positives for equal
     *                              opportunity) in the judged groups that the two models select differently
     * @param productionSelectsNone whether production selects none of the examples this disparity's rates count
     * @param candidateSelectsNone  the same for the candidate
     */
    public record DisparityEstimate(Double production, Interval productionCi, Double candidate, Interval candidateCi,
                                    Double worsening, Interval worseningCi, long disagreements,
                                    boolean productionSelectsNone, boolean candidateSelectsNone) {
        /** Whether two judged groups define it (it may still be unmeasurable: {@link #candidateSelectsNone}). */
        public boolean isDefined() {
            return worsening != null || candidateSelectsNone;
        }

        /** Whether the worsening's interval holds the agreement bound: the models disagree on too few examples. */
        public boolean fromAgreement() {
            return worsening != null && disagreements < FEW_DISAGREEMENTS;
        }

        /**
         * Why the worsening's interval is the agreement bound, in words ({@link #fromAgreement}); the bootstrap alone
         * would claim a certainty the data cannot give: the models may differ on examples not seen.
         */
        public String agreement(String positiveClass) {
            return disagreements == 0 ? "both models select '" + positiveClass + "' alike on every example these "
                    + "rates count" : "the models select '" + positiveClass + "' differently on only "
                    + MetricFormat.count(disagreements) + " of the examples these rates count (fewer than "
                    + FEW_DISAGREEMENTS + ", too few for the bootstrap to show how far the gap could move)";
        }
    }

    /** Cells of one group: index = label·4 + productionSelects·2 + candidateSelects. */
    private static final int CELLS = 8;
    /** Groups smaller than this (the default {@code fairness.minGroupSize}) are redrawn by {@link #redrawn}'s prior. */
    private static final int FEW_EXAMPLES = 30;

    /**
     * One sensitive attribute's paired selection cells, from rows or a summary pack's cells alike.
     *
     * @param groups the attribute's values, sorted
     * @param cells per group, index = label·4 + productionSelects·2 + candidateSelects, each a count of examples
     */
    public record AttributeCells(String name, List<String> groups, long[][] cells) {
    }

    /**
     * @param positiveCode class code counted as positive / selected
     */
    public static FairnessEvidence of(EvaluationTable table, String production, String candidate, int positiveCode,
                                      String positiveClassReason, int minGroupSize, double confidenceLevel,
                                      double changeBand, int replicates, long seed) {
        int[] labels = table.labelCodes();
        int[] productionPredictions = table.predictionsOf(production).classCodes();
        int[] candidatePredictions = table.predictionsOf(candidate).classCodes();
        List<AttributeCells> attributes = new ArrayList<>();
        for (String name : table.sensitiveColumns()) {
            CategoricalColumn column = table.column(name).orElseThrow();
            long[][] cells = new long[column.levelCount()][CELLS];
            for (int row = 0; row < table.rowCount(); row++) {
                int cell = (labels[row] == positiveCode ? 4 : 0) + (productionPredictions[row] == positiveCode ? 2 : 0)
                        + (candidatePredictions[row] == positiveCode ? 1 : 0);
                cells[column.codes()[row]][cell]++;
            }
            attributes.add(new AttributeCells(name, column.levels(), cells));
        }
        return of(attributes, table.classes().get(positiveCode), positiveClassReason, minGroupSize, confidenceLevel,
                changeBand, replicates, seed);
    }

    /**
     * From each attribute's cells: the same numbers and, for the same seed, the same bootstrap draws as from the
     * rows those cells count, since the bootstrap resamples cell counts.
     */
    public static FairnessEvidence of(List<AttributeCells> attributes, String positiveClass,
                                      String positiveClassReason, int minGroupSize, double confidenceLevel,
                                      double changeBand, int replicates, long seed) {
        List<Attribute> measured = new ArrayList<>();
        for (AttributeCells attribute : attributes) {
            measured.add(attribute(attribute.name(), attribute.groups(), attribute.cells(), minGroupSize,
                    confidenceLevel, changeBand, replicates, seed ^ attribute.name().hashCode()));
        }
        return new FairnessEvidence(positiveClass, positiveClassReason, changeBand, measured);
    }

    private static Attribute attribute(String name, List<String> levels, long[][] cells, int minGroupSize,
                                       double confidenceLevel, double changeBand, int replicates, long seed) {
        List<Group> groups = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<long[]> included = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<long[]> presentCells = new ArrayList<>();
        for (int g = 0; g < levels.size(); g++) {
            long n = Arrays.stream(cells[g]).sum();
            if (n == 0) {
                continue;
            }
            present.add(levels.get(g));
            presentCells.add(cells[g]);
            groups.add(new Group(levels.get(g), (int) n, cells[g][4] + cells[g][5] + cells[g][6] + cells[g][7],
                    rates(cells[g], 2, confidenceLevel), rates(cells[g], 1, confidenceLevel)));
            if (n < minGroupSize) {
                excluded.add(levels.get(g));
            } else {
                included.add(cells[g]);
            }
        }
        List<double[]> includedCells = included.stream().map(cellsOfGroup -> Arrays.stream(cellsOfGroup)
                .asDoubleStream().toArray()).toList();
        Map<Disparity, double[]> observed = disparities(includedCells);
        long smallestGroup = included.stream().mapToLong(cellsOfGroup -> Arrays.stream(cellsOfGroup).sum()).min()
                .orElse(0);
        double[][][] pointRates = {groupRates(includedCells, 2), groupRates(includedCells, 1)};
        double[][][] rateFloors = {rateStandardErrorFloors(included, 2), rateStandardErrorFloors(included, 1)};
        // [model][replicate][measure][group]
        double[][][][] replicateRates = new double[2][replicates][][];
        Map<Disparity, double[]> worseningReplicates = new EnumMap<>(Disparity.class);
        for (Disparity d : Disparity.values()) {
            worseningReplicates.put(d, new double[replicates]);
        }
        // a group's size is fixed and its examples are drawn from its cell shares: the cell counts of such a draw are
        // multinomial, drawn directly at a cost that does not grow with the group
        SplittableRandom random = new SplittableRandom(seed);
        CountResampler resampler = new CountResampler(random);
        JeffreysShares fewExamples = new JeffreysShares(random);
        for (int r = 0; r < replicates; r++) {
            List<double[]> resampled = new ArrayList<>();
            for (long[] group : included) {
                resampled.add(redrawn(group, resampler, fewExamples));
            }
            replicateRates[0][r] = groupRates(resampled, 2);
            replicateRates[1][r] = groupRates(resampled, 1);
            Map<Disparity, double[]> replicate = disparities(resampled);
            for (Disparity d : Disparity.values()) {
                double[] values = replicate.get(d);
                worseningReplicates.get(d)[r] = d.worsening(values[0], values[1]);
            }
        }
        // [model][disparity]: each model's interval, then made consistent where one disparity bounds another
        Interval[][] modelCis = new Interval[2][Disparity.values().length];
        for (Disparity d : Disparity.values()) {
            double[] values = observed.get(d);
            if (Double.isNaN(values[0]) || Double.isNaN(values[1])) {
                continue;
            }
            for (int model = 0; model < 2; model++) {
                modelCis[model][d.ordinal()] = parityUnlessRejected(d, included, 2 >> model, confidenceLevel,
                        modelInterval(d, pointRates[model], replicateRates[model], gapTerms(d, pointRates[model]),
                                gapTermReplicates(d, replicateRates[model]), gapFloors(d, rateFloors[model]),
                                smallestGroup, confidenceLevel));
            }
        }
        Map<Disparity, DisparityEstimate> estimates = new EnumMap<>(Disparity.class);
        for (Disparity d : Disparity.values()) {
            double[] values = observed.get(d);
            if (Double.isNaN(values[0]) || Double.isNaN(values[1])) {
                estimates.put(d, new DisparityEstimate(null, null, null, null, null, null, 0, false, false));
                continue;
            }
            boolean productionSelectsNone = selectsNone(d, included, 2);
            boolean candidateSelectsNone = selectsNone(d, included, 1);
            double worsening = d.worsening(values[0], values[1]);
            long disagreements = disagreements(d, included);
            Interval bootstrap = worseningInterval(worseningReplicates.get(d), worsening, confidenceLevel);
            Interval worseningCi = disagreements < FEW_DISAGREEMENTS
                    ? hull(agreementInterval(d, included, confidenceLevel), bootstrap) : bootstrap;
            boolean ratio = d == Disparity.DEMOGRAPHIC_PARITY_RATIO;
            estimates.put(d, new DisparityEstimate(ratio && productionSelectsNone ? null : values[0],
                    ratio && productionSelectsNone ? null : consistent(d, modelCis[0]),
                    ratio && candidateSelectsNone ? null : values[1],
                    ratio && candidateSelectsNone ? null : consistent(d, modelCis[1]),
                    candidateSelectsNone ? null : worsening, candidateSelectsNone ? null : worseningCi, disagreements,
                    productionSelectsNone, candidateSelectsNone));
        }
        return new Attribute(name, groups, excluded, estimates, GroupChange.of(present, presentCells, minGroupSize,
                confidenceLevel, changeBand));
    }

    /**
     * The worsening is a paired difference of two disparities computed on the same draw, so the upward bias of a
     * max − min largely cancels in it and its percentile interval keeps its two-sided coverage (at least 93 % in every
     * simulated cell). Near ties it does not cancel: the production disparity's upward bias pulls the estimate down
     * and the replicates repeat that pull, so the percentile upper end — the end the gate passes on — lay below the
     * true worsening in up to 6 % of samples against 2.5 % (docs/statistics.md). The basic bootstrap's upper end
     * 2·estimate − q reverses the pull, but the bootstrap sees less of it than there is when the sample happens to
     * separate the tied gaps: at the full tail it still missed in up to 4.5 %, at half the tail 3.4 %, at a quarter of
     * the tail 2.6 % at most in every cell measured. The upper end is the larger of the percentile end and that one;
     * the lower end stays the percentile one (it errs the safe way), and the interval is widened to hold the estimate.
     * Every disparity lies in [0, 1], so the worsening lies in [−1, 1]: the basic end, a reflection, is kept within
     * (it reached +1.195 on 20 rows per group).
     */
    static Interval worseningInterval(double[] replicates, double worsening, double confidenceLevel) {
        ResampledDistribution distribution = new ResampledDistribution(replicates);
        Interval percentile = distribution.percentileInterval(confidenceLevel);
        if (percentile == null) {
            return null;
        }
        double basicUpper = distribution.basicUpperBound(worsening, (1 - confidenceLevel) / 8);
        return new Interval(Math.min(percentile.lower(), worsening),
                Math.max(Math.min(1, Math.max(percentile.upper(), basicUpper)), worsening));
    }

    /**
     * One replicate's cells of a group: a multinomial resample at its size, or, for a group of fewer than
     * {@link #FEW_EXAMPLES} (only a policy's lowered {@code minGroupSize} admits one), Jeffreys' Bayesian bootstrap
     * ({@link JeffreysShares}). Resampling a group of one example gives its rates as 0 or 1 in every replicate, and at
     * a handful they vary far less than they are unknown: in a simulation with known truth (bench/fairness_small_groups.py,
     * docs/statistics.md) the worsening's upper end, which the gate passes on, lay below the true worsening in up to
     * 97.6 % of samples with a group of 1 – 3 examples and 18.4 % with 29; redrawn from Jeffreys' posterior, in at
     * most 1.5 %.
     */
    private static double[] redrawn(long[] group, CountResampler resampler, JeffreysShares fewExamples) {
        double[] cells = new double[CELLS];
        if (Arrays.stream(group).sum() >= FEW_EXAMPLES) {
            long[] drawn = new long[CELLS];
            resampler.resample(group, drawn);
            for (int cell = 0; cell < CELLS; cell++) {
                cells[cell] = drawn[cell];
            }
            return cells;
        }
        fewExamples.draw(group, cells);
        return cells;
    }

    private static final int SELECTION = 0;
    private static final int TPR = 1;
    private static final int FPR = 2;

    /** One model's rates as [measure][group]: selection rate, TPR, FPR (NaN when the group has no positives / negatives). */
    private static double[][] groupRates(List<double[]> groups, int selectsBit) {
        double[][] rates = new double[3][groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            Rates r = rates(groups.get(g), selectsBit);
            rates[SELECTION][g] = r.selectionRate();
            rates[TPR][g] = r.tpr() == null ? Double.NaN : r.tpr();
            rates[FPR][g] = r.fpr() == null ? Double.NaN : r.fpr();
        }
        return rates;
    }

    /**
     * One model's floor under the standard error of each group's rate, as [measure][group]: the Agresti–Coull
     * standard error √(p̃(1 − p̃)/(m + 4)) with p̃ = (x + 2)/(m + 4) for x of m. A rate of 0 or 1 never varies under the
     * bootstrap; this keeps a gap between such rates from getting a zero-width interval (NaN where the rate is
     * undefined).
     */
    private static double[][] rateStandardErrorFloors(List<long[]> groups, int selectsBit) {
        double[][] floors = new double[3][groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            Counts c = Counts.of(groups.get(g), selectsBit);
            floors[SELECTION][g] = agrestiCoull(c.selected, c.n);
            floors[TPR][g] = agrestiCoull(c.truePositives, c.positives);
            floors[FPR][g] = agrestiCoull(c.falsePositives, c.n - c.positives);
        }
        return floors;
    }

    private static double agrestiCoull(long successes, long trials) {
        if (trials == 0) {
            return Double.NaN;
        }
        double adjusted = (successes + 2.0) / (trials + 4.0);
        return Math.sqrt(adjusted * (1 - adjusted) / (trials + 4.0));
    }

    /** The floors of the gap terms r_g − r_h of a difference disparity: √(floor_g² + floor_h²), in term order. */
    private static double[] gapFloors(Disparity d, double[][] rateFloors) {
        return pairTerms(measuresOf(d), rateFloors, Math::hypot);
    }

    /**
     * A disparity as the largest of its gap terms, one per ordered pair of groups (and per rate, for equalized odds):
     * r_g − r_h for the differences, −r_g / r_h for the ratio (whose largest term is −min / max). NaN where a rate
     * is undefined; 0 / 0 counts as ratio 1, as in {@link #disparities}.
     */
    private static double[] gapTerms(Disparity d, double[][] rates) {
        return pairTerms(measuresOf(d), rates, d == Disparity.DEMOGRAPHIC_PARITY_RATIO
                ? (a, b) -> b == 0 ? (a == 0 ? -1 : Double.NaN) : -a / b
                : (a, b) -> a - b);
    }

    private static int[] measuresOf(Disparity d) {
        return switch (d) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO -> new int[] {SELECTION};
            case EQUAL_OPPORTUNITY_DIFFERENCE -> new int[] {TPR};
            case EQUALIZED_ODDS_DIFFERENCE -> new int[] {TPR, FPR};
        };
    }

    /** {@code pair(values[measure][g], values[measure][h])} for every measure and ordered pair g ≠ h (NaN for g = h). */
    private static double[] pairTerms(int[] measures, double[][] values, DoubleBinaryOperator pair) {
        int groups = values[0].length;
        double[] terms = new double[measures.length * groups * groups];
        int k = 0;
        for (int measure : measures) {
            for (int g = 0; g < groups; g++) {
                for (int h = 0; h < groups; h++) {
                    terms[k++] = g == h ? Double.NaN : pair.applyAsDouble(values[measure][g], values[measure][h]);
                }
            }
        }
        return terms;
    }

    /** The gap terms of every replicate, as [term][replicate]. */
    private static double[][] gapTermReplicates(Disparity d, double[][][] replicateRates) {
        double[][] byTerm = null;
        for (int r = 0; r < replicateRates.length; r++) {
            double[] terms = gapTerms(d, replicateRates[r]);
            if (byTerm == null) {
                byTerm = new double[terms.length][replicateRates.length];
            }
            for (int k = 0; k < terms.length; k++) {
                byTerm[k][r] = terms[k];
            }
        }
        return byTerm;
    }

    /**
     * One model's disparity interval: the interval of its largest gap term. The ratio min / max is skewed at small
     * groups, so while every group selects someone its interval comes from the log-ratio terms log r_g − log r_h
     * (largest: log(max / min)), as for risk ratios, and is mapped back by exp(−·).
     */
    private static Interval modelInterval(Disparity d, double[][] rates, double[][][] replicateRates, double[] terms,
                                          double[][] termReplicates, double[] termFloors, long smallestGroup,
                                          double confidenceLevel) {
        if (d != Disparity.DEMOGRAPHIC_PARITY_RATIO) {
            return clip(MaximumIntervals.ofMaximum(terms, termReplicates, termFloors, smallestGroup, confidenceLevel),
                    0, 1);
        }
        if (Arrays.stream(rates[SELECTION]).allMatch(rate -> rate > 0)) {
            Interval logGap = MaximumIntervals.ofMaximum(logRatioTerms(rates), logRatioTermReplicates(replicateRates),
                    smallestGroup, confidenceLevel);
            return clip(new Interval(Math.exp(-logGap.upper()), Math.exp(-logGap.lower())), 0, 1);
        }
        Interval largest = MaximumIntervals.ofMaximum(terms, termReplicates, smallestGroup, confidenceLevel);
        return clip(new Interval(-largest.upper(), -largest.lower()), 0, 1);
    }

    /** log r_g − log r_h over ordered pairs of groups (NaN on the diagonal; infinite where a rate is 0). */
    private static double[] logRatioTerms(double[][] rates) {
        double[] selection = rates[SELECTION];
        double[] terms = new double[selection.length * selection.length];
        for (int g = 0; g < selection.length; g++) {
            for (int h = 0; h < selection.length; h++) {
                terms[g * selection.length + h] = g == h ? Double.NaN : Math.log(selection[g]) - Math.log(selection[h]);
            }
        }
        return terms;
    }

    private static double[][] logRatioTermReplicates(double[][][] replicateRates) {
        double[][] byTerm = null;
        for (int r = 0; r < replicateRates.length; r++) {
            double[] terms = logRatioTerms(replicateRates[r]);
            if (byTerm == null) {
                byTerm = new double[terms.length][replicateRates.length];
            }
            for (int k = 0; k < terms.length; k++) {
                byTerm[k][r] = terms[k];
            }
        }
        return byTerm;
    }

    /**
     * A disparity is at parity (difference 0, ratio 1) exactly when the rates behind it are equal in every group:
     * the selection rate for demographic parity, the TPR for equal opportunity, the TPR and the FPR for equalized
     * odds. So the interval reaches parity unless Pearson's test of that equality (independence of selection and
     * group) rejects it. The gap terms' bootstrap bound alone is too eager there: at small counts a Wald-type standard
     * error shrinks as a rate nears 0 or 1, and the moment selection drops a gap's reverse term (r_h − r_g) exactly
     * when r_g − r_h is large, so at parity with 15 positives per group its bound excluded 0 in 6–8 % of samples, not
     * 2.5 %. The test is the score test, with the variance at the pooled rate, and holds its level at such counts. At
     * parity the other bound cannot miss (it is at least the estimate, which is at least 0), so the whole α goes to
     * this one: coverage at parity is at least the level. Elsewhere the rule only widens the bootstrap interval.
     *
     * <p>Equal opportunity is a part of equalized odds (its TPR gap), so whenever it excludes parity equalized odds
     * must too, and equalized odds at parity must still exclude it with probability at most α. Both therefore test
     * each stratum on its own at the Šidák level 1 − √(1 − α) (the positives' and the negatives' counts are
     * independent given the labels): equal opportunity the TPRs, equalized odds the TPRs or the FPRs. (One test of
     * the two strata's statistics added, as before, gave a TPR-only difference half its degrees of freedom in noise:
     * equal opportunity excluded parity while equalized odds, at least as large, reached it.)
     *
     * @param selectsBit 2 for production, 1 for the candidate
     */
    private static Interval parityUnlessRejected(Disparity d, List<long[]> groups, int selectsBit,
                                                 double confidenceLevel, Interval interval) {
        if (interval == null || parityRejected(d, groups, selectsBit, 1 - confidenceLevel)) {
            return interval;
        }
        return d == Disparity.DEMOGRAPHIC_PARITY_RATIO ? new Interval(interval.lower(), 1)
                : new Interval(0, interval.upper());
    }

    private static boolean parityRejected(Disparity d, List<long[]> groups, int selectsBit, double alpha) {
        double perStratum = -Math.expm1(0.5 * Math.log1p(-alpha));
        return switch (d) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO -> pValue(groups, selectsBit, ALL) < alpha;
            case EQUAL_OPPORTUNITY_DIFFERENCE -> pValue(groups, selectsBit, POSITIVES) < perStratum;
            case EQUALIZED_ODDS_DIFFERENCE -> pValue(groups, selectsBit, POSITIVES) < perStratum
                    || pValue(groups, selectsBit, NEGATIVES) < perStratum;
        };
    }

    /**
     * One model's intervals made consistent where one disparity bounds another ({@code cis} by disparity ordinal): each
     * end is cut to what the other interval implies. Equalized odds is at least equal opportunity, so its lower end is
     * raised to equal opportunity's, and equal opportunity's upper end lowered to equalized odds'. Selection rates
     * are at most 1, so min / max ≤ 1 − (max − min): the ratio's upper end is lowered to 1 − the difference's lower
     * end, and the difference's upper end to 1 − the ratio's lower end. A cut end misses only where one of the two
     * intervals misses on that side; at parity the nested tests above make it the same event. Each cut end stays
     * beyond the estimate.
     */
    private static Interval consistent(Disparity d, Interval[] cis) {
        Interval own = cis[d.ordinal()];
        Interval other = cis[switch (d) {
            case EQUALIZED_ODDS_DIFFERENCE -> Disparity.EQUAL_OPPORTUNITY_DIFFERENCE.ordinal();
            case EQUAL_OPPORTUNITY_DIFFERENCE -> Disparity.EQUALIZED_ODDS_DIFFERENCE.ordinal();
            case DEMOGRAPHIC_PARITY_DIFFERENCE -> Disparity.DEMOGRAPHIC_PARITY_RATIO.ordinal();
            case DEMOGRAPHIC_PARITY_RATIO -> Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE.ordinal();
        }];
        if (own == null || other == null) {
            return own;
        }
        return switch (d) {
            case EQUALIZED_ODDS_DIFFERENCE -> new Interval(Math.max(own.lower(), other.lower()), own.upper());
            case EQUAL_OPPORTUNITY_DIFFERENCE -> new Interval(own.lower(), Math.min(own.upper(), other.upper()));
            case DEMOGRAPHIC_PARITY_DIFFERENCE, DEMOGRAPHIC_PARITY_RATIO ->
                    new Interval(own.lower(), Math.min(own.upper(), 1 - other.lower()));
        };
    }

    /**
     * Whether the model selects none of the examples {@code d}'s rates count in any of {@code groups}: no example for
     * demographic parity and equalized odds (whose TPR and FPR are then 0 everywhere), no positive for equal
     * opportunity.
     *
     * @param selectsBit 2 for production, 1 for the candidate
     */
    private static boolean selectsNone(Disparity d, List<long[]> groups, int selectsBit) {
        return groups.stream().map(cells -> Counts.of(cells, selectsBit)).allMatch(counts ->
                (d == Disparity.EQUAL_OPPORTUNITY_DIFFERENCE ? counts.truePositives : counts.selected) == 0);
    }

    /** Cells where exactly one model selects: 1 and 2 among the negatives, 5 and 6 among the positives. */
    private static final int[] NEGATIVES_DIFFERING = {1, 2};
    private static final int[] POSITIVES_DIFFERING = {5, 6};

    /** The examples of {@code groups} that disparity {@code d} counts and the two models select differently. */
    private static long disagreements(Disparity d, List<long[]> groups) {
        return groups.stream().mapToLong(cells -> differing(cells, POSITIVES_DIFFERING)
                + (d == Disparity.EQUAL_OPPORTUNITY_DIFFERENCE ? 0 : differing(cells, NEGATIVES_DIFFERING))).sum();
    }

    private static long differing(long[] cells, int[] differingCells) {
        return Arrays.stream(differingCells).mapToLong(cell -> cells[cell]).sum();
    }

    /**
     * [−b, b] from {@link DisparityAgreementBound}, by the examples each group's rates count and how many of them the
     * models select differently.
     */
    private static Interval agreementInterval(Disparity d, List<long[]> groups, double confidenceLevel) {
        int count = groups.size();
        long[] examples = new long[count];
        long[] positives = new long[count];
        long[] negatives = new long[count];
        long[] positivesDiffering = new long[count];
        long[] negativesDiffering = new long[count];
        long[] differing = new long[count];
        long selectedByProduction = 0;
        for (int g = 0; g < count; g++) {
            Counts c = Counts.of(groups.get(g), 2);
            examples[g] = c.n;
            positives[g] = c.positives;
            negatives[g] = c.n - c.positives;
            positivesDiffering[g] = differing(groups.get(g), POSITIVES_DIFFERING);
            negativesDiffering[g] = differing(groups.get(g), NEGATIVES_DIFFERING);
            differing[g] = positivesDiffering[g] + negativesDiffering[g];
            selectedByProduction += c.selected;
        }
        double bound = switch (d) {
            case DEMOGRAPHIC_PARITY_DIFFERENCE -> DisparityAgreementBound.ofGap(examples, differing, confidenceLevel);
            case DEMOGRAPHIC_PARITY_RATIO -> DisparityAgreementBound.ofRatio(examples, differing, selectedByProduction,
                    confidenceLevel);
            case EQUAL_OPPORTUNITY_DIFFERENCE -> DisparityAgreementBound.ofGap(positives, positivesDiffering,
                    confidenceLevel);
            case EQUALIZED_ODDS_DIFFERENCE -> DisparityAgreementBound.ofLargerGap(positives, positivesDiffering,
                    negatives, negativesDiffering, confidenceLevel);
        };
        return new Interval(-bound, bound);
    }

    /**
     * The smallest interval holding both: it misses only where both miss, so it keeps the agreement bound's exact
     * coverage, and it is never narrower than the bootstrap's, which the seen disagreements may stretch beyond the
     * bound (the bootstrap's is null where its replicates define no worsening).
     */
    private static Interval hull(Interval bound, Interval bootstrap) {
        return bootstrap == null ? bound : new Interval(Math.min(bound.lower(), bootstrap.lower()),
                Math.max(bound.upper(), bootstrap.upper()));
    }

    private static final int ALL = 0;
    private static final int POSITIVES = 1;
    private static final int NEGATIVES = 2;

    /** Pearson's test of equal selection rates over the groups within one stratum. */
    private static double pValue(List<long[]> groups, int selectsBit, int stratum) {
        return PearsonChiSquare.pValue(List.<long[][]>of(equalityTable(groups, selectsBit, stratum)));
    }

    /** The group × (selected, not selected) table of one stratum: all examples, the positives or the negatives. */
    private static long[][] equalityTable(List<long[]> groups, int selectsBit, int stratum) {
        long[][] table = new long[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            Counts c = Counts.of(groups.get(g), selectsBit);
            table[g] = switch (stratum) {
                case ALL -> new long[] {c.selected, c.n - c.selected};
                case POSITIVES -> new long[] {c.truePositives, c.positives - c.truePositives};
                default -> new long[] {c.falsePositives, c.n - c.positives - c.falsePositives};
            };
        }
        return table;
    }

    private static Interval clip(Interval interval, double lowest, double highest) {
        return interval == null ? null
                : new Interval(Math.max(lowest, interval.lower()), Math.min(highest, interval.upper()));
    }

    /** Rates of one model with the selection rate's interval: {@code selectsBit} is 2 for production, 1 for the candidate. */
    private static Rates rates(long[] cells, int selectsBit, double confidenceLevel) {
        Counts counts = Counts.of(cells, selectsBit);
        long negatives = counts.n - counts.positives;
        return counts.rates(Proportions.modifiedWilson(counts.selected, counts.n, confidenceLevel),
                counts.positives == 0 ? null
                        : Proportions.modifiedWilson(counts.truePositives, counts.positives, confidenceLevel),
                negatives == 0 ? null : Proportions.modifiedWilson(counts.falsePositives, negatives, confidenceLevel));
    }

    /** One model's counts in one group. */
    private record Counts(long n, long selected, long positives, long truePositives, long falsePositives) {
        static Counts of(long[] cells, int selectsBit) {
            CellSums sums = CellSums.of(Arrays.stream(cells).asDoubleStream().toArray(), selectsBit);
            return new Counts((long) sums.n, (long) sums.selected, (long) sums.positives, (long) sums.truePositives,
                    (long) sums.falsePositives);
        }

        Rates rates(Interval selectionCi, Interval tprCi, Interval fprCi) {
            long negatives = n - positives;
            return new Rates(n == 0 ? 0 : (double) selected / n, selectionCi,
                    positives == 0 ? null : (double) truePositives / positives,
                    negatives == 0 ? null : (double) falsePositives / negatives, tprCi, fprCi);
        }
    }

    /**
     * One model's rates alone from a group's cells, whole counts or a replicate's shares of its size ({@link #redrawn});
     * whole counts give the same rates as {@link Counts#rates(Interval, Interval, Interval)}.
     */
    private static Rates rates(double[] cells, int selectsBit) {
        CellSums sums = CellSums.of(cells, selectsBit);
        double negatives = sums.n - sums.positives;
        return new Rates(sums.n == 0 ? 0 : sums.selected / sums.n, null,
                sums.positives == 0 ? null : sums.truePositives / sums.positives,
                negatives == 0 ? null : sums.falsePositives / negatives, null, null);
    }

    /** One model's sums over a group's cells; whole counts below 2^53 add up exactly. */
    private record CellSums(double n, double selected, double positives, double truePositives, double falsePositives) {
        static CellSums of(double[] cells, int selectsBit) {
            double n = 0;
            double selected = 0;
            double positives = 0;
            double truePositives = 0;
            double falsePositives = 0;
            for (int cell = 0; cell < CELLS; cell++) {
                boolean positive = cell >= 4;
                boolean selects = (cell & selectsBit) != 0;
                n += cells[cell];
                positives += positive ? cells[cell] : 0;
                selected += selects ? cells[cell] : 0;
                truePositives += positive && selects ? cells[cell] : 0;
                falsePositives += !positive && selects ? cells[cell] : 0;
            }
            return new CellSums(n, selected, positives, truePositives, falsePositives);
        }
    }

    /**
     * Each disparity as [production, candidate]; NaN when fewer than two groups define it. A ratio of a model that
     * selects nobody (0 / 0) counts as parity 1 here, so that a replicate has a value; the estimate reports it as
     * undefined ({@link DisparityEstimate}).
     */
    private static Map<Disparity, double[]> disparities(List<double[]> groups) {
        Map<Disparity, double[]> result = new EnumMap<>(Disparity.class);
        for (Disparity d : Disparity.values()) {
            result.put(d, new double[2]);
        }
        int[] bits = {2, 1};
        for (int model = 0; model < 2; model++) {
            List<Rates> rates = new ArrayList<>();
            for (double[] group : groups) {
                rates.add(rates(group, bits[model]));
            }
            double[] selection = rates.stream().mapToDouble(Rates::selectionRate).toArray();
            double[] tpr = rates.stream().filter(r -> r.tpr() != null).mapToDouble(Rates::tpr).toArray();
            double[] fpr = rates.stream().filter(r -> r.fpr() != null).mapToDouble(Rates::fpr).toArray();
            double selectionMax = selection.length < 2 ? Double.NaN : Arrays.stream(selection).max().orElseThrow();
            double selectionMin = selection.length < 2 ? Double.NaN : Arrays.stream(selection).min().orElseThrow();
            result.get(Disparity.DEMOGRAPHIC_PARITY_DIFFERENCE)[model] = selectionMax - selectionMin;
            result.get(Disparity.DEMOGRAPHIC_PARITY_RATIO)[model] = selectionMax == 0 ? 1 : selectionMin / selectionMax;
            double tprGap = gap(tpr);
            double fprGap = gap(fpr);
            result.get(Disparity.EQUALIZED_ODDS_DIFFERENCE)[model] =
                    Double.isNaN(tprGap) || Double.isNaN(fprGap) ? Double.NaN : Math.max(tprGap, fprGap);
            result.get(Disparity.EQUAL_OPPORTUNITY_DIFFERENCE)[model] = tprGap;
        }
        return result;
    }

    private static double gap(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        return Arrays.stream(values).max().orElseThrow() - Arrays.stream(values).min().orElseThrow();
    }
}
