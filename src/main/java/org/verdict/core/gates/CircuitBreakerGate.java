package org.verdict.core.gates;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.compare.MetricEstimate;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.gates.policy.OptionalEvidence;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 7: the candidate's primary metric is not below the best past production value by more than the margin
 * (point estimates on both sides, as the history records only point values). The history is comparable with this
 * pack only when it was measured on the same kind of data: when production's own history value lies outside
 * production's interval on this pack, the gate lacks evidence rather than judge the candidate against numbers from
 * other data.
 */
final class CircuitBreakerGate implements PromotionGate {
    private final GatePolicy policy;

    CircuitBreakerGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        List<MetricHistoryPoint> history = evidence.metricHistory().orElse(List.of());
        if (history.isEmpty()) {
            return OptionalEvidence.METRIC_HISTORY.absent(policy, evidence.riskTier(), "metric history",
                    "the circuit breaker cannot be judged");
        }
        Optional<SliceResult> overall = PrimaryMetricGate.overall(evidence);
        // only the candidate's own value is needed: it stays known when production's is undefined
        if (overall.isEmpty() || overall.get().candidate() == null) {
            return GateResult.without(Gate.CIRCUIT_BREAKER, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "the candidate's " + evidence.primaryMetric().wireName() + " is unavailable");
        }
        Metric metric = evidence.primaryMetric();
        MetricHistoryPoint best = best(history, metric);
        double candidate = overall.get().candidate().value();
        // the regression errors and scoring losses (Metric.relativeBand): the margin is a share of the best value,
        // like the primary gate's
        double margin = policy.circuitBreaker().margin() * (metric.relativeBand() ? Math.abs(best.value()) : 1);
        double shortfall = metric.higherIsBetter() ? best.value() - candidate : candidate - best.value();
        GateOutcome outcome = shortfall > margin ? GateOutcome.FAIL : GateOutcome.PASS;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("best", best.value());
        numbers.put("candidate", candidate);
        numbers.put("shortfall", shortfall);
        numbers.put("margin", margin);
        // every number of the sentence is compared with the others: one set of decimals, with those that keep the
        // shortfall apart from the margin it is judged against
        double[] compared = {candidate, best.value(), shortfall, margin};
        TargetUnit unit = evidence.targetUnit();
        MetricFormat written = GateNumbers.against(metric, unit, new double[] {margin}, shortfall);
        // a version is any name ("41", "m3"): "version" says what it is, where a "v" prefix made "vm3"
        String bestNamed = written.valueAmong(best.value(), compared)
                + " (version " + best.version() + ", " + best.date() + ")";
        Optional<GateResult> otherData = measuredOnOtherData(evidence, history, overall.get(), numbers,
                written.valueAmong(candidate, compared), bestNamed);
        if (otherData.isPresent()) {
            return otherData.get();
        }
        String text = metric.wireName() + " (" + (metric.higherIsBetter() ? "higher" : "lower") + " is better): "
                + "candidate " + written.valueAmong(candidate, compared) + " vs historical best "
                + bestNamed + ", "
                + (shortfall > 0 ? "worse than it by " + written.valueAmong(shortfall, compared) : "as good or better")
                + ", margin " + written.valueAmong(margin, compared)
                + (metric.relativeBand() ? " (" + GateNumbers.format(policy.circuitBreaker().margin() * 100)
                        + "% of the best)" : "");
        return new GateResult(Gate.CIRCUIT_BREAKER, outcome, text,
                List.of(new Finding("historical best", outcome, text, numbers)));
    }

    /**
     * Insufficient evidence when production's latest history value lies outside production's interval on this pack:
     * the history was then measured on other data (another population, period or label definition), and a candidate
     * passed or failed against its best would be judged on a difference between data sets, not between models.
     * Empty when production has no history value or no interval here, so the history cannot be checked this way.
     */
    private static Optional<GateResult> measuredOnOtherData(ReviewEvidence evidence, List<MetricHistoryPoint> history,
                                                            SliceResult overall, Map<String, Double> numbers,
                                                            String candidateWritten, String bestNamed) {
        MetricEstimate productionHere = overall.production();
        Optional<MetricHistoryPoint> productionPast = history.stream()
                .filter(p -> p.version().equals(evidence.production()))
                .max(Comparator.comparing(MetricHistoryPoint::date));
        if (productionHere == null || productionHere.ci() == null || productionPast.isEmpty()
                || productionHere.ci().contains(productionPast.get().value())) {
            return Optional.empty();
        }
        Interval here = productionHere.ci();
        double past = productionPast.get().value();
        // the way Compare writes production's value, so the numbers can be found there
        MetricFormat compared = evidence.primaryComparison().metricFormat(evidence.primaryMetric());
        String text = "production " + evidence.production() + "'s history value " + compared.valueAmong(past,
                here.lower(), here.upper()) + " lies outside its interval on this pack "
                + compared.interval(here.lower(), here.upper(), false) + " (" + evidence.primaryMetric().wireName()
                + " " + compared.value(productionHere.value()) + ", " + MetricFormat.sampleSize(overall.n())
                + "): the history was measured on other data, so the candidate's " + candidateWritten
                + " cannot be compared with the historical best " + bestNamed + "; give metric_history.csv the past "
                + "models' values measured on this pack's evaluation data";
        Map<String, Double> withProduction = new LinkedHashMap<>(numbers);
        withProduction.put("productionHistory", past);
        withProduction.put("production", productionHere.value());
        withProduction.put("productionLower", here.lower());
        withProduction.put("productionUpper", here.upper());
        return Optional.of(new GateResult(Gate.CIRCUIT_BREAKER, GateOutcome.INSUFFICIENT_EVIDENCE, text,
                List.of(new Finding("historical best", GateOutcome.INSUFFICIENT_EVIDENCE, text, withProduction))));
    }

    /** The best value ever recorded, by the metric's direction. */
    static MetricHistoryPoint best(List<MetricHistoryPoint> history, Metric metric) {
        Comparator<MetricHistoryPoint> byValue = Comparator.comparingDouble(MetricHistoryPoint::value);
        return history.stream().max(metric.higherIsBetter() ? byValue : byValue.reversed()).orElseThrow();
    }
}
