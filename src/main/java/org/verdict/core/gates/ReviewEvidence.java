package org.verdict.core.gates;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.verdict.core.compare.ComparisonReport;
import org.verdict.core.compare.SliceCoverage;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.compare.WorseOverall;
import org.verdict.core.gates.evidence.CanaryEvidence;
import org.verdict.core.gates.evidence.FairnessEvidence;
import org.verdict.core.gates.evidence.HoldoutGroupEvidence;
import org.verdict.core.gates.evidence.HumanBaselineEvidence;
import org.verdict.core.gates.evidence.LatencyEvidence;
import org.verdict.core.gates.evidence.SafetyEvidence;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.suites.MetricHistoryPoint;
import org.verdict.core.gates.suites.PackSuites;
import org.verdict.core.pack.Metric;
import org.verdict.core.pack.TargetUnit;
import org.verdict.core.pack.Task;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;
import org.verdict.core.summary.HeldOutSet;

/**
 * Everything the gates judge for one candidate, already computed: the primary comparison and each optional suite's
 * evidence (empty when the pack does not have the suite).
 *
 * @param primaryComparison candidate vs production on the primary suite (overall, slices, languages, groups)
 * @param primaryPositives examples of the positive label in the primary suite (binary tasks), else null: the sample
 *                         size of a ranking metric (roc_auc, pr_auc) is as much its positives as its rows
 * @param languageComparison candidate vs production per language only, so that the multiple-comparison adjustment
 *                           runs over the languages; empty when the primary suite has no language column
 * @param fairnessUnavailable why {@code fairness} is empty when the pack has sensitive columns but fairness cannot be
 *                            measured (e.g. a regression task), else null
 * @param holdoutComparison candidate vs production on the held-out evaluation set, when the pack has one (with the
 *                          methods of its numbers when a summary pack summarised it): no gate reads it, but what it
 *                          shows worse is a finding of its own ({@link #heldOutWorse})
 * @param suites the optional suites as read, for the views
 */
public record ReviewEvidence(
        String packName,
        Task task,
        Metric primaryMetric,
        String production,
        String candidate,
        int riskTier,
        ComparisonReport primaryComparison,
        Long primaryPositives,
        Optional<ComparisonReport> languageComparison,
        Optional<SafetyEvidence> safety,
        Optional<FairnessEvidence> fairness,
        String fairnessUnavailable,
        Optional<LatencyEvidence> latency,
        Optional<CanaryEvidence> canary,
        Optional<List<MetricHistoryPoint>> metricHistory,
        Optional<HumanBaselineEvidence> humanBaseline,
        Optional<HoldoutGroupEvidence> holdoutGroup,
        Optional<HeldOutSet.Comparison> holdoutComparison,
        PackSuites suites) {

    /** The regression target's unit, written beside every number in it ({@link TargetUnit#NONE}: bare numbers). */
    public TargetUnit targetUnit() {
        return primaryComparison.options().targetUnit();
    }

    /**
     * The slices where the candidate is significantly worse than production on the primary metric (the comparison's
     * adjusted test), the largest loss first: the answer to "why not?" beyond the overall number.
     */
    public List<SliceResult> worseSlices() {
        return worseFirst(primaryComparison.resultsFor(primaryMetric).stream()
                .filter(r -> !r.slice().isOverall()).toList());
    }

    /**
     * The results significantly worse on the primary metric on the held-out evaluation set, the overall one among
     * them, the largest loss first; empty when the pack has none or it was not compared. No gate reads them, so they
     * are findings of their own: the one place a loss the primary suite could not test may be shown.
     */
    public List<SliceResult> heldOutWorse() {
        return holdoutComparison.map(holdout -> worseFirst(holdout.report().resultsFor(primaryMetric)))
                .orElse(List.of());
    }

    private List<SliceResult> worseFirst(List<SliceResult> results) {
        double orientation = primaryMetric.higherIsBetter() ? 1 : -1;
        return results.stream()
                .filter(r -> r.verdict() == Verdict.WORSE && r.delta() != null)
                .sorted(Comparator.comparingDouble(r -> orientation * r.delta()))
                .toList();
    }

    /**
     * What else is significantly worse overall, which no gate judges: the other metrics of the primary suite and, for a
     * multiclass task, each class's recall (see {@link WorseOverall#of}); each said by {@link WorseOverall#line()}.
     */
    public List<WorseOverall> worseOverall() {
        return primaryComparison.worseOverall();
    }

    /**
     * The worse slices, what else is worse overall and the classes the candidate loses without a test showing it, in
     * the lines every view of a review shows them.
     */
    public WorseFindings worseFindings() {
        List<String> slices = worseSlices().stream().map(this::describe).toList();
        SliceCoverage coverage = primaryComparison.sliceCoverage(primaryMetric);
        return new WorseFindings(slices,
                slices.isEmpty() ? coverage.noneWorse() : coverage.worseHeading(slices.size()),
                worseOverall().stream().map(WorseOverall::line).toList(), primaryComparison.nothingElseWorse(),
                primaryComparison.lostClassesText(), heldOutWorse().stream().map(this::describeHeldOut).toList());
    }

    /** A held-out finding in one line, which says where it was found: "held-out set, device=kiosk: Δ …". */
    public String describeHeldOut(SliceResult slice) {
        return "held-out set, " + describe(slice);
    }

    /** A worse slice in one line: its name, Δ with the interval its verdict reads (and its level), n, adjusted p. */
    public String describe(SliceResult slice) {
        Interval ci = slice.deltaCi();
        MetricFormat deltas = ci == null ? null
                : GateNumbers.differences(primaryMetric, slice.targetUnit(), slice.delta(), ci);
        return slice.slice().label() + ": Δ " + (ci == null
                ? GateNumbers.signed(primaryMetric, slice.targetUnit(), slice.delta())
                // an end at the bound of what the candidate can have is marked as Compare's table marks it
                : slice.boundMarked(ci, deltas.signedAmong(slice.delta(), ci.lower(), ci.upper()) + " ["
                + deltas.signedAmong(ci.lower(), slice.delta(), ci.upper()) + ", "
                + deltas.signedAmong(ci.upper(), slice.delta(), ci.lower()) + "]")
                + (slice.shownInterval() == null ? "" : " at " + slice.shownInterval().levelText()))
                + " (" + slice.counts().sampleSize(slice.n()) + (slice.adjustedP() == null ? "" : ", adjusted p "
                + MetricFormat.pValue(slice.adjustedP())) + ")";
    }
}
