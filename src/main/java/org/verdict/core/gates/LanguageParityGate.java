package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.verdict.core.compare.ComparisonOptions;
import org.verdict.core.compare.ShownInterval;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestFamily;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 4, a non-inferiority question per language on the primary metric. The languages form one adjusted family;
 * each is judged on the shown, multiplicity-adjusted interval of Δ: it fails when the interval lies wholly on the
 * worse side of 0 (the comparison's "worse") or the candidate is beyond the policy's absolute floor; it passes when
 * the interval's worse end is within the tolerance E, the policy's {@code languageParity.tolerance} and so the language
 * comparison's minimum detectable effect (the band of its "no significant difference"; relative to production for
 * mae, rmse, mape, log_loss and brier); otherwise a loss
 * beyond E cannot be ruled out and the language lacks evidence. The better end never blocks: a candidate that may be
 * much better is fine.
 */
final class LanguageParityGate implements PromotionGate {
    /** A slice column whose name suggests it holds the language under another name than the policy's. */
    private static final Pattern LOOKS_LIKE_A_LANGUAGE = Pattern.compile("lang|locale", Pattern.CASE_INSENSITIVE);
    private final GatePolicy policy;

    LanguageParityGate(GatePolicy policy) {
        this.policy = policy;
    }

    /** The primary metric's result per language, in the comparison's order; empty without a language comparison. */
    static List<SliceResult> languageResults(ReviewEvidence evidence, String column) {
        return evidence.languageComparison().stream()
                .flatMap(report -> report.resultsFor(evidence.primaryMetric()).stream())
                .filter(r -> r.slice().dimensions().equals(List.of(column))).toList();
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        String column = policy.languageParity().column();
        List<SliceResult> languages = languageResults(evidence, column);
        if (languages.isEmpty()) {
            // without the column there is nothing to judge per language: not applicable unless the policy requires it
            return OptionalEvidence.LANGUAGE.absent(policy, evidence.riskTier(), "'" + column + "' slice column "
                    + "in the primary suite", "the candidate cannot be judged per language",
                    otherName(evidence, column));
        }
        Metric metric = evidence.primaryMetric();
        Double floor = policy.languageParity().floor();
        List<Finding> findings = new ArrayList<>();
        ComparisonOptions options = evidence.languageComparison().orElseThrow().options();
        for (SliceResult result : languages) {
            findings.add(judge(result, metric, floor, options));
        }
        GateResult result = GateResult.fromFindings(Gate.LANGUAGE_PARITY, findings, "in every language a loss "
                + "beyond the tolerance E = " + tolerance(metric, options) + " (the policy's languageParity.tolerance)"
                + " is ruled out" + (floor == null ? ""
                        : " and none is beyond the floor " + GateNumbers.value(metric, options.targetUnit(), floor))
                + " (" + MetricFormat.count(languages.size(), "language", "languages")
                + languagesApart(languages, evidence.primaryComparison().resultsFor(metric)) + ")",
                worstFirst(metric));
        return result.outcome() == GateOutcome.FAIL ? withInconclusive(result, languages, metric) : result;
    }

    /**
     * Where the language is under another name ("lang", "locale"): the slice column that looks like it and the policy
     * key that names it, since the gate reads {@code languageParity.column} only; empty when no slice column does.
     */
    private static String otherName(ReviewEvidence evidence, String column) {
        return evidence.primaryComparison().results().stream().map(r -> r.slice().dimensions())
                .filter(d -> d.size() == 1).map(d -> d.get(0)).distinct()
                .filter(name -> LOOKS_LIKE_A_LANGUAGE.matcher(name).find()).findFirst()
                .map(name -> "if the slice column '" + name + "' holds the language, name it in the policy: "
                        + "\"languageParity\": {\"column\": \"" + name + "\"} (the gate reads the column "
                        + "languageParity.column names, here '" + column + "')")
                .orElse("");
    }

    /** E as the comparison applies it: in the metric's units, or a share of production's value (relativeBand). */
    private static String tolerance(Metric metric, ComparisonOptions options) {
        double effect = options.minDetectableEffect();
        return metric.relativeBand() ? GateNumbers.format(effect * 100) + "% of production's value"
                : GateNumbers.value(metric.equivalenceBand(effect, 1));
    }

    /** The language where the candidate loses most first (Δ oriented so that lower is worse), then the smallest p. */
    private static Comparator<Finding> worstFirst(Metric metric) {
        double orientation = metric.higherIsBetter() ? 1 : -1;
        return Comparator.comparingDouble((Finding f) -> orientation * f.numbers().getOrDefault("delta",
                        orientation * Double.POSITIVE_INFINITY))
                .thenComparingDouble(f -> f.numbers().getOrDefault("adjustedP", 1.0));
    }

    /**
     * The interval's family named as languages: they are adjusted among themselves, apart from the Slices gate's
     * family of every slice, so one language shows two intervals of Δ on one gate page (l1's ko: 99.55 % over 11
     * slices there, 99.17 % over the 6 languages here).
     */
    private static String familyOfLanguages(ShownInterval shown) {
        return shown.family() == TestFamily.SLICES
                ? shown.describeOver("the " + MetricFormat.count(shown.familySize(), "language", "languages"))
                : shown.describe();
    }

    /**
     * Said once where the languages are a family of their own: the same language's row in Compare is adjusted over
     * every slice and read against the primary margin, so its interval is wider and its verdict may differ ("no
     * significant difference" here, "inconclusive" there), and a reader who sees both needs to know why.
     */
    private static String languagesApart(List<SliceResult> languages, List<SliceResult> compared) {
        int comparedFamily = compared.stream().filter(r -> r.shownInterval() != null
                        && r.shownInterval().family() == TestFamily.SLICES)
                .mapToInt(r -> r.shownInterval().familySize()).max().orElse(0);
        return languages.stream().anyMatch(r -> r.shownInterval() != null
                && r.shownInterval().family() == TestFamily.SLICES && r.shownInterval().familySize() < comparedFamily)
                ? ", adjusted among themselves and judged against E; Compare adjusts each over all "
                + MetricFormat.count(comparedFamily, "slice", "slices") + " and reads its verdict against the primary "
                + "margin, so its interval and verdict for a language may differ" : "";
    }

    /** A failing summary names the worst failing language; the board also needs those the data cannot judge. */
    private static GateResult withInconclusive(GateResult failed, List<SliceResult> languages, Metric metric) {
        List<String> inconclusive = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            if (failed.findings().get(i).outcome() == GateOutcome.INSUFFICIENT_EVIDENCE) {
                SliceResult r = languages.get(i);
                inconclusive.add(r.slice().values().get(0) + " (" + r.counts().sampleSize(r.n())
                        + (r.isAvailable() ? ", Δ " + deltaWithInterval(r, metric) : "") + ")");
            }
        }
        return inconclusive.isEmpty() ? failed : new GateResult(failed.gate(), failed.outcome(), failed.summary()
                + "; insufficient evidence for " + String.join(", ", inconclusive), failed.findings());
    }

    /**
     * Δ with the interval its verdict reads, as the language's own finding writes them ("−0.0088 [−0.0412, +0.0236]"):
     * a Δ named as insufficient evidence says how wide the doubt is; without an interval, Δ alone.
     */
    private static String deltaWithInterval(SliceResult r, Metric metric) {
        if (r.deltaCi() == null) {
            return GateNumbers.signed(metric, r.targetUnit(), r.delta());
        }
        double[] shown = {r.delta(), r.deltaCi().lower(), r.deltaCi().upper()};
        MetricFormat deltas = GateNumbers.differences(metric, r.targetUnit(), r.delta(), r.deltaCi(), shown);
        return deltas.signedAmong(shown[0], shown) + " [" + deltas.signedAmong(shown[1], shown) + ", "
                + deltas.signedAmong(shown[2], shown) + "]";
    }

    private static Finding judge(SliceResult result, Metric metric, Double floor, ComparisonOptions options) {
        String language = result.slice().values().get(0);
        String subject = result.slice().label();
        // the first reason that applies, as the comparison's verdict gives it: too few examples before an undefined
        // metric (a 4-row slice is untested whatever its classes)
        if (result.verdict() == Verdict.TOO_FEW_EXAMPLES) {
            return Finding.of(subject, GateOutcome.INSUFFICIENT_EVIDENCE, language + ": too few examples ("
                    + result.counts().sampleSize(result.n()) + ", minimum " + MetricFormat.count(options.minSliceSize())
                    + ")");
        }
        if (!result.isAvailable()) {
            return Finding.of(subject, GateOutcome.INSUFFICIENT_EVIDENCE, language + ": " + metric.wireName()
                    + " unavailable (" + result.unavailableReason() + ")");
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("n", (double) result.n());
        numbers.put("production", result.production().value());
        numbers.put("candidate", result.candidate().value());
        numbers.put("delta", result.delta());
        if (result.adjustedP() != null) {
            numbers.put("adjustedP", result.adjustedP());
        }
        if (floor != null) {
            numbers.put("floor", floor);
        }
        // the two values share their decimals, and so do Δ, its interval and the limit they are compared with
        double candidate = result.candidate().value();
        double production = result.production().value();
        TargetUnit unit = result.targetUnit();
        // the candidate's value is judged against the floor: written apart from it
        MetricFormat values = GateNumbers.against(metric, unit, floor == null ? new double[0] : new double[] {floor},
                candidate);
        String delta = GateNumbers.signed(metric, unit, result.delta());
        String interval = "";
        String worstCase = "";
        boolean lossBeyondToleranceRuledOut = false;
        if (result.deltaCi() != null) {
            double tolerance = metric.equivalenceBand(options.minDetectableEffect(), result.production().value());
            // parity asks whether the candidate may be worse by more than the tolerance: the worse end of the shown
            // interval answers it, whatever the better end does
            double worseEnd = metric.higherIsBetter() ? result.deltaCi().lower() : result.deltaCi().upper();
            double limit = metric.higherIsBetter() ? -tolerance : tolerance;
            lossBeyondToleranceRuledOut = metric.higherIsBetter() ? worseEnd >= limit : worseEnd <= limit;
            double[] differences = {result.delta(), result.deltaCi().lower(), result.deltaCi().upper(), limit};
            MetricFormat deltas = GateNumbers.differences(metric, unit, result.delta(), result.deltaCi(), differences);
            delta = deltas.signedAmong(result.delta(), differences);
            numbers.put("ciLower", result.deltaCi().lower());
            numbers.put("ciUpper", result.deltaCi().upper());
            numbers.put("tolerance", tolerance);
            interval = " [" + deltas.signedAmong(result.deltaCi().lower(), differences) + ", "
                    + deltas.signedAmong(result.deltaCi().upper(), differences) + "]" + (result.shownInterval() == null ? ""
                    : " (" + familyOfLanguages(result.shownInterval()) + ")");
            worstCase = "; worst case " + deltas.signedAmong(worseEnd, differences) + " "
                    + (metric.higherIsBetter() ? (lossBeyondToleranceRuledOut ? "≥" : "<")
                            : (lossBeyondToleranceRuledOut ? "≤" : ">"))
                    + " " + deltas.signedAmong(limit, differences) + " (tolerance E"
                    + (metric.relativeBand() ? " = " + tolerance(metric, options) : "") + ")";
        }
        String text = language + ": candidate " + values.valueAmong(candidate, production)
                + " vs production " + values.valueAmong(production, candidate) + ", Δ "
                + delta + interval + " (" + result.counts().sampleSize(result.n())
                + (result.unstableReason() == null ? ""
                : ", unstable: " + result.unstableReason()) + (result.adjustedP() == null ? ""
                : ", adjusted p " + MetricFormat.pValue(result.adjustedP())) + ", " + result.verdict().label()
                + (result.note() == null ? "" : "; " + result.note()) + ")";
        boolean belowFloor = floor != null
                && (metric.higherIsBetter() ? result.candidate().value() < floor : result.candidate().value() > floor);
        // worse exactly when the shown interval lies wholly on the worse side of 0
        if (result.verdict() == Verdict.WORSE) {
            return new Finding(subject, GateOutcome.FAIL, text, numbers);
        }
        if (belowFloor) {
            return new Finding(subject, GateOutcome.FAIL, text + "; beyond the floor " + values.valueAmong(floor, candidate, production),
                    numbers);
        }
        if (result.deltaCi() == null) {
            return new Finding(subject, GateOutcome.INSUFFICIENT_EVIDENCE, text + "; no interval of Δ, so a loss "
                    + "cannot be ruled out", numbers);
        }
        return new Finding(subject, lossBeyondToleranceRuledOut ? GateOutcome.PASS : GateOutcome.INSUFFICIENT_EVIDENCE,
                text + worstCase, numbers);
    }
}
