package org.verdict.core.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;

/**
 * Settings of one comparison.
 *
 * @param confidenceLevel e.g. 0.95 for 95% intervals
 * @param minSliceSize slices with fewer examples get {@link Verdict#TOO_FEW_EXAMPLES} (default 30)
 * @param minDetectableEffect a slice that is not significant but whose interval of Δ reaches beyond ±E (relative
 *                            to production for mae, rmse, mape, log_loss and brier) is {@link Verdict#INCONCLUSIVE}
 *                            rather than "no significant difference": it could not have detected an effect of this
 *                            size. Above 0: with E ≤ 0 no interval could ever lie within ±E
 * @param bootstrapReplicates paired bootstrap replicates (at least 1000)
 * @param seed seed of every random draw, so results are reproducible
 * @param crosses intersectional slices to add, each a list of two or more distinct dimension names (e.g. [segment,
 *                language]), no two of the same columns ({@link #crossProblem})
 * @param primaryBand the primary metric's band from the gate policy, in place of ±E for that metric; empty: ±E for
 *                    every metric
 * @param targetUnit the unit of a regression pack's target, written beside every number in it; set from the manifest
 *                   by each comparison that is given the pack or its manifest, so a comparison of a bare table (a
 *                   language subset, a benchmark) has the unit its options carry
 * @param origins where the confidence level and the seed came from (the pack's policy, the command line), for the
 *                reader
 * @param primaryMetricOnly compare the primary metric alone: no other metric and no per-class recall (what the gates
 *                          read). Its results are those of the full comparison: each metric is adjusted in a family
 *                          of its own and its draws do not depend on which other metrics are computed
 */
public record ComparisonOptions(
        double confidenceLevel,
        int minSliceSize,
        double minDetectableEffect,
        int bootstrapReplicates,
        long seed,
        CorrectionMethod correction,
        List<List<String>> crosses,
        Optional<PrimaryBand> primaryBand,
        TargetUnit targetUnit,
        SettingOrigins origins,
        boolean primaryMetricOnly) {

    /**
     * The confidence levels a comparison and a gate policy accept, one range for both: below 50 % an interval is
     * less likely to hold the value than not; beyond 99.99 % the adjusted levels of a slice family approach 1.
     */
    public static final double MIN_CONFIDENCE_LEVEL = 0.5;
    public static final double MAX_CONFIDENCE_LEVEL = 0.9999;

    /**
     * The seed of every random draw unless a policy or the command line gives one: a gate policy's default too, so
     * compare and gate draw alike. A constant, so a command's help can print it.
     */
    public static final long DEFAULT_SEED = 20261122L;

    public static final ComparisonOptions DEFAULTS =
            new ComparisonOptions(0.95, 30, 0.05, 1000, DEFAULT_SEED, CorrectionMethod.HOLM, List.of());

    /** ±E for every metric, numbers without a unit. */
    public ComparisonOptions(double confidenceLevel, int minSliceSize, double minDetectableEffect,
                             int bootstrapReplicates, long seed, CorrectionMethod correction,
                             List<List<String>> crosses) {
        this(confidenceLevel, minSliceSize, minDetectableEffect, bootstrapReplicates, seed, correction, crosses,
                Optional.empty(), TargetUnit.NONE, SettingOrigins.DEFAULTS, false);
    }

    public ComparisonOptions {
        requireConfidenceLevel(confidenceLevel, "the confidence level");
        if (minSliceSize < 1) {
            throw new IllegalArgumentException("minimum slice size must be at least 1, got " + minSliceSize);
        }
        if (!Double.isFinite(minDetectableEffect)) {
            throw new IllegalArgumentException("minimum detectable effect must be a finite number, got "
                    + minDetectableEffect);
        }
        if (!(minDetectableEffect > 0)) {
            throw new IllegalArgumentException("minimum detectable effect must be above 0, got " + minDetectableEffect
                    + ": with no band around 0, no slice could ever read 'no significant difference'");
        }
        if (bootstrapReplicates < 1000) {
            throw new IllegalArgumentException("use at least 1000 bootstrap replicates, got " + bootstrapReplicates);
        }
        crosses = crosses.stream().map(List::copyOf).toList();
        crossProblem(crosses).ifPresent(problem -> {
            throw new IllegalArgumentException("cross " + problem);
        });
    }

    /**
     * What is wrong with {@code crosses}, as "segment,segment crosses a column with itself", or empty. A cross of one
     * column, of a column with itself, or the same columns crossed twice (in any order) would add copies of slices
     * already in the family: more tests for Holm and BH, so every other slice's adjusted p-value and interval would
     * move without any new evidence.
     */
    public static Optional<String> crossProblem(List<List<String>> crosses) {
        Set<Set<String>> seen = new HashSet<>();
        for (List<String> cross : crosses) {
            String named = String.join(",", cross);
            Set<String> columns = new HashSet<>(cross);
            if (columns.size() < cross.size()) {
                return Optional.of(named + " crosses a column with itself");
            }
            if (cross.size() < 2) {
                return Optional.of(named + " names one slice column; a cross needs two or more, e.g. "
                        + "segment,language");
            }
            if (!seen.add(columns)) {
                return Optional.of(named + " is given twice (in some order): its slices would be tested twice");
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a minimum detectable effect whose band ±E holds every Δ one of {@code metrics} can take (E ≥ 1 for a
     * rate, an area or an F1, E ≥ 2 for Cohen's kappa): no slice could then be inconclusive, and every test that is
     * not significant would read "no significant difference". r2, unbounded below, and the metrics whose E is a share
     * of production's value (mae, rmse, mape, log_loss, brier; {@link Metric#relativeBand()}) have no such ceiling.
     *
     * @param viewed the metric the user looks at (the primary, or the one asked for): checked first and named when it
     *               is the one refused; another metric refused is named as compared beside it
     * @param metrics every metric the comparison shows
     */
    public void requireEffectWithinRangeOf(Metric viewed, Collection<Metric> metrics) {
        List<Metric> viewedFirst = new ArrayList<>(List.of(viewed));
        metrics.stream().filter(metric -> metric != viewed).forEach(viewedFirst::add);
        for (Metric metric : viewedFirst) {
            if (primaryBand.filter(band -> band.metric() == metric).isEmpty()
                    && !metric.relativeBand()
                    && metric.equivalenceBand(minDetectableEffect, 0) >= metric.widestDifference()) {
                String which = metric == viewed ? metric.wireName()
                        : metric.wireName() + " (compared beside " + viewed.wireName() + ")";
                throw new IllegalArgumentException(String.format(Locale.ROOT, "minimum detectable effect %s is not "
                        + "below the widest difference %s can show (%s, from %s to %s): no slice could be "
                        + "inconclusive, and every one that is not significant would read 'no significant "
                        + "difference'", plain(minDetectableEffect), which,
                        plain(metric.widestDifference()), plain(metric.lowestValue()), plain(metric.highestValue())));
            }
        }
    }

    /**
     * The band of "no significant difference" of {@code metric} as a reader needs it: "±0.01, the policy's primary
     * margin", or ±E ("±0.05", "±5% of production's value", "±0.0025 (a calibration gap of 0.05)").
     */
    public String bandText(Metric metric) {
        Optional<PrimaryBand> band = primaryBand.filter(b -> b.metric() == metric);
        if (band.isPresent()) {
            return band.get().text() + ", " + band.get().origin();
        }
        if (metric == Metric.SQ_CALIBRATION_ERROR) {
            BigDecimal effect = BigDecimal.valueOf(minDetectableEffect);
            return "±" + effect.multiply(effect).stripTrailingZeros().toPlainString() + " (a calibration gap of "
                    + effect.stripTrailingZeros().toPlainString() + ")";
        }
        return PrimaryBand.text(metric, minDetectableEffect);
    }

    /** Whether {@code metric}'s band is the policy's primary margin rather than ±E. */
    public boolean bandFromPolicy(Metric metric) {
        return primaryBand.filter(b -> b.metric() == metric).isPresent();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Refuses a level outside {@link #MIN_CONFIDENCE_LEVEL}–{@link #MAX_CONFIDENCE_LEVEL}, naming it as the user gave
     * it ("--confidence").
     */
    public static void requireConfidenceLevel(double level, String name) {
        if (!(level >= MIN_CONFIDENCE_LEVEL && level <= MAX_CONFIDENCE_LEVEL)) {
            // "95" is a percentage given where a fraction is meant: say which fraction
            boolean percent = level > 1 && level / 100 >= MIN_CONFIDENCE_LEVEL && level / 100 <= MAX_CONFIDENCE_LEVEL;
            throw new IllegalArgumentException(name + " must be between " + plain(MIN_CONFIDENCE_LEVEL) + " and "
                    + plain(MAX_CONFIDENCE_LEVEL) + ", got " + plain(level) + (percent ? ": a level is a fraction; for "
                    + plain(level) + "% give " + name + " " + plain(level / 100) : ""));
        }
    }

    public ComparisonOptions withCrosses(List<List<String>> newCrosses) {
        return new ComparisonOptions(confidenceLevel, minSliceSize, minDetectableEffect, bootstrapReplicates, seed,
                correction, newCrosses, primaryBand, targetUnit, origins, primaryMetricOnly);
    }

    public ComparisonOptions withPrimaryBand(PrimaryBand band) {
        return new ComparisonOptions(confidenceLevel, minSliceSize, minDetectableEffect, bootstrapReplicates, seed,
                correction, crosses, Optional.of(band), targetUnit, origins, primaryMetricOnly);
    }

    /** This comparison at another confidence level and seed, each with where it came from. */
    public ComparisonOptions withLevelAndSeed(double level, long newSeed, SettingOrigins newOrigins) {
        return new ComparisonOptions(level, minSliceSize, minDetectableEffect, bootstrapReplicates, newSeed,
                correction, crosses, primaryBand, targetUnit, newOrigins, primaryMetricOnly);
    }

    public ComparisonOptions withTargetUnit(TargetUnit unit) {
        return new ComparisonOptions(confidenceLevel, minSliceSize, minDetectableEffect, bootstrapReplicates, seed,
                correction, crosses, primaryBand, unit, origins, primaryMetricOnly);
    }

    /** The same comparison of the primary metric alone ({@link #primaryMetricOnly}). */
    public ComparisonOptions withPrimaryMetricOnly() {
        return new ComparisonOptions(confidenceLevel, minSliceSize, minDetectableEffect, bootstrapReplicates, seed,
                correction, crosses, primaryBand, targetUnit, origins, true);
    }

    /**
     * Where a comparison's confidence level and seed came from, as a reader needs it: "the policy's
     * confidenceLevel", "the default policy's seed", "--confidence".
     */
    public record SettingOrigins(String confidenceLevel, String seed) {
        /** Options made in code, neither from a policy nor from the command line. */
        public static final SettingOrigins DEFAULTS = new SettingOrigins("the default", "the default");
    }

    /**
     * ±band of "no significant difference" for {@code metric} at production's value: the policy's primary band for
     * its metric, else ±E as {@link Metric#equivalenceBand} sets it.
     */
    public double equivalenceBand(Metric metric, double productionValue) {
        return primaryBand.filter(band -> band.metric() == metric).map(band -> band.band(productionValue))
                .orElseGet(() -> metric.equivalenceBand(minDetectableEffect, productionValue));
    }
}
