package org.verdict.ui.decision;

import java.util.List;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.triggers.TriggerState;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.TriggerEvidence;

/**
 * What the gate review of a candidate contributes to its decision record: the gate table (one row per gate with
 * its outcome and deciding numbers) and the retraining triggers with their evidence.
 */
public record DecisionPrefill(EvaluationSummary evaluation, List<TriggerEvidence> triggers) {
    /** Nothing from the gates: they have not run, or could not. */
    public static final DecisionPrefill NONE = new DecisionPrefill(null, List.of());

    public DecisionPrefill {
        triggers = List.copyOf(triggers);
    }

    public static DecisionPrefill of(CandidateReview review) {
        List<EvaluationSummary.GateOutcome> gates = review.gates().gates().stream()
                .map(g -> new EvaluationSummary.GateOutcome(g.gate().title(), g.outcome().label(), g.summary()))
                .toList();
        List<TriggerEvidence> triggers = review.triggers().triggers().stream()
                .map(t -> new TriggerEvidence(t.trigger().title(), t.state() == TriggerState.FIRED,
                        t.state().label() + ": " + t.detail()))
                .toList();
        return new DecisionPrefill(new EvaluationSummary(gates, List.of()), triggers);
    }
}
