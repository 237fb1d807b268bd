package org.verdict.ui.task;

import org.verdict.core.task.Progress;

/**
 * The {@link Progress} handed to core work. The worker only writes plain volatile fields; the UI samples them
 * on its own schedule (every ~50 ms), so a tight loop reporting millions of updates never floods the FX thread.
 */
public final class SampledProgress implements Progress {
    private volatile double fraction = -1;
    private volatile String message = "";
    private volatile boolean cancelled;

    @Override
    public void update(double fraction, String message) {
        this.fraction = fraction;
        this.message = message == null ? "" : message;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }

    /** 0..1, or negative while unknown. */
    public double fraction() {
        return fraction;
    }

    public String message() {
        return message;
    }
}
