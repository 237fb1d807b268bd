package org.verdict.core.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.verdict.core.compare.SliceResult;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateEvaluation;
import org.verdict.core.gates.ReviewEvidence;
import org.verdict.core.gates.model.Gate;
import org.verdict.core.gates.model.GateResult;
import org.verdict.core.ledger.EvaluationSummary.KeyMetric;
import org.verdict.core.ledger.EvaluationSummary.WorseSlice;

/**
 * The gate table a decision record states ({@link EvaluationSummary}) against the gates Verdict judges: what a
 * record made from a review says, and every way a stated table differs from the judged one.
 */
public final class RecordedOutcomes {
    private RecordedOutcomes() {
    }

    /**
     * The review as a record states it: every gate by title with its outcome and summary (for a gate the policy
     * declares not applicable, "not applicable — " and the reason), the primary metric with its interval, its level
     * and n (and the target's unit when the metric is in it), and the slices significantly worse on it.
     */
    public static EvaluationSummary summaryOf(CandidateReview review) {
        List<EvaluationSummary.GateOutcome> gates = review.gates().gates().stream()
                .map(g -> new EvaluationSummary.GateOutcome(g.gate().title(), g.outcome().label(), g.summary()))
                .toList();
        return new EvaluationSummary(gates, primaryMetric(review).stream().toList(), worseSlices(review));
    }

    private static Optional<KeyMetric> primaryMetric(CandidateReview review) {
        ReviewEvidence evidence = review.evidence();
        Optional<SliceResult> overall = evidence.primaryComparison().resultsFor(evidence.primaryMetric()).stream()
                .filter(r -> r.slice().isOverall()).findFirst();
        return review.gates().result(Gate.PRIMARY_METRIC).findings().stream()
                .filter(f -> f.numbers().containsKey("delta")).findFirst().map(f -> {
                    Map<String, Double> n = f.numbers();
                    // mae and rmse in dollars say so: an auditor reading the record later needs no pack for it
                    return new KeyMetric(evidence.primaryMetric().wireName(), n.get("production"),
                            n.get("candidate"), n.get("delta"), n.get("ciLower"), n.get("ciUpper"), null,
                            overall.map(r -> (long) r.n()).orElse(null),
                            overall.map(r -> levelOf(r, review)).orElse(null))
                            .inTargetUnit(evidence.targetUnit());
                });
    }

    /** The slices significantly worse on the primary metric, as the Slices gate and every view list them. */
    private static List<WorseSlice> worseSlices(CandidateReview review) {
        ReviewEvidence evidence = review.evidence();
        String unit = evidence.primaryMetric().inTargetUnits() ? evidence.targetUnit().written().orElse(null) : null;
        return evidence.worseSlices().stream().map(r -> new WorseSlice(r.slice().label(),
                evidence.primaryMetric().wireName(), (long) r.n(), r.delta(),
                r.deltaCi() == null ? null : r.deltaCi().lower(), r.deltaCi() == null ? null : r.deltaCi().upper(),
                levelOf(r, review), unit)).toList();
    }

    /** The level of the interval the result's verdict reads: its own where the comparison says, else the policy's. */
    private static double levelOf(SliceResult result, CandidateReview review) {
        return result.shownInterval() == null ? review.policy().confidenceLevel() : result.shownInterval().level();
    }

    /**
     * One line per difference between the stated table and the judged gates: a gate stated with another outcome,
     * a judged gate the table leaves out, a gate Verdict does not judge, a gate stated twice. Gates are matched
     * by title or JSON name, case and spaces aside. Empty when the table states exactly what Verdict judges.
     */
    public static List<String> differences(EvaluationSummary stated, GateEvaluation judged) {
        List<String> differences = new ArrayList<>();
        for (GateResult gate : judged.gates()) {
            List<EvaluationSummary.GateOutcome> statements = stated.gates().stream()
                    .filter(s -> names(s.gate(), gate.gate())).toList();
            String computed = gate.outcome().label();
            if (statements.isEmpty()) {
                differences.add(gate.gate().title() + ": the record leaves it out; Verdict judges it " + computed);
            } else if (statements.size() > 1) {
                differences.add(gate.gate().title() + ": the record states it " + statements.size() + " times");
            } else if (!computed.equals(statements.get(0).result())) {
                differences.add(gate.gate().title() + ": the record says " + statements.get(0).result()
                        + ", Verdict judges " + computed + " (" + GateResult.besideOutcome(gate.summary()) + ")");
            }
        }
        for (EvaluationSummary.GateOutcome statement : stated.gates()) {
            if (judged.gates().stream().noneMatch(g -> names(statement.gate(), g.gate()))) {
                differences.add(statement.gate() + ": not a gate Verdict judges (gates: " + String.join(", ",
                        judged.gates().stream().map(g -> g.gate().wireName()).toList()) + ")");
            }
        }
        return differences;
    }

    private static boolean names(String stated, Gate gate) {
        return EvaluationSummary.sameGate(stated, gate.title()) || EvaluationSummary.sameGate(stated, gate.wireName());
    }
}
