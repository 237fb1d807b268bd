package org.verdict.ui.task;

/**
 * Runs everything at once on the calling thread: tests of view-models and views get deterministic results
 * without waiting. Unhandled failures are kept so a test can assert on them.
 */
public final class CurrentThreadExecutor extends RecordingExecutor {
    @Override
    public void runInBackground(Runnable work) {
        work.run();
    }
}
