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

    /** Runs an action once after a delay unless it is called off first: the FX animation clock, or a test's clock. */
    @FunctionalInterface
    interface Timer {
        /** Times the FX animation clock keeps, on the FX thread. */
        Timer FX = (delay, action) -> {
            PauseTransition pause = new PauseTransition(delay);
            pause.setOnFinished(finished -> action.run());
            pause.play();
            return pause::stop;
        };

        /** Runs {@code action} once {@code delay} has passed; the returned call calls it off if it has not run. */
        Runnable schedule(Duration delay, Runnable action);
    }

    /** Runs the latest request once {@code quiet} has passed without another, on the FX animation clock. */
    static QuietPeriod of(Duration quiet) {
        return of(quiet, Timer.FX);
    }

    /** Runs the latest request once {@code quiet} has passed without another, as {@code timer} tells the time. */
    static QuietPeriod of(Duration quiet, Timer timer) {
        Runnable[] callOff = {() -> { }};
        return action -> {
            callOff[0].run();
            callOff[0] = timer.schedule(quiet, action);
        };
    }
}
