package org.verdict.core.gates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.compare.DeltaOnFewBlocks;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.TestMethods;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.stats.MetricFormat;

/**
 * Gate 1: the candidate is at most a margin worse than production, judged on the worst end of the overall slice's
 * interval of Δ (the lower bound when higher is better, the upper bound for losses and errors), never on the point
 * estimate. Beyond the margin it fails where the interval shows the candidate worse and otherwise lacks evidence, as
 * the fairness and language-parity gates read an interval that straddles their tolerance. For the regression errors
 * (mae, rmse, mape) and the scoring losses (log_loss, brier) the margin is relative to production's value.
 */
final class PrimaryMetricGate implements PromotionGate {
    private final GatePolicy policy;

    PrimaryMetricGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        Metric metric = evidence.primaryMetric();
        Optional<SliceResult> overall = overall(evidence);
        if (overall.isEmpty()) {
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "the comparison has no overall result for " + metric.wireName());
        }
        SliceResult result = overall.get();
        if (result.verdict() == Verdict.TOO_FEW_EXAMPLES) {
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE,
                    "too few examples (" + MetricFormat.sampleSize(result.n()) + ") to judge " + metric.wireName());
        }
        if (!result.isAvailable()) {
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE,
                    metric.wireName() + " is unavailable: " + result.unavailableReason());
        }
        if (result.deltaCi() == null) {
            String waysForward = result.rareClassWaysForward();
            return GateResult.without(Gate.PRIMARY_METRIC, GateOutcome.INSUFFICIENT_EVIDENCE, metric.wireName()
                    + ": Δ has no trustworthy interval" + (result.isUnstable() ? " (" + result.unstableReason() + ")" : "")
                    + (waysForward == null ? "" : "; " + waysForward));
        }
        double margin = policy.primary().margin();
        boolean relative = metric.relativeBand();
        boolean higherIsBetter = metric.higherIsBetter();
        WorstCase worst = WorstCase.of(result, metric, margin);
        double worstCase = worst.end();
        double limit = worst.limit();
        boolean pass = worst.withinMargin();
        // beyond the margin, the gate fails only where the interval shows the candidate worse (it excludes 0 on the
        // worse side, the overall slice's "worse" in Compare); an interval that still reaches 0 neither rules out
        // nor shows a loss beyond the margin
        double bestCase = higherIsBetter ? result.deltaCi().upper() : result.deltaCi().lower();
        boolean shownWorse = higherIsBetter ? bestCase < 0 : bestCase > 0;
        GateOutcome outcome = pass ? GateOutcome.PASS
                : shownWorse ? GateOutcome.FAIL : GateOutcome.INSUFFICIENT_EVIDENCE;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("production", result.production().value());
        numbers.put("candidate", result.candidate().value());
        numbers.put("delta", result.delta());
        numbers.put("ciLower", result.deltaCi().lower());
        numbers.put("ciUpper", result.deltaCi().upper());
        numbers.put("margin", margin);
        numbers.put("limit", limit);
        numbers.put("n", (double) result.n());
        if (ranksPositives(evidence)) {
            numbers.put("positives", (double) evidence.primaryPositives());
            numbers.put("negatives", (double) (result.n() - evidence.primaryPositives()));
        }
        DeltaOnFewBlocks fewBlocks = result.fewBlocks();
        if (fewBlocks != null) {
            numbers.put("degreesOfFreedom", fewBlocks.degreesOfFreedom());
            numbers.put("carryingBlocks", (double) fewBlocks.carrying());
            numbers.put("blocks", (double) fewBlocks.blocks());
        }
        String comparison = worst.comparison();
        // the two values share their decimals, and so do Δ, its interval and the limit they are compared with
        double candidate = result.candidate().value();
        double production = result.production().value();
        double[] differences = {result.delta(), result.deltaCi().lower(), result.deltaCi().upper(), limit};
        TargetUnit unit = result.targetUnit();
        MetricFormat deltas = GateNumbers.differences(metric, unit, result.delta(), result.deltaCi(), differences);
        String marginText = relative
                ? GateNumbers.format(margin * 100) + "% of production's "
                        + GateNumbers.value(metric, unit, production, candidate)
                : "margin";
        String reading = switch (outcome) {
            case FAIL -> "; the whole interval is on the worse side of 0";
            case INSUFFICIENT_EVIDENCE -> ", but the interval reaches 0: a loss beyond the margin can be neither"
                    + " ruled out nor shown";
            default -> "";
        };
        String detail = String.format(Locale.ROOT,
                "%s (%s is better) on %s: candidate %s vs production %s, Δ %s, %s [%s, %s]; worst case %s %s %s (%s)%s; %s",
                metric.wireName(), higherIsBetter ? "higher" : "lower", sampleSize(evidence, result),
                GateNumbers.value(metric, unit, candidate, production),
                GateNumbers.value(metric, unit, production, candidate), deltas.signedAmong(result.delta(), differences),
                intervalName(result), deltas.signedAmong(result.deltaCi().lower(), differences),
                deltas.signedAmong(result.deltaCi().upper(), differences),
                deltas.signedAmong(worstCase, differences), comparison,
                deltas.signedAmong(limit, differences), marginText, reading,
                TestMethods.methodOf(result)) + (fewBlocks == null ? "" : "; Δ's interval " + fewBlocks.brief())
                + overallNote(metric, result);
        Finding finding = new Finding("overall", outcome, detail, numbers);
        return new GateResult(Gate.PRIMARY_METRIC, outcome, detail, List.of(finding));
    }

    /**
     * "; class refund is in model.classes but no row of the table is labelled with it, so macro_f1 and its intervals
     * average the 4 labelled classes; the candidate predicts it for 71 rows here (3.0%), production for none: …": the
     * overall note of a per-class average, which qualifies the very number judged (which classes it averages, what
     * those left out cost each model), so it stands where the number is judged. Empty otherwise.
     */
    private static String overallNote(Metric metric, SliceResult overall) {
        return metric.isUnweightedClassAverage() && overall.note() != null ? "; " + overall.note() : "";
    }

    /**
     * "24,000 rows", and for a ranking metric its positives and negatives, "7,000 rows (1,932 positives, 5,068
     * negatives)": how much an AUC can say rests on the smaller of the two.
     */
    private static String sampleSize(ReviewEvidence evidence, SliceResult overall) {
        String rows = MetricFormat.count(overall.n(), "row", "rows");
        return !ranksPositives(evidence) ? rows
                : rows + " (" + MetricFormat.count(evidence.primaryPositives(), "positive", "positives") + ", "
                        + MetricFormat.count(overall.n() - evidence.primaryPositives(), "negative", "negatives") + ")";
    }

    /** Whether the primary metric ranks positives above negatives, and the pack says how many of each it has. */
    private static boolean ranksPositives(ReviewEvidence evidence) {
        Metric metric = evidence.primaryMetric();
        return evidence.primaryPositives() != null && (metric == Metric.ROC_AUC || metric == Metric.PR_AUC);
    }

    /** "95% CI", or the shown interval's own description when the comparison says which one it is. */
    private String intervalName(SliceResult result) {
        return result.shownInterval() == null
                ? Math.round(policy.confidenceLevel() * 100) + "% CI"
                : result.shownInterval().describe();
    }

    static Optional<SliceResult> overall(ReviewEvidence evidence) {
        return evidence.primaryComparison().resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> r.slice().isOverall()).findFirst();
    }
}
