package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.pack.Metric;

/**
 * Gate 4: in no language is the candidate significantly worse than production on the primary metric (the
 * comparison's verdict: the languages form one adjusted family, and a language is worse exactly when its shown,
 * multiplicity-adjusted interval of Δ lies on the worse side of 0), and none is below the policy's absolute floor.
 */
final class LanguageParityGate implements PromotionGate {
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
            return GateResult.without(Gate.LANGUAGE_PARITY, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "the primary suite has no '" + column + "' slice column, so language parity cannot be judged");
        }
        Metric metric = evidence.primaryMetric();
        Double floor = policy.languageParity().floor();
        List<Finding> findings = new ArrayList<>();
        for (SliceResult result : languages) {
            findings.add(judge(result, metric, floor));
        }
        GateResult result = GateResult.fromFindings(Gate.LANGUAGE_PARITY, findings, "no language is significantly "
                + "worse than production" + (floor == null ? "" : " or beyond the floor " + GateNumbers.format(floor))
                + " (" + languages.size() + " languages)", worstFirst(metric));
        return result.outcome() == GateOutcome.FAIL ? withInconclusive(result, languages) : result;
    }

    /** The language where the candidate loses most first (Δ oriented so that lower is worse), then the smallest p. */
    private static Comparator<Finding> worstFirst(Metric metric) {
        double orientation = metric.higherIsBetter() ? 1 : -1;
        return Comparator.comparingDouble((Finding f) -> orientation * f.numbers().getOrDefault("delta",
                        orientation * Double.POSITIVE_INFINITY))
                .thenComparingDouble(f -> f.numbers().getOrDefault("adjustedP", 1.0));
    }

    /** A failing summary names the worst failing language; the board also needs those the data cannot judge. */
    private static GateResult withInconclusive(GateResult failed, List<SliceResult> languages) {
        List<String> inconclusive = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            if (failed.findings().get(i).outcome() == GateOutcome.INSUFFICIENT_EVIDENCE) {
                SliceResult r = languages.get(i);
                inconclusive.add(r.slice().values().get(0) + " (n " + r.n() + (r.isAvailable()
                        ? ", Δ " + GateNumbers.signed(r.delta()) : "") + ")");
            }
        }
        return inconclusive.isEmpty() ? failed : new GateResult(failed.gate(), failed.outcome(), failed.summary()
                + "; insufficient evidence for " + String.join(", ", inconclusive), failed.findings());
    }

    private static Finding judge(SliceResult result, Metric metric, Double floor) {
        String language = result.slice().values().get(0);
        String subject = result.slice().label();
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
        if (result.deltaCi() != null) {
            numbers.put("ciLower", result.deltaCi().lower());
            numbers.put("ciUpper", result.deltaCi().upper());
        }
        // the verdict is worse exactly when this interval lies wholly on the worse side of 0
        String interval = result.deltaCi() == null ? "" : " [" + GateNumbers.signed(result.deltaCi().lower()) + ", "
                + GateNumbers.signed(result.deltaCi().upper()) + "]" + (result.shownInterval() == null ? ""
                : " (" + result.shownInterval().describe() + ")");
        String text = language + ": candidate " + GateNumbers.format(result.candidate().value()) + " vs production "
                + GateNumbers.format(result.production().value()) + ", Δ " + GateNumbers.signed(result.delta())
                + interval + " (n " + result.n() + (result.unstableReason() == null ? ""
                : ", unstable: " + result.unstableReason()) + (result.adjustedP() == null ? ""
                : ", adjusted p " + GateNumbers.pValue(result.adjustedP())) + ", " + result.verdict().label() + ")";
        boolean belowFloor = floor != null
                && (metric.higherIsBetter() ? result.candidate().value() < floor : result.candidate().value() > floor);
        if (result.verdict() == Verdict.WORSE) {
            return new Finding(subject, GateOutcome.FAIL, text, numbers);
        }
        if (belowFloor) {
            return new Finding(subject, GateOutcome.FAIL, text + "; beyond the floor " + GateNumbers.format(floor),
                    numbers);
        }
        if (result.verdict() == Verdict.TOO_FEW_EXAMPLES || result.verdict() == Verdict.INCONCLUSIVE) {
            return new Finding(subject, GateOutcome.INSUFFICIENT_EVIDENCE, text, numbers);
        }
        return new Finding(subject, GateOutcome.PASS, text, numbers);
    }
}
