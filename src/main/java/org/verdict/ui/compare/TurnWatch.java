package org.verdict.ui.compare;

import java.util.function.Consumer;
import org.verdict.core.task.Progress;

/**
 * The progress handed to a comparison: passes everything on to the status bar's, and tells when the comparison starts
 * waiting for its turn on the engine (the gates' judgement holds it) and when it starts, so the Compare view can say
 * "Waiting for…" rather than "Comparing…". Called on the worker; {@code waitingChanged} is told once per change.
 */
final class TurnWatch implements Progress {
    private final Progress shown;
    private final Consumer<Boolean> waitingChanged;
    private volatile boolean waiting;

    TurnWatch(Progress shown, Consumer<Boolean> waitingChanged) {
        this.shown = shown;
        this.waitingChanged = waitingChanged;
    }

    @Override
    public void waiting(String message) {
        shown.waiting(message);
        if (!waiting) {
            waiting = true;
            waitingChanged.accept(true);
        }
    }

    @Override
    public void update(double fraction, String message) {
        shown.update(fraction, message);
        if (waiting) {
            waiting = false;
            waitingChanged.accept(false);
        }
    }

    @Override
    public boolean isCancelled() {
        return shown.isCancelled();
    }
}
