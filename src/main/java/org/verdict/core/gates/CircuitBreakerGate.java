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
 * Gate 7: the candidate's primary metric is at most the margin worse than the best past production value, judged on
 * the worse end of the candidate's interval on this pack (Compare's interval of its value), never on the point
 * estimate: it passes when that end is within the margin of the best, fails when the whole interval lies beyond it,
 * and otherwise lacks evidence, as gate 1 and language parity read an interval that straddles their limit. The best is
 * the bar as the history recorded it; its n and interval, where the history gives them, are shown beside it. The
 * history is comparable with this pack only when it was measured on the same kind of data: when production's own
 * history value lies outside production's interval on this pack, the gate lacks evidence rather than judge the
 * candidate against numbers from other data.
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
        boolean higherIsBetter = metric.higherIsBetter();
        MetricHistoryPoint best = best(history, metric);
        MetricEstimate candidateHere = overall.get().candidate();
        double candidate = candidateHere.value();
        Interval ci = candidateHere.ci();
        long n = overall.get().n();
        // the regression errors and scoring losses (Metric.relativeBand): the margin is a share of the best value,
        // like the primary gate's
        double margin = policy.circuitBreaker().margin() * (metric.relativeBand() ? Math.abs(best.value()) : 1);
        double limit = higherIsBetter ? best.value() - margin : best.value() + margin;
        double shortfall = higherIsBetter ? best.value() - candidate : candidate - best.value();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("best", best.value());
        numbers.put("candidate", candidate);
        numbers.put("shortfall", shortfall);
        numbers.put("margin", margin);
        numbers.put("limit", limit);
        numbers.put("n", (double) n);
        if (ci != null) {
            numbers.put("candidateLower", ci.lower());
            numbers.put("candidateUpper", ci.upper());
        }
        if (best.n() != null) {
            numbers.put("bestN", (double) best.n());
        }
        if (best.ci() != null) {
            numbers.put("bestLower", best.ci().lower());
            numbers.put("bestUpper", best.ci().upper());
        }
        // every number of the sentence is compared with the others: one set of decimals, with those that keep the
        // worst case apart from the limit and the shortfall from the margin they are judged against
        double[] compared = ci == null ? new double[] {candidate, best.value(), shortfall, margin, limit}
                : new double[] {candidate, ci.lower(), ci.upper(), best.value(), shortfall, margin, limit};
        TargetUnit unit = evidence.targetUnit();
        MetricFormat written = GateNumbers.against(metric, unit, new double[] {margin, limit},
                ci == null ? new double[] {shortfall} : new double[] {shortfall, ci.lower(), ci.upper()});
        // named as Compare marks it where the metric's own interval gave way to the bootstrap percentile one
        String candidateNamed = written.valueAmong(candidate, compared) + (ci == null ? ""
                : " [" + written.valueAmong(ci.lower(), compared) + ", " + written.valueAmong(ci.upper(), compared)
                        + "] (" + GateNumbers.level(evidence.primaryComparison().options().confidenceLevel())
                        + (candidateHere.ciFallback() == null ? " CI)" : " percentile interval)"));
        String bestNamed = bestNamed(best, written, compared);
        Optional<GateResult> otherData = measuredOnOtherData(evidence, history, overall.get(), numbers,
                candidateNamed, bestNamed);
        if (otherData.isPresent()) {
            return otherData.get();
        }
        String measured = metric.wireName() + " (" + (higherIsBetter ? "higher" : "lower") + " is better) on "
                + MetricFormat.count(n, "row", "rows") + ": candidate " + candidateNamed + " vs historical best "
                + bestNamed + ", "
                + (shortfall > 0 ? "worse than it by " + written.valueAmong(shortfall, compared) : "as good or better")
                + ", margin " + written.valueAmong(margin, compared)
                + (metric.relativeBand() ? " (" + GateNumbers.format(policy.circuitBreaker().margin() * 100)
                        + "% of the best)" : "");
        String unchecked = productionUnchecked(evidence, history, overall.get(), limit, numbers);
        if (ci == null) {
            String text = measured + "; the candidate's value has no interval on this pack"
                    + (overall.get().isUnstable() ? " (" + overall.get().unstableReason() + ")" : "")
                    + ", so a loss beyond the margin can be neither ruled out nor shown" + unchecked;
            return new GateResult(Gate.CIRCUIT_BREAKER, GateOutcome.INSUFFICIENT_EVIDENCE, text, List.of(
                    new Finding("historical best", GateOutcome.INSUFFICIENT_EVIDENCE, text, numbers)));
        }
        double worstCase = higherIsBetter ? ci.lower() : ci.upper();
        double bestCase = higherIsBetter ? ci.upper() : ci.lower();
        boolean pass = higherIsBetter ? worstCase >= limit : worstCase <= limit;
        boolean shownWorse = higherIsBetter ? bestCase < limit : bestCase > limit;
        GateOutcome outcome = pass ? GateOutcome.PASS : shownWorse ? GateOutcome.FAIL
                : GateOutcome.INSUFFICIENT_EVIDENCE;
        String reading = "; worst case " + written.valueAmong(worstCase, compared) + " "
                + (pass ? (higherIsBetter ? "≥" : "≤") : (higherIsBetter ? "<" : ">")) + " "
                + written.valueAmong(limit, compared) + " (the best " + (higherIsBetter ? "−" : "+") + " margin)"
                + (switch (outcome) {
                    case FAIL -> "; the whole interval lies beyond it: the candidate is shown worse than the best by"
                            + " more than the margin";
                    case INSUFFICIENT_EVIDENCE -> ", but the interval reaches past it: a loss beyond the margin can be"
                            + " neither ruled out nor shown. " + undecided(candidate, ci, limit, higherIsBetter, n,
                            written, compared);
                    default -> "";
                });
        String text = measured + reading + unchecked;
        return new GateResult(Gate.CIRCUIT_BREAKER, outcome, text,
                List.of(new Finding("historical best", outcome, text, numbers)));
    }

    /**
     * "0.829 [0.819, 0.839] (version 40, 2026-08-03, n=20,000)", or with "the history holds point values only"
     * where it gives neither n nor interval: the bar is a number measured once too, and a reader weighs it by what
     * the history says of it.
     */
    private static String bestNamed(MetricHistoryPoint best, MetricFormat written, double[] compared) {
        Interval ci = best.ci();
        // a version is any name ("41", "m3"): "version" says what it is, where a "v" prefix made "vm3"
        return written.valueAmong(best.value(), compared)
                + (ci == null ? "" : " [" + written.valueAmong(ci.lower(), compared) + ", "
                        + written.valueAmong(ci.upper(), compared) + "]")
                + " (version " + best.version() + ", " + best.date()
                + (best.n() == null ? "" : ", " + MetricFormat.sampleSize(best.n()))
                + (best.hasUncertainty() ? "" : "; the history holds point values only") + ")";
    }

    /**
     * What would settle an interval that straddles the limit, as the fairness gate says it: the half-width on the
     * side that straddles taken to shrink as 1/√n, so the examples that bring that end to the limit if the
     * candidate's value stays where it was measured; none where the value sits on the limit itself.
     */
    private static String undecided(double candidate, Interval ci, double limit, boolean higherIsBetter, long n,
                                    MetricFormat written, double[] compared) {
        if (candidate == limit) {
            return "The candidate's value is the limit itself, so no number of examples would settle it";
        }
        // on the limit's good side more examples would bring the worse end up to it; on its bad side the better end
        boolean goodSide = higherIsBetter == candidate > limit;
        double worseEnd = higherIsBetter ? ci.lower() : ci.upper();
        double betterEnd = higherIsBetter ? ci.upper() : ci.lower();
        double halfWidth = Math.abs((goodSide ? worseEnd : betterEnd) - candidate);
        long needed = FairnessGate.examplesToReach(n, halfWidth, Math.abs(candidate - limit));
        return "About " + MetricFormat.count(needed) + " examples (now " + MetricFormat.count(n) + ") like these"
                + " would show it " + (goodSide ? "within" : "beyond") + " the margin if the candidate's value stays at "
                + written.valueAmong(candidate, compared) + " (an approximation: the interval taken to narrow as"
                + " 1/√n)";
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

    /**
     * Where production has no value in the history, the check of {@link #measuredOnOtherData} cannot be made: the
     * line says so and gives production's value on this pack (into {@code numbers} too), and where production itself
     * lies beyond the limit, that the history may be of other data, since the model in service would not pass it.
     * Empty where production has a history value or no interval here.
     */
    private static String productionUnchecked(ReviewEvidence evidence, List<MetricHistoryPoint> history,
                                              SliceResult overall, double limit, Map<String, Double> numbers) {
        MetricEstimate productionHere = overall.production();
        if (productionHere == null || productionHere.ci() == null
                || history.stream().anyMatch(p -> p.version().equals(evidence.production()))) {
            return "";
        }
        Interval here = productionHere.ci();
        numbers.put("production", productionHere.value());
        numbers.put("productionLower", here.lower());
        numbers.put("productionUpper", here.upper());
        boolean higherIsBetter = evidence.primaryMetric().higherIsBetter();
        boolean productionBeyond = higherIsBetter ? here.upper() < limit : here.lower() > limit;
        MetricFormat compared = evidence.primaryComparison().metricFormat(evidence.primaryMetric());
        List<String> versions = history.stream().map(MetricHistoryPoint::version).distinct().toList();
        return ". Production " + evidence.production() + " has no value in the history (its versions: "
                + (versions.size() <= 3 ? String.join(", ", versions)
                        : versions.get(0) + " to " + versions.get(versions.size() - 1))
                + "), so whether the history was measured on data like this pack's cannot be checked; production's "
                + evidence.primaryMetric().wireName() + " here is " + compared.estimate(productionHere.value(),
                        here.lower(), here.upper()) + " (" + MetricFormat.sampleSize(overall.n()) + ")"
                + (productionBeyond ? ", itself beyond the best " + (higherIsBetter ? "−" : "+")
                        + " margin: the model in service would not pass this"
                        + " bar, so the history may be of other data; give metric_history.csv production's value"
                        + " measured on this pack's evaluation data" : "");
    }

    /** The best value ever recorded, by the metric's direction. */
    static MetricHistoryPoint best(List<MetricHistoryPoint> history, Metric metric) {
        Comparator<MetricHistoryPoint> byValue = Comparator.comparingDouble(MetricHistoryPoint::value);
        return history.stream().max(metric.higherIsBetter() ? byValue : byValue.reversed()).orElseThrow();
    }
}
