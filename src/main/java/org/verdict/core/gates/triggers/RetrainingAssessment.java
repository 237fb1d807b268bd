package org.verdict.core.gates.triggers;

import java.util.List;

/**
 * Which retraining triggers fired, with their evidence, and the suggested decision with its reason.
 *
 * @param drift per feature (and the predictions), empty without a drift suite
 * @param feedback per day, empty without a feedback file
 */
public record RetrainingAssessment(List<TriggerResult> triggers, List<FeatureDrift> drift,
                                   List<FeedbackCheck> feedback, RetrainingDecision suggestion, String rationale) {
    public RetrainingAssessment {
        triggers = List.copyOf(triggers);
        drift = List.copyOf(drift);
        feedback = List.copyOf(feedback);
    }

    public TriggerResult result(Trigger trigger) {
        return triggers.stream().filter(t -> t.trigger() == trigger).findFirst().orElseThrow();
    }

    public boolean fired(Trigger trigger) {
        return result(trigger).state() == TriggerState.FIRED;
    }
}
