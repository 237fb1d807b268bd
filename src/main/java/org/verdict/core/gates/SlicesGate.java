package org.verdict.core.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.verdict.core.compare.SliceCoverage;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.compare.Verdict;
import org.verdict.core.gates.model.Finding;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateNumbers;
import org.verdict.core.gates.model.GateOutcome;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.gates.model.NamedNumbers;
import org.verdict.core.gates.policy.GatePolicy;
import org.verdict.core.pack.Metric;
import org.verdict.core.stats.Interval;
import org.verdict.core.stats.MetricFormat;

/**
 * The primary metric in every slice, read from the comparison the primary gate and Compare read: a candidate better
 * on average may not be promoted while it is shown worse somewhere that matters. A slice fails when its verdict is
 * worse (its multiplicity-adjusted interval lies wholly on the worse side of 0) and the interval's worse end is beyond
 * the policy's primary margin, as gate 1 reads the overall slice; a slice shown worse by less than the margin passes,
 * as the same interval would pass overall. Untested slices (too few examples, unstable) never fail it: the gate's text
 * names them through the coverage sentence instead, so a board reads how few were looked at; when none could be tested
 * the gate has no evidence at all and says so (insufficient evidence) rather than pass.
 */
final class SlicesGate implements PromotionGate {
    private final GatePolicy policy;

    SlicesGate(GatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public GateResult judge(ReviewEvidence evidence) {
        Metric metric = evidence.primaryMetric();
        SliceCoverage coverage = evidence.primaryComparison().sliceCoverage(metric);
        if (coverage.slices() == 0) {
            // a manifest names at least one slice or sensitive column, yet the comparison is what the gate reads
            String reason = "the comparison has no slice beside the overall one, so the candidate cannot be judged"
                    + " per slice";
            return new GateResult(Gate.SLICES, GateOutcome.NOT_APPLICABLE, GateResult.NOT_APPLICABLE_PREFIX + reason,
                    List.of(Finding.of("slices", GateOutcome.NOT_APPLICABLE, reason)), null, "slice columns");
        }
        String heldOut = heldOutFoundWorse(coverage, evidence);
        if (coverage.tested() == 0) {
            String reason = coverage.noneWorse() + " " + noSliceTested(coverage, evidence) + heldOut;
            return new GateResult(Gate.SLICES, GateOutcome.INSUFFICIENT_EVIDENCE, reason, List.of(new Finding(
                    "slices", GateOutcome.INSUFFICIENT_EVIDENCE, reason, NamedNumbers.of("slices", coverage.slices())
                    .and("tested", 0).and("untested", coverage.untested().size()).inOrder())));
        }
        List<SliceResult> worse = evidence.worseSlices();
        if (worse.isEmpty()) {
            String reason = coverage.noneWorse() + heldOut;
            return new GateResult(Gate.SLICES, GateOutcome.PASS, reason, List.of(new Finding("slices",
                    GateOutcome.PASS, reason, NamedNumbers.of("slices", coverage.slices())
                    .and("tested", coverage.tested()).and("untested", coverage.untested().size()).inOrder())));
        }
        List<Finding> findings = new ArrayList<>();
        for (SliceResult slice : worse) {
            findings.add(judge(slice, evidence));
        }
        String heading = coverage.worseLead(worse.size());
        // the slices judged first, then those that could not be: a failing slice must not read as one more of a list
        String untested = (coverage.untested().isEmpty() ? "" : ". " + coverage.untestedSentence()) + heldOut;
        // worse slices are in the comparison's order, the largest loss first, which is the order the summary leads with
        GateResult judged = GateResult.fromFindings(Gate.SLICES, findings, heading + " "
                + String.join("; ", findings.stream().map(Finding::detail).toList()) + untested,
                Comparator.comparingInt(findings::indexOf));
        return judged.outcome() == GateOutcome.FAIL ? new GateResult(Gate.SLICES, GateOutcome.FAIL, heading + " "
                + judged.summary() + untested, findings) : judged;
    }

    /**
     * The slices this gate could not test that the held-out set tested and found worse, in a sentence that points to
     * them; empty when there are none. The held-out set is evidence only (docs/gates.md), so it changes no outcome,
     * but a pass over untested slices must not stand silent beside the one test that shows one of them worse.
     */
    private static String heldOutFoundWorse(SliceCoverage coverage, ReviewEvidence evidence) {
        Set<String> untested = coverage.untested().stream().map(r -> r.slice().label()).collect(Collectors.toSet());
        List<String> found = evidence.heldOutWorse().stream().filter(r -> untested.contains(r.slice().label()))
                .map(evidence::describe).toList();
        return found.isEmpty() ? "" : " The held-out set tested " + (found.size() == 1 ? "one" : found.size())
                + " of the slices untested here and found " + (found.size() == 1 ? "it" : "them") + " worse (evidence"
                + " only, so no outcome changes; read it before approving): " + String.join("; ", found) + ".";
    }

    /**
     * Why a gate that tested no slice cannot pass, and what would test one. Untested slices never fail the gate, and
     * where some were tested the pass says how few; but a pass over none would be a green mark that checked nothing,
     * so the slices the pack names leave the gate without evidence, as an untestable overall slice leaves gate 1.
     */
    private String noSliceTested(SliceCoverage coverage, ReviewEvidence evidence) {
        boolean tooFew = coverage.untested().stream().anyMatch(r -> r.verdict() == Verdict.TOO_FEW_EXAMPLES);
        int minimum = evidence.primaryComparison().options().minSliceSize();
        return "With no slice tested, a loss in any of them can be neither ruled out nor shown: the gate has no"
                + " evidence to pass on. A slice is tested when " + (tooFew ? "it has at least "
                + MetricFormat.count(minimum) + " examples and " : "") + "Δ of " + evidence.primaryMetric().wireName()
                + " has an interval there: gather more examples per slice or slice more coarsely; or, where the board"
                + " judges this model overall only, declare it in the policy with the board's reason:"
                + " \"notApplicable\": {\"slices\": \"<reason>\"}.";
    }

    /** One worse slice: a failure when a loss beyond the margin is shown, a pass when the whole loss is within it. */
    private Finding judge(SliceResult slice, ReviewEvidence evidence) {
        Metric metric = evidence.primaryMetric();
        Interval ci = slice.deltaCi();
        double margin = policy.primary().margin();
        // as gate 1: a share of production's value in this slice for the errors and scoring losses
        WorstCase worst = WorstCase.of(slice, metric, margin);
        double worstCase = worst.end();
        double limit = worst.limit();
        boolean withinMargin = worst.withinMargin();
        MetricFormat deltas = GateNumbers.differences(metric, slice.targetUnit(), slice.delta(), ci,
                worstCase, limit);
        String bound = slice.boundReason(ci);
        String detail = evidence.describe(slice) + ": worse on " + metric.wireName() + ", worst case "
                + deltas.signedAmong(worstCase, limit) + (worst.endAtBound() ? SliceResult.BOUND_MARK : "") + " "
                + worst.comparison() + " " + deltas.signedAmong(limit, worstCase)
                + " (" + (metric.relativeBand() ? GateNumbers.format(margin * 100) + "% of production's value here"
                : "the primary margin") + ")" + (withinMargin ? ", a loss within the margin" : "")
                + (bound == null ? "" : "; " + bound);
        NamedNumbers numbers = NamedNumbers.of("n", slice.n()).and("delta", slice.delta())
                .and("ciLower", ci.lower()).and("ciUpper", ci.upper());
        if (slice.shownInterval() != null) {
            numbers = numbers.and("level", slice.shownInterval().level());
        }
        if (slice.adjustedP() != null) {
            numbers = numbers.and("adjustedP", slice.adjustedP());
        }
        numbers = numbers.and("margin", margin).and("limit", limit);
        return new Finding(slice.slice().label(), withinMargin ? GateOutcome.PASS : GateOutcome.FAIL, detail,
                numbers.inOrder());
    }
}
