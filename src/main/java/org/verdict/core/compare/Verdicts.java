package org.verdict.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.DeltaInference;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.PValueAdjustment;

/**
 * Turns each slice's inference about Δ into the interval shown beside it and a verdict, with one rule: better or
 * worse exactly when the shown interval excludes 0 in the metric's direction.
 *
 * <p>Families (per metric): the overall slice is tested alone at α with its unadjusted interval; every other slice
 * and cross that can be tested forms the adjusted family. Within it the shown interval's level is the one whose
 * exclusion of 0 coincides with the adjusted decision (every p-value is the inversion of its interval procedure,
 * {@link org.verdict.core.stats.DeltaInference}):
 * <ul>
 *   <li>Holm: sorted by p, the slices up to the first one Holm does not reject show the interval at their step's
 *       level 1 − α/(m − i); every later slice shows the level of that first non-rejected step.</li>
 *   <li>Benjamini–Hochberg with R rejections: Benjamini–Yekutieli false-coverage-rate intervals, level 1 − Rα/m for
 *       every slice (1 − α/m when nothing is rejected).</li>
 *   <li>none: every slice at the comparison's level.</li>
 * </ul>
 */
final class Verdicts {
    /**
     * One slice's comparison before its verdict.
     *
     * @param inferred its p-value and unadjusted interval when already worked out (a comparison's workers do so as
     *                 each slice finishes), else null: {@link #decide} works them out
     */
    record Pending(SliceKey slice, int n, boolean primary, MetricComparison comparison, Inferred inferred,
                   MetricCounts counts) {
        Pending(SliceKey slice, int n, boolean primary, MetricComparison comparison) {
            this(slice, n, primary, comparison, null, MetricCounts.NONE);
        }
    }

    /**
     * What a comparison's inference gives whatever its family: the p-value and the interval at the comparison's
     * level (both null without an inference). Each inverts Student's t numerically, so the slices' workers make them
     * as each slice is done, and only the family-level intervals are left for after the comparison.
     */
    record Inferred(Double pValue, Interval unadjusted) {
        static Inferred of(MetricComparison comparison, double level) {
            DeltaInference inference = comparison.inference();
            return inference == null ? new Inferred(null, null)
                    : new Inferred(inference.pValue(), inference.interval(level));
        }
    }

    private final ComparisonOptions options;

    Verdicts(ComparisonOptions options) {
        this.options = options;
    }

    /** @param familySizes filled with the size of each metric's adjusted family (metrics without one are absent) */
    List<SliceResult> decide(List<Pending> pending, Map<Metric, Integer> familySizes) {
        return decide(pending, p -> p.slice().isOverall() ? TestFamily.OVERALL : TestFamily.SLICES,
                p -> p.comparison().metric(), (first, size) -> familySizes.put(first.comparison().metric(), size));
    }

    /**
     * One class's Δ recall per entry of a multiclass comparison: the classes of the overall slice are adjusted
     * together, and so are the classes of every other slice and cross, with the correction and interval levels of
     * the metrics' families (docs/statistics.md, "Per-class recall").
     *
     * @param familySizes filled with the size of each family that has tested members
     */
    List<SliceResult> decideClasses(List<Pending> pending, Map<TestFamily, Integer> familySizes) {
        Function<Pending, TestFamily> familyOf = p -> p.slice().isOverall() ? TestFamily.CLASSES
                : TestFamily.SLICE_CLASSES;
        return decide(pending, familyOf, familyOf::apply,
                (first, size) -> familySizes.put(familyOf.apply(first), size));
    }

    /**
     * @param familyOf which family a tested result joins; {@link TestFamily#OVERALL} is tested alone, unadjusted
     * @param groupOf results of one family and group are adjusted together
     * @param sizes told each adjusted family's first member and its size
     */
    private List<SliceResult> decide(List<Pending> pending, Function<Pending, TestFamily> familyOf,
                                     Function<Pending, Object> groupOf, BiConsumer<Pending, Integer> sizes) {
        double alpha = 1 - options.confidenceLevel();
        // the p-values and intervals invert Student's t numerically (hundreds of them on a pack of many slices) and
        // are independent of one another: those not yet worked out are, on every core, each once
        Inferred[] inferred = new Inferred[pending.size()];
        IntStream.range(0, pending.size()).parallel().forEach(i -> inferred[i] = pending.get(i).inferred() != null
                ? pending.get(i).inferred() : Inferred.of(pending.get(i).comparison(), options.confidenceLevel()));
        Double[] pValues = Arrays.stream(inferred).map(Inferred::pValue).toArray(Double[]::new);
        ShownInterval[] shown = new ShownInterval[pending.size()];
        Double[] adjusted = new Double[pending.size()];
        Map<List<Object>, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (!isTested(p)) {
                continue;
            }
            TestFamily family = familyOf.apply(p);
            if (family == TestFamily.OVERALL) {
                shown[i] = new ShownInterval(TestFamily.OVERALL, options.confidenceLevel(), ShownInterval.NONE, 1);
                adjusted[i] = pValues[i];
            } else {
                families.computeIfAbsent(List.of(family, groupOf.apply(p)), key -> new ArrayList<>()).add(i);
            }
        }
        String adjustment = switch (options.correction()) {
            case HOLM -> ShownInterval.HOLM;
            case BENJAMINI_HOCHBERG -> ShownInterval.BENJAMINI_YEKUTIELI;
            case NONE -> ShownInterval.NONE;
        };
        families.forEach((key, family) -> {
            TestFamily testFamily = (TestFamily) key.get(0);
            sizes.accept(pending.get(family.get(0)), family.size());
            double[] p = family.stream().mapToDouble(i -> pValues[i]).toArray();
            double[] levels = familyLevels(p, alpha);
            double[] adjustedP = switch (options.correction()) {
                case HOLM -> PValueAdjustment.holm(p);
                case BENJAMINI_HOCHBERG -> PValueAdjustment.benjaminiHochberg(p);
                case NONE -> p;
            };
            for (int f = 0; f < family.size(); f++) {
                shown[family.get(f)] = new ShownInterval(testFamily, levels[f], adjustment, family.size());
                adjusted[family.get(f)] = adjustedP[f];
            }
        });
        SliceResult[] decided = new SliceResult[pending.size()];
        IntStream.range(0, pending.size()).parallel()
                .forEach(i -> decided[i] = result(pending.get(i), shown[i], adjusted[i], inferred[i]));
        return new ArrayList<>(Arrays.asList(decided));
    }

    /**
     * Tested: Δ has an inference and the metric rests on at least the minimum number of examples (the slice's rows;
     * mape's without those whose label is 0).
     */
    private boolean isTested(Pending p) {
        return p.comparison().inference() != null && p.counts().restsOn(p.n()) >= options.minSliceSize();
    }

    /** The confidence level of each family member's shown interval (see the class comment). */
    double[] familyLevels(double[] p, double alpha) {
        int m = p.length;
        double[] alphas = new double[m];
        switch (options.correction()) {
            case NONE -> Arrays.fill(alphas, alpha);
            case HOLM -> alphas = PValueAdjustment.holmAlphas(p, alpha);
            case BENJAMINI_HOCHBERG -> {
                Integer[] order = ascending(p);
                int rejected = 0;
                for (int rank = 0; rank < m; rank++) {
                    if (p[order[rank]] < (rank + 1) * alpha / m) {
                        rejected = rank + 1;
                    }
                }
                Arrays.fill(alphas, Math.max(1, rejected) * alpha / m);
            }
            default -> throw new IllegalStateException();
        }
        return Arrays.stream(alphas).map(a -> 1 - a).toArray();
    }

    private static Integer[] ascending(double[] p) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }

    private SliceResult result(Pending pending, ShownInterval shown, Double adjustedP, Inferred inferred) {
        MetricComparison c = pending.comparison();
        Interval unadjusted = inferred.unadjusted();
        // the overall slice's shown interval is its unadjusted one: the same level, the same interval
        Interval deltaCi = shown == null ? null : shown.level() == options.confidenceLevel() ? unadjusted
                : c.inference().interval(shown.level());
        // a Δ without inference (unstable, under the minimum) was not tested, so no test is named beside it
        SliceResult undecided = new SliceResult(pending.slice(), pending.n(), c.metric(), pending.primary(),
                c.production(), c.candidate(), c.delta(), deltaCi, unadjusted, inferred.pValue(), adjustedP,
                c.inference() == null ? null : c.test(),
                Verdict.UNAVAILABLE, shown, c.unavailableReason(), c.unstableReason(), c.note(),
                c.production() == null ? null : options.equivalenceBand(c.metric(), c.production().value()),
                options.targetUnit(), pending.counts(), c.tooFewExamplesReason(), c.fewBlocks());
        return withVerdict(undecided, verdict(undecided));
    }

    private static SliceResult withVerdict(SliceResult r, Verdict verdict) {
        return new SliceResult(r.slice(), r.n(), r.metric(), r.primary(), r.production(), r.candidate(), r.delta(),
                r.deltaCi(), r.unadjustedCi(), r.pValue(), r.adjustedP(), r.test(), verdict, r.shownInterval(),
                r.unavailableReason(), r.unstableReason(), r.note(), r.equivalenceBand(), r.targetUnit(), r.counts(),
                r.tooFewExamplesReason(), r.fewBlocks());
    }

    /**
     * In this order: no row at all (a class no row of the slice is labelled with), unavailable; too few examples;
     * unavailable; unstable (inconclusive); then the shown interval decides: it excludes 0 → better/worse
     * (significantly different without direction); it lies within ±E → no significant difference; else inconclusive.
     */
    Verdict verdict(SliceResult r) {
        if (r.n() == 0 && !r.isAvailable()) {
            // nothing was measured, so "too few" would promise that a few more rows could tell: the reason says why
            return Verdict.UNAVAILABLE;
        }
        if (r.counts().restsOn(r.n()) < options.minSliceSize()) {
            return Verdict.TOO_FEW_EXAMPLES;
        }
        if (!r.isAvailable()) {
            return Verdict.UNAVAILABLE;
        }
        Interval ci = r.deltaCi();
        if (ci == null) {
            return Verdict.INCONCLUSIVE;
        }
        Metric metric = r.metric();
        if (ci.lower() > 0 || ci.upper() < 0) {
            if (!metric.hasDirection()) {
                return Verdict.DIFFERENT;
            }
            boolean improved = metric.higherIsBetter() ? ci.lower() > 0 : ci.upper() < 0;
            return improved ? Verdict.BETTER : Verdict.WORSE;
        }
        double effect = options.equivalenceBand(metric, r.production().value());
        return ci.lower() < -effect || ci.upper() > effect ? Verdict.INCONCLUSIVE : Verdict.NO_SIGNIFICANT_DIFFERENCE;
    }
}
