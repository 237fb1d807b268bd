package org.verdict.ui.task;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.verdict.core.task.Progress;

/**
 * The progress handed to work that may wait for its turn on the comparison engine (one row-level comparison runs at a
 * time: Compare's and the gates' judgement take turns): passes everything on to the status bar's, and tells when the
 * work starts waiting and when it starts, so the view that asked can say {@link #waitingText()} rather than that it
 * computes. Called on the worker; {@code waitingChanged} is told once per change.
 */
public final class TurnWatch implements Progress {
    private final Progress shown;
    private final Consumer<Boolean> waitingChanged;
    private volatile boolean waiting;

    public TurnWatch(Progress shown, Consumer<Boolean> waitingChanged) {
        this.shown = shown;
        this.waitingChanged = waitingChanged;
    }

    /** What a view says while its work waits for its turn: one sentence for Compare and Gates alike. */
    public static String waitingText() {
        return ResourceBundle.getBundle("org.verdict.ui.task.task").getString("turn.waiting");
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
