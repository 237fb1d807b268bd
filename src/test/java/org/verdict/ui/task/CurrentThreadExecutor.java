package org.verdict.ui.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs everything at once on the calling thread: tests of view-models and views get deterministic results
 * without waiting. Unhandled failures are kept so a test can assert on them.
 */
public final class CurrentThreadExecutor implements BackgroundExecutor {
    private final List<Throwable> unhandled = new ArrayList<>();

    @Override
    public void runInBackground(Runnable work) {
        work.run();
    }

    @Override
    public void runOnFxThread(Runnable action) {
        action.run();
    }

    @Override
    public void reportUnhandled(Throwable failure) {
        unhandled.add(failure);
    }

    public List<Throwable> unhandledFailures() {
        return List.copyOf(unhandled);
    }
}
