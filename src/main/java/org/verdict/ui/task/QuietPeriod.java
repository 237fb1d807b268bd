package org.verdict.ui.task;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs the last of a burst of requests once they stop coming: a chart drawn once for a word typed into a filter, not
 * once per letter. Requests are made, and the action runs, on the FX thread.
 */
@FunctionalInterface
public interface QuietPeriod {
    /** Every request at once: view-model tests, which then count what each request did. */
    QuietPeriod NONE = Runnable::run;

    /** Runs {@code action} once no further request has come for a moment; a later request takes its place. */
    void request(Runnable action);

    /** Runs the latest request once {@code quiet} has passed without another. */
    static QuietPeriod of(Duration quiet) {
        PauseTransition pause = new PauseTransition(quiet);
        return action -> {
            pause.setOnFinished(finished -> action.run());
            pause.playFromStart();
        };
    }
}
