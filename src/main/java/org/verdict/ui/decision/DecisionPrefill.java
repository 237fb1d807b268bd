package org.verdict.ui.decision;

import java.util.List;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.gates.triggers.TriggerState;
import org.verdict.core.ledger.EvaluationSummary;
import org.verdict.core.ledger.RecordedOutcomes;
import org.verdict.core.ledger.TriggerEvidence;

/**
 * What the gate review of a candidate contributes to its decision record: which candidate was judged, the gate
 * table as {@code log append --pack} would judge it (one row per gate with its outcome and deciding numbers, and the
 * primary metric), the retraining triggers with their evidence, and what else is significantly worse, as the Gates
 * view lists it.
 *
 * @param candidate the judged candidate; null when the gates have not run
 * @param worse what is significantly worse beyond the gates' outcomes; {@link WorseFindings#NONE} when not judged
 */
public record DecisionPrefill(String candidate, EvaluationSummary evaluation, List<TriggerEvidence> triggers,
                              WorseFindings worse) {
    /** Nothing from the gates: they have not run, or could not. */
    public static final DecisionPrefill NONE = new DecisionPrefill(null, null, List.of(), WorseFindings.NONE);

    public DecisionPrefill {
        triggers = List.copyOf(triggers);
    }

    public static DecisionPrefill of(CandidateReview review) {
        List<TriggerEvidence> triggers = review.triggers().triggers().stream()
                .map(t -> new TriggerEvidence(t.trigger().title(), t.state() == TriggerState.FIRED,
                        t.state().label() + ": " + t.detail()))
                .toList();
        return new DecisionPrefill(review.gates().candidate(), RecordedOutcomes.summaryOf(review), triggers,
                review.evidence().worseFindings());
    }
}
