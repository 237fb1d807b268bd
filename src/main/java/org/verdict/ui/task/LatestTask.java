package org.verdict.ui.task;

/**
 * The one task of a kind whose result is still wanted: the comparison of what Compare shows now, the judgement of the
 * gates of the pack and candidate open now. A task started as the latest ({@link BackgroundTask#asLatestIn}) cancels
 * the one it supersedes, which would otherwise run to its end for nobody and, as one row-level comparison runs at a
 * time, keep the new one waiting. Used on the FX thread.
 */
public final class LatestTask {
    private SampledProgress running;

    void replaceWith(SampledProgress next) {
        cancel();
        running = next;
    }

    void finished(SampledProgress progress) {
        if (running == progress) {
            running = null;
        }
    }

    /** Cancels the latest task if it still runs: what it computes is no longer wanted. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
