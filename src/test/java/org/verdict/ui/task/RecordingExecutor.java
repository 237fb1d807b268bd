package org.verdict.ui.task;

import java.util.ArrayList;
import java.util.List;

/**
 * What the tests' executors share: FX-thread callbacks run at once on the test's thread, and failures nobody handled
 * are kept for the test to assert on, never dropped.
 */
public abstract class RecordingExecutor implements BackgroundExecutor {
    private final List<Throwable> unhandled = new ArrayList<>();

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
