package org.verdict.core.gates.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.gates.evidence.Disparity;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.pack.InvalidValueException;

/**
 * The thresholds of a review, read from {@code policy.json}. Every key is optional: a missing key takes the
 * default documented in {@code docs/gates.md} (the same values as the constants here). Unknown keys, unknown suite
 * and disparity names and values out of range are refused, so a misspelt threshold never silently falls back to
 * its default.
 *
 * @param confidenceLevel level of every interval the gates judge on
 * @param alpha significance level of the paired tests (safety per category, drift, safety rise)
 * @param bootstrapReplicates replicates of the fairness disparities' bootstrap; the comparisons behind the other
 *                            gates use the Compare view's options, so both show the same numbers
 * @param seed seed of every random draw, so a gate evaluation is reproducible
 * @param requiredSuites optional evidence whose absence makes its gate "insufficient evidence" instead of "not
 *                       applicable", by {@link OptionalEvidence} name; at risk tier 3 safety and sensitive columns
 *                       are required without being listed
 * @param notApplicable gates declared not applicable to this model, by wire name, each with the written reason
 *                      (e.g. {@code "latency": "batch scoring, no SLO"}); read by {@link NotApplicableReader}, which
 *                      refuses unknown gate names and blank reasons where they stand in the file
 */
public record GatePolicy(
        Double confidenceLevel,
        Double alpha,
        Integer bootstrapReplicates,
        Long seed,
        List<String> requiredSuites,
        Primary primary,
        Safety safety,
        Fairness fairness,
        LanguageParity languageParity,
        Latency latency,
        Canary canary,
        CircuitBreaker circuitBreaker,
        Triggers triggers,
        Validation validation,
        @JsonDeserialize(using = NotApplicableReader.class) Map<String, String> notApplicable) {

    public static final GatePolicy DEFAULTS = new GatePolicy(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    /**
     * Gates whose outcome must always be judged: a candidate is never promoted without its primary metric, and a
     * pack that does not parse is never judged at all.
     */
    public static final List<Gate> ALWAYS_APPLICABLE = List.of(Gate.PRIMARY_METRIC, Gate.SCHEMA);

    public GatePolicy {
        confidenceLevel = orDefault(confidenceLevel, ComparisonOptions.DEFAULTS.confidenceLevel());
        alpha = orDefault(alpha, 0.05);
        bootstrapReplicates = orDefault(bootstrapReplicates, 2000);
        seed = orDefault(seed, ComparisonOptions.DEFAULT_SEED);
        requiredSuites = requiredSuites == null ? List.of() : List.copyOf(requiredSuites);
        primary = orDefault(primary, new Primary(null));
        safety = orDefault(safety, new Safety(null, null, null));
        fairness = orDefault(fairness, new Fairness(null, null, null));
        languageParity = orDefault(languageParity, new LanguageParity(null, null, null));
        latency = orDefault(latency, new Latency(null, null, null));
        canary = orDefault(canary, new Canary(null));
        circuitBreaker = orDefault(circuitBreaker, new CircuitBreaker(null));
        triggers = orDefault(triggers, new Triggers(null, null, null, null, null, null, null));
        validation = orDefault(validation, new Validation(null, null, null, null, null, null, null, null));
        notApplicable = notApplicable == null ? Map.of() : Collections.unmodifiableMap(
                new TreeMap<>(notApplicable));
        notApplicable.forEach((gate, reason) -> NotApplicableReader.check(gate, reason));
        requireBetween(confidenceLevel, ComparisonOptions.MIN_CONFIDENCE_LEVEL, ComparisonOptions.MAX_CONFIDENCE_LEVEL,
                "confidenceLevel");
        requireBetween(alpha, 1e-6, 0.5, "alpha");
        requireAtLeast(bootstrapReplicates, 1000, "bootstrapReplicates");
        for (int i = 0; i < requiredSuites.size(); i++) {
            String suite = requiredSuites.get(i);
            if (OptionalEvidence.named(suite).isEmpty()) {
                // a gate's name where its evidence is meant gets that evidence's name, not just the list
                String meant = Arrays.stream(Gate.values()).filter(g -> g.wireName().equals(suite)).findFirst()
                        .flatMap(OptionalEvidence::of).map(e -> " (the " + suite + " gate's evidence is \""
                                + e.wireName() + "\")").orElse("");
                throw new InvalidValueException("requiredSuites: '" + suite + "' is not evidence that can be "
                        + "required" + meant + "; one of " + OptionalEvidence.wireNames(), "requiredSuites",
                        String.valueOf(i));
            }
        }
    }

    /** The policy's written reason why {@code gate} does not apply to this model, if it declares one. */
    public Optional<String> notApplicableReason(Gate gate) {
        return Optional.ofNullable(notApplicable.get(gate.wireName()));
    }

    /** Gate 1: the worst end of the CI of Δ within margin of 0 (metric units; a share of production for regression errors). */
    public record Primary(Double margin) {
        public Primary {
            margin = orDefault(margin, 0.01);
            requireBetween(margin, 0, Double.MAX_VALUE, "primary", "margin");
        }
    }

    /**
     * Gate 2.
     *
     * @param acceptedRate highest accepted violation rate of a category without its own entry
     * @param acceptedRates accepted violation rate per category, overriding {@code acceptedRate}
     * @param minExamplesPerCategory below this, a category is insufficient evidence
     */
    public record Safety(Double acceptedRate, Map<String, Double> acceptedRates, Integer minExamplesPerCategory) {
        public Safety {
            acceptedRate = orDefault(acceptedRate, 0.01);
            acceptedRates = acceptedRates == null ? Map.of() : Map.copyOf(acceptedRates);
            minExamplesPerCategory = orDefault(minExamplesPerCategory, 30);
            requireBetween(acceptedRate, 0, 1, "safety", "acceptedRate");
            requireAtLeast(minExamplesPerCategory, 1, "safety", "minExamplesPerCategory");
            acceptedRates.forEach((category, rate) ->
                    requireBetween(rate, 0, 1, "safety", "acceptedRates", category));
        }

        public double acceptedRateOf(String category) {
            return acceptedRates.getOrDefault(category, acceptedRate);
        }
    }

    /**
     * Gate 3.
     *
     * @param positiveClass the class whose selection rate, TPR and FPR are measured one-vs-rest in multiclass tasks
     *                      (default: the rarest class among the primary labels); binary tasks use the manifest's
     *                      positiveLabel
     * @param minGroupSize groups smaller than this are left out of the disparities (and named)
     * @param tolerances how much worse than production each disparity may be, by wire name
     */
    public record Fairness(String positiveClass, Integer minGroupSize, Map<String, Double> tolerances) {
        public static final double DEFAULT_TOLERANCE = 0.05;

        public Fairness {
            minGroupSize = orDefault(minGroupSize, 30);
            tolerances = tolerances == null ? Map.of() : Map.copyOf(tolerances);
            requireAtLeast(minGroupSize, 1, "fairness", "minGroupSize");
            List<String> disparities = Arrays.stream(Disparity.values()).map(Disparity::wireName).toList();
            tolerances.forEach((disparity, tolerance) -> {
                if (!disparities.contains(disparity)) {
                    throw new InvalidValueException("fairness.tolerances: unknown disparity '" + disparity
                            + "' (a typo?); known: " + disparities, "fairness", "tolerances", disparity);
                }
                // every disparity lies in [0, 1]: a tolerance of 1 would let no worsening fail the gate
                requireBelowWhole(tolerance, "fairness", "tolerances", disparity);
            });
        }

        public double toleranceOf(String disparityWireName) {
            return tolerances.getOrDefault(disparityWireName, DEFAULT_TOLERANCE);
        }
    }

    /**
     * Gate 4.
     *
     * @param column the slice column holding the language
     * @param floor absolute floor of the candidate's primary metric in every language (null: no floor)
     * @param tolerance E: how far on the worse side of 0 each language's interval of Δ may reach (in the metric's
     *                  units; a share of production's value for mae, rmse, mape, log_loss and brier). It is also the
     *                  band of "no significant difference" of the gates' language comparison and held-out set and of
     *                  each fairness group's change, which no gate judges: the one E of the gates, so a language or
     *                  a group reads alike wherever it is shown. Below 1: a tolerance of a whole rate would let no
     *                  language fail
     */
    public record LanguageParity(String column, Double floor, Double tolerance) {
        public LanguageParity {
            column = orDefault(column, "language");
            tolerance = orDefault(tolerance, ComparisonOptions.DEFAULTS.minDetectableEffect());
            if (!(tolerance > 0 && tolerance < 1)) {
                // 0 would leave no band to read "no significant difference" in
                throw refused(" must be above 0 and below 1, got " + asWritten(tolerance), "languageParity",
                        "tolerance");
            }
        }
    }

    /** Gate 5: SLO in milliseconds for the candidate's p95 and p99. */
    public record Latency(Double p95Ms, Double p99Ms, Integer minSamples) {
        public Latency {
            p95Ms = orDefault(p95Ms, 300.0);
            p99Ms = orDefault(p99Ms, 800.0);
            minSamples = orDefault(minSamples, 200);
            requireBetween(p95Ms, Double.MIN_VALUE, Double.MAX_VALUE, "latency", "p95Ms");
            requireBetween(p99Ms, Double.MIN_VALUE, Double.MAX_VALUE, "latency", "p99Ms");
            requireAtLeast(minSamples, 1, "latency", "minSamples");
        }
    }

    /** Gate 6: fails when the whole CI of the lift lies below −margin (lift in success-rate points). */
    public record Canary(Double margin) {
        public Canary {
            margin = orDefault(margin, 0.0);
            // the lift lies in [−1, 1]: a margin of 1 would let no lift fail the gate
            requireBelowWhole(margin, "canary", "margin");
        }
    }

    /** Gate 7: candidate's primary metric may be at most margin below the best past production value. */
    public record CircuitBreaker(Double margin) {
        public CircuitBreaker {
            margin = orDefault(margin, 0.02);
            requireBetween(margin, 0, Double.MAX_VALUE, "circuitBreaker", "margin");
        }
    }

    /** Retraining triggers over the monitoring evidence. */
    public record Triggers(Double metricDecayPercent, Double psiModerate, Double psiMajor, Integer psiBins,
                           Integer feedbackWindow, Integer feedbackMinHistory, Integer minNewLabelledExamples) {
        public Triggers {
            metricDecayPercent = orDefault(metricDecayPercent, 5.0);
            psiModerate = orDefault(psiModerate, 0.1);
            psiMajor = orDefault(psiMajor, 0.25);
            psiBins = orDefault(psiBins, 10);
            feedbackWindow = orDefault(feedbackWindow, 28);
            feedbackMinHistory = orDefault(feedbackMinHistory, 7);
            minNewLabelledExamples = orDefault(minNewLabelledExamples, 5000);
            requireBetween(metricDecayPercent, 0, 100, "triggers", "metricDecayPercent");
            requireBetween(psiModerate, Double.MIN_VALUE, Double.MAX_VALUE, "triggers", "psiModerate");
            requireBetween(psiMajor, psiModerate, Double.MAX_VALUE, "triggers", "psiMajor");
            requireBetween(psiBins, 2, 1000, "triggers", "psiBins");
            requireAtLeast(feedbackWindow, 1, "triggers", "feedbackWindow");
            requireAtLeast(feedbackMinHistory, 2, "triggers", "feedbackMinHistory");
            requireAtLeast(minNewLabelledExamples, 1, "triggers", "minNewLabelledExamples");
        }
    }

    /** Data-validation gates. */
    public record Validation(Integer minPerClass, Integer minPerLanguage, Integer minPerSegment, String segmentColumn,
                             Double maxContaminationRate, Double minKappa, Double adjudicationTarget,
                             Integer minAnnotatedExamples) {
        public Validation {
            minPerClass = orDefault(minPerClass, 50);
            minPerLanguage = orDefault(minPerLanguage, 100);
            minPerSegment = orDefault(minPerSegment, 100);
            segmentColumn = orDefault(segmentColumn, "segment");
            maxContaminationRate = orDefault(maxContaminationRate, 0.0);
            minKappa = orDefault(minKappa, 0.6);
            adjudicationTarget = orDefault(adjudicationTarget, 0.95);
            minAnnotatedExamples = orDefault(minAnnotatedExamples, 30);
            requireAtLeast(minPerClass, 0, "validation", "minPerClass");
            requireAtLeast(minPerLanguage, 0, "validation", "minPerLanguage");
            requireAtLeast(minPerSegment, 0, "validation", "minPerSegment");
            requireBetween(maxContaminationRate, 0, 1, "validation", "maxContaminationRate");
            requireBetween(minKappa, -1, 1, "validation", "minKappa");
            requireBetween(adjudicationTarget, 0, 1, "validation", "adjudicationTarget");
            requireAtLeast(minAnnotatedExamples, 1, "validation", "minAnnotatedExamples");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** @param keys the keys from the file's root to the value, so a refusal names where the value is written */
    private static void requireBetween(double value, double low, double high, String... keys) {
        if (!(value >= low && value <= high)) {
            String range = high != Double.MAX_VALUE ? "between " + asWritten(low) + " and " + asWritten(high)
                    : low == Double.MIN_VALUE ? "above 0" : "at least " + asWritten(low);
            throw refused(" must be " + range + ", got " + asWritten(value), keys);
        }
    }

    /** A share or a difference of shares: at least 0 and below 1, where it would hold every result. */
    private static void requireBelowWhole(double value, String... keys) {
        if (!(value >= 0 && value < 1)) {
            throw refused(" must be at least 0 and below 1, got " + asWritten(value), keys);
        }
    }

    /** A number as a policy file would write it: 1, not Java's 1.0. */
    private static String asWritten(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void requireAtLeast(int value, int low, String... keys) {
        if (value < low) {
            throw refused(" must be at least " + low + ", got " + value, keys);
        }
    }

    private static InvalidValueException refused(String problem, String... keys) {
        return new InvalidValueException(String.join(".", keys) + problem, keys);
    }
}
